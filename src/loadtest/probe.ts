// The stall probe: a cheap endpoint timed idle, then requested at a fixed interval during the load.
// If it slows with the load, the server's event loop is blocked; unanswered probes count with their age.

import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import { LatencyStats } from './stats';
import type { ProbeReport } from './types';

const IDLE_SAMPLES = 10;
const MAX_IN_FLIGHT = 8;
const MAX_SAMPLES = 2000;

/** `1.9 s`, `240 ms`, `2.4 ms`. */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${Math.round(ms * 10) / 10} ms`;
}

/** The stall rule: the probe's median under load is over 5× its idle median and at least 50 ms slower. */
export function isStalled(idleP50: number, loadP50: number): boolean {
  return loadP50 > Math.max(5 * idleP50, idleP50 + 50);
}

export class Probe {
  private pool: Pool;
  private path: string;
  private readonly idle = new LatencyStats();
  private readonly load = new LatencyStats();
  private readonly samples: Array<[number, number]> = [];
  private sampleStride = 1;
  private sampleSeen = 0;
  private readonly inFlight = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private loadStart = 0;
  private recording = false;
  private lastMs: number | null = null;
  private error: string | undefined;
  private unanswered = 0;

  constructor(
    public url: string,
    private readonly intervalMs: number,
    private readonly timeoutMs: number,
    private readonly fallbacks: string[] = [],
  ) {
    const u = new URL(url);
    this.path = u.pathname + u.search;
    this.pool = new Pool(u.origin, { connections: MAX_IN_FLIGHT, pipelining: 1, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  }

  /** Idle latency before the load starts; a probe that fails here is reported, not retried. */
  async baseline(signal?: AbortSignal): Promise<void> {
    const candidates = [...this.fallbacks];
    for (let i = 0; i < IDLE_SAMPLES && !signal?.aborted; i++) {
      const r = await this.once(Math.min(5000, this.timeoutMs));
      if (r.error === 'HTTP 404' && i === 0 && candidates.length > 0) {
        // No such endpoint: move to the next candidate path.
        this.retarget(candidates.shift()!);
        i--;
        continue;
      }
      if (r.error) {
        this.error = `${this.path}: ${r.error}`;
        return;
      }
      this.idle.record(r.ms);
    }
  }

  private retarget(url: string): void {
    const u = new URL(url);
    if (u.origin !== new URL(this.url).origin) {
      this.pool.destroy().catch(() => undefined);
      this.pool = new Pool(u.origin, { connections: MAX_IN_FLIGHT, pipelining: 1, headersTimeout: this.timeoutMs, bodyTimeout: this.timeoutMs });
    }
    this.url = url;
    this.path = u.pathname + u.search;
  }

  start(signal?: AbortSignal): void {
    if (this.error) return;
    this.loadStart = performance.now();
    this.recording = true;
    this.timer = setInterval(() => {
      if (signal?.aborted || this.inFlight.size >= MAX_IN_FLIGHT) return;
      const started = performance.now();
      this.inFlight.add(started);
      void this.once(this.timeoutMs).then((r) => {
        this.inFlight.delete(started);
        if (!this.recording || r.error) return;
        this.lastMs = r.ms;
        this.load.record(r.ms);
        this.addSample(started - this.loadStart, r.ms);
      });
    }, this.intervalMs);
  }

  /** Restart the load clock (after a warm-up): earlier probes stay in the chart only. */
  markLoadStart(): void {
    this.load.reset();
  }

  /** Latest probe latency, or the age of a probe still waiting when that is longer (a stall in progress). */
  latest(): number | null {
    const now = performance.now();
    let oldest = 0;
    for (const s of this.inFlight) oldest = Math.max(oldest, now - s);
    if (this.lastMs === null && oldest === 0) return null;
    return Math.round(Math.max(this.lastMs ?? 0, oldest));
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (!this.recording) return;
    // Probes still waiting: their age is a lower bound of their latency, and exactly the stall we look for.
    const now = performance.now();
    for (const s of this.inFlight) {
      this.load.record(now - s);
      this.addSample(s - this.loadStart, now - s);
      this.unanswered++;
    }
    this.recording = false;
  }

  report(): ProbeReport {
    const idle = this.idle.percentiles();
    const load = this.load.percentiles();
    const stalled = !this.error && this.load.count > 0 && this.idle.count > 0 && isStalled(idle.p50, load.p50);
    const r: ProbeReport = {
      url: this.url,
      idleMs: { p50: idle.p50 },
      loadMs: { p50: load.p50, p99: load.p99, max: load.max },
      samples: this.samples,
      stalled,
      measured: !this.error && this.load.count > 0 && this.idle.count > 0,
      unansweredAtEnd: this.unanswered,
    };
    if (this.error) {
      r.error = this.error;
      r.verdict = `probe unavailable (${this.error}): no stall measurement`;
    } else if (this.load.count === 0) {
      r.verdict = `no probe completed during the load`;
    } else {
      r.verdict = stalled
        ? `the event loop stalled: ${this.path} p50 ${formatMs(load.p50)} under load vs ${formatMs(idle.p50)} idle`
        : `no stall: ${this.path} p50 ${formatMs(load.p50)} under load vs ${formatMs(idle.p50)} idle`;
    }
    return r;
  }

  close(): void {
    this.pool.destroy().catch(() => undefined);
  }

  private addSample(at: number, ms: number): void {
    // Keep every k-th sample once full, doubling k: bounded memory, even coverage of the run.
    this.sampleSeen++;
    if (this.sampleSeen % this.sampleStride !== 0) return;
    this.samples.push([Math.round(at), Math.round(ms * 10) / 10]);
    if (this.samples.length >= MAX_SAMPLES) {
      for (let i = 0; i < this.samples.length / 2; i++) this.samples[i] = this.samples[i * 2];
      this.samples.length = Math.floor(this.samples.length / 2);
      this.sampleStride *= 2;
    }
  }

  private once(timeoutMs: number): Promise<{ ms: number; error?: string }> {
    const started = performance.now();
    return new Promise((resolve) => {
      let status = 0;
      const handler: Dispatcher.DispatchHandler = {
        onRequestStart() {},
        onResponseStart(_c, statusCode) {
          status = statusCode;
        },
        onResponseData() {},
        onResponseEnd() {
          const ms = performance.now() - started;
          resolve(status >= 400 ? { ms, error: `HTTP ${status}` } : { ms });
        },
        onResponseError(_c, err) {
          const code = (err as { code?: string }).code ?? err.name;
          resolve({ ms: performance.now() - started, error: code === 'ECONNREFUSED' ? 'connection refused' : code });
        },
      };
      try {
        this.pool.dispatch({ path: this.path, method: 'GET', headersTimeout: timeoutMs, bodyTimeout: timeoutMs }, handler);
      } catch (err) {
        resolve({ ms: 0, error: err instanceof Error ? err.message : String(err) });
      }
    });
  }
}
