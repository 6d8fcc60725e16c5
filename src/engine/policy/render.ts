// The timeout and retry policy of an LLM call as plain data, shared by Python and JS/TS: the effective
// values with where each came from, the worst-case wait, and the hover's markdown.

export interface Setting {
  /** Seconds; null = no limit; undefined = set to something not known statically. */
  value: number | null | undefined;
  source: string;
}

export interface Policy {
  timeout: Setting;
  retries: Setting;
  worstCaseSeconds: number | null | undefined;
  notes: string[];
}

/** The Stainless SDKs' backoff before retry n+1 (0.5 s doubling, at most 8 s, jitter left out); the default elsewhere. */
export const DEFAULT_BACKOFF = (n: number): number => Math.min(0.5 * 2 ** n, 8);

/** Timeout × attempts plus the backoff between attempts (`backoff(n)` seconds before retry n+1). */
export function worstCase(timeout: Setting, retries: Setting, backoff: (n: number) => number): number | null | undefined {
  if (timeout.value === null) return null;
  if (typeof timeout.value !== 'number' || typeof retries.value !== 'number') return undefined;
  const attempts = retries.value + 1;
  let wait = 0;
  for (let n = 0; n < attempts - 1; n++) wait += backoff(n);
  return timeout.value * attempts + wait;
}

/**
 * The per-attempt timeout (whole seconds, at least 1) that lets `attempts` attempts and the backoff
 * between them end within 80 % of a server limit, leaving time to answer with a clear error.
 */
export function fitTimeout(limitSeconds: number, attempts: number, backoff: (n: number) => number): number {
  let wait = 0;
  for (let n = 0; n < attempts - 1; n++) wait += backoff(n);
  return Math.max(1, Math.floor((limitSeconds * 0.8 - wait) / attempts));
}

export function formatSeconds(s: number | null | undefined): string {
  if (s === null) return 'no limit';
  if (s === undefined) return 'set (value not known statically)';
  if (s < 1) return `${Math.round(s * 1000)} ms`;
  if (s < 120) return `${+s.toFixed(1)} s`;
  return `${+(s / 60).toFixed(1)} min`;
}

/** Markdown for the hover on an LLM call: `title` names the call, its SDK, client and kind. */
export function renderPolicy(title: string, policy: Policy): string {
  const attempts = typeof policy.retries.value === 'number' ? `${policy.retries.value + 1} (${policy.retries.value} ${policy.retries.value === 1 ? 'retry' : 'retries'})` : 'set (value not known statically)';
  return [
    `**Loopsafe** · ${title}`,
    '',
    '| | effective | from |',
    '|---|---|---|',
    `| timeout per attempt | ${formatSeconds(policy.timeout.value)} | ${policy.timeout.source} |`,
    `| attempts | ${attempts} | ${policy.retries.source} |`,
    `| worst-case wait | ${policy.worstCaseSeconds === undefined ? 'unknown' : formatSeconds(policy.worstCaseSeconds)} | timeout × attempts + backoff |`,
    ...(policy.notes.length ? ['', ...policy.notes.map((n) => `- ${n}`)] : []),
  ].join('\n');
}
