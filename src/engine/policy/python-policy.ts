// The effective timeout and retry policy of a Python LLM call: per-call options, `with_options`,
// the client's constructor, or the SDK's default, each with where it came from, and the worst-case wait.

import type { Node } from '../parse/parser';
import type { LlmCall } from '../model/python/calls';
import { callArguments, field, unparen } from '../model/python/syntax';

import { formatSeconds, renderPolicy, worstCase, type Policy, type Setting } from './render';

export { formatSeconds };
export type { Policy, Setting };

/** Keyword names carrying a timeout, with their unit. */
const TIMEOUT_KEYS: [string, number][] = [['timeout', 1], ['request_timeout', 1], ['timeout_ms', 0.001], ['timeout_in_seconds', 1], ['default_request_timeout', 1]];
const RETRY_KEYS = ['max_retries', 'num_retries', 'retries'];

function numberOf(node: Node | undefined, scale: number): number | null | undefined {
  if (!node) return undefined;
  const n = unparen(node);
  if (n.type === 'none') return null;
  if (n.type === 'integer' || n.type === 'float') return Number(n.text.replace(/_/g, '')) * scale;
  if (n.type === 'call') {
    // httpx.Timeout(30, connect=5) / Timeout(timeout=30): the overall (read) value.
    const { positional, keywords } = callArguments(n);
    const inner = keywords.get('timeout') ?? keywords.get('read') ?? positional[0];
    const v = numberOf(inner, scale);
    if (v !== undefined) return v;
    // types.HttpOptions(timeout=30_000): milliseconds.
    const ms = keywords.get('timeout');
    if (/HttpOptions$/.test(field(n, 'function')?.text ?? '')) return numberOf(ms, 0.001);
  }
  return undefined;
}

function fromArgs(call: Node): { timeout?: Setting; retries?: Setting } {
  const { keywords } = callArguments(call);
  const out: { timeout?: Setting; retries?: Setting } = {};
  for (const [key, scale] of TIMEOUT_KEYS) {
    const node = keywords.get(key);
    if (node) {
      out.timeout = { value: numberOf(node, scale), source: `\`${key}=${node.text}\`` };
      break;
    }
  }
  const httpOptions = keywords.get('http_options');
  if (!out.timeout && httpOptions) {
    const t = httpOptions.type === 'call' ? callArguments(httpOptions).keywords.get('timeout') : undefined;
    if (t) out.timeout = { value: numberOf(t, 0.001), source: `\`http_options=…timeout=${t.text}\` (milliseconds)` };
  }
  const options = keywords.get('request_options');
  if (!out.timeout && options?.type === 'dictionary') {
    const m = /['"]timeout(?:_in_seconds)?['"]\s*:\s*([\d_.]+|None)/.exec(options.text);
    if (m) out.timeout = { value: m[1] === 'None' ? null : Number(m[1].replace(/_/g, '')), source: '`request_options`' };
  }
  for (const key of RETRY_KEYS) {
    const node = keywords.get(key);
    if (node) {
      const v = numberOf(node, 1);
      out.retries = { value: v === null ? 0 : v, source: `\`${key}=${node.text}\`` };
      break;
    }
  }
  return out;
}

/** `with_options(...)` calls inside the callee chain (`client.with_options(timeout=5).chat…`). */
function withOptions(callee: Node): Node[] {
  const out: Node[] = [];
  let n: Node | null = callee;
  while (n) {
    if (n.type === 'call' && /\.with_options$/.test(field(n, 'function')?.text ?? '')) out.push(n);
    n = n.type === 'attribute' ? field(n, 'object') : n.type === 'call' ? field(n, 'function') : null;
  }
  return out;
}

export function policyOf(call: LlmCall): Policy {
  const defaults = call.sdk.defaults;
  const notes: string[] = [];
  let timeout: Setting = { value: defaults.timeoutSeconds, source: `${call.sdk.id} default` };
  let retries: Setting = { value: defaults.retries, source: `${call.sdk.id} default` };
  const layers: { timeout?: Setting; retries?: Setting }[] = [];
  if (call.client?.ctor) layers.push(fromArgs(call.client.ctor));
  const callee = field(call.node, 'function');
  if (callee) for (const w of withOptions(callee).reverse()) layers.push(fromArgs(w));
  layers.push(fromArgs(call.node));
  for (const l of layers) {
    if (l.timeout) timeout = l.timeout;
    if (l.retries) retries = l.retries;
  }
  if (timeout.value === null) notes.push('No timeout: a hung upstream holds the request until the server or proxy in front gives up.');
  if (call.sdk.id === 'google-genai' && typeof timeout.value === 'number' && timeout.value < 1) notes.push('google-genai counts `HttpOptions.timeout` in milliseconds.');
  const worst = worstCase(timeout, retries, (n) => Math.min(0.5 * 2 ** n, 8));
  return { timeout, retries, worstCaseSeconds: worst, notes };
}

/** Markdown for the hover on an LLM call. */
export function policyMarkdown(call: LlmCall, policy: Policy): string {
  const via = call.client ? ` via \`${call.client.hit.cls.qname}\`` : '';
  return renderPolicy(`\`${call.calleeText}\` — ${call.sdk.id}${via}, ${call.async ? 'async' : 'sync'}`, policy);
}
