// Pass/fail thresholds (`p95<800ms`, `errors<1%`, `rps>50`, `ttft_p95<1s`, `inflight==0`, `stall==0`,
// `blocked<5%`): parsed with a clear message on bad input, and evaluated against a finished report.

import type { LoadTestOptions, LoadTestReport, Percentiles, ThresholdResult } from './types';

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
const METRICS = 'p50, p90, p95, p99, max (latency; prefix ttfb_, ttft_ or itl_ for time to first byte, first token, inter-token), errors, rps, inflight, stall (0 or 1: the probe saw the loop stall), blocked (% of the measured time the loop was blocked)';

/** The threshold a probe run gets unless it is switched off: a stalled event loop fails the run. */
export const STALL_THRESHOLD = 'stall==0';

export function parseThreshold(expr: string): Threshold {
  const m = /^\s*([a-z_0-9]+)\s*(<=|>=|==|<|>)\s*(\d+(?:\.\d+)?)\s*(ms|s|%)?\s*$/i.exec(expr);
  if (!m) throw new Error(`threshold "${expr}" is not of the form metric<value (e.g. p95<800ms, errors<1%, rps>50)`);
  const metric = m[1].toLowerCase();
  const op = m[2] as Op;
  let value = Number(m[3]);
  const unit = m[4]?.toLowerCase();
  const isTime = PERCENTILE.test(metric);
  if (!isTime && !['errors', 'rps', 'inflight', 'stall', 'blocked'].includes(metric)) throw new Error(`threshold "${expr}": unknown metric "${metric}"; use ${METRICS}`);
  if (isTime) {
    if (unit === '%') throw new Error(`threshold "${expr}": a latency takes ms or s, not %`);
    if (unit === 's') value *= 1000;
  } else if (unit === 'ms' || unit === 's') {
    throw new Error(`threshold "${expr}": ${metric} is not a time`);
  } else if (unit === '%' && metric !== 'errors' && metric !== 'blocked') {
    throw new Error(`threshold "${expr}": only errors and blocked take a percentage`);
  } else if (metric === 'blocked' && unit !== '%') {
    throw new Error(`threshold "${expr}": blocked is a share of the measured time, e.g. blocked<5%`);
  } else if (metric === 'stall' && !(value === 0 || value === 1)) {
    throw new Error(`threshold "${expr}": stall is 0 (no stall) or 1 (stalled), e.g. stall==0`);
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
  // No probe, or a probe that could not measure: nothing to compare.
  if (t.metric === 'stall') return report.probe?.measured ? (report.probe.stalled ? 1 : 0) : null;
  // Runtime attribution missing (no app started by Loopsafe, sampler off or failed): not measured.
  if (t.metric === 'blocked') return report.attribution?.available ? report.attribution.blockedShare * 100 : null;
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

/**
 * The thresholds a finished run is judged by: the ones asked for, plus `stall==0` when a probe measured
 * the loop and stalls were not allowed (`failOnStall: false`) or already judged by an explicit `stall` one.
 */
export function thresholdsFor(options: Pick<LoadTestOptions, 'thresholds' | 'failOnStall'>, report: LoadTestReport): string[] {
  const list = [...options.thresholds];
  const explicit = list.some((e) => parseThreshold(e).metric === 'stall');
  if (!explicit && options.failOnStall !== false && report.probe?.measured) list.push(STALL_THRESHOLD);
  return list;
}

/** Sets `thresholds` and `pass` of a report (again after runtime attribution is attached to it). */
export function judgeReport(report: LoadTestReport, options: Pick<LoadTestOptions, 'thresholds' | 'failOnStall'>): LoadTestReport {
  report.thresholds = evaluateThresholds(thresholdsFor(options, report), report);
  // A run that completed nothing, or had to stop early (server gone, cancelled), cannot pass.
  report.pass = report.thresholds.every((t) => t.pass) && report.completed > 0 && !report.stoppedReason;
  return report;
}
