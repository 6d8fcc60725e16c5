// JavaScript/TypeScript check of rule unawaited-llm-call: the promise of an LLM call (or of a local
// helper that makes one) is dropped, `.then`ed without a rejection handler, or used as if it were the answer.

import type { JsContext } from '../../model/js/context';
import type { JsCall, Usage } from '../../model/js/calls';
import { callbackOf, usesOfName } from '../../model/js/calls';
import { lastStatementOfFunction, neverRejects, outerValue, parentOf, rangeOf } from '../../model/js/syntax';
import type { Finding } from '../../types';
import { addAwaitFix, addCatchFix, forEachFix, waitUntilFix } from '../../fix/js-fixes';
import { calleeRange, chainSteps, describeCall, describeChainEnd, functionScopeOf, makeFinding } from './util';
import { llmHops } from '../../model/js/summary';

const RUNS = new Set(['awaited', 'returned', 'returned-in-try', 'handled', 'waitUntil', 'argument', 'stored', 'yielded', 'voided', 'assigned', 'other']);

const FAILS = 'a failure (timeout, 429, network error) becomes an unhandled rejection, which crashes Node by default';

/** Why the promise is lost, for a usage; undefined when something awaits or handles it. */
function whyLost(usage: Usage): string | undefined {
  switch (usage.kind) {
    case 'dropped':
      return `is never awaited: the code goes on (and may respond) before the answer exists, and ${FAILS}`;
    case 'then-dropped':
      return `is handled with \`.then\` but no rejection handler: ${FAILS}, and whatever \`.then\` would send never happens`;
    case 'attribute': {
      const prop = usage.consumer?.childForFieldName('property')?.text ?? 'x';
      return `is used without \`await\`: \`.${prop}\` is read from a Promise and is \`undefined\``;
    }
    case 'subscript':
      return 'is indexed without `await`: a Promise has no such element (`undefined`)';
    case 'destructured':
      return 'is destructured without `await`: every field comes out `undefined`';
    case 'stringified':
      return `is put into ${usage.sink ?? 'a string'} without \`await\`: it reads "[object Promise]"`;
    case 'sent':
      return /^console\.|^(?:logger|log)\./.test(usage.sink ?? '')
        ? `is logged with \`${usage.sink}\` without \`await\`: the log shows a pending Promise, not the answer`
        : `is passed to ${usage.sink?.startsWith('the ') ? usage.sink : `\`${usage.sink}\``} without \`await\`: a Promise serializes as \`{}\`, so the client gets an empty answer`;
    case 'iterated':
      return 'is iterated without `await`: a Promise is not iterable (TypeError)';
    case 'async-iterated':
      return 'is iterated with `for await` without `await`: the stream is inside a Promise, which is not async-iterable (TypeError)';
    case 'returned-in-try':
      return 'is returned without `await` inside `try`: its rejection skips the `catch` below';
    default:
      return undefined;
  }
}

/** Frameworks that serialize what a handler returns (`return { answer }` in Fastify). */
const RETURN_SERIALIZED = new Set(['fastify']);

/** A promise put into an object literal that a Fastify handler returns is serialized as `{}`. */
function returnedFromHandler(ctx: JsContext, usage: Usage): Usage {
  const obj = usage.consumer;
  if (usage.kind !== 'stored' || obj?.type !== 'object') return usage;
  const parent = parentOf(outerValue(obj));
  if (parent?.type !== 'return_statement' && parent?.type !== 'arrow_function') return usage;
  const fn = ctx.evaluator.scopeAt(obj);
  const h = fn.kind === 'function' ? ctx.handlerOf(fn) : undefined;
  return h && RETURN_SERIALIZED.has(h.frameworkId) ? { ...usage, kind: 'sent', sink: `the ${h.displayName} reply (the returned object)` } : usage;
}

/** Why the promise of `call` is lost, following a variable it is stored in; plus the usage to fix. */
export function lostPromise(ctx: JsContext, call: JsCall): { why: string; usage: Usage } | undefined {
  const u = returnedFromHandler(ctx, call.usage);
  // A Stainless paginator (`for await (const f of client.files.list())`) fetches its pages as it is iterated.
  const method = call.calleeText.split('.').pop() ?? '';
  const pager = call.kind === 'sdk' && (call.sdk?.paginators?.includes(method) ?? false);
  if (pager && u.kind === 'async-iterated') return undefined;
  if (u.kind !== 'assigned') {
    const why = whyLost(u);
    return why ? { why, usage: u } : undefined;
  }
  const name = u.name!;
  const scope = ctx.evaluator.scopeAt(u.valueNode);
  const uses = usesOfName(scope, name, u.consumer ?? u.valueNode).map((x) => returnedFromHandler(ctx, x));
  if (uses.length === 0) return { why: `is stored in \`${name}\` and never awaited: ${FAILS}`, usage: u };
  if (uses.some((x) => RUNS.has(x.kind) || (pager && x.kind === 'async-iterated'))) return undefined;
  const bad = uses.map(whyLost).find((w) => w !== undefined);
  return { why: `is stored in \`${name}\`, which ${bad ? bad.replace(/^is /, 'is ') : 'is never awaited'}`, usage: u };
}

export function checkUnawaitedJs(ctx: JsContext): Finding[] {
  const out: Finding[] = [];
  for (const call of ctx.calls) {
    let subject: string;
    let chain: JsCall[] | undefined;
    if ((call.kind === 'sdk' || call.kind === 'http') && call.promise) {
      subject = `Promise of ${describeCall(call)}`;
    } else if (call.kind === 'helper' && (call.target || call.external?.facts.llmChain)) {
      chain = call.target ? ctx.llmChainOf(call.target) : [call];
      if (!chain) continue;
      subject = `Promise of \`${call.calleeText}\` (it calls ${describeChainEnd(ctx, chain)})`;
    } else continue;
    const lost = lostPromise(ctx, call);
    if (!lost) continue;
    // Fire-and-forget as the function's last act, of a helper that catches everything (and answers itself):
    // nothing waits for it and it cannot reject.
    if (chain && lost.usage.kind === 'dropped' && lastStatementOfFunction(call.node) && (call.target ? call.target.isAsync && neverRejects(call.target.node) : call.external?.facts.neverRejects)) continue;
    const fn = functionScopeOf(call.scope);
    const dropped = lost.usage.kind === 'dropped' || lost.usage.kind === 'then-dropped';
    const enclosing = ctx.evaluator.scopeAt(lost.usage.valueNode);
    const inAsync = enclosing.kind === 'function' && enclosing.isAsync;
    const finding = makeFinding(ctx, 'unawaited-llm-call', 'error', calleeRange(call), `${subject} ${lost.why}.`, fn, [
      dropped ? waitUntilFix(ctx, lost.usage) : undefined,
      // A `.then` chain in a plain function keeps its style: `.catch` first.
      lost.usage.kind === 'then-dropped' && !inAsync ? addCatchFix(ctx, lost.usage, true) : undefined,
      addAwaitFix(ctx, call, lost.usage),
      dropped && !(lost.usage.kind === 'then-dropped' && !inAsync) ? addCatchFix(ctx, lost.usage, false) : undefined,
    ]);
    if (chain) {
      finding.chain = call.target ? [...chainSteps(ctx, [call.target]), ...llmHops(ctx, chain)] : call.external!.facts.llmChain!;
      for (const hop of finding.chain) if (hop.file !== ctx.file) finding.related.push({ location: { file: hop.file, range: hop.range }, message: `via \`${hop.name}\`` });
    }
    out.push(finding);
  }
  // `items.forEach(async (x) => { await llm(x) })`: forEach drops every promise the callback returns.
  for (const fn of ctx.model.functions) {
    if (!fn.isAsync) continue;
    const forEach = callbackOf(fn.node, /^forEach$/);
    if (!forEach) continue;
    const chain = ctx.llmChainOf(fn);
    if (!chain) continue;
    const prop = forEach.childForFieldName('function')?.childForFieldName('property');
    if (!prop) continue;
    const message = `\`forEach\` drops the promises of its async callback, which calls ${describeChainEnd(ctx, chain)}: the code after it runs (and may respond) before the answers exist, and ${FAILS}.`;
    out.push(makeFinding(ctx, 'unawaited-llm-call', 'error', rangeOf(prop), message, functionScopeOf(ctx.evaluator.scopeAt(forEach)), [forEachFix(ctx, forEach)]));
  }
  return out;
}
