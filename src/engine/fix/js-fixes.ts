// Quick fixes for JavaScript/TypeScript findings, as plain text edits: add `await` (making the
// function `async` when needed), add `.catch`, hand a promise to `ctx.waitUntil`, `Promise.all` for
// `forEach(async ...)`, timeout/retry options in each SDK's own shape, `fs.promises` for `*Sync`.

import type { Node } from '../parse/parser';
import type { JsContext } from '../model/js/context';
import type { JsCall, Usage } from '../model/js/calls';
import { usesOfName } from '../model/js/calls';
import type { JsScope } from '../model/js/model';
import { endOf, field, lookupPath, namedChildren, parentOf, rangeOf, startOf, unwrap, type Lookup as OptionPathLookup } from '../model/js/syntax';
import type { Fix, Position, TextEdit } from '../types';

function insertAt(file: string, p: Position, text: string): TextEdit {
  return { file, range: { start: p, end: p }, newText: text };
}

/** The function whose body holds `node` (module → undefined). */
export function enclosingFunction(ctx: JsContext, node: Node): JsScope | undefined {
  const s = ctx.evaluator.scopeAt(node);
  return s.kind === 'function' ? s : undefined;
}

/** Edit adding `async` to a function, or undefined when it cannot be async (getters, setters, constructors). */
export function makeAsyncEdit(file: string, fn: JsScope): TextEdit | undefined {
  const n = fn.node;
  if (fn.isAsync) return undefined;
  if (n.type === 'method_definition') {
    if (fn.name === 'constructor' || n.children.some((c) => c?.type === 'get' || c?.type === 'set')) return undefined;
    const name = field(n, 'name');
    if (!name) return undefined;
    const star = n.children.find((c) => c?.type === '*');
    return insertAt(file, startOf(star ?? name), 'async ');
  }
  return insertAt(file, startOf(n), 'async ');
}

/** `await` in front of a value, with parentheses when a member access or index follows. */
function awaitEditsFor(file: string, usage: Usage): TextEdit[] {
  const v = usage.valueNode;
  const mapped = v.type === 'call_expression' && /\.(?:map|flatMap)$/.test(field(v, 'function')?.text ?? '');
  if (usage.kind === 'attribute' || usage.kind === 'subscript') {
    if (v.type === 'parenthesized_expression') return [insertAt(file, { line: v.startPosition.row, character: v.startPosition.column + 1 }, 'await ')];
    return [insertAt(file, startOf(v), '(await '), insertAt(file, endOf(v), ')')];
  }
  if (mapped) return [insertAt(file, startOf(v), 'await Promise.all('), insertAt(file, endOf(v), ')')];
  if (usage.kind === 'iterated' && usage.consumer) {
    const forTok = usage.consumer.child(0);
    return forTok ? [insertAt(file, endOf(forTok), ' await'), insertAt(file, startOf(v), 'await ')] : [];
  }
  return [insertAt(file, startOf(v), 'await ')];
}

/**
 * "Add `await`": safe inside an `async` function. Elsewhere the function is made `async` too: safe for
 * a handler whose framework awaits it, unsafe otherwise (callers then get a promise).
 */
export function addAwaitFix(ctx: JsContext, call: JsCall, usage: Usage = call.usage): Fix | undefined {
  const fn = enclosingFunction(ctx, usage.valueNode);
  if (!fn) return undefined;
  if (['awaited', 'handled', 'waitUntil', 'argument', 'stored', 'yielded', 'other'].includes(usage.kind)) return undefined;
  let edits = awaitEditsFor(ctx.file, usage);
  if (edits.length === 0) return undefined;
  if (usage.kind === 'assigned' && usage.name) {
    const declScope = ctx.evaluator.scopeAt(usage.valueNode);
    for (const use of usesOfName(declScope, usage.name, usage.consumer ?? usage.valueNode)) {
      if (use.kind === 'iterated' && use.consumer?.child(0)) edits.push(insertAt(ctx.file, endOf(use.consumer.child(0)!), ' await'));
    }
  }
  if (fn.isAsync) return { title: 'Add `await`', safety: 'safe', preferred: true, edits };
  if (fn.isGenerator) return undefined;
  const asyncEdit = makeAsyncEdit(ctx.file, fn);
  if (!asyncEdit) return undefined;
  const handler = ctx.handlerOf(fn);
  edits = [asyncEdit, ...edits];
  const safe = handler !== undefined && handler.awaitsResult;
  return { title: `Add \`await\` and make ${fn.name === '<anonymous>' ? (handler ? 'the handler' : 'the function') : `\`${fn.name}\``} async`, safety: safe ? 'safe' : 'unsafe', preferred: true, edits };
}

/** The name of an Express `next` parameter visible from `fn`, for `.catch(next)`. */
function nextParam(ctx: JsContext, fn: JsScope | undefined): string | undefined {
  for (let s = fn; s && s.kind === 'function'; s = s.parent) {
    const h = ctx.handlerOf(s);
    if (h) return h.frameworkId === 'express' ? s.params.find((p) => p.index === 2 && p.name === 'next')?.name : undefined;
  }
  return undefined;
}

/** "Add `.catch(...)`" at the end of a dropped promise chain. */
export function addCatchFix(ctx: JsContext, usage: Usage, preferred: boolean): Fix | undefined {
  if (usage.kind !== 'dropped' && usage.kind !== 'then-dropped') return undefined;
  const fn = enclosingFunction(ctx, usage.valueNode);
  const next = nextParam(ctx, fn);
  const handlerText = next ?? '(err) => console.error(err)';
  return {
    title: `Add \`.catch(${next ?? '...'})\``,
    safety: 'safe',
    preferred,
    edits: [insertAt(ctx.file, endOf(usage.valueNode), `.catch(${handlerText})`)],
  };
}

/** Cloudflare Workers: keep the dropped promise alive after the response with `ctx.waitUntil(p.catch(...))`. */
export function waitUntilFix(ctx: JsContext, usage: Usage): Fix | undefined {
  if (usage.kind !== 'dropped' && usage.kind !== 'then-dropped') return undefined;
  let s: JsScope | undefined = enclosingFunction(ctx, usage.valueNode);
  for (; s && s.kind === 'function'; s = s.parent) {
    const h = ctx.handlerOf(s);
    if (!h) continue;
    if (!h.waitUntilParam) return undefined;
    const v = usage.valueNode;
    return {
      title: `Hand it to \`${h.waitUntilParam}.waitUntil\` (with \`.catch\`)`,
      safety: 'safe',
      preferred: true,
      edits: [insertAt(ctx.file, startOf(v), `${h.waitUntilParam}.waitUntil(`), insertAt(ctx.file, endOf(v), '.catch((err) => console.error(err)))')],
    };
  }
  return undefined;
}

/** `items.forEach(async (x) => ...)` → `await Promise.all(items.map(async (x) => ...))`. */
export function forEachFix(ctx: JsContext, call: Node): Fix | undefined {
  const callee = field(call, 'function');
  const prop = callee ? field(callee, 'property') : null;
  const fn = enclosingFunction(ctx, call);
  if (!callee || !prop || !fn || !fn.isAsync) return undefined;
  if (parentOf(call)?.type !== 'expression_statement') return undefined;
  return {
    title: 'Use `await Promise.all(items.map(...))`',
    safety: 'safe',
    preferred: true,
    edits: [insertAt(ctx.file, startOf(call), 'await Promise.all('), { file: ctx.file, range: rangeOf(prop), newText: 'map' }, insertAt(ctx.file, endOf(call), ')')],
  };
}

/**
 * Edits putting `text` (a `key: value` entry) into an object literal, or a new literal as the argument
 * at `index` when the call has exactly `index` arguments. Undefined when neither applies.
 */
export function addOptionEdits(file: string, call: Node, index: number, text: string): TextEdit[] | undefined {
  const argsNode = field(call, 'arguments');
  if (!argsNode) {
    // `new OpenAI` without parentheses.
    return index === 0 && call.type === 'new_expression' ? [insertAt(file, endOf(call), `({ ${text} })`)] : undefined;
  }
  const args = namedChildren(argsNode);
  if (args.length === index) {
    const closing = { line: argsNode.endPosition.row, character: argsNode.endPosition.column - 1 };
    const last = args[args.length - 1];
    if (!last) return [insertAt(file, closing, `{ ${text} }`)];
    return [insertAt(file, endOf(last), `, { ${text} }`)];
  }
  const arg = args[index];
  if (!arg) return undefined;
  return insertIntoObject(file, arg, text);
}

/** Edits adding a property to an object literal (`{}` → `{ x }`; multi-line literals keep their layout). */
export function insertIntoObject(file: string, objNode: Node, text: string): TextEdit[] | undefined {
  const obj = unwrap(objNode);
  if (obj.type !== 'object') return undefined;
  const props = namedChildren(obj);
  if (props.length === 0) return [{ file, range: rangeOf(obj), newText: `{ ${text} }` }];
  const last = props[props.length - 1];
  const after = last.nextSibling;
  const trailingComma = after?.type === ',';
  if (obj.startPosition.row === last.startPosition.row) {
    return [insertAt(file, endOf(trailingComma ? after! : last), `${trailingComma ? ' ' : ', '}${text}`)];
  }
  const indent = ' '.repeat(last.startPosition.column);
  if (trailingComma) return [insertAt(file, endOf(after!), `\n${indent}${text},`)];
  return [insertAt(file, endOf(last), `,\n${indent}${text}`)];
}

/** Edits setting a nested option (`['httpOptions', 'timeout']`) in an options literal, given the full text for the first key. */
export function setPathEdits(file: string, obj: Node, path: string[], leafValue: string, fullText: string): TextEdit[] | undefined {
  let current = obj;
  for (let i = 0; i < path.length; i++) {
    const r: OptionPathLookup = lookupPath(current, [path[i]]);
    if (r.kind === 'unknown') return undefined;
    if (r.kind === 'absent') return insertIntoObject(file, current, i === 0 ? fullText : nested(path.slice(i), leafValue));
    if (i === path.length - 1) return undefined; // already set
    current = r.node;
  }
  return undefined;
}

function nested(path: string[], leaf: string): string {
  return path.length === 1 ? `${path[0]}: ${leaf}` : `${path[0]}: { ${nested(path.slice(1), leaf)} }`;
}

/** Milliseconds as a JS literal: `24000` → `24_000`. */
export function msLiteral(ms: number): string {
  const digits = String(Math.round(ms));
  return digits.length > 4 ? digits.replace(/\B(?=(\d{3})+$)/g, '_') : digits;
}

/** A catalog option text, written for 30 s, for another number of seconds: `timeout: 30_000` → `timeout: 45_000`. */
export function withSeconds(text: string, seconds: number): string {
  return text.replace(/\b30_000\b|\b30\b/g, (m) => (m === '30' ? String(seconds) : msLiteral(seconds * 1000)));
}

/** "Use `fs.promises.readFile` and await" for `fs.readFileSync(...)` inside an `async` function. */
export function promisesVariantFix(ctx: JsContext, call: JsCall): Fix | undefined {
  const callee = unwrap(call.calleeNode);
  if (callee.type !== 'member_expression') return undefined;
  const obj = field(callee, 'object');
  const prop = field(callee, 'property');
  const fn = enclosingFunction(ctx, call.node);
  if (!obj || !prop || !fn || !fn.isAsync) return undefined;
  const name = prop.text;
  const base = name.replace(/Sync$/, '');
  const qname = call.blocking?.qname ?? '';
  const FS_TWINS = ['readFile', 'writeFile', 'appendFile', 'readdir', 'stat', 'lstat', 'mkdir', 'rm', 'rmdir', 'unlink', 'rename', 'copyFile', 'access', 'realpath', 'readlink', 'symlink', 'chmod', 'open', 'mkdtemp', 'cp', 'opendir', 'truncate'];
  let replacement: string | undefined;
  if (qname.startsWith('fs.') && FS_TWINS.includes(base) && obj.type === 'identifier') replacement = `${obj.text}.promises.${base}`;
  else if (qname.startsWith('fs-extra.') && obj.type === 'identifier') replacement = `${obj.text}.${base}`;
  if (!replacement) return undefined;
  const usage = call.usage;
  const edits: TextEdit[] = [{ file: ctx.file, range: rangeOf(callee), newText: replacement }];
  if (usage.kind === 'attribute' || usage.kind === 'subscript') edits.push(insertAt(ctx.file, startOf(call.node), '(await '), insertAt(ctx.file, endOf(call.node), ')'));
  else edits.push(insertAt(ctx.file, startOf(call.node), 'await '));
  return { title: `Use \`${replacement}\` and await`, safety: 'safe', preferred: true, edits };
}
