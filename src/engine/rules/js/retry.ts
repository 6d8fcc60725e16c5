// JavaScript/TypeScript check of rule llm-http-without-retry: raw fetch/axios/got to an LLM API with no
// retry around it, or an SDK client or call with retries switched off (`maxRetries: 0`).

import type { Node } from '../../parse/parser';
import type { JsContext } from '../../model/js/context';
import type { JsCall } from '../../model/js/calls';
import { canonQname, defaultsOf, optionsOf, type JsClassHit } from '../../catalog/js-sdks';
import { RETRY_NAME, RETRY_PLUGINS, RETRY_WRAPPERS } from '../../catalog/js-blocking';
import { callArgs, field, lookupPath, parentOf, rangeOf, stringish, FUNCTION_TYPES, unwrap } from '../../model/js/syntax';
import { identifiersIn } from '../../model/js/calls';
import type { Finding, Range } from '../../types';
import { ctorOption, ctorRetriesOff, retriesOff, withOptionsRetriesOff } from './options';
import type { JsObjectShape } from '../../model/js/shapes';
import type { JsScope } from '../../model/js/model';
import { calleeRange, describeCall, functionScopeOf, makeFinding } from './util';

/** A loop variable or counter that names attempts (`attempt`, `retries`, `tries`). */
const ATTEMPT_NAME = /attempt|retr(?:y|ies)|tries|backoff/i;
/** What a failure path does in a retry: catches, checks the status, or waits. */
const FAILURE_PATH = /\bcatch\b|\.status\b|\.ok\b|\bsetTimeout\b|\bsleep\s*\(|\bdelay\s*\(|\bwait\s*\(/;

/**
 * An attempt loop: a counted `for (let i = 0; i < n; i++)` (or one over attempts) whose body handles
 * failure, or a `while`/`do` that stops on success and handles failure by waiting, continuing or
 * counting. A `for (const item of items)` whose body catches is a per-item loop, not a retry.
 */
function attemptLoop(p: Node): boolean {
  const body = field(p, 'body')?.text ?? '';
  switch (p.type) {
    case 'for_statement': {
      // `for (let i = 0; i < items.length; i++)` walks items; `i < 3` or `i < maxAttempts` counts attempts.
      const condition = field(p, 'condition')?.text ?? '';
      if (/\.(?:length|size)\b/.test(condition) && !ATTEMPT_NAME.test(condition)) return false;
      return FAILURE_PATH.test(body) || /\bcontinue\b/.test(body);
    }
    case 'for_in_statement': {
      const left = field(p, 'left')?.text ?? '';
      const right = field(p, 'right')?.text ?? '';
      return (FAILURE_PATH.test(body) || /\bcontinue\b/.test(body)) && (ATTEMPT_NAME.test(left) || ATTEMPT_NAME.test(right.split('(')[0]));
    }
    case 'while_statement':
    case 'do_statement': {
      const condition = field(p, 'condition')?.text ?? '';
      const stops = /\bbreak\b|\breturn\b/.test(body) || ATTEMPT_NAME.test(condition);
      const counts = /\bcontinue\b|\+\+|\+=\s*1\b|\bsetTimeout\b|\bsleep\s*\(|\bdelay\s*\(/.test(body) || ATTEMPT_NAME.test(condition);
      return stops && FAILURE_PATH.test(body) && counts;
    }
    default:
      return false;
  }
}
const WRAPPERS = new Set([...RETRY_WRAPPERS].map(canonQname));
const PLUGINS = new Set([...RETRY_PLUGINS].map((q) => canonQname(q).split('.')[0]));

/** True when `fn` (a function node) is an argument of a retry wrapper call. */
function wrappedByRetry(ctx: JsContext, node: Node): boolean {
  let n = node;
  for (let q = parentOf(n); q && (q.type === 'parenthesized_expression' || q.type === 'as_expression'); q = parentOf(n)) n = q;
  const args = parentOf(n);
  if (args?.type !== 'arguments') return false;
  const call = parentOf(args);
  const callee = call ? field(call, 'function') : null;
  if (!call || !callee) return false;
  const v = ctx.evaluator.evaluate(callee, ctx.evaluator.scopeAt(call));
  if (v?.kind === 'qname' && WRAPPERS.has(v.qname)) return true;
  const name = unwrap(callee).type === 'member_expression' ? (field(unwrap(callee), 'property')?.text ?? '') : unwrap(callee).text;
  return RETRY_NAME.test(name);
}

/**
 * ky and got retry failed requests themselves when their `retry` option allows it, but only for idempotent
 * methods unless `retry.methods` lists POST: `retry: 2` leaves a `ky.post(...)` unretried.
 */
function libRetries(call: JsCall): boolean {
  const http = call.http!;
  if (http.lib.id !== 'ky' && http.lib.id !== 'got') return false;
  const own = callArgs(call.node)[http.configIndex];
  const method = http.method ?? stringish(lookupNode(own, ['method'])) ?? stringish(lookupNode(http.config, ['method'])) ?? 'get';
  const post = !/^(get|put|head|delete|options|trace)$/i.test(method);
  for (const obj of [own, http.config]) {
    const r = obj ? lookupPath(obj, ['retry']) : { kind: 'absent' as const };
    if (r.kind === 'unknown') return true;
    if (r.kind !== 'value') continue;
    const v = unwrap(r.node);
    if (v.type === 'number') return Number(v.text) > 0 && !post;
    if (v.type !== 'object') return true; // a variable: can't tell
    const limit = lookupPath(v, ['limit']);
    if (limit.kind === 'value' && unwrap(limit.node).text === '0') return false;
    if (!post) return true;
    const methods = lookupPath(v, ['methods']);
    return methods.kind !== 'value' || /['"`]post['"`]/i.test(methods.node.text);
  }
  // ky retries GET twice by default, got twice as well: not POST.
  return !post;
}

function lookupNode(obj: Node | undefined, path: string[]): Node | undefined {
  const r = obj ? lookupPath(obj, path) : undefined;
  return r?.kind === 'value' ? r.node : undefined;
}

/** A loop or a retry wrapper around the call, in its function or around the functions calling it. */
function retried(ctx: JsContext, call: JsCall): boolean {
  if ([...ctx.model.importedModules].some((m) => PLUGINS.has(m))) return true;
  if (call.http && (call.http.lib.id === 'ky' || call.http.lib.id === 'got')) {
    if (libRetries(call)) return true;
  } else if (call.http?.config && lookupPath(call.http.config, ['retry']).kind !== 'absent') return true;
  const seen = new Set<number>();
  const search = (node: Node, depth: number): boolean => {
    for (let p = parentOf(node); p; p = parentOf(p)) {
      if (attemptLoop(p)) return true;
      if (FUNCTION_TYPES.has(p.type)) {
        if (seen.has(p.id) || depth > 4) return false;
        seen.add(p.id);
        if (wrappedByRetry(ctx, p)) return true;
        // Callers of this function: retried if any call site is.
        const scope = ctx.model.scopeByNode.get(p.id);
        const name = scope?.name;
        if (!name || name === '<anonymous>') return false;
        const root = ctx.model.root;
        for (const id of identifiersIn(root, ctx.text, name, 0, ctx.text.length)) {
          if (id.startIndex >= p.startIndex && id.endIndex <= p.endIndex) continue;
          if (wrappedByRetry(ctx, id) || search(id, depth + 1)) return true;
        }
        return false;
      }
    }
    return false;
  };
  return search(call.node, 0);
}

export function checkRetryJs(ctx: JsContext): Finding[] {
  const out: Finding[] = [];
  const reported = new Set<number>();
  const report = (zero: Node, what: string, scope: JsScope): void => {
    if (reported.has(zero.id)) return;
    reported.add(zero.id);
    const zp = parentOf(zero);
    const setting = zp?.type === 'pair' ? zp : zero;
    const message = `Retries are switched off (\`${setting.text}\`) for ${what}: one 429 or 5xx fails the request.`;
    out.push(makeFinding(ctx, 'llm-http-without-retry', 'warning', rangeOf(setting), message, functionScopeOf(scope), [
      { title: 'Retry twice (`maxRetries: 2`)', safety: 'unsafe', preferred: true, edits: [{ file: ctx.file, range: rangeOf(zero), newText: '2' }] },
    ]));
  };
  for (const call of ctx.calls) {
    if (call.kind === 'http') {
      // A model server on this machine has no rate limits to ride out: nothing a retry would fix.
      if (call.http?.local || retried(ctx, call)) continue;
      const message = `${describeCall(call)} has no retry: rate limits (429) and overloaded or restarting upstreams (5xx) are routine for LLM APIs, and each one fails this request. The SDKs retry twice with backoff.`;
      out.push(makeFinding(ctx, 'llm-http-without-retry', 'warning', calleeRange(call), message, functionScopeOf(call.scope), []));
      continue;
    }
    const zero = retriesOff(call) ?? withOptionsRetriesOff(call);
    if (zero) report(zero, describeCall(call), call.scope);
  }
  // Model calls through each client built in this file.
  const byCtor = new Map<number, JsCall[]>();
  for (const call of ctx.calls) {
    const ctor = call.kind === 'sdk' && !call.meta ? call.client?.ctor : undefined;
    if (ctor) byCtor.set(ctor.id, [...(byCtor.get(ctor.id) ?? []), call]);
  }
  // Clients built with `maxRetries: 0`, or of an SDK that makes one attempt unless told otherwise, whether
  // or not this file calls them.
  for (const scope of [ctx.model.module, ...ctx.model.functions]) {
    for (const node of scope.calls) {
      if (node.type !== 'new_expression') continue;
      const v = ctx.evaluator.evaluate(node, scope);
      if (v?.kind !== 'client' || v.ctor?.id !== node.id) continue;
      const zero = ctorRetriesOff(v.hit, node);
      if (zero) {
        report(zero, `the \`${v.hit.cls.name}\` client`, scope);
        continue;
      }
      const once = oneAttempt(ctx, v.hit, node, byCtor.get(node.id) ?? [], v.optionsShape);
      if (once) out.push(makeFinding(ctx, 'llm-http-without-retry', 'warning', once, oneAttemptMessage(v.hit), functionScopeOf(scope), []));
    }
  }
  return out;
}

/**
 * A client of an SDK whose default is one attempt (openai-node v3, @google/genai, @google/generative-ai,
 * @mistralai/mistralai) built with no retry setting: the range of `new X(...)` to report, unless the
 * constructor's retry option is written (or can't be read), an axios retry plugin is loaded, or every model
 * call through it in this file is retried (an attempt loop, a retry wrapper, per-call retries).
 */
function oneAttempt(ctx: JsContext, hit: JsClassHit, ctor: Node, users: JsCall[], optionsShape?: JsObjectShape): Range | undefined {
  if (defaultsOf(hit).retries !== 0 || hit.sdk.local) return undefined;
  if ([...ctx.model.importedModules].some((m) => PLUGINS.has(m))) return undefined;
  const shape = optionsOf(hit);
  const args = callArgs(ctor);
  if (shape.ctorRetries && args.length > 0 && ctorOption(ctor, shape.ctorRetries, optionsShape).kind !== 'absent') return undefined;
  if (users.length > 0 && users.every((c) => callRetries(c) || retried(ctx, c))) return undefined;
  const head = rangeOf(ctor.childForFieldName('constructor') ?? ctor);
  return { start: rangeOf(ctor).start, end: head.end };
}

/** Per-call retry options written on the call (mistral `{ retries }`, Stainless `{ maxRetries }`). */
function callRetries(call: JsCall): boolean {
  const shape = call.hit ? optionsOf(call.hit) : call.sdk?.options;
  if (!shape || shape.callArg === undefined || !shape.callRetries) return false;
  const arg = callArgs(call.node)[shape.callArg];
  return !!arg && shape.callRetries.some((p) => lookupPath(arg, p).kind !== 'absent');
}

function oneAttemptMessage(hit: JsClassHit): string {
  const how = hit.sdk.retryHint ? `: it retries only when told to (${hit.sdk.retryHint})` : hit.cls.transport === 'axios' ? ' (plain axios, no retry logic)' : '';
  return `\`${hit.cls.name}\` client (${hit.sdk.id}) makes one attempt per request${how}. Rate limits (429) and overloaded upstreams (5xx) are routine for LLM APIs, so each one fails the request: wrap the calls in a retry with backoff, or configure the client to retry.`;
}

