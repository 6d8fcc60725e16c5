// The load generator's own HTTP/1.1 transport (src/loadtest/wire.ts) against real local servers: node:http
// and raw net servers that split, stream, reset, stall or garble their responses on purpose.

import * as assert from 'assert';
import * as http from 'http';
import * as net from 'net';
import { errorKind, normalizeLoadTestOptions, runLoadTest } from '../../src/loadtest/run';
import type { LoadTestInput } from '../../src/loadtest/options';
import { serializeRequest, WireConnection, WIRE_CLOSED, WIRE_PROTOCOL, WIRE_TIMEOUT, type WireOptions } from '../../src/loadtest/wire';

interface Outcome {
  status: number;
  body: Buffer;
  bytes: number;
  error?: Error & { code?: string };
  /** ms after send() of onStatus and of each onData. */
  statusAt: number;
  dataAt: number[];
  ms: number;
}

/** A WireConnection with a promise per request; counts every terminal callback to catch doubles. */
function client(port: number, opts: Partial<WireOptions> & { method?: string; path?: string; headers?: Record<string, string>; body?: string; keepBody?: boolean } = {}) {
  let cur: Outcome & { t0: number; resolve: (o: Outcome) => void };
  let terminals = 0;
  const keep = opts.keepBody !== false;
  const request = opts.request ?? serializeRequest({ method: opts.method ?? 'GET', path: opts.path ?? '/', host: `127.0.0.1:${port}`, headers: opts.headers ?? {}, body: opts.body });
  const done = () => {
    terminals++;
    cur.ms = performance.now() - cur.t0;
    cur.resolve(cur);
  };
  const conn = new WireConnection(
    { host: '127.0.0.1', port, request, timeoutMs: 5000, deliverBody: true, head: opts.method === 'HEAD', ...opts },
    {
      onStatus(s) {
        cur.status = s;
        cur.statusAt = performance.now() - cur.t0;
      },
      onData(chunk) {
        cur.bytes += chunk.length;
        cur.dataAt.push(performance.now() - cur.t0);
        if (keep) cur.body = Buffer.concat([cur.body, chunk]);
      },
      onEnd: done,
      onError(err) {
        cur.error = err;
        done();
      },
    },
  );
  return {
    conn,
    terminals: () => terminals,
    send(): Promise<Outcome> {
      return new Promise((resolve) => {
        cur = { status: 0, body: Buffer.alloc(0), bytes: 0, statusAt: -1, dataAt: [], ms: 0, t0: performance.now(), resolve };
        conn.send();
      });
    },
  };
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return (server.address() as net.AddressInfo).port;
}

/** A raw TCP server: `onRequest(socket, n)` is called once per request head received on a connection (n from 0). */
async function rawServer(onRequest: (s: net.Socket, n: number, conn: number) => void): Promise<{ port: number; connections: () => number; close: () => void }> {
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    const conn = connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    let buf = '';
    let n = 0;
    s.on('data', (d) => {
      buf += d.toString('latin1');
      let end: number;
      while ((end = buf.indexOf('\r\n\r\n')) !== -1) {
        buf = buf.slice(end + 4);
        onRequest(s, n++, conn);
      }
    });
  });
  const port = await listen(server);
  return {
    port,
    connections: () => connections,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function opts(input: LoadTestInput) {
  const n = normalizeLoadTestOptions(input);
  if ('error' in n) throw new Error(n.error);
  return n.options;
}

describe('wire transport (own HTTP/1.1 client)', function () {
  this.timeout(60_000);
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    while (cleanup.length) cleanup.pop()!();
  });

  async function httpServer(handler: http.RequestListener): Promise<{ port: number; connections: () => number; requests: () => number }> {
    let connections = 0;
    let requests = 0;
    const server = http.createServer((req, res) => {
      requests++;
      handler(req, res);
    });
    server.on('connection', () => connections++);
    const port = await listen(server);
    cleanup.push(() => {
      server.closeAllConnections();
      server.close();
    });
    return { port, connections: () => connections, requests: () => requests };
  }

  it('serializes the request once: request line, host, headers, content-length and body', async () => {
    const seen: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }> = [];
    const srv = await httpServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        res.end('ok');
      });
    });
    const c = client(srv.port, { method: 'POST', path: '/chat?x=1', headers: { 'content-type': 'application/json', 'x-id': 'é' }, body: '{"q":"héllo"}' });
    cleanup.push(() => c.conn.destroy());
    for (let i = 0; i < 3; i++) assert.strictEqual((await c.send()).status, 200);
    assert.strictEqual(seen.length, 3);
    assert.deepStrictEqual(seen[2], { ...seen[2], method: 'POST', url: '/chat?x=1', body: '{"q":"héllo"}' });
    assert.strictEqual(seen[0].headers.host, `127.0.0.1:${srv.port}`);
    assert.strictEqual(seen[0].headers['content-length'], String(Buffer.byteLength('{"q":"héllo"}')));
    assert.strictEqual(seen[0].headers['content-type'], 'application/json');
    // POST without a body says content-length: 0; a given host header wins over the default.
    const head = serializeRequest({ method: 'POST', path: '/', host: 'a:1', headers: { host: 'b:2' } }).toString();
    assert.strictEqual(head, 'POST / HTTP/1.1\r\nhost: b:2\r\ncontent-length: 0\r\n\r\n');
    assert.throws(() => serializeRequest({ method: 'GET', path: '/a b', host: 'a', headers: {} }), /whitespace/);
  });

  it('reads Content-Length bodies, and reuses one keep-alive connection for every request', async () => {
    const srv = await httpServer((req, res) => {
      const body = req.url === '/big' ? 'x'.repeat(300_000) : 'hello world';
      res.writeHead(200, { 'content-length': String(Buffer.byteLength(body)) });
      res.end(body);
    });
    const c = client(srv.port);
    cleanup.push(() => c.conn.destroy());
    for (let i = 0; i < 200; i++) {
      const o = await c.send();
      assert.strictEqual(o.status, 200);
      assert.strictEqual(o.body.toString(), 'hello world');
    }
    assert.strictEqual(srv.requests(), 200);
    assert.strictEqual(srv.connections(), 1, 'one connection for 200 requests');
    assert.strictEqual(c.conn.opened, 1);
    assert.strictEqual(c.terminals(), 200, 'exactly one end per request');
    // A body larger than one read (64 KB) on the same connection, then a small one again.
    const big = client(srv.port, { path: '/big' });
    cleanup.push(() => big.conn.destroy());
    for (let i = 0; i < 3; i++) {
      const o = await big.send();
      assert.strictEqual(o.body.length, 300_000);
      assert.ok(o.dataAt.length > 1, 'the body came in more than one piece');
    }
    assert.strictEqual(big.conn.opened, 1);
  });

  it('reads chunked bodies from node:http and from a server that splits every byte, with extensions and trailers', async () => {
    const srv = await httpServer((_req, res) => {
      res.write('first,');
      setTimeout(() => {
        res.write('second,');
        res.end('third');
      }, 20);
    });
    const c = client(srv.port);
    cleanup.push(() => c.conn.destroy());
    for (let i = 0; i < 5; i++) assert.strictEqual((await c.send()).body.toString(), 'first,second,third');
    assert.strictEqual(srv.connections(), 1);

    const response =
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n' +
      '5;ext=1\r\nhello\r\n' +
      '1A\r\n' + 'abcdefghijklmnopqrstuvwxyz' + '\r\n' +
      '0\r\nX-Trailer: yes\r\n\r\n';
    const raw = await rawServer((s) => {
      // Byte by byte, each in its own TCP segment as far as the kernel lets us.
      let i = 0;
      const next = () => {
        if (s.destroyed) return;
        if (i < response.length) {
          s.write(response[i++]);
          setImmediate(next);
        }
      };
      next();
    });
    cleanup.push(raw.close);
    const r = client(raw.port);
    cleanup.push(() => r.conn.destroy());
    for (let i = 0; i < 2; i++) {
      const o = await r.send();
      assert.strictEqual(o.error, undefined);
      assert.strictEqual(o.body.toString(), 'helloabcdefghijklmnopqrstuvwxyz');
    }
    assert.strictEqual(raw.connections(), 1, 'the chunked response ended exactly at its last chunk: the connection was reused');
  });

  it('delivers SSE events as they arrive: first-token time is measured on arrival, not at the end', async () => {
    const raw = await rawServer((s) => {
      s.write('HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n');
      const event = (text: string) => `data: {"choices":[{"delta":{"content":"${text}"}}]}\n\n`;
      const chunk = (p: string) => s.write(`${Buffer.byteLength(p).toString(16)}\r\n${p}\r\n`);
      // The first event is split across two chunks 60 ms apart; then three more events 120 ms apart.
      const first = event('Hel');
      setTimeout(() => chunk(first.slice(0, 12)), 150);
      setTimeout(() => chunk(first.slice(12)), 210);
      for (let i = 1; i <= 3; i++) setTimeout(() => chunk(event(`t${i}`)), 210 + i * 120);
      setTimeout(() => {
        chunk('data: [DONE]\n\n');
        s.write('0\r\n\r\n');
      }, 210 + 3 * 120 + 20);
    });
    cleanup.push(raw.close);
    const c = client(raw.port);
    cleanup.push(() => c.conn.destroy());
    const o = await c.send();
    assert.strictEqual(o.error, undefined);
    assert.ok(o.statusAt < 100, `headers at ${o.statusAt} ms`);
    assert.ok(o.dataAt.length >= 5, `${o.dataAt.length} pieces`);
    assert.ok(o.dataAt[0] >= 130 && o.dataAt[0] < 400, `first piece at ${o.dataAt[0]} ms`);
    assert.ok(o.ms >= 550, `the stream ends after its last event (${o.ms} ms)`);

    // Through the generator: TTFB at the headers, TTFT at the completed first event, ITL between events.
    const r = await runLoadTest(opts({ url: `http://127.0.0.1:${raw.port}/`, duration: '2s', connections: 2, sse: true }));
    assert.ok(r.completed >= 2, `completed ${r.completed}`);
    assert.deepStrictEqual(r.errors, {});
    assert.ok(r.ttfbMs.p50 < 100, `ttfb ${r.ttfbMs.p50}`);
    assert.ok(r.ttftMs!.p50 >= 190 && r.ttftMs!.p50 < r.latencyMs.p50 - 200, `ttft ${r.ttftMs!.p50} vs latency ${r.latencyMs.p50}`);
    assert.ok(r.interTokenMs!.p50 >= 80 && r.interTokenMs!.p50 < 400, `itl ${r.interTokenMs!.p50}`);
  });

  it('Connection: close ends the socket after the response; the next request reconnects', async () => {
    const srv = await httpServer((_req, res) => {
      res.setHeader('connection', 'close');
      res.end('bye');
    });
    const c = client(srv.port);
    cleanup.push(() => c.conn.destroy());
    for (let i = 0; i < 5; i++) {
      const o = await c.send();
      assert.strictEqual(o.error, undefined);
      assert.strictEqual(o.body.toString(), 'bye');
    }
    assert.strictEqual(c.conn.opened, 5);
    assert.strictEqual(srv.connections(), 5);

    // A server that says close but leaves the socket open (and ignores anything more on it): only a
    // client that honours the header gets a second answer.
    const lingering = await rawServer((s, n) => {
      if (n === 0) s.write('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok');
    });
    cleanup.push(lingering.close);
    const l = client(lingering.port, { timeoutMs: 1000 });
    cleanup.push(() => l.conn.destroy());
    for (let i = 0; i < 3; i++) {
      const o = await l.send();
      assert.strictEqual(o.error, undefined, o.error?.message);
      assert.strictEqual(o.body.toString(), 'ok');
    }
    assert.strictEqual(lingering.connections(), 3);

    // HTTP/1.0 without a length: the body runs to the close, and that is a success.
    const raw = await rawServer((s) => {
      s.write('HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\npart one, ');
      setTimeout(() => s.end('part two'), 30);
    });
    cleanup.push(raw.close);
    const r = client(raw.port);
    cleanup.push(() => r.conn.destroy());
    for (let i = 0; i < 3; i++) {
      const o = await r.send();
      assert.strictEqual(o.error, undefined);
      assert.strictEqual(o.body.toString(), 'part one, part two');
    }
    assert.strictEqual(raw.connections(), 3);
  });

  it('a server that resets or closes mid-body fails that request as reset; the next one reconnects', async () => {
    const raw = await rawServer((s, _n, conn) => {
      s.write('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n' + 'x'.repeat(100));
      if (conn === 0) setTimeout(() => s.resetAndDestroy(), 30);
      else if (conn === 1) setTimeout(() => s.end(), 30);
      else s.write('y'.repeat(900));
    });
    cleanup.push(raw.close);
    const c = client(raw.port);
    cleanup.push(() => c.conn.destroy());
    const reset = await c.send();
    assert.strictEqual(reset.status, 200);
    assert.strictEqual(reset.error?.code, 'ECONNRESET');
    assert.strictEqual(errorKind(reset.error), 'reset');
    const closed = await c.send();
    assert.strictEqual(closed.error?.code, WIRE_CLOSED);
    assert.strictEqual(errorKind(closed.error), 'reset');
    const ok = await c.send();
    assert.strictEqual(ok.error, undefined);
    assert.strictEqual(ok.body.length, 1000);
    assert.strictEqual(c.conn.opened, 3);
    await sleep(50);
    assert.strictEqual(c.terminals(), 3, 'one outcome per request, even when the socket errors and then closes');

    // Through the generator: the resets are counted as such.
    const flaky = await rawServer((s, n) => {
      if (n % 3 === 2) s.resetAndDestroy();
      else s.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    });
    cleanup.push(flaky.close);
    const r = await runLoadTest(opts({ url: `http://127.0.0.1:${flaky.port}/`, duration: '1s', connections: 2 }));
    assert.ok(r.completed > 10, `completed ${r.completed}`);
    assert.ok((r.errors.reset ?? 0) > 0, JSON.stringify(r.errors));
    assert.deepStrictEqual(Object.keys(r.errors), ['reset']);
  });

  it('a malformed status line or header is a protocol error', async () => {
    const answers = ['HTTP/1.1 2x0 OK\r\n\r\n', 'SSH-2.0-OpenSSH\r\n\r\n', 'HTTP/1.1 200 OK\r\nContent-Length: 12abc\r\n\r\n', 'HTTP/1.1 200 OK\r\nno colon here\r\n\r\n', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'];
    for (const answer of answers) {
      const raw = await rawServer((s) => s.write(answer));
      cleanup.push(raw.close);
      const c = client(raw.port);
      cleanup.push(() => c.conn.destroy());
      const o = await c.send();
      assert.strictEqual(o.error?.code, WIRE_PROTOCOL, `${JSON.stringify(answer)}: ${o.error?.message}`);
      assert.strictEqual(errorKind(o.error), 'protocol');
    }
    // Bytes the client never asked for do not poison the next request.
    const chatty = await rawServer((s) => s.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA'));
    cleanup.push(chatty.close);
    const c = client(chatty.port);
    cleanup.push(() => c.conn.destroy());
    for (let i = 0; i < 3; i++) assert.strictEqual((await c.send()).body.toString(), 'ok');
    assert.strictEqual(c.conn.opened, 3, 'a socket with stray bytes is not reused');
  });

  it('streams a 50 MB body (Content-Length and chunked) with constant memory', async function () {
    const SIZE = 50 * 1024 * 1024;
    const piece = Buffer.alloc(64 * 1024, 'a');
    const stream = (s: net.Socket, chunked: boolean) => {
      s.write(`HTTP/1.1 200 OK\r\n${chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${SIZE}`}\r\n\r\n`);
      let sent = 0;
      const pump = () => {
        while (sent < SIZE) {
          // Chunked: odd sizes, so chunk boundaries fall anywhere within reads.
          const n = Math.min(chunked ? 40_000 + (sent % 7919) : piece.length, SIZE - sent);
          sent += n;
          let ok: boolean;
          if (chunked) {
            s.write(`${n.toString(16)}\r\n`);
            s.write(piece.subarray(0, n));
            ok = s.write('\r\n');
          } else {
            ok = s.write(piece.subarray(0, n));
          }
          if (!ok) return void s.once('drain', pump);
        }
        if (chunked) s.write('0\r\n\r\n');
      };
      pump();
    };
    for (const chunked of [false, true]) {
      const raw = await rawServer((s) => stream(s, chunked));
      cleanup.push(raw.close);
      const c = client(raw.port, { keepBody: false });
      cleanup.push(() => c.conn.destroy());
      global.gc?.();
      const before = process.memoryUsage();
      let peakBuffers = before.arrayBuffers;
      let peakRss = before.rss;
      const sampler = setInterval(() => {
        const m = process.memoryUsage();
        peakBuffers = Math.max(peakBuffers, m.arrayBuffers);
        peakRss = Math.max(peakRss, m.rss);
      }, 20);
      const o = await c.send();
      clearInterval(sampler);
      assert.strictEqual(o.error, undefined);
      assert.strictEqual(o.bytes, SIZE);
      const grewMb = (peakBuffers - before.arrayBuffers) / 1048576;
      assert.ok(grewMb < 16, `${chunked ? 'chunked' : 'content-length'}: Buffer memory grew ${grewMb.toFixed(1)} MB while 50 MB went through`);
      assert.ok((peakRss - before.rss) / 1048576 < 40, `RSS grew ${((peakRss - before.rss) / 1048576).toFixed(1)} MB`);
      // The connection is still usable after the huge body.
      assert.strictEqual((await c.send()).bytes, SIZE);
      assert.strictEqual(raw.connections(), 1);
    }
  });

  it('204, 304 and HEAD responses have no body, whatever their headers say, and keep the connection', async () => {
    const srv = await httpServer((req, res) => {
      if (req.url === '/204') res.writeHead(204).end();
      else if (req.url === '/304') res.writeHead(304, { etag: '"x"' }).end();
      else res.writeHead(200, { 'content-length': '1000' }).end(req.method === 'HEAD' ? undefined : 'x'.repeat(1000));
    });
    for (const [method, path, status] of [['GET', '/204', 204], ['GET', '/304', 304], ['HEAD', '/', 200]] as const) {
      const c = client(srv.port, { method, path, timeoutMs: 2000 });
      cleanup.push(() => c.conn.destroy());
      for (let i = 0; i < 3; i++) {
        const o = await c.send();
        assert.strictEqual(o.error, undefined, `${method} ${path}: ${o.error?.message}`);
        assert.strictEqual(o.status, status);
        assert.strictEqual(o.bytes, 0);
      }
      assert.strictEqual(c.conn.opened, 1, `${method} ${path} kept its connection`);
    }
    // A raw server that announces a length on HEAD and 204 but sends nothing: no wait for a body.
    const raw = await rawServer((s, n) => s.write(n % 2 ? 'HTTP/1.1 204 No Content\r\nContent-Length: 50\r\n\r\n' : 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'));
    cleanup.push(raw.close);
    const c = client(raw.port, { timeoutMs: 2000 });
    cleanup.push(() => c.conn.destroy());
    const interim = await c.send();
    assert.strictEqual(interim.status, 200, '100 Continue is skipped');
    assert.strictEqual(interim.body.toString(), 'ok');
    const noContent = await c.send();
    assert.strictEqual(noContent.status, 204);
    assert.strictEqual(noContent.error, undefined);
  });

  it('times out a request that gets no byte for the timeout: before the head and in the middle of the body', async () => {
    const raw = await rawServer((s, _n, conn) => {
      if (conn === 0) return; // silent
      if (conn === 1) s.write('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc'); // stalls mid-body
      else s.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    });
    cleanup.push(raw.close);
    const c = client(raw.port, { timeoutMs: 300 });
    cleanup.push(() => c.conn.destroy());
    for (const label of ['silent', 'mid-body']) {
      const o = await c.send();
      assert.strictEqual(o.error?.code, WIRE_TIMEOUT, label);
      assert.strictEqual(errorKind(o.error), 'timeout');
      assert.ok(o.ms >= 290 && o.ms < 2000, `${label}: timed out after ${o.ms} ms`);
    }
    const ok = await c.send();
    assert.strictEqual(ok.body.toString(), 'ok', 'a fresh connection after the timeouts');

    // A slow stream that keeps sending is not a timeout: the clock restarts with each byte.
    const slow = await rawServer((s) => {
      s.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n');
      for (let i = 1; i <= 5; i++) setTimeout(() => s.write('x'), i * 150);
    });
    cleanup.push(slow.close);
    const d = client(slow.port, { timeoutMs: 300 });
    cleanup.push(() => d.conn.destroy());
    const o = await d.send();
    assert.strictEqual(o.error, undefined);
    assert.ok(o.ms >= 700, `${o.ms} ms`);

    // Through the generator: timeouts are counted by kind.
    const silent = await rawServer(() => undefined);
    cleanup.push(silent.close);
    const r = await runLoadTest(opts({ url: `http://127.0.0.1:${silent.port}/`, duration: '1s', connections: 2, requestTimeoutMs: 200 }));
    assert.ok((r.errors.timeout ?? 0) >= 2, JSON.stringify(r.errors));
  });

  it('connection refused is classified as refused', async () => {
    const srv = net.createServer();
    const port = await listen(srv);
    await new Promise<void>((r) => srv.close(() => r()));
    const c = client(port);
    cleanup.push(() => c.conn.destroy());
    const o = await c.send();
    assert.strictEqual(o.error?.code, 'ECONNREFUSED');
    assert.strictEqual(errorKind(o.error), 'refused');
  });

  it('the generator on the wire path keeps one connection per slot and reports like the undici path', async () => {
    let i = 0;
    const srv = await httpServer((_req, res) => {
      const status = ++i % 10 === 0 ? 500 : 200;
      res.writeHead(status, { 'content-length': '2' }).end('ok');
    });
    const wire = await runLoadTest(opts({ url: `http://127.0.0.1:${srv.port}/`, duration: '5s', connections: 4, maxRequests: 400 }));
    assert.strictEqual(wire.completed, 400);
    assert.strictEqual(srv.connections(), 4 + 1, 'one keep-alive connection per slot (+1: the reachability check before the run)');
    assert.strictEqual(wire.statuses!['500'], 40);
    assert.strictEqual(wire.statuses!['200'], 360);
    assert.deepStrictEqual(wire.errors, { 500: 40 });
    assert.strictEqual(wire.perConnection.starved, 0);

    process.env.LOOPSAFE_LOADGEN_TRANSPORT = 'undici';
    try {
      i = 0;
      const viaUndici = await runLoadTest(opts({ url: `http://127.0.0.1:${srv.port}/`, duration: '5s', connections: 4, maxRequests: 400 }));
      assert.strictEqual(viaUndici.completed, 400);
      assert.deepStrictEqual(viaUndici.statuses, wire.statuses);
      assert.deepStrictEqual(viaUndici.errors, wire.errors);
      assert.deepStrictEqual(Object.keys(viaUndici).sort(), Object.keys(wire).sort());
    } finally {
      delete process.env.LOOPSAFE_LOADGEN_TRANSPORT;
    }
  });
});
