// Next.js route handler streaming with the Vercel AI SDK: streamText is synchronous by design.
import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';

export const maxDuration = 30;

export async function POST(req: Request) {
  const { messages } = await req.json();
  const result = streamText({ model: openai('gpt-4o'), messages, abortSignal: AbortSignal.timeout(25_000) });
  return result.toUIMessageStreamResponse();
}
