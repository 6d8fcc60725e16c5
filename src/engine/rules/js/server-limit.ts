// JS/TS check of rule timeout-exceeds-server-limit: an LLM call reached from a route can wait longer
// than the platform or proxy in front lets the request live (Vercel and Next.js maxDuration,
// Lambda timeouts, nginx, a proxy timeout the project config declares).

import type { Node } from '../../parse/parser';
import type { JsContext } from '../../model/js/context';
import type { JsCall } from '../../model/js/calls';
import { callArgs, field, lookupPath, parentOf, rangeOf, unwrap } from '../../model/js/syntax';
import { optionsOf } from '../../catalog/js-sdks';
import { isModule, isUnderDir, limitsInFile, type ServerLimit } from '../../limits/server-limits';
import { addOptionEdits, msLiteral, setPathEdits, withSeconds } from '../../fix/js-fixes';
import { jsBackoff, jsPolicyOf } from '../../policy/js-policy';
import { fitTimeout } from '../../policy/render';
import type { Finding, Fix, TextEdit } from '../../types';
import { makeFinding } from './util';
import { attemptsOf, limitMessage, relateLimit, underLimit } from '../server-limit-text';

/**
 * The new text for an option value that already bounds the call: a number in the option's unit, or a
 * fresh `AbortSignal.timeout(ms)`; undefined for values a fix should not touch (a shared controller's signal).
 */
function replacementFor(value: Node, seconds: number, unit: 'ms' | 's'): string | undefined {
  const key = parentOf(value)?.type === 'pair' ? field(parentOf(value)!, 'key')?.text.replace(/['"]/g, '') ?? '' : '';
  const v = unwrap(value);
  if (/signal$/i.test(key)) {
    return v.type === 'call_expression' && field(v, 'function')?.text === 'AbortSignal.timeout' ? `AbortSignal.timeout(${msLiteral(seconds * 1000)})` : undefined;
  }
  return /seconds/i.test(key) || unit === 's' ? String(seconds) : msLiteral(seconds * 1000);
}

/**
 * Attempts the fix keeps: all of them when each still gets a useful timeout (10 s, or 80% of a shorter
 * limit), else as many as do, down to two: one retry stays (llm-http-without-retry asks for it), and a
 * 1 s timeout on three attempts would fail every call.
 */
function fittingAttempts(limitSeconds: number, attempts: number, backoff: (n: number) => number): number {
  const useful = Math.min(10, Math.floor(limitSeconds * 0.8));
  let a = attempts;
  while (a > 2 && fitTimeout(limitSeconds, a, backoff) < useful) a--;
  return a;
}

/** An option the fix writes: its value node when set (then replaced), else the `key: value` text to add. */
type OptionWrite = { replace: Node; text: string } | { add: string };

/**
 * Edits writing the timeout (and, when lowered, the retries) into the options object at argument
 * `index` of `call` (created when the call has exactly `index` arguments); additions go in together.
 */
function writeOptions(file: string, call: Node, index: number, writes: OptionWrite[]): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  const adds: string[] = [];
  for (const w of writes) {
    if ('replace' in w) edits.push({ file, range: rangeOf(w.replace), newText: w.text });
    else adds.push(w.add);
  }
  if (adds.length > 0) {
    const added = addOptionEdits(file, call, index, adds.join(', '));
    if (!added) return undefined;
    edits.push(...added);
  }
  return edits;
}

/** The retries option of `options` set to `retries`, for a one-key path (`maxRetries`); undefined when it cannot be written. */
function retriesWrite(options: Node | undefined, path: string[] | undefined, retries: number): OptionWrite | undefined {
  if (!path || path.length !== 1) return undefined;
  const r = options ? lookupPath(options, path) : undefined;
  if (r?.kind === 'unknown') return undefined;
  return r?.kind === 'value' ? { replace: r.node, text: String(retries) } : { add: `${path[0]}: ${retries}` };
}

/**
 * "Set a timeout that fits": in this call's options when the SDK takes per-call options (it then wins
 * over the client's for this route only), else on a client built in this file. When the retries'
 * waits leave too little per attempt, fewer retries are written beside it.
 */
function shortenFixJs(ctx: JsContext, call: JsCall, limit: ServerLimit, attempts: number): Fix | undefined {
  if (!call.sdk) return undefined;
  const shape = call.hit ? optionsOf(call.hit) : call.sdk.options;
  const backoff = jsBackoff(call.sdk.id);
  const keep = fittingAttempts(limit.seconds, attempts, backoff);
  const seconds = fitTimeout(limit.seconds, keep, backoff);
  const retries = keep < attempts ? keep - 1 : undefined;
  // `keep` is at least 2: a lowered count leaves one retry or more.
  const fewer = retries === undefined ? '' : ` and ${retries} ${retries === 1 ? 'retry' : 'retries'}`;
  const title = (where: string) => `Set a ${seconds} s timeout${fewer} on ${where} ${underLimit(limit, keep)}`;
  const done = (edits: TextEdit[] | undefined, where: string): Fix | undefined => (edits && edits.length > 0 ? { title: title(where), safety: 'unsafe', preferred: true, edits } : undefined);
  const args = callArgs(call.node);
  const spread = args.some((a) => unwrap(a).type === 'spread_element');
  // The call's own timeout wins over the client's (jsPolicyOf reads it last): when it sets one, that value
  // is the one to change, whether or not the SDK has a text to add one.
  let callTimeout: Node | undefined;
  if (shape.callArg !== undefined && !spread) {
    for (const path of shape.callTimeout ?? []) {
      const r = args[shape.callArg] ? lookupPath(args[shape.callArg], path) : undefined;
      if (r?.kind === 'unknown') return undefined;
      if (r?.kind === 'value') {
        callTimeout = r.node;
        break;
      }
    }
  }
  if (shape.callArg !== undefined && (shape.callTimeoutText || callTimeout) && !spread) {
    const options = args[shape.callArg];
    let timeout: OptionWrite = { add: withSeconds(shape.callTimeoutText ?? '', seconds) };
    if (callTimeout) {
      const text = replacementFor(callTimeout, seconds, 'ms');
      if (!text) return undefined;
      timeout = { replace: callTimeout, text };
    }
    const retry = retries === undefined ? undefined : retriesWrite(options, shape.callRetries?.[0], retries);
    if (retries !== undefined && !retry) return undefined;
    return done(writeOptions(ctx.file, call.node, shape.callArg, retry ? [timeout, retry] : [timeout]), 'this call');
  }
  const ctor = call.client?.ctor;
  if (!ctor || ctor.tree !== call.node.tree || !shape.ctorTimeout || !shape.ctorTimeoutText) return undefined;
  // The call's own timeout wins over the client's: a client timeout would change nothing here.
  if (jsPolicyOf(call)?.timeout.source.includes('(this call)')) return undefined;
  // A timeout set by `withOptions(...)` also wins over the constructor's: a client fix would change nothing.
  const ctorPath = shape.ctorTimeout.path;
  if ((call.client?.extraOptions ?? []).some((x) => [ctorPath, ['timeout']].some((p) => lookupPath(x, p).kind !== 'absent'))) return undefined;
  const unit = shape.ctorTimeout.unit;
  const ctorArgs = callArgs(ctor);
  const retry = retries === undefined ? undefined : retriesWrite(ctorArgs[0], shape.ctorRetries, retries);
  if (retries !== undefined && !retry) return undefined;
  const extra = retry ? [retry] : [];
  if (ctorArgs.length === 0) return done(writeOptions(ctx.file, ctor, 0, [{ add: withSeconds(shape.ctorTimeoutText, seconds) }, ...extra]), 'the client');
  const r = lookupPath(ctorArgs[0], shape.ctorTimeout.path);
  if (r.kind === 'unknown') return undefined;
  if (r.kind === 'value') {
    const text = replacementFor(r.node, seconds, unit);
    return text ? done(writeOptions(ctx.file, ctor, 0, [{ replace: r.node, text }, ...extra]), 'the client') : undefined;
  }
  const leaf = unit === 's' ? String(seconds) : msLiteral(seconds * 1000);
  if (shape.ctorTimeout.path.length === 1) return done(writeOptions(ctx.file, ctor, 0, [{ add: withSeconds(shape.ctorTimeoutText, seconds) }, ...extra]), 'the client');
  if (retry) return undefined; // a nested timeout path and fewer retries: not written together
  return done(setPathEdits(ctx.file, ctorArgs[0], shape.ctorTimeout.path, leaf, withSeconds(shape.ctorTimeoutText, seconds)), 'the client');
}

export function checkServerLimitsJs(ctx: JsContext): Finding[] {
  // Node servers have no gunicorn; a route file's own `maxDuration` applies to it alone.
  const limits = [
    ...(ctx.limits ?? []).filter((l) => l.kind !== 'gunicorn' && (!l.onlyFile || l.onlyFile === ctx.file) && (!l.onlyDir || isUnderDir(ctx.file, l.onlyDir)) && (!l.onlyModule || isModule(ctx.file, l.onlyModule))),
    ...limitsInFile(ctx.file, ctx.text).filter((l) => !l.onlyDir && !l.onlyModule),
  ];
  const routeLimits = ctx.handlers.some((h) => h.limits) || [...ctx.calls].some((c) => ctx.reachOf(c.scope)?.handler.limits);
  if (limits.length === 0 && !routeLimits) return [];
  const out: Finding[] = [];
  for (const call of ctx.calls) {
    if (call.kind !== 'sdk' || call.meta) continue;
    const reach = ctx.reachOf(call.scope);
    if (!reach) continue;
    const policy = jsPolicyOf(call);
    const worst = policy?.worstCaseSeconds;
    if (!policy || worst === undefined) continue;
    // A file's own segment config wins over platform-wide settings; then that of the route running this code.
    const own = limits.find((l) => l.onlyFile === ctx.file || (l.onlyModule !== undefined && isModule(ctx.file, l.onlyModule))) ?? reach.handler.limits?.[0];
    if (!own && limits.length === 0) continue;
    const limit = own ?? [...limits].sort((a, b) => a.seconds - b.seconds)[0];
    if (worst !== null && worst <= limit.seconds) continue;
    const attempts = attemptsOf(policy);
    const message = limitMessage(call.calleeText, policy, limit, 'Set a timeout (and retries) that fit, and answer with a clear error.');
    out.push(relateLimit(makeFinding(ctx, 'timeout-exceeds-server-limit', 'warning', rangeOf(call.calleeNode), message, reach.chain[0] ?? reach.handler.scope, [shortenFixJs(ctx, call, limit, attempts)]), limit));
  }
  return out;
}
