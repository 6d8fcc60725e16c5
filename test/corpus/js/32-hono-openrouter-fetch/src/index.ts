// Hono calling OpenRouter with raw fetch: the usage report is a `.then` chain with no rejection handler.
import { Hono } from 'hono';

const app = new Hono();
const OPENROUTER = 'https://openrouter.ai/api/v1/chat/completions';

function callModel(model: string, prompt: string) {
  return fetch(OPENROUTER, {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.OPENROUTER_API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: prompt }] }),
    signal: AbortSignal.timeout(30_000),
  });
}

app.post('/ask', async (c) => {
  const { prompt } = await c.req.json();
  callModel('openai/gpt-4o-mini', `Classify: ${prompt}`).then((r) => r.json()).then((j) => console.log(j.usage)); // expect: unawaited-llm-call
  const res = await callModel('anthropic/claude-sonnet-4.5', prompt);
  return c.json(await res.json());
});

export default app;
