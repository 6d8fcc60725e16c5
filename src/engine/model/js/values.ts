// A small abstract interpreter for JavaScript/TypeScript expressions: what a name, member or call
// evaluates to as far as static evidence goes (modules, SDK clients, apps, HTTP clients, local functions).

import type { Node } from '../../parse/parser';
import { JS_CLIENT_WRAPPERS, JS_SDKS, canonQname, findJsClientClass, findJsFactory, findJsInstance, findJsSdkFunction, runnableClass, sdkClass, type JsClassHit, type JsSdk, type JsSdkFunction } from '../../catalog/js-sdks';
import { JS_FRAMEWORKS, type JsFramework } from '../../catalog/js-frameworks';
import { JS_HTTP_LIBS, projectBlockingFunction, type JsHttpLib } from '../../catalog/js-blocking';
import { canon, dotted, type Binding, type JsModel, type JsScope } from './model';
import { callArgs, constObject, field, lookupPath, namedChildren, parentOf, stringValue, unwrap } from './syntax';
import type { JsCrossFile, JsExternalFn } from './crossfile';
import { projectQname } from '../../catalog/js-project';
import type { JsExportedClient } from './summary';
import { shapeMember, shapeOf, type JsObjectShape, type ShapeSource } from './shapes';

export interface ClientValue {
  kind: 'client';
  hit: JsClassHit;
  /** The `new X(...)` (or factory call) that built it, when it is in this file. */
  ctor?: Node;
  /** Option objects applied on top of the constructor's (`withOptions({...})`). */
  extraOptions: Node[];
  /** A ready-made instance exported by the SDK (ollama's default export): its defaults are known. */
  instance?: boolean;
  /** The module qualified name it was imported as (members may be other exports: `require('ollama').Ollama`). */
  qname?: string;
  /** Built in another workspace file and imported here. */
  external?: JsExportedClient;
  /**
   * The keys of the constructor's options when the argument is not a literal read in place: a member of
   * a constant object (`constants.azureOptions`), a spread of one, an object exported by another module.
   */
  optionsShape?: JsObjectShape;
}

export type Value =
  | { kind: 'qname'; qname: string }
  | { kind: 'clientClass'; hit: JsClassHit; qname?: string }
  | ClientValue
  | { kind: 'resource'; client: ClientValue; path: string[] }
  | { kind: 'sdkFunction'; sdk: JsSdk; fn: JsSdkFunction; qname: string }
  | { kind: 'function'; scope: JsScope }
  | { kind: 'external'; fn: JsExternalFn }
  | { kind: 'localClass'; scope: JsScope }
  | { kind: 'instance'; cls: JsScope }
  | { kind: 'object'; node: Node }
  /** A constant object defined in another workspace file: only which keys it holds. */
  | { kind: 'shape'; shape: JsObjectShape; qname?: string }
  | { kind: 'string'; text: string }
  | { kind: 'app'; framework: JsFramework; node?: Node }
  | { kind: 'http'; lib: JsHttpLib; config?: Node; method?: string }
  | { kind: 'promiseAll'; method: string };

const MAX_DEPTH = 20;
/** Classes whose instances only carry a client's options (`new Configuration({...})`, openai-node v3). */
const CONFIG_CLASSES = new Set(JS_SDKS.flatMap((s) => s.classes.flatMap((c) => (c.configClass ? [c.configClass] : []))));
const GLOBALS = new Set(['fetch', 'require', 'Promise', 'JSON', 'console', 'AbortSignal', 'Response', 'process', 'globalThis', 'setTimeout', 'setImmediate', 'queueMicrotask', 'structuredClone', 'String']);

export class Evaluator {
  private readonly active = new Set<number>();
  private readonly memo = new Map<string, Value | undefined>();
  /** Values the handler finder knows for parameters (a Fastify plugin's instance), by parameter node id. */
  readonly paramValues = new Map<number, Value>();

  constructor(readonly model: JsModel, readonly crossFile?: JsCrossFile, readonly file?: string) {}

  /**
   * An imported qualified name: SDK and package facts first (the project config's names included, even
   * where the workspace defines them: the team said what they do), then what the workspace defines under it.
   */
  private imported(written: string): Value {
    const qname = projectQname(written, this.file);
    const v = resolveQname(qname);
    if (v.kind === 'qname' && (projectBlockingFunction(v.qname) || findJsFactory(v.qname)?.sdk.project)) return v;
    if (v.kind !== 'qname' || !this.crossFile) return v;
    const ext = this.crossFile.lookup(v.qname);
    if (ext?.fn) return { kind: 'external', fn: ext.fn };
    if (ext?.object) return { kind: 'shape', shape: ext.object, qname: v.qname };
    return (ext?.client && externalClient(ext.client)) || v;
  }

  /** Forgets memoized values (after `paramValues` changed). */
  resetMemo(): void {
    this.memo.clear();
  }

  evaluate(node: Node, scope: JsScope, depth = 0): Value | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const n = unwrap(node);
    if (this.active.has(n.id)) return undefined;
    const key = `${n.id}:${scope.node.id}`;
    if (this.memo.has(key)) return this.memo.get(key);
    this.active.add(n.id);
    try {
      const v = this.inner(n, scope, depth + 1);
      this.memo.set(key, v);
      return v;
    } finally {
      this.active.delete(n.id);
    }
  }

  private inner(n: Node, scope: JsScope, depth: number): Value | undefined {
    switch (n.type) {
      case 'identifier':
      case 'shorthand_property_identifier':
        return this.lookup(n.text, scope, depth);
      case 'this':
        return undefined;
      case 'member_expression': {
        const obj = field(n, 'object');
        const prop = field(n, 'property');
        if (!obj || !prop) return undefined;
        const name = prop.text;
        const o = unwrap(obj);
        if (o.type === 'this') return this.thisMember(scope, name, depth);
        const base = this.evaluate(o, scope, depth);
        if (base) {
          const v = this.attribute(base, name, depth);
          if (v) return v;
        }
        // `globalThis.client`, `app.locals.client`: what was assigned to the same dotted target.
        const d = dotted(n);
        if (d) {
          const assigned = this.model.memberAssignments.get(d);
          if (assigned) return this.first(assigned, depth);
        }
        return undefined;
      }
      case 'subscript_expression': {
        const obj = field(n, 'object');
        const idx = stringValue(field(n, 'index'));
        if (!obj || idx === undefined) return undefined;
        const base = this.evaluate(obj, scope, depth);
        return base ? this.attribute(base, idx, depth) : undefined;
      }
      case 'call_expression': {
        const fn = field(n, 'function');
        if (!fn) return undefined;
        if (fn.type === 'import') return this.requireOf(n);
        // Tracing wrappers hand back the client they are given (`tracer.captureAWSv3Client(client)`, `wrapOpenAI(client)`).
        const u = unwrap(fn);
        const last = u.type === 'member_expression' ? field(u, 'property')?.text : u.text;
        if (last && JS_CLIENT_WRAPPERS.has(last)) {
          const arg = callArgs(n)[0];
          const wrapped = arg ? this.evaluate(arg, scope, depth + 1) : undefined;
          if (wrapped?.kind === 'client') return wrapped;
        }
        const callee = this.evaluate(fn, scope, depth);
        if (!callee) return this.pipeOf(n, fn, scope, depth);
        return this.call(callee, n, depth);
      }
      case 'new_expression': {
        const ctor = field(n, 'constructor');
        if (!ctor) return undefined;
        const callee = this.evaluate(ctor, scope, depth);
        return callee ? this.call(callee, n, depth) : undefined;
      }
      case 'await_expression': {
        const inner = n.namedChild(0);
        return inner ? this.evaluate(inner, scope, depth) : undefined;
      }
      case 'binary_expression': {
        const op = field(n, 'operator')?.text;
        const left = field(n, 'left');
        const right = field(n, 'right');
        if (!left || !right) return undefined;
        if (op === '??' || op === '||') {
          const l = this.evaluate(left, scope, depth);
          // `process.env.X || 'http://localhost:11434'`: the environment is unknown here, the default is written.
          if (l?.kind === 'qname' && l.qname.startsWith('global:process.env')) {
            const r = this.evaluate(right, scope, depth);
            if (r?.kind === 'string') return r;
          }
          return l ?? this.evaluate(right, scope, depth);
        }
        if (op === '+') {
          const l = this.evaluate(left, scope, depth);
          const r = this.evaluate(right, scope, depth);
          if (l?.kind === 'string' || r?.kind === 'string') return { kind: 'string', text: `${l?.kind === 'string' ? l.text : ''}${r?.kind === 'string' ? r.text : ''}` };
        }
        return undefined;
      }
      case 'ternary_expression': {
        const a = field(n, 'consequence');
        const b = field(n, 'alternative');
        return (a && this.evaluate(a, scope, depth)) ?? (b ? this.evaluate(b, scope, depth) : undefined);
      }
      case 'string':
        return { kind: 'string', text: n.text };
      case 'template_string': {
        // Substitutions that name string constants are expanded (`${BASE}/chat/completions`).
        let text = '';
        for (const c of n.namedChildren) {
          if (!c) continue;
          if (c.type === 'template_substitution') {
            const inner = c.namedChild(0);
            const v = inner ? this.evaluate(inner, scope, depth) : undefined;
            text += v?.kind === 'string' ? v.text.replace(/^['"`]|['"`]$/g, '') : '${}';
          } else text += c.text;
        }
        return { kind: 'string', text: '`' + text + '`' };
      }
      case 'object':
        return { kind: 'object', node: n };
      case 'class':
      case 'class_declaration':
      case 'abstract_class_declaration': {
        const s = this.model.scopeByNode.get(n.id);
        return s ? { kind: 'localClass', scope: s } : undefined;
      }
      case 'function_declaration':
      case 'function_expression':
      case 'function':
      case 'arrow_function':
      case 'method_definition':
      case 'generator_function_declaration':
      case 'generator_function': {
        const s = this.model.scopeByNode.get(n.id);
        return s ? { kind: 'function', scope: s } : undefined;
      }
      // Annotations: `client: OpenAI`, `OpenAI | null`, `Promise<OpenAI>`.
      case 'type_annotation':
      case 'union_type':
      case 'parenthesized_type':
      case 'generic_type':
      case 'type_identifier':
      case 'nested_type_identifier':
        return this.typeValue(n, scope, depth);
      default:
        return undefined;
    }
  }

  /** An annotation as a value: the instance of the SDK class or framework app it names. */
  typeValue(n: Node, scope: JsScope, depth: number): Value | undefined {
    switch (n.type) {
      case 'type_annotation':
      case 'parenthesized_type':
        return n.namedChild(0) ? this.typeValue(n.namedChild(0)!, scope, depth) : undefined;
      case 'union_type':
        for (const c of namedChildren(n)) {
          const v = this.typeValue(c, scope, depth);
          if (v) return v;
        }
        return undefined;
      case 'generic_type': {
        const name = field(n, 'name') ?? n.namedChild(0);
        if (name && name.text === 'Promise') {
          const args = namedChildren(n).find((c) => c.type === 'type_arguments');
          const first = args?.namedChild(0);
          return first ? this.typeValue(first, scope, depth) : undefined;
        }
        return name ? this.typeValue(name, scope, depth) : undefined;
      }
      case 'type_identifier':
      case 'nested_type_identifier':
      case 'identifier': {
        const text = n.text;
        const first = text.split('.')[0];
        const imp = this.model.imports.get(first);
        if (!imp) {
          const local = this.lookup(first, scope, depth);
          if (local?.kind === 'localClass') return { kind: 'instance', cls: local.scope };
          return undefined;
        }
        const qname = canon(text === first ? imp.qname : `${imp.qname}${text.slice(first.length)}`);
        const cls = findJsClientClass(canonQname(qname));
        if (cls) return { kind: 'client', hit: cls, extraOptions: [] };
        const fw = JS_FRAMEWORKS.find((f) => f.appTypes.some((t) => canon(t) === qname));
        if (fw) return { kind: 'app', framework: fw };
        if (/^(axios\.AxiosInstance|axios)$/.test(qname) && text !== first) return { kind: 'http', lib: JS_HTTP_LIBS.find((l) => l.id === 'axios')! };
        return undefined;
      }
      default:
        return undefined;
    }
  }

  private thisMember(scope: JsScope, name: string, depth: number): Value | undefined {
    let s: JsScope | undefined = scope;
    while (s && s.kind === 'function' && !s.classScope && s.node.type === 'arrow_function') s = s.parent;
    const cls = s?.classScope ?? (s?.kind === 'class' ? s : undefined);
    if (!cls) return undefined;
    return this.classMember(cls, name, depth);
  }

  private classMember(cls: JsScope, name: string, depth: number): Value | undefined {
    const attrs = cls.attributes.get(name);
    if (attrs) {
      const v = this.first(attrs, depth);
      if (v) return v;
    }
    const m = cls.methods.get(name);
    if (m) return { kind: 'function', scope: m };
    return undefined;
  }

  /** Evaluates bindings latest first and returns the first that says something. */
  private first(bindings: Binding[], depth: number): Value | undefined {
    for (let i = bindings.length - 1; i >= 0; i--) {
      const b = bindings[i];
      let v = this.evaluate(b.value, b.scope, depth);
      for (const k of b.key ?? []) v = v ? this.attribute(v, k, depth) : undefined;
      if (v) return v;
    }
    return undefined;
  }

  lookup(name: string, scope: JsScope, depth: number): Value | undefined {
    let s: JsScope | undefined = scope;
    while (s) {
      if (s.kind === 'class') {
        s = s.parent;
        continue;
      }
      const bound = s.bindings.get(name);
      const param = s.kind === 'function' ? s.params.find((p) => p.name === name) : undefined;
      if (bound || param) {
        if (bound) {
          const v = this.first(bound, depth);
          if (v) return v;
        }
        // Later assignments to the same variable (`client = new OpenAI()` in a lazy getter).
        const assigned = this.model.assignments.get(name)?.filter((a) => this.declaringScope(name, a.scope) === s);
        if (assigned && assigned.length) {
          const v = this.first(assigned, depth);
          if (v) return v;
        }
        if (param) {
          const hinted = this.paramValues.get(param.node.id);
          if (hinted) return hinted;
          if (param.type) return this.typeValue(param.type, s, depth);
          if (param.default) return this.evaluate(param.default, s.parent ?? s, depth);
        }
        return undefined;
      }
      s = s.parent;
    }
    const imp = this.model.imports.get(name);
    if (imp) return this.imported(imp.qname);
    if (GLOBALS.has(name)) return resolveQname(`global:${name}`);
    return undefined;
  }

  private declaringScope(name: string, from: JsScope): JsScope | undefined {
    let s: JsScope | undefined = from;
    while (s) {
      if (s.kind !== 'class' && (s.bindings.has(name) || (s.kind === 'function' && s.params.some((p) => p.name === name)))) return s;
      s = s.parent;
    }
    return undefined;
  }

  attribute(base: Value, attr: string, depth: number): Value | undefined {
    switch (base.kind) {
      case 'qname': {
        if (base.qname === 'global:Promise' && ['all', 'allSettled', 'race', 'any'].includes(attr)) return { kind: 'promiseAll', method: attr };
        if (base.qname === 'global:globalThis') return this.lookup(attr, this.model.module, depth);
        const lib = JS_HTTP_LIBS.find((l) => l.qnames.includes(base.qname));
        if (lib && lib.methods.includes(attr)) return { kind: 'http', lib, method: attr };
        return this.imported(`${base.qname}.${attr}`);
      }
      case 'client': {
        if (base.qname) {
          const v = resolveQname(`${base.qname}.${attr}`);
          if (v.kind !== 'qname') return v;
        }
        return { kind: 'resource', client: base, path: [attr] };
      }
      case 'clientClass':
        // `require('openai')` is the class and the module: `require('openai').OpenAI`, `require('@mistralai/mistralai').Mistral`.
        return base.qname ? resolveQname(`${base.qname}.${attr}`) : undefined;
      case 'resource':
        return { kind: 'resource', client: base.client, path: [...base.path, attr] };
      case 'http':
        if (!base.method && base.lib.methods.includes(attr)) return { ...base, method: attr };
        // `axios.create(config)`: the factory, evaluated when called.
        if (!base.method && !base.config && base.lib.factories.includes(attr)) return { kind: 'qname', qname: `${base.lib.qnames[0]}.${attr}` };
        return undefined;
      case 'instance':
        return this.classMember(base.cls, attr, depth);
      case 'app': {
        // Fastify decorators: `fastify.decorate('chat', fn)` makes `fastify.chat` that function.
        const value = this.decorations().get(attr);
        return value ? this.evaluate(value, this.scopeAt(value), depth) : undefined;
      }
      case 'shape': {
        // A nested settings object, or (a function or client beside the settings) what the index says of it.
        const member = shapeMember(base.shape, attr);
        if (member) return { kind: 'shape', shape: member, ...(base.qname ? { qname: `${base.qname}.${attr}` } : {}) };
        return base.qname ? this.imported(`${base.qname}.${attr}`) : undefined;
      }
      case 'localClass':
        // Static members: methods and fields (`static api = new OpenAIApi(...)` read as `Cls.api`).
        return this.classMember(base.scope, attr, depth);
      case 'object': {
        for (const prop of namedChildren(base.node)) {
          if (prop.type === 'method_definition' && field(prop, 'name')?.text === attr) {
            const s = this.model.scopeByNode.get(prop.id);
            return s ? { kind: 'function', scope: s } : undefined;
          }
          if (prop.type === 'pair') {
            const k = field(prop, 'key');
            const v = field(prop, 'value');
            if (k && v && (k.text === attr || stringValue(k) === attr)) return this.evaluate(v, this.model.scopeOfCall.get(base.node.id) ?? this.scopeAt(base.node), depth);
          }
          if (prop.type === 'shorthand_property_identifier' && prop.text === attr) return this.lookup(attr, this.scopeAt(base.node), depth);
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  private decorated?: Map<string, Node>;

  /** `x.decorate('name', value)` calls anywhere in the file, by name. */
  decorations(): Map<string, Node> {
    if (this.decorated) return this.decorated;
    this.decorated = new Map();
    for (const scope of [this.model.module, ...this.model.functions]) {
      for (const call of scope.calls) {
        const fn = call.type === 'call_expression' ? field(call, 'function') : null;
        if (fn?.type !== 'member_expression' || !/^decorate(?:Request|Reply)?$/.test(field(fn, 'property')?.text ?? '')) continue;
        const [name, value] = callArgs(call);
        const key = stringValue(name);
        if (key !== undefined && value) this.decorated.set(key, value);
      }
    }
    return this.decorated;
  }

  /** The innermost scope whose node contains `node`. */
  scopeAt(node: Node): JsScope {
    for (let p = parentOf(node); p; p = parentOf(p)) {
      const s = this.model.scopeByNode.get(p.id);
      // A class body too: field initializers read `this.<field>` of their class.
      if (s) return s;
    }
    return this.model.module;
  }

  private requireOf(call: Node): Value | undefined {
    const spec = stringValue(callArgs(call)[0]);
    return spec === undefined ? undefined : this.imported(canon(spec));
  }

  /**
   * The keys of a constructor's options object that `lookupPath` cannot read in place: `constants.azureOptions`
   * (a constant object here or imported), `{ ...config.openai, apiKey }`, `new OpenAI(settings)` with
   * `settings` imported. Undefined when the argument is a literal or a local const (read in place), or
   * when its root is a parameter, a reassigned variable or a mutated object (its keys are then unknown).
   */
  optionsShape(call: Node, depth: number): JsObjectShape | undefined {
    const arg = callArgs(call)[0];
    if (!arg) return undefined;
    const a = unwrap(arg);
    const scope = this.scopeAt(call);
    if (a.type === 'object' && !namedChildren(a).some((p) => p.type === 'spread_element')) return undefined;
    if (a.type === 'identifier' && constObject(a)) return undefined;
    const resolve = (value: Node): ShapeSource => {
      const root = rootName(value);
      if (!root || !this.fixedRoot(root, scope)) return undefined;
      const v = this.evaluate(value, scope, depth + 1);
      if (v?.kind === 'object' && !returnedLiteral(v.node)) return { node: v.node };
      if (v?.kind === 'shape') return { shape: v.shape };
      return undefined;
    };
    if (a.type === 'object') return shapeOf(a, resolve);
    if (a.type !== 'identifier' && a.type !== 'member_expression') return undefined;
    const r = resolve(a);
    return r ? ('node' in r ? shapeOf(r.node, resolve) : r.shape) : undefined;
  }

  /**
   * True when a name holds the same object wherever it is read: an import, or a variable bound once
   * (not a parameter, not reassigned) whose members are not assigned (`cfg.timeout = ...`, `Object.assign(cfg`).
   */
  private fixedRoot(name: string, scope: JsScope): boolean {
    for (let s: JsScope | undefined = scope; s; s = s.parent) {
      if (s.kind === 'class') continue;
      if (s.kind === 'function' && s.params.some((p) => p.name === name)) return false;
      const bound = s.bindings.get(name);
      if (bound) {
        if (bound.length !== 1 || (this.model.assignments.get(name)?.length ?? 0) > 0) return false;
        break;
      }
    }
    for (const key of this.model.memberAssignments.keys()) if (key === name || key.startsWith(`${name}.`)) return false;
    return !new RegExp(`Object\\.assign\\(\\s*${name.replace(/\$/g, '\\$')}\\b`).test(this.model.root.text);
  }

  /** LangChain: `prompt.pipe(model)` and `RunnableSequence.from([prompt, model])` are runnables of the model. */
  private pipeOf(call: Node, fn: Node, scope: JsScope, depth: number): Value | undefined {
    const f = unwrap(fn);
    if (f.type !== 'member_expression') return undefined;
    const method = field(f, 'property')?.text;
    if (method !== 'pipe' && method !== 'from') return undefined;
    for (const a of callArgs(call)) {
      const items = unwrap(a).type === 'array' ? namedChildren(unwrap(a)) : [a];
      for (const item of items) {
        const v = this.evaluate(item, scope, depth);
        if (v?.kind === 'client' && v.hit.sdk.id === 'langchain') return { kind: 'client', hit: runnableClass(), ctor: v.ctor, extraOptions: v.extraOptions };
      }
    }
    return undefined;
  }

  /** The LangChain model inside the options object of a wrapper's constructor or factory call. */
  private wrappedModel(call: Node, depth: number): Value | undefined {
    const arg = callArgs(call)[0];
    const obj = arg ? unwrap(arg) : undefined;
    if (!obj || obj.type !== 'object') return undefined;
    const scope = this.scopeAt(call);
    for (const prop of namedChildren(obj)) {
      const value = prop.type === 'pair' ? field(prop, 'value') : prop.type === 'shorthand_property_identifier' ? prop : null;
      if (!value) continue;
      const v = this.evaluate(value, scope, depth);
      if (v?.kind === 'client' && v.hit.sdk.id === 'langchain') return { kind: 'client', hit: runnableClass(), ctor: v.ctor, extraOptions: v.extraOptions };
    }
    return undefined;
  }

  call(callee: Value, call: Node, depth: number): Value | undefined {
    switch (callee.kind) {
      case 'clientClass': {
        if (!callee.hit.cls.configClass) {
          const optionsShape = this.optionsShape(call, depth);
          return { kind: 'client', hit: callee.hit, ctor: call, extraOptions: [], ...(optionsShape ? { optionsShape } : {}) };
        }
        // openai-node v3: `new OpenAIApi(configuration)`; the configuration's `baseOptions` bound every
        // request. A configuration not read statically is kept as is (its settings are then unknown).
        const arg = callArgs(call)[0];
        if (!arg) return { kind: 'client', hit: callee.hit, ctor: call, extraOptions: [] };
        const cfg = this.evaluate(arg, this.scopeAt(call), depth);
        if (cfg?.kind !== 'object') return { kind: 'client', hit: callee.hit, ctor: call, extraOptions: [arg] };
        const base = lookupPath(cfg.node, ['baseOptions']);
        return { kind: 'client', hit: callee.hit, ctor: call, extraOptions: base.kind === 'value' ? [base.node] : base.kind === 'unknown' ? [cfg.node] : [] };
      }
      case 'localClass':
        return { kind: 'instance', cls: callee.scope };
      case 'qname': {
        const q = callee.qname;
        if (q === 'global:require') return this.requireOf(call);
        // `new Configuration({...})` (openai-node v3): its options object.
        if (CONFIG_CLASSES.has(q)) {
          const arg = callArgs(call)[0];
          return arg && unwrap(arg).type === 'object' ? { kind: 'object', node: unwrap(arg) } : undefined;
        }
        const fw = JS_FRAMEWORKS.find((f) => f.appFactories.some((a) => canon(a) === q) || f.routerFactories.some((a) => canon(a) === q));
        if (fw) return { kind: 'app', framework: fw, node: call };
        const factory = findJsFactory(q);
        if (factory) return { kind: 'client', hit: factory, ctor: call, extraOptions: [] };
        // LangChain wrappers built around a runnable (`new RunnableWithMessageHistory({ runnable: prompt.pipe(model) })`,
        // `new AgentExecutor({ agent, ... })`): a runnable of the model they wrap.
        if (/^(?:@langchain\/|langchain(?:\/|\.))/.test(q)) {
          const wrapped = this.wrappedModel(call, depth);
          if (wrapped) return wrapped;
        }
        // `axios.create(config)`, `ky.create(...)`.
        const dot = q.lastIndexOf('.');
        if (dot > 0) {
          const lib = JS_HTTP_LIBS.find((l) => l.qnames.includes(q.slice(0, dot)) && l.factories.includes(q.slice(dot + 1)));
          if (lib) return { kind: 'http', lib, config: callArgs(call)[0] };
        }
        return undefined;
      }
      case 'resource': {
        const { client, path } = callee;
        const method = path[path.length - 1];
        if (client.hit.cls.clientReturning?.includes(method)) {
          const extra = method === 'withOptions' ? callArgs(call)[0] : undefined;
          const cls = client.hit.sdk.id === 'langchain' ? runnableClass() : client.hit;
          return { kind: 'client', hit: cls, ctor: client.ctor, extraOptions: extra ? [...client.extraOptions, extra] : client.extraOptions };
        }
        const session = client.hit.cls.sessions?.[path.join('.')];
        if (session) {
          const cls = sdkClass(client.hit.sdk, session);
          if (cls) return { kind: 'client', hit: { sdk: client.hit.sdk, cls }, ctor: client.ctor, extraOptions: [...client.extraOptions, ...(session === 'GenerativeModel' && callArgs(call)[1] ? [callArgs(call)[1]] : [])] };
        }
        return undefined;
      }
      case 'external':
        // A factory of another module: `getClient().chat.completions.create(...)`.
        return callee.fn.facts.returnsClient ? externalClient(callee.fn.facts.returnsClient) : undefined;
      case 'function': {
        for (const r of callee.scope.returns) {
          const v = this.evaluate(r, callee.scope, depth);
          if (v && (v.kind === 'client' || v.kind === 'instance' || v.kind === 'app' || v.kind === 'http' || v.kind === 'object')) return v;
        }
        return undefined;
      }
      case 'app': {
        // Hono and Fastify route methods return the app (`new Hono().get(...).post(...)`).
        return undefined;
      }
      default:
        return undefined;
    }
  }
}

/** A client built in another workspace file, as this file's value. */
function externalClient(c: JsExportedClient): ClientValue | undefined {
  const sdk = JS_SDKS.find((s) => s.id === c.sdk);
  const cls = sdk ? sdkClass(sdk, c.cls) : undefined;
  return sdk && cls ? { kind: 'client', hit: { sdk, cls }, extraOptions: [], external: c } : undefined;
}

export function resolveQname(qname: string): Value {
  const q = canonQname(qname);
  const cls = findJsClientClass(q);
  if (cls) return { kind: 'clientClass', hit: cls, qname: q };
  const inst = findJsInstance(q);
  if (inst) return { kind: 'client', hit: inst, extraOptions: [], instance: true, qname: q };
  const fn = findJsSdkFunction(q);
  if (fn) return { kind: 'sdkFunction', sdk: fn.sdk, fn: fn.fn, qname: q };
  const lib = JS_HTTP_LIBS.find((l) => l.qnames.includes(q));
  if (lib) return { kind: 'http', lib };
  return { kind: 'qname', qname: q };
}

/** The identifier a member chain starts from: `config` in `config.llm.openai`. */
function rootName(node: Node): string | undefined {
  let n = unwrap(node);
  while (n.type === 'member_expression' || n.type === 'subscript_expression') {
    const obj = field(n, 'object');
    if (!obj) return undefined;
    n = unwrap(obj);
  }
  return n.type === 'identifier' || n.type === 'shorthand_property_identifier' ? n.text : undefined;
}

/** An object literal a function returns (`return { ... }`, `() => ({ ... })`): other returns may differ. */
function returnedLiteral(obj: Node): boolean {
  let p = parentOf(obj);
  while (p && (p.type === 'parenthesized_expression' || p.type === 'as_expression' || p.type === 'satisfies_expression')) p = parentOf(p);
  return p?.type === 'return_statement' || p?.type === 'arrow_function';
}
