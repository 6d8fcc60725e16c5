// JS/TS check of rule timeout-exceeds-server-limit: an LLM call reached from a route can wait longer
// than the platform or proxy in front lets the request live (Vercel and Next.js maxDuration,
// Cloudflare's 100 s, Lambda timeouts, nginx).

import type { JsContext } from '../../model/js/context';
import { rangeOf } from '../../model/js/syntax';
import { limitsInFile, type ServerLimit } from '../../limits/server-limits';
import { jsPolicyOf } from '../../policy/js-policy';
import { formatSeconds } from '../../policy/render';
import type { Finding } from '../../types';
import { makeFinding } from './util';

function consequence(limit: ServerLimit): string {
  switch (limit.kind) {
    case 'nginx':
      return `nginx answers 504 Gateway Timeout after ${formatSeconds(limit.seconds)}`;
    case 'cloudflare':
      return `Cloudflare answers 524 after ${formatSeconds(limit.seconds)}`;
    default:
      return `the platform stops the function after ${formatSeconds(limit.seconds)}`;
  }
}

export function checkServerLimitsJs(ctx: JsContext): Finding[] {
  // Node servers have no gunicorn; a route file's own `maxDuration` applies to it alone.
  const limits = [...(ctx.limits ?? []).filter((l) => l.kind !== 'gunicorn' && (!l.onlyFile || l.onlyFile === ctx.file)), ...limitsInFile(ctx.file, ctx.text)];
  if (limits.length === 0) return [];
  const out: Finding[] = [];
  for (const call of ctx.calls) {
    if (call.kind !== 'sdk') continue;
    const reach = ctx.reachOf(call.scope);
    if (!reach) continue;
    const policy = jsPolicyOf(call);
    const worst = policy?.worstCaseSeconds;
    if (!policy || worst === undefined) continue;
    // A file's own segment config wins over platform-wide settings.
    const own = limits.find((l) => l.onlyFile === ctx.file);
    const limit = own ?? [...limits].sort((a, b) => a.seconds - b.seconds)[0];
    if (worst !== null && worst <= limit.seconds) continue;
    const attempts = typeof policy.retries.value === 'number' ? policy.retries.value + 1 : 1;
    const wait = worst === null ? 'can wait forever (no timeout)' : `can wait ${formatSeconds(worst)} (${formatSeconds(policy.timeout.value)} per attempt × ${attempts} attempt${attempts === 1 ? '' : 's'}${attempts > 1 ? ' + backoff' : ''}; ${policy.timeout.source})`;
    const finding = makeFinding(ctx, 'timeout-exceeds-server-limit', 'warning', rangeOf(call.calleeNode), `\`${call.calleeText}\` ${wait}, but ${limit.label} cuts the request first: ${consequence(limit)}. Set a timeout (and retries) that fit, and answer with a clear error.`, reach.chain[0] ?? reach.handler.scope, []);
    finding.related.push({ location: { file: limit.file, range: limit.range }, message: limit.label });
    out.push(finding);
  }
  return out;
}
