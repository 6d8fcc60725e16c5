// Constant-memory latency statistics: an HDR histogram (microsecond resolution, 3 significant
// digits) for percentiles, plus coarse log buckets for the panel's histogram chart.

import * as hdr from 'hdr-histogram-js';
import type { Percentiles } from './types';

/** Upper bounds (ms) of the chart buckets: 1-2-5 steps from 1 ms to 10 min. */
export const BUCKET_BOUNDS: number[] = (() => {
  const out: number[] = [];
  for (let decade = 1; decade <= 100_000; decade *= 10) for (const step of [1, 2, 5]) out.push(decade * step);
  out.push(600_000);
  return out;
})();

export class LatencyStats {
  private readonly histogram = hdr.build({ bitBucketSize: 32, numberOfSignificantValueDigits: 3, autoResize: true, lowestDiscernibleValue: 1 });
  private readonly buckets = new Array<number>(BUCKET_BOUNDS.length + 1).fill(0);
  count = 0;

  record(ms: number): void {
    const us = Math.max(1, Math.round(ms * 1000));
    this.histogram.recordValue(us);
    this.count++;
    this.buckets[bucketOf(ms)]++;
  }

  /** Percentiles in milliseconds (zeros when nothing was recorded). */
  percentiles(): Percentiles {
    if (this.count === 0) return { p50: 0, p90: 0, p95: 0, p99: 0, max: 0 };
    const at = (p: number) => round(this.histogram.getValueAtPercentile(p) / 1000);
    return { p50: at(50), p90: at(90), p95: at(95), p99: at(99), max: round(this.histogram.maxValue / 1000) };
  }

  /** Non-empty chart buckets as [upper bound ms, count] (the last bound is the overflow). */
  chartBuckets(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    this.buckets.forEach((n, i) => {
      if (n > 0) out.push([BUCKET_BOUNDS[i] ?? Infinity, n]);
    });
    return out;
  }

  reset(): void {
    this.histogram.reset();
    this.buckets.fill(0);
    this.count = 0;
  }

  destroy(): void {
    this.histogram.destroy();
  }
}

function bucketOf(ms: number): number {
  let lo = 0;
  let hi = BUCKET_BOUNDS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (BUCKET_BOUNDS[mid] < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Milliseconds rounded to 0.1 ms (and to whole ms above 100 ms), for reports people read. */
export function round(ms: number): number {
  return ms >= 100 ? Math.round(ms) : Math.round(ms * 10) / 10;
}

/** Median of a small list of numbers (0 for an empty one). */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
