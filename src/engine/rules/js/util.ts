// Shared pieces of the JavaScript/TypeScript rules: finding construction (at most one preferred
// fix), handler descriptions, chains from a handler down to a helper.

import type { JsContext } from '../../model/js/context';
import type { JsScope } from '../../model/js/model';
import type { JsCall } from '../../model/js/calls';
import * as path from 'path';
import { rangeOf } from '../../model/js/syntax';
import { buildFinding } from '../finding';
import type { Node } from '../../parse/parser';
import { providedAs } from '../../model/js/providers';
import type { ChainStep, Finding, Fix, HandlerInfo, Range, RuleId, Severity } from '../../types';


export function handlerInfo(ctx: JsContext, scope: JsScope | undefined): HandlerInfo | undefined {
  if (!scope) return undefined;
  const reach = ctx.reachOf(scope);
  const h = ctx.handlerOf(scope) ?? reach?.handler;
  if (!h) return undefined;
  const top = reach?.external?.[0];
  if (!ctx.handlerOf(scope) && top) return { name: top.name, file: top.file, range: top.range, route: `${h.method} ${h.path}`, framework: h.displayName };
  return { name: h.scope.name, file: ctx.file, range: rangeOf(h.scope.nameNode ?? h.scope.node), route: `${h.method} ${h.path}`, framework: h.displayName };
}

/** "Express handler `chat` (POST /chat)" or "`async function summarize`". */
export function describeFunction(ctx: JsContext, scope: JsScope): string {
  const h = ctx.handlerOf(scope);
  const name = scope.name === '<anonymous>' ? 'handler' : `\`${scope.name}\``;
  if (h) return `${h.displayName} handler ${scope.name === '<anonymous>' ? '' : name + ' '}(${h.method} ${h.path})`.replace('  ', ' ');
  return `${scope.isAsync ? 'async ' : ''}function \`${scope.name}\``;
}

/** "`client.chat.completions.create` (openai)". */
export function describeCall(call: JsCall): string {
  const via = call.sdk ? ` (${call.sdk.id}${call.hit ? ` \`${call.hit.cls.name}\`` : ''})` : call.http ? ` (${call.http.lib.id} to an LLM API)` : '';
  return `\`${call.calleeText}\`${via}`;
}

/** The LLM call at the end of a chain of calls; for an imported helper, its call and defining file. */
export function describeChainEnd(ctx: JsContext, chain: JsCall[]): string {
  const last = chain[chain.length - 1];
  const ext = last.external;
  if (!ext?.facts.llmChain) return describeCall(last);
  const end = ext.facts.llmChain[ext.facts.llmChain.length - 1];
  const text = (ext.facts.llmPromise ?? end.name).replace(/^(.*?)(?: \(([^)]*)\))?$/, (_m, c: string, sdk?: string) => `\`${c}\`${sdk ? ` (${sdk})` : ''}`);
  return end.file === ctx.file ? text : `${text} in ${path.basename(end.file)}`;
}

/** The range a call finding underlines: the callee, not the arguments. */
export function calleeRange(call: JsCall): Range {
  return rangeOf(call.calleeNode);
}

/** The innermost function (not the module) holding a scope. */
export function functionScopeOf(scope: JsScope): JsScope | undefined {
  let s: JsScope | undefined = scope;
  while (s && s.kind !== 'function') s = s.parent;
  return s;
}

export function chainSteps(ctx: JsContext, scopes: JsScope[]): ChainStep[] {
  return scopes.map((s) => ({ name: s.name, file: ctx.file, range: rangeOf(s.nameNode ?? s.node) }));
}

export function makeFinding(ctx: JsContext, rule: RuleId, severity: Severity, range: Range, message: string, scope: JsScope | undefined, fixes: (Fix | undefined)[]): Finding {
  return buildFinding(ctx.file, rule, severity, range, message, handlerInfo(ctx, scope), fixes);
}

/**
 * A client built for a dependency injector under its own class (`{ provide: OpenAI, useFactory: () => new OpenAI() }`)
 * that no file of the workspace asks for: the injector builds it at start-up and nothing ever sends a request with it.
 */
export function unusedProvider(ctx: JsContext, ctor: Node): boolean {
  const injected = ctx.evaluator.crossFile?.injected;
  if (!injected) return false;
  const token = providedAs(ctx, ctor);
  return token !== undefined && !injected(token);
}
