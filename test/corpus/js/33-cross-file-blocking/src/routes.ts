// Routes that load their prompt on each request through the library helper.
import express from 'express';
import Anthropic from '@anthropic-ai/sdk';
import { loadPrompt } from './lib/prompts';

const anthropic = new Anthropic({ timeout: 45_000 });
export const app = express();
app.use(express.json());

app.post('/review', async (req, res) => {
  const system = loadPrompt('review'); // expect: blocking-call-in-async-handler
  const msg = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 2048, system, messages: [{ role: 'user', content: req.body.diff }] });
  res.json(msg.content);
});
