// Express 4 style with promise chains: one chain has no rejection handler, the others pass errors on.
const express = require('express');
const OpenAI = require('openai');

const app = express();
app.use(express.json());
const client = new OpenAI({ timeout: 20000 });

app.post('/translate', (req, res) => {
  client.chat.completions // expect: unawaited-llm-call
    .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Translate to French: ${req.body.text}` }] })
    .then((r) => res.json({ text: r.choices[0].message.content }));
});

app.post('/summarize', (req, res, next) => {
  client.chat.completions
    .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Summarize: ${req.body.text}` }] })
    .then((r) => res.json({ summary: r.choices[0].message.content }))
    .catch(next);
});

app.post('/title', (req, res) => {
  client.chat.completions
    .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `A title for: ${req.body.text}` }] })
    .then(
      (r) => res.json({ title: r.choices[0].message.content }),
      (err) => res.status(502).json({ error: String(err) }),
    );
});

app.use((err, req, res, next) => res.status(500).json({ error: err.message }));
module.exports = app;
