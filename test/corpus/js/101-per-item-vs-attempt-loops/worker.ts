// corpus: labels llm-http-without-retry
// Translation worker over the raw DeepSeek REST API: a per-line loop (one try each) and an attempt loop.
import { Hono } from 'hono';

const app = new Hono();
const URL = 'https://api.deepseek.com/chat/completions';

async function translateOnce(line: string): Promise<string> {
  const res = await fetch(URL, { method: 'POST', body: JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: line }] }), signal: AbortSignal.timeout(15_000) }); // expect: llm-http-without-retry
  if (!res.ok) throw new Error(`status ${res.status}`);
  return (await res.json()).choices[0].message.content;
}

app.post('/translate', async (c) => {
  const lines: string[] = await c.req.json();
  const out: string[] = [];
  for (const line of lines) {
    try {
      const res = await fetch(URL, { method: 'POST', body: JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: line }] }), signal: AbortSignal.timeout(15_000) }); // expect: llm-http-without-retry
      out.push((await res.json()).choices[0].message.content);
    } catch (err) {
      out.push(`error: ${String(err)}`);
    }
  }
  return c.json(out);
});

app.post('/translate-one', async (c) => {
  const { line } = await c.req.json();
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      const res = await fetch(URL, { method: 'POST', body: JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: line }] }), signal: AbortSignal.timeout(15_000) });
      if (res.status === 429) {
        await new Promise((r) => setTimeout(r, attempt * 1000));
        continue;
      }
      return c.json(await res.json());
    } catch {
      await new Promise((r) => setTimeout(r, attempt * 1000));
    }
  }
  return c.json({ error: 'gave up' }, 502);
});

app.post('/translate-cached', async (c) => {
  const { line } = await c.req.json();
  return c.text(await translateOnce(line));
});

export default app;
