// Incremental analysis against cold analysis: after every random edit, what the language server would
// show (the edited file and the files `affectedBy` names re-analysed, the others keeping their last
// results) must equal a fresh workspace's analysis of the same texts, file by file.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Engine, Workspace, defaultWasmDir, discoverFiles } from '../../src/engine/api';
import type { FileAnalysis } from '../../src/engine/types';
import { testEngine } from '../helpers/engine';

/** A deterministic pseudo-random sequence, so a failure reproduces. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const APPS = ['59-layered-router-package', '02-fastapi-service-class', '13-groq-service-depends', '07-bedrock-claude-helper', '45-unawaited-helper-dropped', '37-django-async-views', '69-await-on-sync-variety'];

/** Lines typed into the code: LLM calls, blocking calls, imports, helpers, returns, noise. */
const LINES = [
  'x = 1',
  'client.chat.completions.create(model="m", messages=[])',
  'resp = client.chat.completions.create(model="m", messages=[])',
  'await client.chat.completions.create(model="m", messages=[])',
  'time.sleep(1)',
  'await asyncio.sleep(0)',
  'return helper()',
  'import time',
  'from openai import OpenAI, AsyncOpenAI',
  'client = OpenAI()',
  'client = AsyncOpenAI()',
  'def extra():\n    return OpenAI().chat.completions.create(model="m", messages=[])',
  'async def extra_async():\n    return await AsyncOpenAI().chat.completions.create(model="m", messages=[])',
  'extra()',
  'extra_async()',
  'pass',
  '# a comment',
  '',
  'requests.get("https://api.openai.com/v1/models")',
  'with open("f") as fh:',
];

function analysisKey(a: FileAnalysis | undefined): string {
  if (!a) return 'none';
  return JSON.stringify({ findings: a.findings, routes: a.routes, lines: a.lines });
}

function randomEdit(text: string, random: () => number): string {
  const lines = text.split('\n');
  const at = Math.floor(random() * lines.length);
  const indent = /^\s*/.exec(lines[at])![0];
  const op = random();
  if (op < 0.45) {
    const line = LINES[Math.floor(random() * LINES.length)];
    lines.splice(at, 0, ...line.split('\n').map((l) => indent + l));
  } else if (op < 0.6) {
    lines.splice(at, 1);
  } else if (op < 0.85) {
    // Typing inside a line: a character inserted, replaced or deleted.
    const l = lines[at];
    const col = Math.floor(random() * (l.length + 1));
    const ch = 'ab1 (.)_"'[Math.floor(random() * 9)];
    const r = random();
    lines[at] = r < 0.4 ? l.slice(0, col) + ch + l.slice(col) : r < 0.7 ? l.slice(0, col) + ch + l.slice(col + 1) : l.slice(0, col) + l.slice(col + 1);
  } else {
    lines.splice(at, 0, lines[at]);
  }
  return lines.join('\n');
}

describe('incremental analysis', () => {
  it('gives, after each of 150 random edits, the findings a cold analysis of the same texts gives', async function () {
    this.timeout(300_000);
    const root = path.resolve(__dirname, '../../../test/corpus/python');
    const originals = new Map<string, string>();
    for (const app of APPS) {
      for (const file of discoverFiles([path.join(root, app)], {}).files) if (file.endsWith('.py')) originals.set(file, fs.readFileSync(file, 'utf8'));
    }
    assert.ok(originals.size >= 25, `only ${originals.size} files`);
    const files = [...originals.keys()].sort();

    const ws = new Workspace(await testEngine());
    for (const [file, text] of originals) ws.upsert(file, text);
    const shown = new Map<string, string>();
    for (const r of ws.analyzeAll()) shown.set(r.file, analysisKey(r));

    const cold = await Engine.create(defaultWasmDir('/nonexistent'));
    const texts = new Map(originals);
    const random = rng(7);
    for (let i = 0; i < 150; i++) {
      const file = files[Math.floor(random() * files.length)];
      const next = random() < 0.1 ? originals.get(file)! : randomEdit(texts.get(file)!, random);
      texts.set(file, next);
      // The language server: record the text, then re-analyse what the change affects.
      ws.upsert(file, next);
      for (const f of ws.affectedBy(file)) shown.set(f, analysisKey(ws.analyze(f)));

      for (const f of files) cold.forget(f);
      const fresh = new Workspace(cold);
      for (const [f, t] of texts) fresh.upsert(f, t);
      for (const r of fresh.analyzeAll()) {
        assert.strictEqual(shown.get(r.file), analysisKey(r), `edit ${i} (${path.relative(root, file)}): ${path.relative(root, r.file)} differs from a cold analysis`);
      }
    }
  });
});
