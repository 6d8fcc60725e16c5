// Plain-data summary of one Python file for the workspace index: which functions make LLM calls
// (sync or async), which other functions they call, and which module-level names hold clients.

import type { LlmCall, Usage, UsageKind } from '../model/python/calls';
import { iterates, usageOf, usesOfName, withModel } from '../model/python/calls';

export { iterates };
import { ctorOriginSettings, throughModel, usesClientTimeout } from '../policy/python-policy';
import type { PyModel, Scope } from '../model/python/model';
import { field, rangeOf } from '../model/python/syntax';
import type { Node } from '../parse/parser';
import { FAKE_ASYNC_BASES, type ClientValue, type Evaluator } from '../model/python/values';
import type { Range } from '../types';
import { PYTHON_SDKS, encodeClient, originKey, type CtorOrigin } from '../catalog/python-sdks';

/** Top-level packages of the LLM SDKs. */
const SDK_TOPS = new Set(PYTHON_SDKS.flatMap((s) => s.modules.map((m) => m.split('.')[0])));
import { INCLUDE_FUNCTIONS, PYTHON_FRAMEWORKS, ROUTE_CONSTRUCTORS, type RunsOn } from '../catalog/python-frameworks';
import { ownHandlers } from '../model/python/handlers';
import { calleeTail, callArguments, stringValue, unparen } from '../model/python/syntax';
import { blockingClientValue, blockingEntry, blockingNames, handleOnlyForChild } from '../model/python/blocking';

export interface DirectCall {
  text: string;
  range: Range;
  sdk: string;
  async: boolean;
  usage: UsageKind;
  /**
   * `file:line:character` of the constructor of a client built in another module that this call takes its
   * timeout from (that constructor has none): the timeout rule reports there, naming this call.
   */
  via?: string;
  /** A streaming call (through `via`): a fix gives it a longer timeout. */
  stream?: boolean;
  /** A lazy SDK generator this function does not iterate (`LlmCall.lazy`): calling the function sends nothing for it. */
  lazy?: 'returned' | 'elsewhere';
}

export interface CallEdge {
  /** `local:name`, `local:Class.method`, `import:qualified.name` or `app:attribute.method` (`PyFileSummary.appAttributes`). */
  target: string;
  range: Range;
  usage: UsageKind;
  /**
   * Clients passed as arguments (`helper(client)`, `Bot(llm)`), as [`#index` or keyword, encoded client
   * with its origin]: the callee's parameter then holds that client.
   */
  args?: Array<[string, string]>;
  /**
   * The call's result is iterated here (`for x in f()`, `list(f())`, `yield from f()`, or a local name holding
   * it iterated so: `g = f(); for x in g:`): a generator's body runs.
   */
  iterates?: true;
  /** The coroutine is run on a loop of its own (`asyncio.run(f())`, `loop.run_until_complete(f())`). */
  ownLoop?: true;
  /**
   * Functions passed as arguments (`best_match(q, self.db.similar_rows)`), as [`#index` or keyword, target]:
   * when the callee calls that parameter (`FnFacts.paramCalls`), the passed function runs here.
   */
  fnArgs?: Array<[string, string]>;
}

/** A blocking call other than an LLM call (sleep, sync HTTP or DB, file I/O, child process). */
export interface DirectIo {
  text: string;
  range: Range;
  what: string;
  /** Local file I/O: a judgement call, reported at a lower severity. */
  minor?: true;
}

export interface FnFacts {
  name: string;
  /** Blocking calls other than LLM calls made directly in it. */
  io?: DirectIo[];
  isAsync: boolean;
  /** Calling it only creates a generator: its body runs later, when something iterates it. */
  isGenerator: boolean;
  range: Range;
  direct: DirectCall[];
  calls: CallEdge[];
  /**
   * A method with no behaviour of its own (`@abstractmethod`, or a body of only `...`, `pass`, a
   * docstring or `raise NotImplementedError`): a call of it runs a subclass's override.
   */
  abstract?: true;
  /**
   * The classes whose instances its `return` statements build (`Cls` of this file, `import:q` of an
   * imported one): a method called on its result is one of theirs (`get_backend().chat(...)`).
   */
  returnsInstances?: string[];
  /**
   * A sync function the framework itself runs on the event loop, with no caller in the workspace (a Django
   * Channels consumer's `__init__`): the helpers it reaches run on the loop.
   */
  onLoop?: true;
  /** Parameters the body calls (`db_func(...)`), by `#index` (the instance not counted) and by name. */
  paramCalls?: string[];
  /**
   * Methods an async function awaits on a parameter with no annotation (`await chat_service.execute_chat(...)`):
   * duck-typed, so a workspace class's async method of that (unique) name is run by an async caller.
   */
  awaitsUntyped?: string[];
}

export interface PyFileSummary {
  file: string;
  /** A script, not a server: it runs `asyncio.run(...)` or has `if __name__ == "__main__"`, and imports no web framework. */
  script?: true;
  /** Local name → imported qualified name (relative imports keep their leading dots). */
  imports: Record<string, string>;
  functions: Record<string, FnFacts>;
  /** Module-level names bound to clients → `encodeClient` form (async clients included). */
  clients: Record<string, string>;
  /** Module-level functions returning a client → client class qname. */
  factories: Record<string, string>;
  /** Module-level names bound to instances of classes defined in this file → class name. */
  instances: Record<string, string>;
  /** `app.state.<name> = Client(...)` anywhere in the file → `encodeClient` form. */
  state?: Record<string, string>;
  /** Module-level names bound to clients of the blocking catalog (`qdrant = QdrantClient(...)`) → constructor qname. */
  blocking?: Record<string, string>;
  /** Module-level aliases of SDK functions (`completion = litellm.completion`) → qualified name. */
  aliases?: Record<string, string>;
  /** Routes this module declares to views imported from other modules (Django `urlpatterns`). */
  routes?: RouteRef[];
  /** Module-level calls handing clients to functions and classes (`bot = Bot(llm)`): only those with client arguments. */
  moduleCalls?: CallEdge[];
  /** Other modules' route tables nested under a prefix (`path("api/", include("app.urls"))`). */
  includes?: Array<{ prefix: string; module: string }>;
  /** Classes of this file with base classes → each base (`Cls` of this file, `import:q` of an imported one). */
  bases?: Record<string, string[]>;
  /**
   * Classes of this file deriving from an SDK client class (`class Embeddings(OpenAIEmbeddings)`) →
   * `encodeClient` form, `1` when a call of it is judged like the SDK class's (else `0`), and the methods the
   * workspace classes of the chain define, comma-separated; the parts joined by U+0002.
   */
  clientClasses?: Record<string, string>;
  /**
   * The functions this file routes requests to itself (not other modules' route tables), by qualified name:
   * other modules' helpers they reach are judged against the limits of the server in front of them.
   */
  handlers?: Record<string, HandlerRef>;
  /**
   * Instances of workspace classes stored on a web app object (`app.chat = ChatManager(key)` in a Flask
   * factory → `chat`; `app.state.store = Store()` → `state.store`) → their class (`Cls`, `import:q`):
   * `current_app.chat.ask(...)` in another module calls that class's method.
   */
  appAttributes?: Record<string, string>;
}

/** How a framework runs a handler, as the index carries it to the modules of the helpers it calls. */
export interface HandlerRef {
  framework: string;
  runsOn: RunsOn;
  /** `POST /chat` (`?` for a path that could not be read). */
  route: string;
}

export interface RouteRef {
  /** Imported qualified name of the view (relative imports keep their leading dots). */
  target: string;
  /** A function view, or a class whose HTTP-verb methods are the handlers (`View.as_view()`). */
  view: 'function' | 'class';
  path: string;
  framework: string;
}

const jsonOf = new WeakMap<PyFileSummary, string>();

/** True when two summaries hold the same facts (each summary is serialized once: summaries are never changed). */
export function sameSummary(a: PyFileSummary | undefined, b: PyFileSummary | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const json = (s: PyFileSummary): string => {
    let j = jsonOf.get(s);
    if (j === undefined) jsonOf.set(s, (j = JSON.stringify(s)));
    return j;
  };
  return json(a) === json(b);
}

/**
 * The name the index knows a function by: `f`, `Cls.method`, and for a function defined inside another
 * (a closure, a generator a handler streams) Python's own `outer.<locals>.inner`. Lambdas and functions
 * in nested classes have none.
 */
export function qualifiedName(scope: Scope): string | undefined {
  if (scope.kind !== 'function' || scope.name === '<lambda>') return undefined;
  if (scope.parent?.kind === 'module') return scope.name;
  if (scope.parent?.kind === 'class' && scope.parent.parent?.kind === 'module') return `${scope.parent.name}.${scope.name}`;
  if (scope.parent?.kind === 'function') {
    const outer = qualifiedName(scope.parent);
    return outer === undefined ? undefined : `${outer}.<locals>.${scope.name}`;
  }
  return undefined;
}

/** Django Channels consumer base classes: `as_asgi()` builds an instance of the class per connection. */
const CHANNELS_CONSUMER = /^channels\.(?:consumer|generic\.\w+)\.\w*Consumer$/;

/**
 * A top-level class deriving from a Django Channels consumer (directly or through classes of this file).
 * Channels' `as_asgi()` builds the consumer inside the ASGI coroutine for every connection, so its
 * `__init__` runs on the event loop, whether the consumer's handlers are async or run in a thread.
 */
function consumerClass(cls: Scope | undefined, model: PyModel, evaluator: Evaluator, depth = 0): boolean {
  if (!cls || cls.parent !== model.module || depth > 4 || !/Consumer\b/.test(model.root.text)) return false;
  const supers = field(cls.node, 'superclasses');
  for (const b of supers?.namedChildren ?? []) {
    if (!b || (b.type !== 'identifier' && b.type !== 'attribute')) continue;
    const v = evaluator.evaluate(b, model.module);
    if ((v?.kind === 'qname' || v?.kind === 'module') && CHANNELS_CONSUMER.test(v.qname)) return true;
    if (v?.kind === 'localClass') {
      const base = model.functions.find((f) => f.classScope?.name === v.name && f.classScope.parent === model.module)?.classScope;
      if (base && base !== cls && consumerClass(base, model, evaluator, depth + 1)) return true;
    }
  }
  return false;
}

/** What one named function gives the summary: its facts, and the client it returns when it is a factory. */
export interface FunctionFragment {
  name: string;
  facts: FnFacts;
  factory?: string;
}

/** `for x in NAME:`, `in NAME]`/`)`/`}` of a comprehension, `list(NAME)`, `next(NAME)`, `yield from NAME`, `"".join(NAME)`. */
const ITERATED_NAME = /\bin\s+([A-Za-z_]\w*)\s*(?:[:\])}]|\bif\b)|\b(?:list|tuple|set|sorted|next|sum|any|all|enumerate|join|extend)\(\s*([A-Za-z_]\w*)\s*[,)]|\byield\s+from\s+([A-Za-z_]\w*)/g;

/**
 * The plain names a function's body may iterate (one pass over its text, for `g = f(); for x in g:`): a
 * cheap filter before the name's uses are looked up. Text-based, so a superset (nested functions' loops,
 * names in strings).
 */
function iteratedNames(fn: Scope): Set<string> {
  const out = new Set<string>();
  const body = field(fn.node, 'body');
  if (!body) return out;
  const text = body.text;
  ITERATED_NAME.lastIndex = 0;
  for (let m = ITERATED_NAME.exec(text); m; m = ITERATED_NAME.exec(text)) out.add(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** `asyncio.run(f())`, `loop.run_until_complete(f())`: the coroutine runs on a loop of its own, not the server's. */
const OWN_LOOP = /^(?:asyncio\.run|asyncio\.get_event_loop\(\)\.run_until_complete|[\w.]*\.run_until_complete|asyncio\.new_event_loop\(\)\.run_until_complete)$/;

export function runsOnOwnLoop(usage: Usage): boolean {
  if (usage.kind !== 'argument' || usage.consumer?.type !== 'call') return false;
  return OWN_LOOP.test(field(usage.consumer, 'function')?.text.replace(/\s+/g, '') ?? '');
}

/** The summary fragment of `fn` (undefined for lambdas and nested functions); `llm` are its own LLM calls. */
export function functionFragment(fn: Scope, llm: LlmCall[], model: PyModel, evaluator: Evaluator, file: string): FunctionFragment | undefined {
  const name = qualifiedName(fn);
  if (!name) return undefined;
  const facts: FnFacts = { name, isAsync: fn.isAsync, isGenerator: fn.hasYield, range: rangeOf(fn.nameNode ?? fn.node), direct: [], calls: [] };
  if (fn.name === '__init__' && consumerClass(fn.classScope, model, evaluator)) facts.onLoop = true;
  const llmCallIds = new Set<number>();
  for (const c of llm) {
    llmCallIds.add(c.node.id);
    const d: DirectCall = { text: c.calleeText, range: rangeOf(field(c.node, 'function') ?? c.node), sdk: c.sdk.id, async: c.async, usage: c.usage.kind };
    if (c.lazy) d.lazy = c.lazy;
    // Through a client built without a timeout in another module: that constructor is told about this call.
    const eff = throughModel(c);
    const o = eff.client && !eff.client.ctor ? eff.client.origin : undefined;
    if (o && (o.timeout === undefined || o.timeout.value === null || o.timeout.value === 0) && usesClientTimeout(c)) {
      d.via = originKey(o);
      if (c.streaming) d.stream = true;
    }
    facts.direct.push(d);
  }
  const names = blockingNames({ model, evaluator });
  const params = paramPositions(fn);
  let iterated: Set<string> | undefined;
  for (const call of fn.calls) {
    if (llmCallIds.has(call.id)) continue;
    const callee = field(call, 'function');
    if (params && callee?.type === 'identifier' && params.has(callee.text) && !fn.assignments.has(callee.text)) {
      const list = (facts.paramCalls ??= []);
      if (!list.includes(callee.text)) list.push(callee.text, params.get(callee.text)!);
    }
    if (names.has(calleeTail(call))) {
      const hit = blockingEntry({ model, evaluator }, call, fn);
      if (hit && !(hit.name === 'open' && handleOnlyForChild(call, fn))) {
        (facts.io ??= []).push({ text: hit.name, range: rangeOf(field(call, 'function') ?? call), what: hit.entry.what, ...(hit.entry.minor ? { minor: true as const } : {}) });
        continue;
      }
    }
    const target = callTarget(call, fn, model, evaluator);
    if (!target) {
      if (fn.isAsync && callee?.type === 'attribute') {
        const method = untypedParamAwait(call, callee, fn);
        if (method && !(facts.awaitsUntyped ??= []).includes(method)) facts.awaitsUntyped.push(method);
      }
      continue;
    }
    const usage = usageOf(call);
    const edge: CallEdge = { target, range: rangeOf(field(call, 'function') ?? call), usage: usage.kind };
    if (iterates(usage) || (usage.kind === 'assigned' && (iterated ??= iteratedNames(fn)).has(usage.name!) && usesOfName(fn, usage.name!, usage.consumer!).some(iterates))) edge.iterates = true;
    if (runsOnOwnLoop(usage)) edge.ownLoop = true;
    const args = handsClients(model, evaluator) ? clientArguments(call, fn, file, model, evaluator) : undefined;
    if (args) edge.args = args;
    const fnArgs = functionArguments(call, fn, model, evaluator);
    if (fnArgs) edge.fnArgs = fnArgs;
    facts.calls.push(edge);
  }
  // Factories: functions whose return value is a client (the last one that says so); where it was built is
  // added by `summarizePython` (the place may move while this fragment is kept).
  let factory: string | undefined;
  const made = new Set<string>();
  for (const r of fn.returns) {
    const v = evaluator.evaluate(r, fn);
    if (v?.kind === 'client') factory = encodeClient(v.hit);
    else if (v?.kind === 'localInstance') made.add(v.className);
    else if (v?.kind === 'instance' && isImportedName(v.qname, model) && /^[A-Z]/.test(v.qname.split('.').pop() ?? '')) made.add(`import:${v.qname}`);
  }
  if (made.size > 0 && factory === undefined) facts.returnsInstances = [...made];
  if (fn.classScope && fn.parent === fn.classScope && isAbstractMethod(fn)) facts.abstract = true;
  return { name, facts, factory };
}

/** `@abstractmethod`, or a body doing nothing (`...`, `pass`, a docstring, `raise NotImplementedError`). */
function isAbstractMethod(fn: Scope): boolean {
  if (fn.decorators.some((d) => /\babstract(?:method|property)\b/.test(d.text))) return true;
  const body = field(fn.node, 'body');
  if (!body) return false;
  let statements = 0;
  for (const st of body.namedChildren) {
    if (!st || st.type === 'comment') continue;
    statements++;
    if (st.type === 'pass_statement') continue;
    if (st.type === 'expression_statement' && st.namedChildCount === 1 && (st.namedChild(0)?.type === 'ellipsis' || st.namedChild(0)?.type === 'string')) continue;
    if (st.type === 'raise_statement' && /^raise\s+NotImplementedError\b/.test(st.text)) continue;
    return false;
  }
  return statements > 0;
}

/**
 * Where a client value was built, as summaries carry it to other files: its own origin when it came from
 * another module, else its constructor here (for a chain or agent, the model it wraps) with the timeout and
 * retries written there.
 */
export function originOf(v: ClientValue, file: string, model: PyModel, evaluator: Evaluator): CtorOrigin | undefined {
  if (v.origin) return v.origin;
  if (!v.ctor || v.ctor.tree !== model.root.tree) return undefined;
  const made: LlmCall = { node: v.ctor, scope: evaluator.scopeOfNode(v.ctor), sdk: v.hit.sdk, async: false, awaitable: true, calleeText: '', client: v, usage: { kind: 'other', valueNode: v.ctor }, streaming: false };
  const call = throughModel(withModel(made, evaluator));
  const client = call.client!;
  if (!client.ctor) return client.origin;
  if (client.ctor.tree !== model.root.tree) return undefined;
  const settings = ctorOriginSettings(call, client.ctor);
  return { file, range: rangeOf(client.ctor), ...settings };
}

/** The encoded client of a factory function (`@lru_cache def get_client()`), with where it is built. */
function factoryWithOrigin(fn: Scope, file: string, model: PyModel, evaluator: Evaluator): string | undefined {
  let out: string | undefined;
  for (const r of fn.returns) {
    const v = evaluator.evaluate(r, fn);
    if (v?.kind === 'client') out = encodeClient(v.hit, originOf(v, file, model, evaluator));
  }
  return out;
}

/**
 * The file's summary. `fragments` are the functions' parts, in `model.functions` order, when the
 * caller already has them (kept from the previous version of the file for statements it reused).
 */
export function summarizePython(file: string, model: PyModel, evaluator: Evaluator, calls: LlmCall[], fragments?: FunctionFragment[]): PyFileSummary {
  const summary: PyFileSummary = { file, imports: Object.fromEntries(model.imports), functions: {}, clients: {}, factories: {}, instances: {} };
  if (!fragments) {
    const byScope = new Map<Scope, LlmCall[]>();
    for (const c of calls) {
      const list = byScope.get(c.scope);
      if (list) list.push(c);
      else byScope.set(c.scope, [c]);
    }
    fragments = [];
    for (const fn of model.functions) {
      const f = functionFragment(fn, byScope.get(fn) ?? [], model, evaluator, file);
      if (f) fragments.push(f);
    }
  }
  const byName = new Map<string, Scope>();
  for (const fn of model.functions) {
    const n = qualifiedName(fn);
    if (n) byName.set(n, fn);
  }
  for (const f of fragments) {
    summary.functions[f.name] = f.facts;
    if (f.factory !== undefined) {
      const fn = byName.get(f.name);
      summary.factories[f.name] = (fn && factoryWithOrigin(fn, file, model, evaluator)) ?? f.factory;
    }
  }
  const appFile = importsFramework(model);
  for (const [dotted, values] of model.attributeAssignments) {
    if (appFile) appAttribute(summary, dotted, values[values.length - 1], model, evaluator);
    const m = /\.state\.(\w+)$/.exec(dotted);
    if (!m) {
      objectClient(summary, dotted, values[values.length - 1], file, model, evaluator);
      continue;
    }
    const v = evaluator.evaluate(values[values.length - 1], model.module);
    if (v?.kind === 'client') (summary.state ??= {})[m[1]] = encodeClient(v.hit, originOf(v, file, model, evaluator));
  }
  for (const [name, values] of model.module.assignments) {
    const last = values[values.length - 1];
    const v = last ? evaluator.evaluate(last, model.module) : undefined;
    if (v?.kind === 'client') summary.clients[name] = encodeClient(v.hit, originOf(v, file, model, evaluator));
    else if (v?.kind === 'localInstance') summary.instances[name] = v.className;
    else if (v?.kind === 'instance' && isImportedName(v.qname, model)) summary.instances[name] = `import:${v.qname}`;
    else if (v?.kind === 'sdkFunction') (summary.aliases ??= {})[name] = v.qname;
    if (last && v?.kind !== 'client' && v?.kind !== 'localInstance' && v?.kind !== 'sdkFunction' && (last.type === 'call' || last.type === 'identifier' || last.type === 'attribute')) {
      const ctor = blockingClientValue({ model, evaluator }, last);
      if (ctor) (summary.blocking ??= {})[name] = ctor;
    }
  }
  for (const call of handsClients(model, evaluator) ? model.module.calls : []) {
    const args = clientArguments(call, model.module, file, model, evaluator);
    if (!args) continue;
    const target = callTarget(call, model.module, model, evaluator);
    if (target) (summary.moduleCalls ??= []).push({ target, range: rangeOf(field(call, 'function') ?? call), usage: usageOf(call).kind, args });
  }
  summarizeRoutes(summary, model, evaluator);
  for (const h of ownHandlers(model, evaluator)) {
    const name = qualifiedName(h.scope);
    if (name) (summary.handlers ??= {})[name] = { framework: h.framework.id, runsOn: h.runsOn, route: `${h.method} ${h.path}` };
  }
  summarizeBases(summary, model, evaluator);
  summarizeFakeAsyncBases(summary, model, evaluator);
  if (isScript(model)) summary.script = true;
  return summary;
}

/** Classes of web app objects (`flask.Flask`, `fastapi.FastAPI`, ...): what their attributes hold, every request shares. */
const APP_CLASSES = new Set(PYTHON_FRAMEWORKS.flatMap((f) => f.appClasses));
/** Context-local proxies standing for the app serving the request (`current_app.chat`). */
const APP_PROXIES = new Set(['flask.current_app', 'quart.current_app']);

function importsFramework(model: PyModel): boolean {
  for (const q of model.imports.values()) if (FRAMEWORK_TOPS.has(q.replace(/^\.+/, '').split('.')[0])) return true;
  return false;
}

/**
 * `app.chat = ChatManager(key)` / `app.state.store = Store()` where `app` is a web app object: the
 * attribute (`chat`, `state.store`) and the class of the instance, into `summary.appAttributes`.
 */
function appAttribute(summary: PyFileSummary, dotted: string, value: Node | undefined, model: PyModel, evaluator: Evaluator): void {
  const parts = dotted.split('.');
  if (!value || parts[0] === 'self' || parts[0] === 'cls' || !(parts.length === 2 || (parts.length === 3 && parts[1] === 'state'))) return;
  const left = value.parent?.type === 'assignment' ? field(value.parent, 'left') : undefined;
  let receiver = left?.type === 'attribute' ? field(left, 'object') : undefined;
  if (receiver && parts.length === 3) receiver = receiver.type === 'attribute' ? field(receiver, 'object') : undefined;
  if (!receiver || receiver.type !== 'identifier') return;
  let scope: Scope = model.module;
  for (let p = value.parent; p; p = p.parent) {
    if (p.type !== 'function_definition') continue;
    scope = evaluator.functionScopeOf(p) ?? model.module;
    break;
  }
  const app = evaluator.evaluate(receiver, scope);
  if (app?.kind !== 'instance' || !APP_CLASSES.has(app.qname)) return;
  const v = evaluator.evaluate(value, scope);
  const cls = v?.kind === 'localInstance' ? v.className : v?.kind === 'instance' && isImportedName(v.qname, model) && /^[A-Z]/.test(v.qname.split('.').pop() ?? '') ? `import:${v.qname}` : undefined;
  if (cls) (summary.appAttributes ??= {})[parts.slice(1).join('.')] = cls;
}

/**
 * `bp.llm = AsyncOpenAI(...)` where `bp` is a module-level object of this file (a blueprint, an app, a
 * `SimpleNamespace`), often in a startup hook: a client other modules reach as `bp.llm`, into
 * `summary.clients` under the dotted name.
 */
function objectClient(summary: PyFileSummary, dotted: string, value: Node | undefined, file: string, model: PyModel, evaluator: Evaluator): void {
  const parts = dotted.split('.');
  if (!value || parts.length !== 2 || unparen(value).type !== 'call' || !model.module.assignments.has(parts[0]) || model.imports.has(parts[0])) return;
  let scope: Scope = model.module;
  for (let p = value.parent; p; p = p.parent) {
    if (p.type !== 'function_definition') continue;
    scope = evaluator.functionScopeOf(p) ?? model.module;
    break;
  }
  // The receiver is the module-level object, not a parameter or local of the function assigning it.
  for (let s: Scope | undefined = scope; s && s.kind !== 'module'; s = s.parent) if (s.assignments.has(parts[0]) || s.params.some((p) => p.name === parts[0])) return;
  const v = evaluator.evaluate(value, scope);
  if (v?.kind === 'client') summary.clients[dotted] = encodeClient(v.hit, originOf(v, file, model, evaluator));
}

/**
 * `current_app.chat` (Flask, Quart) or `<anything>.app.state.store` read where the evaluator knows no
 * value: the app attribute it names (`app:chat`, `app:state.store`), which the index looks up in the
 * module that stores it.
 */
function appAttributeRead(obj: Node, scope: Scope, evaluator: Evaluator): string | undefined {
  if (obj.type !== 'attribute') return undefined;
  const owner = field(obj, 'object');
  const name = field(obj, 'attribute')?.text;
  if (!owner || !name) return undefined;
  if (owner.type === 'attribute' && field(owner, 'attribute')?.text === 'state') return `app:state.${name}`;
  if (owner.type !== 'identifier') return undefined;
  const v = evaluator.evaluate(owner, scope);
  return v?.kind === 'qname' && APP_PROXIES.has(v.qname) ? `app:${name}` : undefined;
}

/** Top-level packages of the web frameworks: a module importing one is (part of) a server. */
const FRAMEWORK_TOPS = new Set(PYTHON_FRAMEWORKS.flatMap((f) => f.modules).map((m) => m.split('.')[0]).concat(['uvicorn', 'gunicorn', 'hypercorn', 'granian']));

/**
 * A script: it imports no web framework or server, and it runs a loop of its own at module level
 * (`asyncio.run(main())`) or has a `if __name__ == "__main__":` block.
 */
function isScript(model: PyModel): boolean {
  for (const q of model.imports.values()) if (FRAMEWORK_TOPS.has(q.replace(/^\.+/, '').split('.')[0])) return false;
  for (const node of model.root.namedChildren) {
    if (node?.type === 'if_statement' && /^__name__\s*==\s*['"]__main__['"]$|^['"]__main__['"]\s*==\s*__name__$/.test(field(node, 'condition')?.text ?? '')) return true;
  }
  return model.module.calls.some((c) => runsOnOwnLoop(usageOf(c)) || /^(?:asyncio\.run|[\w.]*run_until_complete)$/.test(field(c, 'function')?.text ?? ''));
}

/** Base classes of the file's top-level classes, as `CallEdge` targets name them (for overrides and inherited methods). */
function summarizeBases(summary: PyFileSummary, model: PyModel, evaluator: Evaluator): void {
  // Every top-level class, also one with no method of its own (`class SummaryService(ChatService): ...`).
  for (const top of model.root.namedChildren) {
    const def = top?.type === 'decorated_definition' ? field(top, 'definition') : top;
    if (def?.type !== 'class_definition') continue;
    const cls = { name: field(def, 'name')?.text ?? '' };
    const supers = field(def, 'superclasses');
    if (!supers || !cls.name) continue;
    const out: string[] = [];
    for (const b of supers.namedChildren) {
      if (!b || (b.type !== 'identifier' && b.type !== 'attribute')) continue;
      const v = evaluator.evaluate(b, model.module);
      if (v?.kind === 'localClass') out.push(v.name);
      else if (v?.kind === 'clientClass' && v.sub?.target.startsWith('import:')) out.push(v.sub.target);
      else if ((v?.kind === 'qname' || v?.kind === 'module') && isImportedName(v.qname, model) && !/^(?:abc|typing|typing_extensions|enum|collections)\./.test(v.qname)) out.push(`import:${v.qname}`);
    }
    if (out.length > 0) (summary.bases ??= {})[cls.name] = out;
    const client = evaluator.clientSubclass(def);
    if (client) (summary.clientClasses ??= {})[cls.name] = `${encodeClient(client.hit)}\u0002${client.sub.judged ? 1 : 0}\u0002${client.sub.methods.join(',')}`;
  }
}

/** Synthetic facts for inherited fake-async methods: `Cls.acomplete` is an `async def` calling `Cls.complete`. */
function summarizeFakeAsyncBases(summary: PyFileSummary, model: PyModel, evaluator: Evaluator): void {
  const classes = new Set<Scope>();
  for (const fn of model.functions) if (fn.classScope && fn.classScope.parent === model.module) classes.add(fn.classScope);
  for (const cls of classes) {
    const supers = field(cls.node, 'superclasses');
    if (!supers) continue;
    const bases = supers.namedChildren.flatMap((b) => {
      const v = b && (b.type === 'identifier' || b.type === 'attribute') ? evaluator.evaluate(b, model.module) : undefined;
      if (v?.kind === 'clientClass') return [v.hit.cls.qname];
      return v && (v.kind === 'qname' || v.kind === 'module') ? [v.qname] : [];
    });
    const base = FAKE_ASYNC_BASES.find((fb) => bases.some((q) => fb.prefix.test(q)));
    if (!base) continue;
    for (const [sync, asyncName] of Object.entries(base.pairs)) {
      const own = summary.functions[`${cls.name}.${sync}`];
      if (!own || summary.functions[`${cls.name}.${asyncName}`]) continue;
      const range = rangeOf(cls.nameNode ?? cls.node);
      summary.functions[`${cls.name}.${asyncName}`] = { name: `${cls.name}.${asyncName}`, isAsync: true, isGenerator: false, range, direct: [], calls: [{ target: `local:${cls.name}.${sync}`, range, usage: 'returned' }] };
    }
  }
}

/** Modules (and their parents) defining route constructors: `import django.urls` then `django.urls.path(...)`. */
const ROUTE_MODULES = new Set([...ROUTE_CONSTRUCTORS].flatMap((q) => q.split('.').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('.'))));

/** Route-table entries pointing at views in other modules, and nested route tables. */
function summarizeRoutes(summary: PyFileSummary, model: PyModel, evaluator: Evaluator): void {
  // Only files importing a route constructor (or its module) can declare routes.
  let imported = false;
  for (const q of model.imports.values()) {
    if (ROUTE_CONSTRUCTORS.has(q) || ROUTE_MODULES.has(q)) {
      imported = true;
      break;
    }
  }
  if (!imported) return;
  const qualify = (node: Node | undefined): string | undefined => {
    if (!node || (node.type !== 'identifier' && node.type !== 'attribute')) return undefined;
    const dotted = node.text.replace(/\s+/g, '');
    if (!/^[\w.]+$/.test(dotted)) return undefined;
    const head = dotted.split('.')[0];
    const q = model.imports.get(head);
    return q ? q + dotted.slice(head.length) : undefined;
  };
  for (const scope of [model.module, ...model.functions]) {
    for (const call of scope.calls) {
      const callee = field(call, 'function');
      if (!callee || (callee.type !== 'identifier' && callee.type !== 'attribute')) continue;
      const v = evaluator.evaluate(callee, scope);
      if (v?.kind !== 'qname' || !ROUTE_CONSTRUCTORS.has(v.qname)) continue;
      const framework = PYTHON_FRAMEWORKS.find((f) => f.routeConstructors.includes(v.qname))!;
      const { positional, keywords } = callArguments(call);
      const path = stringValue(positional[0] ?? keywords.get('route') ?? keywords.get('path') ?? null) ?? '';
      const endpoint = unparen(keywords.get('view') ?? keywords.get('endpoint') ?? positional[1] ?? call);
      if (endpoint.type === 'call') {
        const fn = field(endpoint, 'function');
        const inner = fn ? evaluator.evaluate(fn, scope) : undefined;
        if (inner?.kind === 'qname' && INCLUDE_FUNCTIONS.has(inner.qname)) {
          const arg = unparen(callArguments(endpoint).positional[0] ?? endpoint);
          const module = stringValue(arg) ?? qualify(arg);
          if (module) (summary.includes ??= []).push({ prefix: path, module });
          continue;
        }
        // `ChatView.as_view()`: the class's verb methods handle the route.
        if (fn?.type === 'attribute' && field(fn, 'attribute')?.text === 'as_view') {
          const target = qualify(field(fn, 'object') ?? undefined);
          if (target) (summary.routes ??= []).push({ target, view: 'class', path, framework: framework.id });
        }
        continue;
      }
      const target = qualify(endpoint);
      if (target) (summary.routes ??= []).push({ target, view: 'function', path, framework: framework.id });
    }
  }
}

/**
 * Whether the file can hand clients on at all: it imports an SDK, or the index told it about a client
 * (imported, on `app.state`, passed in). Files of a big workspace that do neither skip evaluating arguments.
 */
function handsClients(model: PyModel, evaluator: Evaluator): boolean {
  for (const q of model.imports.values()) if (SDK_TOPS.has(q.split('.')[0])) return true;
  return evaluator.knowsClients();
}

/**
 * A call's arguments that are plain names or attribute reads, as [`#index` or keyword, value]: evaluating every
 * argument expression would cost too much. Positions after a `*args`/`**kw` splat are not known, so they stop it.
 */
function referenceArguments(call: Node): Array<[string, Node]> {
  const args = field(call, 'arguments');
  const out: Array<[string, Node]> = [];
  if (!args || args.type !== 'argument_list') return out;
  let index = 0;
  for (const a of args.namedChildren) {
    if (!a || a.type === 'comment') continue;
    if (a.type === 'list_splat' || a.type === 'dictionary_splat') break;
    const keyword = a.type === 'keyword_argument';
    const key = keyword ? field(a, 'name')?.text ?? '' : `#${index++}`;
    const value = keyword ? field(a, 'value') : a;
    if (key && value && (value.type === 'identifier' || value.type === 'attribute')) out.push([key, value]);
  }
  return out;
}

/** Names and `self.x` reads passed as arguments that hold clients, as `CallEdge.args`. */
function clientArguments(call: Node, scope: Scope, file: string, model: PyModel, evaluator: Evaluator): Array<[string, string]> | undefined {
  let out: Array<[string, string]> | undefined;
  for (const [key, value] of referenceArguments(call)) {
    const v = evaluator.evaluate(value, scope);
    if (v?.kind === 'client') (out ??= []).push([key, encodeClient(v.hit, originOf(v, file, model, evaluator))]);
  }
  return out;
}

/** Parameter name → `#position` as callers count it (a method's instance parameter is not an argument). */
function paramPositions(fn: Scope): Map<string, string> | undefined {
  if (fn.params.length === 0) return undefined;
  const isMethod = fn.parent?.kind === 'class' && !fn.decorators.some((d) => /staticmethod/.test(d.text));
  const out = new Map<string, string>();
  fn.params.forEach((p, i) => {
    if (!isMethod || i > 0) out.set(p.name, `#${isMethod ? i - 1 : i}`);
  });
  return out;
}

/**
 * Arguments that are functions of the workspace (`self.db.similar_rows`, `fetch_page`, `helpers.load`), as
 * [`#index` or keyword, call target]: names and attribute reads only, never their calls.
 */
export function functionArguments(call: Node, scope: Scope, model: PyModel, evaluator: Evaluator): Array<[string, string]> | undefined {
  let out: Array<[string, string]> | undefined;
  for (const [key, value] of referenceArguments(call)) {
    const target = referenceTarget(value, scope, model, evaluator);
    if (target) (out ??= []).push([key, target]);
  }
  return out;
}

/** The function a name or attribute read refers to, as a call target (`local:...`, `import:...`). */
function referenceTarget(ref: Node, scope: Scope, model: PyModel, evaluator: Evaluator): string | undefined {
  if (ref.type === 'identifier') {
    const v = evaluator.evaluate(ref, scope);
    if (v?.kind === 'function') {
      const name = qualifiedName(v.scope);
      return name ? `local:${name}` : undefined;
    }
    const q = model.imports.get(ref.text);
    // An imported function (lowercase: classes and constants are not callbacks here), not a module.
    return q && !model.moduleImports.has(ref.text) && !isShadowed(ref.text, scope) && /^[a-z_]\w*$/.test(q.split('.').pop() ?? '') && /[a-z]/.test(q.split('.').pop() ?? '') ? `import:${q}` : undefined;
  }
  const obj = field(ref, 'object');
  const attr = field(ref, 'attribute')?.text;
  if (!obj || !attr) return undefined;
  // `self.method` of this class: only a method it defines (not a data attribute).
  if (obj.type === 'identifier' && scope.classScope && scope.params[0]?.name === obj.text) {
    return scope.classScope.functions.some((f) => f.name === attr) ? `local:${scope.classScope.name}.${attr}` : undefined;
  }
  const recv = evaluator.evaluate(obj, scope);
  if (recv?.kind === 'localInstance') return `local:${recv.className}.${attr}`;
  if (recv?.kind === 'client') return subclassTarget(recv, attr);
  if (recv?.kind === 'instance' && isImportedName(recv.qname, model)) return `import:${recv.qname}.${attr}`;
  return undefined;
}

/** The call target of a method a workspace subclass of an SDK class defines, called on an instance of it. */
function subclassTarget(recv: ClientValue, attr: string): string | undefined {
  const sub = recv.sub;
  if (!sub || !sub.methods.includes(attr)) return undefined;
  return sub.target.startsWith('import:') ? `${sub.target}.${attr}` : `local:${sub.target}.${attr}`;
}

/** Call targets already worked out, per evaluator (one per analysis of one file version). */
const targetCache = new WeakMap<Evaluator, Map<number, string | undefined>>();

/** The call targets `evaluator` worked out for these calls (to hand to another evaluator, see `primeCallTargets`). */
export function knownCallTargets(evaluator: Evaluator, calls: Iterable<Node>): Array<[Node, string | undefined]> {
  const cache = targetCache.get(evaluator);
  const out: Array<[Node, string | undefined]> = [];
  if (!cache) return out;
  for (const call of calls) if (cache.has(call.id)) out.push([call, cache.get(call.id)]);
  return out;
}

/** Call targets known to hold for `evaluator` (kept from a previous version whose inputs did not change). */
export function primeCallTargets(evaluator: Evaluator, known: Array<[Node, string | undefined]>): void {
  let cache = targetCache.get(evaluator);
  if (!cache) targetCache.set(evaluator, (cache = new Map()));
  for (const [call, target] of known) if (!cache.has(call.id)) cache.set(call.id, target);
}

/** Symbol reference for the callee of a non-LLM call, when it names a function we can follow. */
/** `await param.method(...)` where `param` is a parameter of `fn` written without an annotation: the method's name. */
function untypedParamAwait(call: import('../parse/parser').Node, callee: import('../parse/parser').Node, fn: Scope): string | undefined {
  const obj = field(callee, 'object');
  if (obj?.type !== 'identifier' || call.parent?.type !== 'await' || fn.assignments.has(obj.text)) return undefined;
  const at = fn.params.findIndex((p) => p.name === obj.text);
  // The instance of a method is typed by its class.
  if (at < 0 || (at === 0 && fn.classScope) || fn.params[at].annotation) return undefined;
  return field(callee, 'attribute')?.text;
}

export function callTarget(call: import('../parse/parser').Node, scope: Scope, model: PyModel, evaluator: Evaluator): string | undefined {
  let cache = targetCache.get(evaluator);
  if (!cache) targetCache.set(evaluator, (cache = new Map()));
  if (cache.has(call.id)) return cache.get(call.id);
  const target = findCallTarget(call, scope, model, evaluator);
  cache.set(call.id, target);
  return target;
}

function findCallTarget(call: import('../parse/parser').Node, scope: Scope, model: PyModel, evaluator: Evaluator): string | undefined {
  const callee = field(call, 'function');
  if (!callee) return undefined;
  if (callee.type === 'attribute') {
    const obj = field(callee, 'object');
    const attr = field(callee, 'attribute');
    if (!obj || !attr) return undefined;
    // self.method(...) inside a class.
    if (obj.type === 'identifier' && scope.classScope && scope.params[0]?.name === obj.text) {
      return `local:${scope.classScope.name}.${attr.text}`;
    }
    // service.method(...) on an instance of a class of this file.
    const recv = evaluator.evaluate(obj, scope);
    if (recv?.kind === 'localInstance') return `local:${recv.className}.${attr.text}`;
    // A method a workspace subclass of an SDK class defines (`self.embeddings.embed_query(...)` overridden).
    const sub = recv?.kind === 'client' ? subclassTarget(recv, attr.text) : undefined;
    if (sub) return sub;
    // `current_app.chat.ask(...)`, `request.app.state.store.put(...)`: a method of what the app factory
    // stored there (often in another module).
    if (!recv || recv.kind === 'qname' || recv.kind === 'instance') {
      const shared = appAttributeRead(obj, scope, evaluator);
      if (shared) return `${shared}.${attr.text}`;
    }
    // An instance of a class imported from another module: `Summarizer().summarize(...)`.
    if (recv?.kind === 'instance' && isImportedName(recv.qname, model)) return `import:${recv.qname}.${attr.text}`;
    // `store: RedisStore = state.store`: the value says nothing the index can follow, the annotation does.
    if (obj.type === 'identifier' && recv?.kind !== 'client') {
      const declared = annotatedAs(obj.text, scope, evaluator);
      if (declared?.kind === 'localInstance') return `local:${declared.className}.${attr.text}`;
      if (declared?.kind === 'instance' && isImportedName(declared.qname, model)) return `import:${declared.qname}.${attr.text}`;
    }
    // module.func(...) through `import pkg.module as m`.
    if (obj.type === 'identifier' && model.moduleImports.has(obj.text)) return `import:${model.imports.get(obj.text)}.${attr.text}`;
    if (obj.type === 'attribute' || obj.type === 'identifier') {
      const dotted = callee.text.replace(/\s+/g, '');
      const head = dotted.split('.')[0];
      const q = model.imports.get(head);
      if (q && /^[\w.]+$/.test(dotted)) return `import:${q}${dotted.slice(head.length)}`;
    }
    return undefined;
  }
  if (callee.type !== 'identifier') return undefined;
  const v = evaluator.evaluate(callee, scope);
  if (v?.kind === 'function') {
    const name = qualifiedName(v.scope);
    return name ? `local:${name}` : undefined;
  }
  // `Bot(llm)`: the class's `__init__` receives the arguments.
  if (v?.kind === 'localClass') return `local:${v.name}.__init__`;
  const q = model.imports.get(callee.text);
  if (q && !isShadowed(callee.text, scope)) return `import:${q}`;
  return undefined;
}

/** The value of a local name's annotation (`x: T = ...`, a parameter's `x: T`), in the nearest scope binding it. */
function annotatedAs(name: string, scope: Scope, evaluator: Evaluator): ReturnType<Evaluator['evaluate']> {
  for (let s: Scope | undefined = scope; s && s.kind !== 'module'; s = s.parent) {
    const values = s.assignments.get(name);
    if (values) {
      const type = values.find((v) => v.type === 'type');
      return type ? evaluator.evaluate(type, s) : undefined;
    }
    const p = s.params.find((x) => x.name === name);
    if (p) return p.annotation ? evaluator.evaluate(p.annotation, s) : undefined;
  }
  return undefined;
}

/** True when `qname` comes from one of this file's imports (so it may name a workspace class). */
function isImportedName(qname: string, model: PyModel): boolean {
  for (const q of model.imports.values()) if (qname === q || qname.startsWith(q + '.')) return true;
  return false;
}

function isShadowed(name: string, scope: Scope): boolean {
  let s: Scope | undefined = scope;
  while (s && s.kind !== 'module') {
    if (s.assignments.has(name) || s.params.some((p) => p.name === name)) return true;
    s = s.parent;
  }
  return false;
}
