// Hono app retrying SDK calls by hand. The SDKs already retry 429s and 5xx twice (openai, anthropic, groq), so
// an outer retry multiplies the requests one call can send; look-alikes switch the SDK's retries off, catch
// each item of a batch, re-ask only when the answer fails validation, or swallow the error.
// corpus: labels llm-http-without-retry
import { Hono } from 'hono';
import pRetry from 'p-retry';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import Groq from 'groq-sdk';

const openai = new OpenAI({ timeout: 20_000 });
const single = new OpenAI({ timeout: 20_000, maxRetries: 0 });
const claude = new Anthropic({ timeout: 30_000 });
const groq = new Groq({ timeout: 15_000 });

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Runs `task` up to `tries` times, backing off between failures.
async function withAttempts<T>(task: () => Promise<T>, tries = 3): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await task();
    } catch (err) {
      if (n >= tries) throw err;
      await pause(250 * 2 ** n);
    }
  }
}

class Patient {
  static async run<T>(job: () => Promise<T>, limit: number): Promise<T> {
    let last: unknown;
    for (let i = 0; i < limit; i++) {
      try {
        return await job();
      } catch (e) {
        last = e;
        await pause(500);
      }
    }
    throw last;
  }
}

const app = new Hono();

app.post('/summary', async (c) => {
  const { text } = await c.req.json();
  const r = await pRetry(() => openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] }), { retries: 3 }); // expect: llm-http-without-retry
  // The client makes one attempt: the outer retry is the only one.
  const s = await pRetry(() => single.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] }), { retries: 3 });
  return c.json({ a: r.choices[0].message.content, b: s.choices[0].message.content });
});

app.post('/title', async (c) => {
  const { text } = await c.req.json();
  const msg = await withAttempts(() => groq.chat.completions.create({ model: 'llama-3.1-8b-instant', messages: [{ role: 'user', content: text }] }), 4); // expect: llm-http-without-retry
  return c.json({ title: msg.choices[0].message.content });
});

app.post('/claude', async (c) => {
  const { messages } = await c.req.json();
  const reply = await Patient.run(() => claude.messages.create({ model: 'claude-haiku-4-5', max_tokens: 256, messages }), 2); // expect: llm-http-without-retry
  let answer = '';
  for (let attempt = 0; attempt < 3; attempt++) { // expect: llm-http-without-retry
    try {
      const m = await claude.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, messages });
      answer = m.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
      break;
    } catch (err) {
      console.warn('claude failed', attempt, err);
    }
  }
  return c.json({ reply: reply.content, answer });
});

app.post('/embed', async (c) => {
  const { docs } = await c.req.json<{ docs: string[] }>();
  const failed: string[] = [];
  const vectors: number[][] = [];
  // One try per document: a failure is recorded and the batch moves on.
  for (const doc of docs) {
    try {
      const e = await openai.embeddings.create({ model: 'text-embedding-3-small', input: doc });
      vectors.push(e.data[0].embedding);
    } catch {
      failed.push(doc);
    }
  }
  return c.json({ vectors, failed });
});

app.post('/json', async (c) => {
  const { prompt } = await c.req.json();
  // Re-asks when the answer is not JSON; an API error leaves the loop (the SDK's own retries were spent).
  for (let attempt = 0; attempt < 3; attempt++) {
    const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] });
    try {
      return c.json(JSON.parse(r.choices[0].message.content ?? ''));
    } catch {
      continue;
    }
  }
  // An error is answered with a fallback inside the retried function: the outer retry never sees it.
  const fallback = await pRetry(async () => {
    try {
      return (await groq.chat.completions.create({ model: 'llama-3.1-8b-instant', messages: [{ role: 'user', content: prompt }] })).choices[0].message.content;
    } catch {
      return null;
    }
  });
  return c.json({ fallback });
});

export default app;
