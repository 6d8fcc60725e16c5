// A pages-router route whose config sets only the body size: no cap of its own, and no platform limit in the
// workspace, so nothing bounds the call.
// corpus: labels timeout-exceeds-server-limit
import type { NextApiRequest, NextApiResponse } from 'next';
import { complete } from '../../lib/completion';

export const config = { api: { bodyParser: false } };

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  res.json({ summary: await complete(`Summarize: ${req.body.text}`) });
}
