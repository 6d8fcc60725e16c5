// A service class around the OpenAI client, used by the router in the same file.
import { Router } from 'express';
import OpenAI from 'openai';

export class LlmService {
  private readonly client: OpenAI;

  constructor(apiKey = process.env.OPENAI_API_KEY) {
    this.client = new OpenAI({ apiKey, timeout: 30_000, maxRetries: 3 });
  }

  async answer(question: string): Promise<string> {
    const r = await this.client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });
    return r.choices[0].message.content ?? '';
  }

  async embed(text: string): Promise<number[]> {
    const r = await this.client.embeddings.create({ model: 'text-embedding-3-small', input: text });
    return r.data[0].embedding;
  }
}

const service = new LlmService();
export const router = Router();

router.post('/answer', async (req, res) => {
  res.json({ answer: await service.answer(req.body.question) });
});

router.post('/index', async (req, res) => {
  for (const doc of req.body.docs as string[]) {
    service.embed(doc); // expect: unawaited-llm-call
  }
  res.status(202).json({ queued: req.body.docs.length });
});
