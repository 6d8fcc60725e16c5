// A non-async helper returns the SDK promise; one caller reads `.choices` straight from it.
import { Router } from 'express';
import Groq from 'groq-sdk';

const groq = new Groq({ apiKey: process.env.GROQ_API_KEY, timeout: 15_000 });

function ask(question: string) {
  return groq.chat.completions.create({ model: 'llama-3.3-70b-versatile', messages: [{ role: 'user', content: question }] });
}

export const routes = Router();

routes.get('/quick', async (req, res) => {
  const content = ask(String(req.query.q)).choices[0].message.content; // expect: unawaited-llm-call
  res.send(content);
});

routes.get('/ok', async (req, res) => {
  const r = await ask(String(req.query.q));
  res.send(r.choices[0].message.content);
});

routes.get('/then', (req, res, next) => {
  ask(String(req.query.q)).then((r) => res.send(r.choices[0].message.content), next);
});
