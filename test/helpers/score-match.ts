// Matching of labels to findings and precision/recall arithmetic shared by the accuracy scorers
// (`npm run corpus` on our own apps, `npm run corpus:real` on real public apps).

/** A ground-truth label: a finding of `rule` should start on `line` of `file`. */
export interface Label {
  file: string;
  /** 0-based. */
  line: number;
  rule: string;
  /** Shown when the label is missed: the reason written with it, or the labelled source line. */
  note: string;
}

/** A finding reduced to what is matched. */
export interface Found {
  file: string;
  /** 0-based. */
  line: number;
  rule: string;
  message: string;
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** One unmatched finding (FP) or label (FN) of an app. */
export interface MatchMiss {
  kind: 'FP' | 'FN';
  file: string;
  /** 1-based. */
  line: number;
  rule: string;
  /** The engine's message (FP) or the label's note (FN). */
  message: string;
}

export interface Target {
  precision: number;
  recall: number;
}

export interface RuleScore extends Tally {
  precision: number | null;
  recall: number | null;
  target?: Target;
  meetsTarget?: boolean;
}

const key = (file: string, line: number, rule: string): string => `${file}\u0000${line}\u0000${rule}`;

/**
 * Multiset match on (file, line, rule): two labels of one rule on a line need two findings. Findings of
 * rules outside `scored` are ignored here (the caller counts them as not scored). Adds to `tallies`
 * (one entry per scored rule, created when absent) and returns the misses, in file/line order.
 */
export function matchFindings(labels: readonly Label[], found: readonly Found[], scored: readonly string[], tallies: Map<string, Tally>): MatchMiss[] {
  const expected = new Map<string, Label[]>();
  for (const l of labels) {
    const k = key(l.file, l.line, l.rule);
    if (!expected.has(k)) expected.set(k, []);
    expected.get(k)!.push(l);
  }
  const got = new Map<string, Found[]>();
  for (const f of found) {
    if (!scored.includes(f.rule)) continue;
    const k = key(f.file, f.line, f.rule);
    if (!got.has(k)) got.set(k, []);
    got.get(k)!.push(f);
  }
  const misses: MatchMiss[] = [];
  for (const k of new Set([...expected.keys(), ...got.keys()])) {
    const [file, lineStr, rule] = k.split('\u0000');
    const want = expected.get(k) ?? [];
    const have = got.get(k) ?? [];
    if (!tallies.has(rule)) tallies.set(rule, { tp: 0, fp: 0, fn: 0 });
    const c = tallies.get(rule)!;
    const tp = Math.min(want.length, have.length);
    c.tp += tp;
    const base = { file, line: Number(lineStr) + 1, rule };
    for (const f of have.slice(tp)) {
      c.fp++;
      misses.push({ ...base, kind: 'FP', message: f.message });
    }
    for (const l of want.slice(tp)) {
      c.fn++;
      misses.push({ ...base, kind: 'FN', message: l.note });
    }
  }
  misses.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule) || a.kind.localeCompare(b.kind));
  return misses;
}

export function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

/** Precision and recall of a tally, and whether it meets `target` (nothing labelled and nothing found meets it). */
export function ruleScore(c: Tally, target?: Target): RuleScore {
  const s: RuleScore = { tp: c.tp, fp: c.fp, fn: c.fn, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) };
  if (target) {
    s.target = target;
    s.meetsTarget = (s.precision ?? 1) >= target.precision && (s.recall ?? 1) >= target.recall;
  }
  return s;
}

/** The sum of several tallies (a group of rules, or one rule over several languages). */
export function sumTallies(tallies: Iterable<Tally | undefined>): Tally {
  const out = { tp: 0, fp: 0, fn: 0 };
  for (const t of tallies) {
    if (!t) continue;
    out.tp += t.tp;
    out.fp += t.fp;
    out.fn += t.fn;
  }
  return out;
}

export function fmt(x: number | null): string {
  return x === null ? '   —' : x.toFixed(2);
}

/** Table lines: one row per rule with TP, FP, FN, precision, recall and the target's status. */
export function ruleTable(rules: Record<string, RuleScore>, indent = '  '): string[] {
  const width = Math.max(4, ...Object.keys(rules).map((r) => r.length));
  const out = [`${indent}${'rule'.padEnd(width)}   TP   FP   FN  prec  recall  target`];
  for (const [rule, r] of Object.entries(rules)) {
    const target = r.target ? `${r.meetsTarget ? 'met' : 'MISSED'} (P≥${r.target.precision} R≥${r.target.recall})` : '';
    out.push(
      `${indent}${rule.padEnd(width)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}  ${fmt(r.precision)}    ${fmt(r.recall)}  ${target}`.trimEnd(),
    );
  }
  return out;
}
