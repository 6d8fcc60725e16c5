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
import { shapeLookup, type JsObjectShape } from '../../model/js/shapes';
import { jsPolicyOf } from '../../policy/js-policy';
import { callScopes, type JsScope } from '../../model/js/model';
import { calleeRange, describeCall, functionScopeOf, makeFinding, unusedProvider } from './util';

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

/** A call that retries the function it is handed: what it is called, and its attempts when they can be counted. */
interface RetryWrapper {
  call: Node;
  name: string;
  attempts?: number;
}

/** Option keys counting retries (`retries: 3` is four attempts) or attempts (`numOfAttempts: 3` is three). */
const RETRIES_KEY = /^(?:retries|maxRetries|retryCount)$/;
const ATTEMPTS_KEY = /^(?:attempts|maxAttempts|numOfAttempts|tries|maxTries|times)$/;
/** Attempts of the retry packages when their options say nothing (p-retry, async-retry and promise-retry retry 10 times). */
const PACKAGE_ATTEMPTS: Record<string, number> = { 'p-retry': 11, 'async-retry': 11, 'promise-retry': 11, 'exponential-backoff': 10 };

function numberOf(node: Node | undefined): number | undefined {
  const n = node ? unwrap(node) : undefined;
  if (n?.type !== 'number') return undefined;
  const v = Number(n.text.replace(/_/g, ''));
  return Number.isInteger(v) && v >= 0 && v < 1000 ? v : undefined;
}

/** Attempts written in an options-object argument of a retry call (`{ retries: 3 }`, `{ numOfAttempts: 5 }`). */
function optionAttempts(call: Node): number | undefined {
  for (const arg of callArgs(call)) {
    const obj = unwrap(arg);
    if (obj.type !== 'object') continue;
    for (const prop of obj.namedChildren) {
      if (prop?.type !== 'pair') continue;
      const key = field(prop, 'key')?.text ?? '';
      const v = numberOf(field(prop, 'value') ?? undefined);
      if (v === undefined) continue;
      if (RETRIES_KEY.test(key)) return v + 1;
      if (ATTEMPTS_KEY.test(key)) return v;
    }
  }
  return undefined;
}

/**
 * Attempts of a call to a local retry helper: the number given for (or defaulted by) its count parameter,
 * read the way the helper uses it (`i < n` is n attempts, `i <= n` and a `retries` count are n + 1).
 */
function localAttempts(scope: JsScope | undefined, call: Node): number | undefined {
  const written = optionAttempts(call);
  if (written !== undefined || !scope) return written;
  const args = callArgs(call);
  const body = scope.node.text;
  for (const p of scope.params) {
    if (!/^[\w$]+$/.test(p.name) || !/attempt|retr|tries|times|count|max/i.test(p.name)) continue;
    const n = numberOf(args[p.index]) ?? (args.length <= p.index ? numberOf(p.default) : undefined);
    if (n === undefined) continue;
    const name = p.name.replace(/\$/g, '\\$');
    if (new RegExp(`<=\\s*${name}\\b`).test(body)) return n + 1;
    if (new RegExp(`<\\s*${name}\\b`).test(body)) return n;
    return /retr/i.test(p.name) ? n + 1 : n;
  }
  return undefined;
}

/** A local function whose body runs one of its function parameters in an attempt loop (`withRetry(fn, n)`). */
function loopsOverParam(scope: JsScope): boolean {
  const params = scope.params.filter((p) => /^[\w$]+$/.test(p.name));
  if (params.length === 0) return false;
  const names = params.map((p) => p.name.replace(/\$/g, '\\$')).join('|');
  const runs = new RegExp(`(?<![\\w$.])(?:${names})\\s*\\(`);
  const stack: Node[] = [scope.node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (attemptLoop(n) && runs.test(field(n, 'body')?.text ?? '')) return true;
    for (const c of n.namedChildren) if (c && !FUNCTION_TYPES.has(c.type)) stack.push(c);
  }
  return false;
}

/** The retry wrapper call `fn` (a function node) is an argument of, if any. */
function retryWrapperOf(ctx: JsContext, node: Node): RetryWrapper | undefined {
  let n = node;
  for (let q = parentOf(n); q && (q.type === 'parenthesized_expression' || q.type === 'as_expression'); q = parentOf(n)) n = q;
  const args = parentOf(n);
  if (args?.type !== 'arguments') return undefined;
  const call = parentOf(args);
  let callee = call ? field(call, 'function') : null;
  if (!call || !callee) return undefined;
  // `await X.retry<T>(...)` in TypeScript parses as a call of `await X.retry`.
  if (unwrap(callee).type === 'await_expression') callee = unwrap(callee).namedChild(0);
  if (!callee) return undefined;
  const v = ctx.evaluator.evaluate(callee, ctx.evaluator.scopeAt(call));
  const name = callee.text.replace(/\s+/g, '');
  if (v?.kind === 'qname' && WRAPPERS.has(v.qname)) {
    const pkg = v.qname.split('.')[0];
    return { call, name, attempts: optionAttempts(call) ?? PACKAGE_ATTEMPTS[pkg] };
  }
  const last = unwrap(callee).type === 'member_expression' ? (field(unwrap(callee), 'property')?.text ?? '') : unwrap(callee).text;
  const local = v?.kind === 'function' ? v.scope : undefined;
  if (RETRY_NAME.test(last) || (local && loopsOverParam(local))) return { call, name, attempts: localAttempts(local, call) };
  return undefined;
}

/** True when `fn` (a function node) is an argument of a retry wrapper call. */
function wrappedByRetry(ctx: JsContext, node: Node): boolean {
  return retryWrapperOf(ctx, node) !== undefined;
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
        // Callers of this function: retried if any call site is (one answer per name: its call sites are
        // found by name, so same-named copies of a function share them).
        const name = ctx.model.scopeByNode.get(p.id)?.name;
        if (!name || name === '<anonymous>') return false;
        const memo = memoOf(retriedFunctions, ctx);
        const known = memo.get(name);
        if (known !== undefined) return known;
        let retried = false;
        for (const id of usesOf(ctx, name)) {
          if (id.startIndex >= p.startIndex && id.endIndex <= p.endIndex) continue;
          if (wrappedByRetry(ctx, id) || search(id, depth + 1)) {
            retried = true;
            break;
          }
        }
        memo.set(name, retried);
        return retried;
      }
    }
    return false;
  };
  return search(call.node, 0);
}

const namedUses = new WeakMap<JsContext, Map<string, Node[]>>();
/** Per analysis, by function name: whether a retry repeats its calls, and the retry around them (`null`: none). */
const retriedFunctions = new WeakMap<JsContext, Map<string, boolean>>();
const retrySites = new WeakMap<JsContext, Map<string, RetrySite | null>>();

function memoOf<T>(memos: WeakMap<JsContext, Map<string, T>>, ctx: JsContext): Map<string, T> {
  let m = memos.get(ctx);
  if (!m) memos.set(ctx, (m = new Map()));
  return m;
}

/**
 * Every identifier `name` of the file, looked up once per analysis: the retry searches walk from each call
 * to the callers of its enclosing functions, and a large file has thousands of calls.
 */
function usesOf(ctx: JsContext, name: string): Node[] {
  const byName = memoOf(namedUses, ctx);
  let ids = byName.get(name);
  if (!ids) byName.set(name, (ids = identifiersIn(ctx.model.root, ctx.text, name, 0, ctx.text.length)));
  return ids;
}

/** A retry around an SDK call: a retry wrapper's call or an attempt loop, and its attempts when counted. */
interface RetrySite {
  node: Node;
  range: Range;
  what: string;
  attempts?: number;
}

/**
 * What a `catch` does with the error: rethrows it (`throw`, or `reject(err)` in a promise executor) so it
 * leaves the block, exits without retrying (`return`/`break` at its top level), or falls through to the code
 * after the `try` (in a loop: the next iteration).
 */
function catchKind(handler: Node): 'rethrow' | 'exit' | 'falls' {
  const body = field(handler, 'body');
  for (const stmt of body ? body.namedChildren : []) {
    if (!stmt) continue;
    if (stmt.type === 'throw_statement') return 'rethrow';
    if (stmt.type === 'return_statement' || stmt.type === 'break_statement') return /^return\s+(?:await\s+)?reject\s*\(/.test(stmt.text) ? 'rethrow' : 'exit';
    if (stmt.type === 'expression_statement' && /^(?:await\s+)?reject\s*\(/.test(stmt.text)) return 'rethrow';
  }
  return 'falls';
}

const LOOP_TYPES = new Set(['for_statement', 'for_in_statement', 'while_statement', 'do_statement']);

/** The head of a loop statement (`for (...)`), for the finding's range. */
function loopHead(loop: Node): Range {
  const r = rangeOf(loop);
  const body = field(loop, 'body');
  return body && loop.type !== 'do_statement' ? { start: r.start, end: rangeOf(body).start } : { start: r.start, end: { line: r.start.line, character: r.start.character + 2 } };
}

/** Attempts of a counted loop: `for (let i = 0; i < 3; i++)` is 3, `for (let a = 1; a <= 3; a++)` is 3. */
function loopAttempts(loop: Node): number | undefined {
  if (loop.type !== 'for_statement') return undefined;
  const init = field(loop, 'initializer')?.text ?? '';
  const cond = field(loop, 'condition')?.text ?? '';
  const start = /=\s*(\d+)\s*;?\s*$/.exec(init);
  const bound = /^\s*[\w$]+\s*(<=?)\s*(\d+)\s*;?\s*$/.exec(cond);
  if (!start || !bound) return undefined;
  const n = Number(bound[2]) - Number(start[1]) + (bound[1] === '<=' ? 1 : 0);
  return n > 0 && n < 1000 ? n : undefined;
}

/**
 * The retry an SDK call's errors reach: an attempt loop the failed call goes round again, or a retry wrapper
 * (package, `withRetry`-style helper, a local function running its callback in an attempt loop) around its
 * function or the functions calling it. Errors a `catch` swallows, and loops that re-ask only on other grounds
 * (a failed call leaves the loop), retry nothing.
 */
function retrySiteOf(ctx: JsContext, call: JsCall): RetrySite | undefined {
  const seen = new Set<number>();
  const search = (node: Node, depth: number): RetrySite | undefined => {
    let falls = false;
    for (let prev = node, p = parentOf(node); p; prev = p, p = parentOf(p)) {
      if (p.type === 'try_statement' && field(p, 'body')?.id === prev.id) {
        const handler = field(p, 'handler');
        if (handler) {
          const kind = catchKind(handler);
          if (kind === 'exit') return undefined;
          falls = kind === 'falls';
        }
      }
      if (LOOP_TYPES.has(p.type) && field(p, 'body')?.id === prev.id) {
        if (falls && attemptLoop(p)) {
          const attempts = loopAttempts(p);
          return { node: p, range: loopHead(p), what: `the attempt loop${attempts ? ` (${attempts} attempts)` : ''}`, attempts };
        }
        // A per-item loop goes on to the next item; an error that leaves the loop may meet a retry further out.
        if (falls) return undefined;
      }
      if (FUNCTION_TYPES.has(p.type)) {
        if (falls || seen.has(p.id) || depth > 4) return undefined;
        seen.add(p.id);
        const direct = retryWrapperOf(ctx, p);
        if (direct) return wrapperSite(direct);
        // One answer per name, as above.
        const name = ctx.model.scopeByNode.get(p.id)?.name;
        if (!name || name === '<anonymous>' || !/^[\w$]+$/.test(name)) return undefined;
        const memo = memoOf(retrySites, ctx);
        const known = memo.get(name);
        if (known !== undefined) return known ?? undefined;
        const site = callerRetrySite(p, name, depth);
        memo.set(name, site ?? null);
        return site;
      }
    }
    return undefined;
  };
  // The retry around a call site of function `p`.
  const callerRetrySite = (p: Node, name: string, depth: number): RetrySite | undefined => {
    for (const id of usesOf(ctx, name)) {
      if (id.startIndex >= p.startIndex && id.endIndex <= p.endIndex) continue;
      const w = retryWrapperOf(ctx, id);
      if (w) return wrapperSite(w);
      const r = search(id, depth + 1);
      if (r) return r;
    }
    return undefined;
  };
  return search(call.node, 0);
}

function wrapperSite(w: RetryWrapper): RetrySite {
  const callee = field(w.call, 'function') ?? w.call;
  const start = unwrap(callee).type === 'await_expression' ? (unwrap(callee).namedChild(0) ?? callee) : w.call;
  return { node: w.call, range: { start: rangeOf(start).start, end: rangeOf(callee).end }, what: `\`${w.name}\`${w.attempts ? ` (${w.attempts} attempts)` : ''}`, attempts: w.attempts };
}

/** The retries an SDK call makes itself, when they are known (its client built in sight, or the SDK's default). */
function sdkRetries(call: JsCall): number | undefined {
  if (call.kind !== 'sdk' || call.meta || !call.sdk || call.sdk.local) return undefined;
  const client = call.client;
  if (client && !client.ctor && !client.external && !client.instance) return undefined;
  const shape = call.hit ? optionsOf(call.hit) : call.sdk.options;
  if (client?.optionsShape && shape.ctorRetries && shapeLookup(client.optionsShape, shape.ctorRetries) !== 'absent') return undefined;
  const r = jsPolicyOf(call)?.retries.value;
  return typeof r === 'number' && r > 0 ? r : undefined;
}

/** "Retries multiply" findings: a retry around an SDK call that already retries, once per retry. */
function multiplied(ctx: JsContext): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<number>();
  for (const call of ctx.calls) {
    const retries = sdkRetries(call);
    if (retries === undefined || !call.sdk) continue;
    const site = retrySiteOf(ctx, call);
    if (!site || seen.has(site.node.id)) continue;
    seen.add(site.node.id);
    const shape = call.hit ? optionsOf(call.hit) : call.sdk.options;
    const off = shape.ctorRetries ? `Set \`${shape.ctorRetries.join('.')}: 0\` on the client` : shape.callRetries ? `Pass \`${shape.callRetries[0].join('.')}: 0\` to the call` : 'Switch the SDK\'s retries off';
    const per = retries + 1;
    const total = site.attempts ? `up to ${site.attempts} × ${per} = ${site.attempts * per} requests for one call` : `each of its attempts is up to ${per} requests`;
    const message = `Retries multiply: ${site.what} retries \`${call.calleeText}\`, which already retries ${retries} time${retries === 1 ? '' : 's'} (${call.sdk.id}): ${total}. ${off}, or drop the outer retry.`;
    out.push(makeFinding(ctx, 'llm-http-without-retry', 'info', site.range, message, functionScopeOf(ctx.evaluator.scopeAt(site.node)), []));
  }
  return out;
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
    // Retries off with a retry around the call (an attempt loop, a retry wrapper): the outer retry is the only one.
    const zero = retriesOff(call) ?? withOptionsRetriesOff(call);
    if (zero && !retried(ctx, call)) report(zero, describeCall(call), call.scope);
  }
  // Model calls through each client built in this file.
  const byCtor = new Map<number, JsCall[]>();
  for (const call of ctx.calls) {
    const ctor = call.kind === 'sdk' && !call.meta ? call.client?.ctor : undefined;
    if (ctor) byCtor.set(ctor.id, [...(byCtor.get(ctor.id) ?? []), call]);
  }
  // Clients built with `maxRetries: 0`, or of an SDK that makes one attempt unless told otherwise, whether
  // or not this file calls them.
  for (const scope of callScopes(ctx.model)) {
    for (const node of scope.calls) {
      if (node.type !== 'new_expression') continue;
      const v = ctx.evaluator.evaluate(node, scope);
      if (v?.kind !== 'client' || v.ctor?.id !== node.id) continue;
      const zero = ctorRetriesOff(v.hit, node);
      if (zero) {
        const users = byCtor.get(node.id) ?? [];
        if (users.length === 0 || !users.every((c) => retried(ctx, c))) report(zero, `the \`${v.hit.cls.name}\` client`, scope);
        continue;
      }
      const once = unusedProvider(ctx, node) ? undefined : oneAttempt(ctx, v.hit, node, byCtor.get(node.id) ?? [], v.optionsShape);
      if (once) out.push(makeFinding(ctx, 'llm-http-without-retry', 'warning', once, oneAttemptMessage(v.hit), functionScopeOf(scope), []));
    }
  }
  out.push(...multiplied(ctx));
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

