// The client is passed to helpers as a typed parameter; one helper drops its call.
import express from 'express';
import OpenAI from 'openai';

async function summarize(client: OpenAI, text: string): Promise<string> {
  const r = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Summarize: ${text}` }] });
  return r.choices[0].message.content ?? '';
}

async function recordTopic(client: OpenAI, text: string): Promise<void> {
  client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Topic of: ${text}` }] }); // expect: unawaited-llm-call
}

export function createApp(client: OpenAI) {
  const app = express();
  app.use(express.json());
  app.post('/summary', async (req, res) => {
    await recordTopic(client, req.body.text);
    res.json({ summary: await summarize(client, req.body.text) });
  });
  return app;
}

createApp(new OpenAI({ timeout: 30_000 })).listen(3000);
