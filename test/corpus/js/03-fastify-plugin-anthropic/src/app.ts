// Fastify app registering an LLM routes plugin.
import Fastify from 'fastify';
import llmRoutes from './routes/llm';

const app = Fastify({ logger: true });
app.register(llmRoutes, { prefix: '/llm' });
app.listen({ port: 3000, host: '0.0.0.0' });
