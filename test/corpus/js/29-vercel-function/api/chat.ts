// Vercel Node function: the prompt library is read synchronously on every invocation.
import type { VercelRequest, VercelResponse } from '@vercel/node';
import fs from 'node:fs';
import OpenAI from 'openai';

const client = new OpenAI({ timeout: 25_000 });

function promptFor(kind: string): string {
  const library = JSON.parse(fs.readFileSync('prompts.json', 'utf8')); // expect: blocking-call-in-async-handler
  return library[kind] ?? library.default;
}

export default async function handler(req: VercelRequest, res: VercelResponse) {
  const r = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'system', content: promptFor(String(req.query.kind)) }, { role: 'user', content: String(req.body.q) }],
  });
  res.status(200).json({ answer: r.choices[0].message.content });
}
