// Batch labelling: forEach with an async callback returns before any label exists.
import express from 'express';
import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic({ timeout: 30_000 });
const app = express();
app.use(express.json());

async function label(text: string): Promise<string> {
  const msg = await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 16, messages: [{ role: 'user', content: `Label: ${text}` }] });
  const block = msg.content[0];
  return block.type === 'text' ? block.text : '';
}

app.post('/label-all', async (req, res) => {
  const labels: string[] = [];
  req.body.items.forEach(async (item: string) => { // expect: unawaited-llm-call
    labels.push(await label(item));
  });
  res.json({ labels });
});

app.post('/label-all-ok', async (req, res) => {
  const labels = await Promise.all(req.body.items.map((item: string) => label(item)));
  res.json({ labels });
});

app.post('/label-settled', async (req, res) => {
  const results = await Promise.allSettled(req.body.items.map(label));
  res.json(results);
});

app.listen(3000);
