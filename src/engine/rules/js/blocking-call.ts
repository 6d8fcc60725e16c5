// JavaScript/TypeScript checks of blocking-call-in-async-handler (`fs.*Sync`, `child_process.*Sync`,
// `zlib.*Sync`, CPU-bound crypto) and blocking-llm-call (a `*Sync` child process running an LLM CLI
// or `curl` to an LLM API) inside a request handler or a local helper it calls.

import type { JsContext } from '../../model/js/context';
import type { Finding } from '../../types';
import * as path from 'path';
import { promisesVariantFix } from '../../fix/js-fixes';
import { calleeRange, chainSteps, describeFunction, makeFinding } from './util';

function where(ctx: JsContext, call: Parameters<typeof promisesVariantFix>[1]): { text: string; chain: ReturnType<typeof chainSteps> } | undefined {
  const reach = ctx.reachOf(call.scope);
  if (!reach || !reach.handler.sharedLoop) return undefined;
  const h = reach.handler;
  const kind = h.method === '*' && h.path === '*' ? 'middleware' : 'handler';
  const route = `${h.displayName} ${kind}${h.scope.name === '<anonymous>' ? '' : ` \`${h.scope.name}\``}${kind === 'middleware' ? ' (every request)' : ` (${h.method} ${h.path})`}`;
  if (reach.external) {
    // A route of another file runs this code: name its handler and every hop down to here.
    const hops = [...reach.external, ...chainSteps(ctx, reach.chain)];
    const where = hops[0] ? ` in ${path.basename(hops[0].file)}` : '';
    const fn = reach.chain[reach.chain.length - 1];
    return {
      text: `in ${describeFunction(ctx, fn)}, which ${h.displayName} ${kind} (${h.method} ${h.path})${where} reaches (${hops.map((s) => `\`${s.name === '<anonymous>' ? `${h.method} ${h.path}` : s.name}\``).join(' → ')})`,
      chain: hops,
    };
  }
  const helpers = reach.chain.slice(1);
  if (helpers.length === 0) return { text: `in ${route}`, chain: [] };
  const fn = helpers[helpers.length - 1];
  return {
    text: `in ${describeFunction(ctx, fn)}, which ${route} calls (${reach.chain.map((s, i) => (i === 0 && s.name === '<anonymous>' ? `${h.method} ${h.path}` : `\`${s.name}\``)).join(' → ')})`,
    chain: chainSteps(ctx, reach.chain),
  };
}

function check(ctx: JsContext, llm: boolean): Finding[] {
  const out: Finding[] = [];
  for (const call of ctx.calls) {
    if (call.kind !== 'blocking' || !call.blocking || call.blocking.llm !== llm) continue;
    const w = where(ctx, call);
    if (!w) continue;
    const message = llm
      ? `\`${call.calleeText}\` runs ${call.blocking.what === 'speech model' ? 'a speech model' : 'an LLM'} synchronously ${w.text}: the event loop is frozen until the model answers, so every other request on this process waits.`
      : `Synchronous ${call.blocking.what} call \`${call.calleeText}\` blocks the event loop ${w.text}: every other request on this process waits until it returns.`;
    const finding = makeFinding(ctx, llm ? 'blocking-llm-call' : 'blocking-call-in-async-handler', llm ? 'error' : 'warning', calleeRange(call), message, call.scope, [
      llm ? undefined : promisesVariantFix(ctx, call),
    ]);
    finding.chain = w.chain;
    out.push(finding);
  }
  // Imported helpers that block (in their own file or further down): reported at the call site here.
  for (const call of ctx.calls) {
    const facts = call.external?.facts;
    if (call.kind !== 'helper' || !facts?.blockingChain || (facts.blockingLlm ?? false) !== llm) continue;
    const w = where(ctx, call);
    if (!w) continue;
    // One finding per defect: at the blocking call itself (above, in its file) and where the request leaves
    // the handler's own file for the code that blocks (in the handler, or a local helper it runs). Calls in
    // files that other files' routes reach are intermediate hops of the chain, async or not.
    const reach = ctx.reachOf(call.scope)!;
    if (reach.external) continue;
    const hops = facts.blockingChain;
    const end = hops[hops.length - 1];
    const at = `${path.basename(end.file)}:${end.range.start.line + 1}`;
    const via = hops.map((h) => `\`${h.name}\``).join(' → ');
    const message = llm
      ? `\`${call.calleeText}(...)\` runs ${facts.blockingWhat === 'speech model' ? 'a speech model' : 'an LLM'} synchronously (${via}, ${at}) ${w.text}: the event loop is frozen until the model answers, so every other request on this process waits.`
      : `\`${call.calleeText}(...)\` makes a synchronous ${facts.blockingWhat ?? 'blocking'} call (${via}, ${at}) ${w.text}: it blocks the event loop, so every other request on this process waits until it returns.`;
    const finding = makeFinding(ctx, llm ? 'blocking-llm-call' : 'blocking-call-in-async-handler', llm ? 'error' : 'warning', calleeRange(call), message, call.scope, []);
    const local = w.chain.length > 0 ? w.chain : chainSteps(ctx, [ctx.reachOf(call.scope)!.handler.scope]);
    finding.chain = [...local, ...hops];
    finding.related.push(...hops.map((h) => ({ location: { file: h.file, range: h.range }, message: `via \`${h.name}\`` })));
    out.push(finding);
  }
  return out;
}

export const checkBlockingCallJs = (ctx: JsContext): Finding[] => check(ctx, false);
export const checkBlockingLlmJs = (ctx: JsContext): Finding[] => check(ctx, true);
