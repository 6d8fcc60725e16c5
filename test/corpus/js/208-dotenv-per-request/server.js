// Express app that reloads its settings inside a route: dotenv.config() reads .env with readFileSync on
// every request. Loading it once at startup, or through `dotenv/config`, is fine.
// corpus: labels blocking-call-in-async-handler
require('dotenv').config();
const express = require('express');
const dotenv = require('dotenv');
const OpenAI = require('openai');

const app = express();
app.use(express.json());

app.post('/chat', async (req, res) => {
  require('dotenv').config(); // expect: blocking-call-in-async-handler
  const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, timeout: 30_000 });
  const r = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages });
  res.json(r.choices[0].message);
});

function settings() {
  dotenv.config({ override: true }); // expect: blocking-call-in-async-handler
  return { model: process.env.MODEL ?? 'gpt-4o-mini' };
}

app.get('/settings', async (_req, res) => {
  res.json(settings());
});

app.get('/health', (_req, res) => res.send('ok'));

app.listen(3000);
