// Summaries with a bounded client: 20 s per attempt, 2 attempts, well inside the 90 s function.
import OpenAI from 'openai';

const client = new OpenAI({ timeout: 20_000, maxRetries: 1 });

export const handler = async (event: { text: string }) => {
  const r = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Summarize: ${event.text}` }] });
  return r.choices[0].message.content;
};
