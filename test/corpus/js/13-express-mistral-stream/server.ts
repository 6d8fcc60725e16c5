// Streaming chat with Mistral: one route iterates the stream promise without awaiting it.
import express from 'express';
import { Mistral } from '@mistralai/mistralai';

const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY ?? '', timeoutMs: 60_000 });
const app = express();
app.use(express.json());

app.post('/stream', async (req, res) => {
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  for await (const event of mistral.chat.stream({ model: 'mistral-small-latest', messages: req.body.messages })) { // expect: unawaited-llm-call
    res.write(event.data.choices[0]?.delta.content ?? '');
  }
  res.end();
});

app.post('/stream-ok', async (req, res) => {
  const stream = await mistral.chat.stream({ model: 'mistral-small-latest', messages: req.body.messages });
  for await (const event of stream) res.write(event.data.choices[0]?.delta.content ?? '');
  res.end();
});

app.post('/complete', async (req, res) => {
  const r = await mistral.chat.complete({ model: 'mistral-small-latest', messages: req.body.messages });
  res.json(r.choices?.[0]?.message);
});

app.listen(3000);
