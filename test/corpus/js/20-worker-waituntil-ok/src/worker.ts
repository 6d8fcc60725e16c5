// Cloudflare Worker done right: the answer is awaited, logging runs in waitUntil with a catch.
import OpenAI from 'openai';

interface Env {
  OPENAI_API_KEY: string;
}

async function logUsage(client: OpenAI, question: string): Promise<void> {
  const r = await client.moderations.create({ input: question });
  console.log(JSON.stringify(r.results[0].categories));
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const client = new OpenAI({ apiKey: env.OPENAI_API_KEY, timeout: 25_000 });
    const { question } = (await request.json()) as { question: string };
    ctx.waitUntil(logUsage(client, question).catch((err) => console.error('usage log failed', err)));
    const r = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
    return Response.json({ answer: r.choices[0].message.content });
  },
} satisfies ExportedHandler<Env>;
