// Next.js pages-router API route capped at 60 s by its page config (the pages router reads `config.maxDuration`,
// not the app router's segment export). The completion service it awaits has no timeout: 600 s × 3 attempts.
// corpus: labels timeout-exceeds-server-limit
import type { NextApiRequest, NextApiResponse } from 'next';
import { complete } from '../../lib/completion';

export const config = {
  maxDuration: 60,
  api: { bodyParser: { sizeLimit: '1mb' } },
};

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const text = await complete(req.body.prompt);
  res.status(200).json({ text });
}
