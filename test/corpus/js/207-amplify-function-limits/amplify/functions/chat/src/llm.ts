// The chat function's model helper.
import OpenAI from 'openai';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export async function answer(prompt: string): Promise<string> {
  const r = await openai.chat.completions.create({ model: process.env.MODEL ?? 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] }); // expect: timeout-exceeds-server-limit
  return r.choices[0].message.content ?? '';
}
