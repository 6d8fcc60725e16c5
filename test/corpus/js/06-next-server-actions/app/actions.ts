// Server actions: saving a draft writes synchronously, and "suggest" forgets to await the model.
'use server';

import { writeFileSync, mkdirSync } from 'node:fs';
import OpenAI from 'openai';

const client = new OpenAI({ timeout: 15_000 });
mkdirSync('drafts', { recursive: true });

export async function saveDraft(id: string, body: string) {
  writeFileSync(`drafts/${id}.md`, body); // expect: blocking-call-in-async-handler
  return { ok: true };
}

export async function suggestTitle(body: string) {
  const r = client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Title for: ${body}` }] }); // expect: unawaited-llm-call
  return r.choices?.[0]?.message.content ?? 'Untitled';
}

export async function suggestTags(body: string) {
  const r = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Tags for: ${body}` }] });
  return (r.choices[0].message.content ?? '').split(',');
}
