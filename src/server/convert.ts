// Conversions between engine data (paths, findings, fixes) and LSP types (URIs, diagnostics, edits).

import { fileURLToPath, pathToFileURL } from 'url';
import { DiagnosticSeverity, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Finding, Range, Severity, TextEdit } from '../engine/api';
import type { DiagnosticData } from '../shared/protocol';

const UNTITLED_EXT: Record<string, string> = { python: '.py', javascript: '.js', typescript: '.ts', typescriptreact: '.tsx', javascriptreact: '.jsx' };

/** File path for a document URI; untitled buffers get a stable stand-in path with their language's extension. */
export function uriToPath(uri: string, languageId = ''): string | undefined {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }
  if (uri.startsWith('untitled:')) return `/__untitled__/${encodeURIComponent(uri.slice(9))}${UNTITLED_EXT[languageId] ?? ''}`;
  return undefined;
}

export function pathToUri(file: string, known?: Map<string, string>): string {
  return known?.get(file) ?? pathToFileURL(file).toString();
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Engine ranges to the client's: they differ where the client's buffer holds a character the engine was not given (a BOM). */
export type RangeMap = (file: string, range: Range) => Range;
const same: RangeMap = (_file, range) => range;

/** Shifts positions on the first line by one character: the client's buffer starts with a BOM the engine does not see. */
export function afterBom(range: Range): Range {
  const shift = (p: Range['start']) => (p.line === 0 ? { line: 0, character: p.character + 1 } : p);
  return { start: shift(range.start), end: shift(range.end) };
}

/** A diagnostic for a finding; its fixes (in `data`) are already in the client's positions. */
export function toDiagnostic(f: Finding, uriOf: (file: string) => string, toClient: RangeMap = same): Diagnostic {
  const fixes = toClient === same ? f.fixes : f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, range: toClient(e.file, e.range) })) }));
  const data: DiagnosticData = { rule: f.rule, fixes };
  return {
    range: toClient(f.file, f.range),
    severity: SEVERITY[f.severity],
    source: 'loopsafe',
    code: f.rule,
    message: f.message,
    relatedInformation: f.related.map((r) => ({ location: { uri: uriOf(r.location.file), range: toClient(r.location.file, r.location.range) }, message: r.message })),
    data,
  };
}

export function toWorkspaceEdit(edits: TextEdit[], uriOf: (file: string) => string, toClient: RangeMap = same): WorkspaceEdit {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const e of edits) (changes[uriOf(e.file)] ??= []).push({ range: toClient(e.file, e.range), newText: e.newText });
  return { changes };
}
