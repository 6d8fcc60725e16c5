// Suppression comments: `# loopsafe: ignore[rule-id]` (Python) or `// loopsafe: ignore[rule-id]`
// on the finding's line or the line above; `ignore` without a list silences every rule.

import type { Language, RuleId, TextEdit } from '../types';

const MARK = /loopsafe:\s*ignore(?:\[([a-z0-9,\s-]*)\])?/;

function lineSuppresses(line: string | undefined, rule: RuleId): boolean {
  if (!line) return false;
  const m = MARK.exec(line);
  if (!m) return false;
  if (m[1] === undefined) return true;
  return m[1].split(',').map((s) => s.trim()).includes(rule);
}

export function isSuppressed(lines: string[], line: number, rule: RuleId): boolean {
  if (lineSuppresses(lines[line], rule)) return true;
  const above = lines[line - 1];
  // The line above counts only when it is a comment line of its own.
  return above !== undefined && /^\s*(#|\/\/)/.test(above) && lineSuppresses(above, rule);
}

/** Edit that adds (or extends) the suppression comment at the end of `line`. */
export function suppressionEdit(file: string, text: string, language: Language, line: number, rule: RuleId): TextEdit {
  const lines = text.split('\n');
  const current = (lines[line] ?? '').replace(/\r$/, '');
  const m = MARK.exec(current);
  if (m && m[1] !== undefined && m.index !== undefined) {
    const listStart = m.index + m[0].indexOf('[') + 1;
    const listEnd = m.index + m[0].length - 1;
    const ids = m[1].split(',').map((s) => s.trim()).filter(Boolean);
    if (!ids.includes(rule)) ids.push(rule);
    return { file, range: { start: { line, character: listStart }, end: { line, character: listEnd } }, newText: ids.join(', ') };
  }
  const comment = language === 'python' ? '#' : '//';
  const pad = current.trimEnd().length;
  return {
    file,
    range: { start: { line, character: pad }, end: { line, character: current.length } },
    newText: `  ${comment} loopsafe: ignore[${rule}]`,
  };
}
