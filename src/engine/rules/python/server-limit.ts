// Python check of rule timeout-exceeds-server-limit: a handler's LLM call can wait longer (timeout ×
// attempts + backoff, or forever) than the server or proxy in front lets the request live.

import type { LlmCall } from '../../model/python/calls';
import type { PyContext } from '../../model/python/context';
import type { Handler } from '../../model/python/handlers';
import type { Scope } from '../../model/python/model';
import { callArguments, field, rangeOf } from '../../model/python/syntax';
import { callSetsTimeout, policyOf, profileOf } from '../../policy/python-policy';
import { DEFAULT_BACKOFF, fitTimeout, worstCase } from '../../policy/render';
import { addKeywordEdit, replaceKeywordEdit } from '../../fix/python-args';
import { streamAnswerFix } from '../../fix/python-stream';
import type { ServerLimit } from '../../limits/server-limits';
import { classOverride } from '../../catalog/python-sdks';
import type { Finding, Fix, TextEdit } from '../../types';
import { enclosingFunction, makeFinding } from '../python-util';
import { attemptsOf, limitMessage, relateLimit, underLimit } from '../server-limit-text';
import { offloadedCalls, optionValue } from './timeout';
import { offloadTarget } from '../../model/python/calls';
import { frameworkById, type RunsOn } from '../../catalog/python-frameworks';
import { qualifiedName } from '../../index/python-summary';
import type { ReachingHandler } from '../../index/python-index';

/** ASGI frameworks: under gunicorn they run in asyncio workers, whose timeout is a heartbeat. */
const ASYNC_NATIVE = new Set(['fastapi', 'starlette', 'litestar', 'quart', 'aiohttp', 'sanic']);
/** SDKs whose calls take the same timeout keyword as their client. */
const PER_CALL_TIMEOUT = new Set(['openai', 'anthropic', 'groq', 'together', 'fireworks', 'requests', 'httpx', 'litellm', 'mistralai', 'aiohttp']);
/** Limits on how long the upstream may stay silent (not on the whole request): streaming helps there. */
const IDLE_LIMITS = new Set(['nginx', 'cloudflare', 'proxy']);

/** Handlers of this file that run `fn`: itself, or handlers calling it directly in this file. */
function handlersRunning(ctx: PyContext, fn: Scope): Handler[] {
  const own = ctx.handlerOf(fn);
  if (own) return [own];
  // A coroutine or async generator defined inside a handler (`async def events()` handed to a
  // `StreamingResponse`) runs on the loop for that handler's request.
  if (fn.isAsync) {
    for (let p = fn.parent; p && p.kind !== 'module'; p = p.parent) {
      const outer = p.kind === 'function' ? ctx.handlerOf(p) : undefined;
      if (outer) return [outer];
    }
  }
  const name = fn.parent?.kind === 'class' ? `${fn.parent.name}.${fn.name}` : fn.name;
  return ctx.handlers.filter((h) => ctx.summary.functions[h.scope.name]?.calls.some((e) => e.target === `local:${name}`));
}

/** True when an `async def` on a server reaches this sync helper (directly or through sync helpers), in any module. */
function loopEntry(ctx: PyContext, fn: Scope): boolean {
  if (ctx.handlerOf(fn)) return false;
  const name = fn.parent?.kind === 'class' ? `${fn.parent.name}.${fn.name}` : fn.name;
  return !!ctx.index.loopChain({ file: ctx.file, name });
}

/** How the framework runs a handler whose request runs the call (a handler of this file or of another module). */
interface Runner {
  framework: string;
  runsOn: RunsOn;
}

/** Whether a limit cuts this call's request. */
function applies(limit: ServerLimit, call: LlmCall, handler: Runner, offloaded: boolean): boolean {
  if (limit.onlyFile || limit.onlyDir || limit.onlyModule) return false; // Next.js segment config, Amplify and CDK functions: JS files only
  if (limit.kind !== 'gunicorn') return true;
  const heartbeatOnly = limit.heartbeatOnly ?? ASYNC_NATIVE.has(handler.framework);
  // Under an asyncio worker only a blocked event loop misses the heartbeat: a sync call in a coroutine, not
  // one the coroutine waits for in a thread. Every other limit (a proxy, a platform, a sync worker's
  // timeout) cuts the request however the call is waited for.
  return !heartbeatOnly || (!offloaded && !call.async && handler.runsOn === 'event-loop');
}

/**
 * Handlers of other modules (or further up this one) whose requests run `fn`, through the workspace's
 * call graph: a helper module's client called from route modules.
 */
function handlersReaching(ctx: PyContext, fn: Scope): ReachingHandler[] {
  const name = qualifiedName(fn);
  return name ? ctx.index.handlersReaching({ file: ctx.file, name }).filter((h) => !(h.file === ctx.file && h.name === name)) : [];
}

/** A call the request waits for in a thread: what it runs for (the function offloading it), or undefined. */
interface Placed {
  fn: Scope;
  /** Run in a thread (`asyncio.to_thread`, `run_in_executor`, ...): it holds the request, not the loop. */
  offloaded: boolean;
  /** The offload passes keywords on to the call (`to_thread`): a per-call timeout can be written there. */
  keywordsReach: boolean;
}

/**
 * Where a call runs: its function; a lambda handed to an offload (`to_thread(lambda: llm.invoke(p))`) runs
 * for the function awaiting it. Other lambdas (callbacks, sort keys) are not followed.
 */
function placeOf(call: LlmCall, offloadedMethod: boolean): Placed | undefined {
  if (call.scope.kind !== 'lambda') {
    const fn = enclosingFunction(call.scope);
    if (!fn) return undefined;
    return { fn, offloaded: offloadedMethod, keywordsReach: offloadedMethod ? !!offloadTarget(call.node)?.passesKeywords : true };
  }
  const lambda = call.scope.node;
  const args = lambda.parent;
  const offload = args?.type === 'argument_list' ? args.parent : undefined;
  if (!offload || offload.type !== 'call' || offloadTarget(offload)?.callable.id !== lambda.id) return undefined;
  let p = call.scope.parent;
  while (p && p.kind === 'lambda') p = p.parent;
  return p && p.kind === 'function' ? { fn: p, offloaded: true, keywordsReach: true } : undefined;
}

/** Handlers of this file that hand the sync function `fn` to a thread (`await asyncio.to_thread(fn, ...)`). */
function handlersOffloading(ctx: PyContext, fn: Scope): Handler[] {
  if (fn.isAsync || fn.parent?.kind !== 'module') return [];
  return ctx.handlers.filter((h) => h.scope.calls.some((c) => {
    const t = offloadTarget(c);
    return t?.callable.type === 'identifier' && t.callable.text === fn.name;
  }));
}

/**
 * The edits setting a timeout that fits the limit, in the SDK's own form (`profileOf`): on the call when
 * calls take one, else on its client built in this file. An option that exists is replaced only when it
 * is a plain number of seconds or milliseconds (a dict or a `Config` may hold other settings).
 */
function fitEdit(ctx: PyContext, call: LlmCall, limit: ServerLimit, attempts: number, keywordsReach = true): { edits: TextEdit[]; text: string; onCall: boolean } | undefined {
  const backoff = DEFAULT_BACKOFF;
  const seconds = fitTimeout(limit.seconds, attempts, backoff);
  // With many retries even 1 s per attempt may not fit: then the retries must go down, which is a choice to leave to the user.
  if (worstCase({ value: seconds, source: '' }, { value: attempts - 1, source: '' }, backoff)! > limit.seconds) return undefined;
  const profile = profileOf(call);
  const ctor = call.client?.ctor && call.client.ctor.tree === call.node.tree ? call.client.ctor : undefined;
  // Calls known to take a timeout of their own: the SDK's standard classes (a class with its own option
  // shape, such as mistralai 0.x `MistralClient`, takes it at the constructor), module functions, raw HTTP.
  const special = classOverride(call.sdk, call.client?.hit.cls.qname)?.timeoutArg !== undefined;
  const perCall = keywordsReach && !!profile.callArg && (call.sdk.callTimeoutArg !== undefined || profile.legacy || (PER_CALL_TIMEOUT.has(call.sdk.id) && !special));
  const [target, arg] = perCall ? [call.node, profile.callArg] : ctor && profile.ctorArg ? [ctor, profile.ctorArg] : [undefined, undefined];
  if (!target || !arg) return undefined;
  // The call's own timeout (or a `with_options` one) wins over the client's: a client fix would change nothing.
  if (target !== call.node && callSetsTimeout(call)) return undefined;
  const option = optionValue(ctx, arg, seconds);
  const existing = callArguments(target).keywords.get(arg.key);
  if (existing && arg.form !== 's' && arg.form !== 'ms') return undefined;
  const edit = existing ? replaceKeywordEdit(ctx.file, target, arg.key, option.value) : addKeywordEdit(ctx.file, target, arg.key, option.value);
  return edit ? { edits: [...option.edits, edit], text: `${arg.key}=${option.value}`, onCall: target === call.node } : undefined;
}

function shortenFix(ctx: PyContext, call: LlmCall, limit: ServerLimit, attempts: number, keywordsReach: boolean): Fix | undefined {
  const fit = fitEdit(ctx, call, limit, attempts, keywordsReach);
  if (!fit) return undefined;
  return {
    title: `Set \`${fit.text}\` on the ${fit.onCall ? 'call' : 'client'} ${underLimit(limit, attempts)}`,
    safety: 'unsafe',
    preferred: true,
    edits: fit.edits,
  };
}

export function checkServerLimits(ctx: PyContext): Finding[] {
  if (ctx.limits.length === 0) return [];
  // A handler's only LLM call may be one handed to a thread (`to_thread(client.x.create, ...)`).
  const offloadedMethods = new Set(offloadedCalls(ctx));
  if (ctx.calls.length === 0 && offloadedMethods.size === 0) return [];
  const out: Finding[] = [];
  for (const call of [...ctx.calls, ...offloadedMethods]) {
    if (call.management) continue; // not a generation
    const place = placeOf(call, offloadedMethods.has(call));
    if (!place) continue;
    const { fn } = place;
    let { offloaded } = place;
    let handlers = handlersRunning(ctx, fn);
    if (handlers.length === 0 && !fn.isAsync) {
      // A sync helper a handler runs in a thread: the request waits for it.
      handlers = handlersOffloading(ctx, fn);
      if (handlers.length > 0) offloaded = true;
    }
    // A sync helper that the loop enters from another module (an `async def` on a server calls it): the
    // request waits for it, and its sync call blocks the loop, so a worker heartbeat applies too.
    const remote = handlers.length === 0 ? handlersReaching(ctx, fn) : [];
    const fromLoop = handlers.length === 0 && remote.length === 0 && !fn.isAsync && !call.async && !offloaded ? loopEntry(ctx, fn) : false;
    if (handlers.length === 0 && remote.length === 0 && !fromLoop) continue;
    const runners: Runner[] = handlers.length > 0 ? handlers.map((h) => ({ framework: h.framework.id, runsOn: h.runsOn })) : remote;
    const policy = policyOf(call);
    const worst = policy.worstCaseSeconds;
    if (worst === undefined) continue;
    const limit = ctx.limits.filter((l) => (fromLoop ? !l.onlyFile : runners.some((h) => applies(l, call, h, offloaded)))).sort((a, b) => a.seconds - b.seconds)[0];
    if (!limit || (worst !== null && worst <= limit.seconds)) continue;
    const attempts = attemptsOf(policy);
    const message = limitMessage(call.calleeText, policy, limit, 'Set a timeout below the limit and answer with a clear error.');
    const finding = makeFinding(ctx, 'timeout-exceeds-server-limit', 'warning', rangeOf(offloadedMethods.has(call) ? offloadTarget(call.node)!.callable : field(call.node, 'function') ?? call.node), message, handlers[0]?.scope, [
      shortenFix(ctx, call, limit, attempts, place.keywordsReach),
      // nginx and Cloudflare time out an upstream that sends nothing: a streamed answer keeps it alive.
      IDLE_LIMITS.has(limit.kind) && !offloaded && ctx.handlerOf(fn) ? streamAnswerFix(ctx, call, ctx.handlerOf(fn)!, fitEdit(ctx, call, limit, attempts)?.edits) : undefined,
    ]);
    // Reached from a handler of another module: that handler (the first whose request the limit cuts) is named.
    const via = handlers.length === 0 ? remote.find((h) => applies(limit, call, h, offloaded)) : undefined;
    if (via) {
      const framework = frameworkById(via.framework);
      finding.handler = { name: via.name.split('.').pop()!, file: via.file, range: via.range, route: via.route, framework: framework?.displayName ?? via.framework };
      finding.related.push({ location: { file: via.file, range: via.range }, message: `reached from handler \`${via.name}\` (${via.route})` });
    }
    out.push(relateLimit(finding, limit));
  }
  return out;
}
