// Python check of rule unawaited-llm-call: the coroutine of an async LLM call is dropped or never awaited.

import type { PyContext } from '../../model/python/context';
import type { LlmCall } from '../../model/python/calls';
import { usesOfName } from '../../model/python/calls';
import type { Finding } from '../../types';
import type { Node } from '../../parse/parser';
import { identifiersIn } from '../../model/python/syntax';
import { addAwaitFix } from '../../fix/python-fixes';
import { calleeRange, describeCall, enclosingFunction, makeFinding } from '../python-util';

const NON_AWAITING = new Set(['str', 'repr', 'print', 'len', 'int', 'float', 'bool', 'list', 'dict', 'tuple', 'set', 'json.dumps', 'jsonify', 'JSONResponse', 'PlainTextResponse', 'HTMLResponse', 'logger.info', 'logging.info']);

/** Why the coroutine of `call` is lost, or undefined when something runs it. */
export function lostCoroutine(call: LlmCall): string | undefined {
  const u = call.usage;
  switch (u.kind) {
    case 'dropped':
      return 'is never awaited: the request is never sent';
    case 'argument': {
      // Builtins that only look at the object: the coroutine never runs.
      const callee = u.consumer?.type === 'call' ? u.consumer.childForFieldName('function') : null;
      const fn = callee?.text;
      if (fn && NON_AWAITING.has(fn)) return `is passed to \`${fn}()\` without \`await\`: it sees a coroutine, not the answer`;
      // `tasks.append(coro)`: fine when the list is awaited later (gather, await in a loop).
      if (callee?.type === 'attribute' && COLLECTING.has(callee.childForFieldName('attribute')?.text ?? '')) {
        return lostInContainer(call, callee.childForFieldName('object'));
      }
      return undefined;
    }
    case 'stored': {
      // `results[key] = coro`: fine when the container is awaited later.
      const left = u.consumer?.type === 'assignment' ? u.consumer.childForFieldName('left') : null;
      return left?.type === 'subscript' ? lostInContainer(call, left.childForFieldName('value')) : undefined;
    }
    case 'returned':
      // From an `async def`, the caller's `await` yields this coroutine, not the answer.
      return call.scope.kind === 'function' && call.scope.isAsync && call.usage.consumer?.type === 'return_statement'
        ? 'is returned from an `async def` without `await`: callers get a coroutine instead of the answer'
        : undefined;
    case 'attribute':
      return `is used without \`await\`: \`${u.consumer?.text.slice(u.valueNode.text.length).split('(')[0] ?? '.attr'}\` is read from a coroutine and raises AttributeError`;
    case 'subscript':
      return 'is indexed without `await`: a coroutine is not subscriptable (TypeError)';
    case 'iterated':
      return 'is iterated without `await`: a coroutine is not iterable (TypeError)';
    case 'async-iterated':
      // An async paginator (`async for m in aclient.….list(...)`) fetches its pages as it is iterated.
      if (call.asyncIterable) return undefined;
      return 'is iterated with `async for` without `await`: a coroutine has no `__aiter__` (TypeError)';
    case 'context':
      return 'is used in a plain `with` without `await` (TypeError)';
    case 'assigned': {
      const fn = call.scope;
      const uses = usesOfName(fn, u.name!, u.consumer!);
      const runs = uses.some((x) => (call.asyncIterable && x.kind === 'async-iterated') || ['awaited', 'argument', 'returned', 'stored', 'yielded', 'assigned', 'other'].includes(x.kind));
      if (runs) return undefined;
      if (uses.length === 0) return `is assigned to \`${u.name}\` and never awaited: the request is never sent`;
      return `is assigned to \`${u.name}\`, which is used without ever being awaited`;
    }
    default:
      return undefined;
  }
}

const COLLECTING = new Set(['append', 'add', 'insert', 'extend', 'appendleft', 'put_nowait']);
const AWAITING_CALL = /(?:^|\.)(?:gather|wait|wait_for|as_completed|create_task|ensure_future|shield|run|start_soon|run_until_complete|TaskGroup)$/;

/**
 * A coroutine put in a local container (`out[k] = coro`, `tasks.append(coro)`) is lost unless the
 * container is later awaited, gathered, iterated with an `await` in the loop, returned or kept.
 */
function lostInContainer(call: LlmCall, container: Node | null): string | undefined {
  const fn = call.scope;
  if (!container || container.type !== 'identifier' || fn.kind !== 'function' || !fn.assignments.has(container.text)) return undefined;
  const body = fn.node.childForFieldName('body');
  if (!body) return undefined;
  const source = fn.node.tree.rootNode.text;
  for (const id of identifiersIn(fn.node.tree.rootNode, source, container.text, body.startIndex, body.endIndex)) {
    if (id.id === container.id) continue;
    let child: Node = id;
    for (let p = id.parent; p && p.id !== body.id; child = p, p = p.parent) {
      switch (p.type) {
        case 'return_statement':
        case 'yield':
          // `return tasks` hands the coroutines to the caller; `return f(tasks)` does not.
          if (child.id === id.id) return undefined;
          break;
        case 'await':
        case 'function_definition':
        case 'lambda':
        case 'class_definition':
          return undefined;
        case 'call':
          if (AWAITING_CALL.test(p.childForFieldName('function')?.text ?? '')) return undefined;
          break;
        case 'assignment':
          if (p.childForFieldName('right')?.id === child.id && p.childForFieldName('left')?.type === 'attribute') return undefined; // kept on an object
          break;
        case 'for_statement':
          if (p.childForFieldName('right')?.id === child.id && /\bawait\b/.test(p.childForFieldName('body')?.text ?? '')) return undefined;
          break;
      }
    }
  }
  return `is put in \`${container.text}\`, which is never awaited: the request is never sent`;
}

export function checkUnawaited(ctx: PyContext): Finding[] {
  const out: Finding[] = [];
  for (const call of ctx.calls) {
    if (!call.async || !call.awaitable) continue;
    const fn = enclosingFunction(call.scope);
    if (fn && !fn.isAsync && ctx.handlerOf(fn)) continue; // async-client-in-sync-handler reports it
    const why = lostCoroutine(call);
    if (!why) continue;
    const message = `Coroutine of ${describeCall(call)} ${why}.`;
    out.push(makeFinding(ctx, 'unawaited-llm-call', 'error', calleeRange(call), message, fn, [addAwaitFix(ctx, call)]));
  }
  return out;
}
