// Suppression comments: `# loopsafe: ignore[rule-id]` (Python) or `// loopsafe: ignore[rule-id]`
// on the finding's line or the line above; `ignore` without a list silences every rule.

import type { Node } from '../parse/parser';
import type { Language, RuleId, TextEdit } from '../types';

const MARK = /loopsafe:\s*ignore(?:\[([a-z0-9,\s-]*)\])?/;

function lineSuppresses(line: string | undefined, rule: RuleId): boolean {
  if (!line) return false;
  const m = MARK.exec(line);
  if (!m) return false;
  if (m[1] === undefined) return true;
  return m[1].split(',').map((s) => s.trim()).includes(rule);
}

/** The line above counts only when it is a comment line of its own. */
function commentAbove(lines: string[], line: number, rule: RuleId): boolean {
  const above = lines[line - 1];
  return above !== undefined && /^\s*(#|\/\/)/.test(above) && lineSuppresses(above, rule);
}

/** A physical line continued by a backslash (Python): it and the next form one line. */
const continues = (line: string | undefined): boolean => line !== undefined && /\\\r?$/.test(line);

export function isSuppressed(lines: string[], line: number, rule: RuleId): boolean {
  if (lineSuppresses(lines[line], rule) || commentAbove(lines, line, rule)) return true;
  // Lines joined by backslashes are one line: the comment can only end its last one, or sit above its first.
  let first = line;
  while (first > 0 && continues(lines[first - 1])) first--;
  let last = line;
  while (last < lines.length - 1 && continues(lines[last])) last++;
  return (last !== line && lineSuppresses(lines[last], rule)) || (first !== line && commentAbove(lines, first, rule));
}

const STRINGY: Record<Language, Set<string>> = {
  python: new Set(['string', 'comment']),
  javascript: new Set(['string', 'template_string', 'regex', 'comment']),
  typescript: new Set(['string', 'template_string', 'regex', 'comment']),
  tsx: new Set(['string', 'template_string', 'regex', 'comment']),
};

/** True when a comment starting at (row, column) would be part of a string, template, regex, comment or JSX text. */
function insideToken(root: Node, language: Language, row: number, column: number): boolean {
  const p = { row, column };
  const before = (a: { row: number; column: number }, b: { row: number; column: number }) => a.row < b.row || (a.row === b.row && a.column < b.column);
  const strictlyInside = (n: Node) => before(n.startPosition, p) && before(p, n.endPosition);
  for (let n: Node | null = root.descendantForPosition(p); n; n = n.parent) {
    if (!strictlyInside(n)) continue;
    if (language !== 'python' && (n.type === 'template_substitution' || n.type === 'jsx_expression')) return false;
    if (STRINGY[language].has(n.type)) return true;
    if (language !== 'python' && n.type.startsWith('jsx_')) return true;
  }
  return false;
}

/**
 * Edit that adds (or extends) the suppression comment for the finding on `line`, where it is a real
 * comment: at the end of the line; else on a line of its own above it; for a Python line joined to others
 * by backslashes, at the end of the last one or above the first. `root` (the file's parse tree) tells
 * where strings, templates and JSX text are; without it only backslashes are seen. Undefined when no
 * such place exists (the line starts and ends inside a string).
 */
export function suppressionEdit(file: string, text: string, language: Language, line: number, rule: RuleId, root?: Node): TextEdit | undefined {
  const lines = text.split('\n');
  const raw = (i: number) => (lines[i] ?? '').replace(/\r$/, '');
  const inside = (row: number, column: number) => (root ? insideToken(root, language, row, column) : false);
  const comment = language === 'python' ? '#' : '//';
  const marker = `${comment} loopsafe: ignore[${rule}]`;

  /** Extends an existing `ignore[...]` list on line i, if it is in a real comment. */
  const extend = (i: number): TextEdit | undefined => {
    const current = raw(i);
    const m = MARK.exec(current);
    // Judged at the comment's own start: the mark itself is always inside its comment.
    const start = m ? current.lastIndexOf(comment, m.index) : -1;
    if (!m || m[1] === undefined || m.index === undefined || start === -1 || inside(i, start)) return undefined;
    const listStart = m.index + m[0].indexOf('[') + 1;
    const listEnd = m.index + m[0].length - 1;
    const ids = m[1].split(',').map((s) => s.trim()).filter(Boolean);
    if (!ids.includes(rule)) ids.push(rule);
    return { file, range: { start: { line: i, character: listStart }, end: { line: i, character: listEnd } }, newText: ids.join(', ') };
  };
  /** A comment can end line i: the end is in no string and (Python) not after a line-continuing backslash. */
  const endOk = (i: number) => !(language === 'python' && continues(raw(i))) && !inside(i, raw(i).length);
  const appendAt = (i: number): TextEdit => {
    const current = raw(i);
    const pad = current.trimEnd().length;
    return { file, range: { start: { line: i, character: pad }, end: { line: i, character: current.length } }, newText: `  ${marker}` };
  };
  /** A line of its own can go above line i: its start is in no string and the line before does not continue into it. */
  const aboveOk = (i: number) => !(language === 'python' && i > 0 && continues(raw(i - 1))) && !inside(i, 0);
  const insertAbove = (i: number): TextEdit => {
    const indent = /^[ \t]*/.exec(raw(i))![0];
    return { file, range: { start: { line: i, character: 0 }, end: { line: i, character: 0 } }, newText: `${indent}${marker}\n` };
  };
  const aboveIsComment = (i: number) => i > 0 && /^\s*(#|\/\/)/.test(raw(i - 1)) && !inside(i - 1, raw(i - 1).search(/\S/));

  const own = extend(line);
  if (own) return own;
  if (endOk(line)) return appendAt(line);
  if (aboveIsComment(line)) {
    const above = extend(line - 1);
    if (above) return above;
  }
  if (aboveOk(line)) return insertAbove(line);
  if (language === 'python') {
    let first = line;
    while (first > 0 && continues(raw(first - 1))) first--;
    let last = line;
    while (last < lines.length - 1 && continues(raw(last))) last++;
    if (last !== line) {
      const ext = extend(last);
      if (ext) return ext;
      if (endOk(last)) return appendAt(last);
    }
    if (first !== line && aboveOk(first)) return insertAbove(first);
  }
  return undefined;
}
