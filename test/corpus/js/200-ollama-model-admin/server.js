// Express front for a local ollama: the model picker lists and inspects models (no model runs), the chat
// route generates with the default instance, which has no timeout.
// corpus: labels llm-call-without-timeout
const express = require('express');
const ollama = require('ollama').default;

const app = express();
app.use(express.json());

app.get('/api/models', async (_req, res) => {
  const { models } = await ollama.list();
  res.json(models.map((m) => ({ name: m.name, size: m.size })));
});

app.get('/api/models/:name', async (req, res) => {
  const info = await ollama.show({ model: req.params.name });
  const running = await ollama.ps();
  res.json({ details: info.details, loaded: running.models.some((m) => m.name === req.params.name) });
});

app.post('/api/chat', async (req, res) => {
  const { model, messages } = req.body;
  const reply = await ollama.chat({ model, messages }); // expect: llm-call-without-timeout
  res.json(reply.message);
});

app.listen(3001);
