// Routes using the shared clients: nothing is built here, so the findings stay at the constructors.
const express = require('express');
const fs = require('fs');
const { openai, bounded } = require('../openaiClient');
const batchClient = require('../retrying');

const router = express.Router();

router.post('/transcribe', async (req, res) => {
  const result = await openai.createTranscription(fs.createReadStream(req.file.path), 'whisper-1', '', 'srt', 0, req.body.language);
  res.type('text/plain').send(result.data);
});

router.post('/summary', async (req, res) => {
  const r = await bounded.createChatCompletion({ model: 'gpt-3.5-turbo', messages: [{ role: 'user', content: req.body.text }] });
  res.json({ summary: r.data.choices[0].message.content });
});

router.post('/batch', async (req, res) => {
  const out = await Promise.all(req.body.items.map((text) => batchClient.createEmbedding({ model: 'text-embedding-ada-002', input: text })));
  res.json(out.map((r) => r.data.data[0].embedding));
});

module.exports = router;
