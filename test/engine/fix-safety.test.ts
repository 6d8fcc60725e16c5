// Fixes that must keep code valid where raw text would break it (comments, trailing commas, multi-line
// arguments, strings with parentheses), each result judged by CPython's own compiler.

import * as assert from 'assert';
import { Workspace, applyEdits, diffEdits, fixAll, mergeFixes, type Finding } from '../../src/engine/api';
import { testEngine } from '../helpers/engine';
import { pythonVerdicts } from '../helpers/syntax-check';

const HEAD = ['import openai', 'from fastapi import FastAPI', 'client = openai.OpenAI(timeout=30)', 'app = FastAPI()', '', '@app.post("/chat")', 'async def chat(q: str):'].join('\n');

async function findings(file: string, text: string): Promise<Finding[]> {
  const engine = await testEngine();
  return engine.analyze(file, text).findings;
}

describe('fix safety (Python compiler)', () => {
  it('to_thread keeps a comment that ends the argument list outside the call', async () => {
    const bodies = [
      '    r = client.chat.completions.create(model="m", messages=[{"role": "user", "content": q}]  # user turn\n    )\n    return r',
      '    return client.chat.completions.create(  # the call\n        model="m",\n        messages=[],  # none\n    ).choices[0]',
      '    r = client.chat.completions.create(model="m", messages=[{"content": "(a)"}],)\n    return r',
      '    r = client.chat.completions.create(model="m", \\\n        messages=[{"content": ")("}])\n    return r',
      '    r = await client.chat.completions.create(**{"model": "m"}  # kw\n    )\n    return r',
      '    r = client.chat.completions.create(\n        *[], model="m"\n        # trailing comment\n    )\n    return r',
    ];
    const fixed: string[] = [];
    for (const [i, body] of bodies.entries()) {
      const text = `${HEAD}\n${body}\n`;
      const f = (await findings(`/fixsafety/to_thread_${i}.py`, text)).find((x) => x.rule === 'blocking-llm-call' || x.rule === 'await-on-sync-call');
      assert.ok(f, `finding in case ${i}`);
      const fix = f.fixes.find((x) => x.title.includes('asyncio.to_thread'));
      assert.ok(fix, `to_thread fix in case ${i}`);
      const out = applyEdits(text, fix.edits);
      assert.match(out, /asyncio\.to_thread\(client\.chat\.completions\.create,/, `case ${i}:\n${out}`);
      fixed.push(out);
    }
    const verdicts = await pythonVerdicts(fixed);
    verdicts.forEach((v, i) => assert.strictEqual(v, undefined, `case ${i} does not compile: ${v}\n${fixed[i]}`));
    // The finding is gone.
    for (const [i, out] of fixed.entries()) {
      const after = await findings(`/fixsafety/to_thread_${i}_fixed.py`, out);
      assert.ok(!after.some((x) => x.rule === 'blocking-llm-call' || x.rule === 'await-on-sync-call'), `case ${i} still reported:\n${out}`);
    }
  });

  it('async variant imports its name after the last imported name (trailing comma, comment before `)`)', async () => {
    const heads = ['from litellm import (\n    completion,  # sync\n)', 'from litellm import (completion,)', 'from litellm import (\n    completion\n    # more later\n)'];
    const fixed: string[] = [];
    for (const [i, head] of heads.entries()) {
      const text = `${head}\nfrom fastapi import FastAPI\napp = FastAPI()\n\n@app.post("/chat")\nasync def chat(q: str):\n    return completion(model="m", messages=[], timeout=30)\n`;
      const f = (await findings(`/fixsafety/variant_${i}.py`, text)).find((x) => x.rule === 'blocking-llm-call');
      assert.ok(f, `finding in case ${i}`);
      const fix = f.fixes.find((x) => x.title.includes('acompletion'));
      assert.ok(fix, `acompletion fix in case ${i}: ${f.fixes.map((x) => x.title)}`);
      fixed.push(applyEdits(text, fix.edits));
    }
    const verdicts = await pythonVerdicts(fixed);
    verdicts.forEach((v, i) => assert.strictEqual(v, undefined, `case ${i} does not compile: ${v}\n${fixed[i]}`));
  });

  it('fix-all merges identical edits (one `import asyncio` for two to_thread fixes) and converges', async () => {
    const text = [
      'from openai import OpenAI',
      'from fastapi import FastAPI',
      'client = OpenAI(timeout=30)',
      'app = FastAPI()',
      '',
      '@app.post("/a")',
      'async def a(q: str):',
      '    r = client.chat.completions.create(model="m", messages=[])',
      '    s = client.chat.completions.create(model="m", messages=[])',
      '    return r, s',
      '',
      '@app.post("/b")',
      'async def b(q: str):',
      '    return client.chat.completions.create(model="m", messages=[])  # third',
      '',
    ].join('\n');
    const engine = await testEngine();
    const ws = new Workspace(engine);
    const file = '/fixsafety/fixall/main.py';
    ws.upsert(file, text);
    const before = ws.analyze(file)!.findings.filter((f) => f.rule === 'blocking-llm-call');
    assert.strictEqual(before.length, 3);
    // One pass of the first-safe-fix merge: every to_thread fix goes in, `import asyncio` once.
    const merged = mergeFixes(before.map((f) => f.fixes.find((x) => x.safety === 'safe')!));
    assert.strictEqual(merged.applied, 3, 'identical import edits are shared, not a conflict');
    assert.strictEqual(merged.edits.filter((e) => e.newText === 'import asyncio\n').length, 1);
    const result = fixAll(ws, file);
    assert.ok(result.converged);
    assert.strictEqual(ws.text(file), text, 'the workspace is left as it was');
    const out = applyEdits(text, result.edits);
    assert.strictEqual((out.match(/import asyncio/g) ?? []).length, 1);
    assert.strictEqual((out.match(/await asyncio\.to_thread\(client\.chat\.completions\.create/g) ?? []).length, 3, out);
    assert.deepStrictEqual(await pythonVerdicts([out]), [undefined]);
    ws.upsert(file, out);
    assert.deepStrictEqual(ws.analyze(file)!.findings.filter((f) => f.fixes.some((x) => x.safety === 'safe')).map((f) => f.rule), [], out);
  });

  it('fix-all defers a fix whose edit conflicts with a taken one to the next pass', () => {
    const at = (line: number, c0: number, c1 = c0) => ({ start: { line, character: c0 }, end: { line, character: c1 } });
    const fix = (...edits: [number, number, number, string][]) => ({ title: 't', safety: 'safe' as const, preferred: true, edits: edits.map(([l, c0, c1, newText]) => ({ file: '/f.py', range: at(l, c0, c1), newText })) });
    const r = mergeFixes([
      fix([0, 0, 0, 'import asyncio\n'], [3, 4, 10, 'x']),
      fix([0, 0, 0, 'import asyncio\n'], [5, 4, 10, 'y']), // shares the import: applies
      fix([0, 0, 0, 'import time\n'], [7, 0, 0, 'z']), // another insertion at the same point: waits
      fix([3, 8, 12, 'w']), // overlaps the first: waits
      fix([3, 10, 10, 'v']), // insertion touching the first's end: waits
      fix([3, 11, 12, 'u']), // disjoint: applies
    ]);
    assert.strictEqual(r.applied, 3);
    assert.strictEqual(r.deferred, 3);
    assert.deepStrictEqual(r.edits.map((e) => e.newText), ['import asyncio\n', 'x', 'y', 'u']);
  });

  it('line-hunk edits rebuild any text from any other (random cases)', () => {
    let seed = 7;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const vocab = ['a\n', 'b\n', 'c\r\n', 'import x\n', '\n', 'tail'];
    const gen = (): string => Array.from({ length: rnd(12) }, () => vocab[rnd(vocab.length)]).join('');
    for (let i = 0; i < 2000; i++) {
      const a = gen();
      const b = rnd(3) === 0 ? gen() : a.replace(/b/g, () => (rnd(2) ? 'B\nb' : ''));
      const out = applyEdits(a, diffEdits('/f', a, b));
      assert.strictEqual(out, b, `case ${i}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
    }
  });

  it('a server-limit fix is offered only where it takes effect (the call\'s own timeout beats the client\'s)', async () => {
    const engine = await testEngine();
    const ws = new Workspace(engine);
    const dir = '/fixsafety/limit';
    ws.upsert(`${dir}/gunicorn.conf.py`, 'timeout = 6\n');
    const text = [
      'from flask import Flask',
      'from google import genai',
      'from google.genai import types',
      'app = Flask(__name__)',
      'gemini = genai.Client()',
      '',
      '@app.post("/a")',
      'def a():',
      '    return gemini.models.generate_content(',
      '        model="gemini-2.0-flash",',
      '        contents="q",',
      '        config=types.GenerateContentConfig(http_options=types.HttpOptions(timeout=20_000)),',
      '    ).text',
      '',
    ].join('\n');
    const file = `${dir}/app.py`;
    ws.upsert(file, text);
    const f = ws.analyze(file)!.findings.find((x) => x.rule === 'timeout-exceeds-server-limit');
    assert.ok(f, 'the call waits 20 s under a 6 s limit');
    for (const fix of f.fixes) {
      const out = applyEdits(text, fix.edits.filter((e) => e.file === file));
      ws.upsert(file, out);
      const left = ws.analyze(file)!.findings.filter((x) => x.rule === 'timeout-exceeds-server-limit');
      assert.strictEqual(left.length, 0, `"${fix.title}" leaves the finding:\n${out}`);
    }
  });
});
