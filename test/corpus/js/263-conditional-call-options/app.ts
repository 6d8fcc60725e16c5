// Express app whose per-call options are picked by a condition: every branch is what some request runs
// with, so a branch that sets no timeout (or no options at all) leaves those requests unbounded.
// corpus: labels llm-call-without-timeout
import express from 'express';
import OpenAI from 'openai';
import { GoogleGenAI } from '@google/genai';

const gemini = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY }); // expect: llm-call-without-timeout
const geminiBounded = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
const openai = new OpenAI({ maxRetries: 2 }); // expect: llm-call-without-timeout
const openaiBounded = new OpenAI({ maxRetries: 2 });

const app = express();
app.use(express.json());

app.post('/think', async (req, res) => {
  // Thinking switched on by a flag: neither branch bounds the request.
  const config = req.body.think ? { thinkingConfig: { includeThoughts: true } } : undefined;
  const r = await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: req.body.prompt, config });
  res.json({ text: r.text });
});

app.post('/think-bounded', async (req, res) => {
  // Both branches carry a timeout: every request is bounded.
  const config = req.body.think
    ? { thinkingConfig: { includeThoughts: true }, httpOptions: { timeout: 120_000 } }
    : { httpOptions: { timeout: 30_000 } };
  const r = await geminiBounded.models.generateContent({ model: 'gemini-2.5-flash', contents: req.body.prompt, config });
  res.json({ text: r.text });
});

app.post('/chat', async (req, res) => {
  // Only streamed answers get a timeout: the others wait the SDK's 600 s × 3 attempts.
  const body = { model: 'gpt-4o-mini', messages: req.body.messages };
  const r = await openai.chat.completions.create(body, req.body.fast ? { timeout: 20_000 } : undefined);
  res.json(r.choices[0].message);
});

app.post('/chat-bounded', async (req, res) => {
  // A timeout in every case, its value picked by the condition.
  const options = { timeout: req.body.fast ? 20_000 : 90_000 };
  const r = await openaiBounded.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages }, options);
  const s = await openaiBounded.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages }, req.body.slow ? { timeout: 90_000 } : { timeout: 20_000 });
  res.json([r.choices[0].message, s.choices[0].message]);
});

app.listen(3000);
