// Answer helpers: one unbounded (cut by the route's 30 s), one bounded well inside it.
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

export async function draftAnswer(message: string): Promise<string> {
  const { text } = await generateText({ model: openai('gpt-4o'), prompt: message }); // expect: timeout-exceeds-server-limit
  return text;
}

export async function quickLabel(message: string): Promise<string> {
  const { text } = await generateText({ model: openai('gpt-4o-mini'), prompt: `Label: ${message}`, abortSignal: AbortSignal.timeout(10_000), maxRetries: 1 });
  return text;
}
