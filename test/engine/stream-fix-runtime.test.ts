// The "stream the answer" fix really works: applied to a FastAPI app behind nginx (10 s idle limit),
// real uvicorn serves the text as it is written (first bytes long before the last) instead of one JSON
// body at the end. The LLM is the project's mock; `openai` is a small stand-in (no PyPI here).

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Workspace, applyEdits } from '../../src/engine/api';
import { testEngine } from '../helpers/engine';
import { useAppCopy } from '../helpers/app-copy';
import { freePort, startServer, type RunningServer } from '../helpers/servers';

const APP_DIR = path.resolve(__dirname, '../../../test/fixtures/apps/stream-fix');

/** POSTs and times the first and the last body chunk. */
async function timedRead(url: string): Promise<{ status: number; type: string; body: string; firstMs: number; lastMs: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(30_000) });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let body = '';
  let firstMs = -1;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (firstMs < 0 && value.length > 0) firstMs = performance.now() - t0;
    body += decoder.decode(value, { stream: true });
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', body, firstMs, lastMs: performance.now() - t0 };
}

describe('stream-the-answer fix at run time', function () {
  this.timeout(120_000);
  const t = useAppCopy(APP_DIR, { latencyMs: 2_000, ttftMs: 100, chunks: 10 });

  const uvicorn = async (): Promise<RunningServer> => {
    const port = await freePort();
    return startServer('/usr/bin/python3', ['-m', 'uvicorn', 'main:app', '--host', '127.0.0.1', '--port', String(port)], { port, cwd: t.dir, env: t.env() });
  };

  it('turns a 2 s JSON answer into text streamed from the first token, with a timeout that fits nginx', async () => {
    const appFile = path.join(t.dir, 'main.py');
    const ws = new Workspace(await testEngine());
    for (const f of ['main.py', 'nginx.conf']) ws.upsert(path.join(t.dir, f), fs.readFileSync(path.join(t.dir, f), 'utf8'));
    const finding = ws.analyze(appFile)!.findings.find((f) => f.rule === 'timeout-exceeds-server-limit');
    assert.ok(finding, 'timeout-exceeds-server-limit reported (30 s × 3 attempts behind a 10 s nginx limit)');
    const fix = finding.fixes.find((f) => /^Stream the answer/.test(f.title));
    assert.ok(fix, finding.fixes.map((f) => f.title).join(' | '));
    assert.strictEqual(fix.safety, 'unsafe', 'the response format changes');

    t.app = await uvicorn();
    const before = await timedRead(`${t.app.url}/answer`);
    assert.strictEqual(before.status, 200, before.body);
    const text = (JSON.parse(before.body) as { answer: string }).answer;
    assert.ok(text.length > 0);
    assert.ok(before.firstMs > 1_500, `JSON arrives at the end (${Math.round(before.firstMs)} ms)`);
    await t.app.stop();

    const fixed = applyEdits(fs.readFileSync(appFile, 'utf8'), fix.edits);
    fs.writeFileSync(appFile, fixed);
    ws.upsert(appFile, fixed);
    assert.deepStrictEqual(ws.analyze(appFile)!.findings.filter((f) => f.rule === 'timeout-exceeds-server-limit'), [], 'the fixed call fits the limit');

    t.app = await uvicorn();
    const after = await timedRead(`${t.app.url}/answer`);
    assert.strictEqual(after.status, 200, after.body);
    assert.match(after.type, /^text\/plain/);
    assert.strictEqual(after.body, text, 'the same answer, as text');
    assert.ok(after.firstMs < after.lastMs * 0.5, `first bytes at ${Math.round(after.firstMs)} ms, last at ${Math.round(after.lastMs)} ms`);
  });
});
