// A small abstract interpreter for Python expressions: what a name, attribute or call evaluates
// to, as far as static evidence goes (SDK modules, client classes and instances, local functions).

import type { Node } from '../../parse/parser';
import { CLIENT_WRAPPERS, runnableWrapperArgs, decodeClient, decodeOrigin, findClientClass, findFactory, findModuleFunction, genericClass, isModuleFunctionPrefix, type ClassHit, type CtorOrigin, type ModuleFunctionHit } from '../../catalog/python-sdks';
import type { PyModel, Scope } from './model';
import type { PyIndex } from '../../index/python-index';
import { callArguments, dottedName, field, unparen } from './syntax';

export interface ClientValue {
  kind: 'client';
  hit: ClassHit;
  /** The constructor call that built it, when it is in this file. */
  ctor?: Node;
  /** Where it was built, when that is another workspace file (with the settings written there). */
  origin?: CtorOrigin;
  /** An instance of a workspace subclass of the SDK class: its own methods run the workspace's code. */
  sub?: SubclassInfo;
}

/**
 * A workspace class deriving (directly, or through other workspace classes) from an SDK client class:
 * an instance is a client of that SDK, except for the methods the workspace classes define.
 */
export interface SubclassInfo {
  /** The class as call targets name it: `Cls` of this file, `import:q` of an imported one. */
  target: string;
  /** Methods the workspace classes of the chain define (calls of them run workspace code). */
  methods: string[];
  /** False when a class of the chain sets a timeout itself or builds the base without the caller's options. */
  judged: boolean;
}

export type Value =
  | { kind: 'module'; qname: string }
  | { kind: 'qname'; qname: string }
  | { kind: 'clientClass'; hit: ClassHit; sub?: SubclassInfo }
  | ClientValue
  | { kind: 'resource'; client: ClientValue; path: string[] }
  | { kind: 'sdkFunction'; hit: ModuleFunctionHit; qname: string }
  | { kind: 'function'; scope: Scope }
  | { kind: 'instance'; qname: string; ctor?: Node }
  | { kind: 'method'; qname: string; method: string; ctor?: Node }
  | { kind: 'extFactory'; cls: string }
  | { kind: 'localClass'; name: string }
  | { kind: 'localInstance'; className: string }
  | { kind: 'string'; text: string };

/**
 * Base classes whose async methods only call the sync ones on the event loop (llama-index `CustomLLM`:
 * `acomplete` runs `self.complete`), as sync method → async method.
 */
export const FAKE_ASYNC_BASES: { prefix: RegExp; pairs: Record<string, string> }[] = [
  { prefix: /^llama_index\.(core\.)?llms(\.custom)?\.CustomLLM$|^llama_index\.core\.llms\.custom\.CustomLLM$/, pairs: { complete: 'acomplete', chat: 'achat', stream_complete: 'astream_complete', stream_chat: 'astream_chat' } },
];

const MAX_DEPTH = 24;
/** Evaluation steps one outermost `evaluate` may take (ordinary values take a few dozen). */
const MAX_STEPS = 2_000;

/** The application-state classes of the web frameworks (`app.state`, a handler's `state: State`). */
const FRAMEWORK_STATE = /^(?:litestar|starlette|fastapi)(?:\.[\w]+)*\.State$/;

/** Told what an evaluation reads beyond its own syntax: every node evaluated, module-level names, attribute assignments. */
export interface EvalRecorder {
  node(n: Node): void;
  moduleName(name: string): void;
  attributeAssignments(): void;
}

export class Evaluator {
  private readonly functionByNode = new Map<number, Scope>();
  private readonly active = new Set<number>();
  /** Steps left to the outermost evaluation under way (see `evaluate`). */
  private steps = 0;

  private readonly scopeByCall = new Map<number, Scope>();
  /**
   * Cross-file lookups: clients and client factories defined in other workspace files. The index is held
   * weakly: facts kept for a file must not keep every superseded index (and its memo maps) alive, and
   * each use of kept facts first binds the caller's live index (`rebind`).
   */
  private externalRef?: { file: string; index: WeakRef<PyIndex> };

  get external(): { file: string; index: PyIndex } | undefined {
    const index = this.externalRef?.index.deref();
    return index ? { file: this.externalRef!.file, index } : undefined;
  }

  set external(value: { file: string; index: PyIndex } | undefined) {
    this.externalRef = value ? { file: value.file, index: new WeakRef(value.index) } : undefined;
  }
  /** When set, told what evaluations read (to know which statements' results depend on which). */
  recorder?: EvalRecorder;
  /**
   * Every answer this evaluator got from the index (imported names, `app.state` clients), by query.
   * The evaluator and anything derived from it can be reused with another index that gives the same
   * answers (`answersMatch`); with no index every answer is ''.
   */
  private readonly importAnswers = new Map<string, string>();
  private readonly stateAnswers = new Map<string, string>();
  /** Clients callers pass to this file's functions, by `function\0#position\0name`. */
  private readonly argAnswers = new Map<string, string>();
  private readonly importValues = new Map<string, Value>();

  constructor(private readonly model: PyModel) {
    for (const fn of model.functions) if (fn.kind === 'function') this.functionByNode.set(fn.node.id, fn);
    for (const s of [model.module, ...model.functions]) for (const c of s.calls) this.scopeByCall.set(c.id, s);
  }

  /** The scope whose body makes this call (module scope when unknown). */
  /** True when `index` (or no index) answers every cross-file query made so far as before. */
  answersMatch(file: string, index: PyIndex | undefined): boolean {
    if (this.importAnswers.size + this.stateAnswers.size + this.argAnswers.size === 0) return true;
    if (this.external && this.external.file !== file) return false;
    for (const [qname, answer] of this.importAnswers) if (importAnswer(file, index, qname) !== answer) return false;
    for (const [name, answer] of this.stateAnswers) if ((index?.stateClient(name) ?? '') !== answer) return false;
    for (const [key, answer] of this.argAnswers) {
      const [fn, position, name] = key.split('\u0000');
      if ((index?.argumentClient(file, fn, position, name) ?? '') !== answer) return false;
    }
    return true;
  }

  /**
   * Takes over another evaluator's index answers (which `answersMatch` said still hold): results
   * reused from it depend on them, so later checks must ask them too.
   */
  adoptAnswers(other: Evaluator): void {
    for (const [q, a] of other.importAnswers) if (!this.importAnswers.has(q)) this.importAnswers.set(q, a);
    for (const [n, a] of other.stateAnswers) if (!this.stateAnswers.has(n)) this.stateAnswers.set(n, a);
    for (const [k, a] of other.argAnswers) if (!this.argAnswers.has(k)) this.argAnswers.set(k, a);
  }

  /** Points later queries at `index` (after `answersMatch` said its answers so far are the same). */
  rebind(file: string, index: PyIndex | undefined): void {
    this.external = index ? { file, index } : undefined;
  }

  scopeOfNode(call: Node): Scope {
    return this.scopeByCall.get(call.id) ?? this.model.module;
  }

  functionScopeOf(defNode: Node): Scope | undefined {
    return this.functionByNode.get(defNode.id);
  }

  evaluate(node: Node, scope: Scope, depth = 0): Value | undefined {
    if (depth > MAX_DEPTH) return undefined;
    // Flow-insensitive lookups branch: `qs = qs.filter(...)` written 10 times makes every `qs` try the
    // other assignments in every order (10! paths). Each outermost evaluation gets a budget of steps;
    // past it, what is left is unknown.
    if (this.active.size === 0) this.steps = MAX_STEPS;
    else if (--this.steps < 0) return undefined;
    const n = unparen(node);
    this.recorder?.node(n);
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
            const assigned = method.classScope.attributes.get(attr.text);
            // `self._build_model()`: a method of the class (what its returns evaluate to, when called); in a
            // subclass of an SDK class, `self.invoke` it inherits is the SDK's.
            if (!assigned) return this.methodOf(method.classScope, attr.text) ?? this.inheritedSdkMethod(method.classScope, attr.text, depth);
            return this.firstValue(assigned, method.classScope, depth, true);
          }
        }
        const base = this.evaluate(obj, scope, depth);
        // A plain qualified name (`app.state.llm` through an `app` imported from another module) may
        // still be an attribute assigned in a file: looked up below first.
        const plain = base ? this.attribute(base, attr.text) : undefined;
        const appState = base?.kind === 'instance' && FRAMEWORK_STATE.test(base.qname);
        if (plain && plain.kind !== 'qname' && !appState) {
          // `bp.openai_client` on a module-level object (`bp = Blueprint(...)`, `app = Flask(...)`, a
          // `SimpleNamespace`) that this file assigns a value to (a startup hook's `bp.openai_client = ...`).
          if (plain.kind === 'method' && objInner.type === 'identifier') {
            this.recorder?.attributeAssignments();
            const stored = this.model.attributeAssignments.get(`${objInner.text}.${attr.text}`);
            const v = stored ? this.firstValue(stored, this.model.module, depth) : undefined;
            if (v && v.kind !== 'qname') return v;
          }
          return plain;
        }
        // `app.state.client` and friends: assignments to the same dotted target anywhere in the file;
        // `request.app.state.client` reads what `app.state.client = ...` stored.
        const dotted = dottedName(n);
        if (dotted) {
          this.recorder?.attributeAssignments();
          const exact = this.model.attributeAssignments.get(dotted);
          if (exact) return this.firstValue(exact, this.model.module, depth);
          // `state.x` where `state: State` is the framework's application state (a Litestar handler's
          // `state` parameter): what `app.state.x = ...` stored.
          const state = /\.state\.(\w+)$/.exec(dotted) ?? (appState ? [dotted, attr.text] : null);
          if (state) {
            for (const [key, nodes] of this.model.attributeAssignments) {
              if (key.endsWith(`.state.${state[1]}`)) {
                const v = this.firstValue(nodes, this.model.module, depth);
                if (v) return v;
              }
            }
            // Set in another module (a lifespan hook in main.py, read in a router).
            const elsewhere = this.stateClient(state[1]);
            const hit = elsewhere ? decodeClient(elsewhere) : undefined;
            if (hit) return { kind: 'client', hit, origin: decodeOrigin(elsewhere!) };
          }
        }
        return plain;
      }
      case 'call': {
        const fn = field(n, 'function');
        if (!fn) return undefined;
        // `super()` in a method of a subclass of an SDK client class: the SDK's methods on this instance.
        if (fn.type === 'identifier' && fn.text === 'super') {
          const method = methodScope(scope);
          const def = method?.classScope?.node;
          const sub = def ? this.clientSubclass(def, depth) : undefined;
          return sub ? { kind: 'client', hit: sub.hit } : undefined;
        }
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
      case 'string':
      case 'concatenated_string':
        return { kind: 'string', text: n.text };
      case 'boolean_operator': {
        // `os.environ.get("API_URL") or "https://api.openai.com/..."`: a text either side stands for the value.
        if (n.child(1)?.type !== 'or') return undefined;
        for (const side of [field(n, 'right'), field(n, 'left')]) {
          const v = side ? this.evaluate(side, scope, depth) : undefined;
          if (v?.kind === 'string') return v;
        }
        return undefined;
      }
      case 'binary_operator': {
        // LangChain pipelines: `prompt | llm | parser` is a runnable when any part is one; it keeps the
        // model's constructor (its timeout and retries are the pipeline's), the model found first from the left.
        const op = n.child(1)?.type;
        const left = field(n, 'left');
        const right = field(n, 'right');
        if (op === '|' && left && right) {
          let runnable: ClientValue | undefined;
          for (const side of [left, right]) {
            const v = this.evaluate(side, scope, depth);
            if (v?.kind !== 'client' || v.hit.sdk.id !== 'langchain') continue;
            if (v.ctor || v.origin) return { kind: 'client', hit: v.hit, ctor: v.ctor, origin: v.origin };
            runnable ??= { kind: 'client', hit: v.hit };
          }
          if (runnable) return runnable;
        }
        if (op === '+' && left && right) {
          const l = this.evaluate(left, scope, depth);
          const r = this.evaluate(right, scope, depth);
          if (l?.kind === 'string' || r?.kind === 'string') return { kind: 'string', text: `${l?.kind === 'string' ? l.text : ''}${r?.kind === 'string' ? r.text : ''}` };
        }
        return undefined;
      }
      case 'function_definition':
        return this.functionByNode.has(n.id) ? { kind: 'function', scope: this.functionByNode.get(n.id)! } : undefined;
      case 'class_definition': {
        const name = field(n, 'name')?.text;
        return name ? { kind: 'localClass', name } : undefined;
      }
      case 'subscript': {
        // `GroqDep = Annotated[Groq, Depends(get_groq)]`: a dependency alias stands for its value.
        const base = field(n, 'value');
        const b = base ? this.evaluate(base, scope, depth) : undefined;
        return b?.kind === 'qname' && /^typing(_extensions)?\.Annotated$/.test(b.qname) ? this.annotationValue(n, scope, depth) : undefined;
      }
      default:
        return undefined;
    }
  }

  private typeParameters(node: Node, scope: Scope, depth: number): Value | undefined {
    for (const c of node.namedChildren) {
      const v = c ? this.annotationValue(c, scope, depth) ?? this.dependency(c, scope, depth) : undefined;
      if (v) return v;
    }
    return undefined;
  }

  /** `Depends(provider)` / `Security(provider)`: the provider's result. */
  dependency(node: Node, scope: Scope, depth: number): Value | undefined {
    const n = unparen(node);
    if (n.type !== 'call') return undefined;
    const fn = field(n, 'function');
    const name = fn?.text.split('.').pop();
    if (name !== 'Depends' && name !== 'Security') return undefined;
    const args = field(n, 'arguments');
    const provider = args?.namedChild(0);
    if (!provider || provider.type === 'keyword_argument') return undefined;
    const v = this.evaluate(provider, scope, depth);
    // A provider defined here, or a client factory another workspace module defines (`lru_cache`d or not).
    if (v?.kind === 'function' || v?.kind === 'extFactory') return this.call(v, n, depth);
    if (v?.kind === 'clientClass') return { kind: 'client', hit: v.hit };
    return undefined;
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
      const cs = n.namedChildren;
      for (let i = 0; i < cs.length; i++) {
        const c = cs[i];
        if (!c) continue;
        const v = c.type === 'type_parameter' ? this.typeParameters(c, scope, depth) : i === 0 ? undefined : this.annotationValue(c, scope, depth) ?? this.dependency(c, scope, depth);
        if (v) return v;
      }
      return undefined;
    }
    if (n.type === 'string') return undefined;
    const v = this.evaluate(n, scope, depth);
    if (v?.kind === 'clientClass') return { kind: 'client', hit: v.hit };
    if (v?.kind === 'client') return v; // an `Annotated[...]` alias, here or imported
    // `svc: ChatService` (often with `= Depends(provider)`): an instance of that class, whose
    // methods can then be followed, here or in the module defining it.
    if (v?.kind === 'localClass') return { kind: 'localInstance', className: v.name };
    if (v?.kind === 'qname' && /^[A-Z]\w*$/.test(v.qname.split('.').pop() ?? '')) return { kind: 'instance', qname: v.qname };
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
      if (s.kind === 'module') this.recorder?.moduleName(name);
      const assigned = s.assignments.get(name);
      if (assigned) {
        const v = this.firstValue(assigned, s, depth);
        if (v) return v;
      }
      const param = s.params.find((p) => p.name === name);
      if (param) {
        let v: Value | undefined;
        if (param.annotation) v = this.annotationValue(param.annotation, s.parent ?? s, depth);
        // FastAPI dependency injection: `client = Depends(get_client)` is what `get_client()` returns
        // (it knows more than an annotation: where the client is built).
        if ((!v || (v.kind === 'client' && !v.ctor && !v.origin)) && param.default) v = this.dependency(param.default, s.parent ?? s, depth) ?? v;
        // What the callers pass (`helper(client)`, `Bot(llm)`): a client with its constructor's place.
        if (!v || (v.kind === 'client' && !v.ctor && !v.origin)) {
          const passed = this.argumentClient(s, param.name);
          if (passed && (!v || (v.kind === 'client' && v.hit.sdk === passed.hit.sdk))) return passed;
        }
        return v;
      }
      // `except ImportError: groq = None`: a placeholder for an optional import; the import is what calls go through.
      if (assigned && !(s.kind === 'module' && this.model.imports.has(name) && assigned.every((a) => unparen(a).type === 'none'))) return undefined;
      if (s.kind === 'module') break;
      s = s.parent;
    }
    this.recorder?.moduleName(name);
    const qname = this.model.imports.get(name);
    if (qname !== undefined) return this.resolveImported(qname, this.model.moduleImports.has(name));
    return undefined;
  }

  /** A catalogued name, or else what another workspace file binds it to (client, client factory). */
  resolveImported(qname: string, isModule: boolean): Value {
    const key = isModule ? `m${qname}` : `q${qname}`;
    let value = this.importValues.get(key);
    if (!value) this.importValues.set(key, (value = this.resolveImportedUncached(qname, isModule)));
    return value;
  }

  private resolveImportedUncached(qname: string, isModule: boolean): Value {
    const v = resolveQname(qname, isModule);
    if (v.kind !== 'qname') return v;
    let answer = this.importAnswers.get(qname);
    if (answer === undefined) this.importAnswers.set(qname, (answer = importAnswer(this.external?.file ?? '', this.external?.index, qname)));
    if (answer === '') return v;
    const [cls, made, alias, blocking, subclass] = answer.split('\u0000');
    if (subclass) {
      // A workspace class deriving from an SDK client class (`class Embeddings(OpenAIEmbeddings)`).
      const [encoded, judged, methods] = subclass.split('\u0002');
      const hit = decodeClient(encoded);
      if (hit) return { kind: 'clientClass', hit, sub: { target: `import:${qname}`, methods: methods ? methods.split(',') : [], judged: judged === '1' } };
    }
    if (cls) {
      const hit = decodeClient(cls);
      if (hit) return { kind: 'client', hit, origin: decodeOrigin(cls) };
    }
    if (made) return { kind: 'extFactory', cls: made };
    if (alias) return resolveQname(alias, false);
    // A client of the blocking catalog built in that module (`from app.store import qdrant`).
    if (blocking) return { kind: 'instance', qname: blocking };
    return v;
  }

  /** The client the callers of function `fn` pass for its parameter `name` (by position or keyword), if any. */
  private argumentClient(fn: Scope, name: string): ClientValue | undefined {
    if (fn.kind !== 'function') return undefined;
    const qualified = fn.parent?.kind === 'module' ? fn.name : fn.parent?.kind === 'class' && fn.parent.parent?.kind === 'module' ? `${fn.parent.name}.${fn.name}` : undefined;
    if (!qualified) return undefined;
    const at = fn.params.findIndex((p) => p.name === name);
    // Methods: the first parameter is the instance, not an argument.
    const isMethod = fn.parent?.kind === 'class' && !fn.decorators.some((d) => /staticmethod/.test(d.text));
    const position = `#${isMethod ? at - 1 : at}`;
    const key = `${qualified}\u0000${position}\u0000${name}`;
    let answer = this.argAnswers.get(key);
    // Asked with no index (or one passing no clients) too: a later index passing a client here must
    // not reuse what was worked out without it (`answersMatch`).
    const index = this.external?.index;
    if (answer === undefined) this.argAnswers.set(key, (answer = index && index.passesClients() ? index.argumentClient(this.external!.file, qualified, position, name) : ''));
    const hit = answer ? decodeClient(answer) : undefined;
    return hit ? { kind: 'client', hit, origin: decodeOrigin(answer) } : undefined;
  }

  /** True when an answer from the index so far named a client (an imported one, on `app.state`, an argument). */
  knowsClients(): boolean {
    for (const m of [this.importAnswers, this.stateAnswers, this.argAnswers]) for (const a of m.values()) if (a !== '') return true;
    return false;
  }

  /** The client another workspace file stores as `app.state.<name>`, if any. */
  private stateClient(name: string): string | undefined {
    let answer = this.stateAnswers.get(name);
    if (answer === undefined) this.stateAnswers.set(name, (answer = this.external?.index.stateClient(name) ?? ''));
    return answer || undefined;
  }

  /** Evaluates the assigned expressions, latest first, and returns the first one that says something. */
  private firstValue(nodes: Node[] | undefined, scope: Scope, depth: number, ownScope = false): Value | undefined {
    if (!nodes) return undefined;
    for (let i = nodes.length - 1; i >= 0; i--) {
      // `self.llm = llm` in `__init__`: `llm` is read in the method that assigns it (its parameter).
      const at = ownScope ? this.enclosingScope(nodes[i], scope) : scope;
      const v = this.evaluate(nodes[i], at, depth);
      // `store: Store = state.store`: when the value is only a name or an attribute of something unknown,
      // the annotation says more (its class's methods can be followed).
      if ((!v || v.kind === 'method' || v.kind === 'qname') && i > 0 && isAnnotationOf(nodes[i - 1], nodes[i])) {
        const a = this.evaluate(nodes[i - 1], at, depth);
        if (a && a.kind !== 'qname') return a;
      }
      if (v) return v;
    }
    return undefined;
  }

  /** The function whose body holds `node` (`fallback` outside any function of the model). */
  private enclosingScope(node: Node, fallback: Scope): Scope {
    for (let p = node.parent; p; p = p.parent) {
      if (p.type === 'function_definition') return this.functionByNode.get(p.id) ?? fallback;
      if (p.type === 'class_definition' || p.type === 'module') break;
    }
    return fallback;
  }

  /** A method defined in class scope `cls` (not inherited), as a function value. */
  private methodOf(cls: Scope, name: string): Value | undefined {
    const fn = cls.functions.find((f) => f.name === name && f.kind === 'function');
    return fn ? { kind: 'function', scope: fn } : undefined;
  }

  private readonly subclasses = new Map<number, { hit: ClassHit; sub: SubclassInfo } | null>();

  /** The class of this file's module scope bound to `name`, as its definition node. */
  private localClassDef(name: string): Node | undefined {
    const bound = this.model.module.assignments.get(name);
    const last = bound?.[bound.length - 1];
    return last?.type === 'class_definition' ? last : undefined;
  }

  /** The class scope of a top-level class of this file (one with at least one method). */
  private localClassScope(name: string): Scope | undefined {
    return this.model.functions.find((f) => f.classScope && f.parent === f.classScope && f.classScope.name === name && f.classScope.parent === this.model.module)?.classScope;
  }

  /** `self.<attr>` in a method of a subclass of an SDK class, `attr` not defined by the workspace classes: the SDK's. */
  private inheritedSdkMethod(cls: Scope, attr: string, depth: number): Value | undefined {
    if (cls.parent !== this.model.module || !field(cls.node, 'superclasses')) return undefined;
    const sub = this.clientSubclass(cls.node, depth);
    if (!sub || sub.sub.methods.includes(attr)) return undefined;
    return { kind: 'resource', client: { kind: 'client', hit: sub.hit }, path: [attr] };
  }

  private localClientSubclass(name: string, depth: number): { hit: ClassHit; sub: SubclassInfo } | undefined {
    const def = this.localClassDef(name);
    return def ? this.clientSubclass(def, depth) : undefined;
  }

  /**
   * A class definition deriving from an SDK client class (directly, through classes of this file, or through
   * workspace classes of other files the index knows): the SDK class and the chain's own methods.
   */
  clientSubclass(def: Node, depth = 0): { hit: ClassHit; sub: SubclassInfo } | undefined {
    const known = this.subclasses.get(def.id);
    if (known !== undefined) return known ?? undefined;
    const supers = field(def, 'superclasses');
    const name = field(def, 'name')?.text;
    if (!supers || !name) {
      this.subclasses.set(def.id, null);
      return undefined;
    }
    this.subclasses.set(def.id, null); // cycles
    let base: { hit: ClassHit; sub?: SubclassInfo } | undefined;
    for (const b of supers.namedChildren) {
      if (!b || (b.type !== 'identifier' && b.type !== 'attribute')) continue;
      const v = this.evaluate(b, this.model.module, depth);
      if (v?.kind === 'clientClass') base = v;
      else if (v?.kind === 'localClass') {
        const d = this.localClassDef(v.name);
        base = d && d.id !== def.id ? this.clientSubclass(d, depth + 1) : undefined;
      }
      if (base) break;
    }
    if (!base) return undefined;
    const own = classMethods(def);
    // The inherited async twins of the sync methods it defines run them (see `FAKE_ASYNC_BASES`): workspace code too.
    const fake = FAKE_ASYNC_BASES.find((fb) => fb.prefix.test(base!.hit.cls.qname));
    if (fake) for (const [sync, twin] of Object.entries(fake.pairs)) if (own.names.includes(sync) && !own.names.includes(twin)) own.names.push(twin);
    const out = {
      hit: base.hit,
      sub: { target: name, methods: [...new Set([...own.names, ...(base.sub?.methods ?? [])])], judged: (base.sub?.judged ?? true) && ownCtorJudged(def, own.init) },
    };
    this.subclasses.set(def.id, out);
    return out;
  }

  attribute(base: Value, attr: string): Value | undefined {
    switch (base.kind) {
      case 'localInstance': {
        // `Provider().get_model()` on a class of this file.
        const cls = this.model.functions.find((f) => f.classScope && f.parent === f.classScope && f.classScope.name === base.className && f.classScope.parent === this.model.module)?.classScope;
        return cls ? this.methodOf(cls, attr) : undefined;
      }
      case 'module':
      case 'qname':
        return this.resolveImported(`${base.qname}.${attr}`, false);
      case 'client':
        // A method the workspace subclass defines: its code, not the SDK's (a call target, see `callTarget`).
        if (base.sub?.methods.includes(attr)) {
          const cls = base.sub.target.startsWith('import:') ? undefined : this.localClassScope(base.sub.target);
          return cls ? this.methodOf(cls, attr) : undefined;
        }
        if (base.hit.sdk.asyncAttr === attr && !base.hit.cls.async) {
          return { kind: 'client', hit: { sdk: base.hit.sdk, cls: { qname: `${base.hit.cls.qname}.${attr}`, async: true } }, ctor: base.ctor, origin: base.origin };
        }
        return { kind: 'resource', client: base, path: [attr] };
      case 'instance':
        return { kind: 'method', qname: base.qname, method: attr, ctor: base.ctor };
      case 'clientClass':
        // Alternate constructors: `VectorStoreIndex.from_documents(...)`, `ChatPromptTemplate.from_messages(...)`.
        return base.hit.sdk.clientReturning.includes(attr) ? base : undefined;
      case 'resource':
        return { kind: 'resource', client: base.client, path: [...base.path, attr] };
      default:
        return undefined;
    }
  }

  /**
   * The string a factory is called with to select what it builds: `boto3.client("bedrock-runtime")`,
   * `client(service_name="bedrock-runtime")`, or a name bound to that string (`SERVICE = "bedrock-runtime"`).
   * An f-string or a value not known statically gives undefined.
   */
  private selectorArg(call: Node, key: string | undefined, depth: number): string | undefined {
    const a = firstArgument(call) ?? (key ? callKeyword(call, key) : undefined);
    if (!a) return undefined;
    const n = unparen(a);
    const v = n.type === 'string' ? { kind: 'string' as const, text: n.text } : n.type === 'identifier' || n.type === 'attribute' ? this.evaluate(n, this.scopeOfNode(call), depth) : undefined;
    if (v?.kind !== 'string' || /^[rbu]*f/i.test(v.text) || v.text.includes('{')) return undefined;
    return stringText(v.text);
  }

  call(callee: Value, call: Node, depth: number): Value | undefined {
    switch (callee.kind) {
      case 'clientClass':
        if (callee.sub) return { kind: 'client', hit: callee.hit, ...(callee.sub.judged ? { ctor: call } : {}), sub: callee.sub };
        return { kind: 'client', hit: callee.hit, ctor: call };
      case 'localClass': {
        // A class of this file deriving from an SDK client class: its instances are clients.
        const sub = this.localClientSubclass(callee.name, depth);
        if (sub) return this.call({ kind: 'clientClass', hit: sub.hit, sub: sub.sub }, call, depth);
        return { kind: 'localInstance', className: callee.name };
      }
      case 'extFactory': {
        const hit = decodeClient(callee.cls);
        return hit ? { kind: 'client', hit, origin: decodeOrigin(callee.cls) } : undefined;
      }
      case 'resource': {
        const method = callee.path[callee.path.length - 1];
        if (callee.client.hit.sdk.clientReturning.includes(method)) return callee.client;
        if (callee.client.hit.sdk.sessionPaths?.includes(callee.path.join('.'))) return callee.client;
        for (const f of findFactory(method, true)) {
          if (f.cls === callee.client.hit.sdk.id || f.sdk === callee.client.hit.sdk) return { kind: 'client', hit: genericClass(f.sdk.id, f.cls)!, ctor: call };
        }
        return undefined;
      }
      case 'method': {
        // `boto3.Session().client("bedrock-runtime")`, `StateGraph(...).compile()`.
        const top = callee.qname.split('.')[0];
        for (const f of findFactory(callee.method, true)) {
          if (!f.sdk.modules.some((m) => m.split('.')[0] === top)) continue;
          if (f.firstArg && !f.firstArg.includes(this.selectorArg(call, f.argKey, depth) ?? '')) continue;
          const hit = genericClass(f.sdk.id, f.cls);
          if (hit) return { kind: 'client', hit, ctor: call };
        }
        // `ModelProvider().get_model()`: a method of a workspace class that returns a client.
        const made = this.resolveImported(`${callee.qname}.${callee.method}`, false);
        return made.kind === 'extFactory' ? this.call(made, call, depth) : undefined;
      }
      case 'qname': {
        if (ENV_READS.has(callee.qname)) {
          // `os.getenv("API_URL", "https://...")`: the default text stands for the value.
          const { positional, keywords } = callArguments(call);
          const d = keywords.get('default') ?? positional[1];
          const v = d ? this.evaluate(d, scope0(call, this), depth) : undefined;
          return v?.kind === 'string' ? v : undefined;
        }
        if (CLIENT_WRAPPERS.has(callee.qname)) {
          const arg = firstArgument(call);
          const v = arg ? this.evaluate(arg, scope0(call, this), depth) : undefined;
          return v?.kind === 'client' ? v : undefined;
        }
        // `RunnableWithMessageHistory(prompt | llm, get_history)`: runs the wrapped runnable, with its model.
        const wrapped = runnableWrapperArgs(callee.qname);
        if (wrapped) {
          let runnable: ClientValue | undefined;
          for (const key of wrapped) {
            const arg = key.startsWith('#') ? nthArgument(call, Number(key.slice(1))) : callKeyword(call, key);
            const v = arg ? this.evaluate(arg, scope0(call, this), depth) : undefined;
            if (v?.kind !== 'client' || v.hit.sdk.id !== 'langchain') continue;
            if (v.ctor || v.origin) return v;
            runnable ??= v;
          }
          if (runnable) return runnable;
        }
        for (const f of findFactory(callee.qname, false)) {
          if (f.firstArg && !f.firstArg.includes(this.selectorArg(call, f.argKey, depth) ?? '')) continue;
          const hit = genericClass(f.sdk.id, f.cls);
          if (hit) return { kind: 'client', hit, ctor: call };
        }
        return { kind: 'instance', qname: callee.qname, ctor: call };
      }
      case 'function': {
        // A factory in this file: what its return statements evaluate to.
        for (const r of callee.scope.returns) {
          const v = this.evaluate(r, callee.scope, depth);
          if (v && (v.kind === 'client' || v.kind === 'instance' || v.kind === 'localInstance')) return v;
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }
}

/** Environment reads whose second argument is the default value. */
const ENV_READS = new Set(['os.getenv', 'os.environ.get', 'os.environ.setdefault']);

/** True when `annotation` is the type written on the assignment whose value is `value` (`x: T = value`). */
function isAnnotationOf(annotation: Node, value: Node): boolean {
  const p = value.parent;
  return annotation.type === 'type' && !!p && p.type === 'assignment' && annotation.parent?.id === p.id && field(p, 'right')?.id === value.id;
}

/** The text inside a string literal's quotes. */
function stringText(text: string): string {
  return text.replace(/^[rbu]*(['"]{1,3})/i, '').replace(/(['"]{1,3})$/, '');
}

/** The `n`th positional argument of a call (0-based). */
function nthArgument(call: Node, n: number): Node | undefined {
  const args = field(call, 'arguments');
  if (!args) return undefined;
  let i = 0;
  for (const a of args.namedChildren) {
    if (!a || a.type === 'keyword_argument' || a.type === 'comment') continue;
    if (a.type === 'list_splat' || a.type === 'dictionary_splat') return undefined;
    if (i++ === n) return a;
  }
  return undefined;
}

function firstArgument(call: Node): Node | undefined {
  const args = field(call, 'arguments');
  if (!args) return undefined;
  for (const a of args.namedChildren) {
    if (a && a.type !== 'keyword_argument' && a.type !== 'comment') return a;
  }
  return undefined;
}


function callKeyword(call: Node, key: string): Node | undefined {
  const args = field(call, 'arguments');
  if (!args) return undefined;
  for (const a of args.namedChildren) {
    if (a?.type === 'keyword_argument' && field(a, 'name')?.text === key) return field(a, 'value') ?? undefined;
  }
  return undefined;
}

/** The scope a wrapper call's argument is evaluated in: the one the evaluator is currently in. */
function scope0(call: Node, ev: Evaluator): Scope {
  return ev.scopeOfNode(call);
}

/** What the index binds an imported name to, as one string ('' when nothing): client, factory, SDK alias. */
function importAnswer(file: string, index: PyIndex | undefined, qname: string): string {
  if (!index) return '';
  const b = index.bindingOf(file, qname);
  return b && (b.client || b.factory || b.alias || b.blocking || b.subclass) ? `${b.client ?? ''}\u0000${b.factory ?? ''}\u0000${b.alias ?? ''}\u0000${b.blocking ?? ''}\u0000${b.subclass ?? ''}` : '';
}

/** Catalog lookups are pure: one result per qualified name (values are never mutated). */
const qnameValues = [new Map<string, Value>(), new Map<string, Value>()];

/** Forgets the catalog lookups (project config changed the catalogs). */
export function clearQnameValues(): void {
  for (const m of qnameValues) m.clear();
}

export function resolveQname(qname: string, isModule: boolean): Value {
  const memo = qnameValues[isModule ? 1 : 0];
  let v = memo.get(qname);
  if (!v) {
    if (memo.size > 50_000) memo.clear();
    memo.set(qname, (v = resolveQnameUncached(qname, isModule)));
  }
  return v;
}

function resolveQnameUncached(qname: string, isModule: boolean): Value {
  const cls = findClientClass(qname);
  if (cls) return { kind: 'clientClass', hit: cls };
  const fn = findModuleFunction(qname, true);
  if (fn) return { kind: 'sdkFunction', hit: fn, qname };
  if (isModule || isModuleFunctionPrefix(qname)) return { kind: 'module', qname };
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

/** The methods a class body defines (decorated or not), and its `__init__` if any. */
export function classMethods(def: Node): { names: string[]; init?: Node } {
  const names: string[] = [];
  let init: Node | undefined;
  for (const st of field(def, 'body')?.namedChildren ?? []) {
    const d = st?.type === 'decorated_definition' ? field(st, 'definition') : st;
    if (d?.type !== 'function_definition') continue;
    const n = field(d, 'name')?.text;
    if (!n) continue;
    names.push(n);
    if (n === '__init__') init = d;
  }
  return { names, init };
}

/**
 * Whether a subclass leaves the constructor's options to the caller, so that a call of it is judged like
 * the SDK class's: it sets no timeout of its own (no `timeout`/`request_timeout` anywhere in its body), and
 * its `__init__`, if any, hands the caller's keywords on (`super().__init__(**kwargs)`).
 */
export function ownCtorJudged(def: Node, init: Node | undefined): boolean {
  const body = field(def, 'body');
  if (body && /timeout/i.test(body.text)) {
    // A name or key (`request_timeout: float = 15`, `kwargs.setdefault("timeout", 20)`), not a docstring's word.
    for (const n of body.descendantsOfType(['identifier', 'string'])) {
      if (!n || !/timeout/i.test(n.text)) continue;
      if (n.type === 'identifier' || !(n.parent?.type === 'expression_statement' && n.parent.namedChildCount === 1)) return false;
    }
  }
  if (!init) return true;
  return /\bsuper\s*\(\s*\)\s*\.\s*__init__\s*\([^)]*\*\*\s*\w+/.test(field(init, 'body')?.text ?? '');
}
