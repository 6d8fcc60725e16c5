// A small unified-diff writer for fix snapshots (line-based LCS, two lines of context).

export function unifiedDiff(before: string, after: string, context = 2): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  type Op = { kind: ' ' | '-' | '+'; text: string; ai: number; bi: number };
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: ' ', text: a[i], ai: i++, bi: j++ });
    else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ kind: '-', text: a[i], ai: i++, bi: j });
    else ops.push({ kind: '+', text: b[j], ai: i, bi: j++ });
  }
  const out: string[] = [];
  let k = 0;
  while (k < ops.length) {
    if (ops[k].kind === ' ') {
      k++;
      continue;
    }
    let startK = Math.max(0, k - context);
    let endK = k;
    while (endK < ops.length) {
      if (ops[endK].kind !== ' ') {
        endK++;
        continue;
      }
      let run = 0;
      while (endK + run < ops.length && ops[endK + run].kind === ' ') run++;
      if (endK + run >= ops.length || run > context * 2) {
        endK = Math.min(ops.length, endK + context);
        break;
      }
      endK += run;
    }
    const hunk = ops.slice(startK, endK);
    const aStart = hunk[0].ai + 1;
    const bStart = hunk[0].bi + 1;
    const aLen = hunk.filter((o) => o.kind !== '+').length;
    const bLen = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${aStart},${aLen} +${bStart},${bLen} @@`);
    for (const o of hunk) out.push(`${o.kind}${o.text}`);
    k = endK;
    startK = k;
  }
  return out.join('\n');
}
