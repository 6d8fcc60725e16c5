// Raw fetch to the OpenAI API (no SDK), and the routes using it; the audit route drops the promise.
import express from 'express';

const OPENAI_URL = 'https://api.openai.com/v1/chat/completions';

async function chat(content: string): Promise<string> {
  const res = await fetch(OPENAI_URL, {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }] }),
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) throw new Error(`openai ${res.status}`);
  const data = await res.json();
  return data.choices[0].message.content;
}

export const app = express();
app.use(express.json());

app.post('/chat', async (req, res) => {
  res.json({ reply: await chat(req.body.content) });
});

app.post('/audit', (req, res) => {
  chat(`Flag anything unsafe in: ${req.body.content}`); // expect: unawaited-llm-call
  res.sendStatus(202);
});
