// The effective timeout and retry policy of a JavaScript/TypeScript LLM call: per-call options,
// `withOptions`, the client's constructor (here or in the module that exports it) or the SDK's default,
// each with where it came from; Node's fetch (undici) cutting requests at 300 s is applied and said.

import type { Node } from '../parse/parser';
import type { JsCall } from '../model/js/calls';
import { callArgs, field, isNoLimit, lookupPath, unwrap } from '../model/js/syntax';
import { defaultsOf, optionsOf, type JsOptionShape, type OptionPath } from '../catalog/js-sdks';
import { DEFAULT_BACKOFF, formatSeconds, renderPolicy, worstCase, type Policy, type Setting } from './render';

/** undici's `headersTimeout`/`bodyTimeout` default (`lib/dispatcher/client.js`). */
export const UNDICI_CUT_SECONDS = 300;

/** A numeric option in seconds: `30_000` (ms), `60 * 1000`, `AbortSignal.timeout(30_000)`; null for no limit. */
function seconds(node: Node, unit: 'ms' | 's'): number | null | undefined {
  const n = unwrap(node);
  if (isNoLimit(n)) return null;
  const scale = unit === 'ms' ? 0.001 : 1;
  if (n.type === 'number') {
    const v = Number(n.text.replace(/_/g, ''));
    return Number.isFinite(v) ? (v === 0 ? null : v * scale) : undefined;
  }
  if (n.type === 'binary_expression' && field(n, 'operator')?.text === '*') {
    const a = field(n, 'left');
    const b = field(n, 'right');
    const x = a ? seconds(a, 's') : undefined;
    const y = b ? seconds(b, 's') : undefined;
    return typeof x === 'number' && typeof y === 'number' ? x * y * scale : undefined;
  }
  if (n.type === 'call_expression' && /^AbortSignal\.timeout$/.test(field(n, 'function')?.text ?? '')) {
    const arg = callArgs(n)[0];
    return arg ? seconds(arg, 'ms') : undefined;
  }
  return undefined;
}

function unitOf(path: OptionPath, fallback: 'ms' | 's' = 'ms'): 'ms' | 's' {
  const key = path[path.length - 1];
  if (/seconds/i.test(key)) return 's';
  if (/ms$|signal$/i.test(key)) return 'ms';
  return fallback;
}

function readTimeout(obj: Node | undefined, paths: OptionPath[], where: string, unit?: 'ms' | 's'): Setting | undefined {
  if (!obj) return undefined;
  for (const p of paths) {
    const r = lookupPath(obj, p);
    if (r.kind !== 'value') continue;
    return { value: seconds(r.node, unit ?? unitOf(p)), source: `\`${p.join('.')}: ${r.node.text.replace(/\s+/g, ' ')}\` (${where})` };
  }
  return undefined;
}

function readRetries(obj: Node | undefined, paths: OptionPath[], where: string): Setting | undefined {
  if (!obj) return undefined;
  for (const p of paths) {
    const r = lookupPath(obj, p);
    if (r.kind !== 'value') continue;
    const n = unwrap(r.node);
    let value: number | undefined;
    if (n.type === 'number') value = Number(n.text.replace(/_/g, ''));
    else if (n.type === 'object') {
      // `retryOptions: { attempts: 3 }` counts attempts.
      const a = lookupPath(n, ['attempts']);
      if (a.kind === 'value' && unwrap(a.node).type === 'number') value = Number(unwrap(a.node).text) - 1;
    }
    return { value, source: `\`${p.join('.')}\` (${where})` };
  }
  return undefined;
}

/** The constructor's timeout and retries in an SDK's option shape (also used for clients other files import). */
export function ctorSettings(shape: JsOptionShape, ctor: Node): { timeout?: Setting; retries?: Setting } {
  const opts = callArgs(ctor)[0];
  return {
    timeout: shape.ctorTimeout ? readTimeout(opts, [shape.ctorTimeout.path], 'client constructor', shape.ctorTimeout.unit) : undefined,
    retries: shape.ctorRetries ? readRetries(opts, [shape.ctorRetries], 'client constructor') : undefined,
  };
}

/** Backoff before retry n+1, per SDK (seconds, without jitter). */
export function jsBackoff(sdk: string): (n: number) => number {
  if (sdk === 'ai') return (n) => 2 * 2 ** n;
  if (sdk === 'cohere') return (n) => Math.min(2 ** n, 60);
  if (sdk === 'google-genai') return (n) => Math.min(2 ** n, 60);
  return DEFAULT_BACKOFF;
}

export function jsPolicyOf(call: JsCall): Policy | undefined {
  if (call.kind !== 'sdk' || !call.sdk) return undefined;
  const sdk = call.sdk;
  const shape = call.hit ? optionsOf(call.hit) : sdk.options;
  const defaults = call.hit ? defaultsOf(call.hit) : sdk.defaults;
  const notes: string[] = [];
  let timeout: Setting = { value: defaults.timeoutMs === null ? null : defaults.timeoutMs / 1000, source: `${sdk.id} default` };
  let retries: Setting = { value: defaults.retries, source: `${sdk.id} default` };
  const layers: { timeout?: Setting; retries?: Setting }[] = [];
  const client = call.client;
  if (client?.ctor) layers.push(ctorSettings(shape, client.ctor));
  if (client?.external) layers.push({ timeout: client.external.timeout, retries: client.external.retries });
  for (const extra of client?.extraOptions ?? []) {
    layers.push({ timeout: readTimeout(extra, [shape.ctorTimeout?.path ?? ['timeout'], ['timeout']], '`withOptions`'), retries: readRetries(extra, [shape.ctorRetries ?? ['maxRetries']], '`withOptions`') });
  }
  if (shape.callArg !== undefined) {
    const arg = callArgs(call.node)[shape.callArg];
    layers.push({ timeout: readTimeout(arg, shape.callTimeout ?? [], 'this call'), retries: readRetries(arg, shape.callRetries ?? [], 'this call') });
  }
  for (const l of layers) {
    if (l.timeout) timeout = l.timeout;
    if (l.retries) retries = l.retries;
  }
  if (client?.external) notes.push(`The client is built in \`${client.external.file.split(/[\\/]/).pop()}\` (line ${client.external.range.start.line + 1}).`);
  // @google/genai raises undici's limits itself when a timeout is set.
  // A team's own client (project config) says what it waits; how it sends requests is not known.
  const raises = (sdk.id === 'google-genai' && typeof timeout.value === 'number') || call.hit?.cls.transport !== undefined || !!sdk.project;
  if (!raises && (timeout.value === null || (typeof timeout.value === 'number' && timeout.value > UNDICI_CUT_SECONDS))) {
    notes.push(
      `Node's built-in fetch (undici) gives up after ${UNDICI_CUT_SECONDS} s without response headers (\`headersTimeout\`, and \`bodyTimeout\` between chunks), whatever the SDK says: ` +
        `${timeout.value === null ? 'with no timeout set' : `with ${formatSeconds(timeout.value)} set`}, a hung request fails after 5 min per attempt, not ${timeout.value === null ? 'never' : `after ${formatSeconds(timeout.value)}`}.`,
    );
    timeout = { value: UNDICI_CUT_SECONDS, source: `${timeout.source}, cut by Node's fetch (undici, 300 s)` };
  } else if (timeout.value === null) notes.push('No timeout: a hung upstream holds the request until the server or proxy in front gives up.');
  let worst = worstCase(timeout, retries, jsBackoff(sdk.id));
  if (sdk.id === 'cohere' && typeof timeout.value === 'number' && typeof retries.value === 'number' && retries.value > 0) {
    // cohere-ai retries 408/429/5xx answers, not an attempt that timed out.
    worst = timeout.value;
    notes.push('cohere does not retry a timed-out attempt: a hung upstream fails after one timeout; the retries cover 408/429/5xx answers.');
  }
  return { timeout, retries, worstCaseSeconds: worst, notes };
}

/** Markdown for the hover on a JS/TS LLM call. */
export function jsPolicyMarkdown(call: JsCall, policy: Policy): string {
  const via = call.hit ? ` via \`${call.hit.cls.name}\`` : '';
  return renderPolicy(`\`${call.calleeText}\` — ${call.sdk?.id ?? 'LLM'}${via}, ${call.promise ? 'returns a promise' : 'returns a stream object'}${call.streaming ? ', streaming' : ''}`, policy);
}
