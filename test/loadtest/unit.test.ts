// The load tester's parts: option checks and caps, loopback safety, thresholds, stats, the SSE
// token reader, k6 export, the mock LLM's protocols, cancellation and bad targets.

import * as assert from 'assert';
import * as http from 'http';
import * as net from 'net';
import { isLoopbackHost, normalizeLoadTestOptions, parseDuration, parseRate } from '../../src/loadtest/options';
import { evaluateThresholds, judgeReport, parseThreshold } from '../../src/loadtest/thresholds';
import { spawn } from 'child_process';
import { freePort } from '../helpers/servers';
import { LatencyStats } from '../../src/loadtest/stats';
import { SseTokenReader } from '../../src/loadtest/sse';
import { toK6Script } from '../../src/loadtest/k6';
import { isStalled, formatMs } from '../../src/loadtest/probe';
import { runLoadTest } from '../../src/loadtest/run';
import { formatReport } from '../../src/loadtest/format';
import type { LoadTestOptions, LoadTestReport } from '../../src/loadtest/types';
import { startMockLlm } from '../../src/mockllm/server';

function options(input: Parameters<typeof normalizeLoadTestOptions>[0]): LoadTestOptions {
  const n = normalizeLoadTestOptions(input);
  if ('error' in n) throw new Error(n.error);
  return n.options;
}

describe('load test options', () => {
  it('parses durations and rates', () => {
    assert.strictEqual(parseDuration('10s'), 10_000);
    assert.strictEqual(parseDuration('250ms'), 250);
    assert.strictEqual(parseDuration('2m'), 120_000);
    assert.strictEqual(parseDuration('1.5'), 1500);
    assert.throws(() => parseDuration('soon'), /not a duration/);
    assert.strictEqual(parseRate('50/s'), 50);
    assert.strictEqual(parseRate('600/m'), 10);
    assert.throws(() => parseRate('lots'), /not a rate/);
  });

  it('accepts loopback targets only, unless remote is allowed', () => {
    for (const h of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', 'api.localhost', '0.0.0.0']) assert.ok(isLoopbackHost(h), h);
    for (const h of ['example.com', '10.0.0.1', '192.168.1.2', '8.8.8.8', '::2', 'localhost.evil.com']) assert.ok(!isLoopbackHost(h), h);
    const refused = normalizeLoadTestOptions({ url: 'http://10.0.0.1/x' });
    assert.ok('error' in refused && /not a loopback address/.test(refused.error));
    const probeRemote = normalizeLoadTestOptions({ url: 'http://127.0.0.1/x', probe: 'http://example.com/health' });
    assert.ok('error' in probeRemote && /probe host/.test(probeRemote.error));
    assert.ok('options' in normalizeLoadTestOptions({ url: 'http://example.com/x', allowRemote: true }));
  });

  it('rejects bad input with one clear message and caps every dimension', () => {
    const bad: Array<[Parameters<typeof normalizeLoadTestOptions>[0], RegExp]> = [
      [{}, /no target URL/],
      [{ url: 'not a url' }, /is not a URL/],
      [{ url: 'ftp://127.0.0.1/' }, /only http and https/],
      [{ url: 'http://127.0.0.1/', connections: 0 }, /connections must be/],
      [{ url: 'http://127.0.0.1/', connections: 100_000 }, /capped at 1000/],
      [{ url: 'http://127.0.0.1/', duration: '2h' }, /capped at 10 minutes/],
      [{ url: 'http://127.0.0.1/', rate: '1000000/s' }, /capped/],
      [{ url: 'http://127.0.0.1/', method: 'GE T' }, /not an HTTP method/],
      [{ url: 'http://127.0.0.1/', headers: { 'x-a': 'b\r\nc: d' } }, /line break/],
      [{ url: 'http://127.0.0.1/', thresholds: ['p95 < soon'] }, /threshold/],
      [{ url: 'http://127.0.0.1/', probe: { url: '/h', intervalMs: 1 } }, /probe interval/],
    ];
    for (const [input, re] of bad) {
      const r = normalizeLoadTestOptions(input);
      assert.ok('error' in r, JSON.stringify(input));
      assert.match(r.error, re);
    }
  });

  it('fills defaults, resolves the probe against the target and types JSON bodies', () => {
    const o = options({ url: 'http://127.0.0.1:8000/chat', method: 'post', body: '{"q":1}', probe: '/health' });
    assert.strictEqual(o.method, 'POST');
    assert.strictEqual(o.headers['content-type'], 'application/json');
    assert.strictEqual(o.probe!.url, 'http://127.0.0.1:8000/health');
    assert.strictEqual(o.connections, 10);
    assert.strictEqual(o.durationMs, 10_000);
  });
});

describe('thresholds and stats', () => {
  const report = (over: Partial<LoadTestReport>): LoadTestReport => ({
    version: 1, target: 'x', model: 'closed', durationMs: 1000, sent: 100, completed: 100, errors: {}, inFlightAtEnd: 0, oldestInFlightMs: 0, throughputRps: 100,
    latencyMs: { p50: 100, p90: 200, p95: 300, p99: 900, max: 1000 }, ttfbMs: { p50: 1, p90: 1, p95: 1, p99: 1, max: 1 }, ttftMs: null, interTokenMs: null,
    perConnection: { min: 1, median: 1, max: 1, starved: 0 }, probe: null, thresholds: [], pass: true, ...over,
  });

  it('evaluates latency, error-rate, throughput and in-flight thresholds', () => {
    const r = report({ errors: { '500': 2, refused: 3 } });
    const res = evaluateThresholds(['p95<800ms', 'p99<0.5s', 'errors<1%', 'errors<=5', 'rps>50', 'inflight==0', 'ttft_p95<1s'], r);
    assert.deepStrictEqual(res.map((t) => [t.expr, t.pass]), [['p95<800ms', true], ['p99<0.5s', false], ['errors<1%', false], ['errors<=5', true], ['rps>50', true], ['inflight==0', true], ['ttft_p95<1s', false]]);
    assert.strictEqual(res[2].actual, Math.round((100 * 5) / 103 * 100) / 100);
    assert.strictEqual(res[6].actual, null, 'no SSE measurement: the threshold fails');
    assert.throws(() => parseThreshold('speed>1'), /unknown metric/);
    assert.throws(() => parseThreshold('rps>5ms'), /not a time/);
  });

  it('a stalled loop fails a probe run by default (stall==0), unless stalls are allowed; blocked<5% needs attribution', () => {
    const probe = { url: 'http://127.0.0.1/health', idleMs: { p50: 1 }, loadMs: { p50: 900, p99: 1900, max: 2000 }, stalled: true, measured: true };
    const stalled = judgeReport(report({ probe }), { thresholds: [] });
    assert.deepStrictEqual(stalled.thresholds, [{ expr: 'stall==0', actual: 1, pass: false }]);
    assert.strictEqual(stalled.pass, false);
    assert.strictEqual(judgeReport(report({ probe }), { thresholds: [], failOnStall: false }).pass, true);
    assert.strictEqual(judgeReport(report({ probe: { ...probe, stalled: false } }), { thresholds: [] }).pass, true);
    // A probe that measured nothing adds no stall threshold; an explicit one is not doubled.
    assert.deepStrictEqual(judgeReport(report({ probe: { ...probe, measured: false, stalled: false } }), { thresholds: [] }).thresholds, []);
    assert.deepStrictEqual(judgeReport(report({ probe }), { thresholds: ['stall==1'] }).thresholds.map((t) => [t.expr, t.pass]), [['stall==1', true]]);
    // blocked<5%: not measured without attribution (fails), measured with it.
    assert.deepStrictEqual(evaluateThresholds(['blocked<5%'], report({})), [{ expr: 'blocked<5%', actual: null, pass: false }]);
    const attributed = report({ attribution: { available: true, measuredMs: 1000, loops: 1, blockedMs: 420, blockedShare: 0.42 } });
    assert.deepStrictEqual(evaluateThresholds(['blocked<5%', 'blocked<50%'], attributed).map((t) => [t.actual, t.pass]), [[42, false], [42, true]]);
    assert.throws(() => parseThreshold('blocked<5'), /share of the measured time/);
    assert.throws(() => parseThreshold('stall==2'), /0 \(no stall\) or 1/);
  });

  it('a real server whose handler blocks its loop: the run FAILs on the stall with no threshold given', async function () {
    this.timeout(30_000);
    const port = await freePort();
    // A Node server whose /slow handler spins 40 ms synchronously: every /health waits behind it.
    const code = `require('http').createServer((q, s) => { if (q.url === '/slow') { const t = Date.now(); while (Date.now() - t < 40); } s.end('ok'); }).listen(${port}, '127.0.0.1', () => console.log('up'))`;
    const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((r) => child.stdout!.once('data', () => r()));
      const base = { url: `http://127.0.0.1:${port}/slow`, connections: 6, duration: '1500ms', probe: '/health' } as const;
      const r = await runLoadTest(options({ ...base }));
      assert.strictEqual(r.probe!.stalled, true, r.probe!.verdict);
      assert.deepStrictEqual(r.thresholds.map((t) => [t.expr, t.actual, t.pass]), [['stall==0', 1, false]]);
      assert.strictEqual(r.pass, false);
      assert.match(formatReport(r, options({ ...base })), /✖ stall==0 +actual stalled[\s\S]*FAIL/);
      const allowed = await runLoadTest(options({ ...base, failOnStall: false }));
      assert.strictEqual(allowed.probe!.stalled, true);
      assert.deepStrictEqual(allowed.thresholds, []);
      assert.strictEqual(allowed.pass, true);
    } finally {
      child.kill();
    }
  });

  it('records percentiles at microsecond resolution with constant memory', () => {
    const s = new LatencyStats();
    for (let i = 1; i <= 1000; i++) s.record(i);
    const p = s.percentiles();
    assert.ok(Math.abs(p.p50 - 500) <= 1 && Math.abs(p.p99 - 990) <= 1 && Math.abs(p.max - 1000) <= 1, JSON.stringify(p));
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 1_000_000; i++) s.record((i % 5000) + 0.5);
    assert.ok(process.memoryUsage().heapUsed - before < 20 * 1024 * 1024);
    assert.strictEqual(s.chartBuckets().reduce((a, [, n]) => a + n, 0), 1_001_000);
    s.destroy();
  });

  it('judges a stall by ratio and margin', () => {
    assert.ok(isStalled(2, 1900));
    assert.ok(!isStalled(2, 9)); // 4.5×
    assert.ok(!isStalled(2, 40)); // 20× but only 38 ms slower
    assert.ok(isStalled(100, 600));
    assert.strictEqual(formatMs(1936), '1.9 s');
    assert.strictEqual(formatMs(2.04), '2 ms');
  });
});

describe('SSE token reader', () => {
  it('counts OpenAI, Anthropic and plain-text token events across chunk boundaries', () => {
    const r = new SseTokenReader();
    const stream = [
      'data: {"choices":[{"delta":{"role":"assistant","content":""}}]}\n\n',
      'data: {"choices":[{"delta":{"content":"Hel',
      'lo"}}]}\n\ndata: {"choices":[{"delta":{"content":" world"}}]}\r\n\r\n',
      'data: [DONE]\n\n',
      'event: content_block_delta\ndata: {"type":"content_block_delta","delta":{"type":"text_delta","text":"Hi"}}\n\n',
      'event: message_stop\ndata: {"type":"message_stop"}\n\n',
      ': keep-alive comment\n\ndata: plain words\n\n',
    ];
    const counts = stream.map((c) => r.push(c));
    assert.deepStrictEqual(counts, [0, 0, 2, 0, 1, 0, 1]);
    assert.strictEqual(r.tokens, 4);
  });
});

describe('k6 export', () => {
  it('writes a constant-arrival-rate scenario with thresholds and the probe', () => {
    const script = toK6Script(options({ url: 'http://127.0.0.1:8000/chat', method: 'POST', body: '{"q":"hi"}', rate: 20, connections: 50, duration: '30s', probe: '/health', thresholds: ['p95<800ms', 'errors<1%', 'ttft_p95<1s'] }));
    assert.match(script, /"executor": "constant-arrival-rate"/);
    assert.match(script, /"rate": 20/);
    assert.match(script, /"http_req_duration\{scenario:load\}": \[\s*"p\(95\)<800"\s*\]/);
    assert.match(script, /"http_req_failed\{scenario:load\}": \[\s*"rate<0.01"\s*\]/);
    assert.match(script, /Threshold not exported: ttft_p95<1s/);
    assert.match(script, /export function probe\(\)/);
    assert.match(script, /http\.request\("POST", URL, BODY, PARAMS\)/);
    const secret = toK6Script(options({ url: 'http://127.0.0.1:8000/', rate: 0.25, headers: { Authorization: 'Bearer sk-secret', 'X-Trace': 'on' } }));
    assert.ok(!secret.includes('sk-secret'), 'credentials are not written to the script');
    assert.match(secret, /__ENV\.LOOPSAFE_HEADER_AUTHORIZATION/);
    assert.match(secret, /"x-trace":"on"/);
    assert.match(secret, /"rate": 15,\s*"timeUnit": "1m"/);
    const closed = toK6Script(options({ url: 'http://127.0.0.1:8000/', connections: 5, duration: '10s' }));
    assert.match(closed, /"executor": "constant-vus"/);
    assert.match(closed, /"vus": 5/);
  });
});

describe('mock LLM', function () {
  this.timeout(20_000);

  it('speaks OpenAI chat (JSON and SSE), embeddings, models and Anthropic messages', async () => {
    const mock = await startMockLlm({ port: 0, latencyMs: 60, ttftMs: 20, chunks: 4 });
    try {
      const post = (path: string, body: unknown, headers: Record<string, string> = {}) => fetch(mock.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      const t0 = performance.now();
      const chat = (await (await post('/v1/chat/completions', { model: 'm', messages: [] })).json()) as { object: string; choices: Array<{ message: { content: string } }> };
      assert.ok(performance.now() - t0 >= 55);
      assert.strictEqual(chat.object, 'chat.completion');
      assert.strictEqual(chat.choices[0].message.content.split(' ').length, 4);
      const sse = await (await post('/v1/chat/completions', { model: 'm', messages: [], stream: true, stream_options: { include_usage: true } })).text();
      const events = sse.split('\n\n').filter(Boolean);
      assert.strictEqual(events[events.length - 1], 'data: [DONE]');
      assert.strictEqual(events.filter((e) => /"content":"\s?\w/.test(e)).length, 4);
      assert.ok(events.some((e) => e.includes('"usage"')));
      const emb = (await (await post('/v1/embeddings', { input: ['a', 'b'] })).json()) as { data: unknown[] };
      assert.strictEqual(emb.data.length, 2);
      const models = (await (await fetch(mock.url + '/v1/models')).json()) as { data: Array<{ id: string }> };
      assert.strictEqual(models.data[0].id, 'mock-1');
      const msg = (await (await post('/v1/messages', { model: 'c', max_tokens: 5, messages: [] })).json()) as { type: string; content: Array<{ text: string }> };
      assert.strictEqual(msg.type, 'message');
      const asse = await (await post('/v1/messages', { model: 'c', max_tokens: 5, messages: [], stream: true })).text();
      assert.match(asse, /^event: message_start/);
      assert.strictEqual((asse.match(/event: content_block_delta/g) ?? []).length, 4);
      assert.match(asse, /event: message_stop\ndata: \{"type":"message_stop"\}\n\n$/);
      const limited = await post('/v1/chat/completions', {}, { 'x-mock-status': '429', 'x-mock-retry-after': '7' });
      assert.strictEqual(limited.status, 429);
      assert.strictEqual(limited.headers.get('retry-after'), '7');
      assert.strictEqual((await fetch(mock.url + '/v2/nothing')).status, 404);
      assert.strictEqual((await fetch(mock.url + '/v1/chat/completions', { method: 'POST', body: '{nope' })).status, 400);
      assert.ok(mock.stats().total >= 6);
    } finally {
      await mock.close();
    }
  });

  it('injects errors at the configured rate and reports a taken port clearly', async () => {
    const mock = await startMockLlm({ port: 0, latencyMs: 0, errorRate: 1, errorStatuses: [503] });
    try {
      const res = await fetch(mock.url + '/v1/chat/completions', { method: 'POST', body: '{}' });
      assert.strictEqual(res.status, 503);
      assert.strictEqual(res.headers.get('retry-after'), '1');
      await assert.rejects(startMockLlm({ port: mock.port }), /port \d+ is already in use/);
      await assert.rejects(startMockLlm({ port: 0, errorRate: 2 }), /error rate/);
    } finally {
      await mock.close();
    }
  });
});

describe('load generator on bad targets', function () {
  this.timeout(30_000);

  it('reports a refused connection at once with a clear reason', async () => {
    const srv = net.createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    const port = (srv.address() as net.AddressInfo).port;
    await new Promise<void>((r) => srv.close(() => r()));
    const r = await runLoadTest(options({ url: `http://127.0.0.1:${port}/`, duration: '5s' }));
    assert.match(r.stoppedReason!, /connection refused/);
    assert.strictEqual(r.completed, 0);
    assert.strictEqual(r.pass, false);
  });

  it('classifies non-HTTP answers and keeps partial results when the server dies mid-run', async () => {
    const garbage = net.createServer((s) => {
      s.on('error', () => undefined);
      s.end('SSH-2.0-not-http\r\n\r\n');
    });
    await new Promise<void>((r) => garbage.listen(0, '127.0.0.1', () => r()));
    const g = await runLoadTest(options({ url: `http://127.0.0.1:${(garbage.address() as net.AddressInfo).port}/`, duration: '1s', connections: 2 }));
    garbage.close();
    assert.ok((g.errors.protocol ?? 0) > 0, JSON.stringify(g.errors));
    assert.strictEqual(g.pass, false, 'nothing completed: the run cannot pass');
    // Failed connections pause before retrying: no spin of thousands of errors per second.
    assert.ok(g.errors.protocol < 2 * 1000 / 25 + 10, `protocol errors ${g.errors.protocol} in 1 s on 2 connections`);

    let served = 0;
    const server = http.createServer((_req, res) => {
      served++;
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as net.AddressInfo).port;
    setTimeout(() => {
      server.closeAllConnections();
      server.close();
    }, 500);
    const t0 = performance.now();
    const r = await runLoadTest(options({ url: `http://127.0.0.1:${port}/`, duration: '20s', connections: 4 }));
    assert.ok(performance.now() - t0 < 10_000, 'a dead server ends the run early');
    assert.match(r.stoppedReason ?? '', /stopped responding/);
    assert.ok(r.completed > 10 && r.completed <= served, `partial results kept: ${r.completed}`);
    assert.ok(formatReport(r, options({ url: `http://127.0.0.1:${port}/` })).includes('stopped early'));
    assert.strictEqual(r.pass, false);
    const failures = Object.values(r.errors).reduce((a, b) => a + b, 0);
    assert.ok(failures < 4 * (2500 / 25) + 50, `${failures} failed attempts after the server died`);
  });

  it('fails a run against a server that accepts connections but never answers', async () => {
    const silent = net.createServer((s) => s.on('error', () => undefined));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    try {
      const r = await runLoadTest(options({ url: `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}/`, duration: '1s', connections: 3 }));
      assert.strictEqual(r.completed, 0);
      assert.strictEqual(r.inFlightAtEnd, 3);
      assert.ok(r.oldestInFlightMs >= 900, `oldest ${r.oldestInFlightMs}`);
      assert.strictEqual(r.pass, false);
    } finally {
      silent.close();
    }
  });

  it('stops when cancelled and at the request cap, and never exceeds it', async () => {
    const server = http.createServer((_req, res) => setTimeout(() => res.end('ok'), 5));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/`;
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 600);
      const t0 = performance.now();
      const cancelled = await runLoadTest(options({ url, duration: '30s', connections: 4 }), { signal: controller.signal });
      assert.ok(performance.now() - t0 < 3000);
      assert.strictEqual(cancelled.stoppedReason, 'cancelled');
      assert.ok(cancelled.completed > 0);
      const capped = await runLoadTest(options({ url, duration: '30s', connections: 4, maxRequests: 50 }));
      assert.strictEqual(capped.sent, 50);
      assert.strictEqual(capped.completed, 50);
      const progress: number[] = [];
      await runLoadTest(options({ url, duration: '1s', rate: 100, connections: 4 }), { onProgress: (p) => progress.push(p.completed) });
      assert.ok(progress.length >= 3 && progress[progress.length - 1] >= progress[0]);
    } finally {
      server.close();
    }
  });
});
