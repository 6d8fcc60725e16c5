// A route that sets its own 30 s budget: Anthropic's default (600 s per attempt, 3 attempts) outlasts it.
import Anthropic from '@anthropic-ai/sdk';

export const maxDuration = 30;
const anthropic = new Anthropic();

export async function POST(req: Request) {
  const { text } = await req.json();
  const msg = await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 512, messages: [{ role: 'user', content: `Summarize: ${text}` }] }); // expect: timeout-exceeds-server-limit
  return Response.json(msg.content);
}
