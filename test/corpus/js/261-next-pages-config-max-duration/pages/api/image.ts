// Typed page config with the runtime beside the cap: the image call in this file has no timeout, so the
// 30 s cap cuts it. The caption call is bounded well inside the cap (10 s × 2 attempts).
// corpus: labels timeout-exceeds-server-limit
import type { PageConfig } from 'next';
import OpenAI from 'openai';

export const config: PageConfig = { runtime: 'nodejs', maxDuration: 30 };

const openai = new OpenAI();
const quick = new OpenAI({ timeout: 10_000, maxRetries: 1 });

export default async function handler(req: Request) {
  const { prompt } = await req.json();
  const image = await openai.images.generate({ model: 'dall-e-3', prompt }); // expect: timeout-exceeds-server-limit
  const caption = await quick.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Caption: ${prompt}` }] });
  return Response.json({ url: image.data?.[0]?.url, caption: caption.choices[0].message.content });
}
