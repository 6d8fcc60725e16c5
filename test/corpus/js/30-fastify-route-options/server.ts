// Fastify routes declared with option objects: reading an upload synchronously (its stat check is one
// metadata call, not labelled), and an embedding promise put into the reply.
import Fastify from 'fastify';
import fs from 'node:fs';
import OpenAI from 'openai';

const openai = new OpenAI({ timeout: 30_000 });
const app = Fastify();

app.route({
  method: 'POST',
  url: '/upload/:name',
  handler: async (request) => {
    const { name } = request.params as { name: string };
    const size = fs.statSync(`uploads/${name}`).size;
    const head = fs.readFileSync(`uploads/${name}`).subarray(0, 16).toString('hex'); // expect: blocking-call-in-async-handler
    return { name, size, head };
  },
});

app.post('/embed', {
  schema: { body: { type: 'object', properties: { text: { type: 'string' } } } },
  handler: async (request) => {
    const embedding = openai.embeddings.create({ model: 'text-embedding-3-small', input: (request.body as { text: string }).text }); // expect: unawaited-llm-call
    return { embedding };
  },
});

app.get('/ok', async () => {
  const r = await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'ok' });
  return { dims: r.data[0].embedding.length };
});

app.listen({ port: 3000 });
