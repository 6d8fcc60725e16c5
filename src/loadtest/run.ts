// The load generator: one connection per slot, closed model (each connection refires on completion) or
// open model (arrival rate, latency from the intended send time), with the stall probe.
//
// Transport: plain http targets (the loopback case) go through wire.ts, our own HTTP/1.1 client that writes
// one prebuilt request Buffer per request and parses only the framing; undici (the generator library of the
// architecture) stays for https and anything else, one Client per connection. LOOPSAFE_LOADGEN_TRANSPORT=undici
// forces undici for plain http too (to compare, or if a server trips the raw transport).

import * as net from 'net';
import { Client } from 'undici';
import type { Dispatcher } from 'undici';
import { isLoopbackHost } from './options';
import { Probe } from './probe';
import { SseTokenReader } from './sse';
import { LatencyStats, median, round } from './stats';
import { judgeReport } from './thresholds';
import type { LoadTestHooks, LoadTestOptions, LoadTestProgress, LoadTestReport } from './types';
import { serializeRequest, WireConnection, WIRE_CLOSED, WIRE_PROTOCOL, WIRE_TIMEOUT, type WireListener } from './wire';

export { normalizeLoadTestOptions } from './options';
export { toK6Script } from './k6';

/** Requests waiting for a free connection in the open model; beyond this they are dropped (counted). */
const MAX_QUEUE = 10_000;
const PROGRESS_MS = 250;
/** With every attempt failing at the network level for this long, the server is gone: stop. */
const DEAD_AFTER_MS = 2500;

/** One connection of the run: send() starts a request whose outcome comes to the slot's listener. */
interface Transport {
  send(): void;
  destroy(): void;
}

interface Slot {
  index: number;
  transport: Transport;
  busy: boolean;
  /** performance.now() of the request in flight (its intended start in the open model). */
  startedAt: number;
  completions: number;
  // The request in flight (one per slot at a time, so its state lives here rather than in closures).
  sentAt: number;
  counted: boolean;
  status: number;
  lastToken: number;
  reader: SseTokenReader | undefined;
}

/** The same listener contract over undici, one Client per connection (https, or forced by the environment). */
class UndiciTransport implements Transport {
  private seq = 0;
  private closed = false;
  private readonly client: Client;

  constructor(
    origin: string,
    private readonly request: Dispatcher.DispatchOptions,
    private readonly listener: WireListener,
    timeoutMs: number,
  ) {
    this.client = new Client(origin, {
      pipelining: 1,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      connectTimeout: Math.min(10_000, timeoutMs),
      keepAliveTimeout: 30_000,
    });
  }

  send(): void {
    const id = ++this.seq;
    const live = () => id === this.seq && !this.closed;
    const l = this.listener;
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart() {},
      onResponseStart: (_controller, statusCode) => {
        if (live()) l.onStatus(statusCode);
      },
      onResponseData: (_controller, chunk) => {
        if (live()) l.onData(chunk);
      },
      onResponseEnd: () => {
        if (!live()) return;
        this.seq++;
        l.onEnd();
      },
      onResponseError: (_controller, err) => {
        if (!live()) return;
        this.seq++;
        l.onError(err);
      },
    };
    try {
      this.client.dispatch(this.request, handler);
    } catch (err) {
      if (!live()) return;
      this.seq++;
      l.onError(err as Error);
    }
  }

  destroy(): void {
    this.closed = true;
    this.client.destroy().catch(() => undefined);
  }
}

/** Error kind of a failed request, from the socket, wire.ts or undici error code. */
export function errorKind(err: unknown): string {
  const e = err as { code?: string; name?: string; message?: string };
  const code = e?.code ?? '';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === WIRE_CLOSED || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') return 'reset';
  if (code === WIRE_TIMEOUT || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return 'timeout';
  if (code === WIRE_PROTOCOL || code.startsWith('HPE_') || e?.name === 'HTTPParserError') return 'protocol';
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') return 'too large';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'unreachable';
  return 'other';
}

/** Plain words for an error kind, for messages. */
export function describeErrorKind(kind: string): string {
  switch (kind) {
    case 'refused':
      return 'connection refused (is the server running?)';
    case 'reset':
      return 'connection reset by the server';
    case 'timeout':
      return 'timed out';
    case 'protocol':
      return 'the response is not HTTP';
    case 'dns':
      return 'host not found';
    case 'unreachable':
      return 'host unreachable';
    default:
      return kind;
  }
}

/** Opens and closes one TCP connection: fails fast, with a clear reason, when nothing listens. */
export function checkReachable(url: string, timeoutMs = 3000): Promise<string | undefined> {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (reason?: string) => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(timeoutMs, () => done(`cannot connect to ${u.host}: timed out after ${timeoutMs} ms`));
    socket.once('connect', () => done());
    socket.on('error', (err) => done(`cannot connect to ${u.host}: ${describeErrorKind(errorKind(err))}`));
  });
}

export async function runLoadTest(options: LoadTestOptions, hooks: LoadTestHooks = {}): Promise<LoadTestReport> {
  const target = new URL(options.url);
  if (!options.allowRemote && !isLoopbackHost(target.hostname)) throw new Error(`${target.hostname} is not a loopback address and remote targets are not allowed`);
  const model = options.rate ? 'open' : 'closed';
  const latency = new LatencyStats();
  const ttfb = new LatencyStats();
  const ttft = new LatencyStats();
  const itl = new LatencyStats();
  const interval = new LatencyStats();
  const errors: Record<string, number> = {};
  const statuses: Record<string, number> = {};
  let sent = 0;
  let completed = 0;
  let dropped = 0;
  let errorCount = 0;
  let intervalCompletions = 0;
  let stoppedReason: string | undefined;

  // Completions by status code, counted per request without string keys and turned into records here.
  const statusCounts: number[] = [];
  const report = (measuredMs: number, inFlightAtEnd: number, oldestInFlightMs: number, slots: Slot[], probe: Probe | undefined): LoadTestReport => {
    statusCounts.forEach((n, status) => {
      if (!n) return;
      statuses[String(status)] = n;
      if (status >= 400) errors[String(status)] = n;
    });
    const counts = slots.map((s) => s.completions);
    const med = median(counts);
    const starvedBelow = Math.max(1, med / 5);
    const r: LoadTestReport = {
      version: 1,
      target: options.url,
      model,
      durationMs: Math.round(measuredMs),
      sent,
      completed,
      errors,
      inFlightAtEnd,
      oldestInFlightMs: Math.round(oldestInFlightMs),
      throughputRps: measuredMs > 0 ? Math.round((completed / (measuredMs / 1000)) * 10) / 10 : 0,
      latencyMs: latency.percentiles(),
      ttfbMs: ttfb.percentiles(),
      ttftMs: options.sse ? ttft.percentiles() : null,
      interTokenMs: options.sse ? itl.percentiles() : null,
      perConnection: {
        min: counts.length ? Math.min(...counts) : 0,
        median: med,
        max: counts.length ? Math.max(...counts) : 0,
        starved: model === 'closed' && completed > 0 ? counts.filter((c) => c < starvedBelow).length : 0,
      },
      probe: probe ? probe.report() : null,
      thresholds: [],
      pass: true,
      statuses,
      histogram: latency.chartBuckets(),
      dropped,
      connections: options.connections,
      rate: options.rate ?? null,
    };
    if (measuredMs > 0) {
      // performance.now() → wall clock, for matching the app's samples (which carry wall-clock times).
      const start = Date.now() - (performance.now() - (t0Perf + options.warmupMs));
      r.window = { start: Math.round(start), end: Math.round(start + measuredMs) };
    }
    if (stoppedReason) r.stoppedReason = stoppedReason;
    return judgeReport(r, options);
  };

  let t0Perf = 0;
  const unreachable = await checkReachable(options.url);
  if (unreachable) {
    errors[unreachable.includes('refused') ? 'refused' : 'unreachable'] = 1;
    stoppedReason = unreachable;
    return report(0, 0, 0, [], undefined);
  }

  const probe = options.probe ? new Probe(options.probe.url, options.probe.intervalMs, options.requestTimeoutMs, options.probe.fallbacks) : undefined;
  if (probe) await probe.baseline(hooks.signal);

  const path = target.pathname + target.search;
  const body = options.body;
  const headerMap = { ...options.headers };
  if (body !== undefined && !headerMap['content-length']) headerMap['content-length'] = String(Buffer.byteLength(body));
  const fast = target.protocol === 'http:' && process.env.LOOPSAFE_LOADGEN_TRANSPORT !== 'undici';
  // The fast path's request is serialized once here; undici gets its headers flattened once.
  const wireRequest = fast ? serializeRequest({ method: options.method, path, host: target.host, headers: headerMap, body }) : undefined;
  const undiciRequest: Dispatcher.DispatchOptions = { path, method: options.method as Dispatcher.HttpMethod, headers: Object.entries(headerMap).flat(), body };
  const wireHost = target.hostname.replace(/^\[|\]$/g, '');
  const wirePort = Number(target.port || 80);


  const slots: Slot[] = [];
  const makeSlot = (index: number): Slot => {
    const slot: Slot = { index, transport: undefined as unknown as Transport, busy: false, startedAt: 0, completions: 0, sentAt: 0, counted: false, status: 0, lastToken: 0, reader: undefined };
    const listener: WireListener = {
      onStatus(status) {
        slot.status = status;
        if (slot.counted && measuring) ttfb.record(performance.now() - slot.sentAt);
      },
      onData(chunk) {
        const reader = slot.reader;
        if (!reader || !(slot.counted && measuring)) return;
        const n = reader.push(chunk.toString('utf8'));
        if (n === 0) return;
        const now = performance.now();
        if (slot.lastToken === 0) ttft.record(now - slot.sentAt);
        else itl.record((now - slot.lastToken) / n);
        slot.lastToken = now;
      },
      onEnd() {
        finish(slot, true);
      },
      onError(err) {
        finish(slot, false, running ? errorKind(err) : undefined);
      },
    };
    slot.transport = fast
      ? new WireConnection({ host: wireHost, port: wirePort, request: wireRequest!, head: options.method === 'HEAD', timeoutMs: options.requestTimeoutMs, deliverBody: options.sse, keepAliveMs: 30_000 }, listener)
      : new UndiciTransport(target.origin, undiciRequest, listener, options.requestTimeoutMs);
    return slot;
  };
  for (let i = 0; i < options.connections; i++) slots.push(makeSlot(i));

  const t0 = performance.now();
  t0Perf = t0;
  const warmupEnd = t0 + options.warmupMs;
  const end = warmupEnd + options.durationMs;
  let measuring = options.warmupMs === 0;
  let running = true;
  let failingSince = -1;
  const queue: number[] = [];
  let queueHead = 0;

  const capReached = () => options.maxRequests > 0 && sent >= options.maxRequests;

  const stop = (reason?: string) => {
    if (!running) return;
    running = false;
    if (reason && !stoppedReason) stoppedReason = reason;
  };

  const fire = (slot: Slot, intendedAt: number, now: number) => {
    if (!running || capReached()) return;
    slot.busy = true;
    slot.sentAt = now;
    slot.startedAt = intendedAt;
    slot.counted = measuring;
    if (measuring) sent++;
    slot.status = 0;
    slot.lastToken = 0;
    if (options.sse) slot.reader = new SseTokenReader();
    try {
      slot.transport.send();
    } catch (err) {
      finish(slot, false, errorKind(err));
    }
  };

  const finish = (slot: Slot, ok: boolean, kind?: string) => {
    if (!slot.busy) return;
    slot.busy = false;
    slot.reader = undefined;
    const now = performance.now();
    if (slot.counted && measuring) {
      if (ok) {
        completed++;
        slot.completions++;
        intervalCompletions++;
        const ms = now - slot.startedAt;
        latency.record(ms);
        interval.record(ms);
        const status = slot.status;
        if (status >= 400) errorCount++;
        statusCounts[status] = (statusCounts[status] ?? 0) + 1;
      } else if (kind) {
        errors[kind] = (errors[kind] ?? 0) + 1;
        errorCount++;
      }
    }
    if (ok) failingSince = -1;
    else if (failingSince < 0) failingSince = now;
    if (!running) return;
    if (!ok && failingSince >= 0 && now - failingSince > DEAD_AFTER_MS) {
      stop(`the server stopped responding: ${describeErrorKind(kind ?? 'other')}`);
      return;
    }
    // A failed connection waits a little before trying again, so a dead server is not hammered in a spin.
    if (ok) {
      takeNext(slot, now);
      return;
    }
    // The slot stays busy during the pause, so the scheduler does not refire it at once.
    slot.busy = true;
    setTimeout(() => {
      slot.busy = false;
      takeNext(slot, performance.now());
    }, 25);
  };

  const takeNext = (slot: Slot, now: number) => {
    if (!running || slot.busy) return;
    if (model === 'closed') {
      if (activeConnections(now) > slot.index) fire(slot, now, now);
      return;
    }
    if (queueHead < queue.length) {
      const intended = queue[queueHead++];
      if (queueHead > 4096) {
        queue.splice(0, queueHead);
        queueHead = 0;
      }
      fire(slot, intended, now);
    }
  };

  // Ramp: connections (closed) or rate (open) grow linearly over rampMs after the warm-up.
  const rampFactor = (now: number) => (options.rampMs > 0 && now >= warmupEnd ? Math.min(1, (now - warmupEnd) / options.rampMs) : 1);
  const activeConnections = (now: number) => (options.rampMs > 0 ? Math.max(1, Math.ceil(options.connections * rampFactor(now))) : options.connections);

  let lastProgress = t0;
  let scheduled = t0; // open model: intended time of the next arrival
  return await new Promise<LoadTestReport>((resolve) => {
    const onAbort = () => stop('cancelled');
    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    if (hooks.signal?.aborted) stop('cancelled');

    if (model === 'closed') for (const s of slots) takeNext(s, performance.now());
    if (probe) probe.start(hooks.signal);

    const tick = () => {
      const now = performance.now();
      if (!measuring && now >= warmupEnd) {
        measuring = true;
        if (probe) probe.markLoadStart();
      }
      if (running && (now >= end || (capReached() && !slots.some((s) => s.busy)))) stop();
      if (running) {
        if (model === 'open') {
          const rate = options.rate! * rampFactor(now);
          // Arrivals are due at 1/rate intervals; each waits in the queue for a free connection.
          while (rate > 0 && scheduled <= now) {
            if (queue.length - queueHead >= MAX_QUEUE) {
              if (measuring) dropped++;
            } else {
              queue.push(scheduled);
            }
            scheduled += 1000 / rate;
          }
          if (rate <= 0) scheduled = now;
          for (const s of slots) if (!s.busy) takeNext(s, now);
        } else {
          for (const s of slots) if (!s.busy) takeNext(s, now);
        }
      }
      if (now - lastProgress >= PROGRESS_MS || !running) {
        const dt = (now - lastProgress) / 1000;
        lastProgress = now;
        const p = interval.count > 0 ? interval.percentiles() : undefined;
        const progress: LoadTestProgress = {
          elapsedMs: Math.round(now - t0),
          totalMs: Math.round(end - t0),
          phase: !measuring ? 'warmup' : running ? 'measure' : 'drain',
          sent,
          completed,
          errors: errorCount,
          inFlight: slots.filter((s) => s.busy).length,
          rps: dt > 0 ? round(intervalCompletions / dt) : 0,
          p50: p ? p.p50 : null,
          p95: p ? p.p95 : null,
          probeMs: probe ? probe.latest() : null,
        };
        intervalCompletions = 0;
        interval.reset();
        try {
          hooks.onProgress?.(progress);
        } catch {
          // A failing listener must not stop the run.
        }
      }
      if (running) {
        setTimeout(tick, model === 'open' ? 1 : 10);
        return;
      }
      // Stopped: what is still in flight is reported with the age of the oldest, then aborted.
      const measuredMs = Math.max(0, Math.min(now, end) - warmupEnd);
      const busy = slots.filter((s) => s.busy);
      const waiting = queue.slice(queueHead);
      const oldestStart = Math.min(...busy.map((s) => s.startedAt), ...(waiting.length ? [waiting[0]] : []));
      const oldest = Number.isFinite(oldestStart) ? now - oldestStart : 0;
      if (probe) probe.stop();
      const result = report(measuredMs, busy.length, oldest, slots, probe);
      hooks.signal?.removeEventListener('abort', onAbort);
      for (const s of slots) s.transport.destroy();
      if (probe) probe.close();
      for (const st of [latency, ttfb, ttft, itl, interval]) st.destroy();
      resolve(result);
    };
    setTimeout(tick, 0);
  });
}
