// The effective timeout and retry policy of a Python LLM call: per-call options, `with_options`,
// the client's constructor, module globals (`openai.timeout = 20`), or the SDK's (or the class's)
// default, each with where it came from, and the worst-case wait.

import type { Node } from '../parse/parser';
import type { LlmCall } from '../model/python/calls';
import { assignedValue, callArguments, field, namedChildren, stringValue, unparen } from '../model/python/syntax';
import { classOverride, type PyTimeoutArg } from '../catalog/python-sdks';

import { DEFAULT_BACKOFF, formatSeconds, renderPolicy, worstCase, type Policy, type Setting } from './render';

export { formatSeconds };
export type { Policy, Setting };

/** What a call's SDK (and client class) defaults to, and where it takes a timeout. */
export interface CallProfile {
  /** The SDK as messages name it: `openai`, `openai 0.x`, `litellm Router`. */
  label: string;
  defaults: { timeoutSeconds: number | null; retries: number };
  /** Where the client's constructor takes a timeout; null: it takes none. */
  ctorArg: PyTimeoutArg | null;
  /** Where one call takes a timeout; null: calls take none. */
  callArg: PyTimeoutArg | null;
  /** False when a timed-out attempt is not retried. */
  retriesTimeouts: boolean;
  /** Replaces the default timeout's text in messages (version history). */
  defaultNote?: string;
  /** openai 0.x module functions (`openai.ChatCompletion.create`): `request_timeout`, not `timeout`. */
  legacy: boolean;
}

const SECONDS: PyTimeoutArg = { key: 'timeout', form: 's' };
const AGENT_FACTORIES = new Set(['create_react_agent', 'create_agent', 'compile', 'create_tool_calling_agent', 'initialize_agent']);
const LEGACY = /(?:^|\.)(?:ChatCompletion|Completion|Embedding|Image|Moderation|Edit)\.a?create$/;

export function profileOf(call: LlmCall): CallProfile {
  const sdk = call.sdk;
  if (sdk.id === 'openai' && !call.client && LEGACY.test(call.calleeText)) {
    // 0.x: `requests` with `HTTPAdapter(max_retries=2)`, which retries failed connections only, never a slow answer.
    const arg: PyTimeoutArg = { key: 'request_timeout', form: 's' };
    return { label: 'openai 0.x', defaults: { timeoutSeconds: 600, retries: 0 }, ctorArg: arg, callArg: arg, retriesTimeouts: false, legacy: true };
  }
  const o = classOverride(sdk, call.client?.hit.cls.qname);
  const http = sdk.id === 'aiohttp' ? { key: 'timeout', form: 'aiohttp' as const } : undefined;
  // Agents built by a factory (`create_react_agent(llm, tools)`, `graph.compile()`) take no timeout: their model does.
  const factory = call.client?.ctor ? (field(call.client.ctor, 'function')?.text ?? '').split('.').pop() : undefined;
  const agent = sdk.id === 'langchain' && !!factory && AGENT_FACTORIES.has(factory);
  const ctorArg = agent ? null : o && o.timeoutArg !== undefined ? o.timeoutArg : sdk.timeoutArg !== undefined ? sdk.timeoutArg : (http ?? SECONDS);
  const callArg = sdk.callTimeoutArg !== undefined ? sdk.callTimeoutArg : ctorArg;
  const label = call.client && (o || sdk.classPrefixes) && call.client.hit.cls.qname.includes('.') ? `${sdk.id} \`${call.client.hit.cls.qname.split('.').pop()}\`` : sdk.id;
  return {
    label,
    defaults: o?.defaults ?? sdk.defaults,
    ctorArg,
    callArg,
    retriesTimeouts: sdk.retriesTimeouts !== false,
    defaultNote: o?.defaultNote !== undefined ? o.defaultNote || undefined : sdk.defaultNote,
    legacy: false,
  };
}

/** A timeout as written: its value in seconds, where it came from, and the node holding the number. */
export interface WrittenTimeout extends Setting {
  node: Node;
  /** The unit of the number in `node` (a fix replacing it writes the same unit). */
  unit: 's' | 'ms';
  /** True when `node` is the keyword's whole value (`timeout=None`), false when nested (`{"timeout": None}`). */
  whole: boolean;
}

function num(node: Node | undefined, scale: number): number | null | undefined {
  if (!node) return undefined;
  const n = unparen(node);
  if (n.type === 'none') return null;
  if (n.type === 'integer' || n.type === 'float') return Number(n.text.replace(/_/g, '')) * scale;
  if (n.type === 'unary_operator' || n.type === 'binary_operator') {
    // `10 * 60`
    const m = /^\s*([\d_.]+)\s*\*\s*([\d_.]+)\s*$/.exec(n.text);
    if (m) return Number(m[1].replace(/_/g, '')) * Number(m[2].replace(/_/g, '')) * scale;
  }
  return undefined;
}

/** `{"key": value}` or `Cls(key=value)`: the value node of `key`, if written. */
function entry(node: Node | undefined, key: string): Node | undefined {
  if (!node) return undefined;
  const n = unparen(node);
  if (n.type === 'call') return callArguments(n).keywords.get(key);
  if (n.type === 'dictionary') {
    for (const pair of namedChildren(n)) {
      if (pair.type !== 'pair') continue;
      const k = field(pair, 'key');
      if (k && stringValue(k) === key) return field(pair, 'value') ?? undefined;
    }
  }
  return undefined;
}

/** A timeout value that may be an object: `httpx.Timeout(30, connect=5)`, `aiohttp.ClientTimeout(total=60)`. */
function timeoutValue(node: Node, scale: number): { value: number | null | undefined; node: Node } {
  const n = unparen(node);
  if (n.type !== 'call') return { value: num(n, scale), node: n };
  const callee = field(n, 'function')?.text ?? '';
  const { positional, keywords } = callArguments(n);
  if (/HttpOptions$/.test(callee)) {
    const t = keywords.get('timeout');
    return t ? { value: num(t, 0.001), node: t } : { value: undefined, node: n };
  }
  if (/ClientTimeout$/.test(callee)) {
    // aiohttp: a total deadline, else a per-read one; `total=None` alone is no limit.
    const total = keywords.get('total') ?? positional[0];
    const read = keywords.get('sock_read');
    const t = num(total, 1);
    if (typeof t === 'number' && t > 0) return { value: t, node: total! };
    if (read) return { value: num(read, 1), node: read };
    return total ? { value: t, node: total } : { value: undefined, node: n };
  }
  // httpx.Timeout(30, connect=5) / Timeout(timeout=30) / Timeout(connect=5, read=None): the read value.
  const inner = keywords.get('read') ?? keywords.get('timeout') ?? positional[0];
  return inner ? { value: num(inner, scale), node: inner } : { value: undefined, node: n };
}

/** An options object passed by name (`config=cfg` after `cfg = Config(...)`): the value it was bound to in this file. */
function optionsValue(node: Node | undefined): Node | undefined {
  if (!node) return undefined;
  const n = unparen(node);
  return n.type === 'identifier' ? assignedValue(n) ?? n : node;
}

/**
 * The timeout of per-provider configs (`{"openai": {"timeout": 30}, "groq": {"timeout": 20}}`): the longest when
 * every provider sets one (None: unbounded), undefined when one does not (its SDK's default applies), value
 * undefined with no node when the configs are not a literal dict of dicts.
 */
function providersTimeout(configs: Node): { value: number | null | undefined; node?: Node } | undefined {
  const c = unparen(configs);
  if (c.type !== 'dictionary') return { value: undefined };
  let worst: { value: number | null | undefined; node?: Node } | undefined;
  for (const pair of namedChildren(c)) {
    if (pair.type === 'comment') continue;
    if (pair.type !== 'pair') return { value: undefined };
    const conf = optionsValue(field(pair, 'value') ?? undefined);
    if (!conf || unparen(conf).type !== 'dictionary') return { value: undefined };
    const t = entry(conf, 'timeout');
    if (!t) return undefined;
    const v = timeoutValue(t, 1);
    if (v.value === undefined) return { value: undefined };
    if (!worst || v.value === null || (worst.value !== null && worst.value !== undefined && v.value > worst.value)) worst = { value: v.value, node: v.node };
  }
  return worst;
}

/** Reads the timeout and retries written in a constructor's or call's arguments. */
/**
 * `**options` whose dict is built by a call (`**_client_kwargs(cfg)`) whose arguments or name speak of a
 * config: it may carry the timeout (a `botocore` `Config`, an `httpx.Timeout`). A plain name (`**params`)
 * is most often request data.
 */
function splatMayTime(splat: Node): boolean {
  const inner = splat.namedChild(0);
  return !!inner && inner.type === 'call' && /config|settings|options|kwargs|timeout/i.test(inner.text);
}

export function writtenSettings(call: Node, profile: CallProfile, where: 'ctor' | 'call'): { timeout?: WrittenTimeout; retries?: Setting } {
  const { keywords: written } = callArguments(call);
  // Option objects built before the call and passed by name read as if written in place.
  const keywords = new Map<string, Node>();
  for (const [k, v] of written) keywords.set(k, ['config', 'http_options', 'request_options', 'client_kwargs'].includes(k) ? optionsValue(v)! : v);
  const out: { timeout?: WrittenTimeout; retries?: Setting } = {};
  const set = (valueNode: Node, scale: number, source: string, whole: boolean): void => {
    const v = whole ? timeoutValue(valueNode, scale) : { value: num(valueNode, scale), node: unparen(valueNode) };
    out.timeout = { value: v.value, source, node: v.node, unit: scale === 1 ? 's' : 'ms', whole: whole && v.node === unparen(valueNode) };
  };
  const keys: [string, number][] = [['timeout', 1], ['request_timeout', 1], ['timeout_ms', 0.001], ['timeout_in_seconds', 1], ['default_request_timeout', 1]];
  for (const [key, scale] of keys) {
    // openai 0.x: `timeout=` on `ChatCompletion.create` bounds a warm-up loop, not the HTTP request.
    if (key === 'timeout' && profile.legacy && where === 'call') continue;
    const node = keywords.get(key);
    if (node) {
      set(node, scale, `\`${key}=${node.text}\``, true);
      break;
    }
  }
  // `Client(**kwargs)`: options built elsewhere may hold the timeout (a `botocore` `Config` among them): not
  // known statically, so no default is assumed either.
  if (!out.timeout && where === 'ctor') {
    const splat = field(call, 'arguments')?.namedChildren.find((a) => a?.type === 'dictionary_splat' && splatMayTime(a));
    if (splat) out.timeout = { value: undefined, source: `\`${splat.text}\` (not known statically)`, node: splat, unit: 's', whole: false };
  }
  // aisuite: `provider_configs={"openai": {"timeout": 30}, ...}` (or first positional): one client per provider,
  // each with its own timeout, so the client is bounded only when every provider configured is (the longest counts).
  if (!out.timeout && where === 'ctor' && profile.ctorArg?.form === 'providers') {
    const key = profile.ctorArg.key;
    const configs = optionsValue(keywords.get(key) ?? callArguments(call).positional[0]);
    const t = configs ? providersTimeout(configs) : undefined;
    if (t) out.timeout = { value: t.value, source: t.node ? `\`${key}\` timeout \`${t.node.text}\`` : `\`${key}=${configs!.text}\` (not known statically)`, node: t.node ?? configs!, unit: 's', whole: false };
  }
  // google-genai: `http_options=HttpOptions(timeout=ms)` or `{"timeout": ms}`, per call inside `config=`.
  const httpOptions = keywords.get('http_options') ?? entry(keywords.get('config'), 'http_options');
  if (httpOptions) {
    const t = entry(httpOptions, 'timeout');
    if (!out.timeout && t) set(t, 0.001, `\`http_options\` timeout \`${t.text}\` (milliseconds)`, false);
    const r = entry(httpOptions, 'retry_options');
    if (r) {
      const attempts = num(entry(r, 'attempts'), 1);
      out.retries = { value: typeof attempts === 'number' ? Math.max(0, attempts - 1) : entry(r, 'attempts') ? undefined : 4, source: '`http_options` `retry_options`' };
    }
  }
  // google-generativeai / cohere per call: `request_options={"timeout": s, "max_retries": n}`; langchain-ollama `client_kwargs`.
  for (const key of ['request_options', 'client_kwargs']) {
    const opts = keywords.get(key);
    if (!opts) continue;
    const t = entry(opts, 'timeout') ?? entry(opts, 'timeout_in_seconds');
    if (!out.timeout && t) set(t, 1, `\`${key}\` timeout \`${t.text}\``, false);
    const r = entry(opts, 'max_retries');
    if (r) {
      const v = num(r, 1);
      out.retries = { value: v === null ? 0 : v, source: `\`${key}\` max_retries \`${r.text}\`` };
    }
  }
  // botocore: `config=Config(read_timeout=s, retries={"max_attempts": n, "mode": ...})`.
  const config = keywords.get('config');
  if (config && profile.ctorArg?.form === 'botocore') {
    // A `Config` whose origin is not in this file (imported, a parameter): its values are not known.
    if (unparen(config).type === 'identifier' && !out.timeout) out.timeout = { value: undefined, source: `\`config=${config.text}\``, node: config, unit: 's', whole: false };
    const t = entry(config, 'read_timeout');
    if (!out.timeout && t) set(t, 1, `\`Config(read_timeout=${t.text})\``, false);
    const retries = entry(config, 'retries');
    if (retries) {
      const total = entry(retries, 'total_max_attempts');
      const max = entry(retries, 'max_attempts');
      const mode = stringValue(entry(retries, 'mode') ?? null);
      if (total) {
        const v = num(total, 1);
        out.retries = { value: typeof v === 'number' ? Math.max(0, v - 1) : undefined, source: `\`Config(retries=…total_max_attempts=${total.text})\`` };
      } else if (max) {
        // `max_attempts` counts retries after the first attempt.
        const v = num(max, 1);
        out.retries = { value: typeof v === 'number' ? v : undefined, source: `\`Config(retries=…max_attempts=${max.text})\`` };
      } else if (mode) {
        out.retries = { value: mode === 'legacy' ? 4 : mode === 'standard' || mode === 'adaptive' ? 2 : undefined, source: `botocore \`${mode}\` retry mode` };
      }
    }
  }
  for (const key of ['max_retries', 'num_retries', 'retries']) {
    const node = keywords.get(key);
    if (node) {
      const v = num(node, 1);
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

/** Module globals that set the default of module-level functions: `openai.timeout = 20`, `litellm.request_timeout = 30`. */
const GLOBALS: Record<string, { timeout: string[]; retries: string[] }> = {
  openai: { timeout: ['timeout'], retries: ['max_retries'] },
  litellm: { timeout: ['request_timeout'], retries: ['num_retries'] },
};

/** Module-level `x.y = value` statements of a file (scanned only for module-function calls of openai and litellm). */
function moduleAssignments(tree: Node['tree']): { left: Node; right: Node; module: string; attr: string }[] {
  const list: { left: Node; right: Node; module: string; attr: string }[] = [];
  for (const stmt of namedChildren(tree.rootNode)) {
    if (stmt.type !== 'expression_statement') continue;
    const a = stmt.namedChild(0);
    if (a?.type !== 'assignment') continue;
    const left = field(a, 'left');
    const right = field(a, 'right');
    const obj = left?.type === 'attribute' ? field(left, 'object') : null;
    if (!left || !right || obj?.type !== 'identifier') continue;
    list.push({ left, right, module: obj.text, attr: field(left, 'attribute')?.text ?? '' });
  }
  return list;
}

export function moduleGlobals(call: LlmCall, profile: CallProfile): { timeout?: WrittenTimeout; retries?: Setting } {
  const names = GLOBALS[call.sdk.id];
  if (!names || profile.legacy || (call.client && call.sdk.id !== 'litellm')) return {};
  const out: { timeout?: WrittenTimeout; retries?: Setting } = {};
  for (const { left, right, module, attr } of moduleAssignments(call.node.tree)) {
    if (module !== call.sdk.id) continue;
    if (names.timeout.includes(attr)) {
      const v = timeoutValue(right, 1);
      out.timeout = { value: v.value, source: `\`${left.text} = ${right.text}\``, node: v.node, unit: 's', whole: v.node === unparen(right) };
    }
    if (names.retries.includes(attr)) {
      const v = num(right, 1);
      out.retries = { value: v === null ? 0 : v, source: `\`${left.text} = ${right.text}\`` };
    }
  }
  return out;
}

/** instructor: `response_model=` marks a patched client, whose `max_retries` counts its own attempts around the SDK's. */
function instructorAttempts(call: LlmCall): { attempts: number | undefined; source: string } | undefined {
  const { keywords } = callArguments(call.node);
  if (!keywords.has('response_model') || !call.client) return undefined;
  const n = keywords.get('max_retries');
  if (!n) return { attempts: 3, source: 'instructor default (3 attempts)' };
  const v = num(n, 1);
  return { attempts: typeof v === 'number' ? Math.max(1, v) : undefined, source: `\`max_retries=${n.text}\` (instructor attempts)` };
}

/** The call as its timeout is judged: through the model a chain or agent wraps, when known. */
export function throughModel(call: LlmCall): LlmCall {
  return call.model ? { ...call, client: call.model, sdk: call.model.hit.sdk, model: undefined } : call;
}

/** The file name of a path, for messages. */
function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/**
 * Policies by call: a call's policy depends on the call alone (its nodes, client and the catalogs, which
 * make new calls when they change), and the timeout, retry and server-limit rules and the summary all ask.
 * Callers only read the policy they get.
 */
const policies = new WeakMap<LlmCall, Policy>();

export function policyOf(made: LlmCall): Policy {
  let known = policies.get(made);
  if (!known) policies.set(made, (known = computePolicy(made)));
  return known;
}

function computePolicy(made: LlmCall): Policy {
  const call = throughModel(made);
  const profile = profileOf(call);
  const defaults = profile.defaults;
  const notes: string[] = [];
  let timeout: Setting = { value: defaults.timeoutSeconds, source: `${profile.label} default` };
  let retries: Setting = { value: defaults.retries, source: `${profile.label} default` };
  const layers: { timeout?: Setting; retries?: Setting }[] = [moduleGlobals(call, profile)];
  const ctor = call.client?.ctor ?? call.httpCtor;
  const origin = !ctor ? call.client?.origin : undefined;
  if (ctor) layers.push(writtenSettings(ctor, profile, 'ctor'));
  else if (origin) {
    // Built in another module: the settings its constructor there was written with.
    const where = ` in \`${baseName(origin.file)}\``;
    layers.push({ timeout: origin.timeout && { ...origin.timeout, source: origin.timeout.source + where }, retries: origin.retries && { ...origin.retries, source: origin.retries.source + where } });
    notes.push(`The client is built in \`${baseName(origin.file)}\` (line ${origin.range.start.line + 1}).`);
  }
  const callee = field(call.node, 'function');
  if (callee) for (const w of withOptions(callee).reverse()) layers.push(writtenSettings(w, profile, 'ctor'));
  const instructor = instructorAttempts(call);
  const own = writtenSettings(call.node, profile, 'call');
  if (instructor) delete own.retries;
  layers.push(own);
  for (const l of layers) {
    if (l.timeout) timeout = { value: l.timeout.value, source: l.timeout.source };
    if (l.retries) retries = l.retries;
  }
  if (instructor) {
    const sdkAttempts = typeof retries.value === 'number' ? retries.value + 1 : undefined;
    retries = {
      value: instructor.attempts !== undefined && sdkAttempts !== undefined ? instructor.attempts * sdkAttempts - 1 : undefined,
      source: `${instructor.source} × ${sdkAttempts ?? '?'} ${call.sdk.id} attempts (${retries.source})`,
    };
    notes.push('instructor retries any exception at once, around the SDK\'s own retries: the attempts multiply.');
  }
  if (timeout.value === null) notes.push('No timeout: a hung upstream holds the request until the server or proxy in front gives up.');
  if ((call.sdk.id === 'google-genai' || /http_options/.test(timeout.source)) && typeof timeout.value === 'number' && timeout.value < 1) notes.push('google-genai counts `HttpOptions.timeout` in milliseconds.');
  if (profile.legacy) notes.push('openai 0.x takes the HTTP timeout as `request_timeout` (its `timeout=` bounds a warm-up loop) and retries only failed connections.');
  let worst = worstCase(timeout, retries, DEFAULT_BACKOFF);
  if (!profile.retriesTimeouts && typeof timeout.value === 'number' && typeof worst === 'number' && typeof retries.value === 'number' && retries.value > 0) {
    // A hung upstream fails once: the retries cover 429/5xx answers and connection errors only.
    worst = timeout.value;
    notes.push(`${call.sdk.id} does not retry a timed-out attempt: a hung upstream fails after one timeout; the retries cover 429/5xx answers and connection errors.`);
  }
  return { timeout, retries, worstCaseSeconds: worst, notes };
}

/** Whether the call itself or a `with_options` on its way sets a timeout (one set on the client then does not count). */
export function callSetsTimeout(made: LlmCall): boolean {
  const call = throughModel(made);
  const profile = profileOf(call);
  const callee = field(call.node, 'function');
  if (callee && withOptions(callee).some((w) => writtenSettings(w, profile, 'ctor').timeout)) return true;
  return writtenSettings(call.node, profile, 'call').timeout !== undefined;
}

/**
 * Whether the call's timeout is the one its client was built with (or the SDK's default through it): then
 * the constructor is where a timeout belongs. False when the call or a `with_options` sets its own.
 */
export function usesClientTimeout(call: LlmCall, policy: Policy = policyOf(call)): boolean {
  const o = throughModel(call).client?.origin;
  return policy.timeout.source.endsWith(' default') || (!!o?.timeout && policy.timeout.source.startsWith(o.timeout.source));
}

/** The timeout and retries a constructor is written with, with where each came from (summaries carry them to other files). */
export function ctorOriginSettings(call: LlmCall, ctor: Node): { timeout?: Setting; retries?: Setting } {
  const w = writtenSettings(ctor, profileOf(call), 'ctor');
  return { timeout: w.timeout && { value: w.timeout.value, source: w.timeout.source }, retries: w.retries };
}

/** Markdown for the hover on an LLM call. */
export function policyMarkdown(made: LlmCall, policy: Policy): string {
  const call = throughModel(made);
  const via = call.client ? ` via \`${call.client.hit.cls.qname}\`` : '';
  return renderPolicy(`\`${call.calleeText}\` — ${call.sdk.id}${via}, ${call.async ? 'async' : 'sync'}`, policy);
}
