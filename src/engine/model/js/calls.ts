// Call sites of a JavaScript/TypeScript file that matter: LLM calls (SDK methods, Vercel `ai`
// functions, raw fetch/axios to LLM APIs), blocking Node APIs, and calls of local functions; and where
// each promise goes (awaited, returned, `.catch`ed, handed to `Promise.all`/`waitUntil`, sent, dropped).

import type { Node } from '../../parse/parser';
import { canonQname, isMetaPath, type JsClassHit, type JsSdk } from '../../catalog/js-sdks';
import { BLOCKING_FUNCTIONS, BLOCKING_MODULES, LLM_COMMAND, SPEECH_COMMAND, projectBlockingFunction, type JsHttpLib } from '../../catalog/js-blocking';
import { isLlmUrl, isLocalLlmUrl } from '../../catalog/python-http';
import type { JsScope } from './model';
import type { ClientValue, Evaluator, Value } from './values';
import type { JsExternalFn } from './crossfile';
import { callArgs, field, namedChildren, outerValue, parentOf, stringish, unwrap } from './syntax';

export type UsageKind =
  | 'awaited'
  | 'returned'
  | 'returned-in-try'
  | 'handled'
  | 'waitUntil'
  | 'dropped'
  | 'then-dropped'
  | 'voided'
  | 'assigned'
  | 'destructured'
  | 'attribute'
  | 'subscript'
  | 'stringified'
  | 'sent'
  | 'iterated'
  | 'async-iterated'
  | 'argument'
  | 'stored'
  | 'yielded'
  | 'other';

export interface Usage {
  kind: UsageKind;
  /** The outermost expression carrying the promise (the call, or its `.then(...)`/`.finally(...)` chain). */
  valueNode: Node;
  /** The node consuming it: the `await`, statement, declarator, member access, sink call, loop... */
  consumer?: Node;
  /** For `assigned`: the variable. */
  name?: string;
  /** The promise went through `.then(onFulfilled)` without a rejection handler. */
  viaThen: boolean;
  /** For `sent`/`stringified`: the function it went to. */
  sink?: string;
}

export type CallKind = 'sdk' | 'http' | 'blocking' | 'helper';

export interface JsCall {
  kind: CallKind;
  node: Node;
  scope: JsScope;
  /** The callee as written: `client.chat.completions.create`. */
  calleeText: string;
  calleeNode: Node;
  usage: Usage;
  /** Returns a promise (false for `streamText`, anthropic `messages.stream`, `*Sync`). */
  promise: boolean;
  streaming: boolean;
  /** An API call that runs no model (listing models, file CRUD): not an LLM call for timeouts and retries. */
  meta?: boolean;
  sdk?: JsSdk;
  client?: ClientValue;
  /** Class/SDK hit for option lookup (client calls). */
  hit?: JsClassHit;
  /** `configIndex`: the argument holding this request's own options (`fetch(url, init)` → 1). */
  http?: { lib: JsHttpLib; config?: Node; method?: string; local?: boolean; configIndex: number };
  /** For blocking calls: `fs.readFileSync`, and what kind of work it is. */
  blocking?: { qname: string; what: string; llm: boolean };
  /** For helper calls: the local function called. */
  target?: JsScope;
  /** For helper calls: the function of another workspace file called (through an import). */
  external?: JsExternalFn;
}

const STREAM_ARG = /\bstream\s*:\s*true\b/;
/** ky and got return a promise with body helpers (`ky.post(...).json()` is itself a promise). */
const BODY_METHODS: ReadonlySet<string> = new Set(['json', 'text', 'blob', 'arrayBuffer', 'formData', 'buffer']);

export function classifyCall(node: Node, scope: JsScope, evaluator: Evaluator): JsCall | undefined {
  const fnNode = node.type === 'new_expression' ? null : field(node, 'function');
  if (!fnNode) return undefined;
  const callee = evaluator.evaluate(fnNode, scope);
  if (!callee) return undefined;
  const calleeText = fnNode.text.replace(/\s+/g, '');
  const base = { node, scope, calleeText, calleeNode: fnNode };
  const args = callArgs(node);
  const streamingArg = args.some((a) => STREAM_ARG.test(a.text));

  if (callee.kind === 'resource') {
    const { client, path } = callee;
    const method = path[path.length - 1];
    const cls = client.hit.cls;
    if (cls.clientReturning?.includes(method) || client.hit.sdk.nonApi.includes(method)) return undefined;
    if (cls.sessions?.[path.join('.')]) return undefined;
    if (cls.callMethods) {
      if (!cls.callMethods.includes(method) || path.length !== 1) return undefined;
    } else if (path.length < 2 && !client.hit.sdk.project) return undefined;
    // A team's synchronous client (project config): the call blocks the loop until the model answers.
    if (cls.blocking) return { ...base, kind: 'blocking', usage: usageOf(node), promise: false, streaming: false, sdk: client.hit.sdk, client, hit: client.hit, blocking: { qname: calleeText, what: 'LLM', llm: true } };
    const promise = !(cls.syncMethods?.includes(method) && path.length >= 2);
    return {
      ...base, kind: 'sdk', usage: usageOf(node), promise, streaming: streamingArg || /stream/i.test(method), sdk: client.hit.sdk, client, hit: client.hit,
      ...(isMetaPath(client.hit, path) ? { meta: true } : {}),
    };
  }
  if (callee.kind === 'sdkFunction') {
    return { ...base, kind: 'sdk', usage: usageOf(node), promise: callee.fn.promise, streaming: callee.fn.streaming, sdk: callee.sdk };
  }
  if (callee.kind === 'http') {
    const http = rawHttp(node, callee, scope, evaluator);
    if (http) return { ...base, kind: 'http', usage: usageOf(node, http.lib.id === 'ky' || http.lib.id === 'got' ? BODY_METHODS : undefined), promise: !http.lib.callback, streaming: streamingArg, http };
    return undefined;
  }
  if (callee.kind === 'qname') {
    const blocking = blockingOf(callee.qname, node, scope, evaluator);
    if (blocking) return { ...base, kind: 'blocking', usage: usageOf(node), promise: false, streaming: false, blocking };
    return undefined;
  }
  if (callee.kind === 'function') {
    return { ...base, kind: 'helper', usage: usageOf(node), promise: callee.scope.isAsync, streaming: false, target: callee.scope };
  }
  if (callee.kind === 'external') {
    return { ...base, kind: 'helper', usage: usageOf(node), promise: callee.fn.facts.async, streaming: false, external: callee.fn };
  }
  return undefined;
}

function blockingOf(qname: string, call: Node, scope: JsScope, evaluator: Evaluator): JsCall['blocking'] {
  const q = canonQname(qname);
  const dot = q.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const mod = q.slice(0, dot);
  const name = q.slice(dot + 1);
  const library = BLOCKING_FUNCTIONS[q];
  if (library) return { qname: q, what: library, llm: false };
  const declared = projectBlockingFunction(q);
  if (declared) return { qname: q, what: declared.what, llm: false };
  const entry = BLOCKING_MODULES[mod];
  if (!entry || !name.endsWith('Sync')) return undefined;
  if (entry.only && !entry.only.test(name)) return undefined;
  if (entry.except?.test(name)) return undefined;
  let llm = false;
  if (mod === 'child_process') {
    const parts = callArgs(call).slice(0, 2).map((a) => {
      const v = evaluator.evaluate(a, scope);
      return v?.kind === 'string' ? v.text : (stringish(a) ?? a.text);
    });
    const cmd = parts.join(' ');
    llm = LLM_COMMAND.test(cmd) || isLlmUrl(cmd);
    if (!llm && SPEECH_COMMAND.test(cmd)) return { qname: q, what: 'speech model', llm: true };
  }
  return { qname: q, what: entry.kind, llm };
}

/** A raw HTTP request whose URL (or the instance's base URL) is an LLM API. */
function rawHttp(call: Node, callee: Extract<Value, { kind: 'http' }>, scope: JsScope, evaluator: Evaluator): JsCall['http'] {
  const args = callArgs(call);
  const urlOf = (n: Node | undefined): string | undefined => {
    if (!n) return undefined;
    const v = evaluator.evaluate(n, scope);
    if (v?.kind === 'string') return v.text;
    if (v?.kind === 'object' || unwrap(n).type === 'object') {
      const obj = v?.kind === 'object' ? v.node : unwrap(n);
      for (const p of namedChildren(obj)) {
        if (p.type === 'pair' && ['url', 'uri', 'baseURL', 'prefixUrl'].includes(field(p, 'key')?.text ?? '')) return urlOf(field(p, 'value') ?? undefined);
      }
    }
    return stringish(n);
  };
  let url = urlOf(args[0]);
  if (callee.method === undefined && callee.lib.id === 'axios' && unwrap(args[0] ?? call).type === 'object') url = urlOf(args[0]);
  const base = callee.config ? urlOf(callee.config) : undefined;
  if (!isLlmUrl(url) && !isLlmUrl(base)) return undefined;
  // A path on an instance (`axios.create({ baseURL })`) goes to the base URL's host.
  const relative = url === undefined || /^[`'"]?\//.test(url);
  const local = isLocalLlmUrl(url) || (relative && isLocalLlmUrl(base));
  const first = args[0] ? evaluator.evaluate(args[0], scope) : undefined;
  const urlFirst = !!args[0] && first?.kind !== 'object' && unwrap(args[0]).type !== 'object';
  const configIndex = callee.lib.configArg(callee.method, urlFirst);
  return { lib: callee.lib, config: callee.config, method: callee.method, configIndex, ...(local ? { local } : {}) };
}

const SEND_SINKS = /^(?:res|response|reply|c|ctx|context)\.(?:json|send|end|write|jsonp|html|text|body)$|^(?:Response|NextResponse)\.json$|^JSON\.stringify$|^console\.\w+$|^(?:logger|log)\.\w+$|^String$/;
const WAIT_UNTIL = /(?:^|\.)(?:waitUntil|after)$/;
const PROMISE_COMBINATORS = /^Promise\.(?:all|allSettled|race|any)$/;

/** Where the value of `node` (a call) goes, following `.then`/`.finally` chains and `Promise.all`. */
export function usageOf(node: Node, promiseMethods?: ReadonlySet<string>): Usage {
  let v = outerValue(node);
  let viaThen = false;
  for (let guard = 0; guard < 50; guard++) {
    const p = parentOf(v);
    if (!p) return { kind: 'other', valueNode: v, viaThen };
    switch (p.type) {
      case 'await_expression':
        return { kind: 'awaited', valueNode: v, consumer: p, viaThen };
      case 'expression_statement':
        return { kind: viaThen ? 'then-dropped' : 'dropped', valueNode: v, consumer: p, viaThen };
      case 'return_statement':
        return { kind: insideTryWithCatch(p) ? 'returned-in-try' : 'returned', valueNode: v, consumer: p, viaThen };
      case 'arrow_function': {
        if (field(p, 'body')?.id !== v.id) return { kind: 'other', valueNode: v, consumer: p, viaThen };
        // `items.map((x) => client.create(x))`: the promises flow into the array `map` returns.
        const mapCall = callbackOf(p, /^(?:map|flatMap)$/);
        if (mapCall) {
          v = outerValue(mapCall);
          continue;
        }
        return { kind: 'returned', valueNode: v, consumer: p, viaThen };
      }
      case 'variable_declarator': {
        if (field(p, 'value')?.id !== v.id) return { kind: 'other', valueNode: v, consumer: p, viaThen };
        const name = field(p, 'name');
        if (name?.type === 'identifier') return { kind: 'assigned', valueNode: v, consumer: p, name: name.text, viaThen };
        return { kind: 'destructured', valueNode: v, consumer: p, viaThen };
      }
      case 'assignment_expression': {
        if (field(p, 'right')?.id !== v.id) return { kind: 'other', valueNode: v, consumer: p, viaThen };
        const left = field(p, 'left');
        if (left && unwrap(left).type === 'identifier') return { kind: 'assigned', valueNode: v, consumer: p, name: unwrap(left).text, viaThen };
        if (left && (left.type === 'object_pattern' || left.type === 'array_pattern')) return { kind: 'destructured', valueNode: v, consumer: p, viaThen };
        // Koa: `ctx.body = promise` sends the serialized Promise.
        if (left && /^(?:ctx|context|this)\.body$/.test(left.text)) return { kind: 'sent', valueNode: v, consumer: p, viaThen, sink: left.text };
        return { kind: 'stored', valueNode: v, consumer: p, viaThen };
      }
      case 'member_expression': {
        if (field(p, 'object')?.id !== v.id) return { kind: 'other', valueNode: v, consumer: p, viaThen };
        const prop = field(p, 'property')?.text ?? '';
        const pp = parentOf(p);
        const call = pp?.type === 'call_expression' && field(pp, 'function')?.id === p.id ? pp : undefined;
        if (call && prop === 'then') {
          if (callArgs(call).length >= 2) return { kind: 'handled', valueNode: outerValue(call), consumer: call, viaThen };
          viaThen = true;
          v = outerValue(call);
          continue;
        }
        if (call && prop === 'catch') return { kind: 'handled', valueNode: outerValue(call), consumer: call, viaThen };
        if (call && (prop === 'finally' || prop === 'withResponse' || prop === 'asResponse' || promiseMethods?.has(prop))) {
          v = outerValue(call);
          continue;
        }
        return { kind: 'attribute', valueNode: v, consumer: p, viaThen };
      }
      case 'subscript_expression':
        return { kind: field(p, 'object')?.id === v.id ? 'subscript' : 'other', valueNode: v, consumer: p, viaThen };
      case 'template_substitution':
        return { kind: 'stringified', valueNode: v, consumer: p, viaThen, sink: 'a template string' };
      case 'binary_expression': {
        const op = field(p, 'operator')?.text;
        if (op === '+') return { kind: 'stringified', valueNode: v, consumer: p, viaThen, sink: '`+`' };
        if (op === '??' || op === '||' || op === '&&') {
          v = outerValue(p);
          continue;
        }
        return { kind: 'other', valueNode: v, consumer: p, viaThen };
      }
      case 'ternary_expression':
        if (field(p, 'condition')?.id === v.id) return { kind: 'other', valueNode: v, consumer: p, viaThen };
        v = outerValue(p);
        continue;
      case 'arguments': {
        const call = parentOf(p);
        if (!call) return { kind: 'other', valueNode: v, viaThen };
        const callee = (field(call, 'function') ?? field(call, 'constructor'))?.text.replace(/\s+/g, '') ?? '';
        if (call.type === 'call_expression' && PROMISE_COMBINATORS.test(callee)) {
          v = outerValue(call);
          continue;
        }
        if (WAIT_UNTIL.test(callee)) return { kind: 'waitUntil', valueNode: v, consumer: call, viaThen };
        if (SEND_SINKS.test(callee) || (call.type === 'new_expression' && /^(?:Response|NextResponse)$/.test(callee))) {
          return { kind: 'sent', valueNode: v, consumer: call, viaThen, sink: call.type === 'new_expression' ? `new ${callee}` : callee };
        }
        return { kind: 'argument', valueNode: v, consumer: call, viaThen };
      }
      case 'array': {
        // `Promise.all([a(), b()])`: the array feeds the combinator.
        const args = parentOf(p);
        const call = args?.type === 'arguments' ? parentOf(args) : undefined;
        const callee = call ? (field(call, 'function')?.text.replace(/\s+/g, '') ?? '') : '';
        if (call && PROMISE_COMBINATORS.test(callee)) {
          v = outerValue(call);
          continue;
        }
        return { kind: 'stored', valueNode: v, consumer: p, viaThen };
      }
      case 'spread_element':
        v = p;
        continue;
      case 'pair': {
        const obj = parentOf(p);
        const sink = obj ? sinkOfObject(obj) : undefined;
        if (sink) return { kind: 'sent', valueNode: v, consumer: p, viaThen, sink };
        return { kind: 'stored', valueNode: v, consumer: obj ?? p, viaThen };
      }
      case 'for_in_statement':
        if (field(p, 'right')?.id !== v.id) return { kind: 'other', valueNode: v, consumer: p, viaThen };
        return { kind: p.children.some((c) => c?.type === 'await') ? 'async-iterated' : 'iterated', valueNode: v, consumer: p, viaThen };
      case 'yield_expression':
        return { kind: 'yielded', valueNode: v, consumer: p, viaThen };
      case 'unary_expression':
        if (p.child(0)?.type === 'void') return { kind: 'voided', valueNode: v, consumer: p, viaThen };
        return { kind: 'other', valueNode: v, consumer: p, viaThen };
      case 'sequence_expression':
        return { kind: 'other', valueNode: v, consumer: p, viaThen };
      default:
        return { kind: 'other', valueNode: v, consumer: p, viaThen };
    }
  }
  return { kind: 'other', valueNode: v, viaThen };
}

/** The call `x.map(fn)` when `fn` (an arrow or function) is its callback. */
export function callbackOf(fn: Node, method: RegExp): Node | undefined {
  const f = outerValue(fn);
  const args = parentOf(f);
  if (args?.type !== 'arguments') return undefined;
  const call = parentOf(args);
  if (call?.type !== 'call_expression') return undefined;
  const callee = field(call, 'function');
  if (callee?.type !== 'member_expression') return undefined;
  return method.test(field(callee, 'property')?.text ?? '') ? call : undefined;
}

/** `res.json({ answer: p })`, `ctx.body = { answer: p }`: the object literal is serialized by a sink. */
function sinkOfObject(obj: Node): string | undefined {
  const o = outerValue(obj);
  const args = parentOf(o);
  if (args?.type === 'assignment_expression' && field(args, 'right')?.id === o.id) {
    const left = field(args, 'left')?.text ?? '';
    return /^(?:ctx|context|this)\.body$/.test(left) ? left : undefined;
  }
  if (args?.type !== 'arguments') return undefined;
  const call = parentOf(args);
  if (!call) return undefined;
  const callee = (field(call, 'function') ?? field(call, 'constructor'))?.text.replace(/\s+/g, '') ?? '';
  return SEND_SINKS.test(callee) ? callee : undefined;
}

/** A `return` inside the `try` block of a `try` that has a `catch`, within the same function. */
function insideTryWithCatch(ret: Node): boolean {
  let child = ret;
  for (let p = parentOf(ret); p; child = p, p = parentOf(p)) {
    if (p.type === 'arrow_function' || p.type === 'function_declaration' || p.type === 'function_expression' || p.type === 'method_definition' || p.type === 'function') return false;
    if (p.type === 'try_statement' && field(p, 'body')?.id === child.id && field(p, 'handler')) return true;
  }
  return false;
}

/** Identifier nodes named `name` inside `[start, end)`: found by text search, then located. */
export function identifiersIn(root: Node, source: string, name: string, start: number, end: number): Node[] {
  const out: Node[] = [];
  const re = new RegExp(`(?<![\\w$])${name.replace(/[$]/g, '\\$')}(?![\\w$])`, 'g');
  re.lastIndex = start;
  for (let m = re.exec(source); m && m.index < end; m = re.exec(source)) {
    const n = root.descendantForIndex(m.index, m.index + name.length);
    if (n && (n.type === 'identifier' || n.type === 'shorthand_property_identifier') && n.startIndex === m.index) out.push(n);
  }
  return out;
}

const SOURCE = new WeakMap<object, string>();

/** Uses of a local variable in the body of the function (or module) that declares it, with their usage. */
export function usesOfName(scope: JsScope, name: string, exclude: Node): Usage[] {
  const body = field(scope.node, 'body') ?? scope.node;
  const root = scope.node.tree.rootNode;
  let source = SOURCE.get(scope.node.tree);
  if (source === undefined) SOURCE.set(scope.node.tree, (source = root.text));
  const out: Usage[] = [];
  for (const id of identifiersIn(root, source, name, body.startIndex, body.endIndex)) {
    if (id.startIndex >= exclude.startIndex && id.endIndex <= exclude.endIndex) continue;
    const p = parentOf(id);
    // Reassignment targets and declarations are not uses.
    if (p && (p.type === 'assignment_expression' || p.type === 'augmented_assignment_expression') && field(p, 'left')?.id === id.id) continue;
    if (p && p.type === 'variable_declarator' && field(p, 'name')?.id === id.id) continue;
    if (id.type === 'shorthand_property_identifier') {
      const obj = p;
      const sink = obj ? sinkOfObject(obj) : undefined;
      out.push(sink ? { kind: 'sent', valueNode: id, consumer: obj ?? undefined, viaThen: false, sink } : { kind: 'stored', valueNode: id, consumer: obj ?? undefined, viaThen: false });
      continue;
    }
    if (p && p.type === 'member_expression' && field(p, 'property')?.id === id.id) continue;
    out.push(usageOf(id));
  }
  return out;
}
