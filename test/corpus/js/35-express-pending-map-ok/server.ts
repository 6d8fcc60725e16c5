// Jobs: the promise is kept in a map and awaited by a later request; the stream helper is synchronous.
import express from 'express';
import OpenAI from 'openai';

const client = new OpenAI({ timeout: 120_000 });
const jobs = new Map<string, Promise<OpenAI.Chat.ChatCompletion>>();
const app = express();
app.use(express.json());

app.post('/jobs', (req, res) => {
  const id = crypto.randomUUID();
  const job = client.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages });
  job.catch(() => undefined);
  jobs.set(id, job);
  res.status(202).json({ id });
});

app.get('/jobs/:id', async (req, res) => {
  const job = jobs.get(req.params.id);
  if (!job) return res.sendStatus(404);
  res.json(await job);
});

app.post('/stream', async (req, res) => {
  const stream = client.chat.completions.stream({ model: 'gpt-4o', messages: req.body.messages });
  stream.on('content', (delta) => res.write(delta));
  await stream.finalChatCompletion();
  res.end();
});

app.listen(3000);
