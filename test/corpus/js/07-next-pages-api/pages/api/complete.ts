// Pages-router API route: completion with a .then chain that never handles a rejection.
import type { NextApiRequest, NextApiResponse } from 'next';
import OpenAI from 'openai';

const openai = new OpenAI({ timeout: 20_000 });

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') {
    res.status(405).end();
    return;
  }
  openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: req.body.prompt, max_tokens: 64 }).then((r) => { // expect: unawaited-llm-call
    res.status(200).json({ text: r.choices[0].text });
  });
}
