// axios straight to the Anthropic Messages API: the response is destructured without await.
const express = require('express');
const axios = require('axios');

const anthropicApi = axios.create({
  baseURL: 'https://api.anthropic.com/v1',
  timeout: 30000,
  headers: { 'x-api-key': process.env.ANTHROPIC_API_KEY, 'anthropic-version': '2023-06-01' },
});

const app = express();
app.use(express.json());

app.post('/claude', async (req, res) => {
  const { data } = anthropicApi.post('/messages', { model: 'claude-sonnet-4-5', max_tokens: 512, messages: req.body.messages }); // expect: unawaited-llm-call
  res.json(data);
});

app.post('/claude-ok', async (req, res) => {
  const { data } = await anthropicApi.post('/messages', { model: 'claude-sonnet-4-5', max_tokens: 512, messages: req.body.messages });
  res.json(data);
});

app.listen(3000);
