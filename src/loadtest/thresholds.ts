// Pass/fail thresholds (`p95<800ms`, `errors<1%`, `rps>50`, `ttft_p95<1s`, `inflight==0`): parsed
// with a clear message on bad input, and evaluated against a finished report.

import type { LoadTestReport, Percentiles, ThresholdResult } from './types';

type Op = '<' | '<=' | '>' | '>=' | '==';

export interface Threshold {
  expr: string;
  metric: string;
  op: Op;
  value: number;
  /** `errors<1%` compares the error rate in percent; `errors<5` the count. */
  percent: boolean;
}

const PERCENTILE = /^(?:(latency|ttfb|ttft|itl)_)?(p50|p90|p95|p99|max)$/;
const METRICS = 'p50, p90, p95, p99, max (latency; prefix ttfb_, ttft_ or itl_ for time to first byte, first token, inter-token), errors, rps, inflight';

export function parseThreshold(expr: string): Threshold {
  const m = /^\s*([a-z_0-9]+)\s*(<=|>=|==|<|>)\s*(\d+(?:\.\d+)?)\s*(ms|s|%)?\s*$/i.exec(expr);
  if (!m) throw new Error(`threshold "${expr}" is not of the form metric<value (e.g. p95<800ms, errors<1%, rps>50)`);
  const metric = m[1].toLowerCase();
  const op = m[2] as Op;
  let value = Number(m[3]);
  const unit = m[4]?.toLowerCase();
  const isTime = PERCENTILE.test(metric);
  if (!isTime && metric !== 'errors' && metric !== 'rps' && metric !== 'inflight') throw new Error(`threshold "${expr}": unknown metric "${metric}"; use ${METRICS}`);
  if (isTime) {
    if (unit === '%') throw new Error(`threshold "${expr}": a latency takes ms or s, not %`);
    if (unit === 's') value *= 1000;
  } else if (unit === 'ms' || unit === 's') {
    throw new Error(`threshold "${expr}": ${metric} is not a time`);
  } else if (unit === '%' && metric !== 'errors') {
    throw new Error(`threshold "${expr}": only errors take a percentage`);
  }
  return { expr: expr.trim(), metric, op, value, percent: unit === '%' };
}

/** The measured value a threshold compares, or null when the run has no such measurement (no SSE, no completions). */
export function thresholdActual(t: Threshold, report: LoadTestReport): number | null {
  const pm = PERCENTILE.exec(t.metric);
  if (pm) {
    const source: Percentiles | null = pm[1] === 'ttfb' ? report.ttfbMs : pm[1] === 'ttft' ? report.ttftMs : pm[1] === 'itl' ? report.interTokenMs : report.latencyMs;
    if (!source || report.completed === 0) return null;
    return source[pm[2] as keyof Percentiles];
  }
  if (t.metric === 'rps') return report.throughputRps;
  if (t.metric === 'inflight') return report.inFlightAtEnd;
  const errors = Object.values(report.errors).reduce((a, b) => a + b, 0);
  if (!t.percent) return errors;
  const attempts = report.completed + networkErrors(report);
  return attempts === 0 ? null : (100 * errors) / attempts;
}

/** Errors that are not HTTP statuses (refused, reset, timeout…): requests that never completed. */
export function networkErrors(report: Pick<LoadTestReport, 'errors'>): number {
  let n = 0;
  for (const [k, v] of Object.entries(report.errors)) if (!/^\d{3}$/.test(k)) n += v;
  return n;
}

export function evaluateThresholds(exprs: string[], report: LoadTestReport): ThresholdResult[] {
  return exprs.map((expr) => {
    const t = parseThreshold(expr);
    const actual = thresholdActual(t, report);
    // A latency limit with no completed request at all fails: nothing met it.
    if (actual === null) return { expr: t.expr, actual: null, pass: false };
    const pass = t.op === '<' ? actual < t.value : t.op === '<=' ? actual <= t.value : t.op === '>' ? actual > t.value : t.op === '>=' ? actual >= t.value : actual === t.value;
    return { expr: t.expr, actual: Math.round(actual * 100) / 100, pass };
  });
}
