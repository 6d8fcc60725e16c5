// The tree cache: incremental re-parses give the same tree as a fresh parse, memory stays bounded,
// and the Python model built from the query-driven walk matches the source.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TreeCache, textEdit } from '../../src/engine/parse/tree-cache';
import { buildModel } from '../../src/engine/model/python/model';
import type { Language } from '../../src/engine/types';
import { testEngine, testParsers } from '../helpers/engine';

/** A deterministic pseudo-random sequence, so a failure reproduces. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SNIPPETS = ['x', ' ', '\n', '(', ')', 'await ', 'é', '😀', '"', 'def f():\n    return 1\n', ':', '    ', 'client.chat.completions.create()', '#'];

describe('tree cache', () => {
  it('computes the single edit between two texts in UTF-16 units, rows and columns', () => {
    const e = textEdit('ab\ncd😀ef\ngh', 'ab\ncd😀XYef\ngh')!;
    assert.deepStrictEqual(e.edit, {
      startIndex: 7, oldEndIndex: 7, newEndIndex: 9,
      startPosition: { row: 1, column: 4 }, oldEndPosition: { row: 1, column: 4 }, newEndPosition: { row: 1, column: 6 },
    });
    const d = textEdit('one\ntwo\nthree', 'one\nthree')!;
    // Common prefix "one\nt", common suffix "hree": "wo\nt" became "".
    assert.strictEqual(d.edit.startIndex, 5);
    assert.strictEqual(d.edit.oldEndIndex, 9);
    assert.deepStrictEqual(d.edit.oldEndPosition, { row: 2, column: 1 });
    assert.deepStrictEqual(d.edit.newEndPosition, { row: 1, column: 1 });
    assert.strictEqual(textEdit('same', 'same'), undefined);
  });

  it('finds the same edit as a character-by-character scan, across the block sizes it compares at once', () => {
    const naive = (a: string, b: string): [number, number] => {
      const max = Math.min(a.length, b.length);
      let start = 0;
      while (start < max && a[start] === b[start]) start++;
      let tail = 0;
      while (tail < max - start && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
      if (start > 0 && /[\udc00-\udfff]/.test(a[start] ?? '')) start--;
      return [start, tail];
    };
    const random = rng(5);
    for (let i = 0; i < 400; i++) {
      const n = Math.floor(random() * 3000);
      const a = Array.from({ length: n }, () => 'ab\n'[Math.floor(random() * 3)]).join('');
      const at = Math.floor(random() * (n + 1));
      const cut = Math.floor(random() * 700);
      const b = a.slice(0, at) + 'xy'.repeat(Math.floor(random() * 400)) + a.slice(Math.min(n, at + cut));
      const e = textEdit(a, b);
      if (a === b) {
        assert.strictEqual(e, undefined);
        continue;
      }
      const [start, tail] = naive(a, b);
      assert.deepStrictEqual([e!.edit.startIndex, e!.edit.oldEndIndex, e!.edit.newEndIndex], [start, a.length - tail, b.length - tail], `case ${i}`);
    }
  });

  for (const [lang, file] of [['python', 'test/fixtures/e2e-workspace/seed.py'], ['typescript', 'test/fixtures/rules/unawaited-llm-call/express_floating.ts']] as Array<[Language, string]>) {
    it(`re-parses ${lang} incrementally to the same tree as a fresh parse, over 300 random edits`, async () => {
      const parsers = await testParsers();
      const cache = new TreeCache(parsers);
      const source = path.resolve(__dirname, '../../..', file);
      let text = fs.readFileSync(source, 'utf8');
      const random = rng(42);
      for (let i = 0; i < 300; i++) {
        const at = Math.floor(random() * (text.length + 1));
        const cut = random() < 0.4 ? Math.floor(random() * 6) : 0;
        const insert = random() < 0.8 ? SNIPPETS[Math.floor(random() * SNIPPETS.length)] : '';
        let next = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + cut));
        if (next.length > 0 && /[\udc00-\udfff]/.test(next[0])) next = next.slice(1);
        text = next;
        const incremental = cache.get('f', lang, text).tree.rootNode.toString();
        const fresh = parsers.parse(lang, text);
        try {
          assert.strictEqual(incremental, fresh.rootNode.toString(), `edit ${i} diverged`);
        } finally {
          fresh.delete();
        }
      }
      cache.clear();
    });
  }

  it('keeps at most its character budget of trees, evicting the least recently used', async () => {
    const cache = new TreeCache(await testParsers(), 1000);
    const text = 'x = 1\n'.repeat(50); // 300 characters
    for (const f of ['a', 'b', 'c']) cache.get(f, 'python', text);
    assert.strictEqual(cache.size, 3);
    cache.get('a', 'python', text); // a is now the most recent
    cache.get('d', 'python', text);
    assert.strictEqual(cache.size, 3);
    const a = cache.get('a', 'python', text).tree;
    const again = cache.get('a', 'python', text).tree;
    assert.strictEqual(a, again, 'a was evicted although recently used');
    cache.forget('a');
    assert.strictEqual(cache.size, 2);
    cache.clear();
    assert.strictEqual(cache.size, 0);
  });

  it('builds the same model facts from the query-driven walk for nested scopes', async () => {
    const parsers = await testParsers();
    const text = [
      'import openai',
      'from x import y as z',
      '@app.get("/r", dependencies=[Depends(auth())])',
      'async def r(q: str = Depends(get_q), c: Annotated[C, Depends(mk)] = None):',
      '    a = f(g(h(1)))',
      '    b = (lambda v: k(v))(2)',
      '    async with s() as t:',
      '        await t.send(u())',
      '    if (w := m()):',
      '        yield w',
      '    return n()',
      'class K(Base(1)):',
      '    attr = p()',
      '    def meth(self):',
      '        self.cli = q()',
      'f()()',
    ].join('\n');
    const tree = parsers.parse('python', text);
    try {
      const model = buildModel(tree.rootNode);
      const names = (nodes: Array<{ text: string }>) => nodes.map((n) => n.text);
      assert.deepStrictEqual(names(model.module.calls), ['app.get("/r", dependencies=[Depends(auth())])', 'Depends(auth())', 'auth()', 'Depends(get_q)', 'Base(1)', 'f()()', 'f()']);
      const r = model.functions.find((s) => s.name === 'r')!;
      assert.deepStrictEqual(names(r.calls), ['f(g(h(1)))', 'g(h(1))', 'h(1)', '(lambda v: k(v))(2)', 's()', 't.send(u())', 'u()', 'm()', 'n()']);
      assert.strictEqual(r.isAsync, true);
      assert.strictEqual(r.hasYield, true);
      assert.deepStrictEqual([...r.assignments.keys()].sort(), ['a', 'b', 't', 'w']);
      assert.strictEqual(r.awaits.length, 1);
      assert.strictEqual(r.asyncConstructs.length, 1);
      const lambda = model.functions.find((s) => s.kind === 'lambda')!;
      assert.deepStrictEqual(names(lambda.calls), ['k(v)']);
      const cls = r.parent!.functions.length ? model.functions.find((s) => s.name === 'meth')! : undefined;
      assert.ok(cls?.classScope, 'method knows its class');
      assert.deepStrictEqual(names(cls!.calls), ['q()']);
      assert.deepStrictEqual([...cls!.classScope!.attributes.keys()].sort(), ['attr', 'cli']);
      assert.strictEqual(model.imports.get('z'), 'x.y');
    } finally {
      tree.delete();
    }
  });

  it('builds the same Python model after 300 random edits, reusing the statements the edit left alone', async () => {
    const parsers = await testParsers();
    const cache = new TreeCache(parsers);
    const source = path.resolve(__dirname, '../../..', 'test/corpus/python/59-layered-router-package');
    let text = fs
      .readdirSync(source, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.py'))
      .sort()
      .map((f) => fs.readFileSync(path.join(source, f), 'utf8'))
      .join('\n\n');
    const lines = ['x = 1', 'async def h():\n    await g()\n    global z\n    z = lambda: q()', 'class C(B):\n    a = f()\n    def m(self):\n        self.c = k()', 'import os', '@app.get("/")', 'if y:\n    w = 2', ''];
    const random = rng(3);
    let reusedStatements = 0;
    let statements = 0;
    let before = new Set<unknown>();
    for (let i = 0; i < 300; i++) {
      const at = Math.floor(random() * (text.length + 1));
      const r = random();
      if (r < 0.5) {
        const line = text.lastIndexOf('\n', at - 1) + 1;
        text = text.slice(0, line) + lines[Math.floor(random() * lines.length)] + '\n' + text.slice(line);
      } else if (r < 0.8) {
        text = text.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + text.slice(at);
      } else {
        text = text.slice(0, at) + text.slice(at + Math.floor(random() * 8));
      }
      if (/^[\udc00-\udfff]/.test(text)) text = text.slice(1);
      const parsed = cache.get('m.py', 'python', text);
      // Built like the engine: the previous version's model is offered for reuse.
      const incremental = parsed.derive<ReturnType<typeof buildModel>>('python-model', (previous) => buildModel(parsed.tree.rootNode, previous));
      // A fresh build on the same tree: node ids are comparable (they are addresses within one tree).
      const cold = buildModel(parsed.tree.rootNode);
      assert.strictEqual(describeModel(incremental), describeModel(cold), `edit ${i}: the model differs from a fresh build`);
      reusedStatements += incremental.chunks!.filter((c) => before.has(c.part)).length;
      statements += incremental.chunks!.length;
      before = new Set(incremental.chunks!.map((c) => c.part));
    }
    // Most edits touch one statement: the others are reused.
    assert.ok(reusedStatements > statements * 0.5, `${reusedStatements} of ${statements} statements reused`);
    cache.clear();
  });

  it('gives the engine the same findings after many incremental edits as a fresh engine', async () => {
    const engine = await testEngine();
    const file = '/virtual/app.py';
    let text = 'from fastapi import FastAPI\nfrom openai import OpenAI\napp = FastAPI()\nclient = OpenAI()\n\n@app.get("/")\nasync def home():\n    return client.chat.completions.create(model="m", messages=[])\n';
    for (const step of ['\n# note', '\n@app.get("/b")\nasync def b():\n    x = 1\n', '\n    y = client.chat.completions.create(model="m", messages=[])\n']) {
      text += step;
      const incremental = engine.analyze(file, text).findings.map((f) => `${f.rule}@${f.range.start.line}:${f.range.start.character}`);
      engine.forget(file);
      const fresh = engine.analyze(file, text).findings.map((f) => `${f.rule}@${f.range.start.line}:${f.range.start.character}`);
      assert.deepStrictEqual(incremental, fresh);
      assert.ok(fresh.length > 0);
    }
  });
});

/** Everything a model holds, with each node's id, offsets, rows, columns, type and text. */
function describeModel(model: ReturnType<typeof buildModel>): string {
  type N = { id: number; startIndex: number; endIndex: number; startPosition: { row: number; column: number }; endPosition: { row: number; column: number }; type: string; text: string };
  const n = (x: N | undefined): string => (x ? `${x.id}@${x.startIndex}-${x.endIndex}:${x.startPosition.row}.${x.startPosition.column}-${x.endPosition.row}.${x.endPosition.column}:${x.type}:${x.text}` : '-');
  const list = (xs: N[]): string => xs.map(n).join(',');
  const map = (m: Map<string, N[]>): string => [...m].map(([k, v]) => `${k}=[${list(v)}]`).join(';');
  type S = ReturnType<typeof buildModel>['module'];
  const scope = (s: S): string =>
    [s.kind, s.name, n(s.node as unknown as N), n(s.nameNode as unknown as N), s.isAsync, s.hasYield, s.parent?.name ?? '', s.classScope?.name ?? '', list(s.decorators as unknown as N[]),
      s.params.map((p) => `${p.name}:${n(p.node as unknown as N)}:${n(p.annotation as unknown as N)}:${n(p.default as unknown as N)}`).join(','),
      map(s.assignments as unknown as Map<string, N[]>), [...s.globals].join(','), list(s.calls as unknown as N[]), list(s.awaits as unknown as N[]), list(s.returns as unknown as N[]),
      list(s.asyncConstructs as unknown as N[]), map(s.attributes as unknown as Map<string, N[]>), s.functions.map((f) => f.name).join(','),
      s.classScope ? map(s.classScope.attributes as unknown as Map<string, N[]>) + map(s.classScope.assignments as unknown as Map<string, N[]>) : ''].join('|');
  return [
    n(model.root as unknown as N), scope(model.module), ...model.functions.map(scope), [...model.imports].join(';'), [...model.moduleImports].join(','),
    list(model.importNodes as unknown as N[]), map(model.attributeAssignments as unknown as Map<string, N[]>), model.importInsertLine,
  ].join('\n');
}
