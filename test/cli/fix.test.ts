// `loopsafe check --fix`, `--unsafe-fixes`, `--diff` and `--fix-only` on real files: the whole corpus fixed
// in a temp copy (every fixed file judged by Python's compiler, `node --check` or TypeScript's parser, and a
// second run finding nothing left to fix), diffs that `git apply` takes, and files left untouched and named.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { Workspace, fixFiles } from '../../src/engine/api';
import { testEngine } from '../helpers/engine';
import { cliWorkspace, runCli } from '../helpers/cli';

const CORPUS = path.resolve(__dirname, '../../../test/corpus');

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** Files that do not compile, by the languages' own tools: CPython's compiler, `node --check`, TypeScript's parser. */
function notCompiling(files: string[]): string[] {
  const bad: string[] = [];
  const py = files.filter((f) => f.endsWith('.py'));
  if (py.length) {
    const script = 'import sys\nfor f in sys.argv[1:]:\n    try:\n        compile(open(f, encoding="utf-8-sig").read(), f, "exec")\n    except SyntaxError as e:\n        print(f)\n';
    const r = spawnSync('/usr/bin/python3', ['-c', script, ...py], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    bad.push(...r.stdout.split('\n').filter(Boolean));
  }
  for (const f of files.filter((x) => /\.(c|m)?js$/.test(x))) {
    // `node --check` judges .js by the nearest package.json's type; ES module syntax in a plain .js is checked as a module.
    const text = fs.readFileSync(f, 'utf8');
    const esm = /^\s*(import|export)\s/m.test(text) && !f.endsWith('.cjs');
    const r = esm ? spawnSync(process.execPath, ['--input-type=module', '--check'], { input: text, encoding: 'utf8' }) : spawnSync(process.execPath, ['--check', f], { encoding: 'utf8' });
    if (r.status !== 0) bad.push(f);
  }
  for (const f of files.filter((x) => /\.(c|m)?tsx?$/.test(x))) {
    const sf = ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, false, f.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    if ((sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length > 0) bad.push(f);
  }
  return bad;
}

describe('cli: fixes', function () {
  this.timeout(300000);

  it('--fix --unsafe-fixes over the whole corpus: every fixed file still compiles, a second run has nothing left to fix', () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-fix-corpus-')));
    fs.cpSync(CORPUS, dir, { recursive: true });
    const sources = walk(dir).filter((f) => /\.(py|[cm]?[jt]sx?)$/.test(f));
    const before = new Map(sources.map((f) => [f, fs.readFileSync(f, 'utf8')]));
    const brokenBefore = new Set(notCompiling(sources));
    const r = runCli(['check', '--fix', '--unsafe-fixes', '.'], dir);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const m = /fixed (\d+) problems? in (\d+) files?/.exec(r.stderr);
    assert.ok(m, r.stderr);
    const changed = sources.filter((f) => fs.readFileSync(f, 'utf8') !== before.get(f));
    assert.strictEqual(changed.length, Number(m[2]), 'the count printed is the files written');
    assert.ok(changed.length >= 60, `fixes reached ${changed.length} files`);
    assert.ok(changed.some((f) => f.endsWith('.py')) && changed.some((f) => /\.[cm]?js$/.test(f)) && changed.some((f) => /\.tsx?$/.test(f)), 'Python, JavaScript and TypeScript files were fixed');
    assert.deepStrictEqual(notCompiling(changed).filter((f) => !brokenBefore.has(f)), [], 'every fixed file compiles');
    // Files named as not fixed are exactly as they were.
    for (const line of r.stderr.split('\n').filter((l) => l.startsWith('loopsafe: not fixed: '))) {
      const file = path.join(dir, line.slice('loopsafe: not fixed: '.length).split(':')[0]);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), before.get(file), line);
    }
    // Converged: nothing left that a fix would change.
    const again = runCli(['check', '--diff', '--unsafe-fixes', '.'], dir);
    assert.strictEqual(again.stdout, '', again.stdout.slice(0, 2000));
    assert.strictEqual(again.code, 0);
  });

  it('a fix undone by another fix of its pass is made again on its own: corpus js/207 (a retry fix raising the attempts a server-limit timeout was fitted to) is fixed and converges', () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-fix-207-')));
    fs.cpSync(path.join(CORPUS, 'js/207-amplify-function-limits'), dir, { recursive: true });
    const r = runCli(['check', '--fix', '--unsafe-fixes'], dir);
    assert.doesNotMatch(r.stderr, /not fixed/, r.stderr);
    const handler = fs.readFileSync(path.join(dir, 'amplify/functions/classify/handler.ts'), 'utf8');
    // The retry fix gave the client 3 attempts; the call's own options then fit the Amplify default of 3 s.
    assert.match(handler, /maxRetries: 2 \}\);/);
    assert.match(handler, /\{ timeout: \d[\d_]*, maxRetries: 1 \}\)/);
    assert.strictEqual(r.code, 0, r.stdout);
    const again = runCli(['check', '--diff', '--unsafe-fixes'], dir);
    assert.strictEqual(again.stdout, '');
    assert.strictEqual(again.code, 0);
  });

  it('--diff prints a unified diff that git apply takes, writes nothing and exits 1; --fix then gives the same text', () => {
    const seed = fs.readFileSync(path.resolve(__dirname, '../../../examples/fastapi-chat/main.py'), 'utf8');
    const dir = cliWorkspace({ 'app/main.py': seed, 'web/server.js': "const express = require('express');\nconst OpenAI = require('openai');\nconst client = new OpenAI({ timeout: 20_000 });\nconst app = express();\napp.post('/chat', async (req, res) => {\n  const c = client.chat.completions.create({ model: 'm', messages: [] });\n  res.json(c);\n});\n" });
    const d = runCli(['check', '--diff'], dir);
    assert.strictEqual(d.code, 1, d.stderr);
    assert.match(d.stdout, /^--- a\/app\/main\.py\n\+\+\+ b\/app\/main\.py\n@@ /m);
    assert.match(d.stdout, /^\+  const c = await client\.chat\.completions\.create/m);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'app/main.py'), 'utf8'), seed, '--diff writes nothing');
    const copy = cliWorkspace({ 'app/main.py': seed, 'web/server.js': fs.readFileSync(path.join(dir, 'web/server.js'), 'utf8') });
    fs.writeFileSync(path.join(copy, 'fix.patch'), d.stdout);
    const applied = spawnSync('git', ['apply', 'fix.patch'], { cwd: copy, encoding: 'utf8' });
    assert.strictEqual(applied.status, 0, applied.stderr);
    const fixed = runCli(['check', '--fix'], dir);
    assert.match(fixed.stderr, /fixed \d+ problems? in 2 files/);
    for (const f of ['app/main.py', 'web/server.js']) assert.strictEqual(fs.readFileSync(path.join(dir, f), 'utf8'), fs.readFileSync(path.join(copy, f), 'utf8'), f);
    // The unsafe fix (the async client) is left to --unsafe-fixes; the report shows what is left.
    assert.match(fixed.stdout, /llm-call-without-timeout/);
    const clean = runCli(['check', '--diff'], dir);
    assert.strictEqual(clean.code, 0);
    assert.strictEqual(clean.stdout, '');
  });

  it('--fix-only applies the fixes and reports nothing; --unsafe-fixes adds the unsafe ones', () => {
    const seed = fs.readFileSync(path.resolve(__dirname, '../../../examples/fastapi-chat/main.py'), 'utf8');
    const dir = cliWorkspace({ 'main.py': seed });
    const r = runCli(['check', '--fix-only'], dir);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.stdout, '');
    assert.match(fs.readFileSync(path.join(dir, 'main.py'), 'utf8'), /await asyncio\.to_thread\(client\.chat\.completions\.create/);
    const unsafe = cliWorkspace({ 'main.py': seed });
    const u = runCli(['check', '--fix', '--unsafe-fixes'], unsafe);
    const text = fs.readFileSync(path.join(unsafe, 'main.py'), 'utf8');
    assert.match(text, /AsyncOpenAI\(timeout=30\)|AsyncOpenAI\(/);
    assert.match(u.stdout, /No problems found/, u.stdout);
    assert.strictEqual(runCli(['check', '--diff', '--fix'], dir).code, 2, '--diff with --fix is a usage error');
  });

  it('never writes a file that does not compile: a fix whose text would not parse leaves the file untouched and named', () => {
    // The closing parenthesis after a trailing comment: a fix built from raw argument text would swallow it.
    const text = 'from fastapi import FastAPI\nfrom openai import OpenAI\n\napp = FastAPI()\nclient = OpenAI(timeout=20)\n\n@app.get("/a")\nasync def a(q: str):\n    r = client.chat.completions.create(model="m", messages=[{"role": "user", "content": q}]  # user turn\n    )\n    return r\n';
    const dir = cliWorkspace({ 'main.py': text });
    const r = runCli(['check', '--fix'], dir);
    const after = fs.readFileSync(path.join(dir, 'main.py'), 'utf8');
    assert.deepStrictEqual(notCompiling([path.join(dir, 'main.py')]), []);
    if (after === text) assert.match(r.stderr, /not fixed: main\.py: the fixed text no longer parses; left untouched/);
    else assert.match(after, /asyncio\.to_thread/);
  });

  it('engine: a file judged not to parse is restored and named; bounded passes name the files that did not settle', async () => {
    const ws = new Workspace(await testEngine(), { routes: false });
    const dir = cliWorkspace({});
    fs.cpSync(path.resolve(__dirname, '../../../examples/fastapi-chat'), dir, { recursive: true });
    const files = walk(dir).filter((f) => f.endsWith('.py'));
    for (const f of files) ws.load(f);
    const originals = files.map((f) => ws.text(f));
    const restore = () => files.forEach((f, i) => ws.upsert(f, originals[i]!));
    const all = fixFiles(ws, files, { unsafe: true });
    assert.ok(all.changed.size >= 3 && all.passes >= 2, `${all.changed.size} files in ${all.passes} passes`);
    restore();
    const main = path.join(dir, 'main.py');
    const judged = fixFiles(ws, files, { unsafe: true, parses: (file, t) => file !== main || t === originals[files.indexOf(main)] });
    assert.deepStrictEqual(judged.rejected.map((x) => `${path.relative(dir, x.file)}: ${x.reason}`), ['main.py: the fixed text no longer parses']);
    assert.ok(!judged.changed.has(main) && judged.changed.size === all.changed.size - 1);
    assert.strictEqual(ws.text(main), originals[files.indexOf(main)], 'restored in the workspace too');
    restore();
    const bounded = fixFiles(ws, files, { unsafe: true, maxPasses: all.passes - 1 });
    assert.ok(bounded.rejected.length > 0 && bounded.rejected.every((x) => x.reason === `fixes did not settle after ${all.passes - 1} passes`), JSON.stringify(bounded.rejected));
    for (const r of bounded.rejected) assert.strictEqual(ws.text(r.file), originals[files.indexOf(r.file)]);
  });
  it('engine: a fix that builds a second client like a first one is not taken for the first finding surviving (Python and JS)', async () => {
    const ws = new Workspace(await testEngine(), { routes: false });
    const dir = cliWorkspace({});
    // The blocking fix adds `async_groq_sync = AsyncGroq()` (the sync handler keeps `groq_sync`), a twin of `groq_async = AsyncGroq()` (same fingerprint).
    const py = path.join(dir, 'api.py');
    fs.writeFileSync(py, [
      'from fastapi import FastAPI',
      'from groq import AsyncGroq, Groq',
      'app = FastAPI()',
      'groq_sync = Groq()',
      'groq_async = AsyncGroq()',
      '',
      '@app.post("/a")',
      'async def a(q: str):',
      '    r = groq_sync.chat.completions.create(model="m", messages=[{"role": "user", "content": q}])',
      '    return r.choices[0].message.content',
      '',
      '@app.post("/b")',
      'async def b(q: str):',
      '    r = await groq_async.chat.completions.create(model="m", messages=[{"role": "user", "content": q}])',
      '    return r.choices[0].message.content',
      '',
      '@app.post("/c")',
      'def c(q: str):',
      '    r = groq_sync.chat.completions.create(model="m", messages=[{"role": "user", "content": q}])',
      '    return r.choices[0].message.content',
      '',
    ].join('\n'));
    // The retry fix turns `maxRetries: 0` into 2: three attempts of groq-sdk's 60 s now need a timeout too.
    const js = path.join(dir, 'server.js');
    fs.writeFileSync(js, [
      "import express from 'express';",
      "import Groq from 'groq-sdk';",
      'const app = express();',
      'const groq = new Groq({ apiKey: process.env.K });',
      'const quick = new Groq({ apiKey: process.env.K, maxRetries: 0 });',
      "app.post('/a', async (req, res) => { res.json(await groq.chat.completions.create({ model: 'm', messages: [] })); });",
      "app.post('/b', async (req, res) => { res.json(await quick.chat.completions.create({ model: 'm', messages: [] })); });",
      'app.listen(3000);',
      '',
    ].join('\n'));
    const files = [py, js];
    for (const f of files) ws.load(f);
    const out = fixFiles(ws, files, { unsafe: true });
    assert.deepStrictEqual(out.rejected, []);
    assert.strictEqual(out.changed.size, 2);
    assert.match(ws.text(py)!, /async_groq_sync = AsyncGroq\(timeout=30\)/);
    assert.match(ws.text(js)!, /maxRetries: 2, timeout: 30_000/);
    for (const f of files) assert.deepStrictEqual((ws.analyze(f)?.findings ?? []).filter((x) => x.fixes.length > 0).map((x) => x.rule), []);
  });
});
