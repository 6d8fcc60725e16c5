// Python check of rule blocking-call-in-async-handler: sleeps, sync HTTP, sync DB, file I/O and child
// processes run directly in an `async def` (or a handler the framework calls on the loop).

import type { Node } from '../../parse/parser';
import { usageOf, usesOfName, type LlmCall } from '../../model/python/calls';
import type { PyContext } from '../../model/python/context';
import type { Scope } from '../../model/python/model';
import { calleeTail, field, rangeOf, unparen } from '../../model/python/syntax';
import { BLOCKING_CALL_NAMES, BLOCKING_CLIENT_BY_CTOR, BLOCKING_FUNCTIONS, BLOCKING_METHODS, type BlockingEntry } from '../../catalog/python-blocking';
import { toThreadFix } from '../../fix/python-fixes';
import { ensureModuleImport } from '../../fix/python-imports';
import type { Finding, Fix } from '../../types';
import { describeFunction, makeFinding, offServer } from '../python-util';

function blockingEntry(ctx: PyContext, call: Node, scope: Scope): { entry: BlockingEntry; name: string } | undefined {
  const callee = field(call, 'function');
  if (!callee) return undefined;
  if (callee.type === 'identifier' && callee.text === 'open' && !ctx.model.imports.has('open') && !isBound(scope, 'open')) {
    return { entry: BLOCKING_FUNCTIONS.open, name: 'open' };
  }
  const v = ctx.evaluator.evaluate(callee, scope);
  if (!v) return clientChainEntry(ctx, callee, scope);
  if ((v.kind === 'qname' || v.kind === 'module') && v.qname !== 'open' && BLOCKING_FUNCTIONS[v.qname]) return { entry: BLOCKING_FUNCTIONS[v.qname], name: v.qname };
  if (v.kind === 'method') {
    const m = BLOCKING_METHODS[v.qname];
    if (m && m.methods.includes(v.method)) return { entry: m.entry, name: callee.text.replace(/\s+/g, '') };
  }
  return clientChainEntry(ctx, callee, scope);
}

/** `sb.table("t").select("*").execute()`: the I/O method at the end of a chain from a catalog client. */
function clientChainEntry(ctx: PyContext, callee: Node, scope: Scope): { entry: BlockingEntry; name: string } | undefined {
  if (callee.type !== 'attribute') return undefined;
  const method = field(callee, 'attribute')?.text;
  const object = field(callee, 'object');
  if (!method || !object) return undefined;
  const root = rootCtor(ctx, object, scope, 0);
  const row = root ? BLOCKING_CLIENT_BY_CTOR.get(root) : undefined;
  if (!row || !row.methods.includes(method)) return undefined;
  // One finding per chain: `db.execute(q).all()` is reported at its last I/O method only.
  const call = callee.parent;
  const outer = call?.parent?.type === 'attribute' ? call.parent : undefined;
  if (outer && field(outer, 'object')?.id === call!.id && outer.parent?.type === 'call' && row.methods.includes(field(outer, 'attribute')?.text ?? '')) return undefined;
  const text = callee.text.replace(/\s+/g, '');
  const head = /^[\w.]*/.exec(text)![0].replace(/\.$/, '');
  return { entry: row.entry, name: text.includes('(') || text.includes('[') ? `${head || '…'}.….${method}` : text };
}

/**
 * The qualified name of what a receiver chain starts from: walks attributes, subscripts, calls and
 * local names (their assignments, `with ... as` targets, `self.x` set in the class) back to a value
 * the evaluator knows (an instance of `qname`, or a parameter annotated with a class).
 */
function rootCtor(ctx: PyContext, node: Node, scope: Scope, depth: number): string | undefined {
  if (depth > 12) return undefined;
  const n = unparen(node);
  const v = ctx.evaluator.evaluate(n, scope);
  if (v) {
    if (v.kind === 'instance') return v.qname;
    if (v.kind === 'method') return BLOCKING_CLIENT_BY_CTOR.has(`${v.qname}.${v.method}`) ? `${v.qname}.${v.method}` : v.qname;
    if (v.kind !== 'qname' && v.kind !== 'module') return undefined; // an LLM client, a local class, a string...
    if (n.type === 'identifier' || n.type === 'attribute') {
      // A class or function named directly (`Session`, `redis.Redis`): the chain's start when called.
      return n.parent?.type === 'call' && field(n.parent, 'function')?.id === n.id ? v.qname : undefined;
    }
  }
  switch (n.type) {
    case 'call': {
      const fn = field(n, 'function');
      return fn ? rootCtor(ctx, fn, scope, depth + 1) : undefined;
    }
    case 'subscript': {
      const value = field(n, 'value');
      return value ? rootCtor(ctx, value, scope, depth + 1) : undefined;
    }
    case 'attribute': {
      const obj = field(n, 'object');
      const attr = field(n, 'attribute')?.text;
      if (!obj || !attr) return undefined;
      // `self.collection` set in `__init__` (or elsewhere in the class).
      const method = methodOf(scope);
      if (obj.type === 'identifier' && method?.classScope && method.params[0]?.name === obj.text) {
        for (const value of method.classScope.attributes.get(attr) ?? []) {
          const r = rootCtor(ctx, value, scopeOfNode(ctx, value), depth + 1);
          if (r) return r;
        }
        return undefined;
      }
      return rootCtor(ctx, obj, scope, depth + 1);
    }
    case 'identifier': {
      for (let s: Scope | undefined = scope; s; s = s.parent) {
        if (s.kind === 'class' && s !== scope) continue;
        const values = s.assignments.get(n.text);
        if (values) {
          for (let i = values.length - 1; i >= 0; i--) {
            const r = rootCtor(ctx, values[i], s, depth + 1);
            if (r) return r;
          }
          return undefined;
        }
        if (s.params.some((p) => p.name === n.text)) return undefined;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function methodOf(scope: Scope): Scope | undefined {
  for (let s: Scope | undefined = scope; s && s.kind !== 'module'; s = s.parent) if (s.kind === 'function' && s.classScope) return s;
  return undefined;
}

/** The function scope whose body holds `node` (the module when none). */
function scopeOfNode(ctx: PyContext, node: Node): Scope {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_definition') return ctx.evaluator.functionScopeOf(p) ?? ctx.model.module;
  }
  return ctx.model.module;
}

function isBound(scope: Scope, name: string): boolean {
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s.assignments.has(name) || s.params.some((p) => p.name === name)) return true;
  return false;
}

/** `time.sleep(x)` → `await asyncio.sleep(x)`. */
function sleepFix(ctx: PyContext, call: Node): Fix | undefined {
  const callee = field(call, 'function');
  if (!callee) return undefined;
  const asyncio = ensureModuleImport(ctx.model, ctx.file, 'asyncio');
  const usage = usageOf(call);
  if (usage.kind !== 'dropped') return undefined;
  const at = { line: call.startPosition.row, character: call.startPosition.column };
  return {
    title: 'Use `await asyncio.sleep`',
    safety: 'safe',
    preferred: true,
    edits: [...asyncio.edits, { file: ctx.file, range: { start: at, end: at }, newText: 'await ' }, { file: ctx.file, range: rangeOf(callee), newText: `${asyncio.name}.sleep` }],
  };
}

/**
 * Callee names that may be blocking here: the catalog's, local names imported for one of them, and
 * module-level names bound to one (`nap = time.sleep`).
 */
function blockingNames(ctx: PyContext): ReadonlySet<string> {
  let names: Set<string> | undefined;
  const add = (local: string) => {
    if (!BLOCKING_CALL_NAMES.has(local)) (names ??= new Set(BLOCKING_CALL_NAMES)).add(local);
  };
  for (const [local, q] of ctx.model.imports) if (BLOCKING_FUNCTIONS[q] || BLOCKING_METHODS[q]) add(local);
  for (const [local, values] of ctx.model.module.assignments) {
    for (const v of values) {
      const tail = v.type === 'identifier' ? v.text : v.type === 'attribute' ? field(v, 'attribute')?.text : undefined;
      if (tail && BLOCKING_CALL_NAMES.has(tail)) add(local);
    }
  }
  return names ?? BLOCKING_CALL_NAMES;
}

/** Callees that take a file handle for a child process's standard streams and never read or write it themselves. */
const CHILD_PROCESS = /(?:^|\.)(?:create_subprocess_exec|create_subprocess_shell|Popen)$/;

/**
 * `open(...)` whose handle (`with open(...) as fh` or `fh = open(...)`) is only passed to a child
 * process (`create_subprocess_exec(..., stdout=fh)`): opening is one syscall, the process does the I/O.
 */
function handleOnlyForChild(call: Node, fn: Scope): boolean {
  const usage = usageOf(call);
  let name: string | undefined;
  let exclude: Node | undefined;
  if (usage.kind === 'assigned') {
    name = usage.name;
    exclude = usage.consumer;
  } else if (usage.kind === 'context' || usage.kind === 'async-context') {
    const alias = usage.valueNode.parent?.type === 'as_pattern' ? field(usage.valueNode.parent, 'alias') : null;
    const target = alias?.namedChild(0) ?? alias;
    if (target?.type === 'identifier') {
      name = target.text;
      exclude = target;
    }
  } else if (usage.kind === 'argument') {
    const consumer = usage.consumer?.type === 'call' ? field(usage.consumer, 'function')?.text ?? '' : '';
    return CHILD_PROCESS.test(consumer.replace(/\s+/g, ''));
  }
  if (!name || !exclude) return false;
  const uses = usesOfName(fn, name, exclude).filter((u) => u.valueNode.id !== exclude!.id);
  if (uses.length === 0) return false;
  return uses.every((u) => {
    if (u.kind === 'argument') {
      const consumer = u.consumer?.type === 'call' ? field(u.consumer, 'function')?.text ?? '' : '';
      return CHILD_PROCESS.test(consumer.replace(/\s+/g, ''));
    }
    // `fh.close()` after the process finished.
    return u.kind === 'attribute' && /^\.close\b/.test(u.consumer?.text.slice(u.valueNode.text.length) ?? '');
  });
}

export function checkBlockingCalls(ctx: PyContext): Finding[] {
  const out: Finding[] = [];
  const names = blockingNames(ctx);
  for (const fn of ctx.model.functions) {
    if (fn.kind !== 'function') continue;
    const handler = ctx.handlerOf(fn);
    if (!fn.isAsync && handler?.runsOn !== 'event-loop') continue;
    if (!handler && ctx.isLifecycleHook(fn)) continue; // startup or shutdown: no request waits
    if (offServer(ctx, fn)) continue; // run with `asyncio.run` from sync code, or a script's coroutine
    const llm = new Set(ctx.callsIn(fn).map((c) => c.node.id));
    for (const call of fn.calls) {
      // Most calls (`len`, `range`, helpers) end with no name of the catalog: no evaluation needed.
      if (!names.has(calleeTail(call)) || llm.has(call.id)) continue;
      const hit = blockingEntry(ctx, call, fn);
      if (!hit) continue;
      let severity: 'warning' | 'info' = 'warning';
      let message = `\`${hit.name}\` ${hit.entry.what} on the event loop in ${describeFunction(ctx, fn)}: every other request waits. Use ${hit.entry.instead}, or \`asyncio.to_thread\`.`;
      if (hit.name === 'open') {
        // A handle only given to a child process (`stdout=fh`) is written by that process, not the loop.
        if (handleOnlyForChild(call, fn)) continue;
        severity = 'info';
        message =
          `\`open\` does local file I/O on the event loop in ${describeFunction(ctx, fn)}. A small local file costs little; ` +
          `a large file, a slow disk or a network mount holds every other request meanwhile. Use ${hit.entry.instead} when the file can be big or remote.`;
      }
      const pseudo: LlmCall = { node: call, scope: fn, sdk: { id: 'blocking' } as LlmCall['sdk'], async: false, awaitable: true, calleeText: hit.name, usage: usageOf(call), streaming: false };
      out.push(
        makeFinding(ctx, 'blocking-call-in-async-handler', severity, rangeOf(field(call, 'function') ?? call), message, fn, [
          hit.name === 'time.sleep' && fn.isAsync ? sleepFix(ctx, call) : undefined,
          hit.name !== 'time.sleep' ? toThreadFix(ctx, pseudo) : undefined,
        ]),
      );
    }
  }
  return out;
}
