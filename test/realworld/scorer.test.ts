// The real-code benchmark's scorer (`npm run corpus:real`): manifest validation, cache checks and the
// label/finding matching, on a synthetic manifest and cache written here (no public code).

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { matchFindings, type Tally } from '../helpers/score-match';
import { testEngine } from '../helpers/engine';
import { cachePath, charCount, checkAppCache, readManifest, scoreManifest, sha256Hex, validateManifest, type ManifestApp } from './realworld';

const C1 = 'a'.repeat(40);
const C2 = 'b'.repeat(40);

const HELPER = ['from openai import OpenAI', '', 'client = OpenAI(timeout=30)', '', '', 'def ask(q):', '    return client.chat.completions.create(model="m", messages=[{"role": "user", "content": q}])', ''].join('\n');
const ROUTES = [
  'from fastapi import FastAPI',
  '',
  'from app.llm import ask',
  '',
  'app = FastAPI()',
  '',
  '',
  '@app.post("/chat")',
  'async def chat(q: str):',
  '    return {"answer": ask(q)}',
  '',
  '',
  '@app.post("/sync")',
  'def sync_chat(q: str):',
  '    return {"answer": ask(q)}',
  '',
].join('\n');
// A def route only: runs in the threadpool, nothing to report. Non-ASCII text checks the char count.
const CLEAN = ['from fastapi import FastAPI', 'from openai import OpenAI', '', 'app = FastAPI()', 'client = OpenAI(timeout=30)', '', '', '@app.get("/")', 'def root():', '    # café ☕ 🚀', '    return client.models.list()', ''].join('\n');

function fileEntry(p: string, text: string): { path: string; chars: number; sha256: string } {
  return { path: p, chars: charCount(text), sha256: sha256Hex(Buffer.from(text, 'utf8')) };
}

function writeCache(cacheRoot: string, repo: string, commit: string, files: Record<string, string>): void {
  for (const [p, text] of Object.entries(files)) {
    const dest = cachePath(cacheRoot, repo, commit, p);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, text);
  }
}

function manifest(): Record<string, unknown> {
  return {
    version: 1,
    repositories: [
      { repo: 'acme/chat', commit: C1, why: 'synthetic multi-module app' },
      { repo: 'acme/clean', commit: C2, why: 'synthetic negative' },
    ],
    apps: [
      {
        id: 'py-chat',
        lang: 'python',
        repo: 'acme/chat',
        commit: C1,
        files: [fileEntry('app/__init__.py', ''), fileEntry('app/llm.py', HELPER), fileEntry('app/main.py', ROUTES)],
        labels: [
          { path: 'app/llm.py', line: 7, rule: 'blocking-llm-call', reason: 'sync OpenAI call reached from an async route' },
          { path: 'app/main.py', line: 10, rule: 'blocking-llm-call', reason: 'the async route calls the sync helper on the loop' },
          // Deliberately wrong: the sync route runs in the threadpool (a miss the scorer must list).
          { path: 'app/main.py', line: 15, rule: 'blocking-llm-call', reason: 'planted wrong label' },
        ],
      },
      { id: 'py-clean', lang: 'python', repo: 'acme/clean', commit: C2, files: [fileEntry('main.py', CLEAN)], labels: [] },
    ],
  };
}

describe('real-code benchmark scorer', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-real-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('accepts a well-formed manifest', () => {
    const { manifest: m, errors } = validateManifest(manifest());
    assert.deepStrictEqual(errors, []);
    assert.deepStrictEqual(
      m.apps.map((a) => a.id),
      ['py-chat', 'py-clean'],
    );
  });

  it('names every manifest problem and keeps the good entries', () => {
    const raw = manifest() as { version: unknown; apps: Record<string, unknown>[]; repositories: Record<string, unknown>[] };
    raw.version = 2;
    raw.repositories.push({ repo: 'not a repo', commit: 'abc', why: '' });
    const chat = raw.apps[0] as { labels: Record<string, unknown>[] };
    chat.labels.push({ path: 'app/other.py', line: 1, rule: 'blocking-llm-call', reason: 'x' });
    chat.labels.push({ path: 'app/main.py', line: 0, rule: 'no-such-rule', reason: 'two\nlines' });
    raw.apps.push({ id: 'py-clean', lang: 'python', repo: 'acme/clean', commit: C2, files: [fileEntry('main.py', CLEAN)], labels: [] });
    raw.apps.push({ id: 'js-x', lang: 'python', repo: 'acme/gone', commit: 'c'.repeat(40), files: [{ path: '../etc/passwd', chars: 1, sha256: 'x' }], labels: [] });
    const { manifest: m, errors } = validateManifest(raw);
    const text = errors.join('\n');
    assert.match(text, /version must be 1/);
    assert.match(text, /repositories\[2\]: "repo" must be owner\/name; "commit" must be 40/);
    assert.match(text, /app py-chat: labels\[3\]: "path" "app\/other.py" is not one of the app's files/);
    assert.match(text, /app py-chat: labels\[4\]: "line" must be a 1-based line number; "rule" "no-such-rule" is not a scored rule .*; "reason" must be one line/);
    assert.match(text, /app py-clean: "id" is used twice/);
    assert.match(text, /app js-x: "id" must start with py- for lang python/);
    assert.match(text, /app js-x: repository acme\/gone is not listed in "repositories"/);
    assert.match(text, /app js-x: files\[0\]: "path" must be a relative path inside the repository/);
    // The first py-clean is kept; py-chat and js-x are dropped (an app with a problem is not scored).
    assert.deepStrictEqual(
      m.apps.map((a) => a.id),
      ['py-clean'],
    );
    assert.match(validateManifest([]).errors[0], /not a JSON object/);
    const missing = readManifest(path.join(dir, 'nope.json'));
    assert.match(missing.errors[0], /cannot read the manifest \(ENOENT\)/);
    fs.writeFileSync(path.join(dir, 'bad.json'), '{ "version": 1, ');
    assert.match(readManifest(path.join(dir, 'bad.json')).errors[0], /cannot read the manifest/);
  });

  it('reports missing, changed and miscounted cache files', () => {
    const m = validateManifest(manifest()).manifest;
    const clean = m.apps[1];
    assert.deepStrictEqual(
      checkAppCache(dir, clean).map((p) => p.problem),
      ['missing'],
    );
    writeCache(dir, 'acme/clean', C2, { 'main.py': CLEAN.replace('root', 'rot') });
    const changed = checkAppCache(dir, clean);
    assert.strictEqual(changed[0].problem, 'sha256');
    assert.match(changed[0].detail, /≠ manifest/);
    writeCache(dir, 'acme/clean', C2, { 'main.py': CLEAN });
    assert.deepStrictEqual(checkAppCache(dir, clean), []);
    const wrongChars: ManifestApp = { ...clean, files: [{ ...clean.files[0], chars: Buffer.byteLength(CLEAN) }] };
    assert.notStrictEqual(charCount(CLEAN), Buffer.byteLength(CLEAN), 'the sample has multi-byte characters');
    assert.deepStrictEqual(
      checkAppCache(dir, wrongChars).map((p) => p.problem),
      ['chars'],
    );
  });

  it('matches labels to findings as a multiset on (file, line, rule)', () => {
    const tallies = new Map<string, Tally>();
    const misses = matchFindings(
      [
        { file: 'a.py', line: 4, rule: 'blocking-llm-call', note: 'first' },
        { file: 'a.py', line: 4, rule: 'blocking-llm-call', note: 'second' },
        { file: 'a.py', line: 9, rule: 'unawaited-llm-call', note: 'dropped coroutine' },
      ],
      [
        { file: 'a.py', line: 4, rule: 'blocking-llm-call', message: 'm1' },
        { file: 'a.py', line: 5, rule: 'blocking-llm-call', message: 'one line off' },
        { file: 'a.py', line: 9, rule: 'some-unscored-rule', message: 'ignored' },
      ],
      ['blocking-llm-call', 'unawaited-llm-call'],
      tallies,
    );
    assert.deepStrictEqual(tallies.get('blocking-llm-call'), { tp: 1, fp: 1, fn: 1 });
    assert.deepStrictEqual(tallies.get('unawaited-llm-call'), { tp: 0, fp: 0, fn: 1 });
    assert.deepStrictEqual(
      misses.map((m) => `${m.kind} ${m.line} ${m.rule} ${m.message}`),
      ['FN 5 blocking-llm-call second', 'FP 6 blocking-llm-call one line off', 'FN 10 unawaited-llm-call dropped coroutine'],
    );
  });

  it('scores complete apps across modules, lists misses with reasons, and skips incomplete apps', async () => {
    const engine = await testEngine();
    const m = validateManifest(manifest()).manifest;
    writeCache(dir, 'acme/chat', C1, { 'app/__init__.py': '', 'app/llm.py': HELPER, 'app/main.py': ROUTES });
    // py-clean is not cached: it is skipped and named, py-chat is still scored.
    const partial = scoreManifest(engine, m, dir);
    assert.deepStrictEqual(partial.skippedApps, ['py-clean']);
    assert.deepStrictEqual(
      partial.cache.map((c) => `${c.app} ${c.path} ${c.problem}`),
      ['py-clean main.py missing'],
    );
    const py = partial.languages.python!;
    assert.strictEqual(py.apps, 2);
    assert.strictEqual(py.appsScored, 1);
    assert.strictEqual(py.files, 3);
    assert.deepStrictEqual(
      { tp: py.rules['blocking-llm-call'].tp, fp: py.rules['blocking-llm-call'].fp, fn: py.rules['blocking-llm-call'].fn },
      { tp: 2, fp: 0, fn: 1 },
    );
    assert.strictEqual(py.rules['blocking-llm-call'].recall, 2 / 3);
    // The group sums its three rules.
    assert.strictEqual(py.rules['concurrency rules'].tp, 2);
    assert.strictEqual(py.rules['concurrency rules'].fn, 1);
    assert.strictEqual(py.rules['concurrency rules'].meetsTarget, false);
    assert.strictEqual(partial.pass, false);
    assert.deepStrictEqual(
      partial.misses.map((x) => `${x.kind} ${x.app} ${x.file}:${x.line} ${x.message} | ${x.source}`),
      ['FN py-chat app/main.py:15 planted wrong label | return {"answer": ask(q)}'],
    );

    writeCache(dir, 'acme/clean', C2, { 'main.py': CLEAN });
    const full = scoreManifest(engine, m, dir);
    assert.deepStrictEqual(full.cache, []);
    assert.strictEqual(full.all.appsScored, 2);
    // The negative app adds no finding of a scored rule.
    assert.strictEqual(full.misses.length, 1);
    // A filter scores only the matching apps.
    assert.strictEqual(scoreManifest(engine, m, dir, 'clean').all.appsScored, 1);
  });
});
