// Small helpers over tree-sitter Python nodes: ranges, field access, string literals, parents.

import type { Node } from '../../parse/parser';
import type { Range } from '../../types';

export function rangeOf(node: Node): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

export function rangeBetween(from: Node, to: Node): Range {
  return {
    start: { line: from.startPosition.row, character: from.startPosition.column },
    end: { line: to.endPosition.row, character: to.endPosition.column },
  };
}

export function field(node: Node, name: string): Node | null {
  return node.childForFieldName(name);
}

const tails = new WeakMap<Node, string>();

/**
 * The last name of a call's callee (`sleep` for `time.sleep(...)`, `f` for `f(...)`; '' for anything
 * else), remembered per node object: nodes kept across an edit keep their answer.
 */
export function calleeTail(call: Node): string {
  let tail = tails.get(call);
  if (tail === undefined) {
    const callee = call.childForFieldName('function');
    tail = callee?.type === 'identifier' ? callee.text : callee?.type === 'attribute' ? (callee.childForFieldName('attribute')?.text ?? '') : '';
    tails.set(call, tail);
  }
  return tail;
}

/**
 * A node's named children, in a new array. One call into wasm for all of them (a `namedChild(i)` loop
 * crossed into wasm twice per child, and each lookup walks the children up to `i`).
 */
export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null);
}

/** A node's children, in a new array (one call into wasm, as `namedChildren`). */
export function children(node: Node): Node[] {
  return node.children.filter((c): c is Node => c !== null);
}

/** The node with parentheses peeled off: `((x))` → `x`. */
export function unparen(node: Node): Node {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildCount === 1) n = n.namedChild(0)!;
  return n;
}

/** Climbs out of parentheses: returns the outermost parenthesized wrapper of `node` (or itself). */
export function outerParen(node: Node): Node {
  let n = node;
  while (n.parent && n.parent.type === 'parenthesized_expression') n = n.parent;
  return n;
}

/** True when a `function_definition`, `for_statement` or `with_statement` starts with `async`. */
export function hasAsyncKeyword(node: Node): boolean {
  const first = node.child(0);
  return first !== null && first.type === 'async';
}

/** The value of a plain string literal (no f-string interpolation), else undefined. */
export function stringValue(node: Node | null): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  let out = '';
  for (const c of namedChildren(node)) {
    if (c.type === 'string_content') out += c.text;
    else if (c.type === 'interpolation') return undefined;
    else if (c.type === 'escape_sequence') out += c.text;
  }
  return out;
}

/** Positional arguments and keyword arguments of a call's `argument_list`. */
export function callArguments(call: Node): { positional: Node[]; keywords: Map<string, Node> } {
  const positional: Node[] = [];
  const keywords = new Map<string, Node>();
  const args = field(call, 'arguments');
  if (!args || args.type !== 'argument_list') return { positional, keywords };
  for (const a of namedChildren(args)) {
    if (a.type === 'keyword_argument') {
      const name = field(a, 'name');
      const value = field(a, 'value');
      if (name && value) keywords.set(name.text, value);
    } else if (a.type !== 'comment' && a.type !== 'list_splat' && a.type !== 'dictionary_splat') {
      positional.push(a);
    }
  }
  return { positional, keywords };
}

/** Dotted text of an attribute chain of identifiers (`a.b.c`), else undefined. */
export function dottedName(node: Node): string | undefined {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') {
    const obj = field(node, 'object');
    const attr = field(node, 'attribute');
    if (!obj || !attr) return undefined;
    const base = dottedName(obj);
    return base === undefined ? undefined : `${base}.${attr.text}`;
  }
  return undefined;
}

/**
 * Identifier nodes named `name` whose text lies in [start, end) of the source: a word search in the
 * text, then a tree lookup per hit (much cheaper than walking every node).
 */
export function identifiersIn(root: Node, text: string, name: string, start: number, end: number): Node[] {
  const out: Node[] = [];
  if (!/^\w+$/.test(name)) return out;
  // Whole-word hits (`\bname\b`), found with indexOf rather than a regex built per name.
  for (let i = text.indexOf(name, start); i !== -1 && i < end; i = text.indexOf(name, i + 1)) {
    const after = i + name.length;
    if (isWordCode(text.charCodeAt(i - 1)) || isWordCode(text.charCodeAt(after))) continue;
    const n = root.descendantForIndex(i, after);
    if (n && n.type === 'identifier' && n.startIndex === i && n.endIndex === after) out.push(n);
  }
  return out;
}

/** A regex `\w` character code (NaN, before or past the text, is none). */
function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * What a plain name is bound to in this file: the last `name = value` before the use in the enclosing
 * function (not in nested functions or classes), else the last one at module level. Undefined when the
 * name is not assigned here (a parameter, an import, a global set elsewhere).
 */
export function assignedValue(id: Node): Node | undefined {
  if (id.type !== 'identifier') return undefined;
  for (let s: Node | null = id.parent; s; s = s.parent) {
    if (s.type !== 'function_definition' && s.type !== 'module') continue;
    const body = s.type === 'module' ? s : field(s, 'body');
    const found = body ? lastAssignment(body, id.text, s.type === 'module' ? Number.MAX_SAFE_INTEGER : id.startIndex) : undefined;
    if (found) return found;
  }
  return undefined;
}

function lastAssignment(block: Node, name: string, before: number): Node | undefined {
  let best: Node | undefined;
  const visit = (n: Node): void => {
    for (const c of namedChildren(n)) {
      if (c.startIndex >= before) return;
      if (c.type === 'function_definition' || c.type === 'class_definition' || c.type === 'lambda') continue;
      if (c.type === 'assignment' && field(c, 'left')?.type === 'identifier' && field(c, 'left')!.text === name) {
        const right = field(c, 'right');
        if (right && right.type !== 'assignment') best = right;
      }
      visit(c);
    }
  };
  visit(block);
  return best;
}
