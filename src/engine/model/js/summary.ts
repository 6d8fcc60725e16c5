// What other files need to know about one JS/TS file (for the workspace index): its workspace imports
// and re-exports, exported clients, and for each exported function whether it returns an LLM promise or
// does blocking work per call, with the hops down to that call. Plain serializable data.

import type { JsContext } from './context';
import type { JsCall } from './calls';
import { callScopes, type JsScope } from './model';
import { callArgs, field, keyName, namedChildren, neverRejects, rangeOf, stringValue, unwrap } from './syntax';
import type { Node } from '../../parse/parser';
import type { ChainStep, Range } from '../../types';
import type { Setting } from '../../policy/render';
import { ctorSettings } from '../../policy/js-policy';
import { optionsOf } from '../../catalog/js-sdks';
import { limitsInFile, type ServerLimit } from '../../limits/server-limits';
import { injectedTokens, providedAs } from './providers';
import { shapeOf, type JsObjectShape, type ShapeSource } from './shapes';

export interface JsExportFacts {
  /** The exported function is `async` (or returns a promise). */
  async: boolean;
  /** The LLM call whose promise it returns: `client.chat.completions.create (openai)`. */
  llmPromise?: string;
  /** Blocking calls it makes, directly or through local and imported helpers: `fs.readFileSync`. */
  blocking: string[];
  /** 0-based line of the function's name, for chains. */
  line: number;
  /** Hops from this function down to the LLM call whose promise it returns (this function first). */
  llmChain?: ChainStep[];
  /** Hops from this function down to the first blocking call it makes (this function first). */
  blockingChain?: ChainStep[];
  /** What kind of work that blocking call is (`file-system`), and whether it runs an LLM (`execSync('ollama …')`). */
  blockingWhat?: string;
  blockingLlm?: boolean;
  /** The function returns an SDK client (`export function getClient() { return client ??= new OpenAI() }`). */
  returnsClient?: JsExportedClient;
  /** Its promise cannot reject (the whole body is a `try` whose `catch` neither throws nor awaits). */
  neverRejects?: boolean;
}

/** A client an exported name holds (`export const openai = new OpenAI({ timeout: 30_000 })`). */
export interface JsExportedClient {
  /** The defining file. */
  file: string;
  sdk: string;
  cls: string;
  /** The constructor call, in the defining file. */
  range: Range;
  /** Timeout and retries its constructor sets (seconds), for the hover's policy where it is imported. */
  timeout?: Setting;
  retries?: Setting;
}

/**
 * A function of another file that a route of this file runs: as the route's handler itself
 * (`router.post('/chat', chat)`, `hops` empty) or through calls (`hops` from the handler down to the caller).
 */
export interface JsEntry {
  file: string;
  name: string;
  frameworkId: string;
  framework: string;
  method: string;
  path: string;
  sharedLoop: boolean;
  awaitsResult: boolean;
  hops: ChainStep[];
  /** The route file's own time limits (Next.js `maxDuration`): they bound the call chain it starts. */
  limits?: ServerLimit[];
}

export interface JsFileSummary {
  file: string;
  /** Local name → where it comes from, for imports of workspace files (relative or aliased specifiers). */
  imports: Record<string, { source: string; imported: string }>;
  /** Every non-package module specifier the file imports or requires (for dependents and resolution). */
  modules: string[];
  exports: Record<string, JsExportFacts>;
  clients: Record<string, JsExportedClient>;
  /** `export { a as b } from './x'` (imported `a`, exported `b`) and `export * from './x'` (both `*`). */
  reexports: Array<{ source: string; imported: string; exported: string }>;
  /** Functions of other files this file's routes run (handlers registered here, helpers they call). */
  entries: JsEntry[];
  /** Exported constant objects holding settings (`export default { azureOptions: {...} }`): their keys. */
  objects?: Record<string, JsObjectShape>;
  /**
   * Workspace modules whose exported objects an SDK client here takes as options (`new AzureOpenAI(constants.x)`):
   * the index summarizes them even when they name no SDK.
   */
  optionModules?: string[];
  /** SDK client classes this file asks a dependency injector for (`constructor(private openai: OpenAI)`). */
  injects?: string[];
  /** SDK client classes this file provides to an injector (`{ provide: OpenAI, useFactory: ... }`). */
  provides?: string[];
}

/** Specifiers that name packages (the catalogs' business) rather than workspace files. */
export function isPackageSpecifier(source: string): boolean {
  return source.includes(':') || (/^[a-z@][\w.-]*(?:\/[\w.-]+)?$/.test(source) && !source.startsWith('@/'));
}

export function summarizeJs(ctx: JsContext): JsFileSummary {
  const imports: JsFileSummary['imports'] = {};
  for (const [local, imp] of ctx.model.imports) {
    if (isPackageSpecifier(imp.source)) continue;
    imports[local] = { source: imp.source, imported: imp.imported };
  }
  const modules = new Set<string>();
  // Aliases (`@lib/ai`, baseUrl `src/x`) look like packages: the index tells them apart by resolving.
  for (const imp of ctx.model.imports.values()) if (!imp.source.includes(':')) modules.add(imp.source);
  for (const m of ctx.model.importedModules) if (!m.includes(':')) modules.add(m);
  const reexports = readReexports(ctx);
  for (const r of reexports) modules.add(r.source);

  const exports: JsFileSummary['exports'] = {};
  const clients: JsFileSummary['clients'] = {};
  let objects: JsFileSummary['objects'];
  for (const [name, value] of ctx.model.exports) {
    const v = ctx.evaluator.evaluate(value, ctx.model.module);
    if (v?.kind === 'client' && v.external) {
      clients[name] = v.external;
      continue;
    }
    if (v?.kind === 'client' && v.ctor && v.extraOptions.length === 0) {
      const { timeout, retries } = ctorSettings(optionsOf(v.hit), v.ctor);
      clients[name] = { file: ctx.file, sdk: v.hit.sdk.id, cls: v.hit.cls.name, range: rangeOf(v.ctor), timeout, retries };
      continue;
    }
    // `export const llm = new LlmService()`: its methods, as `llm.ask`.
    if (v?.kind === 'instance') {
      for (const [method, m] of v.cls.methods) if (m.kind === 'function') exports[`${name}.${method}`] = functionFacts(ctx, m, method);
      continue;
    }
    // `export default { askLLM, summarize }`, `export const ai = { ask: async () => … }`: its function members;
    // an object of settings (`export default { azureOptions: { ... } }`): its keys, for clients built elsewhere.
    if (v?.kind === 'object') {
      let settings = false;
      for (const prop of namedChildren(v.node)) {
        const key = keyName(prop);
        const member = key ? ctx.evaluator.attribute(v, key, 0) : undefined;
        if (member?.kind === 'function') exports[`${name}.${key}`] = functionFacts(ctx, member.scope, key!);
        else if (member?.kind === 'external') exports[`${name}.${key}`] = member.fn.facts;
        else if (prop.type !== 'method_definition' && !SERVICES.has(member?.kind ?? '')) settings = true;
      }
      if (settings) {
        const shape = exportedShape(ctx, value, v.node);
        if (shape) (objects ??= {})[name] = shape;
      }
      continue;
    }
    const scope = ctx.model.scopeByNode.get(unwrap(value).id) ?? (v?.kind === 'function' ? v.scope : undefined);
    if (!scope || scope.kind !== 'function') {
      // `export { askLLM } from` is a re-export; `export const ask = imported` hands the import on.
      if (v?.kind === 'external') exports[name] = v.fn.facts;
      continue;
    }
    exports[name] = functionFacts(ctx, scope, name);
  }
  const optionModules = optionModulesOf(ctx);
  const injects = /\bconstructor\b|@Inject\b|\.(?:get|resolve)\(/.test(ctx.text) ? injectedTokens(ctx) : [];
  const provides = /\buse(?:Factory|Value)\b/.test(ctx.text) ? providesOf(ctx) : [];
  return {
    file: ctx.file, imports, modules: [...modules], exports, clients, reexports, entries: entriesOf(ctx),
    ...(objects ? { objects } : {}), ...(optionModules.length ? { optionModules } : {}),
    ...(injects.length ? { injects } : {}), ...(provides.length ? { provides } : {}),
  };
}

/** SDK client classes built here for an injector's providers. */
function providesOf(ctx: JsContext): string[] {
  const out = new Set<string>();
  for (const scope of [ctx.model.module, ...ctx.model.functions]) {
    for (const node of scope.calls) {
      if (node.type !== 'new_expression') continue;
      const token = providedAs(ctx, node);
      if (token) out.add(token);
    }
  }
  return [...out];
}

/** Values that make an exported object a table of services rather than settings. */
const SERVICES = new Set(['function', 'external', 'client', 'instance', 'localClass', 'resource', 'sdkFunction', 'app', 'http']);

/** The keys of an exported constant object; undefined when it is mutated here (`config.timeout = ...`). */
function exportedShape(ctx: JsContext, value: Node, obj: Node): JsObjectShape | undefined {
  const v = unwrap(value);
  const name = v.type === 'identifier' ? v.text : undefined;
  if (name && [...ctx.model.memberAssignments.keys()].some((k) => k.startsWith(`${name}.`))) return undefined;
  const scope = ctx.evaluator.scopeAt(obj);
  const resolve = (n: Node): ShapeSource => {
    const r = ctx.evaluator.evaluate(n, scope);
    return r?.kind === 'object' ? { node: r.node } : r?.kind === 'shape' ? { shape: r.shape } : undefined;
  };
  return shapeOf(obj, resolve);
}

/**
 * Workspace modules an SDK client's constructor reads its options from: the import at the root of the
 * first argument (`constants` in `new AzureOpenAI(constants.azureOptions)`, `config` in `{ ...config.openai }`).
 */
function optionModulesOf(ctx: JsContext): string[] {
  const out = new Set<string>();
  const rootImport = (n: Node): string | undefined => {
    let x = unwrap(n);
    while (x.type === 'member_expression') {
      const obj = field(x, 'object');
      if (!obj) return undefined;
      x = unwrap(obj);
    }
    if (x.type !== 'identifier') return undefined;
    const imp = ctx.model.imports.get(x.text);
    // `const vendors = require('../config/vendors')`, `const { mistral } = require(...)`.
    const bound = imp ? undefined : ctx.model.module.bindings.get(x.text)?.[0]?.value;
    const req = bound && unwrap(bound).type === 'call_expression' && field(unwrap(bound), 'function')?.text === 'require' ? stringValue(callArgs(unwrap(bound))[0]) : undefined;
    const source = imp?.source ?? req;
    return source !== undefined && !isPackageSpecifier(source) ? source : undefined;
  };
  for (const scope of callScopes(ctx.model)) {
    for (const node of scope.calls) {
      if (node.type !== 'new_expression') continue;
      const arg = callArgs(node)[0];
      if (!arg) continue;
      const a = unwrap(arg);
      const roots = a.type === 'object' ? namedChildren(a).filter((p) => p.type === 'spread_element').map((p) => p.namedChild(0)) : [a];
      const sources = roots.map((r) => (r ? rootImport(r) : undefined)).filter((s): s is string => s !== undefined);
      if (sources.length === 0) continue;
      const ctor = field(node, 'constructor');
      if (ctor && ctx.evaluator.evaluate(ctor, scope)?.kind === 'clientClass') for (const s of sources) out.add(s);
    }
  }
  return [...out];
}

/** Imported functions this file's routes run: registered as handlers, or called from code a handler reaches. */
function entriesOf(ctx: JsContext): JsEntry[] {
  const out: JsEntry[] = [];
  const seen = new Set<string>();
  const push = (e: JsEntry): void => {
    const key = `${e.file}#${e.name}#${e.method} ${e.path}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(e);
  };
  // A route file's segment config (`export const maxDuration = 60`) bounds whatever its handlers run.
  let own: ServerLimit[] | undefined;
  const ownLimits = (): ServerLimit[] | undefined => {
    own ??= limitsInFile(ctx.file, ctx.text).filter((l) => l.onlyFile === ctx.file);
    return own.length > 0 ? own : undefined;
  };
  const withLimits = (e: JsEntry, limits: ServerLimit[] | undefined): JsEntry => (limits ? { ...e, limits } : e);
  for (const r of ctx.externalHandlers) {
    push(withLimits({ file: r.fn.file, name: r.fn.name, frameworkId: r.handler.frameworkId, framework: r.handler.displayName, method: r.handler.method, path: r.handler.path, sharedLoop: r.handler.sharedLoop, awaitsResult: r.handler.awaitsResult, hops: [] }, ownLimits()));
  }
  for (const c of ctx.calls) {
    if (c.kind !== 'helper' || !c.external) continue;
    const reach = ctx.reachOf(c.scope);
    if (!reach) continue;
    const h = reach.handler;
    const local = reach.chain.map((s) => ({ name: s.name, file: ctx.file, range: rangeOf(s.nameNode ?? s.node) }));
    const limits = reach.external ? h.limits : ownLimits();
    push(withLimits({ file: c.external.file, name: c.external.name, frameworkId: h.frameworkId, framework: h.displayName, method: h.method, path: h.path, sharedLoop: h.sharedLoop, awaitsResult: h.awaitsResult, hops: [...(reach.external ?? []), ...local] }, limits));
  }
  return out;
}

/** What callers in other files need to know about one function. */
function functionFacts(ctx: JsContext, scope: JsScope, exportName: string): JsExportFacts {
  const chain = ctx.llmChainOf(scope);
  const blocking = blockingReached(ctx, scope);
  const self: ChainStep = { name: scope.name === '<anonymous>' ? exportName : scope.name, file: ctx.file, range: rangeOf(scope.nameNode ?? scope.node) };
  const facts: JsExportFacts = {
    async: scope.isAsync || chain !== undefined,
    llmPromise: chain ? llmText(chain) : undefined,
    blocking: blocking.names,
    line: (scope.nameNode ?? scope.node).startPosition.row,
    llmChain: chain ? [self, ...llmHops(ctx, chain)] : undefined,
    blockingChain: blocking.chain ? [self, ...blocking.chain] : undefined,
    blockingWhat: blocking.what,
    blockingLlm: blocking.llm,
    ...(scope.isAsync && neverRejects(scope.node) ? { neverRejects: true } : {}),
  };
  for (const r of scope.returns) {
    const v = ctx.evaluator.evaluate(r, scope);
    if (v?.kind !== 'client') continue;
    if (v.external) facts.returnsClient = v.external;
    else if (v.ctor && v.extraOptions.length === 0) {
      const { timeout, retries } = ctorSettings(optionsOf(v.hit), v.ctor);
      facts.returnsClient = { file: ctx.file, sdk: v.hit.sdk.id, cls: v.hit.cls.name, range: rangeOf(v.ctor), timeout, retries };
    }
    if (facts.returnsClient) break;
  }
  return facts;
}

/** `client.chat.completions.create (openai)` for the LLM call at the end of a chain of calls. */
function llmText(chain: JsCall[]): string {
  const last = chain[chain.length - 1];
  if (last.external?.facts.llmPromise) return last.external.facts.llmPromise;
  return `${last.calleeText}${last.sdk ? ` (${last.sdk.id})` : last.http ? ` (${last.http.lib.id})` : ''}`;
}

/**
 * The hops of a chain of calls below the function holding its first call: local helpers by name, then
 * the LLM call itself, or, when the chain ends in an imported helper, that helper's own hops.
 */
export function llmHops(ctx: JsContext, chain: JsCall[]): ChainStep[] {
  const out: ChainStep[] = [];
  for (const c of chain) {
    if (c.target) out.push({ name: c.target.name, file: ctx.file, range: rangeOf(c.target.nameNode ?? c.target.node) });
    else if (c.external?.facts.llmChain) out.push(...c.external.facts.llmChain);
    else out.push({ name: c.calleeText, file: ctx.file, range: rangeOf(c.calleeNode) });
  }
  return out;
}

/**
 * Blocking calls made by a function, the functions nested in it and the local and imported helpers it
 * calls; with the hops (below the function) to the first one found breadth-first.
 */
function blockingReached(ctx: JsContext, start: JsScope): { names: string[]; chain?: ChainStep[]; what?: string; llm?: boolean } {
  const out = new Set<string>();
  const via = new Map<JsScope, ChainStep[]>([[start, []]]);
  const queue = [start];
  let first: { chain: ChainStep[]; what: string; llm: boolean } | undefined;
  for (let i = 0; i < queue.length; i++) {
    const s = queue[i];
    const path = via.get(s)!;
    for (const c of ctx.callsIn(s)) {
      if (c.kind === 'blocking' && c.blocking) {
        out.add(c.blocking.qname);
        first ??= { chain: [...path, { name: c.calleeText, file: ctx.file, range: rangeOf(c.calleeNode) }], what: c.blocking.what, llm: c.blocking.llm };
      }
      const ext = c.external?.facts;
      if (c.kind === 'helper' && ext?.blockingChain) {
        for (const b of ext.blocking) out.add(b);
        first ??= { chain: [...path, ...ext.blockingChain], what: ext.blockingWhat ?? 'blocking', llm: ext.blockingLlm ?? false };
      }
      if (c.kind === 'helper' && c.target && !via.has(c.target)) {
        via.set(c.target, [...path, { name: c.target.name, file: ctx.file, range: rangeOf(c.target.nameNode ?? c.target.node) }]);
        queue.push(c.target);
      }
    }
    for (const f of s.functions) if (!via.has(f)) (via.set(f, path), queue.push(f));
  }
  return { names: [...out], chain: first?.chain, what: first?.what, llm: first?.llm };
}

/** `export … from '…'` statements of workspace modules. */
function readReexports(ctx: JsContext): JsFileSummary['reexports'] {
  const out: JsFileSummary['reexports'] = [];
  for (const stmt of namedChildren(ctx.model.root)) {
    if (stmt.type !== 'export_statement') continue;
    const source = stringValue(field(stmt, 'source'));
    if (source === undefined || source.includes(':')) continue;
    const clause = namedChildren(stmt).find((c) => c.type === 'export_clause');
    if (!clause) {
      const ns = namedChildren(stmt).find((c) => c.type === 'namespace_export');
      const id = ns?.namedChildren.find((c) => c?.type === 'identifier' || c?.type === 'string');
      out.push({ source, imported: '*', exported: id ? (stringValue(id) ?? id.text) : '*' });
      continue;
    }
    for (const spec of namedChildren(clause)) {
      const name = field(spec, 'name');
      const alias = field(spec, 'alias');
      if (name) out.push({ source, imported: name.text, exported: (alias ?? name).text });
    }
  }
  return out;
}
