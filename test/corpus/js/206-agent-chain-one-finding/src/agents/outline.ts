// Outline agent: one prompt through the shared loader.
import { runPrompt } from '../llm/prompt';

export async function draftOutline(topic: string): Promise<string[]> {
  const text = await runPrompt('prompts/outline.md', { topic });
  return text.split('\n').filter(Boolean);
}
