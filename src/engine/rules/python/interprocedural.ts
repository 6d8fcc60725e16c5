// Python checks that follow calls into helpers, in this file or across the workspace: a handler that
// reaches a blocking LLM call through helpers, a sync helper's LLM call that runs on the loop, and
// the dropped coroutine of an async helper that calls the LLM.

import type { Node } from '../../parse/parser';
import type { LlmCall } from '../../model/python/calls';
import { usageOf, usesOfName } from '../../model/python/calls';
import type { PyContext } from '../../model/python/context';
import type { Scope } from '../../model/python/model';
import { field, rangeOf } from '../../model/python/syntax';
import { callTarget, iterates, qualifiedName } from '../../index/python-summary';
import { runsCoroutine, type Hop } from '../../index/python-index';
import { addAwaitFix, toThreadFix } from '../../fix/python-fixes';
import type { ChainStep, Finding } from '../../types';
import { describeFunction, makeFinding, offServer, runsText } from '../python-util';
import { lostCoroutine } from './unawaited-llm-call';
import * as path from 'path';

interface HelperCall {
  node: Node;
  scope: Scope;
  chainBlocking?: Hop[];
  chainCoroutine?: Hop[];
  targetAsync: boolean;
  label: string;
}

function where(ctx: PyContext, hop: Hop): string {
  const file = hop.file === ctx.file ? '' : `${path.basename(hop.file)}:`;
  return `${file}${hop.range.start.line + 1}`;
}

function chainText(hops: Hop[]): string {
  return hops.map((h) => `\`${h.name}\``).join(' → ');
}

function toSteps(hops: Hop[]): ChainStep[] {
  return hops.map((h) => ({ name: h.name, file: h.file, range: h.range }));
}

/** Calls in `scope` to workspace functions, with what the index knows about each target. */
function helperCalls(ctx: PyContext, scope: Scope): HelperCall[] {
  return ctx.memo(`helper-calls:${scope.node.id}`, () => findHelperCalls(ctx, scope));
}

function findHelperCalls(ctx: PyContext, scope: Scope): HelperCall[] {
  const out: HelperCall[] = [];
  const llm = new Set(ctx.callsIn(scope).map((c) => c.node.id));
  for (const node of scope.calls) {
    if (llm.has(node.id)) continue;
    const target = callTarget(node, scope, ctx.model, ctx.evaluator);
    if (!target) continue;
    // A call dispatched to several functions (an abstract method's overrides, the classes a factory
    // returns): the first that blocks stands for them all.
    const refs = ctx.index.targetsOf(ctx.file, target).filter((r) => ctx.index.facts(r));
    const ref = refs.find((r) => ctx.index.blockingChain(r)) ?? refs[0];
    if (!ref) continue;
    const facts = ctx.index.facts(ref)!;
    // Calling a generator function runs nothing yet; iterating a sync generator here runs its body here,
    // and so does driving an async generator with `async for` (this call site is where the loop enters it).
    if (facts.isGenerator && (facts.isAsync ? usageOf(node).kind !== 'async-iterated' : !iterates(usageOf(node)))) continue;
    out.push({
      node,
      scope,
      targetAsync: facts.isAsync,
      // A helper returning a lazy SDK generator: the request goes out where its result is iterated.
      chainBlocking: ctx.index.blockingChain(ref) ?? (!facts.isAsync && iteratesResult(node, scope) ? ctx.index.lazyChain(ref) : undefined),
      chainCoroutine: facts.isAsync ? ctx.index.coroutineChain(ref) : undefined,
      label: (field(node, 'function') ?? node).text.replace(/\s+/g, ''),
    });
  }
  return out;
}

/** The call's result is iterated in its scope: `for x in f()`, `list(f())`, or `g = f()` then `for x in g:`. */
function iteratesResult(node: Node, scope: Scope): boolean {
  const usage = usageOf(node);
  if (iterates(usage)) return true;
  return usage.kind === 'assigned' && !!usage.name && usesOfName(scope, usage.name, usage.consumer!).some(iterates);
}

/** A stand-in LLM call record so the generic fixes (to_thread, await) apply to a helper call. */
function asCall(h: HelperCall): LlmCall {
  return { node: h.node, scope: h.scope, sdk: { id: 'helper' } as LlmCall['sdk'], async: h.targetAsync, awaitable: true, calleeText: h.label, usage: usageOf(h.node), streaming: false };
}

function eventLoopScope(ctx: PyContext, scope: Scope): boolean {
  return scope.kind === 'function' && (scope.isAsync || ctx.handlerOf(scope)?.runsOn === 'event-loop');
}

function isRunByAsyncCaller(ctx: PyContext, fn: Scope): boolean {
  if (!fn.isAsync) return false;
  const name = qualifiedName(fn);
  return name !== undefined && ctx.index.runByAsyncCaller({ file: ctx.file, name });
}

/** blocking-llm-call through helpers: at the handler's call site, and at the SDK call in a sync helper. */
export function checkBlockingThroughHelpers(ctx: PyContext): Finding[] {
  const out: Finding[] = [];
  for (const fn of ctx.model.functions) {
    if (!eventLoopScope(ctx, fn) || offServer(ctx, fn)) continue;
    // One finding per defect: an `await helper()` in an async helper that another async function
    // runs is an intermediate hop (it is in the chain of the finding at the entry point).
    const intermediate = !ctx.handlerOf(fn) && isRunByAsyncCaller(ctx, fn);
    for (const h of helperCalls(ctx, fn)) {
      if (!h.chainBlocking) continue;
      const usage = usageOf(h.node).kind;
      if (h.targetAsync && !runsCoroutine(usage) && usage !== 'async-iterated') continue;
      if (h.targetAsync && intermediate) continue;
      const hops = h.chainBlocking;
      const sdkHop = hops[hops.length - 1];
      const name = qualifiedName(fn) ?? fn.name;
      const message =
        `\`${h.label}(...)\` runs a synchronous LLM call on the event loop in ${describeFunction(ctx, fn)}: ` +
        `${chainText([{ name, file: ctx.file, range: rangeOf(fn.nameNode ?? fn.node) }, ...hops])} (line ${where(ctx, sdkHop)}).`;
      const finding = makeFinding(ctx, 'blocking-llm-call', 'error', rangeOf(field(h.node, 'function') ?? h.node), message, fn, [
        h.targetAsync ? undefined : toThreadFix(ctx, asCall(h)),
      ]);
      finding.chain = toSteps([{ name, file: ctx.file, range: rangeOf(fn.nameNode ?? fn.node) }, ...hops]);
      finding.related.push(...hops.map((hop) => ({ location: { file: hop.file, range: hop.range }, message: `via \`${hop.name}\`` })));
      out.push(finding);
    }
  }
  // The SDK call inside a sync helper that an async function reaches.
  for (const fn of ctx.model.functions) {
    if (fn.kind !== 'function' || fn.isAsync || ctx.handlerOf(fn)) continue;
    // Only helpers making a sync LLM call need their callers looked up (a lazy SDK generator they only
    // hand on sends nothing; one they return runs where a caller on the loop iterates their result).
    const calls = ctx.callsIn(fn).filter((call) => !call.async && call.lazy !== 'elsewhere');
    if (calls.length === 0) continue;
    const name = qualifiedName(fn);
    if (!name) continue;
    const eager = calls.some((call) => !call.lazy) ? ctx.index.loopChain({ file: ctx.file, name }) : undefined;
    const lazy = calls.some((call) => call.lazy) ? ctx.index.lazyLoopChain({ file: ctx.file, name }) : undefined;
    for (const call of calls) {
      const up = call.lazy ? lazy : eager;
      if (!up) continue;
      const callee = rangeOf(field(call.node, 'function') ?? call.node);
      const top = up[0];
      const message =
        `Synchronous \`${call.calleeText}\` in helper \`${name}\` runs on the event loop: ` +
        `${chainText([...up, { name: call.calleeText, file: ctx.file, range: callee }])} (\`${top.name}\` ${runsText(ctx, top)}, ${where(ctx, top)}).`;
      const finding = makeFinding(ctx, 'blocking-llm-call', 'error', callee, message, undefined, []);
      finding.chain = toSteps([...up, { name: call.calleeText, file: ctx.file, range: callee }]);
      finding.related.push(...up.map((hop) => ({ location: { file: hop.file, range: hop.range }, message: `called from \`${hop.name}\`` })));
      out.push(finding);
    }
  }
  return out;
}

/** unawaited-llm-call for async helpers that call the LLM: their coroutine is dropped or misused. */
export function checkUnawaitedHelpers(ctx: PyContext): Finding[] {
  const out: Finding[] = [];
  for (const fn of [ctx.model.module, ...ctx.model.functions]) {
    for (const h of helperCalls(ctx, fn)) {
      if (!h.targetAsync || !h.chainCoroutine) continue;
      const usage = usageOf(h.node).kind;
      let what: string | undefined;
      if (usage === 'stored' || usage === 'argument') {
        // Put in a container or passed on: lost only when nothing awaits it later (same test as SDK calls).
        what = lostCoroutine(asCall(h));
        if (!what) continue;
      } else {
        if (runsCoroutine(usage) || usage === 'async-iterated') continue;
        what = usage === 'dropped' ? 'is never awaited: the LLM is never called' : `is used without \`await\` (${usage})`;
      }
      const message = `Coroutine of async helper \`${h.label}\` (${chainText(h.chainCoroutine)}) ${what}.`;
      const finding = makeFinding(ctx, 'unawaited-llm-call', 'error', rangeOf(field(h.node, 'function') ?? h.node), message, fn.kind === 'function' ? fn : undefined, [
        addAwaitFix(ctx, asCall(h)),
      ]);
      finding.chain = toSteps(h.chainCoroutine);
      out.push(finding);
    }
  }
  return out;
}
