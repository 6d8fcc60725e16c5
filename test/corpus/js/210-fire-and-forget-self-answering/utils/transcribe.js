// Transcription helpers that answer the request themselves. `transcribeAndSend` catches every error (its
// promise cannot reject); `transcribeOrThrow` lets a failed upload reject.
import fs from 'fs';
import OpenAI from 'openai';

const openai = new OpenAI({ timeout: 120_000 });

export async function transcribeAndSend(filePath, res) {
  try {
    const t = await openai.audio.transcriptions.create({ file: fs.createReadStream(filePath), model: 'whisper-1' });
    res.json({ text: t.text });
  } catch (err) {
    console.error('transcription failed', err);
    res.status(502).json({ error: 'transcription failed' });
  } finally {
    fs.unlink(filePath, () => {});
  }
}

export async function transcribeOrThrow(filePath, res) {
  const t = await openai.audio.transcriptions.create({ file: fs.createReadStream(filePath), model: 'whisper-1' });
  res.json({ text: t.text });
}
