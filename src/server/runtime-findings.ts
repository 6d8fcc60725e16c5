// Findings from a load test's runtime sampler, kept by the language server: `blocked-at-runtime` diagnostics for
// blocking lines no static finding predicted, and "confirmed at runtime" on the static findings that did.
// A file's entries are dropped when its text changes; each run replaces the previous run's entries.

import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import { isSuppressed, type Finding, type SeveritySetting } from '../engine/api';
import { matchPredictions } from '../loadtest/attribution';
import type { BlockedRow } from '../loadtest/types';
import type { DiagnosticData, RuntimeBlocksParams } from '../shared/protocol';

export const RUNTIME_RULE = 'blocked-at-runtime';

interface Entry {
  /** The file's text when the run was reported: a change clears the entry. */
  text: string | undefined;
  rows: BlockedRow[];
  run: string;
}

const SEVERITY: Record<string, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };

function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

function pct(share: number): string {
  const p = share * 100;
  return `${p >= 10 ? Math.round(p) : Math.round(p * 10) / 10}%`;
}

/** Normalizes rows from the client (never trusted): absolute files, positive lines, finite numbers. */
export function normalizeRows(raw: unknown): BlockedRow[] {
  if (!Array.isArray(raw)) return [];
  const out: BlockedRow[] = [];
  for (const r of raw.slice(0, 500)) {
    if (!r || typeof r !== 'object') continue;
    const o = r as Record<string, unknown>;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
    if (typeof o.file !== 'string' || !o.file.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(o.file)) continue;
    const line = Math.floor(num(o.line));
    if (line < 1) continue;
    out.push({
      file: o.file,
      line,
      function: typeof o.function === 'string' ? o.function.slice(0, 200) : '?',
      ms: num(o.ms),
      share: Math.min(1, num(o.share)),
      count: Math.floor(num(o.count)),
      maxMs: num(o.maxMs),
      call: typeof o.call === 'string' ? o.call.slice(0, 200) : null,
      predicted: null,
    });
  }
  return out;
}

export class RuntimeFindings {
  private byFile = new Map<string, Entry>();

  /**
   * A run's rows: matched against the static findings of their files (`findingsOf`), stored, and returned
   * with `predicted` set. Files whose entries change (added or dropped) are returned to be published again.
   */
  update(params: RuntimeBlocksParams, findingsOf: (file: string) => Finding[], textOf: (file: string) => string | undefined): { rows: BlockedRow[]; touched: string[] } {
    const rows = normalizeRows(params?.rows);
    const run = typeof params?.run === 'string' ? params.run.slice(0, 200) : 'a load test';
    const files = [...new Set(rows.map((r) => r.file))];
    const findings = files.flatMap((f) => findingsOf(f));
    matchPredictions(rows, findings);
    const touched = new Set(this.byFile.keys());
    this.byFile.clear();
    for (const file of files) {
      this.byFile.set(file, { text: textOf(file), rows: rows.filter((r) => r.file === file), run });
      touched.add(file);
    }
    return { rows, touched: [...touched] };
  }

  clear(): string[] {
    const files = [...this.byFile.keys()];
    this.byFile.clear();
    return files;
  }

  /**
   * Diagnostics for one file to publish beside its static ones: confirmed static findings get a note and a
   * related location; unpredicted rows become `blocked-at-runtime`. The entry goes when the text changed.
   */
  decorate(file: string, diagnostics: Diagnostic[], text: string | undefined, severity: SeveritySetting | undefined, uri: string, toClient: (range: Range) => Range = (r) => r): Diagnostic[] {
    const entry = this.byFile.get(file);
    if (!entry) return diagnostics;
    if (entry.text !== text) {
      this.byFile.delete(file);
      return diagnostics;
    }
    const out = [...diagnostics];
    for (const row of entry.rows) {
      const where = `${fmtMs(row.ms)} blocked (${pct(row.share)} of the run, ${row.count} block${row.count === 1 ? '' : 's'}, longest ${fmtMs(row.maxMs)})${row.call ? ` in \`${row.call}\`` : ''} during ${entry.run}`;
      if (row.predicted) {
        for (const [i, d] of out.entries()) {
          if (d.code !== row.predicted || row.line - 1 < d.range.start.line || row.line - 1 > d.range.end.line) continue;
          out[i] = {
            ...d,
            message: `${d.message} Confirmed at runtime: ${where}.`,
            relatedInformation: [...(d.relatedInformation ?? []), { location: { uri, range: { start: { line: row.line - 1, character: 0 }, end: { line: row.line - 1, character: 0 } } }, message: `confirmed at runtime: ${where}` }],
          };
        }
        continue;
      }
      if (severity === 'off') continue;
      const lines = text?.split('\n') ?? [];
      if (isSuppressed(lines, row.line - 1, RUNTIME_RULE as never)) continue;
      const lineText = lines[row.line - 1] ?? '';
      const start = Math.max(0, lineText.length - lineText.trimStart().length);
      const data: DiagnosticData = { rule: RUNTIME_RULE, fixes: [] };
      out.push({
        range: toClient({ start: { line: row.line - 1, character: start }, end: { line: row.line - 1, character: Math.max(start, lineText.trimEnd().length) } }),
        severity: SEVERITY[severity ?? 'warning'] ?? DiagnosticSeverity.Warning,
        source: 'loopsafe',
        code: RUNTIME_RULE,
        message: `The event loop was blocked here at runtime and no static finding predicted it: ${where}. Move this work off the loop (asyncio.to_thread, an async client, fs.promises).`,
        data,
      });
    }
    return out;
  }
}
