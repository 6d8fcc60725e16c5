// Proof under load for timeout-exceeds-server-limit: a FastAPI app under real gunicorn (default 30 s
// timeout, uvicorn worker) calls a 35 s mock LLM with no timeout. Loopsafe flags it statically; the
// request really dies at ~30 s with the worker; after the quick fix it gets a clear 504 before that.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Workspace, applyEdits } from '../../src/engine/api';
import { testEngine } from '../helpers/engine';
import { useAppCopy } from '../helpers/app-copy';
import { freePort, startServer, type RunningServer } from '../helpers/servers';

const APP_DIR = path.resolve(__dirname, '../../../test/fixtures/apps/gunicorn-limit');
const LLM_LATENCY_MS = 35_000;

async function timedPost(url: string): Promise<{ ms: number; status?: number; body?: string; error?: string }> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(60_000) });
    const body = await res.text();
    return { ms: performance.now() - t0, status: res.status, body };
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return { ms: performance.now() - t0, error: cause?.code ?? cause?.message ?? String(err) };
  }
}

describe('gunicorn kills what Loopsafe predicted', function () {
  this.timeout(180_000);
  const t = useAppCopy(APP_DIR, { latencyMs: LLM_LATENCY_MS });

  async function gunicorn(): Promise<RunningServer> {
    const port = await freePort();
    // The Procfile's command, as a platform would run it (default --timeout 30).
    const procfile = fs.readFileSync(path.join(t.dir, 'Procfile'), 'utf8').replace(/^web:\s*/, '').trim().replace('$PORT', String(port));
    const [cmd, ...args] = procfile.split(/\s+/);
    assert.strictEqual(cmd, 'gunicorn');
    return startServer('/usr/bin/gunicorn', args, { port, cwd: t.dir, env: t.env() });
  }

  it('flags the call statically, sees the worker killed at ~30 s, and the fix answers 504 before that', async () => {
    // 1. Static: the rule fires on the call, pointing at the Procfile.
    const ws = new Workspace(await testEngine());
    const appFile = path.join(t.dir, 'app.py');
    for (const f of fs.readdirSync(t.dir)) ws.upsert(path.join(t.dir, f), fs.readFileSync(path.join(t.dir, f), 'utf8'));
    const finding = ws.analyze(appFile)!.findings.find((f) => f.rule === 'timeout-exceeds-server-limit');
    assert.ok(finding, 'timeout-exceeds-server-limit reported');
    assert.ok(finding.related.some((r) => r.location.file === path.join(t.dir, 'Procfile')));
    const fix = finding.fixes[0];
    assert.match(fix.title, /timeout=24/);

    // 2. Under load: gunicorn kills the worker at its 30 s timeout; the client gets no answer.
    t.app = await gunicorn();
    const killed = await timedPost(`${t.app.url}/chat`);
    assert.ok(killed.status === undefined || killed.status >= 500, `the request should die, got ${JSON.stringify(killed).slice(0, 200)}`);
    assert.ok(killed.ms > 25_000 && killed.ms < 34_000, `died after ${Math.round(killed.ms)} ms, expected ~30 s (before the 35 s answer)`);
    await new Promise((r) => setTimeout(r, 500));
    assert.match(t.app.output(), /WORKER TIMEOUT/, 'gunicorn logs the worker timeout');
    await t.app.stop();

    // 3. After the quick fix: a clear 504 from the app, before the limit, and the worker lives on.
    fs.writeFileSync(appFile, applyEdits(fs.readFileSync(appFile, 'utf8'), fix.edits));
    t.app = await gunicorn();
    const answered = await timedPost(`${t.app.url}/chat`);
    assert.strictEqual(answered.status, 504, JSON.stringify(answered).slice(0, 300));
    assert.match(answered.body ?? '', /did not answer in time/);
    assert.ok(answered.ms > 20_000 && answered.ms < 29_000, `answered after ${Math.round(answered.ms)} ms, expected ~24 s`);
    const health = await timedPost(`${t.app.url}/health`).catch(() => undefined);
    assert.ok(health && health.status !== undefined, 'the worker is still serving');
    assert.doesNotMatch(t.app.output(), /WORKER TIMEOUT/);
  });
});
