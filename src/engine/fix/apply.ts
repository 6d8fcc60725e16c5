// Applies text edits to a string (fix snapshots, the CLI, tests). Edits must not overlap.

import type { Position, TextEdit } from '../types';

export function offsetAt(text: string, pos: Position): number {
  let line = 0;
  let offset = 0;
  while (line < pos.line) {
    const nl = text.indexOf('\n', offset);
    if (nl === -1) return text.length;
    offset = nl + 1;
    line++;
  }
  const lineEnd = text.indexOf('\n', offset);
  const max = lineEnd === -1 ? text.length : lineEnd;
  return Math.min(offset + pos.character, max);
}

export function applyEdits(text: string, edits: Pick<TextEdit, 'range' | 'newText'>[]): string {
  const resolved = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let lastStart = Infinity;
  for (const e of resolved) {
    if (e.end > lastStart) throw new Error('overlapping edits');
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    lastStart = e.start;
  }
  return out;
}
