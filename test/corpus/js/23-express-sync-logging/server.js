// Logging middleware and exports that block the loop with synchronous file and zlib calls.
const express = require('express');
const fs = require('fs');
const zlib = require('zlib');
const OpenAI = require('openai');

const client = new OpenAI({ timeout: 30000 });
const app = express();
app.use(express.json());

app.use((req, res, next) => {
  fs.appendFileSync('access.log', `${new Date().toISOString()} ${req.method} ${req.url}\n`); // expect: blocking-call-in-async-handler
  next();
});

app.post('/chat', async (req, res) => {
  const r = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: req.body.messages });
  res.json(r.choices[0].message);
});

app.get('/transcripts/export', (req, res) => {
  const raw = fs.readFileSync('transcripts.jsonl'); // expect: blocking-call-in-async-handler
  res.setHeader('content-encoding', 'gzip');
  res.send(zlib.gzipSync(raw)); // expect: blocking-call-in-async-handler
});

app.listen(3000);
