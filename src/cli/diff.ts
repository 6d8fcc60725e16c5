// Unified diffs (`loopsafe check --diff`): the engine's line hunks (Myers' diff, src/engine/fix/diff-edits.ts) printed
// with `--- a/` / `+++ b/` headers and three lines of context, as `git apply` and `patch -p1` read them.

import { lineHunks, splitLines, type LineHunk } from '../engine/fix/diff-edits';

/** The unified diff of `before` → `after` for `name` (a path relative to the project), '' when equal. */
export function unifiedDiff(name: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const A = splitLines(before);
  const B = splitLines(after);
  const out = [`--- a/${name}`, `+++ b/${name}`];
  const hunks = lineHunks(A, B);
  const print = (sign: string, text: string): void => {
    out.push(`${sign}${text.endsWith('\n') ? text.slice(0, -1) : text}`);
    if (!text.endsWith('\n')) out.push('\\ No newline at end of file');
  };
  let i = 0;
  while (i < hunks.length) {
    // Changed blocks closer than 2 × context lines share one hunk, with `context` lines around it.
    let j = i;
    while (j + 1 < hunks.length && hunks[j + 1].a0 - hunks[j].a1 <= 2 * context) j++;
    const group: LineHunk[] = hunks.slice(i, j + 1);
    const aStart = Math.max(0, group[0].a0 - context);
    const aEnd = Math.min(A.length, group[group.length - 1].a1 + context);
    const bStart = group[0].b0 - (group[0].a0 - aStart);
    const aLen = aEnd - aStart;
    const bLen = aLen + group.reduce((n, h) => n + (h.b1 - h.b0) - (h.a1 - h.a0), 0);
    out.push(`@@ -${aLen === 0 ? aStart : aStart + 1},${aLen} +${bLen === 0 ? bStart : bStart + 1},${bLen} @@`);
    let at = aStart;
    for (const h of group) {
      for (; at < h.a0; at++) print(' ', A[at]);
      for (let k = h.a0; k < h.a1; k++) print('-', A[k]);
      for (let k = h.b0; k < h.b1; k++) print('+', B[k]);
      at = h.a1;
    }
    for (; at < aEnd; at++) print(' ', A[at]);
    i = j + 1;
  }
  return out.join('\n') + '\n';
}
