// The model call lives in a service module; the routes import it.
import OpenAI from 'openai';

const client = new OpenAI({ timeout: 30_000 });

export async function classifyTicket(text: string): Promise<string> {
  const r = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Category of: ${text}` }] });
  return r.choices[0].message.content ?? 'other';
}
