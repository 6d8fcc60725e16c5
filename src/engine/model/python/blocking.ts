// Blocking work other than LLM calls, found in a Python file: which calls sleep, wait on a child
// process, or do network, database or file I/O synchronously (the catalog, followed through chains).

import type { Node } from '../../parse/parser';
import { usageOf, usesOfName } from './calls';
import type { PyModel, Scope } from './model';
import { callArguments, field, unparen } from './syntax';
import type { Evaluator } from './values';
import {
  ASYNC_TWIN_CTORS, BLOCKING_CALL_NAMES, BLOCKING_CLIENT_BY_CTOR, BLOCKING_FUNCTIONS, BLOCKING_METHODS, CELERY_ENTRY, CELERY_PUBLISH, READS_PATH_OR_FILE, VECTOR_SEARCH_METHODS,
  WILDCARD_TOPS, WILDCARD_NAMES, DATA_RESULT_ROWS, blockingClientOf, blockingFunctionLike, rowHasMethod, vectorSearchEntry, type BlockingEntry,
} from '../../catalog/python-blocking';

/** What the detection reads about the file. */
export interface BlockingCtx {
  model: PyModel;
  evaluator: Evaluator;
}

export function blockingEntry(ctx: BlockingCtx, call: Node, scope: Scope): { entry: BlockingEntry; name: string } | undefined {
  const callee = field(call, 'function');
  if (!callee) return undefined;
  if (callee.type === 'identifier' && callee.text === 'open' && !ctx.model.imports.has('open') && !isBound(scope, 'open')) {
    return { entry: BLOCKING_FUNCTIONS.open, name: 'open' };
  }
  const v = ctx.evaluator.evaluate(callee, scope);
  if (!v) return clientChainEntry(ctx, callee, scope) ?? celeryPublish(ctx, callee, scope) ?? vectorSearchByName(ctx, callee, scope);
  if ((v.kind === 'qname' || v.kind === 'module') && v.qname !== 'open') {
    const entry = BLOCKING_FUNCTIONS[v.qname] ?? blockingFunctionLike(v.qname);
    if (entry && READS_PATH_OR_FILE.has(v.qname) && inMemoryBuffer(call)) return undefined;
    if (entry) return { entry, name: v.qname };
  }
  if (v.kind === 'method') {
    const m = BLOCKING_METHODS[v.qname];
    if (m && m.methods.includes(v.method)) return { entry: m.entry, name: callee.text.replace(/\s+/g, '') };
  }
  return clientChainEntry(ctx, callee, scope) ?? celeryPublish(ctx, callee, scope) ?? vectorSearchByName(ctx, callee, scope);
}

/**
 * `handle.status` / `handle.state` of a Celery `AsyncResult`: a property that reads the task's state from the
 * result backend (while the task is pending, every read). After a `handle.ready()` call earlier in the
 * function the usual code reads it once the task is done (`if handle.ready(): ... handle.state`), when the
 * handle caches it: not reported then.
 */
export function celeryStateReads(ctx: BlockingCtx, fn: Scope): { node: Node; entry: BlockingEntry; name: string }[] {
  const out: { node: Node; entry: BlockingEntry; name: string }[] = [];
  const body = field(fn.node, 'body');
  if (!body) return out;
  const readyAt = new Map<string, number>();
  for (const call of fn.calls) {
    const callee = field(call, 'function');
    if (callee?.type === 'attribute' && field(callee, 'attribute')?.text === 'ready') {
      const key = field(callee, 'object')?.text ?? '';
      readyAt.set(key, Math.min(readyAt.get(key) ?? Infinity, call.startIndex));
    }
  }
  const visit = (n: Node): void => {
    if (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'class_definition') return;
    if (n.type === 'attribute') {
      const attr = field(n, 'attribute')?.text;
      const obj = field(n, 'object');
      const called = n.parent?.type === 'call' && field(n.parent, 'function')?.id === n.id;
      const assigned = n.parent?.type === 'assignment' && field(n.parent, 'left')?.id === n.id;
      if ((attr === 'status' || attr === 'state') && obj && !called && !assigned && !((readyAt.get(obj.text) ?? Infinity) < n.startIndex)) {
        const through: string[] = [];
        const root = rootCtor(ctx, obj, fn, 0, through);
        const row = root ? blockingClientOf(root) : undefined;
        if (row?.dataAttributes?.includes(attr) && through.length === 0) out.push({ node: n, entry: row.entry, name: n.text.replace(/\s+/g, '') });
      }
    }
    for (let i = 0; i < n.namedChildCount; i++) {
      const c = n.namedChild(i);
      if (c) visit(c);
    }
  };
  visit(body);
  return out;
}

/** `ET.parse(io.BytesIO(data))`, `ET.parse(StringIO(text))`: the first argument is a buffer in memory, not a file. */
function inMemoryBuffer(call: Node): boolean {
  const args = callArguments(call);
  const arg = args.positional[0] ?? args.keywords.get('source');
  if (!arg || unparen(arg).type !== 'call') return false;
  return /(?:^|\.)(?:BytesIO|StringIO)$/.test(field(unparen(arg), 'function')?.text ?? '');
}

/** Decorators that make a function a Celery task: `@shared_task`, `@app.task`, `@celery.task(bind=True)`. */
const CELERY_TASK_DECORATOR = /^@\s*(?:[\w.]*\.)?(?:shared_task|task)\b/;
/** Packages whose `.apply_async`/`.delay` are not Celery's (a process pool's `apply_async` returns at once). */
const NOT_CELERY = new Set(['multiprocessing', 'concurrent', 'asyncio', 'threading']);

/**
 * `task.delay(...)` / `task.apply_async(...)`: publishing a Celery task sends it to the broker (kombu)
 * before returning. The task is a function of this file decorated as a task, or a name imported from
 * another module (`from app.tasks import send_report`, `tasks.send_report`): `.delay` on anything else is
 * not Celery's.
 */
function celeryPublish(ctx: BlockingCtx, callee: Node, scope: Scope): { entry: BlockingEntry; name: string } | undefined {
  if (callee.type !== 'attribute') return undefined;
  const method = field(callee, 'attribute')?.text;
  const object = field(callee, 'object');
  if (!method || !object || !CELERY_PUBLISH.has(method)) return undefined;
  const name = `${object.text.replace(/\s+/g, '')}.${method}`;
  const o = unparen(object);
  if (o.type === 'identifier') {
    const v = ctx.evaluator.evaluate(o, scope);
    if (v?.kind === 'function') return v.scope.decorators.some((d) => CELERY_TASK_DECORATOR.test(d.text)) ? { entry: CELERY_ENTRY, name } : undefined;
    const q = ctx.model.imports.get(o.text);
    if (!q || ctx.model.moduleImports.has(o.text) || isBound(scope, o.text) || NOT_CELERY.has(q.replace(/^\.+/, '').split('.')[0])) return undefined;
    // An imported class or module-level value is not a task (tasks are functions: lowercase names).
    return /^[a-z_][a-z0-9_]*$/.test(q.split('.').pop() ?? '') ? { entry: CELERY_ENTRY, name } : undefined;
  }
  if (o.type === 'attribute') {
    const head = field(o, 'object');
    // `tasks.send_digest.delay(...)` through `import app.tasks as tasks` or `from app import tasks`.
    if (head?.type === 'identifier' && ctx.model.imports.has(head.text) && !isBound(scope, head.text)) {
      const q = ctx.model.imports.get(head.text) ?? head.text;
      if (!NOT_CELERY.has(q.split('.')[0]) && /^[a-z_][a-z0-9_]*$/.test(field(o, 'attribute')?.text ?? '')) return { entry: CELERY_ENTRY, name };
    }
  }
  return undefined;
}

/**
 * `store.similarity_search(...)` (and the other search methods only LangChain's vector stores have) on a
 * store whose value is not known here (built in another module, handed over as a parameter): not awaited,
 * so it is the sync method. A class of this file (or an LLM client) is its own.
 */
function vectorSearchByName(ctx: BlockingCtx, callee: Node, scope: Scope): { entry: BlockingEntry; name: string } | undefined {
  if (callee.type !== 'attribute') return undefined;
  const method = field(callee, 'attribute')?.text;
  const object = field(callee, 'object');
  if (!method || !object || !VECTOR_SEARCH_METHODS.has(method)) return undefined;
  const call = callee.parent;
  if (!call || usageOf(call).kind === 'awaited') return undefined;
  const v = ctx.evaluator.evaluate(object, scope);
  if (v && (v.kind === 'localInstance' || v.kind === 'client' || v.kind === 'localClass' || v.kind === 'function')) return undefined;
  const text = callee.text.replace(/\s+/g, '');
  return { entry: vectorSearchEntry(), name: text.includes('(') ? `….${method}` : text };
}

/**
 * The catalog client a module-level value is (`qdrant = QdrantClient(...)`, `index = pc.Index("faq")`):
 * its constructor's qualified name, for other modules importing the name. Not a request's result.
 */
export function blockingClientValue(ctx: BlockingCtx, value: Node): string | undefined {
  const through: string[] = [];
  const root = rootCtor(ctx, value, ctx.model.module, 0, through);
  const row = root ? blockingClientOf(root) : undefined;
  if (!row || through.some((m) => !m.startsWith('.') && (row.methods === '*' || rowHasMethod(row, m)) && !row.handles?.includes(m))) return undefined;
  return root;
}

/** `sb.table("t").select("*").execute()`: the I/O method at the end of a chain from a catalog client. */
function clientChainEntry(ctx: BlockingCtx, callee: Node, scope: Scope): { entry: BlockingEntry; name: string } | undefined {
  if (callee.type !== 'attribute') return undefined;
  const method = field(callee, 'attribute')?.text;
  const object = field(callee, 'object');
  if (!method || !object) return undefined;
  const through: string[] = [];
  const root = rootCtor(ctx, object, scope, 0, through);
  const row = root ? blockingClientOf(root) : undefined;
  if (!row || !rowHasMethod(row, method)) return undefined;
  const call = callee.parent;
  // `handle.result.get("usage")`: a method of the data a property of the client holds.
  if (row.dataAttributes && through.some((m) => m.startsWith('.') && row.dataAttributes!.includes(m.slice(1)))) return undefined;
  if (DATA_RESULT_ROWS.has(row)) {
    // The result of a request is data (`results.get("documents")`, `r.json()`): a method called on it is
    // not the client's. A handle (`client.get_collection(name)`) is the client's still.
    if (through.some((m) => !m.startsWith('.') && (row.methods === '*' || rowHasMethod(row, m)) && !row.handles?.includes(m))) return undefined;
  }
  // One finding per chain: `db.execute(q).all()`, `client.get_collection(n).query(...)` are reported at
  // their last I/O method only.
  const outer = call?.parent?.type === 'attribute' ? call.parent : undefined;
  if (outer && field(outer, 'object')?.id === call!.id && outer.parent?.type === 'call' && rowHasMethod(row, field(outer, 'attribute')?.text ?? '')) {
    if (!DATA_RESULT_ROWS.has(row) || row.handles?.includes(method)) return undefined;
  }
  const text = callee.text.replace(/\s+/g, '');
  const head = /^[\w.]*/.exec(text)![0].replace(/\.$/, '');
  return { entry: row.entry, name: text.includes('(') || text.includes('[') ? `${head || '…'}.….${method}` : text };
}

/**
 * The qualified name of what a receiver chain starts from: walks attributes, subscripts, calls and
 * local names (their assignments, `with ... as` targets, `self.x` set in the class) back to a value
 * the evaluator knows (an instance of `qname`, or a parameter annotated with a class).
 */
function rootCtor(ctx: BlockingCtx, node: Node, scope: Scope, depth: number, through: string[]): string | undefined {
  if (depth > 12) return undefined;
  const n = unparen(node);
  const v = ctx.evaluator.evaluate(n, scope);
  if (v) {
    if (v.kind === 'instance') return v.qname;
    if (v.kind === 'method') {
      if (ASYNC_TWIN_CTORS.has(`${v.qname}.${v.method}`)) return undefined; // `pc.IndexAsyncio(host=...)`
      // A property read (`handle.result`), marked apart from the methods called along the chain.
      if (!(n.parent?.type === 'call' && field(n.parent, 'function')?.id === n.id)) through.push(`.${v.method}`);
      const ctor = `${v.qname}.${v.method}`;
      if (!BLOCKING_CLIENT_BY_CTOR.has(ctor)) return v.qname;
      // `session.client("sts")` builds the client: its method is not one of the client's requests.
      if (through[through.length - 1] === v.method) through.pop();
      return ctor;
    }
    // A factory of this file (`supabase_client = connect_to_supabase()`): what it returns.
    if (v.kind === 'function' && n.parent?.type === 'call' && field(n.parent, 'function')?.id === n.id && !v.scope.isAsync && !v.scope.hasYield) {
      for (const r of v.scope.returns) {
        const root = rootCtor(ctx, r, v.scope, depth + 1, through);
        if (root) return root;
      }
      return undefined;
    }
    if (v.kind !== 'qname' && v.kind !== 'module') return undefined; // an LLM client, a local class, a string...
    if (n.type === 'identifier' || n.type === 'attribute') {
      // A class or function named directly (`Session`, `redis.Redis`): the chain's start when called.
      return n.parent?.type === 'call' && field(n.parent, 'function')?.id === n.id ? v.qname : undefined;
    }
  }
  switch (n.type) {
    case 'call': {
      const fn = field(n, 'function');
      if (fn?.type === 'attribute') through.push(field(fn, 'attribute')?.text ?? '');
      return fn ? rootCtor(ctx, fn, scope, depth + 1, through) : undefined;
    }
    case 'binary_operator': {
      // `ROOT / "name.txt"`: a path joined to another is still a path.
      if (n.child(1)?.type !== '/') return undefined;
      for (const side of [field(n, 'left'), field(n, 'right')]) {
        const r = side ? rootCtor(ctx, side, scope, depth + 1, through) : undefined;
        if (r) return r;
      }
      return undefined;
    }
        case 'subscript': {
      const value = field(n, 'value');
      return value ? rootCtor(ctx, value, scope, depth + 1, through) : undefined;
    }
    case 'attribute': {
      const obj = field(n, 'object');
      const attr = field(n, 'attribute')?.text;
      if (!obj || !attr) return undefined;
      // `self.collection` set in `__init__` (or elsewhere in the class).
      const method = methodOf(scope);
      if (obj.type === 'identifier' && method?.classScope && method.params[0]?.name === obj.text) {
        for (const value of method.classScope.attributes.get(attr) ?? []) {
          const r = rootCtor(ctx, value, scopeOfNode(ctx, value), depth + 1, through);
          if (r) return r;
        }
        return undefined;
      }
      // A property read (`handle.result`), marked apart from the methods called along the chain.
      if (!(n.parent?.type === 'call' && field(n.parent, 'function')?.id === n.id)) through.push(`.${attr}`);
      return rootCtor(ctx, obj, scope, depth + 1, through);
    }
    case 'identifier': {
      for (let s: Scope | undefined = scope; s; s = s.parent) {
        if (s.kind === 'class' && s !== scope) continue;
        const values = s.assignments.get(n.text);
        if (values) {
          for (let i = values.length - 1; i >= 0; i--) {
            const r = rootCtor(ctx, values[i], s, depth + 1, through);
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
function scopeOfNode(ctx: BlockingCtx, node: Node): Scope {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_definition') return ctx.evaluator.functionScopeOf(p) ?? ctx.model.module;
  }
  return ctx.model.module;
}

function isBound(scope: Scope, name: string): boolean {
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s.assignments.has(name) || s.params.some((p) => p.name === name)) return true;
  return false;
}

/**
 * Callee names that may be blocking here: the catalog's, local names imported for one of them, and
 * module-level names bound to one (`nap = time.sleep`).
 */
export function blockingNames(ctx: BlockingCtx): NameFilter {
  let known = namesMemo.get(ctx.model);
  if (!known) namesMemo.set(ctx.model, (known = computeNames(ctx)));
  return known;
}

/** The callee names worth evaluating (`has`). */
export interface NameFilter {
  has(name: string): boolean;
}

/** A file importing a client whose every method is a request: every method call is worth evaluating. */
const EVERY_NAME: NameFilter = { has: () => true };

const namesMemo = new WeakMap<PyModel, NameFilter>();

function computeNames(ctx: BlockingCtx): NameFilter {
  let shapes: RegExp[] | undefined;
  for (const q of ctx.model.imports.values()) {
    const top = q.split('.')[0];
    if (WILDCARD_TOPS.has(top)) return EVERY_NAME;
    const shape = WILDCARD_NAMES.get(top);
    if (shape && !shapes?.includes(shape)) (shapes ??= []).push(shape);
  }
  const base = namesOf(ctx);
  return shapes ? { has: (n) => base.has(n) || shapes!.some((r) => r.test(n)) } : base;
}

function namesOf(ctx: BlockingCtx): NameFilter {
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
export function handleOnlyForChild(call: Node, fn: Scope): boolean {
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

