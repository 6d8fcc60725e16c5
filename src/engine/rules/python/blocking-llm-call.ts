// Python check of rule blocking-llm-call: a synchronous LLM SDK call that runs on the event loop.

import type { PyContext } from '../../model/python/context';
import type { Finding } from '../../types';
import { asyncClientFix, makeHandlerDefFix, toThreadFix } from '../../fix/python-fixes';
import { asyncVariantFix } from '../../fix/python-async-variants';
import { calleeRange, describeCall, describeFunction, enclosingFunction, makeFinding } from '../python-util';
import { clientRelated } from '../python-related';

export function checkBlocking(ctx: PyContext): Finding[] {
  const out: Finding[] = [];
  for (const call of ctx.calls) {
    if (call.async) continue;
    const fn = enclosingFunction(call.scope);
    if (!fn || !fn.isAsync) continue;
    const handler = ctx.handlerOf(fn);
    const message =
      `Synchronous ${describeCall(call)} blocks the event loop in ${describeFunction(ctx, fn)}: ` +
      `every other request on this worker waits until the model answers.`;
    const finding = makeFinding(ctx, 'blocking-llm-call', 'error', calleeRange(call), message, fn, [
      call.client ? asyncClientFix(ctx, call.client) : undefined,
      asyncVariantFix(ctx, call),
      toThreadFix(ctx, call),
      handler ? makeHandlerDefFix(ctx, handler) : undefined,
    ]);
    finding.related.push(...clientRelated(ctx, call));
    out.push(finding);
  }
  return out;
}
