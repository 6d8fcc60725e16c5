// Transcription routes: a speech model (whisper) run as a synchronous child process holds the event loop
// for the whole transcription, like an LLM CLI; ffmpeg and a script merely named after whisper are ordinary
// blocking work; the promisified run is fine.
const express = require('express');
const { spawnSync, execSync, execFile } = require('node:child_process');
const { promisify } = require('node:util');

const run = promisify(execFile);
const app = express();
app.use(express.json());

function transcribe(file) {
  const out = spawnSync(`venv/bin/whisper ${file} --model=large --output_format txt`, { shell: true }); // expect: blocking-llm-call
  return out.stdout.toString();
}

app.post('/transcribe', async (req, res) => {
  res.json({ text: transcribe(req.body.file) });
});

app.post('/transcribe/cpp', async (req, res) => {
  const text = execSync(`whisper-cli -m models/ggml-base.en.bin -f ${req.body.file} -nt`).toString(); // expect: blocking-llm-call
  res.json({ text });
});

app.post('/convert', async (req, res) => {
  spawnSync('ffmpeg', ['-y', '-i', req.body.file, '-ar', '16000', 'out.wav']); // expect: blocking-call-in-async-handler
  const info = execSync('python3 whisper_helpers.py --probe out.wav').toString(); // expect: blocking-call-in-async-handler
  res.json({ info });
});

app.post('/transcribe/async', async (req, res) => {
  const { stdout } = await run('whisper', [req.body.file, '--model', 'base', '--output_format', 'txt']);
  res.json({ text: stdout });
});

app.listen(3000);
