// Routes that start a self-answering transcription and return: fine when the helper cannot reject and
// nothing runs after it; a helper that can reject, or code after the call, still loses the promise.
import express from 'express';
import multer from 'multer';
import OpenAI from 'openai';
import { transcribeAndSend, transcribeOrThrow } from './utils/transcribe.js';

const upload = multer({ dest: 'uploads/' });
const openai = new OpenAI({ timeout: 60_000 });
const app = express();

async function summarizeAndSend(text, res) {
  try {
    const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Summarize: ${text}` }] });
    res.json({ summary: r.choices[0].message.content });
  } catch (err) {
    res.status(502).json({ error: String(err) });
  }
}

app.post('/transcribe', upload.single('file'), async (req, res) => {
  console.log(`received ${req.file.originalname}`);
  transcribeAndSend(req.file.path, res);
});

app.post('/summarize', express.json(), (req, res) => {
  summarizeAndSend(req.body.text, res);
});

app.post('/transcribe-strict', upload.single('file'), async (req, res) => {
  transcribeOrThrow(req.file.path, res); // expect: unawaited-llm-call
});

app.post('/transcribe-and-log', upload.single('file'), async (req, res) => {
  transcribeAndSend(req.file.path, res); // expect: unawaited-llm-call
  res.status(202).json({ queued: true });
});

app.listen(3000);
