// Netlify function with Groq: reading the config synchronously is fine here (one request per instance),
// but the answer object holds a promise.
import fs from 'node:fs';
import Groq from 'groq-sdk';

const groq = new Groq({ timeout: 20_000 });

export default async (req: Request) => {
  const config = JSON.parse(fs.readFileSync('./config.json', 'utf8'));
  const { question } = await req.json();
  const completion = groq.chat.completions.create({ model: config.model, messages: [{ role: 'user', content: question }] }); // expect: unawaited-llm-call
  return new Response(JSON.stringify({ answer: completion }), { headers: { 'content-type': 'application/json' } });
};

export const config = { path: '/api/ask' };
