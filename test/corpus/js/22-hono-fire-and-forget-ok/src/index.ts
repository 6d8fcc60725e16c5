// Hono on Node: explicit fire-and-forget with `void` and `.catch`, streaming with streamText.
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { generateText, streamText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';

const app = new Hono();

async function warm(): Promise<void> {
  await generateText({ model: anthropic('claude-haiku-4-5'), prompt: 'ping', abortSignal: AbortSignal.timeout(5_000) });
}

app.post('/chat', async (c) => {
  const { prompt } = await c.req.json();
  void warm();
  warm().catch(() => undefined);
  const result = streamText({ model: anthropic('claude-sonnet-4-5'), prompt, abortSignal: c.req.raw.signal });
  return result.toTextStreamResponse();
});

app.post('/once', async (c) => {
  const { prompt } = await c.req.json();
  const { text } = await generateText({ model: anthropic('claude-sonnet-4-5'), prompt, abortSignal: AbortSignal.timeout(30_000) });
  return c.json({ text });
});

serve({ fetch: app.fetch, port: 3000 });
