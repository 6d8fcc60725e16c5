// JavaScript/TypeScript check of rule llm-call-without-timeout: an LLM call (SDK or raw fetch/axios)
// with no timeout on the call or its client; the message states what the call waits for instead.

import type { JsContext } from '../../model/js/context';
import type { JsCall } from '../../model/js/calls';
import type { ClientValue } from '../../model/js/values';
import type { Node } from '../../parse/parser';
import { callArgs, field, lookupPath, isNoLimit, namedChildren, rangeOf, unwrap } from '../../model/js/syntax';
import { defaultsOf, optionsOf, type JsClassHit, type OptionPath } from '../../catalog/js-sdks';
import { callScopes, type JsScope } from '../../model/js/model';
import type { Finding, Fix } from '../../types';
import { addOptionEdits, msLiteral, setPathEdits, withSeconds } from '../../fix/js-fixes';
import { ctorOption, timeoutPolicy, type Setting as OptSetting, type TimeoutPolicy } from './options';
import type { JsObjectShape } from '../../model/js/shapes';
import { unusedProvider } from './util';
import { calleeRange, describeCall, functionScopeOf, makeFinding } from './util';
import { worstCase, type Setting } from '../../policy/render';
import { ctorSettings, jsBackoff, jsPolicyOf } from '../../policy/js-policy';

const STREAM_FACTOR = 4;
const UNDICI = "Node's fetch gives up after 300 s without response headers";
/**
 * Defaults whose worst case (timeout × attempts + backoff, as the hover counts it) is at or under this many
 * milliseconds are short enough not to report (as in Python): groq-sdk's 60 s × 3 attempts is not.
 */
const ACCEPTABLE_DEFAULT_MS = 60_000;
/** Millisecond timeouts under this are seconds written in the wrong unit (`timeout: 30` is 30 ms). */
const MS_FLOOR = 1000;
/** SDKs that do not retry an attempt that timed out (cohere-ai retries status codes only). */
const NO_TIMEOUT_RETRY = new Set(['cohere']);

/** True when the SDK default the call inherits is short even counting every attempt and the backoff between them. */
function shortDefault(p: TimeoutPolicy, sdk: string | undefined, written?: Setting): boolean {
  if (p.setting.kind !== 'absent' || p.defaultMs === null) return false;
  const retries = sdk && NO_TIMEOUT_RETRY.has(sdk) ? 0 : written ? written.value : p.retries;
  if (typeof retries !== 'number') return p.defaultMs <= ACCEPTABLE_DEFAULT_MS;
  const worst = worstCase({ value: p.defaultMs / 1000, source: '' }, { value: retries, source: '' }, jsBackoff(sdk ?? ''));
  return typeof worst === 'number' && worst * 1000 <= ACCEPTABLE_DEFAULT_MS;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function attemptsText(retries: number, sdk: string | undefined): string {
  if (retries === 0) return '1 attempt (no retries)';
  return `${retries + 1} attempts (${retries} ${retries === 1 ? 'retry' : 'retries'}${sdk && NO_TIMEOUT_RETRY.has(sdk) ? ', none after a timeout' : ''})`;
}

/** The default wait, per attempt with its unit, and the attempts: what the call inherits without a timeout. */
function defaultText(p: TimeoutPolicy, sdkNote: string | undefined, sdk: string | undefined, transport?: 'axios' | 'node-http' | 'project'): string {
  const attempts = attemptsText(p.retries, sdk);
  if (p.defaultMs === null && transport === 'axios') return `the SDK sets no timeout (axios waits forever), ${attempts}`;
  if (p.defaultMs === null && transport === 'node-http') return `the SDK sets no timeout (its Node http handler waits as long as the socket stays open), ${attempts}`;
  // A team's own client (project config): how it sends requests is not known, so no undici cut is assumed.
  if (p.defaultMs === null && transport === 'project') return `the project config says it sets no timeout, ${attempts}: a hung request waits until the server or proxy in front gives up`;
  if (p.defaultMs === null) return `the SDK sets no timeout, ${attempts}: each waits until ${UNDICI}, and a stream that stalls after the headers is never cut`;
  const worst = sdk && NO_TIMEOUT_RETRY.has(sdk) ? p.defaultMs : p.defaultMs * (p.retries + 1);
  const base = `the SDK default is ${sdkNote ?? seconds(p.defaultMs)} per attempt, ${attempts}${p.retries > 0 ? `: up to ${Math.round(worst / 60000)} min` : ''}`;
  return p.defaultMs > 300_000 && transport !== 'project' ? `${base}, though ${UNDICI}` : base;
}

/** A number of milliseconds too small to be meant (`30`, `AbortSignal.timeout(30)`): the literal node. */
function tinyMs(node: Node | undefined): Node | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === 'number') {
    const v = Number(n.text.replace(/_/g, ''));
    return v > 0 && v < MS_FLOOR ? n : undefined;
  }
  if (n.type === 'call_expression' && /^AbortSignal\.timeout$/.test(field(n, 'function')?.text ?? '')) return tinyMs(callArgs(n)[0]);
  // got: `timeout: { request: 30 }`.
  if (n.type === 'object') {
    for (const prop of namedChildren(n)) {
      const v = prop.type === 'pair' ? field(prop, 'value') : null;
      const t = v ? tinyMs(v) : undefined;
      if (t) return t;
    }
  }
  return undefined;
}

/** `timeout: 30` where the option counts milliseconds: reported at the number, fixed to `30_000`. */
function unitFinding(ctx: JsContext, node: Node, what: string, scope: JsScope | undefined): Finding {
  const v = Number(node.text.replace(/_/g, ''));
  const fixed = msLiteral(v * 1000);
  return makeFinding(
    ctx, 'llm-call-without-timeout', 'warning', rangeOf(node),
    `${what} counts milliseconds: \`${node.text}\` is ${v} ms, so every request fails at once (seconds written as milliseconds?). Write ${fixed} for ${v} s.`,
    scope ? functionScopeOf(scope) : undefined,
    [{ title: `Count it in milliseconds (\`${fixed}\`)`, safety: 'unsafe', preferred: true, edits: [{ file: ctx.file, range: rangeOf(node), newText: fixed }] }],
  );
}

/** Seconds the fix writes: the setting, 4× for streaming calls (a long answer streams for minutes). */
function fixSeconds(ctx: JsContext, call: JsCall | undefined): number {
  const base = ctx.fixTimeoutSeconds ?? 30;
  return call?.streaming ? base * STREAM_FACTOR : base;
}

function sdkFixes(ctx: JsContext, call: JsCall | undefined, p: TimeoutPolicy): Fix[] {
  const fixes: Fix[] = [];
  const { shape } = p;
  const secs = fixSeconds(ctx, call);
  if (p.ctor && shape.ctorTimeout && shape.ctorTimeoutText) {
    const leaf = shape.ctorTimeout.unit === 's' ? String(secs) : msLiteral(secs * 1000);
    const full = withSeconds(shape.ctorTimeoutText, secs);
    const args = callArgs(p.ctor);
    const edits =
      p.setting.kind === 'none'
        ? [{ file: ctx.file, range: rangeOf(p.setting.node), newText: leaf }]
        : p.setting.kind === 'absent'
          ? args.length === 0
            ? addOptionEdits(ctx.file, p.ctor, 0, full)
            : setPathEdits(ctx.file, args[0], shape.ctorTimeout.path, leaf, full)
          : undefined;
    if (edits) fixes.push({ title: `Set a ${secs} s timeout on the client (\`${shape.ctorTimeout.path.join('.')}\`)`, safety: 'unsafe', preferred: true, edits });
  }
  if (call && shape.callArg !== undefined && shape.callTimeoutText && p.setting.kind === 'absent') {
    const text = withSeconds(shape.callTimeoutText, secs);
    const edits = addOptionEdits(ctx.file, call.node, shape.callArg, text);
    if (edits) fixes.push({ title: `Add \`${text}\` to this call's options`, safety: 'unsafe', preferred: fixes.length === 0, edits });
  }
  return fixes;
}

function httpCheck(ctx: JsContext, call: JsCall, seen: Set<number>): Finding | undefined {
  const http = call.http!;
  const args = callArgs(call.node);
  const index = http.configIndex;
  const config = args[index];
  if (args.some((a) => a.type === 'spread_element')) return undefined;
  // axios counts `timeout: 0` as "never", ky `timeout: false`.
  const off = (n: Node) => isNoLimit(n) || (http.lib.id === 'axios' && unwrap(n).text === '0') || (http.lib.id === 'ky' && unwrap(n).text === 'false');
  for (const obj of [http.config, config]) {
    if (!obj) continue;
    for (const key of http.lib.timeoutKeys) {
      const r = lookupPath(obj, [key]);
      if (r.kind !== 'value') continue;
      const tiny = tinyMs(r.node);
      if (tiny && !seen.has(tiny.id)) {
        seen.add(tiny.id);
        return unitFinding(ctx, tiny, `${http.lib.id} \`${key}\``, call.scope);
      }
    }
  }
  let explicitOff: Node | undefined;
  for (const obj of [http.config, config]) {
    if (!obj) continue;
    for (const key of http.lib.timeoutKeys) {
      const r = lookupPath(obj, [key]);
      if (r.kind === 'unknown' || (r.kind === 'value' && !off(r.node))) return undefined;
      if (r.kind === 'value') explicitOff = r.node;
    }
  }
  if (http.lib.id === 'ky' && !explicitOff) return undefined; // ky times out after 10 s by default
  const text = withSeconds(http.lib.timeoutText, fixSeconds(ctx, call));
  // An explicit "never" is replaced where it is written; else the option is added to this call.
  const leaf = text.slice(text.indexOf(':') + 1).trim();
  const edits = explicitOff ? [{ file: ctx.file, range: rangeOf(explicitOff), newText: leaf }] : addOptionEdits(ctx.file, call.node, index, text);
  const what = explicitOff ? `sets its timeout to \`${explicitOff.text}\` (no limit)` : `has no timeout: ${http.lib.defaultTimeout}`;
  const message = `${describeCall(call)} ${what}. A hung upstream holds this request (and its socket) ${explicitOff ? 'until the server or proxy in front gives up' : 'that long'}.`;
  return makeFinding(ctx, 'llm-call-without-timeout', 'warning', calleeRange(call), message, functionScopeOf(call.scope), [
    edits ? { title: explicitOff ? `Set \`${text}\`` : `Add \`${text}\``, safety: 'unsafe', preferred: true, edits } : undefined,
  ]);
}

export function checkTimeoutJs(ctx: JsContext): Finding[] {
  const out: Finding[] = [];
  const seenUnits = new Set<number>();
  out.push(...unitChecks(ctx, seenUnits));
  // Clients built in this file: one finding at the constructor, unless every call through it is bounded.
  const byCtor = new Map<number, JsCall[]>();
  // Clients whose exported sessions (models) were reported at the constructor.
  const sessionCtors = new Set<number>();
  const metaUsers = new Set<number>();
  for (const call of ctx.calls) {
    const ctor = call.kind === 'sdk' ? call.client?.ctor : undefined;
    if (!ctor) continue;
    // Listing models or managing files through the client: kept apart (they run no model).
    if (call.meta) {
      if (!byCtor.has(ctor.id)) byCtor.set(ctor.id, []);
      metaUsers.add(ctor.id);
      continue;
    }
    const list = byCtor.get(ctor.id);
    if (list) list.push(call);
    else byCtor.set(ctor.id, [call]);
  }
  for (const scope of callScopes(ctx.model)) {
    for (const node of scope.calls) {
      if (node.type !== 'new_expression') continue;
      const v = ctx.evaluator.evaluate(node, scope);
      if (v?.kind !== 'client' || v.ctor?.id !== node.id) continue;
      const config = v.hit.cls.configClass ? configCtorPolicy(ctx, v, node, scope) : undefined;
      const p = config ? config.policy : ctorPolicy(v.hit, node, v.optionsShape);
      if (!p && !optionsOf(v.hit).ctorTimeout && v.hit.cls.sessions) {
        const f = exportedSessions(ctx, v, node, scope);
        if (f) {
          out.push(f);
          sessionCtors.add(node.id);
        }
        continue;
      }
      if (!p || (p.setting.kind !== 'absent' && p.setting.kind !== 'none')) continue;
      if (shortDefault(p, v.hit.sdk.id, ctorSettings(optionsOf(v.hit), node).retries)) continue;
      if (unusedProvider(ctx, node)) continue;
      const users = byCtor.get(node.id) ?? [];
      // Used here only to list models or manage files: no model call waits on it in this file.
      if (users.length === 0 && metaUsers.has(node.id)) continue;
      if (users.length > 0 && users.every((c) => {
        const cp = timeoutPolicy(c);
        return !cp || cp.setting.kind === 'set' || cp.setting.kind === 'unknown';
      })) continue;
      const what = p.setting.kind === 'none' ? `with its timeout set to \`${p.setting.node.text}\` (no limit)` : 'without a timeout';
      const uses = users.length === 0 ? '' : ` ${users.length === 1 ? 'One call' : `${users.length} calls`} in this file use${users.length === 1 ? 's' : ''} it.`;
      const message = `\`${v.hit.cls.name}\` client (${v.hit.sdk.id}) built ${what}: ${defaultText(p, v.hit.sdk.defaultNote, v.hit.sdk.id, v.hit.sdk.project ? 'project' : v.hit.cls.transport)}.${uses}`;
      const range = rangeOf(node.childForFieldName('constructor') ?? node);
      const fixes = config ? config.fixes : sdkFixes(ctx, undefined, p);
      out.push(makeFinding(ctx, 'llm-call-without-timeout', 'warning', { start: rangeOf(node).start, end: range.end }, message, functionScopeOf(scope), fixes));
    }
  }
  for (const call of ctx.calls) {
    if (call.kind === 'http') {
      const f = httpCheck(ctx, call, seenUnits);
      if (f) out.push(f);
      continue;
    }
    // Calls without a client built here (Vercel `ai` functions, ollama's default instance), and calls
    // whose client takes no timeout in its constructor (@google/generative-ai models).
    if (call.kind !== 'sdk' || call.meta) continue;
    if (call.client?.ctor && call.hit && optionsOf(call.hit).ctorTimeout && ctorTakesTimeout(ctx, call.client.ctor)) continue;
    // openai-node v3: the client built here is reported once, at `new OpenAIApi(...)`.
    if (call.client?.ctor && call.hit?.cls.configClass) continue;
    // A session exported without a timeout was reported at its client's constructor, for every module using it.
    if (call.client?.ctor && sessionCtors.has(call.client.ctor.id) && exportedSession(ctx, call.client)) continue;
    const p = timeoutPolicy(call);
    if (!p || (p.setting.kind !== 'absent' && p.setting.kind !== 'none')) continue;
    if (shortDefault(p, call.sdk?.id, jsPolicyOf(call)?.retries)) continue;
    const what = p.setting.kind === 'none' ? `sets its timeout to \`${p.setting.node.text}\` (no limit)` : 'has no timeout';
    const message = `${describeCall(call)} ${what}: ${defaultText(p, call.sdk?.defaultNote, call.sdk?.id, call.sdk?.project ? 'project' : call.hit?.cls.transport)}.`;
    out.push(makeFinding(ctx, 'llm-call-without-timeout', 'warning', calleeRange(call), message, functionScopeOf(call.scope), sdkFixes(ctx, call, p)));
  }
  return out;
}

/** Whether the client built by `ctor` takes a timeout in its constructor (else each call must carry one). */
function ctorTakesTimeout(ctx: JsContext, ctor: Node): boolean {
  const v = ctx.evaluator.evaluate(ctor, ctx.evaluator.scopeAt(ctor));
  return v?.kind !== 'client' || !!optionsOf(v.hit).ctorTimeout;
}

/**
 * Millisecond options holding a number of seconds: client constructors, `withOptions`, per-call options
 * (`timeout: 30`, `AbortSignal.timeout(30)`).
 */
function unitChecks(ctx: JsContext, seen: Set<number>): Finding[] {
  const out: Finding[] = [];
  const check = (obj: Node | undefined, paths: OptionPath[], unit: (p: OptionPath) => 'ms' | 's', what: string, scope: JsScope | undefined): void => {
    if (!obj) return;
    for (const path of paths) {
      if (unit(path) !== 'ms') continue;
      const r = lookupPath(obj, path);
      if (r.kind !== 'value') continue;
      const tiny = tinyMs(r.node);
      if (!tiny || seen.has(tiny.id)) continue;
      seen.add(tiny.id);
      out.push(unitFinding(ctx, tiny, `${what} \`${path.join('.')}\``, scope));
    }
  };
  const keyUnit = (path: OptionPath): 'ms' | 's' => (/seconds/i.test(path[path.length - 1]) ? 's' : 'ms');
  for (const scope of callScopes(ctx.model)) {
    for (const node of scope.calls) {
      if (node.type !== 'new_expression') continue;
      const v = ctx.evaluator.evaluate(node, scope);
      if (v?.kind !== 'client' || v.ctor?.id !== node.id) continue;
      const shape = optionsOf(v.hit);
      if (shape.ctorTimeout && shape.ctorTimeout.unit === 'ms' && shape.ctorTimeout.path[0] !== 'fetch') check(callArgs(node)[0], [shape.ctorTimeout.path], () => 'ms', `\`${v.hit.cls.name}\``, scope);
    }
  }
  for (const call of ctx.calls) {
    if (call.kind !== 'sdk' || !call.sdk) continue;
    const shape = call.hit ? optionsOf(call.hit) : call.sdk.options;
    for (const extra of call.client?.extraOptions ?? []) check(extra, [shape.ctorTimeout?.path ?? ['timeout'], ['timeout']], keyUnit, '`withOptions`', call.scope);
    if (shape.callArg !== undefined && shape.callTimeout) check(callArgs(call.node)[shape.callArg], shape.callTimeout, keyUnit, `${describeCall(call)} option`, call.scope);
  }
  return out;
}

/**
 * openai-node v3, `new OpenAIApi(configuration, basePath, axiosInstance)`: the configuration's `baseOptions`
 * and the axios instance's own config bound every request; neither set, axios waits forever.
 */
function configCtorPolicy(ctx: JsContext, v: ClientValue, ctor: Node, scope: JsScope): { policy: TimeoutPolicy; fixes: Fix[] } {
  const shape = optionsOf(v.hit);
  const d = defaultsOf(v.hit);
  const args = callArgs(ctor);
  const settings: OptSetting[] = [];
  const read = (obj: Node | undefined): void => {
    if (!obj) return;
    const r = lookupPath(obj, ['timeout']);
    if (r.kind === 'unknown') settings.push({ kind: 'unknown' });
    else if (r.kind === 'value') settings.push(isNoLimit(r.node) || (unwrap(r.node).text === '0') ? { kind: 'none', node: r.node } : { kind: 'set', node: r.node });
  };
  for (const extra of v.extraOptions) read(extra);
  const instanceArg = args[2];
  if (instanceArg && unwrap(instanceArg).text !== 'undefined') {
    const inst = ctx.evaluator.evaluate(instanceArg, scope);
    if (inst?.kind === 'http' && inst.lib.id === 'axios') read(inst.config);
    else settings.push({ kind: 'unknown' });
  }
  const setting: OptSetting = settings.find((x) => x.kind === 'set') ?? settings.find((x) => x.kind === 'unknown') ?? settings.find((x) => x.kind === 'none') ?? { kind: 'absent' };
  const policy: TimeoutPolicy = { setting, ctor, shape, defaultMs: d.timeoutMs, retries: d.retries };
  const fixes: Fix[] = [];
  const cfg = args[0] ? ctx.evaluator.evaluate(args[0], scope) : undefined;
  if (setting.kind === 'absent' && cfg?.kind === 'object' && cfg.node.tree === ctor.tree) {
    const secs = fixSeconds(ctx, undefined);
    const edits = setPathEdits(ctx.file, cfg.node, ['baseOptions', 'timeout'], msLiteral(secs * 1000), `baseOptions: { timeout: ${msLiteral(secs * 1000)} }`);
    if (edits) fixes.push({ title: `Set a ${secs} s timeout on every request (\`baseOptions.timeout\`)`, safety: 'unsafe', preferred: true, edits });
  }
  return { policy, fixes };
}

function ctorPolicy(hit: JsClassHit, ctor: Node, optionsShape?: JsObjectShape): TimeoutPolicy | undefined {
  const shape = optionsOf(hit);
  const defaults = defaultsOf(hit);
  if (!shape.ctorTimeout) return undefined;
  // The attempts the message counts: the constructor's own retries option when it writes a number.
  const written = shape.ctorRetries ? ctorSettings(shape, ctor).retries?.value : undefined;
  const d = typeof written === 'number' ? { ...defaults, retries: written } : defaults;
  const args = callArgs(ctor);
  if (args.length === 0) return { setting: { kind: 'absent' }, ctor, shape, defaultMs: d.timeoutMs, retries: d.retries };
  const r = ctorOption(ctor, shape.ctorTimeout.path, optionsShape);
  if (r.kind === 'unknown') return undefined;
  if (r.kind === 'value') return { setting: isNoLimit(r.node) ? { kind: 'none', node: r.node } : { kind: 'set', node: r.node }, ctor, shape, defaultMs: d.timeoutMs, retries: d.retries };
  return { setting: { kind: 'absent' }, ctor, shape, defaultMs: d.timeoutMs, retries: d.retries };
}

/** Exported values of this module that are sessions of `client` (`export const model = ai.getGenerativeModel(...)`): name, node and value. */
function sessionsExported(ctx: JsContext, v: ClientValue, ctor: Node): { name: string; node: Node; value: ClientValue }[] {
  const out: { name: string; node: Node; value: ClientValue }[] = [];
  for (const [name, value] of ctx.model.exports) {
    const ev = ctx.evaluator.evaluate(value, ctx.model.module);
    if (ev?.kind !== 'client' || ev.ctor?.id !== ctor.id || ev.hit.cls === v.hit.cls) continue;
    out.push({ name, node: unwrap(value), value: ev });
  }
  return out;
}

/** True when the client a call goes through is one of its module's exported sessions (same class and options). */
function exportedSession(ctx: JsContext, client: ClientValue): boolean {
  return [...ctx.model.exports.values()].some((value) => {
    const ev = ctx.evaluator.evaluate(value, ctx.model.module);
    return ev?.kind === 'client' && ev.ctor?.id === client.ctor?.id && ev.hit.cls === client.hit.cls && ev.extraOptions.length === client.extraOptions.length && ev.extraOptions.every((o, i) => o.id === client.extraOptions[i].id);
  });
}

/**
 * A client whose constructor takes no timeout (@google/generative-ai: the model's request options or each call
 * carry it) and whose sessions this module exports without one: the modules importing them call the model with
 * no deadline. Reported once, at the constructor, naming the exported sessions; the fix bounds each session.
 */
function exportedSessions(ctx: JsContext, v: ClientValue, ctor: Node, scope: JsScope): Finding | undefined {
  const open = sessionsExported(ctx, v, ctor).filter((s) => {
    const p = sessionTimeout(s.value);
    return p === 'absent' || p === 'none';
  });
  if (open.length === 0) return undefined;
  const session = open[0].value.hit;
  const d = defaultsOf(session);
  const p: TimeoutPolicy = { setting: { kind: 'absent' }, ctor, shape: optionsOf(session), defaultMs: d.timeoutMs, retries: d.retries };
  if (shortDefault(p, session.sdk.id)) return undefined;
  const names = open.map((s) => `\`${s.name === 'default' ? 'export default' : s.name}\``).join(', ');
  const message = `\`${v.hit.cls.name}\` client (${v.hit.sdk.id}) takes no timeout itself, and its ${session.cls.name} ${names} ${open.length === 1 ? 'is' : 'are'} exported without \`timeout\` in the request options: ${defaultText(p, session.sdk.defaultNote, session.sdk.id, v.hit.sdk.project ? 'project' : session.cls.transport)}. Every module calling ${open.length === 1 ? 'it' : 'them'} waits that long.`;
  const secs = fixSeconds(ctx, undefined);
  const edits = open.flatMap((s) => {
    // `getGenerativeModel(params, requestOptions)`: the request options are the second argument.
    if (s.node.type !== 'call_expression' || session.cls.name !== 'GenerativeModel' || callArgs(s.node).length !== 1) return [];
    return addOptionEdits(ctx.file, s.node, 1, `timeout: ${msLiteral(secs * 1000)}`) ?? [];
  });
  const range = rangeOf(ctor.childForFieldName('constructor') ?? ctor);
  const fixes: Fix[] = edits.length ? [{ title: `Set a ${secs} s timeout in the model's request options (\`timeout\`)`, safety: 'unsafe', preferred: true, edits }] : [];
  return makeFinding(ctx, 'llm-call-without-timeout', 'warning', { start: rangeOf(ctor).start, end: range.end }, message, functionScopeOf(scope), fixes);
}

/** The timeout a session's own options give it (`getGenerativeModel(params, { timeout })`). */
function sessionTimeout(session: ClientValue): 'set' | 'none' | 'absent' | 'unknown' {
  let out: 'set' | 'none' | 'absent' | 'unknown' = 'absent';
  for (const extra of session.extraOptions) {
    const r = lookupPath(extra, ['timeout']);
    if (r.kind === 'unknown') out = 'unknown';
    else if (r.kind === 'value') return isNoLimit(r.node) ? 'none' : 'set';
  }
  return out;
}
