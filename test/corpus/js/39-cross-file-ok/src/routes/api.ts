// Routes that await the helpers, hand promises to Promise.all, or fire and forget with void and catch.
import { Hono } from 'hono';
import { answer, notify, readConfigFile, openai } from '../lib/config';

const extra = readConfigFile('extra.json');
export const api = new Hono();

api.post('/ask', async (c) => {
  const { q } = await c.req.json();
  const [a, b] = await Promise.all([answer(q), answer(`${q} (again)`)]);
  void notify('asked');
  notify('asked twice').catch((err) => console.error(err));
  return c.json({ a, b, extra });
});

api.post('/direct', async (c) => {
  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });
  return c.json(r.choices[0].message);
});
