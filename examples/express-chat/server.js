// A small Express chat service with one LLM-call mistake Loopsafe finds (see the Problems panel).
import express from 'express';
import { askLLM } from './llm.js';

const app = express();
app.use(express.json());

app.post('/chat', async (req, res) => {
  // The helper in llm.js returns a promise: without `await` the client gets `{}` before the model answers,
  // and a failure (timeout, 429) becomes an unhandled rejection that crashes the process.
  const completion = askLLM(req.body.message);
  res.json({ answer: completion });
});

app.post('/chat-fixed', async (req, res) => {
  const completion = await askLLM(req.body.message);
  res.json({ answer: completion.choices[0].message.content });
});

app.get('/health', (_req, res) => res.json({ ok: true }));

app.listen(Number(process.env.PORT ?? 8000), '127.0.0.1');
