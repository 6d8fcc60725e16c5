// JavaScript/TypeScript analysis of one file: prefilter, model, handlers, classified calls, what
// runs inside a request and which local helpers return an LLM promise; then each rule's JS check.

import type { Tree } from '../../parse/parser';
import { countLines } from '../../parse/text';
import type { FileAnalysis, Finding, Language, RouteInfo } from '../../types';
import { RULES } from '../../rules/registry';
import { FS_DROP_IN_PACKAGES, JS_SDK_PACKAGES } from '../../catalog/js-sdks';
import { JS_FRAMEWORK_PACKAGES } from '../../catalog/js-frameworks';
import { BLOCKING_FUNCTIONS, BLOCKING_MODULES, JS_HTTP_LIBS } from '../../catalog/js-blocking';
import { LLM_URL } from '../../catalog/python-http';
import { classifyCall, type JsCall } from './calls';
import type { JsContext, Reach } from './context';
import { findHandlers, type ExternalHandlerRef, type JsHandler } from './handlers';
import type { ChainStep } from '../../types';
import { unwrap } from './syntax';
import { buildModel, callScopes, type JsScope } from './model';
import { rangeOf } from './syntax';
import { Evaluator } from './values';
import { mentionsJsProjectName } from '../../catalog/js-project';
import type { JsCrossFile } from './crossfile';
import type { ServerLimit } from '../../limits/server-limits';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const PACKAGES = [...JS_SDK_PACKAGES, ...JS_FRAMEWORK_PACKAGES, ...Object.keys(BLOCKING_MODULES), ...FS_DROP_IN_PACKAGES, ...Object.keys(BLOCKING_FUNCTIONS).map((q) => q.slice(0, q.lastIndexOf('.'))), 'fs/promises', ...JS_HTTP_LIBS.flatMap((l) => l.qnames).filter((q) => !q.includes(':'))];
/** An import or require of a package any rule knows. */
const RELEVANT_IMPORT = new RegExp(`(?:\\bfrom\\s*|\\brequire\\s*\\(\\s*|\\bimport\\s*\\(\\s*|^\\s*import\\s+)['"\`](?:node:)?(?:${[...new Set(PACKAGES)].map(escape).join('|')})(?:['"\`/])`, 'm');
/** Files whose layout or exports make them handlers (Next.js, Vercel, Netlify, Lambda, Workers). */
const HANDLER_FILE = /(?:^|[\\/])(?:app[\\/](?:.*[\\/])?route|pages[\\/]api[\\/].*|api[\\/].*|netlify[\\/](?:edge-)?functions[\\/].*)\.[cm]?[jt]sx?$/;
const HANDLER_TEXT = /['"]use server['"]|\bexport\s+default\s*\{|\bexports\.handler\b|\bexport\s+(?:const|async\s+function|function)\s+handler\b/;

/** True when some rule could report something in this file (cheap text tests before parsing). */
export function jsMayMatter(file: string, text: string): boolean {
  return RELEVANT_IMPORT.test(text) || LLM_URL.test(text) || HANDLER_FILE.test(file) || HANDLER_TEXT.test(text) || mentionsJsProjectName(text);
}

export function analyzeJsFile(file: string, text: string, tree: Tree, language: Language, crossFile?: JsCrossFile, limits: ServerLimit[] = [], fixTimeoutSeconds = 30): FileAnalysis {
  const lines = countLines(text);
  if (!jsMayMatter(file, text) && !crossFile?.importsLlmFacts) return { file, language, findings: [], routes: [], notes: [], lines };
  const ctx = buildContext(file, text, tree, language, crossFile);
  ctx.limits = limits;
  ctx.fixTimeoutSeconds = fixTimeoutSeconds;

  const findings: Finding[] = [];
  const notes: string[] = [];
  for (const rule of RULES.values()) {
    if (!rule.checkJs) continue;
    try {
      findings.push(...rule.checkJs(ctx));
    } catch (err) {
      notes.push(`${file}: rule ${rule.id} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
  const routes: RouteInfo[] = ctx.handlers.map((h) => ({
    file,
    range: rangeOf(h.scope.nameNode ?? h.scope.node),
    handler: h.scope.name,
    framework: h.displayName,
    method: h.method,
    path: h.path,
    isAsync: h.scope.isAsync,
  }));
  return { file, language, findings, routes, notes, lines };
}

export function buildContext(file: string, text: string, tree: Tree, language: Language, crossFile?: JsCrossFile): JsContext {
  const model = buildModel(tree.rootNode);
  const evaluator = new Evaluator(model, crossFile, file);
  const externalHandlers: ExternalHandlerRef[] = [];
  const handlers = findHandlers(model, evaluator, file, externalHandlers);
  evaluator.resetMemo();
  // Routes of other files running this file's exported functions (controllers, helpers).
  const entered: { scope: JsScope; hops: ChainStep[]; handler: JsHandler }[] = [];
  for (const [name, entry] of crossFile?.entries ?? []) {
    // `instance.method` names a method of an exported instance of a class of this file.
    const [exported, method] = name.split('.');
    const value = model.exports.get(exported);
    if (!value) continue;
    const v = method
      ? (() => {
          const e = evaluator.evaluate(value, model.module);
          if (e?.kind === 'instance') return e.cls.methods.get(method);
          const m = e?.kind === 'object' ? evaluator.attribute(e, method, 0) : undefined;
          return m?.kind === 'function' ? m.scope : undefined;
        })()
      : model.scopeByNode.get(unwrap(value).id) ?? (() => {
          const e = evaluator.evaluate(value, model.module);
          return e?.kind === 'function' ? e.scope : undefined;
        })();
    if (!v || v.kind !== 'function') continue;
    const own = handlers.find((h) => h.scope === v);
    if (own) {
      // A handler of its own (a server action) also run inside another route: that route's limits bound it there.
      if (entry.limits) own.limits = [...(own.limits ?? []), ...entry.limits];
      continue;
    }
    const handler: JsHandler = { scope: v, frameworkId: entry.frameworkId, displayName: entry.framework, method: entry.method, path: entry.path, sharedLoop: entry.sharedLoop, awaitsResult: entry.awaitsResult, ...(entry.limits ? { limits: entry.limits } : {}) };
    if (entry.hops.length === 0) handlers.push(handler);
    else entered.push({ scope: v, hops: entry.hops, handler });
  }

  const calls: JsCall[] = [];
  const byScope = new Map<JsScope, JsCall[]>();
  for (const scope of callScopes(model)) {
    for (const node of scope.calls) {
      const c = classifyCall(node, scope, evaluator);
      if (!c) continue;
      calls.push(c);
      const list = byScope.get(scope);
      if (list) list.push(c);
      else byScope.set(scope, [c]);
    }
  }
  const handlerByNode = new Map<number, JsHandler>(handlers.map((h) => [h.scope.node.id, h]));
  const callsIn = (scope: JsScope): JsCall[] => byScope.get(scope) ?? [];

  // What runs inside a request: breadth-first from each handler through nested functions and local calls.
  const reach = new Map<JsScope, Reach>();
  const queue: JsScope[] = [];
  for (const h of handlers) {
    if (reach.has(h.scope)) continue;
    reach.set(h.scope, { handler: h, chain: [h.scope] });
    queue.push(h.scope);
  }
  for (const e of entered) {
    if (reach.has(e.scope)) continue;
    reach.set(e.scope, { handler: e.handler, chain: [e.scope], external: e.hops });
    queue.push(e.scope);
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi];
    const r = reach.get(s)!;
    const next: JsScope[] = [...s.functions];
    for (const c of callsIn(s)) if (c.kind === 'helper' && c.target) next.push(c.target);
    for (const t of next) {
      if (reach.has(t)) continue;
      reach.set(t, { handler: r.handler, chain: s.functions.includes(t) ? r.chain : [...r.chain, t], external: r.external });
      queue.push(t);
    }
  }

  // Local functions returning an LLM promise: memoized search, cycles cut.
  const llmChains = new Map<JsScope, JsCall[] | null>();
  const llmChainOf = (scope: JsScope): JsCall[] | undefined => {
    const known = llmChains.get(scope);
    if (known !== undefined) return known ?? undefined;
    llmChains.set(scope, null);
    let found: JsCall[] | undefined;
    for (const c of callsIn(scope)) {
      if ((c.kind === 'sdk' || c.kind === 'http') && c.promise) {
        if (scope.isAsync || c.usage.kind === 'returned' || c.usage.kind === 'returned-in-try') {
          found = [c];
          break;
        }
      }
    }
    if (!found) {
      for (const c of callsIn(scope)) {
        // An imported helper returning an LLM promise ends the chain here (its hops are in its summary).
        if (c.kind === 'helper' && c.external?.facts.llmChain && (scope.isAsync || c.usage.kind === 'returned' || c.usage.kind === 'returned-in-try')) {
          found = [c];
          break;
        }
        if (c.kind !== 'helper' || !c.target || c.target === scope) continue;
        const sub = llmChainOf(c.target);
        if (sub && (scope.isAsync || c.usage.kind === 'returned' || c.usage.kind === 'returned-in-try')) {
          found = [c, ...sub];
          break;
        }
      }
    }
    llmChains.set(scope, found ?? null);
    return found;
  };

  const memo = new Map<string, unknown>();
  return {
    file,
    text,
    language,
    model,
    evaluator,
    handlers,
    externalHandlers,
    calls,
    handlerOf: (scope) => handlerByNode.get(scope.node.id),
    callsIn,
    reachOf: (scope) => reach.get(scope),
    llmChainOf,
    memo: <T>(key: string, build: () => T): T => {
      if (!memo.has(key)) memo.set(key, build());
      return memo.get(key) as T;
    },
  };
}
