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

/**
 * Parents recorded while the model walks the tree. `node.parent` in web-tree-sitter searches down
 * from the root, which costs the width of every level: a file with thousands of top-level
 * statements would make each lookup slow, so lookups go through this cache.
 */
const PARENTS = new WeakMap<object, Map<number, Node | null>>();

/** The parent map of a tree, for the model walk to fill by node id. */
export function parentMap(tree: object): Map<number, Node | null> {
  let map = PARENTS.get(tree);
  if (!map) PARENTS.set(tree, (map = new Map()));
  return map;
}

export function parentOf(node: Node): Node | null {
  let map = PARENTS.get(node.tree);
  if (!map) PARENTS.set(node.tree, (map = new Map()));
  const known = map.get(node.id);
  if (known !== undefined) return known;
  const p = node.parent;
  map.set(node.id, p);
  return p;
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
  for (let p = parentOf(n); p && TRANSPARENT.has(p.type); p = parentOf(n)) {
    const operand = p.type === 'type_assertion' ? p.namedChild(1) : p.namedChild(0);
    if (!operand || operand.id !== n.id) break;
    n = p;
  }
  return n;
}

const MODIFIERS = String.raw`(?:@[\w.]+(?:\([^)]*\))?\s+|(?:static|public|private|protected|override|readonly|abstract|declare|export|default)\s+)*`;
const ASYNC_START = new RegExp(`^${MODIFIERS}async\\b`);
const GENERATOR_METHOD = new RegExp(`^${MODIFIERS}(?:async\\s+)?\\*`);

/** True when the function node starts with `async` (read from the text: no wasm calls per child). */
export function isAsyncFunction(node: Node): boolean {
  return ASYNC_START.test(node.text.slice(0, 200));
}

export function isGeneratorFunction(node: Node): boolean {
  if (node.type === 'generator_function_declaration' || node.type === 'generator_function') return true;
  return node.type === 'method_definition' && GENERATOR_METHOD.test(node.text.slice(0, 200));
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
export function lookupPath(node: Node | null | undefined, path: string[], depth = 0): Lookup {
  if (!node) return { kind: 'absent' };
  let obj = unwrap(node);
  // `fetch(url, requestOptions)` with `const requestOptions = {...}` written above.
  if ((obj.type === 'identifier' || obj.type === 'shorthand_property_identifier') && depth < 4) {
    const lit = constObject(obj);
    if (lit) obj = lit;
  }
  // `cond ? { timeout } : undefined`, `cond && {...}`: every branch is judged, and a branch that does not
  // set the key (no object at all included) leaves the call without it; a branch that can't be read
  // (`opts || {}` with `opts` a parameter) leaves it unknown.
  const branches = depth < 4 ? optionBranches(obj) : undefined;
  if (branches) {
    let value: Lookup | undefined;
    let absent = false;
    for (const b of branches) {
      const r = b === 'none' ? ({ kind: 'absent' } as const) : lookupPath(b, path, depth + 1);
      if (r.kind === 'unknown') return r;
      if (r.kind === 'absent') absent = true;
      else value ??= r;
    }
    return absent || !value ? { kind: 'absent' } : value;
  }
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
  return lookupPath(found, path.slice(1), depth + 1);
}

/** Literals that hold no options at all. */
const NO_OPTIONS = new Set(['undefined', 'null', 'false']);

/**
 * The values a conditional options expression can take: `'none'` for a branch with no options object
 * (`undefined`, `null`, `false`, the falsy side of `&&`). Undefined when `node` is not such an expression.
 */
function optionBranches(node: Node): (Node | 'none')[] | undefined {
  const leaf = (n: Node): Node | 'none' => (NO_OPTIONS.has(unwrap(n).type) || /^void\s+0$/.test(unwrap(n).text) ? 'none' : n);
  if (node.type === 'ternary_expression') {
    const a = field(node, 'consequence');
    const b = field(node, 'alternative');
    return a && b ? [leaf(a), leaf(b)] : undefined;
  }
  if (node.type !== 'binary_expression') return undefined;
  const op = field(node, 'operator')?.text;
  const left = field(node, 'left');
  const right = field(node, 'right');
  if (!left || !right) return undefined;
  // `{...} || fallback`: an object literal is truthy, so the fallback never runs.
  if (op === '||' || op === '??') return unwrap(left).type === 'object' ? [left] : [leaf(left), leaf(right)];
  if (op === '&&') return ['none', leaf(right)];
  return undefined;
}

const SCOPE_BLOCKS = new Set(['statement_block', 'program', 'switch_body']);

/**
 * The object literal a `const` names, when it is declared in a block around `id` (before it) and never
 * changed through its properties (`opts.signal = ...`, `Object.assign(opts, ...)`): else undefined.
 */
export function constObject(id: Node): Node | undefined {
  const name = id.text;
  if (!/^[\w$]+$/.test(name)) return undefined;
  const escaped = name.replace(/\$/g, '\\$');
  for (let p = parentOf(id); p; p = parentOf(p)) {
    if (FUNCTION_TYPES.has(p.type)) {
      const params = field(p, 'parameters') ?? field(p, 'parameter');
      if (params && new RegExp(`(?<![\\w$.])${escaped}(?![\\w$])`).test(params.text)) return undefined;
      continue;
    }
    if (!SCOPE_BLOCKS.has(p.type)) continue;
    for (const stmt of namedChildren(p)) {
      if (stmt.startIndex >= id.startIndex) break;
      const decl = stmt.type === 'export_statement' ? field(stmt, 'declaration') : stmt;
      // `const`, and a `let`/`var` assigned only where it is declared (`var options = {...}` in older code).
      const isConst = decl?.type === 'lexical_declaration' && decl.text.startsWith('const');
      const isVar = (decl?.type === 'lexical_declaration' && decl.text.startsWith('let')) || decl?.type === 'variable_declaration';
      if (!decl || (!isConst && !isVar)) continue;
      for (const d of namedChildren(decl)) {
        if (d.type !== 'variable_declarator' || field(d, 'name')?.text !== name) continue;
        const value = field(d, 'value');
        if (!value || (unwrap(value).type !== 'object' && !optionBranches(unwrap(value)))) return undefined;
        const mutated = new RegExp(`(?<![\\w$.])${escaped}\\s*(?:\\.\\s*[\\w$]+|\\[[^\\]]*\\])\\s*(?:=(?!=)|\\|\\|=|\\?\\?=)|Object\\.assign\\(\\s*${escaped}\\b`);
        if (mutated.test(p.text)) return undefined;
        if (isVar && (p.text.match(new RegExp(`(?<![\\w$.])${escaped}\\s*(?:=(?![=>])|\\|\\|=|\\?\\?=|&&=)`, 'g'))?.length ?? 0) > 1) return undefined;
        return unwrap(value);
      }
    }
  }
  return undefined;
}

/** True for `undefined`, `null`, `Infinity`, `Number.POSITIVE_INFINITY` (an explicit "no limit"). */
export function isNoLimit(node: Node): boolean {
  const t = unwrap(node).text;
  return t === 'undefined' || t === 'null' || t === 'Infinity' || t === 'Number.POSITIVE_INFINITY' || t === 'Number.MAX_SAFE_INTEGER';
}

/** The nearest enclosing function node (or null at module level). */
export function enclosingFunctionNode(node: Node): Node | null {
  for (let p = parentOf(node); p; p = parentOf(p)) if (FUNCTION_TYPES.has(p.type)) return p;
  return null;
}

/**
 * An async function whose promise cannot reject: its whole body is one `try` with a `catch` (and maybe a
 * `finally`) that neither throws nor awaits. Its caller may drop it without an unhandled rejection.
 */
export function neverRejects(fn: Node): boolean {
  const body = field(fn, 'body');
  if (!body || body.type !== 'statement_block') return false;
  const stmts = namedChildren(body);
  if (stmts.length !== 1 || stmts[0].type !== 'try_statement') return false;
  const handler = field(stmts[0], 'handler');
  if (!handler) return false;
  const finalizer = field(stmts[0], 'finalizer');
  const risky = /\bthrow\b|\bawait\b/;
  return !risky.test(field(handler, 'body')?.text ?? '') && !risky.test(finalizer?.text ?? '');
}

/** True when the statement holding `node` is the last one its function runs (the end of the function body). */
export function lastStatementOfFunction(node: Node): boolean {
  let stmt: Node | null = node;
  while (stmt && stmt.type !== 'expression_statement') stmt = parentOf(stmt);
  const block = stmt ? parentOf(stmt) : null;
  if (!stmt || !block || block.type !== 'statement_block' || !FUNCTION_TYPES.has(parentOf(block)?.type ?? '')) return false;
  const rest = namedChildren(block);
  return rest[rest.length - 1]?.id === stmt.id;
}
