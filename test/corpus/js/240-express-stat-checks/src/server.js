// Per-user files served by Express: stat checks (existsSync, statSync, accessSync, lstatSync) before
// awaited fs/promises reads are one metadata system call each; the sync creates, reads and writes block.
const express = require('express');
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const path = require('node:path');
const { ensureUserDir, loadProfile } = require('./lib/store');

const app = express();
app.use(express.json());

app.get('/files/:user/:name', async (req, res) => {
  const p = path.join('data', req.params.user, req.params.name);
  if (!fs.existsSync(p)) return res.status(404).end();
  const info = fs.statSync(p);
  if (info.isDirectory() || fs.lstatSync(p).isSymbolicLink()) return res.status(400).end();
  res.type('text/plain').send(await fsp.readFile(p, 'utf8'));
});

app.get('/can-write/:user', async (req, res) => {
  try {
    fs.accessSync(path.join('data', req.params.user), fs.constants.W_OK);
    res.json({ writable: true });
  } catch {
    res.json({ writable: false });
  }
});

app.post('/notes/:user', async (req, res) => {
  const dir = path.join('data', req.params.user);
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true }); // expect: blocking-call-in-async-handler
  const file = path.join(dir, 'notes.json');
  const notes = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : []; // expect: blocking-call-in-async-handler
  notes.push(req.body.note);
  await fsp.writeFile(file, JSON.stringify(notes));
  res.json({ count: notes.length });
});

app.post('/users/:user', async (req, res) => {
  await ensureUserDir(req.params.user);
  res.status(201).end();
});

app.get('/profile/:user', async (req, res) => {
  const profile = await loadProfile(req.params.user); // expect: blocking-call-in-async-handler
  res.json(profile);
});

app.listen(3000);
