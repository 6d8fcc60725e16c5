// A v3 client whose axios instance has a timeout and retries 429/5xx with axios-retry.
const axios = require('axios');
const axiosRetry = require('axios-retry').default;
const { Configuration, OpenAIApi } = require('openai');

const http = axios.create({ timeout: 30_000 });
axiosRetry(http, { retries: 3, retryDelay: axiosRetry.exponentialDelay, retryCondition: (e) => !e.response || e.response.status === 429 || e.response.status >= 500 });

module.exports = new OpenAIApi(new Configuration({ apiKey: process.env.OPENAI_API_KEY }), undefined, http);
