// Python check of rule blocking-call-in-async-handler: sleeps, sync HTTP, sync DB, file I/O and child
// processes run directly in an `async def` (or a handler the framework calls on the loop).

import type { Node } from '../../parse/parser';
import { usageOf, type LlmCall } from '../../model/python/calls';
import type { PyContext } from '../../model/python/context';
import type { Scope } from '../../model/python/model';
import { calleeTail, field, rangeOf } from '../../model/python/syntax';
import { BLOCKING_CALL_NAMES, BLOCKING_FUNCTIONS, BLOCKING_METHODS, type BlockingEntry } from '../../catalog/python-blocking';
import { toThreadFix } from '../../fix/python-fixes';
import { ensureModuleImport } from '../../fix/python-imports';
import type { Finding, Fix } from '../../types';
import { describeFunction, makeFinding } from '../python-util';

function blockingEntry(ctx: PyContext, call: Node, scope: Scope): { entry: BlockingEntry; name: string } | undefined {
  const callee = field(call, 'function');
  if (!callee) return undefined;
  if (callee.type === 'identifier' && callee.text === 'open' && !ctx.model.imports.has('open') && !isBound(scope, 'open')) {
    return { entry: BLOCKING_FUNCTIONS.open, name: 'open' };
  }
  const v = ctx.evaluator.evaluate(callee, scope);
  if (!v) return undefined;
  if ((v.kind === 'qname' || v.kind === 'module') && v.qname !== 'open' && BLOCKING_FUNCTIONS[v.qname]) return { entry: BLOCKING_FUNCTIONS[v.qname], name: v.qname };
  if (v.kind === 'method') {
    const m = BLOCKING_METHODS[v.qname];
    if (m && m.methods.includes(v.method)) return { entry: m.entry, name: callee.text.replace(/\s+/g, '') };
  }
  return undefined;
}

function isBound(scope: Scope, name: string): boolean {
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s.assignments.has(name) || s.params.some((p) => p.name === name)) return true;
  return false;
}

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

/**
 * Callee names that may be blocking here: the catalog's, local names imported for one of them, and
 * module-level names bound to one (`nap = time.sleep`).
 */
function blockingNames(ctx: PyContext): ReadonlySet<string> {
  let names: Set<string> | undefined;
  const add = (local: string) => {
    if (!BLOCKING_CALL_NAMES.has(local)) (names ??= new Set(BLOCKING_CALL_NAMES)).add(local);
  };
  for (const [local, q] of ctx.model.imports) if (BLOCKING_FUNCTIONS[q] || BLOCKING_METHODS[q]) add(local);
  for (const [local, values] of ctx.model.module.assignments) {
    for (const v of values) {
      const tail = v.type === 'identifier' ? v.text : v.type === 'attribute' ? field(v, 'attribute')?.text : undefined;
      if (tail && BLOCKING_CALL_NAMES.has(tail)) add(local);
    }
  }
  return names ?? BLOCKING_CALL_NAMES;
}

export function checkBlockingCalls(ctx: PyContext): Finding[] {
  const out: Finding[] = [];
  const names = blockingNames(ctx);
  for (const fn of ctx.model.functions) {
    if (fn.kind !== 'function') continue;
    const handler = ctx.handlerOf(fn);
    if (!fn.isAsync && handler?.runsOn !== 'event-loop') continue;
    if (!handler && ctx.isLifecycleHook(fn)) continue; // startup or shutdown: no request waits
    const llm = new Set(ctx.callsIn(fn).map((c) => c.node.id));
    for (const call of fn.calls) {
      // Most calls (`len`, `range`, helpers) end with no name of the catalog: no evaluation needed.
      if (!names.has(calleeTail(call)) || llm.has(call.id)) continue;
      const hit = blockingEntry(ctx, call, fn);
      if (!hit) continue;
      const message = `\`${hit.name}\` ${hit.entry.what} on the event loop in ${describeFunction(ctx, fn)}: every other request waits. Use ${hit.entry.instead}, or \`asyncio.to_thread\`.`;
      const pseudo: LlmCall = { node: call, scope: fn, sdk: { id: 'blocking' } as LlmCall['sdk'], async: false, awaitable: true, calleeText: hit.name, usage: usageOf(call), streaming: false };
      out.push(
        makeFinding(ctx, 'blocking-call-in-async-handler', 'warning', rangeOf(field(call, 'function') ?? call), message, fn, [
          hit.name === 'time.sleep' && fn.isAsync ? sleepFix(ctx, call) : undefined,
          hit.name !== 'time.sleep' ? toThreadFix(ctx, pseudo) : undefined,
        ]),
      );
    }
  }
  return out;
}
