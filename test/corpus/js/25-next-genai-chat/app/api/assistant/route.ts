// Next.js route with a Gemini chat session: the fallback path returns without await inside try, so its
// rejection escapes the catch.
import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY, httpOptions: { timeout: 30_000 } });

async function reply(history: { role: string; parts: { text: string }[] }[], message: string) {
  const chat = ai.chats.create({ model: 'gemini-2.5-flash', history });
  try {
    return chat.sendMessage({ message }); // expect: unawaited-llm-call
  } catch (err) {
    console.error('gemini failed', err);
    return { text: 'The assistant is unavailable right now.' };
  }
}

export async function POST(req: Request) {
  const { history, message } = await req.json();
  const r = await reply(history, message);
  return Response.json({ text: r.text });
}

export async function GET() {
  const stream = await ai.models.generateContentStream({ model: 'gemini-2.5-flash', contents: 'Say hi' });
  let text = '';
  for await (const chunk of stream) text += chunk.text ?? '';
  return Response.json({ text });
}
