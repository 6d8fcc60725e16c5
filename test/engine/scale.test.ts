// Big workspaces stay bounded: 10,000 files (a few hundred relevant, chained across modules) are
// discovered, loaded and analysed without running out of memory, with the findings still right,
// and a discovery cap turns into a note instead of an endless walk.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Workspace, discoverFiles } from '../../src/engine/api';
import { testEngine } from '../helpers/engine';

describe('scale', function () {
  this.timeout(240_000);
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-scale-'));
    for (let p = 0; p < 100; p++) {
      const pkg = path.join(dir, `pkg${p}`);
      fs.mkdirSync(pkg);
      fs.writeFileSync(path.join(pkg, '__init__.py'), '');
      for (let m = 0; m < 99; m++) {
        // Ordinary modules: no SDK, no framework (the bulk of a real monorepo).
        fs.writeFileSync(path.join(pkg, `util${m}.py`), `import os\n\n\ndef f${m}(x):\n    return os.path.join(str(x), "${m}")\n`);
      }
      // Each package: a client module, a helper module and a route module chained across files.
      fs.writeFileSync(path.join(pkg, 'llm.py'), 'from openai import OpenAI\n\nclient = OpenAI(timeout=10)\n\n\ndef ask(q):\n    return client.chat.completions.create(model="m", messages=[{"role": "user", "content": q}])\n');
      fs.writeFileSync(path.join(pkg, 'service.py'), `from pkg${p}.llm import ask\n\n\ndef answer(q):\n    return ask(q)\n`);
      fs.writeFileSync(path.join(pkg, 'routes.py'), `from fastapi import APIRouter\n\nfrom pkg${p}.service import answer\n\nrouter = APIRouter()\n\n\n@router.get("/q")\nasync def q(text: str):\n    return {"a": answer(text)}\n`);
    }
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('analyses a 10,000-file workspace with bounded memory and the cross-file findings right', async () => {
    const { files, notes } = discoverFiles([dir]);
    assert.strictEqual(files.length, 10_300);
    assert.deepStrictEqual(notes, []);
    const ws = new Workspace(await testEngine());
    const heapBefore = process.memoryUsage().heapUsed;
    for (const f of files) assert.strictEqual(ws.load(f), undefined);
    const results = ws.analyzeAll();
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    assert.strictEqual(results.length, files.length);
    const byRule = new Map<string, number>();
    for (const r of results) for (const f of r.findings) byRule.set(`${path.basename(r.file)}:${f.rule}`, (byRule.get(`${path.basename(r.file)}:${f.rule}`) ?? 0) + 1);
    // Every package: the SDK call in the helper and the handler's call site.
    assert.strictEqual(byRule.get('llm.py:blocking-llm-call'), 100);
    assert.strictEqual(byRule.get('routes.py:blocking-llm-call'), 100);
    assert.strictEqual([...byRule.keys()].filter((k) => k.startsWith('util')).length, 0);
    assert.ok(heapGrowth < 1024 * 1024 * 1024, `heap grew by ${Math.round(heapGrowth / 1048576)} MB`);
  });

  it('stops discovery at the file cap with a note', () => {
    const { files, notes } = discoverFiles([dir], { maxFiles: 500 });
    assert.strictEqual(files.length, 500);
    assert.ok(notes.some((n) => /stopped after 500 files/.test(n)), notes.join('\n'));
  });
});
