// Admin API over the OpenAI and Anthropic Node SDKs: pages through files and batches with `for await`.
import express from 'express';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';

const app = express();
const openai = new OpenAI({ timeout: 20_000 });
const anthropic = new Anthropic({ timeout: 20_000 });

app.get('/files', async (_req, res) => {
  const ids: string[] = [];
  for await (const file of openai.files.list({ purpose: 'assistants' })) ids.push(file.id);
  res.json(ids);
});

app.get('/batches', async (_req, res) => {
  const pager = anthropic.messages.batches.list({ limit: 20 });
  const ended: string[] = [];
  for await (const batch of pager) if (batch.processing_status === 'ended') ended.push(batch.id);
  const firstPage = await openai.models.list();
  res.json({ ended, first: firstPage.data[0]?.id });
});

app.get('/broken', async (req, res) => {
  const out: string[] = [];
  // `create({stream: true})` resolves to the stream: iterating the promise itself fails.
  for await (const chunk of openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: String(req.query.q) }], stream: true })) { // expect: unawaited-llm-call
    out.push(chunk.choices[0]?.delta?.content ?? '');
  }
  res.json({ text: out.join('') });
});

app.listen(3000);
