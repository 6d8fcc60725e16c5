// Fix-all: the safe fix of every finding, merged (identical edits, such as one `import asyncio` wanted by
// two fixes, count once) and repeated on the re-analysed result until nothing is left to fix (bounded).

import type { Finding, Fix, RuleId, TextEdit } from '../types';
import type { Workspace } from '../index/workspace';
import { applyEdits } from './apply';
import { diffEdits } from './diff-edits';

/** The fix fix-all applies for a finding: its preferred fix when that is safe, else its first safe fix. */
export function safeFixOf(finding: Finding): Fix | undefined {
  return finding.fixes.find((x) => x.safety === 'safe' && x.preferred) ?? finding.fixes.find((x) => x.safety === 'safe');
}

interface Span {
  edit: TextEdit;
  key: string;
  s: number;
  e: number;
}

const posKey = (p: { line: number; character: number }): number => p.line * 1e7 + p.character;

/** Two edits of one file that cannot both be applied unambiguously: overlapping, or an insertion touching the other. */
function conflicts(a: Span, b: Span): boolean {
  if (a.edit.file !== b.edit.file) return false;
  if (a.s === a.e || b.s === b.e) return a.s <= b.e && b.s <= a.e;
  return a.s < b.e && b.s < a.e;
}

/**
 * The edits of `fixes` that apply together, in order: an edit identical to one already taken is shared
 * (not a conflict); a fix with an edit that conflicts with a taken one is left for the next pass.
 */
export function mergeFixes(fixes: Fix[]): { edits: TextEdit[]; applied: number; deferred: number } {
  const taken: Span[] = [];
  const keys = new Set<string>();
  let applied = 0;
  let deferred = 0;
  for (const fix of fixes) {
    const spans: Span[] = fix.edits.map((edit) => ({
      edit,
      key: `${edit.file}\u0000${posKey(edit.range.start)}\u0000${posKey(edit.range.end)}\u0000${edit.newText}`,
      s: posKey(edit.range.start),
      e: posKey(edit.range.end),
    }));
    const fresh = spans.filter((sp, i) => !keys.has(sp.key) && spans.findIndex((o) => o.key === sp.key) === i);
    if (fresh.some((a) => taken.some((b) => conflicts(a, b)))) {
      deferred++;
      continue;
    }
    applied++;
    for (const sp of fresh) {
      keys.add(sp.key);
      taken.push(sp);
    }
  }
  return { edits: taken.map((t) => t.edit), applied, deferred };
}

export interface FixAllOptions {
  /** Only findings of this rule. */
  rule?: RuleId;
  /** Rounds of fix, re-analyse (default 5). */
  maxPasses?: number;
}

export interface FixAllResult {
  /** Edits from the current texts to the fixed ones (per file, by line hunks). */
  edits: TextEdit[];
  /** Passes that changed something. */
  passes: number;
  /** False when fixable findings were still left after the last pass. */
  converged: boolean;
}

/**
 * Applies the safe fixes of `file`'s findings, re-analyses and repeats until no safe fix is left or
 * `maxPasses` ran. The workspace is left as it was; the result is the edit from the current texts.
 */
export function fixAll(ws: Workspace, file: string, options: FixAllOptions = {}): FixAllResult {
  const maxPasses = options.maxPasses ?? 5;
  const original = new Map<string, string>();
  const current = new Map<string, string>();
  let passes = 0;
  let converged = false;
  try {
    for (;;) {
      const result = ws.analyze(file);
      const fixes = (result?.findings ?? [])
        .filter((f) => !options.rule || f.rule === options.rule)
        .map(safeFixOf)
        .filter((x): x is Fix => x !== undefined);
      const { edits } = mergeFixes(fixes);
      if (edits.length === 0) {
        converged = true;
        break;
      }
      if (passes >= maxPasses) break;
      const byFile = new Map<string, TextEdit[]>();
      for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
      const next = new Map<string, string>();
      for (const [f, fileEdits] of byFile) {
        const text = current.get(f) ?? ws.text(f);
        if (text === undefined) continue;
        let fixed: string;
        try {
          fixed = applyEdits(text, fileEdits);
        } catch {
          continue; // one fix's own edits overlap: leave that file as it is
        }
        if (fixed !== text) next.set(f, fixed);
      }
      if (next.size === 0) break;
      passes++;
      for (const [f, text] of next) {
        if (!original.has(f)) original.set(f, ws.text(f)!);
        current.set(f, text);
        ws.upsert(f, text);
      }
    }
  } finally {
    for (const [f, text] of original) ws.upsert(f, text);
  }
  const edits: TextEdit[] = [];
  for (const [f, text] of current) edits.push(...diffEdits(f, original.get(f)!, text));
  return { edits, passes, converged };
}
