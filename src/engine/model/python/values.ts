// A small abstract interpreter for Python expressions: what a name, attribute or call evaluates
// to, as far as static evidence goes (SDK modules, client classes and instances, local functions).

import type { Node } from '../../parse/parser';
import { findClientClass, findModuleFunction, isModuleFunctionPrefix, PYTHON_SDKS, type ClassHit, type ModuleFunctionHit } from '../../catalog/python-sdks';
import type { PyModel, Scope } from './model';
import { dottedName, field, unparen } from './syntax';

export interface ClientValue {
  kind: 'client';
  hit: ClassHit;
  /** The constructor call that built it, when it is in this file. */
  ctor?: Node;
}

export type Value =
  | { kind: 'module'; qname: string }
  | { kind: 'qname'; qname: string }
  | { kind: 'clientClass'; hit: ClassHit }
  | ClientValue
  | { kind: 'resource'; client: ClientValue; path: string[] }
  | { kind: 'sdkFunction'; hit: ModuleFunctionHit; qname: string }
  | { kind: 'function'; scope: Scope }
  | { kind: 'instance'; qname: string };

const SDK_MODULES = new Set(PYTHON_SDKS.flatMap((s) => s.modules));
const MAX_DEPTH = 24;

export class Evaluator {
  private readonly functionByNode = new Map<number, Scope>();
  private readonly active = new Set<number>();

  constructor(private readonly model: PyModel) {
    for (const fn of model.functions) if (fn.kind === 'function') this.functionByNode.set(fn.node.id, fn);
  }

  functionScopeOf(defNode: Node): Scope | undefined {
    return this.functionByNode.get(defNode.id);
  }

  evaluate(node: Node, scope: Scope, depth = 0): Value | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const n = unparen(node);
    if (this.active.has(n.id)) return undefined; // cycle: `a = b; b = a`
    this.active.add(n.id);
    try {
      return this.evaluateInner(n, scope, depth + 1);
    } finally {
      this.active.delete(n.id);
    }
  }

  private evaluateInner(n: Node, scope: Scope, depth: number): Value | undefined {
    switch (n.type) {
      case 'identifier':
        return this.lookup(n.text, scope, depth);
      case 'attribute': {
        const obj = field(n, 'object');
        const attr = field(n, 'attribute');
        if (!obj || !attr) return undefined;
        // `self.x` inside a method: the class's attribute assignments.
        const objInner = unparen(obj);
        if (objInner.type === 'identifier' && scope.kind !== 'module') {
          const method = methodScope(scope);
          if (method?.classScope && method.params[0]?.name === objInner.text) {
            return this.firstValue(method.classScope.attributes.get(attr.text), method.classScope, depth);
          }
        }
        const base = this.evaluate(obj, scope, depth);
        if (base) return this.attribute(base, attr.text);
        // `app.state.client` and friends: assignments to the same dotted target anywhere in the file.
        const dotted = dottedName(n);
        if (dotted) return this.firstValue(this.model.attributeAssignments.get(dotted), this.model.module, depth);
        return undefined;
      }
      case 'call': {
        const fn = field(n, 'function');
        if (!fn) return undefined;
        const callee = this.evaluate(fn, scope, depth);
        return callee ? this.call(callee, n, depth) : undefined;
      }
      case 'await': {
        // `await factory()` where the factory is an async def returning a client.
        const inner = n.namedChild(0);
        return inner ? this.evaluate(inner, scope, depth) : undefined;
      }
      case 'type': {
        const inner = n.namedChild(0);
        return inner ? this.annotationValue(inner, scope, depth) : undefined;
      }
      case 'conditional_expression': {
        const first = n.namedChild(0);
        return first ? this.evaluate(first, scope, depth) : undefined;
      }
      case 'function_definition':
        return this.functionByNode.has(n.id) ? { kind: 'function', scope: this.functionByNode.get(n.id)! } : undefined;
      default:
        return undefined;
    }
  }

  /** Values of an annotation (`client: OpenAI`, `Optional[OpenAI]`, `OpenAI | None`) as instances. */
  annotationValue(node: Node, scope: Scope, depth: number): Value | undefined {
    const n = unparen(node);
    if (n.type === 'type') return n.namedChild(0) ? this.annotationValue(n.namedChild(0)!, scope, depth) : undefined;
    if (n.type === 'binary_operator') {
      const left = field(n, 'left');
      const right = field(n, 'right');
      return (left && this.annotationValue(left, scope, depth)) || (right && this.annotationValue(right, scope, depth)) || undefined;
    }
    if (n.type === 'subscript' || n.type === 'generic_type') {
      for (let i = 0; i < n.namedChildCount; i++) {
        const c = n.namedChild(i);
        if (!c) continue;
        const v = c.type === 'type_parameter' ? this.annotationValue(c.namedChild(0) ?? c, scope, depth) : i === 0 ? undefined : this.annotationValue(c, scope, depth);
        if (v) return v;
      }
      return undefined;
    }
    if (n.type === 'string') return undefined;
    const v = this.evaluate(n, scope, depth);
    if (v?.kind === 'clientClass') return { kind: 'client', hit: v.hit };
    return undefined;
  }

  lookup(name: string, scope: Scope, depth: number): Value | undefined {
    let s: Scope | undefined = scope;
    while (s) {
      if (s.kind === 'class' && s !== scope) {
        s = s.parent; // class bodies are not visible from methods
        continue;
      }
      if (s.kind !== 'module' && s.globals.has(name)) {
        s = this.model.module;
        continue;
      }
      const assigned = s.assignments.get(name);
      if (assigned) {
        const v = this.firstValue(assigned, s, depth);
        if (v) return v;
      }
      const param = s.params.find((p) => p.name === name);
      if (param) {
        if (param.annotation) {
          const v = this.annotationValue(param.annotation, s.parent ?? s, depth);
          if (v) return v;
        }
        return undefined;
      }
      if (assigned) return undefined;
      if (s.kind === 'module') break;
      s = s.parent;
    }
    const qname = this.model.imports.get(name);
    if (qname !== undefined) return resolveQname(qname, this.model.moduleImports.has(name));
    return undefined;
  }

  /** Evaluates the assigned expressions, latest first, and returns the first one that says something. */
  private firstValue(nodes: Node[] | undefined, scope: Scope, depth: number): Value | undefined {
    if (!nodes) return undefined;
    for (let i = nodes.length - 1; i >= 0; i--) {
      const v = this.evaluate(nodes[i], scope, depth);
      if (v) return v;
    }
    return undefined;
  }

  attribute(base: Value, attr: string): Value | undefined {
    switch (base.kind) {
      case 'module':
      case 'qname':
        return resolveQname(`${base.qname}.${attr}`, false);
      case 'client':
        return { kind: 'resource', client: base, path: [attr] };
      case 'resource':
        return { kind: 'resource', client: base.client, path: [...base.path, attr] };
      default:
        return undefined;
    }
  }

  call(callee: Value, call: Node, depth: number): Value | undefined {
    switch (callee.kind) {
      case 'clientClass':
        return { kind: 'client', hit: callee.hit, ctor: call };
      case 'resource': {
        const method = callee.path[callee.path.length - 1];
        if (callee.path.length === 1 && callee.client.hit.sdk.clientReturning.includes(method)) return callee.client;
        return undefined;
      }
      case 'qname':
        return { kind: 'instance', qname: callee.qname };
      case 'function': {
        // A factory in this file: what its return statements evaluate to.
        for (const r of callee.scope.returns) {
          const v = this.evaluate(r, callee.scope, depth);
          if (v && (v.kind === 'client' || v.kind === 'instance')) return v;
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }
}

export function resolveQname(qname: string, isModule: boolean): Value {
  const cls = findClientClass(qname);
  if (cls) return { kind: 'clientClass', hit: cls };
  const fn = findModuleFunction(qname, true);
  if (fn) return { kind: 'sdkFunction', hit: fn, qname };
  const top = qname.split('.')[0];
  if (isModule || (SDK_MODULES.has(top) && isModuleFunctionPrefix(qname))) return { kind: 'module', qname };
  return { kind: 'qname', qname };
}

function methodScope(scope: Scope): Scope | undefined {
  let s: Scope | undefined = scope;
  while (s && !(s.kind === 'function' && s.classScope)) {
    if (s.kind === 'class' || s.kind === 'module') return undefined;
    s = s.parent;
  }
  return s;
}
