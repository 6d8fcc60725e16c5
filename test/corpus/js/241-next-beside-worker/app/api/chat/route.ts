// A Next.js route at the repository root (deployed to Vercel): the Worker's wrangler.toml in chat-worker/
// sets nothing for it, and no maxDuration or vercel.json bounds it, so there is no limit to exceed.
// corpus: labels timeout-exceeds-server-limit
import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();

export async function POST(req: Request) {
  const { prompt } = await req.json();
  const msg = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages: [{ role: 'user', content: prompt }] });
  return Response.json(msg.content);
}
