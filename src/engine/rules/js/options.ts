// Reads the timeout and retry settings an LLM call runs with, from the call's own options, the client's
// `withOptions`/session options and its constructor, in each SDK's option shape (JS/TS).

import type { Node } from '../../parse/parser';
import type { JsCall } from '../../model/js/calls';
import { defaultsOf, optionsOf, type JsClassHit, type JsOptionShape, type OptionPath } from '../../catalog/js-sdks';
import { callArgs, isNoLimit, lookupPath, unwrap, type Lookup } from '../../model/js/syntax';
import { shapeLookup, type JsObjectShape } from '../../model/js/shapes';

/**
 * One option of a client constructor: read in the literal (or local const) it is given, else through the
 * keys of the constant object it names (`new AzureOpenAI(constants.azureOptions)`): absent there means absent.
 */
export function ctorOption(ctor: Node, path: OptionPath, shape?: JsObjectShape): Lookup {
  const r = lookupPath(callArgs(ctor)[0], path);
  if (r.kind !== 'unknown' || !shape) return r;
  return shapeLookup(shape, path) === 'absent' ? { kind: 'absent' } : { kind: 'unknown' };
}

/** `set`: bounded; `none`: explicitly unbounded (`timeout: undefined`); `absent`: not set; `unknown`: can't tell. */
export type Setting = { kind: 'set'; node: Node } | { kind: 'none'; node: Node } | { kind: 'absent' } | { kind: 'unknown' };

/** Literals that cannot be an options object (`createTranscription(file, 'whisper-1', ...)` in openai v3). */
const NOT_OPTIONS = new Set(['string', 'template_string', 'number', 'true', 'false', 'null', 'undefined', 'array']);

function read(obj: Node | undefined, paths: OptionPath[]): Setting {
  if (!obj || NOT_OPTIONS.has(unwrap(obj).type)) return { kind: 'absent' };
  let unknown = false;
  for (const path of paths) {
    const r = lookupPath(obj, path);
    if (r.kind === 'value') return isNoLimit(r.node) ? { kind: 'none', node: r.node } : { kind: 'set', node: r.node };
    if (r.kind === 'unknown') unknown = true;
  }
  return unknown ? { kind: 'unknown' } : { kind: 'absent' };
}

export interface TimeoutPolicy {
  setting: Setting;
  /** Where a fix can put a timeout: the constructor call and the call itself. */
  ctor?: Node;
  shape: JsOptionShape;
  defaultMs: number | null;
  retries: number;
}

/** The timeout an SDK call runs with; undefined for calls whose client was built out of sight. */
export function timeoutPolicy(call: JsCall): TimeoutPolicy | undefined {
  if (call.kind !== 'sdk' || !call.sdk) return undefined;
  const hit = call.hit;
  const shape = hit ? optionsOf(hit) : call.sdk.options;
  const defaults = hit ? defaultsOf(hit) : call.sdk.defaults;
  const args = callArgs(call.node);
  // Per call.
  if (shape.callArg !== undefined && shape.callTimeout) {
    if (args.length > shape.callArg) {
      const s = read(args[shape.callArg], shape.callTimeout);
      if (s.kind !== 'absent') return { setting: s, shape, defaultMs: defaults.timeoutMs, retries: defaults.retries };
    } else if (args.some((a) => unwrap(a).type === 'spread_element')) return undefined;
  }
  if (!call.client) return { setting: { kind: 'absent' }, shape, defaultMs: defaults.timeoutMs, retries: defaults.retries };
  // `withOptions({ timeout })`, `getGenerativeModel(params, { timeout })`.
  for (const extra of call.client.extraOptions) {
    const s = read(extra, [shape.ctorTimeout?.path ?? ['timeout'], ['timeout']]);
    if (s.kind !== 'absent') return { setting: s, shape, defaultMs: defaults.timeoutMs, retries: defaults.retries };
  }
  const ctor = call.client.ctor;
  if (!ctor) return call.client.instance ? { setting: { kind: 'absent' }, shape, defaultMs: defaults.timeoutMs, retries: defaults.retries } : undefined;
  if (!shape.ctorTimeout) return { setting: { kind: 'absent' }, ctor, shape, defaultMs: defaults.timeoutMs, retries: defaults.retries };
  const ctorArgs = callArgs(ctor);
  if (ctorArgs.length === 0) return { setting: { kind: 'absent' }, ctor, shape, defaultMs: defaults.timeoutMs, retries: defaults.retries };
  let s = read(ctorArgs[0], [shape.ctorTimeout.path]);
  if (s.kind === 'unknown' && call.client.optionsShape && ctorOption(ctor, shape.ctorTimeout.path, call.client.optionsShape).kind === 'absent') s = { kind: 'absent' };
  return { setting: s, ctor, shape, defaultMs: defaults.timeoutMs, retries: defaults.retries };
}

const zero = (n: Node | undefined): boolean => n !== undefined && /^0$/.test(unwrap(n).text);

/** `maxRetries: 0` in the per-call options of an SDK call. */
export function retriesOff(call: JsCall): Node | undefined {
  if (call.kind !== 'sdk' || !call.sdk) return undefined;
  const shape = call.hit ? optionsOf(call.hit) : call.sdk.options;
  const args = callArgs(call.node);
  if (shape.callArg === undefined || !shape.callRetries || args.length <= shape.callArg) return undefined;
  for (const p of shape.callRetries) {
    const r = lookupPath(args[shape.callArg], p);
    if (r.kind === 'value') return zero(r.node) ? r.node : undefined;
  }
  return undefined;
}

/** `maxRetries: 0` in the options of `client.withOptions({...})` on the way to the call. */
export function withOptionsRetriesOff(call: JsCall): Node | undefined {
  if (call.kind !== 'sdk' || !call.sdk || !call.client) return undefined;
  const shape = call.hit ? optionsOf(call.hit) : call.sdk.options;
  for (const extra of call.client.extraOptions) {
    const r = lookupPath(extra, shape.ctorRetries ?? ['maxRetries']);
    if (r.kind === 'value') return zero(r.node) ? r.node : undefined;
  }
  return undefined;
}

/** `maxRetries: 0` (or the SDK's equivalent) in a client constructor's options. */
export function ctorRetriesOff(hit: JsClassHit, ctor: Node): Node | undefined {
  const shape = optionsOf(hit);
  if (!shape.ctorRetries) return undefined;
  const r = lookupPath(callArgs(ctor)[0], shape.ctorRetries);
  return r.kind === 'value' && zero(r.node) ? r.node : undefined;
}
