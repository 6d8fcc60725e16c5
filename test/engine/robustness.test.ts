// Bad input never crashes the engine: half-typed code, syntax errors, empty, huge, binary and
// non-UTF-8 files, unknown settings. Each yields a result (maybe with a note) and analysis goes on.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeText, discoverFiles, normalizeRuleSeverities, RULE_IDS, Workspace } from '../../src/engine/api';
import { testEngine } from '../helpers/engine';

const SEED = [
  'from fastapi import FastAPI',
  'from openai import OpenAI',
  'app = FastAPI()',
  'client = OpenAI()',
  '@app.get("/g")',
  'async def g():',
  '    return await client.chat.completions.create(model="m", messages=[])',
  '',
].join('\n');

describe('engine robustness', () => {
  it('analyses half-typed code and still finds what is complete', async () => {
    const engine = await testEngine();
    const half = SEED + '\n@app.get("/h")\nasync def h(:\n    client.chat.completions.create(model=\n';
    const r = engine.analyze('/w/half.py', half);
    assert.ok(r.findings.some((f) => f.rule === 'await-on-sync-call' && f.range.start.line === 6), JSON.stringify(r.findings.map((f) => f.rule)));
  });

  it('ends on a name reassigned from itself many times (qs = qs.filter(...), each lookup branching over the others)', async () => {
    const engine = await testEngine();
    // 24 self-referencing reassignments: a flow-insensitive lookup that tries every other assignment in every
    // order never ends (24! paths); the analysis must end, and still see the client reached the same way.
    const filters = Array.from({ length: 24 }, (_, i) => `    if q == "${i}":\n        qs = qs.filter(k=${i}).order_by("f${i}")`).join('\n');
    const text = [
      'from fastapi import FastAPI',
      'from openai import OpenAI',
      'from app.models import Item',
      'app = FastAPI()',
      'llm = OpenAI()',
      'llm = llm.with_options(max_retries=1)',
      '@app.get("/items")',
      'async def items(q: str):',
      '    qs = Item.objects.all()',
      filters,
      '    names = [i.name for i in qs]',
      '    return llm.chat.completions.create(model="m", messages=[{"role": "user", "content": ",".join(names)}])',
      '',
    ].join('\n');
    const r = engine.analyze('/w/filters.py', text);
    assert.deepStrictEqual(r.notes, []);
    assert.ok(r.findings.some((f) => f.rule === 'blocking-llm-call'), JSON.stringify(r.findings.map((f) => f.rule)));
  });

  it('survives every prefix of a file being typed', async () => {
    const engine = await testEngine();
    for (let i = 0; i <= SEED.length; i += 3) {
      const r = engine.analyze('/w/typing.py', SEED.slice(0, i));
      assert.deepStrictEqual(r.notes, [], `prefix ${i}`);
    }
  });

  it('handles empty, whitespace and syntax-error files', async () => {
    const engine = await testEngine();
    for (const text of ['', '   \n\n', ')))(((', 'def def def', 'async def x(): await await await', '\u0000\u0001']) {
      const r = engine.analyze('/w/bad.py', text);
      assert.ok(Array.isArray(r.findings));
    }
  });

  it('analyses a 5 MB file and skips a 25 MB one with a note', async function () {
    this.timeout(180000); // bounded work, but slow on a loaded 2-core machine
    const engine = await testEngine();
    const block = SEED.replace('async def g', 'async def g_N');
    let big = '';
    let n = 0;
    while (big.length < 5 * 1024 * 1024) big += block.replace('g_N', `g_${n++}`);
    const r = engine.analyze('/w/big.py', big);
    assert.strictEqual(r.findings.filter((f) => f.rule === 'await-on-sync-call').length, n);
    const huge = engine.analyze('/w/huge.py', 'x = 1\n'.repeat(25 * 1024 * 1024 / 6 + 10));
    assert.strictEqual(huge.findings.length, 0);
    assert.match(huge.notes[0], /over the 20 MB limit/);
  });

  it('skips binary content with a note', async () => {
    const engine = await testEngine();
    const bin = Buffer.alloc(4096);
    for (let i = 0; i < bin.length; i++) bin[i] = (i * 7919) % 256;
    const r = engine.analyze('/w/blob.py', bin.toString('latin1'));
    assert.match(r.notes.join(' '), /binary/);
  });

  it('decodes non-UTF-8 bytes with a note and still analyses', async () => {
    const bytes = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9, 0xff]), Buffer.from('\n' + SEED)]);
    const { text, note } = decodeText(bytes);
    assert.match(note ?? '', /not valid UTF-8/);
    const engine = await testEngine();
    assert.ok(engine.analyze('/w/latin.py', text).findings.length > 0);
  });

  it('keeps going when a workspace file is deleted or unreadable', async () => {
    const engine = await testEngine();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-ws-'));
    const a = path.join(dir, 'a.py');
    fs.writeFileSync(a, SEED);
    const ws = new Workspace(engine);
    assert.strictEqual(ws.load(a), undefined);
    fs.unlinkSync(a);
    assert.match(ws.load(a) ?? '', /cannot read \(ENOENT\)/);
    assert.strictEqual(ws.analyze(a), undefined);
  });

  it('discovers files without following symlink loops, skipping dependency folders', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-disc-'));
    fs.mkdirSync(path.join(dir, 'pkg'));
    fs.mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'pkg', 'm.py'), SEED);
    fs.writeFileSync(path.join(dir, 'node_modules', 'x', 'i.js'), '');
    fs.symlinkSync(dir, path.join(dir, 'pkg', 'loop'));
    const r = discoverFiles([dir]);
    assert.deepStrictEqual(r.files.map((f) => path.relative(dir, f)), [path.join('pkg', 'm.py')]);
  });

  it('normalizes bad rule settings to defaults with one problem each', () => {
    const r = normalizeRuleSeverities({ 'blocking-llm-call': 'LOUD', 'no-such-rule': 'error', 'unawaited-llm-call': 'Warning' }, RULE_IDS);
    assert.deepStrictEqual(r.overrides, { 'unawaited-llm-call': 'warning' });
    assert.strictEqual(r.problems.length, 2);
    assert.strictEqual(normalizeRuleSeverities('nope', RULE_IDS).problems.length, 1);
    assert.deepStrictEqual(normalizeRuleSeverities(undefined, RULE_IDS), { overrides: {}, problems: [] });
  });

  it('applies severity overrides, off, select and suppression comments', async () => {
    const engine = await testEngine();
    const base = engine.analyze('/w/s.py', SEED);
    assert.deepStrictEqual(base.findings.map((f) => f.rule).sort(), ['await-on-sync-call', 'blocking-llm-call', 'llm-call-without-timeout']);
    const off = engine.analyze('/w/s.py', SEED, { rules: { 'blocking-llm-call': 'off', 'await-on-sync-call': 'hint', 'llm-call-without-timeout': 'off' } });
    assert.deepStrictEqual(off.findings.map((f) => `${f.rule}:${f.severity}`), ['await-on-sync-call:hint']);
    const sel = engine.analyze('/w/s.py', SEED, { select: ['blocking-llm-call'] });
    assert.deepStrictEqual(sel.findings.map((f) => f.rule), ['blocking-llm-call']);
    const suppressed = SEED.replace('messages=[])', 'messages=[])  # loopsafe: ignore[blocking-llm-call]');
    assert.deepStrictEqual(engine.analyze('/w/s2.py', suppressed).findings.map((f) => f.rule), ['llm-call-without-timeout', 'await-on-sync-call']);
    const above = SEED.replace('    return await', '    # loopsafe: ignore\n    return await');
    assert.deepStrictEqual(engine.analyze('/w/s3.py', above).findings.map((f) => f.rule), ['llm-call-without-timeout']);
  });
});
