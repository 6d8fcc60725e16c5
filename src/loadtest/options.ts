// Load-test options from untrusted input (CLI flags, settings, the panel): parsed, capped and checked
// (loopback only unless allowed) into a complete LoadTestOptions, or one clear error message.

import { isIP } from 'net';
import type { LoadTestOptions } from './types';
import { parseThreshold } from './thresholds';

/** Hard caps: no run, whatever it is asked, goes beyond these. */
export const LIMITS = {
  maxDurationMs: 10 * 60_000,
  maxConnections: 1000,
  maxRate: 50_000,
  maxRequests: 10_000_000,
  maxBodyBytes: 10 * 1024 * 1024,
  maxRequestTimeoutMs: 10 * 60_000,
};

export const DEFAULTS = {
  method: 'GET',
  connections: 10,
  durationMs: 10_000,
  warmupMs: 0,
  rampMs: 0,
  requestTimeoutMs: 60_000,
  probeIntervalMs: 100,
};

export type LoadTestInput = Partial<Omit<LoadTestOptions, 'probe' | 'rate'>> & {
  url?: string;
  rate?: number | string;
  duration?: string | number;
  probe?: string | { url: string; intervalMs?: number; fallbacks?: string[] };
};

/** `10s`, `500ms`, `2m`, `1.5s` or a number of milliseconds. */
export function parseDuration(value: string | number | undefined, what = 'duration'): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw new Error(`${what} must be a positive number of milliseconds`);
    return value;
  }
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?\s*$/i.exec(value ?? '');
  if (!m) throw new Error(`${what} "${value}" is not a duration (e.g. 500ms, 10s, 2m)`);
  const n = Number(m[1]);
  const unit = (m[2] ?? 's').toLowerCase();
  return Math.round(n * (unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'h' ? 3_600_000 : 60_000));
}

/** `50`, `50/s`, `3000/m`: requests per second. */
export function parseRate(value: string | number): number {
  if (typeof value === 'number') return value;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(s|sec|second|m|min|minute))?\s*$/i.exec(value);
  if (!m) throw new Error(`rate "${value}" is not a rate (e.g. 50/s)`);
  const n = Number(m[1]);
  return m[2] && m[2].toLowerCase().startsWith('m') ? n / 60 : n;
}

/** True for localhost names and loopback addresses (127.0.0.0/8, ::1, and the unspecified address, which connects locally). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const kind = isIP(host);
  if (kind === 4) return host.startsWith('127.') || host === '0.0.0.0';
  if (kind === 6) return host === '::1' || host === '::' || /^::ffff:127\./.test(host) || /^0*:0*:0*:0*:0*:0*:0*:0*1$/.test(host);
  return false;
}

/** Checks and completes load-test options; never throws. */
export function normalizeLoadTestOptions(input: LoadTestInput): { options: LoadTestOptions } | { error: string } {
  try {
    return { options: normalize(input) };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

function normalize(input: LoadTestInput): LoadTestOptions {
  if (!input.url) throw new Error('no target URL given');
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw new Error(`"${input.url}" is not a URL (e.g. http://127.0.0.1:8000/chat)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`only http and https targets can be load-tested, not ${url.protocol}`);
  const allowRemote = input.allowRemote === true;
  if (!isLoopbackHost(url.hostname) && !allowRemote) {
    throw new Error(`${url.hostname} is not a loopback address: Loopsafe load-tests local servers only unless remote targets are explicitly allowed (--allow-remote / loopsafe.loadTest.allowRemote)`);
  }

  const method = (input.method ?? DEFAULTS.method).toUpperCase();
  if (!/^[A-Z]+$/.test(method)) throw new Error(`"${input.method}" is not an HTTP method`);

  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.headers ?? {})) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(k)) throw new Error(`"${k}" is not a valid header name`);
    if (/[\r\n]/.test(String(v))) throw new Error(`header ${k} contains a line break`);
    headers[k.toLowerCase()] = String(v);
  }
  const body = input.body;
  if (body !== undefined && Buffer.byteLength(body) > LIMITS.maxBodyBytes) throw new Error(`the request body is over ${LIMITS.maxBodyBytes / 1048576} MB`);
  if (body !== undefined && !headers['content-type'] && /^\s*[[{]/.test(body)) headers['content-type'] = 'application/json';

  const durationMs = input.duration !== undefined ? parseDuration(input.duration) : input.durationMs ?? DEFAULTS.durationMs;
  if (!(durationMs > 0)) throw new Error('the duration must be positive');
  if (durationMs > LIMITS.maxDurationMs) throw new Error(`the duration is capped at ${LIMITS.maxDurationMs / 60_000} minutes`);

  const connections = input.connections ?? DEFAULTS.connections;
  if (!Number.isInteger(connections) || connections < 1) throw new Error('connections must be a whole number ≥ 1');
  if (connections > LIMITS.maxConnections) throw new Error(`connections are capped at ${LIMITS.maxConnections}`);

  let rate: number | undefined;
  if (input.rate !== undefined && input.rate !== '') {
    rate = parseRate(input.rate);
    if (!(rate > 0)) throw new Error('the rate must be positive');
    if (rate > LIMITS.maxRate) throw new Error(`the rate is capped at ${LIMITS.maxRate}/s`);
  }

  const warmupMs = input.warmupMs ?? DEFAULTS.warmupMs;
  const rampMs = input.rampMs ?? DEFAULTS.rampMs;
  if (!(warmupMs >= 0) || warmupMs > LIMITS.maxDurationMs) throw new Error('warm-up must be between 0 and 10 minutes');
  if (!(rampMs >= 0) || rampMs > durationMs) throw new Error('the ramp must be between 0 and the duration');

  const maxRequests = input.maxRequests ?? 0;
  if (!Number.isInteger(maxRequests) || maxRequests < 0 || maxRequests > LIMITS.maxRequests) throw new Error(`the request cap must be a whole number between 0 and ${LIMITS.maxRequests}`);

  const requestTimeoutMs = input.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs;
  if (!(requestTimeoutMs > 0) || requestTimeoutMs > LIMITS.maxRequestTimeoutMs) throw new Error('the request timeout must be between 1 ms and 10 minutes');

  let probe: LoadTestOptions['probe'];
  if (input.probe) {
    const raw = typeof input.probe === 'string' ? { url: input.probe } : input.probe;
    let probeUrl: URL;
    try {
      probeUrl = new URL(raw.url, url);
    } catch {
      throw new Error(`probe "${raw.url}" is not a URL or path`);
    }
    if (probeUrl.protocol !== 'http:' && probeUrl.protocol !== 'https:') throw new Error('the probe must be an http(s) URL');
    if (!isLoopbackHost(probeUrl.hostname) && !allowRemote) throw new Error(`probe host ${probeUrl.hostname} is not a loopback address`);
    const intervalMs = raw.intervalMs ?? DEFAULTS.probeIntervalMs;
    if (!(intervalMs >= 10) || intervalMs > 60_000) throw new Error('the probe interval must be between 10 ms and 60 s');
    probe = { url: probeUrl.toString(), intervalMs };
    // Paths tried in turn when the probe answers 404 (an app without /health still has /docs or /).
    if (raw.fallbacks?.length) probe.fallbacks = raw.fallbacks.map((f) => new URL(f, probeUrl).toString()).filter((f) => isLoopbackHost(new URL(f).hostname) || allowRemote);
  }

  const thresholds = input.thresholds ?? [];
  for (const t of thresholds) parseThreshold(t); // throws a clear message on a bad one

  return {
    url: url.toString(),
    method,
    headers,
    body,
    connections,
    rate,
    durationMs,
    warmupMs,
    rampMs,
    maxRequests,
    sse: input.sse === true,
    probe,
    thresholds: [...thresholds],
    failOnStall: input.failOnStall !== false,
    requestTimeoutMs,
    allowRemote,
  };
}
