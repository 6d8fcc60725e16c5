#!/usr/bin/env node
// Verifies a packaged .vsix against the allowlist of .vscodeignore (npm pack ships the same files, by .npmignore): only the
// bundles, wasm grammars, samplers, media and docs ship, and everything the extension needs at runtime is there. usage: check-vsix.mjs [VSIX] [--list]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Names of the entries of a zip file, read from its central directory (no unzip needed). */
export function zipEntries(file) {
  const buf = fs.readFileSync(file);
  // End of central directory record: signature 0x06054b50, searched from the end (comment <= 64 KiB).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: broken central directory`);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    entries.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLen), size });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

// What may ship (paths inside the package; vsce renames README/CHANGELOG/LICENSE).
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/(readme|changelog)\.md$/i,
  /^extension\/LICENSE(\.txt)?$/,
  /^extension\/dist\/[^/]+\.js$/,
  /^extension\/dist\/wasm\/[^/]+\.wasm$/,
  /^extension\/dist\/sampler\/(node-sampler\.js|python\/sitecustomize\.py)$/,
  /^extension\/media\//,
];
// What must ship for the extension to work.
const REQUIRED = [
  'extension/package.json',
  'extension/dist/extension.js',
  'extension/dist/server.js',
  'extension/dist/wasm/tree-sitter.wasm',
  'extension/dist/wasm/tree-sitter-python.wasm',
  'extension/dist/sampler/node-sampler.js',
  'extension/dist/sampler/python/sitecustomize.py',
  'extension/media/loadtest/panel.js',
  'extension/media/loadtest/panel.css',
  'extension/readme.md',
  'extension/changelog.md',
];

/** Returns { entries, problems[] } for a .vsix. */
export function checkVsix(file) {
  const entries = zipEntries(file);
  const names = new Set(entries.map((e) => e.name));
  const problems = [];
  for (const e of entries) if (!ALLOWED.some((re) => re.test(e.name))) problems.push(`not on the allowlist: ${e.name}`);
  for (const r of REQUIRED) if (!names.has(r)) problems.push(`missing: ${r}`);
  if (![...names].some((n) => /^extension\/LICENSE(\.txt)?$/.test(n))) problems.push('missing: extension/LICENSE');
  const manifest = entries.find((e) => e.name === 'extension/package.json');
  if (manifest && manifest.size === 0) problems.push('empty package.json');
  return { entries, problems };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const args = process.argv.slice(2);
  const file = path.resolve(args.find((a) => !a.startsWith('--')) || path.join(root, 'dist/loopsafe.vsix'));
  const { entries, problems } = checkVsix(file);
  const total = entries.reduce((s, e) => s + e.size, 0);
  console.log(`${path.relative(process.cwd(), file)}: ${problems.length ? 'FAILS the allowlist check' : 'allowlist OK'}, ${entries.length} files, ${(total / 1024 / 1024).toFixed(1)} MB unpacked, ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB packed`);
  if (args.includes('--list')) for (const e of entries) console.log(`  ${e.name} (${e.size} B)`);
  for (const p of problems) console.error(`vsix: ${p}`);
  process.exit(problems.length ? 1 : 0);
}
