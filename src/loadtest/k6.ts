// Exports a load-test scenario as a k6 script (constant-arrival-rate or constant-vus executor, the same
// thresholds, the probe as a second scenario) to run on k6, the k6 operator or Grafana Cloud k6.

import { parseThreshold } from './thresholds';
import type { LoadTestOptions } from './types';

/** k6 duration string: `90s`, `1500ms`. */
function k6Duration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${Math.round(ms)}ms`;
}

/** Our threshold expressions in k6's metric language, or a comment when k6 has no equivalent. */
function k6Threshold(expr: string): { metric: string; rule: string } | { comment: string } {
  const t = parseThreshold(expr);
  const op = t.op === '==' ? '==' : t.op;
  const pm = /^(?:(latency|ttfb|ttft|itl)_)?(p50|p90|p95|p99|max)$/.exec(t.metric);
  if (pm) {
    if (pm[1] === 'ttft' || pm[1] === 'itl') return { comment: `${expr}: k6 does not time SSE tokens; measure with \`loopsafe loadtest --sse\`` };
    const stat = pm[2] === 'max' ? 'max' : `p(${pm[2].slice(1)})`;
    return { metric: pm[1] === 'ttfb' ? 'http_req_waiting' : 'http_req_duration{scenario:load}', rule: `${stat}${op}${t.value}` };
  }
  if (t.metric === 'errors') return t.percent ? { metric: 'http_req_failed{scenario:load}', rule: `rate${op}${t.value / 100}` } : { metric: 'http_req_failed{scenario:load}', rule: `count${op}${t.value}` };
  if (t.metric === 'rps') return { metric: 'http_reqs{scenario:load}', rule: `rate${op}${t.value}` };
  if (t.metric === 'blocked') return { comment: `${expr}: no k6 equivalent (where the loop was blocked comes from Loopsafe's sampler in an app it starts)` };
  if (t.metric === 'stall') return { comment: `${expr}: judged by the probe scenario's p50 threshold below` };
  return { comment: `${expr}: no k6 equivalent (k6 does not report requests in flight at the end)` };
}

export function toK6Script(options: LoadTestOptions): string {
  const thresholds = new Map<string, string[]>();
  const comments: string[] = [];
  for (const expr of options.thresholds) {
    const k = k6Threshold(expr);
    if ('comment' in k) comments.push(k.comment);
    else thresholds.set(k.metric, [...(thresholds.get(k.metric) ?? []), k.rule]);
  }
  // Credentials stay out of the file: the script reads them from the environment (k6 run -e NAME=...).
  const secret = (k: string) => /^(authorization|proxy-authorization|cookie|x-api-key|api-key|x-goog-api-key|anthropic-api-key)$/i.test(k);
  const envName = (k: string) => `LOOPSAFE_HEADER_${k.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
  const headers = Object.fromEntries(Object.entries(options.headers).filter(([k]) => k !== 'content-length' && !secret(k)));
  const secretHeaders = Object.keys(options.headers).filter(secret);
  // k6 rates are whole numbers per time unit: slow rates go per minute.
  const perMinute = options.rate !== undefined && options.rate < 1;
  const load = options.rate
    ? {
        executor: 'constant-arrival-rate',
        rate: perMinute ? Math.max(1, Math.round(options.rate * 60)) : Math.round(options.rate),
        timeUnit: perMinute ? '1m' : '1s',
        duration: k6Duration(options.durationMs),
        preAllocatedVUs: options.connections,
        maxVUs: Math.max(options.connections, Math.ceil(options.rate * 2)),
        exec: 'load',
      }
    : options.rampMs > 0
      ? {
          executor: 'ramping-vus',
          startVUs: 1,
          stages: [
            { duration: k6Duration(options.rampMs), target: options.connections },
            { duration: k6Duration(options.durationMs - options.rampMs), target: options.connections },
          ],
          exec: 'load',
        }
      : { executor: 'constant-vus', vus: options.connections, duration: k6Duration(options.durationMs), exec: 'load' };
  const scenarios: Record<string, unknown> = { load };
  if (options.probe) {
    scenarios.probe = { executor: 'constant-arrival-rate', rate: Math.max(1, Math.round(1000 / options.probe.intervalMs)), timeUnit: '1s', duration: k6Duration(options.durationMs), preAllocatedVUs: 2, maxVUs: 20, exec: 'probe' };
    thresholds.set('http_req_duration{scenario:probe}', ['p(50)<250']);
  }
  const opts = { scenarios, thresholds: Object.fromEntries(thresholds) };
  const lines = [
    '// k6 scenario exported by Loopsafe. Run: k6 run script.js  (or k6 cloud run, or the k6 operator).',
    `// Target: ${options.method} ${options.url} — ${options.rate ? `${options.rate} req/s (open model)` : `${options.connections} connections (closed model)`} for ${k6Duration(options.durationMs)}.`,
    ...(options.warmupMs > 0 ? [`// Loopsafe warmed up for ${k6Duration(options.warmupMs)} first; k6 has no warm-up: discard the first seconds or add a ramp.`] : []),
    ...(options.sse ? ['// SSE: k6 reads the whole streamed body, so http_req_duration is the time to the last token, not the first.'] : []),
    ...(options.probe ? ['// The probe scenario times a cheap endpoint during the load: if its p50 rises far above idle, the event loop is blocked.'] : []),
    ...comments.map((c) => `// Threshold not exported: ${c}`),
    "import http from 'k6/http';",
    "import { check } from 'k6';",
    '',
    `export const options = ${JSON.stringify(opts, null, 2)};`,
    '',
    `const URL = ${JSON.stringify(options.url)};`,
    ...secretHeaders.map((k) => `// ${k}: set with \`k6 run -e ${envName(k)}=...\` (not written to this file).`),
    `const HEADERS = ${JSON.stringify(headers)};`,
    ...secretHeaders.map((k) => `if (__ENV.${envName(k)}) HEADERS[${JSON.stringify(k)}] = __ENV.${envName(k)};`),
    `const PARAMS = { headers: HEADERS, timeout: ${JSON.stringify(k6Duration(options.requestTimeoutMs))}, tags: { name: ${JSON.stringify(new URL(options.url).pathname)} } };`,
    `const BODY = ${options.body === undefined ? 'null' : JSON.stringify(options.body)};`,
    '',
    'export function load() {',
    `  const res = http.request(${JSON.stringify(options.method)}, URL, BODY, PARAMS);`,
    "  check(res, { 'status is 2xx': (r) => r.status >= 200 && r.status < 300 });",
    '}',
  ];
  if (options.probe) lines.push('', 'export function probe() {', `  http.get(${JSON.stringify(options.probe.url)}, { tags: { name: 'probe' } });`, '}');
  return lines.join('\n') + '\n';
}
