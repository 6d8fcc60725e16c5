// Chat API on Express with the OpenAI SDK: a feedback route forgets to await its moderation call.
import express from 'express';
import OpenAI from 'openai';
import { readFileSync } from 'node:fs';

const app = express();
app.use(express.json());

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, timeout: 30_000 });
const SYSTEM_PROMPT = readFileSync(new URL('./system.txt', import.meta.url), 'utf8');

app.post('/api/chat', async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'system', content: SYSTEM_PROMPT }, ...req.body.messages],
  });
  res.json({ reply: completion.choices[0].message });
});

app.post('/api/feedback', async (req, res) => {
  const { messageId, text } = req.body;
  openai.moderations.create({ input: text }); // expect: unawaited-llm-call
  await saveFeedback(messageId, text);
  res.status(204).end();
});

async function saveFeedback(id: string, text: string): Promise<void> {
  console.log('feedback', id, text.length);
}

app.listen(Number(process.env.PORT ?? 3000));
