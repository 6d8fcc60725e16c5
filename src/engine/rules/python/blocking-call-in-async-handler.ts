// Python check of rule blocking-call-in-async-handler: sleeps, sync HTTP, sync DB, file I/O and child
// processes run directly in an `async def` (or a handler the framework calls on the loop).

import type { Node } from '../../parse/parser';
import { usageOf, type LlmCall } from '../../model/python/calls';
import type { PyContext } from '../../model/python/context';
import { calleeTail, field, rangeOf } from '../../model/python/syntax';
import { blockingEntry, blockingNames, celeryStateReads, handleOnlyForChild, type NameFilter } from '../../model/python/blocking';
import { toThreadFix } from '../../fix/python-fixes';
import { ensureModuleImport } from '../../fix/python-imports';
import type { Finding, Fix } from '../../types';
import { describeFunction, makeFinding, offServer, runsText } from '../python-util';
import type { Scope } from '../../model/python/model';
import { callTarget, functionArguments, iterates, qualifiedName } from '../../index/python-summary';
import { runsCoroutine, type Hop } from '../../index/python-index';
import * as path from 'path';

/** `time.sleep(x)` → `await asyncio.sleep(x)`. */
function sleepFix(ctx: PyContext, call: Node): Fix | undefined {
  const callee = field(call, 'function');
  if (!callee) return undefined;
  const asyncio = ensureModuleImport(ctx.model, ctx.file, 'asyncio');
  const usage = usageOf(call);
  if (usage.kind !== 'dropped') return undefined;
  const at = { line: call.startPosition.row, character: call.startPosition.column };
  return {
    title: 'Use `await asyncio.sleep`',
    safety: 'safe',
    preferred: true,
    edits: [...asyncio.edits, { file: ctx.file, range: { start: at, end: at }, newText: 'await ' }, { file: ctx.file, range: rangeOf(callee), newText: `${asyncio.name}.sleep` }],
  };
}

export function checkBlockingCalls(ctx: PyContext): Finding[] {
  const out: Finding[] = [];
  const names = blockingNames(ctx);
  for (const fn of ctx.model.functions) {
    if (fn.kind !== 'function') continue;
    const handler = ctx.handlerOf(fn);
    if (!fn.isAsync && handler?.runsOn !== 'event-loop') continue;
    if (!handler && ctx.isLifecycleHook(fn)) continue; // startup or shutdown: no request waits
    if (offServer(ctx, fn)) continue; // run with `asyncio.run` from sync code, or a script's coroutine
    const llm = new Set(ctx.callsIn(fn).map((c) => c.node.id));
    const reported = new Set<number>();
    for (const call of fn.calls) {
      // Most calls (`len`, `range`, helpers) end with no name of the catalog: no evaluation needed.
      if (!names.has(calleeTail(call)) || llm.has(call.id)) continue;
      const hit = blockingEntry(ctx, call, fn);
      if (!hit) continue;
      reported.add(call.id);
      let severity: 'warning' | 'info' = 'warning';
      let message = `\`${hit.name}\` ${hit.entry.what} on the event loop in ${describeFunction(ctx, fn)}: every other request waits. Use ${hit.entry.instead}, or \`asyncio.to_thread\`.`;
      if (hit.entry.minor) {
        // A handle only given to a child process (`stdout=fh`) is written by that process, not the loop.
        if (hit.name === 'open' && handleOnlyForChild(call, fn)) continue;
        severity = 'info';
        message =
          `\`${hit.name}\` does local file I/O on the event loop in ${describeFunction(ctx, fn)}. A small local file costs little; ` +
          `a large file, a slow disk or a network mount holds every other request meanwhile. Use ${hit.entry.instead} when the file can be big or remote.`;
      }
      const pseudo: LlmCall = { node: call, scope: fn, sdk: { id: 'blocking' } as LlmCall['sdk'], async: false, awaitable: true, calleeText: hit.name, usage: usageOf(call), streaming: false };
      out.push(
        makeFinding(ctx, 'blocking-call-in-async-handler', severity, rangeOf(field(call, 'function') ?? call), message, fn, [
          hit.name === 'time.sleep' && fn.isAsync ? sleepFix(ctx, call) : undefined,
          hit.name !== 'time.sleep' ? toThreadFix(ctx, pseudo, { wholeChain: true }) : undefined,
        ]),
      );
    }
    // Celery `AsyncResult.status` / `.state`: a property read that queries the result backend.
    if (ctx.text.includes('AsyncResult')) {
      for (const read of celeryStateReads(ctx, fn)) {
        const message = `\`${read.name}\` ${read.entry.what} on the event loop in ${describeFunction(ctx, fn)}: every other request waits. Use ${read.entry.instead}.`;
        out.push(makeFinding(ctx, 'blocking-call-in-async-handler', 'warning', rangeOf(read.node), message, fn, []));
      }
    }
    out.push(...throughHelpers(ctx, fn, reported));
  }
  out.push(...inLoopHelpers(ctx, names));
  return out;
}

function chainText(hops: Hop[]): string {
  return hops.map((h) => `\`${h.name}\``).join(' → ');
}

function where(ctx: PyContext, hop: Hop): string {
  return `${hop.file === ctx.file ? '' : `${path.basename(hop.file)}:`}${hop.range.start.line + 1}`;
}

/**
 * At an event-loop function's call of a helper that does blocking work (directly or through more
 * helpers, in this file or another): the loop enters the helper there. An `await` of an async helper
 * inside an async helper another async function runs is a hop of that caller's chain, not a finding.
 */
function throughHelpers(ctx: PyContext, fn: Scope, reported: ReadonlySet<number>): Finding[] {
  const out: Finding[] = [];
  const self = qualifiedName(fn);
  const intermediate = fn.isAsync && !ctx.handlerOf(fn) && self !== undefined && ctx.index.runByAsyncCaller({ file: ctx.file, name: self });
  const llm = new Set(ctx.callsIn(fn).map((c) => c.node.id));
  for (const call of fn.calls) {
    if (llm.has(call.id) || reported.has(call.id)) continue;
    const target = callTarget(call, fn, ctx.model, ctx.evaluator);
    if (!target) continue;
    const own = target.startsWith('local:') ? { file: ctx.file, name: target.slice(6) } : ctx.index.functionOf(ctx.file, target.slice(7));
    // A method the class does not define itself runs the one it inherits (the index's dispatch to its bases).
    const ref = own && ctx.index.facts(own) ? own : ctx.index.targetsOf(ctx.file, target).find((r) => ctx.index.facts(r));
    if (!ref) continue;
    const facts = ctx.index.facts(ref)!;
    const usage = usageOf(call);
    // A generator runs where it is iterated: a sync one by `for`/`list(...)`, an async one by `async for`
    // (the handler driving it is where the loop enters its chain, as for `await helper()`).
    if (facts.isGenerator && (facts.isAsync ? usage.kind !== 'async-iterated' : !iterates(usage))) continue;
    if (facts.isAsync && ((!facts.isGenerator && !runsCoroutine(usage.kind)) || intermediate)) continue;
    const hops = ctx.index.ioChain({ file: ref.file, name: ref.name }) ?? (facts.isAsync ? undefined : throughPassed(ctx, call, fn, ref, facts));
    // One finding per defect: where the helper also runs a sync LLM call, blocking-llm-call reports this call.
    if (!hops || ctx.index.blockingChain({ file: ref.file, name: ref.name })) continue;
    const last = hops[hops.length - 1];
    const label = (field(call, 'function') ?? call).text.replace(/\s+/g, '');
    const head: Hop = { name: self ?? fn.name, file: ctx.file, range: rangeOf(fn.nameNode ?? fn.node) };
    const message =
      `\`${label}(...)\` does blocking work on the event loop in ${describeFunction(ctx, fn)}: ${chainText([head, ...hops])} ` +
      `(${last.minor ? 'local file I/O' : 'blocking I/O'}, line ${where(ctx, last)}). ${last.minor ? 'A small local file costs little; a large or remote one holds every other request.' : 'Every other request waits.'}`;
    const pseudo: LlmCall = { node: call, scope: fn, sdk: { id: 'blocking' } as LlmCall['sdk'], async: facts.isAsync, awaitable: true, calleeText: label, usage, streaming: false };
    const finding = makeFinding(ctx, 'blocking-call-in-async-handler', last.minor ? 'info' : 'warning', rangeOf(field(call, 'function') ?? call), message, fn, [
      facts.isAsync ? undefined : toThreadFix(ctx, pseudo),
    ]);
    finding.chain = [head, ...hops].map((h) => ({ name: h.name, file: h.file, range: h.range }));
    finding.related.push(...hops.map((h) => ({ location: { file: h.file, range: h.range }, message: `via \`${h.name}\`` })));
    out.push(finding);
  }
  return out;
}

/** `best(q, rows.similar)`: a function passed to a sync helper that calls it does its blocking work here. */
function throughPassed(ctx: PyContext, call: Node, fn: Scope, ref: { file: string; name: string }, facts: { name: string; range: Hop['range'] }): Hop[] | undefined {
  const fnArgs = functionArguments(call, fn, ctx.model, ctx.evaluator);
  if (!fnArgs) return undefined;
  for (const passed of ctx.index.passedAndCalled(ctx.file, fnArgs, ref)) {
    const chain = ctx.index.ioChain(passed);
    if (chain && !ctx.index.blockingChain(passed)) return [{ name: facts.name, file: ref.file, range: facts.range }, ...chain];
  }
  return undefined;
}

/** The blocking call inside a sync helper that an `async def` on a server's loop reaches. */
function inLoopHelpers(ctx: PyContext, names: NameFilter): Finding[] {
  const out: Finding[] = [];
  for (const fn of ctx.model.functions) {
    if (fn.kind !== 'function' || fn.isAsync || ctx.handlerOf(fn)) continue;
    const name = qualifiedName(fn);
    if (!name || !ctx.index.facts({ file: ctx.file, name })?.io) continue;
    const up = ctx.index.loopChain({ file: ctx.file, name });
    if (!up) continue;
    const llm = new Set(ctx.callsIn(fn).map((c) => c.node.id));
    for (const call of fn.calls) {
      if (!names.has(calleeTail(call)) || llm.has(call.id)) continue;
      const hit = blockingEntry(ctx, call, fn);
      if (!hit || (hit.name === 'open' && handleOnlyForChild(call, fn))) continue;
      const minor = hit.entry.minor === true;
      const range = rangeOf(field(call, 'function') ?? call);
      const top = up[0];
      const message =
        `\`${hit.name}\` in helper \`${name}\` ${minor ? 'does local file I/O' : hit.entry.what} on the event loop: ` +
        `${chainText([...up, { name: hit.name, file: ctx.file, range }])} (\`${top.name}\` ${runsText(ctx, top)}, ${where(ctx, top)}). ` +
        (minor ? 'A small local file costs little; a large or remote one holds every other request.' : `Use ${hit.entry.instead}, or call the helper with \`asyncio.to_thread\`.`);
      const finding = makeFinding(ctx, 'blocking-call-in-async-handler', minor ? 'info' : 'warning', range, message, undefined, []);
      finding.chain = [...up, { name: hit.name, file: ctx.file, range }].map((h) => ({ name: h.name, file: h.file, range: h.range }));
      finding.related.push(...up.map((h) => ({ location: { file: h.file, range: h.range }, message: `called from \`${h.name}\`` })));
      out.push(finding);
    }
  }
  return out;
}
