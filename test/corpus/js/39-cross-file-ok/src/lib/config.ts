// Configuration read once at startup, and a helper whose promise callers await.
import fs from 'node:fs';
import OpenAI from 'openai';

export const config = JSON.parse(fs.readFileSync('config.json', 'utf8'));
export const openai = new OpenAI({ timeout: 30_000 });

export function readConfigFile(name: string): string {
  return fs.readFileSync(name, 'utf8');
}

export async function answer(q: string): Promise<string> {
  const r = await openai.chat.completions.create({ model: config.model, messages: [{ role: 'user', content: q }] });
  return r.choices[0].message.content ?? '';
}

export function notify(text: string): Promise<void> {
  return openai.chat.completions.create({ model: config.model, messages: [{ role: 'user', content: text }] }).then(() => undefined);
}
