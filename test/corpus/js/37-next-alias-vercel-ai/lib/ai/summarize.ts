// Summaries through the Vercel AI SDK; the route imports these through the `@/` alias.
import { generateText, streamText } from 'ai';
import { openai } from '@ai-sdk/openai';

export async function summarize(text: string) {
  const { text: summary } = await generateText({ model: openai('gpt-4o-mini'), prompt: `Summarize:\n${text}`, abortSignal: AbortSignal.timeout(30_000) });
  return summary;
}

export function streamSummary(text: string) {
  return streamText({ model: openai('gpt-4o-mini'), prompt: `Summarize:\n${text}` });
}

export function logUsage(tokens: number) {
  console.log(`tokens: ${tokens}`);
}
