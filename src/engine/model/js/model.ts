// The per-file JavaScript/TypeScript model: imports (ES modules and CommonJS), scopes (module,
// classes, functions, arrows, methods), bindings, assignments, exports and the calls each scope
// makes directly. Built in one cursor walk of the tree.

import type { Node, TreeCursor } from '../../parse/parser';
import { canonQname } from '../../catalog/js-sdks';
import { FUNCTION_TYPES, parentMap, parentOf, field, isAsyncFunction, isGeneratorFunction, keyName, namedChildren, stringValue, unwrap } from './syntax';

export type ScopeKind = 'module' | 'function' | 'class';

export interface Param {
  name: string;
  node: Node;
  index: number;
  type?: Node;
  default?: Node;
}

/** A value bound to a name: `value` itself, or the property `key` of it (`const { OpenAI } = require('openai')`). */
export interface Binding {
  value: Node;
  key?: string[];
  scope: JsScope;
}

export interface JsScope {
  kind: ScopeKind;
  node: Node;
  /** Function, method, class or variable name; `<anonymous>` otherwise. */
  name: string;
  nameNode?: Node;
  isAsync: boolean;
  isGenerator: boolean;
  parent?: JsScope;
  /** For methods and class-field functions: the class they belong to. */
  classScope?: JsScope;
  params: Param[];
  /** Names declared in this scope → their values (initializers, functions, classes, annotations). */
  bindings: Map<string, Binding[]>;
  /** Calls and `new` expressions made directly in this scope (not in nested functions). */
  calls: Node[];
  functions: JsScope[];
  /** Returned values (arrow expression bodies included). */
  returns: Node[];
  /** Class scopes: `this.x = ...`, field initializers and typed fields / parameter properties. */
  attributes: Map<string, Binding[]>;
  /** Class scopes: method name → method scope. */
  methods: Map<string, JsScope>;
  /** `'use server'` and friends at the top of the body. */
  directives: string[];
  /** The body holds `await` (directly, not in nested functions). */
  hasAwait: boolean;
}

export interface ImportBinding {
  /** `openai.OpenAI`, `openai` (default or namespace), `fs.readFileSync`. */
  qname: string;
  node: Node;
  /** The specifier as written (`./services/ai`, `node:fs`). */
  source: string;
  /** The imported name: an export name, `default`, or `*` for a namespace. */
  imported: string;
}

export interface JsModel {
  root: Node;
  module: JsScope;
  imports: Map<string, ImportBinding>;
  /** Module specifiers imported or required anywhere (normalized, without `node:`). */
  importedModules: Set<string>;
  /** Every function scope in source order. */
  functions: JsScope[];
  classes: JsScope[];
  /** Plain assignments to identifiers (`client = new OpenAI()` inside a getter function). */
  assignments: Map<string, Binding[]>;
  /** Assignments to member targets by dotted text (`exports.handler`, `globalThis.client`). */
  memberAssignments: Map<string, Binding[]>;
  /** Exported name (`default` included) → exported value node. */
  exports: Map<string, Node>;
  /** Scope of each function / class node by node id. */
  scopeByNode: Map<number, JsScope>;
  /** Scope making each call, by call node id. */
  scopeOfCall: Map<number, JsScope>;
  /** Directives at the top of the file (`'use server'`, `'use client'`). */
  directives: string[];
}

export const canon = canonQname;

const VISITED = new Set([
  ...FUNCTION_TYPES, 'class_declaration', 'class', 'abstract_class_declaration', 'import_statement', 'variable_declarator', 'call_expression', 'new_expression',
  'return_statement', 'assignment_expression', 'augmented_assignment_expression', 'export_statement', 'await_expression', 'public_field_definition', 'field_definition',
]);

/** Subtrees with nothing any rule reads by walking (types are read through fields when needed). */
const SKIPPED = new Set(['comment', 'type_annotation', 'type_alias_declaration', 'interface_declaration', 'type_arguments', 'type_parameters', 'implements_clause', 'enum_declaration', 'ambient_declaration', 'jsx_text']);
/** Nodes whose children nothing reads. */
const LEAVES = new Set([
  'identifier', 'property_identifier', 'shorthand_property_identifier', 'shorthand_property_identifier_pattern', 'private_property_identifier', 'type_identifier',
  'statement_identifier', 'string', 'number', 'regex', 'this', 'super', 'true', 'false', 'null', 'undefined', 'predefined_type', 'hash_bang_line',
]);

function newScope(kind: ScopeKind, node: Node, name: string, parent?: JsScope): JsScope {
  return {
    kind, node, name, parent, isAsync: false, isGenerator: false, params: [], bindings: new Map(), calls: [], functions: [], returns: [],
    attributes: new Map(), methods: new Map(), directives: [], hasAwait: false,
  };
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Dotted text of a member chain of identifiers: `module.exports.handler`; undefined otherwise. */
export function dotted(node: Node): string | undefined {
  const n = unwrap(node);
  if (n.type === 'identifier' || n.type === 'this') return n.text;
  if (n.type === 'member_expression') {
    const obj = field(n, 'object');
    const prop = field(n, 'property');
    if (!obj || !prop || prop.type !== 'property_identifier') return undefined;
    const base = dotted(obj);
    return base === undefined ? undefined : `${base}.${prop.text}`;
  }
  return undefined;
}

export function buildModel(root: Node): JsModel {
  const module = newScope('module', root, '<module>');
  const model: JsModel = {
    root, module, imports: new Map(), importedModules: new Set(), functions: [], classes: [], assignments: new Map(), memberAssignments: new Map(),
    exports: new Map(), scopeByNode: new Map(), scopeOfCall: new Map(), directives: readDirectives(root),
  };
  module.directives = model.directives;

  const bindPattern = (scope: JsScope, pattern: Node, value: Node, key: string[] = []): void => {
    const p = unwrap(pattern);
    switch (p.type) {
      case 'identifier':
        push(scope.bindings, p.text, { value, key: key.length ? key : undefined, scope });
        return;
      case 'object_pattern':
        for (const prop of namedChildren(p)) {
          if (prop.type === 'shorthand_property_identifier_pattern') push(scope.bindings, prop.text, { value, key: [...key, prop.text], scope });
          else if (prop.type === 'pair_pattern') {
            const k = field(prop, 'key');
            const v = field(prop, 'value');
            const name = k ? (k.type === 'string' ? stringValue(k) : k.text) : undefined;
            if (name && v) bindPattern(scope, v, value, [...key, name]);
          } else if (prop.type === 'object_assignment_pattern') {
            const left = field(prop, 'left');
            if (left?.type === 'shorthand_property_identifier_pattern') push(scope.bindings, left.text, { value, key: [...key, left.text], scope });
          }
        }
        return;
      case 'assignment_pattern': {
        const left = field(p, 'left');
        if (left) bindPattern(scope, left, value, key);
        return;
      }
      default:
        return;
    }
  };

  /**
   * Records what `node` (a VISITED type) says and returns the scope its children belong to, or
   * undefined when they need no walk. One cursor walks the whole tree: only VISITED nodes are
   * materialized (crossing into wasm per node is the expensive part).
   */
  const enter = (node: Node, scope: JsScope): JsScope | undefined => {
    switch (node.type) {
      case 'import_statement':
        readImport(node, model);
        return undefined;
      case 'class_declaration':
      case 'abstract_class_declaration':
      case 'class':
        return enterClass(node, scope);
      case 'variable_declarator': {
        const name = field(node, 'name');
        const value = field(node, 'value');
        const type = field(node, 'type');
        if (name) {
          if (value) bindPattern(scope, name, value);
          // `let client: OpenAI | null = null`: the annotation stands in when the value says nothing.
          if (type && name.type === 'identifier') push(scope.bindings, name.text, { value: type, scope });
          if (!value && !type && name.type === 'identifier') push(scope.bindings, name.text, { value: name, scope });
        }
        return scope;
      }
      case 'assignment_expression':
      case 'augmented_assignment_expression': {
        const left = field(node, 'left');
        const right = field(node, 'right');
        if (left && right) {
          const l = unwrap(left);
          if (l.type === 'identifier') push(model.assignments, l.text, { value: right, scope });
          else if (l.type === 'member_expression') {
            const obj = field(l, 'object');
            const prop = field(l, 'property');
            if (obj && prop && unwrap(obj).type === 'this') {
              const cls = classOf(scope);
              if (cls) push(cls.attributes, prop.text, { value: right, scope });
            }
            const d = dotted(l);
            if (d) push(model.memberAssignments, d, { value: right, scope });
            if (d && /^(module\.)?exports\.\w+$/.test(d)) model.exports.set(d.split('.').pop()!, right);
            if (d === 'module.exports') readCjsExports(right, model);
          }
        }
        return scope;
      }
      case 'export_statement':
        readExport(node, model);
        return scope;
      case 'call_expression':
      case 'new_expression': {
        scope.calls.push(node);
        model.scopeOfCall.set(node.id, scope);
        // `require('m')` / `import('m')`: the module counts as imported.
        const fn = node.type === 'call_expression' ? field(node, 'function') : null;
        if (fn && (fn.type === 'import' || (fn.type === 'identifier' && fn.text === 'require'))) {
          const spec = stringValue(node.childForFieldName('arguments')?.namedChild(0));
          if (spec !== undefined) model.importedModules.add(canon(spec));
        }
        return scope;
      }
      case 'await_expression':
        scope.hasAwait = true;
        return scope;
      case 'return_statement': {
        const value = node.namedChild(0);
        if (value && value.type !== 'comment') scope.returns.push(value);
        return scope;
      }
      case 'public_field_definition':
      case 'field_definition': {
        const name = field(node, 'name') ?? field(node, 'property');
        const value = field(node, 'value');
        const type = field(node, 'type');
        if (name && scope.kind === 'class') {
          if (value) push(scope.attributes, name.text, { value, scope });
          if (type) push(scope.attributes, name.text, { value: type, scope });
        }
        return scope;
      }
      default:
        return FUNCTION_TYPES.has(node.type) ? enterFunction(node, scope) : scope;
    }
  };

  // Inner nodes are materialized once here, so every node's parent is known without `node.parent`;
  // leaves only get their parent recorded by id, and type-only subtrees are not walked at all.
  const parents = parentMap(root.tree);
  const walk = (c: TreeCursor, scope: JsScope, parent: Node): void => {
    if (!c.gotoFirstChild()) return;
    do {
      if (!c.nodeIsNamed) continue;
      const type = c.nodeType;
      if (SKIPPED.has(type)) continue;
      if (LEAVES.has(type)) {
        parents.set(c.nodeId, parent);
        continue;
      }
      const node = c.currentNode;
      parents.set(node.id, parent);
      let inner: JsScope | undefined = scope;
      if (VISITED.has(type)) inner = enter(node, scope);
      if (inner) walk(c, inner, node);
    } while (c.gotoNextSibling());
    c.gotoParent();
  };

  const enterClass = (node: Node, scope: JsScope): JsScope => {
    const nameNode = field(node, 'name');
    const name = nameNode?.text ?? nameFromContext(node) ?? '<class>';
    const cls = newScope('class', node, name, scope);
    cls.nameNode = nameNode ?? undefined;
    model.classes.push(cls);
    model.scopeByNode.set(node.id, cls);
    if (nameNode && node.type !== 'class') push(scope.bindings, nameNode.text, { value: node, scope });
    return cls;
  };

  const enterFunction = (node: Node, scope: JsScope): JsScope => {
    const own = field(node, 'name');
    const context = own ? undefined : nameNodeFromContext(node);
    const name = own?.text ?? context?.text ?? '<anonymous>';
    const fn = newScope('function', node, name, scope);
    fn.nameNode = own ?? context;
    fn.isAsync = isAsyncFunction(node);
    fn.isGenerator = isGeneratorFunction(node);
    if (scope.kind === 'class') {
      fn.classScope = scope;
      scope.methods.set(name, fn); // methods and class-field arrows (`handle = async () => {}`)
    }
    model.functions.push(fn);
    model.scopeByNode.set(node.id, fn);
    scope.functions.push(fn);
    if ((node.type === 'function_declaration' || node.type === 'generator_function_declaration') && own) push(scope.bindings, own.text, { value: node, scope });
    // A named function expression sees its own name.
    if ((node.type === 'function_expression' || node.type === 'function') && own) push(fn.bindings, own.text, { value: node, scope: fn });
    const params = field(node, 'parameters') ?? field(node, 'parameter');
    if (params) {
      fn.params = readParams(params);
      if (name === 'constructor' && scope.kind === 'class') {
        // TypeScript parameter properties: `constructor(private readonly client: OpenAI)`.
        for (const p of fn.params) {
          const decl = parentOf(p.node);
          if (p.type && decl && decl.namedChildCount > 0 && (decl.namedChild(0)?.type === 'accessibility_modifier' || decl.text.startsWith('readonly '))) {
            push(scope.attributes, p.name, { value: p.type, scope });
          }
        }
      }
    }
    const body = field(node, 'body');
    if (body) {
      if (node.type === 'arrow_function' && body.type !== 'statement_block') fn.returns.push(body);
      else fn.directives = readDirectives(body);
    }
    return fn;
  };

  const c = root.walk();
  try {
    walk(c, module, root);
  } finally {
    c.delete();
  }

  return model;
}

function classOf(scope: JsScope): JsScope | undefined {
  let s: JsScope | undefined = scope;
  while (s && s.kind === 'function') {
    if (s.classScope) return s.classScope;
    if (s.node.type !== 'arrow_function') return undefined; // `this` of a plain function is not the instance
    s = s.parent;
  }
  return undefined;
}

/** The name a function or class expression gets from where it stands (`const f = () => {}`, `{ f: ... }`). */
function nameFromContext(node: Node): string | undefined {
  return nameNodeFromContext(node)?.text;
}

function nameNodeFromContext(node: Node): Node | undefined {
  let n = node;
  for (let q = parentOf(n); q && (q.type === 'parenthesized_expression' || q.type === 'as_expression' || q.type === 'satisfies_expression'); q = parentOf(n)) n = q;
  const p = parentOf(n);
  if (!p) return undefined;
  if (p.type === 'variable_declarator' && field(p, 'value')?.id === n.id) {
    const name = field(p, 'name');
    return name?.type === 'identifier' ? name : undefined;
  }
  if (p.type === 'pair' && field(p, 'value')?.id === n.id) return field(p, 'key') ?? undefined;
  if ((p.type === 'public_field_definition' || p.type === 'field_definition') && field(p, 'value')?.id === n.id) return (field(p, 'name') ?? field(p, 'property')) ?? undefined;
  if (p.type === 'assignment_expression' && field(p, 'right')?.id === n.id) {
    const left = unwrap(field(p, 'left')!);
    if (left.type === 'identifier') return left;
    if (left.type === 'member_expression') return field(left, 'property') ?? undefined;
  }
  return undefined;
}

function readParams(params: Node): Param[] {
  const out: Param[] = [];
  if (params.type === 'identifier') return [{ name: params.text, node: params, index: 0 }];
  let index = 0;
  for (const p of namedChildren(params)) {
    switch (p.type) {
      case 'identifier':
        out.push({ name: p.text, node: p, index });
        break;
      case 'required_parameter':
      case 'optional_parameter': {
        const pattern = field(p, 'pattern');
        const type = field(p, 'type');
        const value = field(p, 'value');
        if (pattern?.type === 'identifier') out.push({ name: pattern.text, node: pattern, index, type: type?.namedChild(0) ?? undefined, default: value ?? undefined });
        else if (pattern) out.push({ name: '', node: pattern, index, type: type?.namedChild(0) ?? undefined });
        break;
      }
      case 'assignment_pattern': {
        const left = field(p, 'left');
        const right = field(p, 'right');
        if (left?.type === 'identifier') out.push({ name: left.text, node: left, index, default: right ?? undefined });
        break;
      }
      default:
        out.push({ name: '', node: p, index });
    }
    index++;
  }
  return out;
}

function readDirectives(body: Node): string[] {
  const out: string[] = [];
  for (let i = 0; i < body.namedChildCount; i++) {
    const c = body.namedChild(i);
    if (!c || c.type === 'comment') continue;
    if (c.type === 'expression_statement') {
      const s = stringValue(c.namedChild(0));
      if (s !== undefined && c.namedChild(0)?.type === 'string') {
        out.push(s);
        continue;
      }
    }
    break;
  }
  return out;
}

function readImport(node: Node, model: JsModel): void {
  const source = stringValue(field(node, 'source'));
  if (source === undefined) {
    // TypeScript `import X = require('m')`.
    const req = namedChildren(node).find((c) => c.type === 'import_require_clause');
    const id = req?.namedChild(0);
    const src = req ? stringValue(req.namedChild(1)) : undefined;
    if (id && src !== undefined) model.imports.set(id.text, { qname: canon(src), node, source: src, imported: '*' });
    return;
  }
  const mod = canon(source);
  model.importedModules.add(mod);
  const clause = namedChildren(node).find((c) => c.type === 'import_clause');
  if (!clause) return;
  for (const c of namedChildren(clause)) {
    if (c.type === 'identifier') model.imports.set(c.text, { qname: mod, node, source, imported: 'default' });
    else if (c.type === 'namespace_import') {
      const id = c.namedChild(0);
      if (id) model.imports.set(id.text, { qname: mod, node, source, imported: '*' });
    } else if (c.type === 'named_imports') {
      for (const spec of namedChildren(c)) {
        if (spec.type !== 'import_specifier') continue;
        const name = field(spec, 'name');
        const alias = field(spec, 'alias');
        if (!name) continue;
        const imported = name.type === 'string' ? (stringValue(name) ?? name.text) : name.text;
        model.imports.set((alias ?? name).text, { qname: canon(`${mod}.${imported}`), node, source, imported });
      }
    }
  }
}

function readExport(node: Node, model: JsModel): void {
  const decl = field(node, 'declaration');
  const value = field(node, 'value');
  const isDefault = node.children.some((c) => c?.type === 'default');
  if (decl) {
    if (decl.type === 'lexical_declaration' || decl.type === 'variable_declaration') {
      for (const d of namedChildren(decl)) {
        if (d.type !== 'variable_declarator') continue;
        const name = field(d, 'name');
        const v = field(d, 'value');
        if (name?.type === 'identifier' && v) model.exports.set(name.text, v);
      }
    } else {
      const name = field(decl, 'name');
      if (isDefault) model.exports.set('default', decl);
      if (name) model.exports.set(name.text, decl);
    }
    return;
  }
  if (value && isDefault) {
    model.exports.set('default', value);
    return;
  }
  const clause = namedChildren(node).find((c) => c.type === 'export_clause');
  if (clause && !field(node, 'source')) {
    for (const spec of namedChildren(clause)) {
      const name = field(spec, 'name');
      const alias = field(spec, 'alias');
      if (name) model.exports.set((alias ?? name).text, name);
    }
  }
}

/** `module.exports = { handler, chat }` / `module.exports = async (req, res) => {}`. */
function readCjsExports(value: Node, model: JsModel): void {
  const v = unwrap(value);
  if (v.type === 'object') {
    for (const prop of namedChildren(v)) {
      const k = keyName(prop);
      if (!k) continue;
      model.exports.set(k, prop.type === 'pair' ? (field(prop, 'value') ?? prop) : prop);
    }
    return;
  }
  model.exports.set('default', v);
}

/**
 * Every scope that makes calls of its own: the module, class bodies (field initializers such as
 * `private client = new OpenAI()` or `static api = new OpenAIApi(this.configuration)`) and functions.
 */
export function callScopes(model: JsModel): JsScope[] {
  return [model.module, ...model.classes, ...model.functions];
}

/** The innermost function scope holding `scope` (itself when it is one). */
export function functionOf(scope: JsScope): JsScope | undefined {
  let s: JsScope | undefined = scope;
  while (s && s.kind !== 'function') s = s.parent;
  return s;
}
