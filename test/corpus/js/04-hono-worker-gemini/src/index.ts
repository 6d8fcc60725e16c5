// Hono on Cloudflare Workers with @google/genai: analytics go through waitUntil, but one log call is dropped.
import { Hono } from 'hono';
import { GoogleGenAI } from '@google/genai';

type Bindings = { GEMINI_API_KEY: string };
const app = new Hono<{ Bindings: Bindings }>();

async function tagTopic(ai: GoogleGenAI, text: string): Promise<string> {
  const r = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: `One-word topic of: ${text}` });
  return r.text ?? 'unknown';
}

app.post('/answer', async (c) => {
  const ai = new GoogleGenAI({ apiKey: c.env.GEMINI_API_KEY, httpOptions: { timeout: 25_000 } });
  const { question } = await c.req.json<{ question: string }>();
  c.executionCtx.waitUntil(tagTopic(ai, question).then((t) => console.log('topic', t)).catch(() => {}));
  tagTopic(ai, question); // expect: unawaited-llm-call
  const r = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: question });
  return c.json({ answer: r.text });
});

export default app;
