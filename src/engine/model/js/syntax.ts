// Small helpers over tree-sitter JavaScript/TypeScript nodes: ranges, fields, wrappers that do not
// change a value (parentheses, `as`, `!`, `satisfies`), string literals and object-literal options.

import type { Node } from '../../parse/parser';
import type { Position, Range } from '../../types';

export function rangeOf(node: Node): Range {
  return { start: startOf(node), end: endOf(node) };
}

export function startOf(node: Node): Position {
  return { line: node.startPosition.row, character: node.startPosition.column };
}

export function endOf(node: Node): Position {
  return { line: node.endPosition.row, character: node.endPosition.column };
}

export function field(node: Node, name: string): Node | null {
  return node.childForFieldName(name);
}

export function namedChildren(node: Node): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < node.namedChildCount; i++) {
    const c = node.namedChild(i);
    if (c && c.type !== 'comment') out.push(c);
  }
  return out;
}

/** Wrappers that hand their operand's value through unchanged. */
const TRANSPARENT = new Set(['parenthesized_expression', 'as_expression', 'non_null_expression', 'satisfies_expression', 'type_assertion']);

/** The expression with value-preserving wrappers peeled off: `(x as T)!` → `x`. */
export function unwrap(node: Node): Node {
  let n = node;
  for (;;) {
    if (!TRANSPARENT.has(n.type)) return n;
    const inner = n.type === 'type_assertion' ? n.namedChild(1) : n.namedChild(0);
    if (!inner) return n;
    n = inner;
  }
}

/** The outermost wrapper whose value is `node`'s value. */
export function outerValue(node: Node): Node {
  let n = node;
  while (n.parent && TRANSPARENT.has(n.parent.type)) {
    const p = n.parent;
    const operand = p.type === 'type_assertion' ? p.namedChild(1) : p.namedChild(0);
    if (!operand || operand.id !== n.id) break;
    n = p;
  }
  return n;
}

/** True when the function node starts with `async`. */
export function isAsyncFunction(node: Node): boolean {
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i);
    if (!c) continue;
    if (c.type === 'async') return true;
    if (c.isNamed && c.type !== 'decorator' && c.type !== 'accessibility_modifier' && c.type !== 'override_modifier') return false;
    if (c.type === 'function' || c.type === '(' || c.type === '=>') return false;
  }
  return false;
}

export function isGeneratorFunction(node: Node): boolean {
  if (node.type === 'generator_function_declaration' || node.type === 'generator_function') return true;
  if (node.type !== 'method_definition') return false;
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i);
    if (c?.type === '*') return true;
    if (c?.isNamed) return false;
  }
  return false;
}

export const FUNCTION_TYPES = new Set([
  'function_declaration', 'generator_function_declaration', 'function_expression', 'function', 'generator_function', 'arrow_function', 'method_definition',
]);

/** The text of a string literal (or a template without substitutions); undefined otherwise. */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === 'string') return n.text.slice(1, -1);
  if (n.type === 'template_string' && !n.namedChildren.some((c) => c?.type === 'template_substitution')) return n.text.slice(1, -1);
  return undefined;
}

/** Source text standing for a string: literals and templates as written (substitutions kept as text). */
export function stringish(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === 'string' || n.type === 'template_string') return n.text;
  if (n.type === 'binary_expression' && field(n, 'operator')?.text === '+') {
    const l = stringish(field(n, 'left'));
    const r = stringish(field(n, 'right'));
    return l !== undefined || r !== undefined ? `${l ?? ''}${r ?? ''}` : undefined;
  }
  return undefined;
}

/** Arguments of a call or `new`, without comments. */
export function callArgs(call: Node): Node[] {
  const args = field(call, 'arguments');
  if (!args || args.type !== 'arguments') return [];
  return namedChildren(args);
}

/** Name of an object-literal property key (`timeout`, `'timeout'`, `timeout` shorthand). */
export function keyName(prop: Node): string | undefined {
  if (prop.type === 'shorthand_property_identifier') return prop.text;
  if (prop.type === 'pair') {
    const k = field(prop, 'key');
    if (!k) return undefined;
    if (k.type === 'property_identifier' || k.type === 'identifier') return k.text;
    if (k.type === 'string') return k.text.slice(1, -1);
    return undefined;
  }
  if (prop.type === 'method_definition') return field(prop, 'name')?.text;
  return undefined;
}

export type Lookup = { kind: 'value'; node: Node } | { kind: 'absent' } | { kind: 'unknown' };

/**
 * Looks up a key path in an object literal. `unknown` when a spread or a computed key could supply it
 * (or the node is not a literal), `absent` when the literal certainly lacks it.
 */
export function lookupPath(node: Node | null | undefined, path: string[]): Lookup {
  if (!node) return { kind: 'absent' };
  const obj = unwrap(node);
  if (obj.type !== 'object') return { kind: 'unknown' };
  let found: Node | undefined;
  let unknown = false;
  for (const prop of namedChildren(obj)) {
    if (prop.type === 'spread_element') {
      unknown = true;
      continue;
    }
    const name = keyName(prop);
    if (name === undefined) {
      if (prop.type === 'pair') unknown = true;
      continue;
    }
    if (name === path[0]) found = prop.type === 'pair' ? (field(prop, 'value') ?? undefined) : prop;
  }
  if (!found) return unknown ? { kind: 'unknown' } : { kind: 'absent' };
  if (path.length === 1) return { kind: 'value', node: found };
  if (found.type === 'shorthand_property_identifier') return { kind: 'unknown' };
  return lookupPath(found, path.slice(1));
}

/** True for `undefined`, `null`, `Infinity`, `Number.POSITIVE_INFINITY` (an explicit "no limit"). */
export function isNoLimit(node: Node): boolean {
  const t = unwrap(node).text;
  return t === 'undefined' || t === 'null' || t === 'Infinity' || t === 'Number.POSITIVE_INFINITY' || t === 'Number.MAX_SAFE_INTEGER';
}

/** The nearest enclosing function node (or null at module level). */
export function enclosingFunctionNode(node: Node): Node | null {
  for (let p = node.parent; p; p = p.parent) if (FUNCTION_TYPES.has(p.type)) return p;
  return null;
}
