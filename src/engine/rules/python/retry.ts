// Python check of rule llm-http-without-retry: raw HTTP to an LLM API with no retry around it, SDK
// clients or calls with retries switched off, and retries multiplied by a retry decorator around an SDK
// that already retries (info).

import type { Node } from '../../parse/parser';
import type { PyContext } from '../../model/python/context';
import type { Scope } from '../../model/python/model';
import { callArguments, field, rangeOf, unparen } from '../../model/python/syntax';
import { policyOf } from '../../policy/python-policy';
import { retryHelperFixes } from '../../fix/python-retry';
import type { Finding } from '../../types';
import { enclosingFunction, makeFinding } from '../python-util';

const RAW_HTTP = new Set(['requests', 'httpx', 'urllib', 'aiohttp']);
/** Decorators that retry the function: tenacity, backoff, retrying, stamina. */
const RETRY_DECORATOR = /^(?:[\w.]*\.)?(?:retry|retry_if|on_exception|on_predicate|retry_context)\b|^(?:tenacity|backoff|retrying|stamina)\./;

function retryDecorator(fn: Scope | undefined): Node | undefined {
  return retryDecoratorOf(fn)?.decorator;
}

/** The retry decorator on `fn` or an enclosing function, with the function it decorates. */
function retryDecoratorOf(fn: Scope | undefined): { decorator: Node; scope: Scope } | undefined {
  for (let s = fn; s && s.kind !== 'module'; s = s.parent) {
    for (const d of s.decorators) {
      const expr = unparen(d.namedChild(0) ?? d);
      const name = (expr.type === 'call' ? field(expr, 'function') : expr)?.text ?? '';
      // A library's retry decorator, or the project's own (`ErrorHandler.retry_provider(3)`, `@with_retries`).
      if (RETRY_DECORATOR.test(name) || /(?:^|_)(?:retry|retries|retrying|backoff)(?:_|$)/i.test(name.split('.').pop() ?? '')) return { decorator: d, scope: s };
    }
  }
  return undefined;
}

/**
 * Exception types that can stand for a transient failure (429, 5xx, timeouts, dropped connections): broad
 * bases and the HTTP libraries' and SDKs' error families. `ssl.SSLError`, `ValueError` or `KeyError` are not.
 */
const TRANSIENT_TYPE = /^(?:Exception|BaseException|Error)$|HTTP|Status|Timeout|Connect|Request|RateLimit|API|Client|Server|^(?:OS|IO|Environment)Error$|Transport|Network|Retry|Unavailable|Response|Protocol|Overloaded|Internal/i;

/** The exception types a predicate argument names (`X`, `(X, Y)`), or undefined when it is not only names. */
function namedTypes(node: Node): string[] | undefined {
  const n = unparen(node);
  if (n.type === 'identifier' || n.type === 'attribute') return [n.text.split('.').pop() ?? n.text];
  if (n.type === 'tuple' || n.type === 'list') {
    const out: string[] = [];
    for (const c of n.namedChildren) {
      const t = c ? namedTypes(c) : undefined;
      if (!t) return undefined;
      out.push(...t);
    }
    return out;
  }
  return undefined;
}

/**
 * False when the decorator retries only on exception types none of which is transient:
 * tenacity `retry=retry_if_exception_type(ssl.SSLError)`, backoff `on_exception(expo, ValueError)`.
 * A 429, a 5xx or a timeout then fails at once. Predicates it cannot read count as covering.
 */
function predicateCoversTransient(decorator: Node): boolean {
  const expr = unparen(decorator.namedChild(0) ?? decorator);
  if (expr.type !== 'call') return true;
  const { positional, keywords } = callArguments(expr);
  const name = field(expr, 'function')?.text.split('.').pop() ?? '';
  let types: string[] | undefined;
  if (name === 'on_exception' && positional[1]) types = namedTypes(positional[1]);
  const predicate = keywords.get('retry');
  if (predicate && unparen(predicate).type === 'call' && /(?:^|\.)retry_if_exception_type$/.test(field(unparen(predicate), 'function')?.text ?? '')) {
    const arg = callArguments(unparen(predicate)).positional[0];
    types = arg ? namedTypes(arg) : undefined;
  }
  return !types || types.some((t) => TRANSIENT_TYPE.test(t));
}

/** The decorator retries on a returned value (`retry_if_result`): a caught error can still be retried. */
function retriesOnResult(decorator: Node): boolean {
  return /\bretry_if_(?:not_)?result\b|\bon_predicate\b/.test(decorator.text);
}

/** An `except` clause that catches every exception: bare, `Exception` or `BaseException` (alone or in a tuple). */
function catchesEverything(clause: Node): boolean {
  const header = clause.text.split(':')[0];
  return /^except\s*$/.test(header.trim()) || /\b(?:Exception|BaseException)\b/.test(header);
}

/**
 * The request's failures never leave the function: it sits in a `try` whose handlers catch everything and
 * none re-raises (they log and return). A retry decorator around the function then never sees a failure.
 */
function swallowsFailures(call: Node, fnNode: Node): boolean {
  for (let p = call.parent; p && p.id !== fnNode.id; p = p.parent) {
    if (p.type !== 'try_statement') continue;
    const body = field(p, 'body');
    if (!body || call.startIndex < body.startIndex || call.endIndex > body.endIndex) continue;
    const handlers = p.namedChildren.filter((c): c is Node => c?.type === 'except_clause');
    if (handlers.some(catchesEverything) && handlers.every((h) => !/\braise\b/.test(h.text))) return true;
  }
  return false;
}

/** A retry decorator that can fire for this call's transient failures (see the two checks above). */
function effectiveRetryDecorator(call: Node, fn: Scope | undefined): { decorator: Node; scope: Scope } | undefined {
  const d = retryDecoratorOf(fn);
  if (!d || !predicateCoversTransient(d.decorator)) return undefined;
  if (!retriesOnResult(d.decorator) && swallowsFailures(call, d.scope.node)) return undefined;
  return d;
}

/**
 * Whether the decorator gives up: tenacity/retrying with a `stop`, backoff with `max_tries`/`max_time`.
 * Undefined for decorators whose defaults are not known here (the project's own, stamina).
 */
function decoratorStops(decorator: Node): boolean | undefined {
  const expr = unparen(decorator.namedChild(0) ?? decorator);
  const name = (expr.type === 'call' ? field(expr, 'function') : expr)?.text ?? '';
  const last = name.split('.').pop() ?? '';
  const keys = expr.type === 'call' ? [...callArguments(expr).keywords.keys()] : [];
  if (last === 'retry' && (name === 'retry' || /^(?:tenacity|retrying)\.retry$/.test(name))) return keys.some((k) => /^stop/.test(k));
  if (last === 'on_exception' || last === 'on_predicate') return keys.some((k) => k === 'max_tries' || k === 'max_time');
  return undefined;
}

/** A loop variable or counter that names attempts (`attempt`, `retries`, `tries`, `n_try`). */
const ATTEMPT_NAME = /attempt|retr(?:y|ies)|tries|(?:^|_)try(?:_|$)|backoff/i;
/** What a failure path does in a retry: handles the exception, or checks the status, or waits. */
const FAILURE_PATH = /\bexcept\b|status_code|\.status\b|raise_for_status|\bsleep\s*\(/;

/**
 * Inside a hand-made retry: an attempt loop around the call. A per-item `for` loop whose body happens
 * to catch exceptions is not one; an attempt loop is `for _ in range(n)` (or over attempts) whose body
 * handles failure, or a `while` that stops on success (`break`/`return`) and handles failure by
 * waiting, continuing or counting attempts.
 */
function inRetryLoop(call: Node, fn: Scope | undefined): boolean {
  for (let p = call.parent; p && p.id !== fn?.node.id; p = p.parent) {
    if (p.type === 'for_statement') {
      const body = field(p, 'body')?.text ?? '';
      if (!FAILURE_PATH.test(body) && !/\bcontinue\b/.test(body)) continue;
      const right = unparen(field(p, 'right') ?? p);
      const left = field(p, 'left')?.text ?? '';
      const counted = right.type === 'call' && /^(?:range|itertools\.count|count)$/.test(field(right, 'function')?.text ?? '');
      if ((counted || ATTEMPT_NAME.test(left) || ATTEMPT_NAME.test(right.text.split('(')[0])) && failureReachesNextIteration(call, p)) return true;
    } else if (p.type === 'while_statement') {
      const body = field(p, 'body')?.text ?? '';
      const condition = field(p, 'condition')?.text ?? '';
      const stops = /\bbreak\b|\breturn\b/.test(body) || ATTEMPT_NAME.test(condition);
      const handles = FAILURE_PATH.test(body);
      const counts = /\bcontinue\b|\+=\s*1\b|\bsleep\s*\(/.test(body) || ATTEMPT_NAME.test(condition);
      if (stops && handles && counts && failureReachesNextIteration(call, p)) return true;
    }
  }
  return false;
}

/** A status test that is true on failure: `!= 200`, `>= 400`, `== 429`, `not r.ok`. */
const FAILED_STATUS = /(?:status(?:_code)?|\.ok\b)[^:]*(?:!=|>=?|==\s*(?:4|5)\d\d\b)|\bnot\s+[\w.]+\.ok\b|\bnot\s+[\w.]+\.is_success\b|is_error\b/;

/** The last statement of a block ends the loop's iteration for good (`return`, `raise`, `break`). */
function endsLoop(block: Node | null): boolean {
  const last = block?.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment').pop();
  return !!last && (last.type === 'return_statement' || last.type === 'raise_statement' || last.type === 'break_statement');
}

/**
 * In an attempt loop, some failure path of the call goes on to the next iteration: an `except` around the
 * call or a failed-status branch that continues, sleeps or falls through. An agent/tool loop whose every
 * failure path returns or raises (it only `continue`s after a tool call) sends nothing again on failure.
 * With no failure path to read (the loop tests something else), the loop keeps its benefit of the doubt.
 */
function failureReachesNextIteration(call: Node, loop: Node): boolean {
  const paths: (Node | null)[] = [];
  for (let p = call.parent; p && p.id !== loop.id; p = p.parent) {
    if (p.type !== 'try_statement') continue;
    const body = field(p, 'body');
    if (!body || call.startIndex < body.startIndex || call.endIndex > body.endIndex) continue;
    for (const h of p.namedChildren) if (h?.type === 'except_clause') paths.push(h.namedChildren.filter((c) => c?.type === 'block').pop() ?? null);
  }
  const visit = (n: Node): void => {
    if (n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'lambda') return;
    if (n.type === 'if_statement' && FAILED_STATUS.test(field(n, 'condition')?.text ?? '')) paths.push(field(n, 'consequence'));
    for (const c of n.namedChildren) if (c) visit(c);
  };
  const body = field(loop, 'body');
  if (body) visit(body);
  if (paths.length === 0) return true;
  return paths.some((b) => !b || /\bcontinue\b|\bsleep\s*\(/.test(b.text) || !endsLoop(b));
}

/** The enclosing function of a node (undefined at module level). */
function functionOf(ctx: PyContext, node: Node): Scope | undefined {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition') return ctx.evaluator.functionScopeOf(p);
  return undefined;
}

/**
 * Every call of `fn` in this file is retried: made in a function with a retry decorator or in an
 * attempt loop (`@retry_provider(3)` on the method that calls the one making the request), two levels up.
 */
function retriedByCallers(ctx: PyContext, fn: Scope | undefined, depth: number): boolean {
  // A generator's body runs when it is iterated, after the caller's retry has seen the response object.
  if (!fn || fn.kind !== 'function' || fn.hasYield || depth > 2) return false;
  let calls = 0;
  for (const id of ctx.identifierUses(fn.name)) {
    // `name(...)` or `obj.name(...)`: the identifier is the callee or its attribute part.
    const callee = id.parent?.type === 'attribute' && id.parent.childForFieldName('attribute')?.id === id.id ? id.parent : id;
    const call = callee.parent;
    if (call?.type !== 'call' || call.childForFieldName('function')?.id !== callee.id) continue;
    calls++;
    const caller = functionOf(ctx, call);
    if (!caller || !(retryDecorator(caller) || inRetryLoop(call, caller) || retriedByCallers(ctx, caller, depth + 1))) return false;
  }
  return calls > 0;
}

/** How to switch one SDK's own retries off, for the "retries multiply" message. */
const OFF_SWITCH: Record<string, string> = {
  litellm: 'Pass `num_retries=0`',
  dspy: 'Pass `num_retries=0` to the `dspy.LM`',
  'boto3-bedrock': 'Build the client with `Config(retries={"max_attempts": 1})`',
  cohere: 'Pass `request_options={"max_retries": 0}`',
};

/** Keywords that count retries (`max_retries`, litellm/dspy `num_retries`), and what a fix writes for two. */
const RETRY_KEYWORDS = ['max_retries', 'num_retries'];

/** `0` written for the retries, directly or in a `request_options={"max_retries": 0}` dict. */
function retriesOffNode(call: Node): { node: Node; key: string } | undefined {
  const { keywords } = callArguments(call);
  for (const key of RETRY_KEYWORDS) {
    const n = keywords.get(key);
    if (n && unparen(n).text === '0') return { node: n, key };
  }
  const options = keywords.get('request_options');
  if (options && unparen(options).type === 'dictionary') {
    for (const pair of unparen(options).namedChildren) {
      if (pair?.type !== 'pair') continue;
      const k = pair.childForFieldName('key')?.text.replace(/['"]/g, '');
      const v = pair.childForFieldName('value');
      if (k === 'max_retries' && v && unparen(v).text === '0') return { node: v, key: 'request_options' };
    }
  }
  return undefined;
}

/** `client.with_options(max_retries=0).chat.completions.create(...)`: the `with_options` call in the callee. */
function withOptionsCall(call: Node): Node | undefined {
  for (let n: Node | null = field(call, 'function'); n; n = n.type === 'attribute' ? field(n, 'object') : n.type === 'call' ? field(n, 'function') : null) {
    if (n.type === 'call' && /\.(?:with_options|copy)$/.test(field(n, 'function')?.text ?? '')) return n;
  }
  return undefined;
}

/** The name an HTTP call's response is bound to: `resp = await client.post(...)`. */
function responseName(call: Node): string | undefined {
  let n: Node = call;
  while (n.parent && (n.parent.type === 'await' || n.parent.type === 'parenthesized_expression')) n = n.parent;
  const p = n.parent;
  // `async with session.post(...) as resp:` (aiohttp), `with client.stream(...) as r:`.
  const alias = p?.type === 'as_pattern' ? field(p, 'alias') : null;
  const left = alias ? (alias.namedChild(0) ?? alias) : p?.type === 'assignment' && field(p, 'right')?.id === n.id ? field(p, 'left') : null;
  return left?.type === 'identifier' ? left.text : undefined;
}

/**
 * A pass-through: the handler answers with the upstream's own status (`Response(..., status_code=resp.status_code)`,
 * aiohttp `status=resp.status`, Flask `return body, resp.status_code`). A 429 or 5xx then reaches the caller
 * with its `retry-after`, and the caller's SDK retries it; retrying here as well would multiply the attempts.
 */
function forwardsUpstreamStatus(call: Node, fn: Scope | undefined): boolean {
  const name = responseName(call);
  if (!name || !fn) return false;
  const status = `${name}\\.(?:status_code|status)\\b`;
  return new RegExp(`\\bstatus(?:_code)?\\s*=\\s*${status}|\\breturn\\b[^\\n]*,\\s*${status}\\s*(?:,[^\\n]*)?$`, 'm').test(fn.node.text);
}

export function checkRetryPython(ctx: PyContext): Finding[] {
  const out: Finding[] = [];
  const reported = new Set<number>();
  const usesTransportRetries = /HTTPTransport\([^)]*retries\s*=|Retry\(|HTTPAdapter\([^)]*max_retries/.test(ctx.text);
  for (const call of ctx.calls) {
    const fn = enclosingFunction(call.scope);
    if (RAW_HTTP.has(call.sdk.id)) {
      if (effectiveRetryDecorator(call.node, fn) || inRetryLoop(call.node, fn) || usesTransportRetries || retriedByCallers(ctx, fn, 0) || forwardsUpstreamStatus(call.node, fn)) continue;
      out.push(
        makeFinding(ctx, 'llm-http-without-retry', 'warning', rangeOf(field(call.node, 'function') ?? call.node), `\`${call.calleeText}\` calls an LLM API with no retry: rate limits (429) and overloaded upstreams (5xx) are routine and each one fails this request. The SDKs retry twice with exponential backoff and honour \`retry-after\`; wrap this call the same way (tenacity \`@retry\` with \`wait_random_exponential\`, or a loop that reads \`retry-after\`).`, fn, retryHelperFixes(ctx, call)),
      );
      continue;
    }
    // Retries switched off on the call, its `with_options`, or the client built here.
    const sources = [call.node, withOptionsCall(call.node), ...(call.client?.ctor && call.client.ctor.tree === call.node.tree ? [call.client.ctor] : [])].filter((n): n is Node => !!n);
    const off = sources.map((n) => ({ n, k: retriesOffNode(n) })).find((x) => x.k);
    if (off && !reported.has(off.k!.node.id)) {
      reported.add(off.k!.node.id);
      const k = off.k!;
      const edit = { file: ctx.file, range: rangeOf(k.node), newText: '2' };
      const written = k.key === 'request_options' ? '`"max_retries": 0`' : `\`${k.key}=0\``;
      out.push(
        makeFinding(ctx, 'llm-http-without-retry', 'warning', rangeOf(k.node), `${written} switches off ${call.sdk.id}'s retries: every 429 or 5xx fails the request at once.`, off.n === call.client?.ctor ? undefined : fn, [
          { title: `Retry twice (${k.key === 'request_options' ? '`"max_retries": 2`' : `\`${k.key}=2\``})`, safety: 'safe', preferred: true, edits: [edit] },
        ]),
      );
      continue;
    }
    // A retry decorator around an SDK that retries too: attempts multiply. Reported once, at the decorator.
    const retried = effectiveRetryDecorator(call.node, fn);
    const retries = policyOf(call).retries.value;
    if (retried && typeof retries === 'number' && retries > 0 && !reported.has(retried.decorator.id)) {
      reported.add(retried.decorator.id);
      const name = retried.decorator.text.replace(/^@\s*/, '').split('(')[0].trim();
      const stops = decoratorStops(retried.decorator);
      const forever = stops === false ? ` It has no stop condition, so it retries forever: a lasting outage or a bad request is sent again without end.` : '';
      out.push(
        makeFinding(ctx, 'llm-http-without-retry', 'info', rangeOf(retried.decorator), `Retries multiply: \`@${name}\` retries \`${retried.scope.name}\`, whose \`${call.calleeText}\` already retries ${retries} time${retries === 1 ? '' : 's'} (${call.sdk.id}): each attempt of the decorator is up to ${retries + 1} requests.${forever} ${OFF_SWITCH[call.sdk.id] ?? 'Set `max_retries=0` on the client'} or drop the decorator.`, retried.scope, []),
      );
    }
  }
  return out;
}

