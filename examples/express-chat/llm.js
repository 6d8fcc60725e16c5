// The LLM helper: returns the SDK's promise (the caller has to await it).
import OpenAI from 'openai';

const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? 'sk-test', timeout: 30_000 });

export function askLLM(question) {
  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
}
