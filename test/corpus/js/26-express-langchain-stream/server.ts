// LangChain ChatAnthropic: `.stream()` returns a promise of a stream; one route iterates it directly.
import express from 'express';
import { ChatAnthropic } from '@langchain/anthropic';
import { HumanMessage } from '@langchain/core/messages';

const model = new ChatAnthropic({ model: 'claude-sonnet-4-5', timeout: 60_000, maxRetries: 2 });
const app = express();
app.use(express.json());

app.post('/stream', async (req, res) => {
  for await (const chunk of model.stream([new HumanMessage(req.body.prompt)])) { // expect: unawaited-llm-call
    res.write(String(chunk.content));
  }
  res.end();
});

app.post('/stream-ok', async (req, res) => {
  const stream = await model.stream([new HumanMessage(req.body.prompt)]);
  for await (const chunk of stream) res.write(String(chunk.content));
  res.end();
});

app.post('/invoke', async (req, res) => {
  const msg = await model.invoke([new HumanMessage(req.body.prompt)]);
  res.json({ text: msg.content });
});

app.listen(3000);
