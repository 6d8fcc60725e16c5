// Routes plugin: Claude answers questions; the "brief" route returns the promise inside its reply object.
import type { FastifyInstance } from 'fastify';
import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic({ timeout: 60_000, maxRetries: 2 });

export default async function llmRoutes(fastify: FastifyInstance) {
  fastify.post('/ask', async (request) => {
    const { question } = request.body as { question: string };
    const message = await anthropic.messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 1024,
      messages: [{ role: 'user', content: question }],
    });
    return { answer: message.content };
  });

  fastify.post('/brief', async (request) => {
    const { text } = request.body as { text: string };
    const brief = anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 256, messages: [{ role: 'user', content: `Brief: ${text}` }] }); // expect: unawaited-llm-call
    return { brief };
  });

  fastify.get('/stream', async (request, reply) => {
    const stream = anthropic.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 512, messages: [{ role: 'user', content: 'Tell me a story' }] });
    for await (const event of stream) {
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') reply.raw.write(event.delta.text);
    }
    reply.raw.end();
  });
}
