// Writer agent: one prompt per section, in sequence.
import { runPrompt } from '../llm/prompt';

export async function writeSections(topic: string, outline: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const heading of outline) out.push(await runPrompt('prompts/section.md', { topic, heading }));
  return out;
}
