// Express app over three SDKs whose default is one attempt per request (@google/genai, @mistralai/mistralai,
// @google/generative-ai): without a retry setting, one 429 or 503 fails the request. Look-alikes set it,
// retry every call in an attempt loop, or use SDKs that retry by default (an attempt loop around one of those
// multiplies its attempts: 3 × 3 requests for the Claude route).
// corpus: labels llm-http-without-retry
import express from 'express';
import { GoogleGenAI } from '@google/genai';
import { Mistral } from '@mistralai/mistralai';
import { GoogleGenerativeAI } from '@google/generative-ai';
import Anthropic from '@anthropic-ai/sdk';

const gemini = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY, httpOptions: { timeout: 30_000 } }); // expect: llm-http-without-retry
const geminiRetrying = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY, httpOptions: { timeout: 30_000, retryOptions: { attempts: 4 } } });
const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY, timeoutMs: 30_000 }); // expect: llm-http-without-retry
const mistralRetrying = new Mistral({
  apiKey: process.env.MISTRAL_API_KEY,
  retryConfig: { strategy: 'backoff', backoff: { initialInterval: 500, maxInterval: 8000, exponent: 1.5, maxElapsedTime: 30_000 }, retryConnectionErrors: true },
});
const legacy = new GoogleGenerativeAI(process.env.GEMINI_API_KEY ?? '');
const anthropic = new Anthropic({ timeout: 30_000 });

const app = express();
app.use(express.json());

app.post('/gemini', async (req, res) => {
  const r = await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: req.body.prompt });
  const s = await geminiRetrying.models.generateContent({ model: 'gemini-2.5-flash', contents: r.text ?? '' });
  res.json({ text: s.text });
});

app.post('/mistral', async (req, res) => {
  const a = await mistral.chat.complete({ model: 'mistral-small-latest', messages: req.body.messages });
  const b = await mistralRetrying.chat.complete({ model: 'mistral-small-latest', messages: req.body.messages });
  res.json({ a: a.choices?.[0]?.message?.content, b: b.choices?.[0]?.message?.content });
});

// Every call through the legacy client is retried by hand: an attempt loop that backs off on failure.
async function withAttempts<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= 3) throw err;
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
    }
  }
}

app.post('/legacy', async (req, res) => {
  const model = legacy.getGenerativeModel({ model: 'gemini-1.5-flash' }, { timeout: 30_000 });
  let text = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      text = (await model.generateContent(req.body.prompt)).response.text();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 1000 * (attempt + 1)));
    }
  }
  res.json({ text });
});

app.post('/claude', async (req, res) => {
  const msg = await withAttempts(() => anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, messages: req.body.messages })); // expect: llm-http-without-retry
  res.json(msg.content);
});

app.listen(3000);
