// Completion service shared by the routes: a default OpenAI client (600 s per attempt, 3 attempts).
import OpenAI from 'openai';

const client = new OpenAI();

export async function complete(prompt: string): Promise<string> {
  const r = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] }); // expect: timeout-exceeds-server-limit
  return r.choices[0].message.content ?? '';
}
