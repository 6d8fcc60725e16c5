'use server';
// Server actions: also called by the chat route, where its 30 s cap cuts the title call (no timeout, 3 attempts).
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

export async function titleFor(message: string): Promise<string> {
  const { text } = await generateText({ model: openai('gpt-4o-mini'), prompt: `Title for: ${message}` }); // expect: timeout-exceeds-server-limit
  return text.trim();
}
