// Local models with ollama: a CLI shell-out blocks the loop, and a stream promise is iterated directly.
const express = require('express');
const { execSync } = require('child_process');
const ollama = require('ollama').default;

const app = express();
app.use(express.json());

app.post('/cli', (req, res) => {
  const out = execSync(`ollama run llama3.2 ${JSON.stringify(req.body.prompt)}`, { encoding: 'utf8' }); // expect: blocking-llm-call
  res.send(out);
});

app.post('/chat', async (req, res) => {
  const response = ollama.chat({ model: 'llama3.2', messages: req.body.messages, stream: true }); // expect: unawaited-llm-call
  for await (const part of response) res.write(part.message.content);
  res.end();
});

app.post('/chat-ok', async (req, res) => {
  const response = await ollama.chat({ model: 'llama3.2', messages: req.body.messages });
  res.json(response.message);
});

app.get('/models', async (_req, res) => {
  res.json(await ollama.list());
});

app.listen(11435);
