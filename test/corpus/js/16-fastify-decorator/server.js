// Fastify with an `llm` decorator: the webhook route fires it without awaiting.
const Fastify = require('fastify');
const fp = require('fastify-plugin');
const OpenAI = require('openai');

const llmPlugin = fp(async function (fastify) {
  const client = new OpenAI({ timeout: 30000 });
  fastify.decorate('llm', async function llm(prompt) {
    const r = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] });
    return r.choices[0].message.content;
  });
});

const app = Fastify();
app.register(llmPlugin);

app.post('/webhook', async (request, reply) => {
  app.llm(`Summarize this event: ${JSON.stringify(request.body)}`); // expect: unawaited-llm-call
  return reply.code(202).send({ accepted: true });
});

app.post('/ask', async (request) => ({ answer: await app.llm(request.body.question) }));

app.listen({ port: 3000 });
