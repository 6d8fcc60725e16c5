// Fixes applied to files from the CLI (`check --fix`, `--diff`): safe (or also unsafe) fixes, applied,
// re-analysed and applied again until nothing changes (bounded); a file whose fixed text no longer parses,
// whose fix left its finding in place or whose fixes never settle is restored and named.

import * as path from 'path';
import type { Workspace } from '../index/workspace';
import { normalizedCode } from '../baseline/fingerprint';
import type { Finding, Fix, TextEdit } from '../types';
import { applyEdits, offsetAt } from './apply';
import { mergeFixes, safeFixOf } from './fix-all';

export interface FixFilesOptions {
  /** Apply unsafe fixes too (the finding's preferred fix, whatever its safety). */
  unsafe?: boolean;
  /** Rounds of fix, re-analyse (default 10). */
  maxPasses?: number;
  /** Whether a text parses (default: the engine's parsers, no error nodes). */
  parses?: (file: string, text: string) => boolean;
}

export interface FixFilesOutcome {
  /** Files whose fixed text is kept: before and after. */
  changed: Map<string, { before: string; after: string }>;
  /** Files left as they were, with the reason. */
  rejected: { file: string; reason: string }[];
  /** Fixes applied to the files kept. */
  applied: number;
  /** Passes that changed something. */
  passes: number;
}

/** The fix `--fix` applies for a finding: safe ones only unless `unsafe`. */
export function fixToApply(finding: Finding, unsafe: boolean): Fix | undefined {
  if (unsafe) return finding.fixes.find((x) => x.preferred) ?? finding.fixes[0];
  return safeFixOf(finding);
}

const editKey = (e: TextEdit): string => `${e.file}\u0000${e.range.start.line}:${e.range.start.character}\u0000${e.range.end.line}:${e.range.end.character}\u0000${e.newText}`;

/**
 * The fixes that apply together and their edits, by fix-all's merge (identical edits shared, a fix
 * overlapping a taken one left for the next pass): a fix is taken when every edit of it is in the merge.
 */
export function compatibleFixes(fixes: Fix[]): { fixes: Fix[]; edits: TextEdit[] } {
  const { edits } = mergeFixes(fixes);
  const taken = new Set(edits.map(editKey));
  return { fixes: fixes.filter((f) => f.edits.every((e) => taken.has(editKey(e)))), edits };
}

/**
 * Fixes the findings of `files` in the workspace (whose texts are updated to the fixed ones; nothing is
 * written to disk). Files edited by one fix stand or fall together.
 */
export function fixFiles(ws: Workspace, files: string[], options: FixFilesOptions = {}): FixFilesOutcome {
  const maxPasses = options.maxPasses ?? 10;
  const unsafe = options.unsafe ?? false;
  const originals = new Map<string, string>();
  const blocked = new Map<string, string>();
  const parent = new Map<string, string>();
  const find = (f: string): string => {
    let p = parent.get(f) ?? f;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p)!;
    return p;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  const appliedIn = new Map<string, number>();
  const reject = (file: string, reason: string) => {
    const root = find(file);
    for (const f of originals.keys()) {
      if (find(f) !== root || blocked.has(f)) continue;
      blocked.set(f, f === file ? reason : `restored with ${path.basename(file)}: ${reason}`);
      ws.upsert(f, originals.get(f)!);
    }
    if (!blocked.has(file)) blocked.set(file, reason);
  };
  const targets = files.filter((f) => ws.has(f));
  const keyOf = (f: Finding, names: Map<string, string[]>, all: Finding[]): string => {
    const text = ws.text(f.file) ?? '';
    const i = all.indexOf(f);
    return `${f.rule}\u0000${names.get(f.file)?.[i] ?? ''}\u0000${normalizedCode(text, f)}`;
  };
  /** Per file: its findings, and how many findings share each fingerprint (rule, function, code). */
  const census = (file: string): { findings: Finding[]; counts: Map<string, number>; keys: string[] } => {
    const findings = ws.isExcluded(file) ? [] : (ws.analyze(file)?.findings ?? []);
    const names = new Map([[file, ws.engine.enclosingNames(file, ws.text(file) ?? '', findings)]]);
    const keys = findings.map((f) => keyOf(f, names, findings));
    const counts = new Map<string, number>();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    return { findings, counts, keys };
  };

  /**
   * Where each finding of the last census lies after the pass's edits, by fingerprint: an offset outside the
   * edits moves with them, one inside (or at the edge of) an edit may be anywhere in its new text. A finding
   * after the pass outside every such place is a new one (another fix built a second client like the first),
   * not the old one surviving its fix, even when the two share a fingerprint.
   */
  const whereAfter = (text: string, findings: Finding[], keys: string[], edits: TextEdit[]): Map<string, [number, number][]> => {
    const spans = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), len: e.newText.length })).sort((a, b) => a.start - b.start);
    const out = new Map<string, [number, number][]>();
    findings.forEach((f, i) => {
      const off = offsetAt(text, f.range.start);
      let delta = 0;
      let place: [number, number] | undefined;
      for (const s of spans) {
        if (s.end < off) delta += s.len - (s.end - s.start);
        else if (s.start <= off) {
          place = [s.start + delta, s.start + delta + s.len];
          break;
        } else break;
      }
      out.set(keys[i], [...(out.get(keys[i]) ?? []), place ?? [off + delta, off + delta]]);
    });
    return out;
  };
  const surviving = new Map<string, Map<string, [number, number][]>>();
  /** Texts before the last pass, for the files it changed; and how many fixes it applied per finding's file. */
  let beforePass = new Map<string, string>();
  let appliedPass = new Map<string, number>();
  /**
   * A fix applied in one pass with others may fail because another fix changed what it relies on (a retry fix
   * raising the attempts a server-limit timeout was fitted to). Its pass is undone for the files it edited
   * together, and made again without it; its finding gets a fix of its own on the next text. Once only.
   */
  const deferred = new Set<string>();
  const deferredOnce = new Set<string>();

  let passes = 0;
  let pending: { file: string; key: string; before: number; fixed: number }[] = [];
  for (;;) {
    const fixes: { fix: Fix; finding: Finding; key: string }[] = [];
    const counts = new Map<string, Map<string, number>>();
    const censuses = new Map<string, ReturnType<typeof census>>();
    for (const file of targets) {
      if (blocked.has(file)) continue;
      const c = census(file);
      counts.set(file, c.counts);
      censuses.set(file, c);
      c.findings.forEach((f, i) => {
        const fix = fixToApply(f, unsafe);
        if (deferred.has(`${file}\u0001${c.keys[i]}`)) return;
        if (fix && fix.edits.length > 0 && !fix.edits.some((e) => blocked.has(e.file))) fixes.push({ fix, finding: f, key: c.keys[i] });
      });
    }
    deferred.clear();
    // The findings fixed in the last pass must be gone (one fewer per fix with that fingerprint).
    const undo = new Set<string>();
    for (const p of pending) {
      if (blocked.has(p.file)) continue;
      const places = surviving.get(p.file)?.get(p.key);
      const c = censuses.get(p.file);
      const text = ws.text(p.file) ?? '';
      const now = places && c
        ? c.findings.filter((f, i) => c.keys[i] === p.key && places.some(([a, b]) => { const o = offsetAt(text, f.range.start); return o >= a && o <= b; })).length
        : (counts.get(p.file)?.get(p.key) ?? 0);
      if (now <= p.before - p.fixed) continue;
      const id = `${p.file}\u0001${p.key}`;
      const root = find(p.file);
      const together = [...appliedPass].filter(([f]) => find(f) === root).reduce((n, [, k]) => n + k, 0);
      if (together > p.fixed && !deferredOnce.has(id)) {
        deferredOnce.add(id);
        deferred.add(id);
        undo.add(root);
      } else reject(p.file, `a fix did not remove its finding (${p.key.split('\u0000')[0]})`);
    }
    if (undo.size > 0) {
      for (const [file, text] of beforePass) {
        if (!undo.has(find(file)) || blocked.has(file)) continue;
        ws.upsert(file, text);
        appliedIn.set(file, (appliedIn.get(file) ?? 0) - (appliedPass.get(file) ?? 0));
        appliedPass.delete(file);
      }
      pending = []; // the other groups' fixes were checked above; the undone ones are made again
      beforePass = new Map();
      if (passes++ >= maxPasses) break;
      continue;
    }
    const live = fixes.filter((x) => !x.fix.edits.some((e) => blocked.has(e.file)) && !blocked.has(x.finding.file));
    if (live.length === 0) break;
    if (passes >= maxPasses) {
      for (const x of live) if (originals.has(x.finding.file)) reject(x.finding.file, `fixes did not settle after ${maxPasses} passes`);
      break;
    }
    const { fixes: chosen, edits } = compatibleFixes(live.map((x) => x.fix));
    const byFile = new Map<string, TextEdit[]>();
    for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
    let changed = false;
    const next = new Map<string, string>();
    for (const [file, fileEdits] of byFile) {
      const text = ws.text(file);
      if (text === undefined) continue;
      try {
        const fixed = applyEdits(text, fileEdits);
        if (fixed !== text) next.set(file, fixed);
      } catch {
        reject(file, 'its fixes overlap');
      }
    }
    pending = [];
    surviving.clear();
    for (const [file, c] of censuses) surviving.set(file, whereAfter(ws.text(file) ?? '', c.findings, c.keys, next.has(file) ? (byFile.get(file) ?? []) : []));
    const chosenSet = new Set(chosen);
    beforePass = new Map([...next.keys()].filter((f) => !blocked.has(f)).map((f) => [f, ws.text(f)!]));
    appliedPass = new Map();
    const fixedPerKey = new Map<string, { file: string; key: string; fixed: number }>();
    for (const x of live) {
      if (!chosenSet.has(x.fix) || x.fix.edits.some((e) => !next.has(e.file) || blocked.has(e.file))) continue;
      const files = new Set(x.fix.edits.map((e) => e.file));
      for (const f of files) union(f, x.finding.file);
      appliedIn.set(x.finding.file, (appliedIn.get(x.finding.file) ?? 0) + 1);
      appliedPass.set(x.finding.file, (appliedPass.get(x.finding.file) ?? 0) + 1);
      const id = `${x.finding.file}\u0001${x.key}`;
      const entry = fixedPerKey.get(id) ?? { file: x.finding.file, key: x.key, fixed: 0 };
      entry.fixed++;
      fixedPerKey.set(id, entry);
    }
    for (const [file, text] of next) {
      if (blocked.has(file)) continue;
      if (!originals.has(file)) originals.set(file, ws.text(file)!);
      ws.upsert(file, text);
      changed = true;
    }
    for (const e of fixedPerKey.values()) pending.push({ ...e, before: counts.get(e.file)?.get(e.key) ?? e.fixed });
    if (!changed) break;
    passes++;
  }

  // The fixed text must still parse (when the original did).
  for (const [file, before] of originals) {
    if (blocked.has(file)) continue;
    const after = ws.text(file)!;
    const parses = options.parses ?? ((f: string, t: string) => ws.engine.parsesCleanly(f, t));
    if (parses(file, before) && !parses(file, after)) reject(file, 'the fixed text no longer parses');
  }
  const changed = new Map<string, { before: string; after: string }>();
  let applied = 0;
  for (const [file, before] of originals) {
    if (blocked.has(file)) continue;
    const after = ws.text(file)!;
    if (after !== before) changed.set(file, { before, after });
    applied += appliedIn.get(file) ?? 0;
  }
  const rejected = [...blocked].filter(([f]) => originals.has(f) || targets.includes(f)).map(([file, reason]) => ({ file, reason }));
  return { changed, rejected, applied, passes };
}

