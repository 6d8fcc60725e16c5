// Express gateway in front of a llama.cpp server and an ollama on this machine, plus one hosted call:
// a local model server has no rate limits or shared overload to ride out, the hosted API does.
// corpus: labels llm-http-without-retry
import express from 'express';
import axios from 'axios';

const OLLAMA_HOST = process.env.OLLAMA_HOST || 'http://localhost:11434';
const llamaCpp = axios.create({ baseURL: 'http://127.0.0.1:8080', timeout: 120_000 });

const app = express();
app.use(express.json());

app.post('/v1/chat/completions', async (req, res) => {
  const upstream = await llamaCpp.post('/v1/chat/completions', req.body);
  res.status(upstream.status).json(upstream.data);
});

app.post('/generate', async (req, res) => {
  const r = await fetch(`${OLLAMA_HOST}/api/generate`, {
    method: 'POST',
    body: JSON.stringify({ model: 'llama3.1', prompt: req.body.prompt, stream: false }),
    signal: AbortSignal.timeout(120_000),
  });
  res.json(await r.json());
});

app.post('/hosted', async (req, res) => {
  const r = await fetch('https://api.groq.com/openai/v1/chat/completions', { // expect: llm-http-without-retry
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.GROQ_API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'llama-3.1-8b-instant', messages: req.body.messages }),
    signal: AbortSignal.timeout(30_000),
  });
  res.json(await r.json());
});

app.listen(8081);
