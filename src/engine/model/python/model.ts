// The per-file Python model: imports, scopes (module, classes, functions, lambdas), assignments,
// and the calls and awaits each scope makes directly. Built in one walk of the tree.

import { nodesOfTypes, type Node } from '../../parse/parser';
import type { PreviousDerived } from '../../parse/tree-cache';
import { children, dottedName, field, hasAsyncKeyword, namedChildren } from './syntax';

export type ScopeKind = 'module' | 'class' | 'function' | 'lambda';

export interface Param {
  name: string;
  node: Node;
  annotation?: Node;
  default?: Node;
}

export interface Scope {
  kind: ScopeKind;
  node: Node;
  /** Function/class name; `<module>` or `<lambda>` otherwise. */
  name: string;
  /** The identifier node naming a function or class. */
  nameNode?: Node;
  isAsync: boolean;
  parent?: Scope;
  /** For a method: the class scope it is defined in. */
  classScope?: Scope;
  decorators: Node[];
  params: Param[];
  /** Local name → value expressions assigned to it in this scope. */
  assignments: Map<string, Node[]>;
  globals: Set<string>;
  calls: Node[];
  awaits: Node[];
  returns: Node[];
  /** Nodes whose presence makes the body need `async` (async for/with, await outside sync calls). */
  asyncConstructs: Node[];
  /** The body contains `yield` (a generator). */
  hasYield: boolean;
  /** Class scopes: attribute name → value expressions (`self.x = ...` in methods, class-level assignments). */
  attributes: Map<string, Node[]>;
  functions: Scope[];
}

/** What one statement of the module contributes to the model (its own module scope and lists). */
export interface ModelPart {
  module: Scope;
  /** Local name → qualified name (`from openai import OpenAI as O` gives `O` → `openai.OpenAI`). */
  imports: Map<string, string>;
  /** Local names bound to a whole module (`import openai`, `import openai as oa`). */
  moduleImports: Set<string>;
  importNodes: Node[];
  /** Attribute-target assignments anywhere (`app.state.client = ...`), keyed by dotted text. */
  attributeAssignments: Map<string, Node[]>;
  /** Every function and lambda scope, in source order. */
  functions: Scope[];
}

/** The whole file's model: the parts of its statements joined. */
export interface PyModel extends ModelPart {
  root: Node;
  /** Top-level statement after the docstring and `from __future__` imports, for inserting imports. */
  importInsertLine: number;
  /** Per top-level statement, what visiting it produced: reused after an edit elsewhere in the file. */
  chunks?: Chunk[];
}

/** A top-level statement (a child of the module node) and its model part. */
export interface Chunk {
  node: Node;
  start: number;
  end: number;
  startRow: number;
  part: ModelPart;
  /** Set when the part was kept from the previous version: how many lines the statement moved down. */
  movedRows?: number;
}

/** Node types `visit` acts on; every other node is only walked through. */
const VISITED = [
  'decorated_definition', 'function_definition', 'class_definition', 'lambda', 'import_statement', 'import_from_statement',
  'future_import_statement', 'global_statement', 'assignment', 'with_statement', 'as_pattern', 'for_statement', 'for_in_clause',
  'call', 'await', 'return_statement', 'named_expression', 'yield',
];

function newScope(kind: ScopeKind, node: Node, name: string, parent?: Scope): Scope {
  return {
    kind, node, name, parent, isAsync: false, decorators: [], params: [], assignments: new Map(), globals: new Set(),
    calls: [], awaits: [], returns: [], asyncConstructs: [], hasYield: false, attributes: new Map(), functions: [],
  };
}

function push(map: Map<string, Node[]>, key: string, value: Node): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildModel(root: Node, previous?: PreviousDerived<PyModel>): PyModel {
  const module = newScope('module', root, '<module>');
  const model: PyModel = {
    root, module, imports: new Map(), moduleImports: new Set(), importNodes: [], attributeAssignments: new Map(), functions: [],
    importInsertLine: 0, chunks: [],
  };
  model.importInsertLine = findImportInsertLine(root);

  const statements = root.children.filter((c): c is Node => c !== null);
  const reused = previous ? reusableChunks(previous, root, statements) : new Map<number, Chunk>();
  // One walk inside wasm for the statements not reused (all of them for a fresh build).
  let entries: Entries | undefined;
  for (let i = 0; i < statements.length; i++) {
    const node = statements[i];
    let chunk = reused.get(i);
    if (!chunk) {
      if (!entries) entries = reused.size === 0 ? entriesOf(root) : undefined;
      const part = newPart(root);
      visitStatement(node, entries ?? entriesOf(node), part);
      chunk = { node, start: node.startIndex, end: node.endIndex, startRow: node.startPosition.row, part };
    }
    model.chunks!.push(chunk);
    mergePart(model, chunk.part);
  }
  return model;
}

interface Entries {
  all: Node[];
  starts: number[];
  ends: number[];
  /** `next[i]`: the first entry after entry i's subtree. */
  next: number[];
}

/** Every node `visit` acts on under `node`, outer before inner, in source order (one walk inside wasm). */
function entriesOf(node: Node): Entries {
  const { nodes: all, starts, ends } = nodesOfTypes(node, VISITED);
  const next = new Array<number>(all.length).fill(all.length);
  const open: number[] = [];
  for (let i = 0; i < all.length; i++) {
    while (open.length > 0 && ends[open[open.length - 1]] <= starts[i]) {
      next[open.pop()!] = i;
    }
    open.push(i);
  }
  return { all, starts, ends, next };
}

function newPart(root: Node): ModelPart {
  return { module: newScope('module', root, '<module>'), imports: new Map(), moduleImports: new Set(), importNodes: [], attributeAssignments: new Map(), functions: [] };
}

/** Appends a statement's part to the model, in statement order (the same lists a single walk builds). */
function mergePart(model: PyModel, part: ModelPart): void {
  const module = model.module;
  const p = part.module;
  for (const [name, values] of p.assignments) for (const v of values) push(module.assignments, name, v);
  for (const g of p.globals) module.globals.add(g);
  append(module.calls, p.calls);
  append(module.awaits, p.awaits);
  append(module.returns, p.returns);
  append(module.asyncConstructs, p.asyncConstructs);
  if (p.hasYield) module.hasYield = true;
  append(module.functions, p.functions);
  for (const [local, qname] of part.imports) model.imports.set(local, qname);
  for (const m of part.moduleImports) model.moduleImports.add(m);
  append(model.importNodes, part.importNodes);
  for (const [dotted, values] of part.attributeAssignments) for (const v of values) push(model.attributeAssignments, dotted, v);
  append(model.functions, part.functions);
  // Scopes defined at the top of the statement now hang off the model's module scope.
  for (const fn of part.functions) {
    let s = fn;
    while (s.parent && s.parent.kind !== 'module') s = s.parent;
    if (s.parent) s.parent = module;
  }
}

/** Visits one top-level statement: the entries inside its range, into `part`. */
function visitStatement(statement: Node, entries: Entries, part: ModelPart): void {
  const module = part.module;
  const model = part;
  const { all, starts, ends, next } = entries;

  const bindName = (scope: Scope, name: string, value: Node): void => {
    if (scope.kind !== 'module' && scope.globals.has(name)) push(module.assignments, name, value);
    else push(scope.assignments, name, value);
  };

  const bindTarget = (scope: Scope, target: Node, value: Node): void => {
    if (target.type === 'identifier') {
      bindName(scope, target.text, value);
    } else if (target.type === 'attribute') {
      const obj = field(target, 'object');
      const attr = field(target, 'attribute');
      if (obj && attr && obj.type === 'identifier' && scope.classScope && scope.params[0]?.name === obj.text) {
        push(scope.classScope.attributes, attr.text, value);
      }
      const dotted = dottedName(target);
      if (dotted) push(model.attributeAssignments, dotted, value);
    }
  };

  /** `self.x: T ...` in a method: `T` is one of the class attribute's values (tried after the assigned value). */
  const annotateSelfAttribute = (scope: Scope, target: Node, annotation: Node): void => {
    const obj = field(target, 'object');
    const attr = field(target, 'attribute');
    if (obj && attr && obj.type === 'identifier' && scope.classScope && scope.params[0]?.name === obj.text) push(scope.classScope.attributes, attr.text, annotation);
  };

  const visit = (node: Node, scope: Scope): void => {
    switch (node.type) {
      case 'decorated_definition': {
        const def = field(node, 'definition');
        const decorators = namedChildren(node).filter((c) => c.type === 'decorator');
        for (const d of decorators) visitChildren(d, scope);
        if (def) visitDefinition(def, scope, decorators);
        return;
      }
      case 'function_definition':
      case 'class_definition':
        visitDefinition(node, scope, []);
        return;
      case 'lambda': {
        const fn = newScope('lambda', node, '<lambda>', scope);
        fn.classScope = undefined;
        const params = field(node, 'parameters');
        if (params) fn.params = readParams(params);
        scope.functions.push(fn);
        model.functions.push(fn);
        const body = field(node, 'body');
        if (body) {
          fn.returns.push(body);
          visit(body, fn);
        }
        return;
      }
      case 'import_statement':
      case 'import_from_statement':
      case 'future_import_statement':
        readImport(node, model);
        return;
      case 'global_statement':
        for (const c of namedChildren(node)) if (c.type === 'identifier') scope.globals.add(c.text);
        return;
      case 'assignment': {
        const left = field(node, 'left');
        const right = field(node, 'right');
        const annotation = field(node, 'type');
        // `client: OpenAI | None = None`: the annotation stands in when the value says nothing.
        if (left && right && annotation && left.type === 'identifier') bindName(scope, left.text, annotation);
        if (left && right) {
          // `self.store: Store = store`: the annotation stands in when the value says nothing.
          if (annotation && left.type === 'attribute') annotateSelfAttribute(scope, left, annotation);
          bindTarget(scope, left, right);
          if (scope.kind === 'class' && left.type === 'identifier') {
            if (annotation) push(scope.attributes, left.text, annotation);
            push(scope.attributes, left.text, right);
          }
        } else if (left && left.type === 'identifier') {
          const type = field(node, 'type');
          if (type) {
            bindName(scope, left.text, type); // `client: OpenAI` without a value: the annotation stands in
            // A class-level annotation (`service: Service`, a dataclass or pydantic field) types `self.service`.
            if (scope.kind === 'class') push(scope.attributes, left.text, type);
          }
        } else if (left && left.type === 'attribute' && annotation) {
          annotateSelfAttribute(scope, left, annotation); // `self.store: Store` declared, assigned later
        }
        break;
      }
      case 'with_statement': {
        if (hasAsyncKeyword(node)) scope.asyncConstructs.push(node);
        break;
      }
      case 'as_pattern': {
        // `with X as name` / `async with X as name`
        if (node.parent?.type === 'with_item') {
          const value = node.namedChild(0);
          const alias = field(node, 'alias');
          const target = alias?.namedChild(0) ?? alias;
          if (value && target && target.type === 'identifier') bindName(scope, target.text, value);
        }
        break;
      }
      case 'for_statement':
        if (hasAsyncKeyword(node)) scope.asyncConstructs.push(node);
        break;
      case 'for_in_clause':
        if (hasAsyncKeyword(node)) scope.asyncConstructs.push(node);
        break;
      case 'call':
        scope.calls.push(node);
        break;
      case 'await':
        scope.awaits.push(node);
        break;
      case 'yield':
        scope.hasYield = true;
        break;
      case 'return_statement': {
        const value = node.namedChild(0);
        if (value) scope.returns.push(value);
        break;
      }
      case 'named_expression': {
        const name = field(node, 'name');
        const value = field(node, 'value');
        if (name && value) bindName(scope, name.text, value);
        break;
      }
    }
    visitChildren(node, scope);
  };

  const visitChildren = (node: Node, scope: Scope): void => {
    const start = node.startIndex;
    const end = node.endIndex;
    const lo = lowerBound(starts, start);
    // Start after the node itself when it is listed, else after the ancestors sharing its start.
    let i = lo;
    let self = -1;
    for (let j = lo; j < all.length && starts[j] === start; j++) {
      if (all[j].id === node.id) {
        self = j;
        break;
      }
    }
    if (self !== -1) i = self + 1;
    else while (i < all.length && starts[i] === start && ends[i] > end) i++;
    while (i < all.length && starts[i] < end) {
      visit(all[i], scope);
      i = next[i];
    }
  };

  const visitDefinition = (def: Node, scope: Scope, decorators: Node[]): void => {
    const nameNode = field(def, 'name');
    const name = nameNode?.text ?? '<anonymous>';
    if (def.type === 'class_definition') {
      const cls = newScope('class', def, name, scope);
      cls.nameNode = nameNode ?? undefined;
      cls.decorators = decorators;
      if (scope.kind !== 'class') bindName(scope, name, def);
      const supers = field(def, 'superclasses');
      if (supers) visitChildren(supers, scope);
      const body = field(def, 'body');
      if (body) visitChildren(body, cls);
      return;
    }
    const fn = newScope('function', def, name, scope);
    fn.nameNode = nameNode ?? undefined;
    fn.isAsync = hasAsyncKeyword(def);
    fn.decorators = decorators;
    fn.classScope = scope.kind === 'class' ? scope : undefined;
    const params = field(def, 'parameters');
    if (params) {
      fn.params = readParams(params);
      // Defaults and annotations are evaluated in the enclosing scope.
      for (const p of fn.params) {
        if (p.default) visit(p.default, scope);
      }
    }
    if (scope.kind !== 'class') bindName(scope, name, def);
    scope.functions.push(fn);
    model.functions.push(fn);
    const body = field(def, 'body');
    if (body) visitChildren(body, fn);
  };

  const first = lowerBound(starts, statement.startIndex);
  const end = statement.endIndex;
  for (let i = first; i < all.length && starts[i] < end; i = next[i]) visit(all[i], module);
}

function append<T>(to: T[], from: T[]): void {
  for (const x of from) to.push(x);
}

/**
 * The previous model's statements whose text the edit left alone and which parse to the same subtree
 * in the new tree (shared by tree-sitter, or rebuilt around shared parts), with their nodes moved onto
 * the new tree: statements entirely before the edit keep their offsets, those starting on a line after
 * it shift by the edit's length and line count (their columns are unchanged). By index in `statements`.
 */
function reusableChunks(previous: PreviousDerived<PyModel>, root: Node, statements: Node[]): Map<number, Chunk> {
  const out = new Map<number, Chunk>();
  const old = previous.value.chunks;
  if (!old || old.length === 0) return out;
  const e = previous.edit;
  const byStart = new Map<number, number>();
  for (let i = 0; i < statements.length; i++) if (!byStart.has(statements[i].startIndex)) byStart.set(statements[i].startIndex, i);
  for (const c of old) {
    let delta: number;
    let rows: number;
    if (c.end <= e.startIndex) {
      delta = 0;
      rows = 0;
    } else if (c.start >= e.oldEndIndex && c.startRow > e.oldEndPosition.row) {
      delta = e.newEndIndex - e.oldEndIndex;
      rows = e.newEndPosition.row - e.oldEndPosition.row;
    } else {
      continue;
    }
    const i = byStart.get(c.start + delta);
    if (i === undefined || out.has(i)) continue;
    const node = statements[i];
    const rebuilt = new Map<number, Node>();
    if (!sameSubtree(c.node, node, c.start, node.startIndex, rebuilt)) continue;
    const moved = rebaseChunk(c, node, root, delta, rows, previous.value.root.id, rebuilt);
    if (moved) out.set(i, moved);
  }
  return out;
}

/**
 * True when `a` (previous tree) and `b` (new tree) are the same syntax: same type, length and relative
 * offset, and children that are either the very same subtrees (the same id, i.e. the same slot in an
 * allocation both trees hold, so the same immutable child) or again the same syntax. Nodes of `a` that
 * tree-sitter placed anew (a different id) go into `rebuilt`, by old id, with their counterpart.
 */
function sameSubtree(a: Node, b: Node, aBase: number, bBase: number, rebuilt: Map<number, Node>): boolean {
  if (a.startIndex - aBase !== b.startIndex - bBase || a.typeId !== b.typeId || a.endIndex - a.startIndex !== b.endIndex - b.startIndex) return false;
  const ac = a.children;
  const bc = b.children;
  if (ac.length !== bc.length) return false;
  for (let k = 0; k < ac.length; k++) {
    const x = ac[k];
    const y = bc[k];
    if (!x || !y) return false;
    if (x.id !== y.id && !sameSubtree(x, y, aBase, bBase, rebuilt)) return false;
  }
  if (a.id !== b.id) rebuilt.set(a.id, b);
  return true;
}

type MutableNode = { id: number; tree: unknown; startIndex: number; startPosition: { row: number; column: number }; 0: number; _children?: unknown; _namedChildren?: unknown };

/** Every node a statement's part holds (its scopes' nodes, imports, attribute assignments). */
function partNodes(part: ModelPart): Node[] {
  const out: Node[] = [];
  const seen = new Set<Scope>();
  const scope = (s: Scope): void => {
    if (seen.has(s)) return;
    seen.add(s);
    if (s.kind !== 'module') {
      out.push(s.node);
      if (s.nameNode) out.push(s.nameNode);
    }
    append(out, s.decorators);
    for (const p of s.params) {
      out.push(p.node);
      if (p.annotation) out.push(p.annotation);
      if (p.default) out.push(p.default);
    }
    for (const values of s.assignments.values()) append(out, values);
    append(out, s.calls);
    append(out, s.awaits);
    append(out, s.returns);
    append(out, s.asyncConstructs);
    for (const values of s.attributes.values()) append(out, values);
    for (const f of s.functions) scope(f);
    if (s.classScope) scope(s.classScope);
    if (s.parent && s.parent.kind !== 'module') scope(s.parent);
  };
  scope(part.module);
  for (const f of part.functions) scope(f);
  append(out, part.importNodes);
  for (const values of part.attributeAssignments.values()) append(out, values);
  return out;
}

/**
 * Moves a statement's part from the previous tree onto `node` of the new one, or gives undefined
 * (nothing changed) when one of its nodes lies outside the statement. Nodes keep their ids (addresses
 * in shared subtrees) except those tree-sitter rebuilt, which take their counterpart's.
 */
function rebaseChunk(c: Chunk, node: Node, root: Node, delta: number, rows: number, oldRoot: number, rebuilt: Map<number, Node>): Chunk | undefined {
  const nodes = partNodes(c.part) as unknown as MutableNode[];
  const oldTree = (c.node as unknown as MutableNode).tree;
  for (const n of nodes) {
    if (n.tree !== oldTree || n.id === oldRoot || n.startIndex < c.start || n.startIndex >= c.end) return undefined;
  }
  const fresh = node as unknown as MutableNode;
  const done = new Set<MutableNode>();
  for (const n of nodes) {
    if (done.has(n)) continue;
    done.add(n);
    n.tree = fresh.tree;
    if (delta !== 0 || rows !== 0) {
      n.startIndex += delta;
      n.startPosition = { row: n.startPosition.row + rows, column: n.startPosition.column };
    }
    // A rebuilt node (the statement itself at least, which sits in the new root's child array) has
    // its counterpart's id.
    const counterpart = rebuilt.get(n.id) as unknown as MutableNode | undefined;
    if (counterpart) {
      n.id = counterpart.id;
      n[0] = counterpart[0];
    }
    n._children = undefined;
    n._namedChildren = undefined;
  }
  c.part.module.node = root;
  return { node, start: c.start + delta, end: c.end + delta, startRow: c.startRow + rows, part: c.part, movedRows: rows };
}

function lowerBound(values: number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function readParams(params: Node): Param[] {
  const out: Param[] = [];
  for (const p of namedChildren(params)) {
    switch (p.type) {
      case 'identifier':
        out.push({ name: p.text, node: p });
        break;
      case 'typed_parameter': {
        const id = namedChildren(p).find((c) => c.type === 'identifier');
        if (id) out.push({ name: id.text, node: id, annotation: field(p, 'type') ?? undefined });
        break;
      }
      case 'default_parameter': {
        const id = field(p, 'name');
        if (id) out.push({ name: id.text, node: id, default: field(p, 'value') ?? undefined });
        break;
      }
      case 'typed_default_parameter': {
        const id = field(p, 'name');
        if (id) out.push({ name: id.text, node: id, annotation: field(p, 'type') ?? undefined, default: field(p, 'value') ?? undefined });
        break;
      }
    }
  }
  return out;
}

function readImport(node: Node, model: Pick<PyModel, 'imports' | 'moduleImports' | 'importNodes'>): void {
  model.importNodes.push(node);
  if (node.type === 'import_statement') {
    for (const c of namedChildren(node)) {
      if (c.type === 'dotted_name') {
        // `import a.b.c` binds `a`.
        const first = c.text.split('.')[0];
        model.imports.set(first, first);
        model.moduleImports.add(first);
      } else if (c.type === 'aliased_import') {
        const name = field(c, 'name');
        const alias = field(c, 'alias');
        if (name && alias) {
          model.imports.set(alias.text, name.text);
          model.moduleImports.add(alias.text);
        }
      }
    }
    return;
  }
  if (node.type !== 'import_from_statement') return;
  const moduleNode = field(node, 'module_name');
  if (!moduleNode) return;
  const moduleName = moduleNode.text;
  // `from . import x` → `.x`; `from .pkg import x` → `.pkg.x` (leading dots = relative level).
  const sep = moduleName.endsWith('.') ? '' : '.';
  for (const c of children(node)) {
    if (c === moduleNode || c.id === moduleNode.id) continue;
    if (c.type === 'dotted_name') {
      model.imports.set(c.text, `${moduleName}${sep}${c.text}`);
    } else if (c.type === 'aliased_import') {
      const name = field(c, 'name');
      const alias = field(c, 'alias');
      if (name && alias) model.imports.set(alias.text, `${moduleName}${sep}${name.text}`);
    }
  }
}

/** Line (0-based) where a new top-level `import` goes: after the docstring and `__future__` imports. */
function findImportInsertLine(root: Node): number {
  let line = 0;
  for (const c of namedChildren(root)) {
    if (c.type === 'comment') {
      continue;
    }
    if (c.type === 'expression_statement' && c.namedChild(0)?.type === 'string' && line === 0) {
      line = c.endPosition.row + 1;
      continue;
    }
    if (c.type === 'future_import_statement') {
      line = c.endPosition.row + 1;
      continue;
    }
    if (c.type === 'import_statement' || c.type === 'import_from_statement') return c.startPosition.row;
    return line;
  }
  return line;
}

/** The function scope (not lambda) whose body holds `scope`, or the scope itself. */
export function enclosingFunction(scope: Scope): Scope | undefined {
  let s: Scope | undefined = scope;
  while (s && s.kind !== 'function') s = s.parent;
  return s;
}
