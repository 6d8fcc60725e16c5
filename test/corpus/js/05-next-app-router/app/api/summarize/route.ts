// Summaries with generateText: the prompt template is read synchronously per request, and one branch
// destructures the promise without awaiting it.
import fs from 'node:fs';
import path from 'node:path';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

export async function POST(req: Request) {
  const { text, short } = await req.json();
  const template = fs.readFileSync(path.join(process.cwd(), 'prompts', 'summarize.md'), 'utf8'); // expect: blocking-call-in-async-handler
  if (short) {
    const { text: summary } = generateText({ model: openai('gpt-4o-mini'), prompt: `${template}\n\n${text}`, maxOutputTokens: 60 }); // expect: unawaited-llm-call
    return Response.json({ summary });
  }
  const { text: summary } = await generateText({ model: openai('gpt-4o-mini'), prompt: `${template}\n\n${text}` });
  return Response.json({ summary });
}
