// Python check of rule async-client-in-sync-handler: a coroutine created in a plain `def` handler and never run.

import type { PyContext } from '../../model/python/context';
import type { Finding } from '../../types';
import { makeAsyncAndAwaitFix } from '../../fix/python-fixes';
import { calleeRange, describeCall, describeFunction, enclosingFunction, makeFinding } from '../python-util';
import { lostCoroutine } from './unawaited-llm-call';

export function checkAsyncInSync(ctx: PyContext): Finding[] {
  const out: Finding[] = [];
  for (const call of ctx.calls) {
    if (!call.async || !call.awaitable) continue;
    const fn = enclosingFunction(call.scope);
    if (!fn || fn.isAsync) continue;
    const handler = ctx.handlerOf(fn);
    if (!handler) continue;
    // Returned from a sync handler, the coroutine goes to a framework that will not await it.
    const why = call.usage.kind === 'returned' && call.usage.consumer?.type === 'return_statement' ? 'is returned to the framework, which never awaits it' : lostCoroutine(call);
    if (!why) continue;
    const message = `${describeFunction(ctx, fn)} is a plain \`def\` and cannot await async ${describeCall(call)}: the coroutine ${why.replace(/^is /, 'is ')}.`;
    out.push(makeFinding(ctx, 'async-client-in-sync-handler', 'error', calleeRange(call), message, fn, [makeAsyncAndAwaitFix(ctx, call, handler)]));
  }
  return out;
}
