// LLM call sites of a Python file: which SDK operation each call is, sync or async, and where its
// result goes (awaited, dropped, assigned, iterated, ...).

import type { Node } from '../../parse/parser';
import { findModuleFunction, methodIsAsync, type PySdk } from '../../catalog/python-sdks';
import type { Scope } from './model';
import type { ClientValue, Evaluator, Value } from './values';
import { callArguments, field, hasAsyncKeyword, identifiersIn, unparen } from './syntax';
import { HTTP_CLIENTS, HTTP_FUNCTIONS, HTTP_METHODS, isLlmUrl } from '../../catalog/python-http';
import { profileOf } from '../../policy/python-policy';

export type UsageKind =
  | 'awaited'
  | 'dropped'
  | 'returned'
  | 'assigned'
  | 'attribute'
  | 'subscript'
  | 'argument'
  | 'iterated'
  | 'async-iterated'
  | 'context'
  | 'async-context'
  | 'yielded'
  | 'stored'
  | 'other';

export interface Usage {
  kind: UsageKind;
  /** The outermost node standing for the call's value (the call, or its parenthesized wrapper). */
  valueNode: Node;
  /** The node that consumes it: the `await`, the assignment, the `for`, the enclosing call, ... */
  consumer?: Node;
  /** For `assigned`: the local name. */
  name?: string;
}

export interface LlmCall {
  node: Node;
  scope: Scope;
  sdk: PySdk;
  async: boolean;
  /** False for async methods that return a stream manager or an async generator (never awaited). */
  awaitable: boolean;
  /** An async paginator (Stainless `list`): awaitable for the first page, and iterable with `async for`. */
  asyncIterable?: boolean;
  /** The callee as written, for messages: `client.chat.completions.create`. */
  calleeText: string;
  /** The client the call goes through, if it is a client method. */
  client?: ClientValue;
  usage: Usage;
  streaming: boolean;
  /** Raw HTTP through a client built in this file (`httpx.Client(...)`, `aiohttp.ClientSession(...)`): its constructor. */
  httpCtor?: Node;
  /** For a chain or agent (`LLMChain(llm=llm)`, `create_react_agent(llm, tools)`): the model it wraps, whose timeout it runs with. */
  model?: ClientValue;
  /** Network I/O that generates nothing (list or get models, upload files): blocking rules only. */
  management?: boolean;
  /**
   * A lazy SDK generator (catalog `lazyMethods`, `syncGenerators`, `lazyWhenStreaming`) that its scope does
   * not iterate, so the call itself sent nothing: `returned` when the scope returns it (whoever iterates the
   * result makes the request), `elsewhere` when it is handed on or kept. Unset for every other call.
   */
  lazy?: 'returned' | 'elsewhere';
}

const STREAMING_RESPONSE = 'with_streaming_response';

/**
 * A resource path without the SDK's response wrappers (`chat.completions.with_raw_response.create` is the
 * `chat.completions.create` request, returning the raw response): a wrapper is transparent before a method.
 */
function apiPath(sdk: PySdk, path: string[]): string[] {
  const wrappers = sdk.responseWrappers;
  if (!wrappers) return path;
  return path.filter((p, i) => i === path.length - 1 || !wrappers.includes(p));
}

export function classifyCall(call: Node, scope: Scope, evaluator: Evaluator): LlmCall | undefined {
  const fn = field(call, 'function');
  if (!fn) return undefined;
  const callee = evaluator.evaluate(fn, scope);
  if (!callee) return undefined;
  // Read only for LLM calls: the text of every call's arguments is not cheap.
  const streaming = (): boolean => {
    const kw = field(call, 'arguments');
    return kw ? /\bstream\s*=\s*True\b/.test(kw.text) : false;
  };
  if (callee.kind === 'resource') {
    const sdk = callee.client.hit.sdk;
    const method = callee.path[callee.path.length - 1];
    const path = apiPath(sdk, callee.path);
    if (sdk.clientReturning.includes(method)) return undefined;
    if (path.some((p) => sdk.nonApiMethods.includes(p))) return undefined;
    if (sdk.callMethods && !sdk.callMethods.includes(method)) return undefined;
    if (sdk.sessionPaths?.includes(path.join('.'))) return undefined;
    const isAsync = methodIsAsync(callee.client.hit, method);
    // `.with_streaming_response.create(...)` returns a context manager: `async with` enters it, nothing awaits the call.
    const asyncCm = isAsync && path.length < callee.path.length && callee.path.includes(STREAMING_RESPONSE);
    const awaitable = !(isAsync && (asyncCm || sdk.asyncContextManagers.includes(method) || sdk.asyncGenerators.includes(method)));
    const made: LlmCall = {
      node: call, scope, sdk, async: isAsync, awaitable, asyncIterable: isAsync && (sdk.asyncPaginators?.includes(method) ?? false), calleeText: fn.text.replace(/\s+/g, ''), client: callee.client,
      usage: usageOf(call), streaming: streaming() || method === 'stream',
    };
    if (!isAsync && (sdk.lazyMethods?.includes(method) || (sdk.lazyWhenStreaming && made.streaming))) withLazy(made);
    return withModel(made, evaluator);
  }
  if (callee.kind === 'client' && callee.hit.sdk.callable) {
    return withModel({
      node: call, scope, sdk: callee.hit.sdk, async: false, awaitable: true, calleeText: fn.text.replace(/\s+/g, ''), client: callee,
      usage: usageOf(call), streaming: streaming(),
    }, evaluator);
  }
  const http = rawHttpCall(call, callee, scope, evaluator);
  if (http) {
    return { node: call, scope, sdk: http.sdk, async: http.async, awaitable: true, calleeText: fn.text.replace(/\s+/g, ''), usage: usageOf(call), streaming: streaming(), httpCtor: http.ctor };
  }
  const moduleHit = callee.kind === 'sdkFunction' ? callee.hit : callee.kind === 'module' ? findModuleFunction(callee.qname) : undefined;
  if (moduleHit) {
    const qname = callee.kind === 'sdkFunction' || callee.kind === 'module' ? callee.qname : '';
    const management = moduleHit.sdk.management?.includes(qname);
    const generator = !!moduleHit.sdk.syncGenerators?.includes(qname);
    const made: LlmCall = {
      node: call, scope, sdk: moduleHit.sdk, async: moduleHit.async, awaitable: true, calleeText: fn.text.replace(/\s+/g, ''),
      // A generator's I/O happens as it is iterated: like a stream, moving the call alone to a thread moves nothing.
      usage: usageOf(call), streaming: streaming() || generator,
      ...(management ? { management } : {}),
    };
    if (!moduleHit.async && (generator || (moduleHit.sdk.lazyWhenStreaming && made.streaming))) withLazy(made);
    return made;
  }
  return undefined;
}

/**
 * Marks a lazy SDK generator that its own scope does not iterate (`LlmCall.lazy`). Iterated here (`for c in
 * gen(...)`, `list(gen(...))`, or a local name holding it iterated later in the scope), it is a plain call.
 */
function withLazy(call: LlmCall): void {
  let uses: Usage[] = [call.usage];
  if (call.usage.kind === 'assigned' && call.usage.name && call.usage.consumer) uses = usesOfName(call.scope, call.usage.name, call.usage.consumer);
  if (uses.some(iterates)) return;
  call.lazy = uses.some((u) => u.kind === 'returned') ? 'returned' : 'elsewhere';
}

/** Calls whose argument they iterate to the end (or at least to a first item). */
const ITERATING = /^(?:list|tuple|set|frozenset|sorted|dict|next|sum|min|max|any|all|enumerate|zip|map|filter|reversed)$/;
/** Methods iterating their argument: `"".join(gen())`, `out.extend(gen())`. */
const ITERATING_METHODS = /\.(?:join|extend|writelines|update)$/;

/**
 * True when the value of a call (or name) is iterated where it is used: `for`, a comprehension, `list(...)`,
 * `next(...)`, `yield from`, a membership test (`x in gen`).
 */
export function iterates(usage: Usage): boolean {
  if (usage.kind === 'iterated') {
    // The source of a generator expression is iterated only when the expression is: `"".join(c for c in g)`
    // is, `StreamingResponse(c for c in g)` hands it on.
    const genexp = usage.consumer?.type === 'for_in_clause' ? usage.consumer.parent : null;
    if (genexp?.type !== 'generator_expression') return true;
    const call = genexp.parent;
    if (call?.type === 'call' && field(call, 'arguments')?.id === genexp.id) return iteratingCall(call);
    return iterates(usageOf(genexp));
  }
  if (usage.kind === 'yielded') return /^yield\s+from\b/.test(usage.consumer?.text ?? '');
  if (usage.kind === 'other' && usage.consumer?.type === 'comparison_operator') {
    // The right operand of `in` / `not in`.
    const prev = usage.valueNode.previousSibling;
    return prev !== null && /\bin$/.test(prev.text);
  }
  if (usage.kind !== 'argument' || usage.consumer?.type !== 'call') return false;
  return iteratingCall(usage.consumer);
}

function iteratingCall(call: Node): boolean {
  const fn = field(call, 'function')?.text.replace(/\s+/g, '') ?? '';
  return ITERATING.test(fn) || ITERATING_METHODS.test(fn);
}

/** Functions that run a callable in a thread: which argument is the callable. */
const OFFLOADS: Record<string, number> = { to_thread: 0, run_in_threadpool: 0, run_sync: 0, submit: 0, run_in_executor: 1 };
/** Offloads that pass their keyword arguments on to the callable (`run_in_executor` and anyio's `run_sync` take none). */
const OFFLOADS_PASSING_KEYWORDS = new Set(['to_thread', 'run_in_threadpool', 'submit']);

/** When `call` runs a callable in a thread: that callable's argument node, and whether keywords reach it. */
export function offloadTarget(call: Node): { callable: Node; passesKeywords: boolean } | undefined {
  const fn = field(call, 'function');
  const name = fn?.type === 'attribute' ? field(fn, 'attribute')?.text : fn?.text;
  const at = name !== undefined ? OFFLOADS[name] : undefined;
  if (at === undefined) return undefined;
  const callable = callArguments(call).positional[at];
  return callable ? { callable: unparen(callable), passesKeywords: OFFLOADS_PASSING_KEYWORDS.has(name!) } : undefined;
}

/**
 * An SDK method handed to a thread instead of called: `asyncio.to_thread(client.chat.completions.create, ...)`,
 * `loop.run_in_executor(None, self.llm.invoke, prompt)`. The request runs (in the thread) with the client's
 * timeout and retries, so timeout rules judge it like a call; it never blocks the loop, so it is not one of
 * the file's calls. Only client methods count (their settings live on the client).
 */
export function offloadedClientCall(call: Node, scope: Scope, evaluator: Evaluator): LlmCall | undefined {
  const fn = field(call, 'function');
  const name = fn?.type === 'attribute' ? field(fn, 'attribute')?.text : fn?.text;
  const at = name !== undefined ? OFFLOADS[name] : undefined;
  if (at === undefined) return undefined;
  const ref = callArguments(call).positional[at];
  if (!ref || unparen(ref).type !== 'attribute') return undefined;
  const v = evaluator.evaluate(ref, scope);
  if (v?.kind !== 'resource') return undefined;
  const sdk = v.client.hit.sdk;
  const method = v.path[v.path.length - 1];
  if (sdk.clientReturning.includes(method) || apiPath(sdk, v.path).some((p) => sdk.nonApiMethods.includes(p))) return undefined;
  if (sdk.callMethods && !sdk.callMethods.includes(method)) return undefined;
  if (methodIsAsync(v.client.hit, method)) return undefined;
  return withModel({
    node: call, scope, sdk, async: false, awaitable: true, calleeText: unparen(ref).text.replace(/\s+/g, ''), client: v.client,
    usage: usageOf(call), streaming: /\bstream\s*=\s*True\b/.test(field(call, 'arguments')?.text ?? ''),
  }, evaluator);
}

/**
 * A call through a chain or agent whose constructor takes no timeout (`LLMChain(llm=llm)`,
 * `create_react_agent(llm, tools)`): the model among the constructor's arguments that does, built here or
 * in another module, as `model`.
 */
export function withModel(c: LlmCall, evaluator: Evaluator, depth = 0): LlmCall {
  const ctor = c.client?.ctor;
  if (!ctor || profileOf(c).ctorArg !== null) return c;
  const scope = evaluator.scopeOfNode(ctor);
  const { positional, keywords } = callArguments(ctor);
  const chains: ClientValue[] = [];
  for (const arg of [...keywords.values(), ...positional]) {
    const v = evaluator.evaluate(arg, scope);
    if (v?.kind !== 'client' || (v.ctor && v.ctor.id === ctor.id) || (!v.ctor && !v.origin)) continue;
    if (profileOf({ ...c, client: v, sdk: v.hit.sdk }).ctorArg) return { ...c, model: v };
    if (v.ctor) chains.push(v);
  }
  // A chain of chains (`MapReduceDocumentsChain(llm_chain=LLMChain(llm=llm), ...)`): the model of the first inner chain that has one.
  if (depth < 3) {
    for (const inner of chains) {
      const m = withModel({ ...c, client: inner, sdk: inner.hit.sdk }, evaluator, depth + 1).model;
      if (m) return { ...c, model: m };
    }
  }
  return c;
}

/** A raw HTTP request (requests, httpx, urllib, aiohttp) whose URL or base URL is an LLM API. */
function rawHttpCall(call: Node, callee: Value, scope: Scope, evaluator: Evaluator): { sdk: PySdk; async: boolean; ctor?: Node } | undefined {
  let hit: { sdk: PySdk; async: boolean; ctor?: Node } | undefined;
  let baseUrl: string | undefined;
  if (callee.kind === 'qname' || callee.kind === 'module') {
    const sdk = HTTP_FUNCTIONS[callee.qname];
    if (sdk) hit = { sdk, async: false };
  } else if (callee.kind === 'method' && HTTP_METHODS.has(callee.method)) {
    const client = HTTP_CLIENTS[callee.qname];
    if (client) {
      hit = { ...client, ctor: callee.ctor };
      const base = callee.ctor ? callArguments(callee.ctor).keywords.get('base_url') : undefined;
      baseUrl = base ? stringOf(base, scope, evaluator) : undefined;
    }
  }
  if (!hit) return undefined;
  const { positional, keywords } = callArguments(call);
  // `request(method, url)` takes the URL second.
  const isRequest = callee.kind === 'method' ? callee.method === 'request' : callee.kind === 'qname' || callee.kind === 'module' ? callee.qname.endsWith('.request') : false;
  const urlNode = keywords.get('url') ?? positional[isRequest ? 1 : 0];
  const url = urlNode ? stringOf(urlNode, scope, evaluator) : undefined;
  return isLlmUrl(url) || isLlmUrl(baseUrl) ? hit : undefined;
}

/** Source text standing for a string: literals and f-strings as written, names through their assignments. */
function stringOf(node: Node, scope: Scope, evaluator: Evaluator): string | undefined {
  if (node.type === 'string' || node.type === 'concatenated_string' || node.type === 'binary_operator') return node.text;
  if (node.type === 'call') {
    // `urljoin(BASE, "embeddings")`, `"{}/embeddings".format(base)`: the parts as one text.
    const fn = field(node, 'function');
    const name = fn?.type === 'attribute' ? field(fn, 'attribute')?.text : fn?.text;
    const obj = fn?.type === 'attribute' ? field(fn, 'object') : null;
    if (name === 'format' && obj) return stringOf(unparen(obj), scope, evaluator);
    if (name === 'urljoin') {
      // An unknown part stands as a placeholder, like an f-string's `{base}`.
      const texts = callArguments(node).positional.map((p) => (stringOf(unparen(p), scope, evaluator) ?? '{}').replace(/^[rbuf]*['"`]+|['"`]+$/gi, '').replace(/\/$/, ''));
      if (texts.length) return `'${texts.join('/')}'`;
    }
  }
  const v = evaluator.evaluate(node, scope);
  if (v?.kind === 'string') return v.text;
  // A request object built first: `urlopen(urllib.request.Request(URL, ...))`.
  if (v?.kind === 'instance' && /\.Request$/.test(v.qname) && v.ctor) {
    const { positional, keywords } = callArguments(v.ctor);
    const url = keywords.get('url') ?? positional[v.qname.startsWith('requests') ? 1 : 0];
    return url ? stringOf(url, scope, evaluator) : undefined;
  }
  return undefined;
}

export function usageOf(node: Node): Usage {
  let value = node;
  while (value.parent && value.parent.type === 'parenthesized_expression') value = value.parent;
  const p = value.parent;
  if (!p) return { kind: 'other', valueNode: value };
  switch (p.type) {
    case 'await':
      return { kind: 'awaited', valueNode: value, consumer: p };
    case 'expression_statement':
      return { kind: 'dropped', valueNode: value, consumer: p };
    case 'return_statement':
      return { kind: 'returned', valueNode: value, consumer: p };
    case 'lambda':
      return { kind: 'returned', valueNode: value, consumer: p };
    case 'assignment': {
      const right = field(p, 'right');
      const left = field(p, 'left');
      if (right && right.id === value.id && left) {
        if (left.type === 'identifier') return { kind: 'assigned', valueNode: value, consumer: p, name: left.text };
        return { kind: 'stored', valueNode: value, consumer: p };
      }
      return { kind: 'other', valueNode: value, consumer: p };
    }
    case 'named_expression': {
      const name = field(p, 'name');
      return { kind: 'assigned', valueNode: value, consumer: p, name: name?.text };
    }
    case 'attribute':
      return { kind: 'attribute', valueNode: value, consumer: p };
    case 'subscript':
      return field(p, 'value')?.id === value.id ? { kind: 'subscript', valueNode: value, consumer: p } : { kind: 'other', valueNode: value, consumer: p };
    case 'argument_list':
      return { kind: 'argument', valueNode: value, consumer: p.parent ?? p };
    case 'keyword_argument':
      return { kind: 'argument', valueNode: value, consumer: p.parent?.parent ?? p };
    case 'for_statement':
      if (field(p, 'right')?.id === value.id) return { kind: hasAsyncKeyword(p) ? 'async-iterated' : 'iterated', valueNode: value, consumer: p };
      return { kind: 'other', valueNode: value, consumer: p };
    case 'for_in_clause':
      return { kind: hasAsyncKeyword(p) ? 'async-iterated' : 'iterated', valueNode: value, consumer: p };
    case 'with_item':
    case 'as_pattern': {
      let w: Node | null = p;
      while (w && w.type !== 'with_statement') w = w.parent;
      if (w) return { kind: hasAsyncKeyword(w) ? 'async-context' : 'context', valueNode: value, consumer: w };
      return { kind: 'other', valueNode: value, consumer: p };
    }
    case 'yield':
      return { kind: 'yielded', valueNode: value, consumer: p };
    case 'list':
    case 'tuple':
    case 'set':
    case 'pair':
    case 'dictionary':
    case 'expression_list':
      return { kind: 'stored', valueNode: value, consumer: p };
    default:
      return { kind: 'other', valueNode: value, consumer: p };
  }
}

const SOURCE = new WeakMap<object, string>();

/** Uses of a local name inside a scope's own body, each with its usage (`await name`, `name.x`, ...). */
export function usesOfName(scope: Scope, name: string, exclude: Node): Usage[] {
  const out: Usage[] = [];
  const body = field(scope.node, 'body') ?? scope.node;
  const root = scope.node.tree.rootNode;
  let source = SOURCE.get(scope.node.tree);
  if (source === undefined) SOURCE.set(scope.node.tree, (source = root.text));
  for (const id of identifiersIn(root, source, name, body.startIndex, body.endIndex)) {
    if (id.id === exclude.id) continue;
    // Inside a nested function, lambda or class: a closure keeps the value alive.
    let nested = false;
    for (let p = id.parent; p && p.id !== body.id; p = p.parent) {
      if (p.type === 'function_definition' || p.type === 'lambda' || p.type === 'class_definition') {
        nested = true;
        break;
      }
    }
    if (nested) {
      out.push({ kind: 'stored', valueNode: id });
      continue;
    }
    const p = id.parent;
    const isTarget = p && (p.type === 'assignment' || p.type === 'augmented_assignment') && field(p, 'left')?.id === id.id;
    if (!isTarget) out.push(usageOf(id));
  }
  return out;
}
