// Python check of rule blocking-llm-call: a synchronous LLM SDK call that runs on the event loop.

import { addKeywordEdit } from '../../fix/python-args';
import type { PyContext } from '../../model/python/context';
import type { Finding, Fix } from '../../types';
import type { Handler } from '../../model/python/handlers';
import { asyncClientFix, makeHandlerDefFix, toThreadFix } from '../../fix/python-fixes';
import { asyncVariantFix } from '../../fix/python-async-variants';
import { calleeRange, describeCall, describeFunction, enclosingFunction, makeFinding, offServer } from '../python-util';
import { clientRelated } from '../python-related';

export function checkBlocking(ctx: PyContext): Finding[] {
  const out: Finding[] = [];
  for (const call of ctx.calls) {
    // A lazy SDK generator not iterated here (returned, handed to a thread or a streamed response) sends nothing here.
    if (call.async || call.lazy) continue;
    const fn = enclosingFunction(call.scope);
    if (!fn) continue;
    const handler = ctx.handlerOf(fn);
    // `async def`, or a sync handler the framework calls on the loop (Litestar, Sanic, aiohttp); not a
    // startup or shutdown hook (no request is being served then).
    if (!fn.isAsync && handler?.runsOn !== 'event-loop') continue;
    if (!handler && ctx.isLifecycleHook(fn)) continue;
    if (offServer(ctx, fn)) continue; // run with `asyncio.run` from sync code, or a script's coroutine
    const message =
      `Synchronous ${describeCall(call)} blocks the event loop in ${describeFunction(ctx, fn)}: ` +
      `every other request on this worker waits until ${call.management ? 'the API answers' : 'the model answers'}.`;
    const finding = makeFinding(ctx, 'blocking-llm-call', 'error', calleeRange(call), message, fn, [
      call.client && fn.isAsync ? asyncClientFix(ctx, call.client) : undefined,
      asyncVariantFix(ctx, call),
      toThreadFix(ctx, call),
      handler ? makeHandlerDefFix(ctx, handler) : undefined,
      handler && !fn.isAsync ? offloadKeywordFix(ctx, handler) : undefined,
    ]);
    finding.related.push(...clientRelated(ctx, call));
    out.push(finding);
  }
  return out;
}

/** Litestar: `@post("/x")` → `@post("/x", sync_to_thread=True)` so the sync handler leaves the loop. */
function offloadKeywordFix(ctx: PyContext, handler: Handler): Fix | undefined {
  const keyword = handler.framework.offloadKeyword;
  if (!keyword) return undefined;
  for (const dec of handler.scope.decorators) {
    const call = dec.namedChild(0);
    const args = call?.type === 'call' ? call.childForFieldName('arguments') : null;
    if (!call || !args || args.text.includes(keyword)) continue;
    const edit = addKeywordEdit(ctx.file, call, keyword, 'True');
    if (!edit) continue;
    return { title: `Add \`${keyword}=True\` (run the handler in a thread)`, safety: 'safe', preferred: true, edits: [edit] };
  }
  return undefined;
}
