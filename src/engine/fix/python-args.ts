// Edits to a Python call's arguments: add a keyword after the last argument (keeping a trailing comma and
// multi-line layouts intact), or replace a keyword's value.

import type { Node } from '../parse/parser';
import type { TextEdit } from '../types';
import { callArguments } from '../model/python/syntax';

/** `f(a)` → `f(a, key=value)`; `f()` → `f(key=value)`; undefined when the call has no argument list. */
export function addKeywordEdit(file: string, call: Node, key: string, value: string): TextEdit | undefined {
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return undefined;
  const named = args.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  if (named.length === 0) {
    const at = { line: args.startPosition.row, character: args.startPosition.column + 1 };
    return { file, range: { start: at, end: at }, newText: `${key}=${value}` };
  }
  const last = named[named.length - 1];
  const prev = named.length > 1 ? named[named.length - 2] : undefined;
  // One argument per line: the new keyword gets its own line, with the same indent and comma style.
  const ownLine = last.startPosition.row > (prev ? prev.endPosition.row : args.startPosition.row);
  const comma = last.nextSibling?.type === ',' ? last.nextSibling : undefined;
  if (ownLine) {
    const indent = ' '.repeat(last.startPosition.column);
    const after = comma ?? last;
    const at = { line: after.endPosition.row, character: after.endPosition.column };
    return { file, range: { start: at, end: at }, newText: comma ? `\n${indent}${key}=${value},` : `,\n${indent}${key}=${value}` };
  }
  const at = { line: last.endPosition.row, character: last.endPosition.column };
  return { file, range: { start: at, end: at }, newText: `, ${key}=${value}` };
}

/** Replaces the value of `key=...` in the call, if present. */
export function replaceKeywordEdit(file: string, call: Node, key: string, value: string): TextEdit | undefined {
  const node = callArguments(call).keywords.get(key);
  if (!node) return undefined;
  return { file, range: { start: { line: node.startPosition.row, character: node.startPosition.column }, end: { line: node.endPosition.row, character: node.endPosition.column } }, newText: value };
}
