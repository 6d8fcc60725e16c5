// Quick fixes for Python findings, built as plain text edits: async client + await, offload with
// asyncio.to_thread, make a FastAPI handler `def`, add or remove `await`.

import type { Node } from '../parse/parser';
import type { LlmCall } from '../model/python/calls';
import { usesOfName } from '../model/python/calls';
import type { PyContext } from '../model/python/context';
import type { Handler } from '../model/python/handlers';
import type { Scope } from '../model/python/model';
import type { ClientValue } from '../model/python/values';
import { field, rangeOf } from '../model/python/syntax';
import { shortName } from '../catalog/python-sdks';
import type { Fix, Position, TextEdit } from '../types';
import { ensureModuleImport, swapFromImport } from './python-imports';

const start = (n: Node): Position => ({ line: n.startPosition.row, character: n.startPosition.column });
const end = (n: Node): Position => ({ line: n.endPosition.row, character: n.endPosition.column });

function insertAt(file: string, p: Position, text: string): TextEdit {
  return { file, range: { start: p, end: p }, newText: text };
}

/** `await ` in front of the call's value, with parentheses when an attribute or index follows. */
function awaitEdits(file: string, call: LlmCall): TextEdit[] {
  const v = call.usage.valueNode;
  if (call.usage.kind === 'attribute' || call.usage.kind === 'subscript') {
    if (v.type === 'parenthesized_expression') return [insertAt(file, { line: v.startPosition.row, character: v.startPosition.column + 1 }, 'await ')];
    return [insertAt(file, start(v), '(await '), insertAt(file, end(v), ')')];
  }
  return [insertAt(file, start(v), 'await ')];
}

/** Edits turning a `for` (or `with`) statement into its `async` form. */
function asyncKeyword(file: string, stmt: Node): TextEdit {
  return insertAt(file, start(stmt), 'async ');
}

function functionScope(scope: Scope): Scope | undefined {
  return scope.kind === 'function' ? scope : undefined;
}

/**
 * "Use `AsyncX` and await": switch the client's construction to the async twin and await every
 * call made through it in this file. When sync code uses the client too, an async twin client is
 * built beside it and only the calls inside `async def` move to it.
 */
export function asyncClientFix(ctx: PyContext, client: ClientValue): Fix | undefined {
  if (!client.ctor) return undefined;
  return ctx.memo(`async-client:${client.ctor.id}`, () => buildAsyncClientFix(ctx, client));
}

function buildAsyncClientFix(ctx: PyContext, client: ClientValue): Fix | undefined {
  const twin = client.hit.cls.asyncTwin;
  const ctor = client.ctor;
  if (!twin || !ctor) return undefined;
  const fnNode = field(ctor, 'function');
  if (!fnNode) return undefined;
  const twinShort = shortName(twin);
  const sameClient = ctx.callsThrough(ctor);
  const inAsync = sameClient.filter((c) => functionScope(c.scope)?.isAsync);
  const title = `Use \`${twinShort}\` and await`;
  if (inAsync.length === 0) return undefined;
  if (inAsync.length === sameClient.length) {
    // Every user is async: switch the construction in place.
    const edits: TextEdit[] = [];
    const withStmt = enclosingWith(ctor);
    if (withStmt) {
      // `with OpenAI() as c:` must become `async with AsyncOpenAI() as c:`.
      if (!withStmt.asyncOk) return undefined;
      if (!withStmt.isAsync) edits.push(asyncKeyword(ctx.file, withStmt.node));
    }
    const ref = twinReference(ctx, client, fnNode, true);
    if (!ref) return undefined;
    edits.push(...ref.edits, { file: ctx.file, range: rangeOf(fnNode), newText: ref.name });
    const awaits = awaitAll(ctx, inAsync);
    if (!awaits) return undefined;
    edits.push(...awaits);
    return { title, safety: 'unsafe', preferred: true, edits: dedupe(edits) };
  }
  // Sync code uses the client too: build an async twin beside it and move only the async users.
  const stmt = ctor.parent?.type === 'assignment' ? ctor.parent : undefined;
  const target = stmt ? field(stmt, 'left') : null;
  if (!stmt || !target || target.type !== 'identifier' || stmt.parent?.type !== 'expression_statement' || stmt.parent.parent?.type !== 'module') return undefined;
  const name = target.text;
  let newName = `async_${name}`;
  for (let i = 2; ctx.identifierUses(newName).length > 0; i++) newName = `async_${name}${i}`;
  const ref = twinReference(ctx, client, fnNode, false);
  if (!ref) return undefined;
  const edits: TextEdit[] = [...ref.edits];
  const args = field(ctor, 'arguments')?.text ?? '()';
  edits.push(insertAt(ctx.file, end(stmt.parent), `\n${newName} = ${ref.name}${args}`));
  for (const call of inAsync) {
    const base = receiverBase(call.node);
    if (!base || base.text !== name) return undefined;
    edits.push({ file: ctx.file, range: rangeOf(base), newText: newName });
  }
  const awaits = awaitAll(ctx, inAsync);
  if (!awaits) return undefined;
  edits.push(...awaits);
  return { title, safety: 'unsafe', preferred: true, edits: dedupe(edits) };
}

/** How to name the async twin class here: the import edits and the expression to call. */
function twinReference(ctx: PyContext, client: ClientValue, fnNode: Node, replaceOld: boolean): { name: string; edits: TextEdit[] } | undefined {
  const twin = client.hit.cls.asyncTwin!;
  if (fnNode.type === 'attribute') {
    const obj = field(fnNode, 'object');
    return obj ? { name: `${obj.text}.${shortName(twin)}`, edits: [] } : undefined;
  }
  if (fnNode.type !== 'identifier') return undefined;
  const local = fnNode.text;
  const otherUses = ctx.identifierUses(local).filter((n) => n.id !== fnNode.id);
  return swapFromImport(ctx.model, ctx.file, client.hit.cls.qname, local, twin, !replaceOld || otherUses.length > 0);
}

/** `await` for every call (async for / parentheses as needed); undefined when one cannot be converted. */
function awaitAll(ctx: PyContext, calls: LlmCall[]): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (const call of calls) {
    const fn = functionScope(call.scope)!;
    if (call.client && call.client.hit.sdk.asyncContextManagers.includes(lastSegment(call.calleeText))) return undefined;
    switch (call.usage.kind) {
      case 'awaited':
        break;
      case 'iterated':
        edits.push(asyncKeyword(ctx.file, call.usage.consumer!), ...awaitEdits(ctx.file, call));
        break;
      case 'context':
      case 'async-context':
      case 'async-iterated':
        return undefined;
      case 'assigned': {
        edits.push(...awaitEdits(ctx.file, call));
        for (const use of usesOfName(fn, call.usage.name!, call.usage.consumer!)) {
          if (use.kind === 'iterated') edits.push(asyncKeyword(ctx.file, use.consumer!));
          else if (use.kind === 'context') return undefined;
        }
        break;
      }
      default:
        edits.push(...awaitEdits(ctx.file, call));
    }
  }
  return edits;
}

/** The `with` statement whose item constructs the client, if any, and whether it may become `async with`. */
function enclosingWith(ctor: Node): { node: Node; isAsync: boolean; asyncOk: boolean } | undefined {
  let n: Node | null = ctor.parent;
  while (n && (n.type === 'as_pattern' || n.type === 'with_item' || n.type === 'with_clause' || n.type === 'parenthesized_expression')) {
    if (n.type === 'with_clause') {
      const stmt = n.parent;
      if (!stmt || stmt.type !== 'with_statement') return undefined;
      let fn: Node | null = stmt.parent;
      while (fn && fn.type !== 'function_definition' && fn.type !== 'lambda' && fn.type !== 'module') fn = fn.parent;
      const asyncOk = fn !== null && fn.type === 'function_definition' && fn.child(0)?.type === 'async';
      return { node: stmt, isAsync: stmt.child(0)?.type === 'async', asyncOk };
    }
    n = n.parent;
  }
  return undefined;
}

/** The leftmost identifier of a call's callee chain (`client` in `client.chat.completions.create`). */
function receiverBase(call: Node): Node | undefined {
  let n = field(call, 'function');
  while (n && n.type === 'attribute') n = field(n, 'object');
  return n && n.type === 'identifier' ? n : undefined;
}

/** True when the object of attribute `callee` is built by a call somewhere down its chain (`a.b(x).c`). */
function receiverHasCall(callee: Node): boolean {
  let n = field(callee, 'object');
  while (n) {
    if (n.type === 'call') return true;
    if (n.type === 'attribute') n = field(n, 'object');
    else if (n.type === 'subscript') n = field(n, 'value');
    else if (n.type === 'parenthesized_expression') n = n.namedChild(0);
    else return false;
  }
  return false;
}

/**
 * "Run in a thread with `asyncio.to_thread`" for a sync call inside an `async def`. Built from the call's
 * syntax nodes, not its text: `(` after the callee becomes `, ` and the call's own `)` closes
 * `to_thread(`, so comments, trailing commas and line breaks in the arguments stay where they were.
 */
export function toThreadFix(ctx: PyContext, call: LlmCall, opts: { wholeChain?: boolean } = {}): Fix | undefined {
  const fn = functionScope(call.scope);
  if (!fn || !fn.isAsync || call.streaming) return undefined;
  const callee = field(call.node, 'function');
  const args = field(call.node, 'arguments');
  if (!callee || !args || args.type !== 'argument_list') return undefined;
  const open = args.child(0);
  if (!open || open.type !== '(') return undefined;
  const kind = call.usage.kind;
  if (kind === 'iterated' || kind === 'async-iterated') return undefined;
  const asyncio = ensureModuleImport(ctx.model, ctx.file, 'asyncio');
  const first = args.child(1);
  // `f(a)` → `, a`; `f(\n    a)` → `,\n    a` (the break stays); `f()` → nothing between callee and `)`.
  const hasArgs = args.namedChildren.some((c) => c !== null && c.type !== 'comment');
  const sameLine = first !== null && first.startPosition.row === open.endPosition.row && first.type !== 'comment';
  const separator = hasArgs ? (sameLine ? ', ' : ',') : first?.type === 'comment' ? ' ' : '';
  const edits: TextEdit[] = [...asyncio.edits];
  // Blocking work at the end of a chain whose receiver is itself built by calls (`db.execute(q).all()`):
  // the receiver's calls would still run on the loop as arguments of `to_thread`, so the whole chain goes
  // to the thread in a lambda. (SDK calls keep the plain form: `client.with_options(...)` does no I/O.)
  const chained = !!opts.wholeChain && callee.type === 'attribute' && receiverHasCall(callee);
  const wrapped = (prefix: string, suffix: string): void => {
    if (chained) {
      edits.push(insertAt(ctx.file, start(call.node), `${prefix}${asyncio.name}.to_thread(lambda: `));
      edits.push(insertAt(ctx.file, end(call.node), `)${suffix}`));
      return;
    }
    edits.push(insertAt(ctx.file, start(call.node), `${prefix}${asyncio.name}.to_thread(`));
    edits.push({ file: ctx.file, range: { start: end(callee), end: end(open) }, newText: separator });
    if (suffix) edits.push(insertAt(ctx.file, end(call.node), suffix));
  };
  if (kind === 'awaited') wrapped('', '');
  else if ((kind === 'attribute' || kind === 'subscript') && call.usage.valueNode.type !== 'parenthesized_expression') wrapped('(await ', ')');
  else wrapped('await ', '');
  return { title: 'Run in a thread with `asyncio.to_thread`', safety: 'safe', preferred: false, edits };
}

/**
 * "Make the handler `def`" (FastAPI): the framework then runs it in its threadpool. Offered when
 * the body awaits nothing but synchronous LLM calls (whose `await` the fix removes).
 */
export function makeHandlerDefFix(ctx: PyContext, handler: Handler): Fix | undefined {
  const fn = handler.scope;
  if (handler.framework.id !== 'fastapi' || !fn.isAsync || fn.asyncConstructs.length > 0) return undefined;
  if (fn.hasYield) return undefined;
  const syncAwaits = new Set<number>();
  for (const c of ctx.callsIn(fn)) {
    if (!c.async && c.usage.kind === 'awaited') syncAwaits.add(c.usage.consumer!.id);
  }
  if (fn.awaits.some((a) => !syncAwaits.has(a.id))) return undefined;
  const asyncTok = fn.node.child(0);
  const defTok = fn.node.child(1);
  if (!asyncTok || asyncTok.type !== 'async' || !defTok) return undefined;
  const edits: TextEdit[] = [{ file: ctx.file, range: { start: start(asyncTok), end: start(defTok) }, newText: '' }];
  for (const a of fn.awaits) {
    const inner = a.namedChild(0);
    if (inner) edits.push({ file: ctx.file, range: { start: start(a), end: start(inner) }, newText: '' });
  }
  return { title: 'Make the handler `def` (FastAPI runs it in a threadpool)', safety: 'unsafe', preferred: false, edits };
}

/** "Add `await`" for a coroutine that is dropped or used directly inside an `async def`. */
export function addAwaitFix(ctx: PyContext, call: LlmCall): Fix | undefined {
  const fn = functionScope(call.scope);
  if (!fn || !fn.isAsync) return undefined;
  if (call.usage.kind === 'iterated') {
    return { title: 'Add `await` and iterate with `async for`', safety: 'safe', preferred: true, edits: [asyncKeyword(ctx.file, call.usage.consumer!), ...awaitEdits(ctx.file, call)] };
  }
  if (call.usage.kind === 'context' || call.usage.kind === 'async-context') return undefined;
  const edits = awaitEdits(ctx.file, call);
  if (call.usage.kind === 'assigned') {
    for (const use of usesOfName(fn, call.usage.name!, call.usage.consumer!)) {
      if (use.kind === 'iterated') edits.push(asyncKeyword(ctx.file, use.consumer!));
    }
  }
  return { title: 'Add `await`', safety: 'safe', preferred: true, edits };
}

/** "Remove `await`" in front of a synchronous call. */
export function removeAwaitFix(ctx: PyContext, call: LlmCall): Fix | undefined {
  const aw = call.usage.consumer;
  if (!aw || aw.type !== 'await') return undefined;
  const inner = aw.namedChild(0);
  if (!inner) return undefined;
  return { title: 'Remove `await`', safety: 'safe', preferred: false, edits: [{ file: ctx.file, range: { start: start(aw), end: start(inner) }, newText: '' }] };
}

/** "Make the handler `async def` and await" for an async client call in a plain `def` handler. */
export function makeAsyncAndAwaitFix(ctx: PyContext, call: LlmCall, handler: Handler): Fix | undefined {
  const fn = handler.scope;
  if (fn.isAsync || fn.kind !== 'function') return undefined;
  const defTok = fn.node.child(0);
  if (!defTok || defTok.type !== 'def') return undefined;
  if (['context', 'iterated', 'argument', 'returned', 'stored'].includes(call.usage.kind)) return undefined;
  const edits = [insertAt(ctx.file, start(defTok), 'async '), ...awaitEdits(ctx.file, call)];
  for (const other of ctx.callsIn(fn)) {
    if (other === call) continue;
    if (!other.async) return undefined; // a sync LLM call would then block the loop
  }
  return { title: 'Make the handler `async def` and await', safety: 'unsafe', preferred: true, edits };
}

function lastSegment(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}

function dedupe(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const key = `${e.range.start.line}:${e.range.start.character}:${e.range.end.line}:${e.range.end.character}:${e.newText}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
