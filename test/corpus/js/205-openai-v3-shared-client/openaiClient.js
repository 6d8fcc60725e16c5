// openai-node v3 client shared by the routes: axios underneath, a custom instance for large uploads. Neither
// the configuration nor the instance sets a timeout, and v3 never retries.
// corpus: labels llm-call-without-timeout, llm-http-without-retry
const axios = require('axios');
const { Configuration, OpenAIApi } = require('openai');

const uploads = axios.create({ maxBodyLength: Infinity, maxContentLength: Infinity });
const configuration = new Configuration({ apiKey: process.env.OPENAI_API_KEY });

const openai = new OpenAIApi(configuration, undefined, uploads); // expect: llm-call-without-timeout, llm-http-without-retry

// The batch client bounds every request with its axios instance and retries through axios-retry (in
// retrying.js); this one is only bounded.
const bounded = new OpenAIApi(configuration, undefined, axios.create({ timeout: 45_000 })); // expect: llm-http-without-retry

module.exports = { openai, bounded };
