// Conversions between engine data (paths, findings, fixes) and LSP types (URIs, diagnostics, edits).

import { fileURLToPath, pathToFileURL } from 'url';
import { DiagnosticSeverity, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Finding, Severity, TextEdit } from '../engine/api';
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

export function toDiagnostic(f: Finding, uriOf: (file: string) => string): Diagnostic {
  const data: DiagnosticData = { rule: f.rule, fixes: f.fixes };
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: 'loopsafe',
    code: f.rule,
    message: f.message,
    relatedInformation: f.related.map((r) => ({ location: { uri: uriOf(r.location.file), range: r.location.range }, message: r.message })),
    data,
  };
}

export function toWorkspaceEdit(edits: TextEdit[], uriOf: (file: string) => string): WorkspaceEdit {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const e of edits) (changes[uriOf(e.file)] ??= []).push({ range: e.range, newText: e.newText });
  return { changes };
}
