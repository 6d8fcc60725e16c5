// What a timeout-exceeds-server-limit finding says, for both languages: how long the call can wait, which
// limit cuts the request first and what happens then, and the related location of that limit.

import type { ServerLimit } from '../limits/server-limits';
import { formatSeconds, type Policy } from '../policy/render';
import type { Finding } from '../types';

/** Attempts the call makes (1 when the retries are not known). */
export function attemptsOf(policy: Policy): number {
  return typeof policy.retries.value === 'number' ? policy.retries.value + 1 : 1;
}

function consequence(limit: ServerLimit): string {
  switch (limit.kind) {
    case 'gunicorn':
      return `gunicorn kills the worker after ${formatSeconds(limit.seconds)} (WORKER TIMEOUT): the client gets an empty reply and every other request on that worker dies with it`;
    case 'nginx':
      return `nginx answers 504 Gateway Timeout after ${formatSeconds(limit.seconds)}`;
    case 'cloudflare':
      return `Cloudflare answers 524 after ${formatSeconds(limit.seconds)}`;
    case 'proxy':
      return `the proxy or load balancer in front gives up after ${formatSeconds(limit.seconds)} (504)`;
    default:
      return `the platform stops the function after ${formatSeconds(limit.seconds)}`;
  }
}

/** "`callee` can wait 61.5 s (20 s per attempt × 3 attempts + backoff; …), but … cuts the request first: …. `advice`" */
export function limitMessage(calleeText: string, policy: Policy, limit: ServerLimit, advice: string): string {
  const worst = policy.worstCaseSeconds;
  const attempts = attemptsOf(policy);
  const wait =
    worst === null
      ? 'can wait forever (no timeout)'
      : `can wait ${formatSeconds(worst)} (${formatSeconds(policy.timeout.value)} per attempt × ${attempts} attempt${attempts === 1 ? '' : 's'}${attempts > 1 ? ' + backoff' : ''}; ${policy.timeout.source})`;
  return `\`${calleeText}\` ${wait}, but ${limit.label} cuts the request first: ${consequence(limit)}. ${advice}`;
}

/** The end of a timeout fix's title: "(under the 30 s limit over 3 attempts)". */
export function underLimit(limit: ServerLimit, attempts: number): string {
  return `(under the ${formatSeconds(limit.seconds)} limit${attempts > 1 ? ` over ${attempts} attempts` : ''})`;
}

/** Points the finding at the config line that sets the limit. */
export function relateLimit(finding: Finding, limit: ServerLimit): Finding {
  finding.related.push({ location: { file: limit.file, range: limit.range }, message: limit.label });
  return finding;
}
