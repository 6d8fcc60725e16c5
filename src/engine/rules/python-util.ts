// Shared pieces of the Python rules: finding construction, handler descriptions, callee labels.

import type { LlmCall } from '../model/python/calls';
import type { PyContext } from '../model/python/context';
import type { Scope } from '../model/python/model';
import { field, rangeOf } from '../model/python/syntax';
import { shortName } from '../catalog/python-sdks';
import { buildFinding } from './finding';
import { qualifiedName } from '../index/python-summary';
import type { Finding, Fix, HandlerInfo, Range, RuleId, Severity } from '../types';


export function handlerInfo(ctx: PyContext, scope: Scope): HandlerInfo | undefined {
  const h = ctx.handlerOf(scope);
  if (!h) return undefined;
  return {
    name: scope.name,
    file: ctx.file,
    range: rangeOf(scope.nameNode ?? scope.node),
    route: `${h.method} ${h.path}`,
    framework: h.framework.displayName,
  };
}

/** "async handler `generate` (GET /generate)" or "`async def helper`". */
export function describeFunction(ctx: PyContext, scope: Scope): string {
  const h = ctx.handlerOf(scope);
  if (h) return `${h.framework.displayName} handler \`${scope.name}\` (${h.method} ${h.path})`;
  return `\`${scope.isAsync ? 'async def' : 'def'} ${scope.name}\``;
}

/** "`client.chat.completions.create` (openai `OpenAI`)" */
export function describeCall(call: LlmCall): string {
  const via = call.client ? ` (${call.sdk.id} \`${shortName(call.client.hit.cls.qname)}\`)` : ` (${call.sdk.id})`;
  return `\`${call.calleeText}\`${via}`;
}

/** The range a call finding underlines: the callee (`client.chat.completions.create`), not the arguments. */
export function calleeRange(call: LlmCall): Range {
  return rangeOf(field(call.node, 'function') ?? call.node);
}

export function makeFinding(ctx: PyContext, rule: RuleId, severity: Severity, range: Range, message: string, scope: Scope | undefined, fixes: (Fix | undefined)[]): Finding {
  return buildFinding(ctx.file, rule, severity, range, message, scope ? handlerInfo(ctx, scope) : undefined, fixes);
}

/**
 * True for an `async def` that runs on no server's loop, on clear evidence (see `PyIndex.onServer`):
 * every caller runs it with `asyncio.run`, or it is reached from nothing in a script. Handlers never.
 */
export function offServer(ctx: PyContext, fn: Scope): boolean {
  if (fn.kind !== 'function' || !fn.isAsync || ctx.handlerOf(fn)) return false;
  const name = qualifiedName(fn);
  return name !== undefined && !ctx.index.onServer({ file: ctx.file, name });
}

export function enclosingFunction(scope: Scope): Scope | undefined {
  return scope.kind === 'function' ? scope : undefined;
}

/** How the top of a loop chain gets onto the loop: "is async", or what runs it there (a Channels consumer's constructor). */
export function runsText(ctx: PyContext, top: { file: string; name: string }): string {
  return ctx.index.facts(top)?.onLoop ? 'runs on the event loop: Channels builds the consumer in its ASGI coroutine' : 'is async';
}
