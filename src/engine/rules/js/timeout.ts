// JavaScript/TypeScript check of rule llm-call-without-timeout: an LLM call (SDK or raw fetch/axios)
// with no timeout on the call or its client; the message states what the call waits for instead.

import type { JsContext } from '../../model/js/context';
import type { JsCall } from '../../model/js/calls';
import type { Node } from '../../parse/parser';
import { callArgs, lookupPath, isNoLimit, rangeOf } from '../../model/js/syntax';
import { defaultsOf, optionsOf, type JsClassHit } from '../../catalog/js-sdks';
import type { Finding, Fix } from '../../types';
import { addOptionEdits, msLiteral, setPathEdits, withSeconds } from '../../fix/js-fixes';
import { timeoutPolicy, type TimeoutPolicy } from './options';
import { calleeRange, describeCall, functionScopeOf, makeFinding } from './util';

const STREAM_FACTOR = 4;
const UNDICI = "Node's fetch gives up after 300 s without response headers";

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function defaultText(p: TimeoutPolicy, sdkNote: string | undefined): string {
  if (p.defaultMs === null) return `the SDK sets none, so it waits until ${UNDICI}, and a stream that stalls after the headers is never cut`;
  const attempts = p.retries + 1;
  const worst = p.defaultMs * attempts;
  const base = `the SDK default is ${sdkNote ?? seconds(p.defaultMs)} per attempt${p.retries > 0 ? `, ${attempts} attempts (up to ${Math.round(worst / 60000)} min)` : ''}`;
  return p.defaultMs > 300_000 ? `${base}, though ${UNDICI}` : base;
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

function httpCheck(ctx: JsContext, call: JsCall): Finding | undefined {
  const http = call.http!;
  if (http.lib.id === 'ky') return undefined; // ky times out after 10 s by default
  const args = callArgs(call.node);
  const index = http.lib.configArg(http.method);
  const config = args[index];
  if (args.some((a) => a.type === 'spread_element')) return undefined;
  if (http.config) {
    for (const key of http.lib.timeoutKeys) {
      const r = lookupPath(http.config, [key]);
      if (r.kind === 'unknown' || (r.kind === 'value' && !isNoLimit(r.node))) return undefined;
    }
  }
  if (config) {
    for (const key of http.lib.timeoutKeys) {
      const r = lookupPath(config, [key]);
      if (r.kind === 'unknown' || (r.kind === 'value' && !isNoLimit(r.node))) return undefined;
    }
  }
  const text = withSeconds(http.lib.timeoutText, fixSeconds(ctx, call));
  const edits = addOptionEdits(ctx.file, call.node, index, text);
  const message = `${describeCall(call)} has no timeout: ${http.lib.defaultTimeout}. A hung upstream holds this request (and its socket) that long.`;
  return makeFinding(ctx, 'llm-call-without-timeout', 'warning', calleeRange(call), message, functionScopeOf(call.scope), [
    edits ? { title: `Add \`${text}\``, safety: 'unsafe', preferred: true, edits } : undefined,
  ]);
}

export function checkTimeoutJs(ctx: JsContext): Finding[] {
  const out: Finding[] = [];
  // Clients built in this file: one finding at the constructor, unless every call through it is bounded.
  const byCtor = new Map<number, JsCall[]>();
  for (const call of ctx.calls) {
    const ctor = call.kind === 'sdk' ? call.client?.ctor : undefined;
    if (!ctor) continue;
    const list = byCtor.get(ctor.id);
    if (list) list.push(call);
    else byCtor.set(ctor.id, [call]);
  }
  for (const scope of [ctx.model.module, ...ctx.model.functions]) {
    for (const node of scope.calls) {
      if (node.type !== 'new_expression') continue;
      const v = ctx.evaluator.evaluate(node, scope);
      if (v?.kind !== 'client' || v.ctor?.id !== node.id) continue;
      const p = ctorPolicy(v.hit, node);
      if (!p || (p.setting.kind !== 'absent' && p.setting.kind !== 'none')) continue;
      const users = byCtor.get(node.id) ?? [];
      if (users.length > 0 && users.every((c) => {
        const cp = timeoutPolicy(c);
        return !cp || cp.setting.kind === 'set' || cp.setting.kind === 'unknown';
      })) continue;
      const what = p.setting.kind === 'none' ? `with its timeout set to \`${p.setting.node.text}\` (no limit)` : 'without a timeout';
      const uses = users.length === 0 ? '' : ` ${users.length === 1 ? 'One call' : `${users.length} calls`} in this file use${users.length === 1 ? 's' : ''} it.`;
      const message = `\`${v.hit.cls.name}\` client (${v.hit.sdk.id}) built ${what}: ${defaultText(p, v.hit.sdk.defaultNote)}.${uses}`;
      const range = rangeOf(node.childForFieldName('constructor') ?? node);
      out.push(makeFinding(ctx, 'llm-call-without-timeout', 'warning', { start: rangeOf(node).start, end: range.end }, message, functionScopeOf(scope), sdkFixes(ctx, undefined, p)));
    }
  }
  for (const call of ctx.calls) {
    if (call.kind === 'http') {
      const f = httpCheck(ctx, call);
      if (f) out.push(f);
      continue;
    }
    // Calls without a client built here: Vercel `ai` functions, ollama's default instance.
    if (call.kind !== 'sdk' || call.client?.ctor) continue;
    const p = timeoutPolicy(call);
    if (!p || (p.setting.kind !== 'absent' && p.setting.kind !== 'none')) continue;
    const what = p.setting.kind === 'none' ? `sets its timeout to \`${p.setting.node.text}\` (no limit)` : 'has no timeout';
    const message = `${describeCall(call)} ${what}: ${defaultText(p, call.sdk?.defaultNote)}.`;
    out.push(makeFinding(ctx, 'llm-call-without-timeout', 'warning', calleeRange(call), message, functionScopeOf(call.scope), sdkFixes(ctx, call, p)));
  }
  return out;
}

function ctorPolicy(hit: JsClassHit, ctor: Node): TimeoutPolicy | undefined {
  const shape = optionsOf(hit);
  const d = defaultsOf(hit);
  if (!shape.ctorTimeout) return undefined;
  const args = callArgs(ctor);
  if (args.length === 0) return { setting: { kind: 'absent' }, ctor, shape, defaultMs: d.timeoutMs, retries: d.retries };
  const r = lookupPath(args[0], shape.ctorTimeout.path);
  if (r.kind === 'unknown') return undefined;
  if (r.kind === 'value') return { setting: isNoLimit(r.node) ? { kind: 'none', node: r.node } : { kind: 'set', node: r.node }, ctor, shape, defaultMs: d.timeoutMs, retries: d.retries };
  return { setting: { kind: 'absent' }, ctor, shape, defaultMs: d.timeoutMs, retries: d.retries };
}
