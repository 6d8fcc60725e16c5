// The per-file Python model: imports, scopes (module, classes, functions, lambdas), assignments,
// and the calls and awaits each scope makes directly. Built in one walk of the tree.

import { nodesOfTypes, type Node } from '../../parse/parser';
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

export interface PyModel {
  root: Node;
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
  /** Top-level statement after the docstring and `from __future__` imports, for inserting imports. */
  importInsertLine: number;
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

export function buildModel(root: Node): PyModel {
  const module = newScope('module', root, '<module>');
  const model: PyModel = {
    root, module, imports: new Map(), moduleImports: new Set(), importNodes: [], attributeAssignments: new Map(), functions: [],
    importInsertLine: 0,
  };
  model.importInsertLine = findImportInsertLine(root);

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
          bindTarget(scope, left, right);
          if (scope.kind === 'class' && left.type === 'identifier') push(scope.attributes, left.text, right);
        } else if (left && left.type === 'identifier') {
          const type = field(node, 'type');
          if (type) bindName(scope, left.text, type); // `client: OpenAI` without a value: the annotation stands in
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

  // Generic traversal: one query lists every node `visit` acts on, outer before inner, in source
  // order; `next[i]` is the first entry after entry i's subtree. Children of a node are then the
  // outermost entries inside its range (crossing into wasm per node is the expensive part).
  const { nodes: all, starts, ends } = nodesOfTypes(root, VISITED);
  const next = new Array<number>(all.length).fill(all.length);
  const open: number[] = [];
  for (let i = 0; i < all.length; i++) {
    while (open.length > 0 && ends[open[open.length - 1]] <= starts[i]) {
      next[open.pop()!] = i;
    }
    open.push(i);
  }

  const visitChildren = (node: Node, scope: Scope): void => {
    const start = node.startIndex;
    const end = node.endIndex;
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < start) lo = mid + 1;
      else hi = mid;
    }
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

  visitChildren(root, module);
  return model;
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

function readImport(node: Node, model: PyModel): void {
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
