// Memory soak over the real language server: a workspace of real corpus sources copied many times, some
// of them outside the workspace folder, opened, edited and closed in a seeded random order.

import * as fs from 'fs';
import * as path from 'path';
import type { TestLspClient } from '../server/lspClient';

const SOURCE = /\.(py|js|mjs|cjs|ts|tsx)$/;
const LANGUAGE: Record<string, string> = { py: 'python', js: 'javascript', mjs: 'javascript', cjs: 'javascript', ts: 'typescript', tsx: 'typescriptreact' };

/** A small seeded generator (mulberry32): the same seed walks the same files the same way. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sourcesUnder(root: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(root, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(root, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== '__pycache__') sourcesUnder(p, out);
    } else if (SOURCE.test(e.name)) out.push(p);
  }
  return out;
}

export interface SoakFile {
  file: string;
  languageId: string;
  /** True for files outside the workspace folder (opened from elsewhere). */
  outside: boolean;
}

/**
 * Copies the repository's corpus apps and examples (each app a folder of modules importing each other)
 * until `count` source files exist: `share` of them go under `outside`, the rest under `root`.
 */
export function buildSoakWorkspace(repo: string, root: string, outside: string, count: number, outsideShare = 0.25): SoakFile[] {
  const apps: string[] = [];
  for (const base of ['test/corpus/python', 'test/corpus/js', 'examples']) {
    const dir = path.join(repo, base);
    if (!fs.existsSync(dir)) continue;
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) if (e.isDirectory()) apps.push(path.join(dir, e.name));
  }
  if (apps.length === 0) throw new Error(`no corpus apps under ${repo}`);
  const files: SoakFile[] = [];
  for (let copy = 0; files.length < count; copy++) {
    for (const app of apps) {
      if (files.length >= count) break;
      const sources = sourcesUnder(app);
      if (sources.length === 0) continue;
      const away = files.length % Math.round(1 / outsideShare) === 0;
      const dest = path.join(away ? outside : root, `c${copy}`, path.basename(app));
      for (const src of sources) {
        if (files.length >= count) break;
        const target = path.join(dest, path.relative(app, src));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.copyFileSync(src, target);
        files.push({ file: target, languageId: LANGUAGE[path.extname(src).slice(1)] ?? 'python', outside: away });
      }
      // Config files that shape analysis (tsconfig paths, server limits) come along.
      for (const name of ['tsconfig.json', 'gunicorn.conf.py', 'vercel.json', 'package.json']) {
        const cfg = path.join(app, name);
        if (fs.existsSync(cfg)) fs.copyFileSync(cfg, path.join(dest, name));
      }
    }
  }
  return files;
}

/** One edit a user might make: a line typed at a random line start (sometimes half a line, leaving a syntax error). */
export function editOf(text: string, random: () => number, languageId: string): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1 && starts.length < 5000; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const at = starts[Math.floor(random() * starts.length)];
  const py = languageId === 'python';
  const lines = py
    ? ['import time\n', 'x = compute(1)\n', 'def helper(q):\n    return q\n', 'result = client.chat.completions.create(model="m", messages=[])\n', 'value = (\n']
    : ["import fs from 'fs';\n", 'const x = compute(1);\n', 'function helper(q) { return q; }\n', "const r = client.chat.completions.create({ model: 'm', messages: [] });\n", 'const value = (\n'];
  return text.slice(0, at) + lines[Math.floor(random() * lines.length)] + text.slice(at);
}

/** Resident set size and its peak, in MB, of a process (Linux /proc). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

export interface SoakCheckpoint {
  cycles: number;
  seconds: number;
  rssMb: number;
  peakMb: number;
}

/**
 * `cycles` open/edit/close cycles through the language server: open a file with its disk text, ask for
 * its code lenses (as the editor does), type one edit, ask again, close it. `every` cycles, the server's
 * memory is read.
 */
export async function runSoak(client: TestLspClient, files: SoakFile[], cycles: number, seed: number, every: number, onCheckpoint: (c: SoakCheckpoint) => void): Promise<void> {
  const random = seeded(seed);
  const started = Date.now();
  // The first pass sees every file once (in a seeded order), then files are picked at random.
  const order = files.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (let n = 1; n <= cycles; n++) {
    const f = files[n <= order.length ? order[n - 1] : Math.floor(random() * files.length)];
    const text = fs.readFileSync(f.file, 'utf8');
    const uri = client.uri(f.file);
    client.open(f.file, text, f.languageId);
    await client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    client.change(f.file, editOf(text, random, f.languageId), 2);
    await client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    client.close(f.file);
    // Everything before this request was handled once it answers (the server takes messages in order).
    await client.conn.sendRequest('loopsafe/rules');
    if (n % every === 0 || n === cycles) onCheckpoint({ cycles: n, seconds: (Date.now() - started) / 1000, ...memoryOf(client.proc.pid!) });
  }
}
