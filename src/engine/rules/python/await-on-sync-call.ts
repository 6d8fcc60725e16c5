// Python check of rule await-on-sync-call: `await` in front of a synchronous LLM call.

import type { PyContext } from '../../model/python/context';
import type { Finding } from '../../types';
import { asyncClientFix, removeAwaitFix, toThreadFix } from '../../fix/python-fixes';
import { asyncVariantFix } from '../../fix/python-async-variants';
import { describeCall, enclosingFunction, makeFinding } from '../python-util';
import { clientRelated } from '../python-related';
import { rangeBetween, field } from '../../model/python/syntax';

export function checkAwaitOnSync(ctx: PyContext): Finding[] {
  const out: Finding[] = [];
  for (const call of ctx.calls) {
    if (call.async || call.usage.kind !== 'awaited') continue;
    const aw = call.usage.consumer!;
    const fn = enclosingFunction(call.scope);
    const message =
      `\`await\` on synchronous ${describeCall(call)}: the call blocks until the model answers, ` +
      `then \`await\` raises TypeError because its result is not awaitable.`;
    const callee = field(call.node, 'function') ?? call.node;
    const finding = makeFinding(ctx, 'await-on-sync-call', 'error', rangeBetween(aw, callee), message, fn, [
      call.client ? asyncClientFix(ctx, call.client) : undefined,
      asyncVariantFix(ctx, call),
      toThreadFix(ctx, call),
      removeAwaitFix(ctx, call),
    ]);
    finding.related.push(...clientRelated(ctx, call));
    out.push(finding);
  }
  return out;
}
