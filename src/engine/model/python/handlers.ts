// Finds the functions a web framework routes requests to (decorators, route constructors,
// registration calls) and how the framework runs them.

import type { Node } from '../../parse/parser';
import { PYTHON_FRAMEWORKS, VIEW_METHODS, frameworkById, type PyFramework, type RunsOn } from '../../catalog/python-frameworks';
import type { PyModel, Scope } from './model';
import type { Evaluator } from './values';
import { callArguments, calleeTail, field, namedChildren, stringValue, unparen } from './syntax';

export interface Handler {
  scope: Scope;
  framework: PyFramework;
  method: string;
  path: string;
  runsOn: RunsOn;
}

/** The frameworks whose modules the file imports (none: the file routes nothing). */
function importedFrameworks(model: PyModel): PyFramework[] {
  const imported = new Set<string>();
  for (const q of model.imports.values()) imported.add(q.split('.')[0]);
  return PYTHON_FRAMEWORKS.filter((f) => f.modules.some((m) => imported.has(m)));
}

/** Per framework: one regex finding any of its registration methods' names as a word (built once, not per file). */
const registrationPatterns = new WeakMap<PyFramework, RegExp>();

function registrationPattern(f: PyFramework): RegExp {
  let re = registrationPatterns.get(f);
  if (!re) registrationPatterns.set(f, (re = f.registrationMethods.length > 0 ? new RegExp(`\\b(?:${f.registrationMethods.join('|')})\\b`) : /(?!)/));
  return re;
}

function runsOnOf(scope: Scope, framework: PyFramework, offloaded: boolean): Handler['runsOn'] {
  return scope.isAsync ? 'event-loop' : offloaded ? 'threadpool' : framework.syncRunsOn;
}

/** The file's handlers: views other modules' route tables point at first, then the file's own routes. */
export function findHandlers(model: PyModel, evaluator: Evaluator): Handler[] {
  const frameworks = importedFrameworks(model);
  if (frameworks.length === 0) return [];
  // Views that route tables in other modules point at (Django `urlpatterns` in urls.py).
  const ext = evaluator.external;
  const routes = ext ? ext.index.routesTo(ext.file) : [];
  const local = ownHandlers(model, evaluator, frameworks);
  if (routes.length === 0) return local;
  const handlers: Handler[] = [];
  const seen = new Set<number>();
  const add = (scope: Scope, framework: PyFramework, method: string, path: string): void => {
    if (seen.has(scope.node.id)) return;
    seen.add(scope.node.id);
    handlers.push({ scope, framework, method, path, runsOn: runsOnOf(scope, framework, false) });
  };
  for (const route of routes) {
    const framework = frameworkById(route.framework);
    if (!framework) continue;
    if (route.view === 'function') {
      const fn = model.module.functions.find((f) => f.kind === 'function' && f.name === route.name);
      if (fn) add(fn, framework, 'GET', route.path);
      continue;
    }
    for (const method of classViewMethods(model, route.name)) add(method, framework, VIEW_METHODS[method.name], route.path);
  }
  for (const h of local) if (!seen.has(h.scope.node.id)) handlers.push(h);
  return handlers;
}

/** Handlers found in the file itself, per evaluator (the summary and the analysis of a file version share one). */
const ownMemo = new WeakMap<Evaluator, Handler[]>();

/**
 * The handlers the file routes itself (decorators, route constructors, registration calls, class-based
 * and request-first views), without other modules' route tables: what the file's summary records.
 */
export function ownHandlers(model: PyModel, evaluator: Evaluator, frameworks = importedFrameworks(model)): Handler[] {
  if (frameworks.length === 0) return [];
  const kept = ownMemo.get(evaluator);
  if (kept) return kept;
  const handlers: Handler[] = [];
  const seen = new Set<number>();
  const add = (scope: Scope, framework: PyFramework, method: string, path: string, offloaded = false): void => {
    if (seen.has(scope.node.id)) return;
    seen.add(scope.node.id);
    handlers.push({ scope, framework, method, path, runsOn: runsOnOf(scope, framework, offloaded) });
  };

  // Decorated functions: `@app.get("/x")`, `@router.post(...)`, `@app.route("/x", methods=[...])`.
  for (const fn of model.functions) {
    if (fn.kind !== 'function') continue;
    for (const dec of fn.decorators) {
      const expr = unparen(dec.namedChild(0) ?? dec);
      if (expr.type !== 'call') continue;
      const callee = field(expr, 'function');
      if (!callee) continue;
      // Function decorators: Litestar `@get("/x")`, `@post("/x", sync_to_thread=True)`.
      const decorated = evaluator.evaluate(callee, fn.parent ?? model.module);
      if (decorated && (decorated.kind === 'qname' || decorated.kind === 'module')) {
        const byFunction = frameworks.find((f) => f.functionDecorators?.[decorated.qname]);
        if (byFunction) {
          const { positional, keywords } = callArguments(expr);
          const verb = byFunction.functionDecorators![decorated.qname];
          const offload = byFunction.offloadKeyword ? keywords.get(byFunction.offloadKeyword)?.text === 'True' : false;
          const path = stringValue(positional[0] ?? keywords.get('path') ?? null) ?? '?';
          // DRF `@api_view(["POST"])` lists the methods positionally.
          const methods = keywords.get('http_method') ?? keywords.get('methods') ?? keywords.get('http_method_names') ?? (positional[0]?.type === 'list' ? positional[0] : undefined);
          add(fn, byFunction, verb === '*' ? methodsKeyword(methods) : verb, path, offload);
          continue;
        }
      }
      if (callee.type !== 'attribute') continue;
      const receiver = field(callee, 'object');
      const methodName = field(callee, 'attribute')?.text ?? '';
      if (!receiver) continue;
      const framework = frameworkOfReceiver(receiver, fn.parent ?? model.module, frameworks, evaluator);
      if (!framework) continue;
      const verb = framework.decoratorMethods[methodName];
      if (!verb) continue;
      const { positional, keywords } = callArguments(expr);
      const path = stringValue(positional[0] ?? keywords.get('path') ?? null) ?? '?';
      add(fn, framework, verb === '*' ? methodsKeyword(keywords.get('methods')) : verb, path);
    }
  }

  // Route constructors and registration calls: `Route("/x", endpoint)`, `app.add_api_route("/x", fn)`.
  // A name can only evaluate to a route constructor's qualified name through an import of it or of a
  // module above it: without one, plain-name calls need no evaluation.
  // A registration call spells its method's name: without any in the source, no call is one.
  const importedQnames = [...model.imports.values()];
  const mayConstruct = frameworks.some((f) => f.routeConstructors.some((rc) => importedQnames.some((q) => rc === q || rc.startsWith(q + '.'))));
  const source = model.root.text;
  const mayRegister = frameworks.some((f) => registrationPattern(f).test(source));
  const scopes = mayConstruct || mayRegister ? [model.module, ...model.functions] : [];
  for (const scope of scopes) {
    for (const call of scope.calls) {
      const callee = field(call, 'function');
      if (!callee) continue;
      let framework: PyFramework | undefined;
      if (callee.type !== 'attribute' && !mayConstruct) continue;
      if (callee.type === 'attribute') {
        const methodName = field(callee, 'attribute')?.text ?? '';
        const receiver = field(callee, 'object');
        if (!receiver) continue;
        const candidates = frameworks.filter((f) => f.registrationMethods.includes(methodName));
        if (candidates.length === 0) continue;
        framework = frameworkOfReceiver(receiver, scope, candidates, evaluator);
      } else {
        const v = evaluator.evaluate(callee, scope);
        if (v?.kind === 'qname') framework = frameworks.find((f) => f.routeConstructors.includes(v.qname));
      }
      if (!framework) continue;
      const { positional, keywords } = callArguments(call);
      const endpoint = keywords.get('endpoint') ?? positional[1];
      const path = stringValue(positional[0] ?? keywords.get('path') ?? null) ?? '?';
      if (!endpoint) continue;
      const target = endpointScope(endpoint, scope, evaluator);
      if (target) add(target, framework, methodsKeyword(keywords.get('methods')), path);
    }
  }

  // Class-based views (`class Chat(View)` with `async def post(self, request)`) and function views
  // taking `request` first, even when no route table in the workspace names them.
  for (const framework of frameworks) {
    if (framework.viewBaseClasses) {
      for (const cls of classScopes(model)) {
        const supers = field(cls.node, 'superclasses');
        if (!supers) continue;
        const isView = namedChildren(supers).some((base) => {
          const v = base.type === 'identifier' || base.type === 'attribute' ? evaluator.evaluate(base, cls.parent ?? model.module) : undefined;
          const q = v && (v.kind === 'qname' || v.kind === 'module') ? v.qname : undefined;
          return q !== undefined && framework.viewBaseClasses!.some((p) => q === p || q.startsWith(p + '.'));
        });
        if (!isView) continue;
        for (const method of classViewMethods(model, cls.name)) add(method, framework, VIEW_METHODS[method.name], '?');
      }
    }
    if (framework.requestParamViews && [...model.imports.values()].some((q) => /^(django\.(http|shortcuts|views|template)|rest_framework|adrf)\b/.test(q))) {
      for (const fn of model.module.functions) {
        if (fn.kind === 'function' && fn.params[0]?.name === 'request' && !fn.name.startsWith('_')) add(fn, framework, 'GET', '?');
      }
    }
  }
  ownMemo.set(evaluator, handlers);
  return handlers;
}

/** Class scopes of the module (top level), found through their methods. */
function classScopes(model: PyModel): Scope[] {
  const out = new Set<Scope>();
  for (const fn of model.functions) if (fn.classScope && fn.classScope.parent === model.module) out.add(fn.classScope);
  return [...out];
}

/** The HTTP-verb methods (`get`, `post`, …) of a top-level class. */
function classViewMethods(model: PyModel, className: string): Scope[] {
  return model.functions.filter((f) => f.kind === 'function' && f.classScope?.name === className && f.classScope.parent === model.module && VIEW_METHODS[f.name] !== undefined);
}

function frameworkOfReceiver(receiver: Node, scope: Scope, frameworks: PyFramework[], evaluator: Evaluator): PyFramework | undefined {
  const v = evaluator.evaluate(receiver, scope);
  if (v && (v.kind === 'instance' || v.kind === 'qname')) {
    const hit = frameworks.find((f) => f.appClasses.includes(v.qname));
    if (hit) return hit;
    return undefined;
  }
  if (v) return undefined;
  // Unresolved receiver (an app imported from another module, a factory result): trust the name.
  const name = unparen(receiver).text.split('.').pop() ?? '';
  return frameworks.find((f) => f.receiverNameHint.test(name));
}

function endpointScope(endpoint: Node, scope: Scope, evaluator: Evaluator): Scope | undefined {
  const v = evaluator.evaluate(endpoint, scope);
  return v?.kind === 'function' ? v.scope : undefined;
}

function methodsKeyword(node: Node | undefined): string {
  if (!node) return 'GET';
  const first = node.namedChild(0);
  return stringValue(first)?.toUpperCase() ?? 'GET';
}

/** Decorators (by their last name) that register a startup or shutdown hook: FastAPI/Starlette, Quart, Sanic. */
const HOOK_DECORATORS = new Set(['on_event', 'before_serving', 'after_serving', 'while_serving', 'listener', 'before_server_start', 'after_server_start', 'before_server_stop', 'after_server_stop']);
/** Keyword arguments of app constructors naming hooks: `FastAPI(lifespan=...)`, `Starlette(on_startup=[...])`. */
const HOOK_KEYWORDS = new Set(['lifespan', 'on_startup', 'on_shutdown']);
/** aiohttp signal lists: `app.on_startup.append(fn)`. */
const HOOK_SIGNALS = new Set(['on_startup', 'on_shutdown', 'on_cleanup', 'cleanup_ctx']);
/** Calls that can name hooks: app and router constructors, `add_event_handler`, signal lists' `append`. */
const HOOK_CALLS = new Set(['FastAPI', 'Starlette', 'Litestar', 'APIRouter', 'Router', 'add_event_handler', 'append']);
const MAY_HAVE_HOOKS = /lifespan|on_event|_serving|listener|server_st|on_startup|on_shutdown|on_cleanup|cleanup_ctx|add_event_handler/;

/**
 * Functions the framework runs once at startup or shutdown (lifespan context managers, startup and
 * shutdown hooks), by scope node id: they run before requests are served or after, so blocking there
 * holds up no request.
 */
/** `async def lifespan(app)`, `(app: FastAPI)`, `(_app)`: an async context manager taking the web app. */
function lifespanShaped(fn: Scope): boolean {
  if (!fn.isAsync) return false;
  if (/lifespan/i.test(fn.name)) return true;
  const first = fn.params[0];
  return !!first && (/^_?app(lication)?$/.test(first.name) || /\b(FastAPI|Starlette|Litestar|Quart)\b/.test(first.annotation?.text ?? ''));
}

export function lifecycleHooks(model: PyModel, text: string): Set<number> {
  const out = new Set<number>();
  if (!MAY_HAVE_HOOKS.test(text)) return out;
  const byName = new Map<string, Scope>();
  for (const fn of model.module.functions) if (fn.kind === 'function') byName.set(fn.name, fn);
  const named = (node: Node | null | undefined) => {
    const n = node ? unparen(node) : undefined;
    const fn = n?.type === 'identifier' ? byName.get(n.text) : undefined;
    if (fn) out.add(fn.node.id);
  };
  for (const fn of model.functions) {
    for (const dec of fn.decorators) {
      const expr = unparen(dec.namedChild(0) ?? dec);
      const callee = expr.type === 'call' ? field(expr, 'function') : expr;
      const last = callee?.type === 'attribute' ? field(callee, 'attribute')?.text : callee?.text;
      if (last && HOOK_DECORATORS.has(last)) out.add(fn.node.id);
      // A lifespan defined in its own module (`lifespan.py`, passed as `FastAPI(lifespan=lifespan)` elsewhere):
      // an async context manager that is handed the app.
      if (last === 'asynccontextmanager' && fn.parent === model.module && lifespanShaped(fn)) out.add(fn.node.id);
    }
  }
  for (const scope of [model.module, ...model.functions]) {
    for (const call of scope.calls) {
      if (!HOOK_CALLS.has(calleeTail(call))) continue;
      const callee = field(call, 'function');
      if (!callee) continue;
      const { positional, keywords } = callArguments(call);
      for (const [k, v] of keywords) {
        if (!HOOK_KEYWORDS.has(k)) continue;
        if (v.type === 'list') for (const item of namedChildren(v)) named(item);
        else named(v);
      }
      if (callee.type !== 'attribute') continue;
      const method = field(callee, 'attribute')?.text;
      // `app.add_event_handler("startup", fn)`, `app.on_startup.append(fn)`.
      if (method === 'add_event_handler') named(positional[1]);
      const owner = field(callee, 'object');
      if (method === 'append' && owner?.type === 'attribute' && HOOK_SIGNALS.has(field(owner, 'attribute')?.text ?? '')) named(positional[0]);
    }
  }
  return out;
}
