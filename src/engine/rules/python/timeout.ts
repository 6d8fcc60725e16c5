// Python check of rule llm-call-without-timeout: clients built in this file without a timeout (reported
// once, at the constructor), module-level LLM functions and raw HTTP calls without one, explicit
// `timeout=None`/`0`, and google-genai timeouts too small to be anything but a unit mistake.

import type { Node } from '../../parse/parser';
import type { LlmCall } from '../../model/python/calls';
import type { PyContext } from '../../model/python/context';
import { callArguments, field, rangeOf, unparen } from '../../model/python/syntax';
import { formatSeconds, policyOf } from '../../policy/python-policy';
import { addKeywordEdit, replaceKeywordEdit } from '../../fix/python-args';
import type { Finding, Fix } from '../../types';
import { enclosingFunction, makeFinding } from '../python-util';

/** Defaults at or under this many seconds are short enough not to report. */
const ACCEPTABLE_DEFAULT_S = 60;
/** Streaming calls get this many times the fix's timeout: the first token can take a while, the rest flows. */
const STREAM_FACTOR = 4;

/** How each SDK takes a timeout on its constructor or call: keyword, value text for N seconds. */
export function timeoutOption(sdk: string, seconds: number): { key: string; value: string } | undefined {
  switch (sdk) {
    case 'google-genai':
      return { key: 'http_options', value: `{"timeout": ${seconds * 1000}}` };
    case 'google-generativeai':
      return { key: 'request_options', value: `{"timeout": ${seconds}}` };
    case 'mistralai':
      return { key: 'timeout_ms', value: String(seconds * 1000) };
    case 'boto3-bedrock':
    case 'dspy':
    case 'llama-index':
      return undefined; // botocore Config / per-model settings: no single keyword to add
    case 'openai-legacy':
      return { key: 'request_timeout', value: String(seconds) };
    default:
      return { key: 'timeout', value: String(seconds) };
  }
}

/** The keyword carrying the timeout in a call, if one is written. */
function writtenTimeout(call: Node): { key: string; node: Node } | undefined {
  const { keywords } = callArguments(call);
  for (const key of ['timeout', 'request_timeout', 'timeout_ms', 'timeout_in_seconds', 'http_options', 'request_options', 'config']) {
    const node = keywords.get(key);
    if (node) return { key, node };
  }
  return undefined;
}

function isNoneOrZero(node: Node): boolean {
  const n = unparen(node);
  return n.type === 'none' || ((n.type === 'integer' || n.type === 'float') && Number(n.text.replace(/_/g, '')) === 0);
}

function timeoutFix(ctx: PyContext, sdk: string, target: Node, streaming: boolean, where: string): Fix | undefined {
  const seconds = streaming ? ctx.fixTimeoutSeconds * STREAM_FACTOR : ctx.fixTimeoutSeconds;
  const option = timeoutOption(sdk, seconds);
  if (!option) return undefined;
  const existing = callArguments(target).keywords.get(option.key);
  const edit = existing ? (isNoneOrZero(existing) ? replaceKeywordEdit(ctx.file, target, option.key, option.value) : undefined) : addKeywordEdit(ctx.file, target, option.key, option.value);
  if (!edit) return undefined;
  return { title: `Set \`${option.key}=${option.value}\` on the ${where}`, safety: 'unsafe', preferred: true, edits: [edit] };
}

export function checkTimeoutPython(ctx: PyContext): Finding[] {
  const out: Finding[] = [];
  const reportedCtors = new Set<number>();
  for (const call of ctx.calls) {
    const ctor = call.client?.ctor;
    const policy = policyOf(call);
    const fn = enclosingFunction(call.scope);
    const seconds = policy.timeout.value;
    const fromDefault = policy.timeout.source.endsWith(' default');

    // google-genai counts milliseconds: `HttpOptions(timeout=30)` is 30 ms.
    if (call.sdk.id === 'google-genai' && typeof seconds === 'number' && seconds > 0 && seconds < 1) {
      const at = ctor && !reportedCtors.has(ctor.id) ? ctor : call.node;
      reportedCtors.add(at.id);
      out.push(makeFinding(ctx, 'llm-call-without-timeout', 'warning', rangeOf(at), `google-genai counts \`HttpOptions.timeout\` in milliseconds: ${policy.timeout.source} is ${formatSeconds(seconds)}, so every call fails at once. Write the value in milliseconds (${ctx.fixTimeoutSeconds * 1000} for ${ctx.fixTimeoutSeconds} s).`, fn, []));
      continue;
    }
    if (typeof seconds === 'number' && seconds > 0 && seconds <= ACCEPTABLE_DEFAULT_S) continue;
    if (seconds === undefined) continue; // set to something not known statically

    // Explicit `timeout=None` / `0` on the call or the client.
    const explicit = [call.node, ...(ctor ? [ctor] : [])].map((n) => ({ n, t: writtenTimeout(n) })).find((x) => x.t && isNoneOrZero(x.t.node));
    if (explicit) {
      const isCtor = explicit.n === ctor;
      if (isCtor && reportedCtors.has(ctor!.id)) continue;
      if (isCtor) reportedCtors.add(ctor!.id);
      out.push(
        makeFinding(ctx, 'llm-call-without-timeout', 'warning', rangeOf(explicit.t!.node), `\`${explicit.t!.key}=${explicit.t!.node.text}\` turns the timeout off: a hung ${call.sdk.id} upstream holds this request until the server or proxy in front gives up.`, fn, [
          timeoutFix(ctx, call.sdk.id, explicit.n, call.streaming, isCtor ? 'client' : 'call'),
        ]),
      );
      continue;
    }
    if (!fromDefault) continue;

    const wait = seconds === null ? 'no timeout at all' : `${formatSeconds(seconds)} per attempt`;
    const worst = policy.worstCaseSeconds === null ? 'forever' : policy.worstCaseSeconds !== undefined && policy.retries.value ? `up to ${formatSeconds(policy.worstCaseSeconds)} with ${policy.retries.value} retries` : undefined;
    const effect = `the ${call.sdk.id} default is ${wait}${worst && worst !== 'forever' ? ` (${worst})` : ''}`;
    if (ctor && ctor.tree === call.node.tree) {
      // One finding per client built here, at its constructor.
      if (reportedCtors.has(ctor.id)) continue;
      reportedCtors.add(ctor.id);
      const cls = call.client!.hit.cls.qname.split('.').pop();
      out.push(
        makeFinding(ctx, 'llm-call-without-timeout', 'warning', rangeOf(field(ctor, 'function') ?? ctor), `\`${cls}\` is built without a timeout: ${effect}. A hung upstream holds every request through this client long after the user, gunicorn (30 s) or the proxy in front (nginx 60 s, Cloudflare 100 s) gave up.`, undefined, [
          timeoutFix(ctx, call.sdk.id, ctor, call.streaming, 'client'),
        ]),
      );
      continue;
    }
    if (call.client) continue; // a client built elsewhere (or a chain around one): judged where it is built
    // Module-level SDK functions and raw HTTP: the call itself must carry the timeout.
    const callTarget = call.sdk.id === 'ollama' ? undefined : call.node;
    out.push(
      makeFinding(ctx, 'llm-call-without-timeout', 'warning', rangeOf(field(call.node, 'function') ?? call.node), `\`${call.calleeText}\` has no timeout: ${effect}.${call.sdk.id === 'ollama' ? ' The module functions take none: use `ollama.Client(timeout=...)`.' : ''}`, fn, [
        callTarget ? timeoutFix(ctx, legacyAware(call), callTarget, call.streaming, 'call') : undefined,
      ]),
    );
  }
  return out;
}

/** openai 0.x `ChatCompletion.create` takes `request_timeout`, not `timeout`. */
function legacyAware(call: LlmCall): string {
  return call.sdk.id === 'openai' && /ChatCompletion|Completion|Embedding/.test(call.calleeText) && !call.client ? 'openai-legacy' : call.sdk.id;
}
