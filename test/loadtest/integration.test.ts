// Load tests against real servers and the mock LLM (200 ms): FastAPI under uvicorn, where a sync
// LLM call in `async def` caps throughput near 1/latency and stalls the probe while the awaited route
// scales; and Express, where a floating promise answers before the LLM does.

import * as assert from 'assert';
import * as path from 'path';
import { runLoadTest, normalizeLoadTestOptions } from '../../src/loadtest/run';
import type { LoadTestInput } from '../../src/loadtest/options';
import type { LoadTestReport } from '../../src/loadtest/types';
import { startMockLlm, type MockLlm } from '../../src/mockllm/server';
import { freePort, startServer, waitIdle, type RunningServer } from '../helpers/servers';

const APPS = path.resolve(__dirname, '../../../test/fixtures/apps');
const LATENCY_MS = 200;

async function load(input: LoadTestInput): Promise<LoadTestReport> {
  const n = normalizeLoadTestOptions(input);
  if ('error' in n) throw new Error(n.error);
  return runLoadTest(n.options);
}

describe('load test against real servers', function () {
  this.timeout(120_000);
  let mock: MockLlm;

  before(async () => {
    mock = await startMockLlm({ port: 0, latencyMs: LATENCY_MS });
  });
  after(async () => {
    await mock?.close();
  });

  describe('FastAPI under uvicorn', () => {
    let app: RunningServer;
    before(async () => {
      const port = await freePort();
      app = await startServer('/usr/bin/python3', ['-m', 'uvicorn', 'app:app', '--host', '127.0.0.1', '--port', String(port), '--log-level', 'warning'], {
        port,
        cwd: path.join(APPS, 'fastapi-loop'),
        env: { LLM_BASE_URL: `${mock.url}/v1`, PYTHONDONTWRITEBYTECODE: '1' },
      });
    });
    after(async () => {
      await app?.stop();
    });

    it('the awaited route scales with connections and the probe stays fast', async () => {
      const r = await load({ url: `${app.url}/chat/awaited`, method: 'POST', connections: 10, duration: '3s', probe: '/health', thresholds: ['p95<1s', 'errors<1%'] });
      assert.deepStrictEqual(r.errors, {});
      // 10 connections at 200 ms each: about 50 req/s (uvicorn on one core gets close).
      assert.ok(r.throughputRps > 25, `awaited throughput ${r.throughputRps} req/s`);
      assert.ok(r.latencyMs.p50 >= LATENCY_MS * 0.9 && r.latencyMs.p50 < LATENCY_MS * 3, `p50 ${r.latencyMs.p50}`);
      assert.strictEqual(r.probe!.stalled, false, r.probe!.verdict);
      assert.ok(r.probe!.loadMs.p50 < 100, `probe p50 ${r.probe!.loadMs.p50}`);
      assert.strictEqual(r.pass, true);
      assert.strictEqual(r.perConnection.starved, 0);
    });

    it('the blocking route is capped near 1/latency at any concurrency and the probe stalls', async () => {
      await waitIdle(`${app.url}/health`);
      const r = await load({ url: `${app.url}/chat/blocking`, method: 'POST', connections: 10, duration: '3s', probe: '/health', thresholds: ['p95<1s'] });
      // One request at a time: ≈ 1000/200 = 5 req/s, whatever the connection count.
      assert.ok(r.throughputRps >= 2 && r.throughputRps <= 7, `blocking throughput ${r.throughputRps} req/s`);
      assert.ok(r.latencyMs.p50 > LATENCY_MS * 4, `queued requests wait behind each other: p50 ${r.latencyMs.p50}`);
      assert.strictEqual(r.probe!.stalled, true, r.probe!.verdict);
      assert.match(r.probe!.verdict!, /^the event loop stalled: \/health p50 .* under load vs .* idle$/);
      assert.ok(r.probe!.loadMs.p50 > 20 * Math.max(1, r.probe!.idleMs.p50), `probe ${JSON.stringify(r.probe!.loadMs)} vs idle ${r.probe!.idleMs.p50}`);
      assert.ok(r.inFlightAtEnd > 0 && r.oldestInFlightMs > LATENCY_MS, `in flight ${r.inFlightAtEnd}, oldest ${r.oldestInFlightMs} ms`);
      assert.strictEqual(r.pass, false);
      assert.deepStrictEqual(r.thresholds.map((t) => [t.expr, t.pass]), [['p95<1s', false], ['stall==0', false]]);
    });

    it('more connections do not raise the blocking route’s throughput, but do raise the awaited one’s', async () => {
      await waitIdle(`${app.url}/health`);
      const few = await load({ url: `${app.url}/chat/blocking`, method: 'POST', connections: 2, duration: '2s' });
      await waitIdle(`${app.url}/health`);
      const many = await load({ url: `${app.url}/chat/blocking`, method: 'POST', connections: 20, duration: '2s' });
      assert.ok(many.throughputRps < few.throughputRps * 1.6, `blocking: ${few.throughputRps} → ${many.throughputRps} req/s`);
      await waitIdle(`${app.url}/health`, 50, 60_000);
      const awaitedFew = await load({ url: `${app.url}/chat/awaited`, method: 'POST', connections: 2, duration: '2s' });
      const awaitedMany = await load({ url: `${app.url}/chat/awaited`, method: 'POST', connections: 20, duration: '2s' });
      assert.ok(awaitedMany.throughputRps > awaitedFew.throughputRps * 4, `awaited: ${awaitedFew.throughputRps} → ${awaitedMany.throughputRps} req/s`);
    });
  });

  describe('Express', () => {
    let app: RunningServer;
    // A slower LLM of its own (1 s): the gap between answering at once and waiting for the LLM stays far
    // wider than what a loaded 2-core machine adds to a trivial response.
    let slow: MockLlm;
    const SLOW_MS = 1000;
    before(async () => {
      slow = await startMockLlm({ port: 0, latencyMs: SLOW_MS });
      const port = await freePort();
      app = await startServer(process.execPath, [path.join(APPS, 'express-loop', 'server.js')], { port, env: { PORT: String(port), LLM_BASE_URL: `${slow.url}/v1` } });
    });
    after(async () => {
      await app?.stop();
      await slow?.close();
    });

    it('a floating promise answers before the LLM does; the awaited route waits for it', async () => {
      const before = slow.stats().total;
      // Both routes at the same fixed 5 req/s (open model), well within what ten connections awaiting a
      // 1 s LLM can carry (10 req/s): the only difference left is whether the route waits for the LLM.
      const floating = await load({ url: `${app.url}/chat/floating`, method: 'POST', connections: 10, rate: 5, duration: '3s', probe: '/health' });
      const awaited = await load({ url: `${app.url}/chat/awaited`, method: 'POST', connections: 10, rate: 5, duration: '3s', probe: '/health' });
      // The floating route returns before the LLM answers: the client never gets the answer. Judged against
      // the awaited route measured in the same conditions, so a loaded machine slows both sides alike.
      assert.ok(awaited.latencyMs.p50 >= SLOW_MS * 0.9, `awaited p50 ${awaited.latencyMs.p50}`);
      assert.ok(floating.latencyMs.p50 < awaited.latencyMs.p50 / 2, `floating p50 ${floating.latencyMs.p50} vs awaited ${awaited.latencyMs.p50}`);
      assert.ok(floating.completed > 0 && awaited.completed > 0, `floating ${floating.completed}, awaited ${awaited.completed} requests`);
      // The LLM calls still happen, in the background, unobserved.
      assert.ok(slow.stats().total - before >= floating.completed, 'the floating calls still reach the LLM');
      // Awaiting does not block Node's event loop. (The floating route is not judged here: its LLM calls
      // pile up unbounded in the background and, on a 2-core machine shared with the generator and
      // the mock, can slow /health for real.)
      assert.strictEqual(awaited.probe!.stalled, false, awaited.probe!.verdict);
    });
  });
});
