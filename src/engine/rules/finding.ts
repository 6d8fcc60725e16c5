// Builds a finding the same way for every language: fixes filtered (no empty or sprawling edits) with
// exactly one preferred, and the handler named as related information.

import type { Finding, Fix, HandlerInfo, Range, RuleId, Severity } from '../types';

/** A fix touching more places than this is a refactoring, not a quick fix: it is left out. */
export const MAX_FIX_EDITS = 400;

/** Drops missing, empty and sprawling fixes; keeps the first preferred one, else prefers the first safe fix. */
export function normalizeFixes(fixes: (Fix | undefined)[]): Fix[] {
  const present = fixes.filter((f): f is Fix => f !== undefined && f.edits.length > 0 && f.edits.length <= MAX_FIX_EDITS);
  let preferredSeen = false;
  const normalized = present.map((f) => {
    const preferred = f.preferred && !preferredSeen;
    if (preferred) preferredSeen = true;
    return { ...f, preferred };
  });
  if (!preferredSeen && normalized.length > 0) {
    const firstSafe = normalized.findIndex((f) => f.safety === 'safe');
    const i = firstSafe === -1 ? 0 : firstSafe;
    normalized[i] = { ...normalized[i], preferred: true };
  }
  return normalized;
}

export function buildFinding(file: string, rule: RuleId, severity: Severity, range: Range, message: string, handler: HandlerInfo | undefined, fixes: (Fix | undefined)[]): Finding {
  return {
    rule,
    severity,
    file,
    range,
    message,
    handler,
    chain: [],
    related: handler ? [{ location: { file, range: handler.range }, message: `handler \`${handler.name}\` (${handler.route})` }] : [],
    fixes: normalizeFixes(fixes),
  };
}
