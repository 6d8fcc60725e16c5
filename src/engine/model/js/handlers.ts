// Finds the functions a Node framework or runtime runs per request: Express/Koa/Hono/Fastify route
// registrations (routers, plugins, route options), Next.js route exports, pages API and server
// actions, Cloudflare Workers `fetch`, Netlify and Vercel functions, AWS Lambda `handler`.

import type { Node } from '../../parse/parser';
import { HTTP_VERB_EXPORTS, JS_FRAMEWORKS, PLUGIN_WRAPPERS, RUNTIMES, type JsFramework } from '../../catalog/js-frameworks';
import { canonQname } from '../../catalog/js-sdks';
import type { JsModel, JsScope } from './model';
import type { Evaluator, Value } from './values';
import type { JsExternalFn } from './crossfile';
import type { ServerLimit } from '../../limits/server-limits';
import { callArgs, field, lookupPath, namedChildren, stringValue, unwrap } from './syntax';

export interface JsHandler {
  scope: JsScope;
  frameworkId: string;
  displayName: string;
  method: string;
  path: string;
  /** Requests share this process's event loop (blocking work stalls the others). */
  sharedLoop: boolean;
  /** The framework awaits what the handler returns (making it `async` is then safe). */
  awaitsResult: boolean;
  /** Name of the parameter with `waitUntil` (Workers `ctx`), if any. */
  waitUntilParam?: string;
  /** Time limits of the route file that runs this code from another file (its `maxDuration`). */
  limits?: ServerLimit[];
}

/** A route whose handler is a function imported from another workspace file (`router.post('/x', chat)`). */
export interface ExternalHandlerRef {
  fn: JsExternalFn;
  /** The registration's handler argument, in this file. */
  node: Node;
  handler: Omit<JsHandler, 'scope'>;
}

export function findHandlers(model: JsModel, evaluator: Evaluator, file: string, externals: ExternalHandlerRef[] = []): JsHandler[] {
  const handlers: JsHandler[] = [];
  const seen = new Set<number>();
  const add = (scope: JsScope | ExternalHandlerRef['fn'] & { node: Node } | undefined, h: Omit<JsHandler, 'scope'>): void => {
    if (scope && 'facts' in scope) {
      externals.push({ fn: { file: scope.file, name: scope.name, facts: scope.facts }, node: scope.node, handler: h });
      return;
    }
    if (!scope || scope.kind !== 'function' || seen.has(scope.node.id)) return;
    seen.add(scope.node.id);
    handlers.push({ scope, ...h });
  };
  const imported = [...model.importedModules].map((m) => m.split('/').slice(0, m.startsWith('@') ? 2 : 1).join('/'));
  const frameworks = JS_FRAMEWORKS.filter((f) => f.packages.some((p) => imported.includes(p) || model.importedModules.has(p)));
  const norm = file.replace(/\\/g, '/');

  if (frameworks.length > 0) {
    markPluginInstances(model, evaluator, frameworks);
    for (const scope of [model.module, ...model.functions]) {
      for (const call of scope.calls) {
        if (call.type !== 'call_expression') continue;
        const callee = field(call, 'function');
        if (!callee || callee.type !== 'member_expression') continue;
        const method = field(callee, 'property')?.text ?? '';
        const receiver = field(callee, 'object');
        if (!receiver) continue;
        const candidates = frameworks.filter((f) => f.routeMethods[method] !== undefined);
        if (candidates.length === 0) continue;
        const reg = receiverFramework(receiver, scope, candidates, evaluator);
        if (!reg) continue;
        const { framework, path: basePath } = reg;
        const args = callArgs(call);
        const verb = framework.routeMethods[method];
        const sharedLoop = framework.sharedLoop;
        const awaitsResult = framework.id !== 'express';
        if (framework.optionHandlerKeys && (method === 'route' || args.some((a) => unwrap(a).type === 'object'))) {
          // Fastify: `route({ method, url, handler })`, `get(path, { handler })`, `get(path, opts, handler)`.
          const opts = args.find((a) => unwrap(a).type === 'object');
          const routeMethod = method === 'route' && opts ? (stringValue(lookupValue(opts, 'method')) ?? 'GET').toUpperCase() : verb;
          const path = stringValue(args[0]) ?? (opts ? stringValue(lookupValue(opts, 'url')) ?? stringValue(lookupValue(opts, 'path')) : undefined) ?? basePath ?? '?';
          for (const key of framework.optionHandlerKeys) {
            const h = opts ? lookupValue(opts, key) : undefined;
            if (h) for (const s of handlerScopes(h, scope, evaluator)) add(s, { frameworkId: framework.id, displayName: framework.displayName, method: routeMethod, path, sharedLoop, awaitsResult });
          }
        }
        let path = basePath ?? (method === 'use' ? '*' : '?');
        let fnArgs = args;
        if (method === 'on' && args.length >= 2) {
          path = stringValue(args[1]) ?? path;
          fnArgs = args.slice(2);
        } else if (args.length > 0 && (stringValue(args[0]) !== undefined || unwrap(args[0]).type === 'template_string' || unwrap(args[0]).type === 'array' || unwrap(args[0]).type === 'regex')) {
          path = stringValue(args[0]) ?? path;
          fnArgs = args.slice(1);
        }
        const routeVerb = method === 'on' ? (stringValue(args[0]) ?? '*').toUpperCase() : verb;
        for (const a of fnArgs) {
          for (const s of handlerScopes(a, scope, evaluator)) add(s, { frameworkId: framework.id, displayName: framework.displayName, method: routeVerb, path, sharedLoop, awaitsResult });
        }
      }
    }
  }

  // Next.js app router: `app/**/route.ts` exports GET/POST/...
  const appRoute = /(?:^|\/)app\/(.*\/)?route\.(?:[cm]?[jt]sx?)$/.exec(norm);
  const pagesApi = /(?:^|\/)pages\/api\/(.*)\.(?:[cm]?[jt]sx?)$/.exec(norm);
  const netlify = /(?:^|\/)netlify\/(?:edge-)?functions\//.test(norm);
  const vercelApi = !pagesApi && !appRoute && /(?:^|\/)api\/(.*)\.(?:[cm]?[jt]sx?)$/.exec(norm);
  for (const [name, value] of model.exports) {
    const scopes = exportScopes(value, model, evaluator);
    if (appRoute && HTTP_VERB_EXPORTS.includes(name)) {
      for (const s of scopes) add(s, { frameworkId: RUNTIMES.nextApp.id, displayName: 'Next.js', method: name, path: '/' + (appRoute[1] ?? '').replace(/\/$/, ''), sharedLoop: true, awaitsResult: true });
      continue;
    }
    if (pagesApi && name === 'default') {
      for (const s of scopes) add(s, { frameworkId: RUNTIMES.nextPages.id, displayName: 'Next.js', method: '*', path: '/api/' + pagesApi[1].replace(/\/index$/, ''), sharedLoop: true, awaitsResult: true });
      continue;
    }
    if (netlify && (name === 'default' || name === 'handler')) {
      for (const s of scopes) add(s, { frameworkId: RUNTIMES.netlify.id, displayName: RUNTIMES.netlify.displayName, method: '*', path: '/.netlify/functions/' + (norm.split('/').pop() ?? '').replace(/\.\w+$/, ''), sharedLoop: false, awaitsResult: true });
      continue;
    }
    if (vercelApi && (name === 'default' || HTTP_VERB_EXPORTS.includes(name))) {
      for (const s of scopes) add(s, { frameworkId: RUNTIMES.vercel.id, displayName: RUNTIMES.vercel.displayName, method: name === 'default' ? '*' : name, path: '/api/' + vercelApi[1].replace(/\/index$/, ''), sharedLoop: true, awaitsResult: true });
      continue;
    }
    if (name === 'handler' && !netlify && scopes.length > 0) {
      for (const s of scopes) add(s, { frameworkId: RUNTIMES.lambda.id, displayName: RUNTIMES.lambda.displayName, method: '*', path: 'handler', sharedLoop: false, awaitsResult: true });
      continue;
    }
    // Cloudflare Workers (and Bun/Deno): `export default { fetch(request, env, ctx) {...} }`.
    if (name === 'default') {
      const obj = unwrap(value);
      if (obj.type === 'object') {
        for (const prop of namedChildren(obj)) {
          const key = prop.type === 'method_definition' ? field(prop, 'name')?.text : prop.type === 'pair' ? field(prop, 'key')?.text : undefined;
          if (key !== 'fetch' && key !== 'scheduled' && key !== 'queue') continue;
          const fnNode = prop.type === 'method_definition' ? prop : field(prop, 'value');
          const s = fnNode ? model.scopeByNode.get(unwrap(fnNode).id) : undefined;
          const ctx = s?.params.find((p) => p.index === 2)?.name;
          add(s, { frameworkId: RUNTIMES.workers.id, displayName: RUNTIMES.workers.displayName, method: key === 'fetch' ? '*' : key.toUpperCase(), path: key === 'fetch' ? '/' : key, sharedLoop: true, awaitsResult: true, waitUntilParam: ctx || undefined });
        }
      }
    }
  }

  // Server actions: a `'use server'` file's exported async functions, or functions with the directive.
  const serverFile = model.directives.includes('use server');
  for (const fn of model.functions) {
    const exported = serverFile && fn.isAsync && fn.parent === model.module && [...model.exports.values()].some((v) => unwrap(v).id === fn.node.id || (fn.nameNode && v.id === fn.nameNode.id) || v.text === fn.name);
    if (exported || fn.directives.includes('use server')) {
      add(fn, { frameworkId: RUNTIMES.nextAction.id, displayName: RUNTIMES.nextAction.displayName, method: 'POST', path: `action ${fn.name}`, sharedLoop: true, awaitsResult: true });
    }
  }
  return handlers;
}

function lookupValue(obj: Node, key: string): Node | undefined {
  const r = lookupPath(obj, [key]);
  return r.kind === 'value' ? r.node : undefined;
}

/** Function scopes an exported value stands for (a function, an arrow, a name bound to one, a wrapper's argument). */
function exportScopes(value: Node, model: JsModel, evaluator: Evaluator): JsScope[] {
  const v = unwrap(value);
  const direct = model.scopeByNode.get(v.id);
  if (direct && direct.kind === 'function') return [direct];
  return handlerScopes(v, model.module, evaluator).filter((s): s is JsScope => !('facts' in s));
}

/** The function(s) a handler argument stands for: inline functions, names, `wrap(async (req, res) => ...)`. */
function handlerScopes(arg: Node, scope: JsScope, evaluator: Evaluator, depth = 0): Array<JsScope | (JsExternalFn & { node: Node })> {
  const a = unwrap(arg);
  const direct = evaluator.model.scopeByNode.get(a.id);
  if (direct && direct.kind === 'function') return [direct];
  if (a.type === 'array') return namedChildren(a).flatMap((c) => handlerScopes(c, scope, evaluator, depth + 1));
  if (a.type === 'call_expression' && depth < 3) {
    // A bound method: `instance.handler.bind(instance)` (Lambda handler classes) is that method.
    const fn = field(a, 'function');
    if (fn?.type === 'member_expression' && field(fn, 'property')?.text === 'bind') {
      const target = field(fn, 'object');
      if (target) return handlerScopes(target, scope, evaluator, depth + 1);
    }
    // Wrappers: `asyncHandler(fn)`, `catchAsync(async (req, res) => ...)`, `withAuth(handler)`.
    return callArgs(a).flatMap((c) => handlerScopes(c, scope, evaluator, depth + 1));
  }
  if (a.type === 'identifier' || a.type === 'member_expression') {
    const v = evaluator.evaluate(a, scope);
    if (v?.kind === 'function') return [v.scope];
    if (v?.kind === 'external') return [{ ...v.fn, node: a }];
  }
  return [];
}

function receiverFramework(receiver: Node, scope: JsScope, frameworks: JsFramework[], evaluator: Evaluator): { framework: JsFramework; path?: string } | undefined {
  const r = unwrap(receiver);
  // `app.route('/x').get(h).post(h)` (Express) and `app.get(...).post(...)` chains (Hono, Fastify).
  if (r.type === 'call_expression') {
    const inner = field(r, 'function');
    if (inner?.type === 'member_expression') {
      const m = field(inner, 'property')?.text ?? '';
      const obj = field(inner, 'object');
      if (obj && (m === 'route' || frameworks.some((f) => f.routeMethods[m] !== undefined))) {
        const up = receiverFramework(obj, scope, frameworks, evaluator);
        if (up && m === 'route' && up.framework.id === 'express') return { framework: up.framework, path: stringValue(callArgs(r)[0]) };
        if (up && (up.framework.id === 'hono' || up.framework.id === 'fastify')) return up;
      }
    }
  }
  const v: Value | undefined = evaluator.evaluate(r, scope);
  if (v?.kind === 'app') return frameworks.includes(v.framework) ? { framework: v.framework } : undefined;
  if (v) return undefined;
  // An app or router passed in from elsewhere: trust a conventional name when its framework is imported.
  const name = r.type === 'member_expression' ? (field(r, 'property')?.text ?? '') : r.text;
  const hit = frameworks.find((f) => f.receiverHint.test(name));
  return hit ? { framework: hit } : undefined;
}

/**
 * Fastify plugins: the first parameter of a function given to `register(...)` or `fastify-plugin`,
 * or of an exported `async function (fastify, opts)`, is the instance.
 */
function markPluginInstances(model: JsModel, evaluator: Evaluator, frameworks: JsFramework[]): void {
  const fastify = frameworks.find((f) => f.id === 'fastify');
  if (!fastify) return;
  const app: Value = { kind: 'app', framework: fastify };
  const mark = (s: JsScope | undefined): void => {
    const p = s?.params[0];
    if (p && p.name) evaluator.paramValues.set(p.node.id, app);
  };
  for (const scope of [model.module, ...model.functions]) {
    for (const call of scope.calls) {
      const callee = call.type === 'call_expression' ? field(call, 'function') : null;
      if (!callee) continue;
      const isRegister = callee.type === 'member_expression' && field(callee, 'property')?.text === 'register';
      const v = isRegister ? undefined : evaluator.evaluate(callee, scope);
      const isWrapper = v?.kind === 'qname' && PLUGIN_WRAPPERS.map(canonQname).includes(v.qname);
      if (!isRegister && !isWrapper) continue;
      const first = callArgs(call)[0];
      if (first) for (const s of handlerScopes(first, scope, evaluator)) if (!('facts' in s)) mark(s);
    }
  }
  for (const value of model.exports.values()) {
    const s = model.scopeByNode.get(unwrap(value).id) ?? (() => {
      const v = evaluator.evaluate(value, model.module);
      return v?.kind === 'function' ? v.scope : undefined;
    })();
    if (s && s.params.length >= 1 && /^(fastify|app|server|instance|f)$/.test(s.params[0].name)) mark(s);
  }
}
