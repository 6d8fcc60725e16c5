// Everything awaited or handled: async file reads, Promise.all, .catch on background work.
import express from 'express';
import { readFile } from 'node:fs/promises';
import OpenAI from 'openai';

const client = new OpenAI({ timeout: 30_000, maxRetries: 2 });
const app = express();
app.use(express.json());

async function embed(text: string) {
  const r = await client.embeddings.create({ model: 'text-embedding-3-small', input: text });
  return r.data[0].embedding;
}

app.post('/ask', async (req, res, next) => {
  try {
    const system = await readFile('prompts/system.txt', 'utf8');
    const [answer, vector] = await Promise.all([
      client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: system }, { role: 'user', content: req.body.q }] }),
      embed(req.body.q),
    ]);
    embed(`log:${req.body.q}`).catch((err) => console.warn('log embedding failed', err));
    res.json({ answer: answer.choices[0].message.content, dims: vector.length });
  } catch (err) {
    next(err);
  }
});

app.listen(3000);
