// CommonJS settings module: one object per vendor, read by the CommonJS summary service.
module.exports = {
  mistral: { apiKey: process.env.MISTRAL_API_KEY, timeoutMs: 30_000 },
  mistralRetrying: {
    apiKey: process.env.MISTRAL_API_KEY,
    timeoutMs: 30_000,
    retryConfig: { strategy: 'backoff', backoff: { initialInterval: 500, maxInterval: 8000, exponent: 2, maxElapsedTime: 30_000 }, retryConnectionErrors: true },
  },
};
