// The edits turning one text into another, as line hunks (Myers' diff over lines), so an editor applying
// a multi-pass fix-all moves only the changed lines and keeps cursors and markers elsewhere.

import type { Position, TextEdit } from '../types';

/** Lines with their terminators (`\n`, so `\r\n` stays whole); the last one may have none. */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const nl = text.indexOf('\n', at);
    if (nl === -1) {
      if (at < text.length) out.push(text.slice(at));
      return out;
    }
    out.push(text.slice(at, nl + 1));
    at = nl + 1;
  }
}

/** Edit scripts longer than this fall back to one hunk for the changed middle. */
const MAX_D = 400;

/** Pairs of (index in a, index in b) of lines kept, by Myers' O(ND) algorithm; undefined past MAX_D. */
function commonLines(a: string[], b: string[]): [number, number][] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_D);
  const off = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const nv = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) (x++, y++);
      nv[off + k] = x;
      if (x >= n && y >= m) {
        trace.push(nv);
        return backtrack(trace, a.length, b.length, off);
      }
    }
    v = nv;
  }
  return undefined;
}

function backtrack(trace: Int32Array[], n: number, m: number, off: number): [number, number][] {
  const pairs: [number, number][] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const v = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : v[off + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) pairs.push([--x, --y]);
    if (d > 0) {
      x = prevX;
      y = prevY;
    }
  }
  return pairs.reverse();
}

/** A changed block: lines [a0, a1) of `a` become lines [b0, b1) of `b`. */
export interface LineHunk {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** The changed blocks between two line lists, in order (common prefix and suffix trimmed first). */
export function lineHunks(a: string[], b: string[]): LineHunk[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const midA = a.slice(pre, a.length - suf);
  const midB = b.slice(pre, b.length - suf);
  const kept = commonLines(midA, midB) ?? [];
  const hunks: LineHunk[] = [];
  let ia = 0;
  let ib = 0;
  for (const [ka, kb] of [...kept, [midA.length, midB.length] as [number, number]]) {
    if (ka > ia || kb > ib) hunks.push({ a0: pre + ia, a1: pre + ka, b0: pre + ib, b1: pre + kb });
    ia = ka + 1;
    ib = kb + 1;
  }
  return hunks;
}

/** Edits (line hunks) turning `before` into `after` in `file`. */
export function diffEdits(file: string, before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  const pos = (line: number): Position => {
    // Past the last line (no terminator): its end.
    if (line >= a.length && a.length > 0 && !a[a.length - 1].endsWith('\n')) return { line: a.length - 1, character: a[a.length - 1].length };
    return { line, character: 0 };
  };
  return lineHunks(a, b).map((h) => ({ file, range: { start: pos(h.a0), end: pos(h.a1) }, newText: b.slice(h.b0, h.b1).join('') }));
}
