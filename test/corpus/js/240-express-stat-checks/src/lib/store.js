// User storage helpers: one creates the folder with fs/promises after a stat check (nothing blocks),
// the other reads the profile synchronously (blocks the loop of every route that awaits it).
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const path = require('node:path');

async function ensureUserDir(user) {
  const dir = path.join('data', user);
  if (fs.existsSync(dir)) return dir;
  await fsp.mkdir(dir, { recursive: true });
  return dir;
}

async function loadProfile(user) {
  const file = path.join('data', user, 'profile.json');
  if (!fs.existsSync(file)) return {};
  return JSON.parse(fs.readFileSync(file, 'utf8')); // expect: blocking-call-in-async-handler
}

module.exports = { ensureUserDir, loadProfile };
