// Admin routes of a Hono app: list models and upload fine-tuning files through a client built without a
// timeout. Nothing here runs a model, so no request waits on a generation.
// corpus: labels llm-call-without-timeout
import { Hono } from 'hono';
import OpenAI from 'openai';

const openai = new OpenAI();
const app = new Hono();

app.get('/admin/models', async (c) => {
  const page = await openai.models.list();
  return c.json(page.data.map((m) => m.id));
});

app.post('/admin/files', async (c) => {
  const body = await c.req.parseBody();
  const file = await openai.files.create({ file: body.file as File, purpose: 'fine-tune' });
  return c.json({ id: file.id });
});

app.delete('/admin/files/:id', async (c) => {
  await openai.files.del(c.req.param('id'));
  return c.body(null, 204);
});

export default app;
