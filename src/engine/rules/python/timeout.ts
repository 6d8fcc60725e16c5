// Python check of rule llm-call-without-timeout: clients built in this file without a timeout (reported
// once, at the constructor), module-level LLM functions and raw HTTP calls without one, explicit
// `timeout=None`/`0` (also nested: `http_options`, `request_options`, botocore `Config`, `client_kwargs`,
// `httpx.Timeout`, `aiohttp.ClientTimeout`), and millisecond timeouts too small to be anything but seconds.

import type { Node } from '../../parse/parser';
import type { LlmCall } from '../../model/python/calls';
import type { PyContext } from '../../model/python/context';
import type { Scope } from '../../model/python/model';
import { callArguments, field, namedChildren, rangeOf, unparen } from '../../model/python/syntax';
import { formatSeconds, moduleGlobals, policyOf, profileOf, throughModel, writtenSettings, type CallProfile, type Policy, type WrittenTimeout } from '../../policy/python-policy';
import type { RemoteUse } from '../../index/python-index';
import type { ClientValue } from '../../model/python/values';
import { offloadedClientCall, usageOf } from '../../model/python/calls';
import type { PyTimeoutArg } from '../../catalog/python-sdks';
import { addKeywordEdit } from '../../fix/python-args';
import { ensureModuleImport, importedNameFor } from '../../fix/python-imports';
import type { Finding, Fix, Range, RelatedInfo, TextEdit } from '../../types';
import { callTarget } from '../../index/python-summary';
import { enclosingFunction, makeFinding } from '../python-util';

/**
 * Defaults whose worst case (timeout × attempts + backoff, as the hover and timeout-exceeds-server-limit
 * count it) is at or under this many seconds are short enough not to report.
 */
const ACCEPTABLE_DEFAULT_S = 60;
/** Streaming calls get this many times the fix's timeout: the first token can take a while, the rest flows. */
const STREAM_FACTOR = 4;

/**
 * How an SDK takes a timeout of N seconds on the object `timeout-exceeds-server-limit` puts it on (the
 * call for SDKs whose calls take one, else the constructor): keyword and value text.
 */
/** `30` → `30000`: how a fix writes milliseconds. */
function ms(seconds: number): string {
  return String(Math.round(seconds * 1000));
}

/** The text of a timeout of `seconds` in the form `arg` wants, with the imports it needs. */
export function optionValue(ctx: PyContext, arg: PyTimeoutArg, seconds: number): { value: string; edits: TextEdit[] } {
  switch (arg.form) {
    case 's':
      return { value: String(seconds), edits: [] };
    case 'ms':
      return { value: ms(seconds), edits: [] };
    case 'dict-s':
      return { value: `{"timeout": ${seconds}}`, edits: [] };
    case 'dict-ms':
      return { value: `{"timeout": ${ms(seconds)}}`, edits: [] };
    case 'aiohttp': {
      const cls = importedNameFor(ctx.model, 'aiohttp.ClientTimeout');
      if (cls) return { value: `${cls}(total=${seconds})`, edits: [] };
      const mod = ensureModuleImport(ctx.model, ctx.file, 'aiohttp');
      return { value: `${mod.name}.ClientTimeout(total=${seconds})`, edits: mod.edits };
    }
    case 'providers':
      // Only for the options of one provider (`{"timeout": N}`): the providers themselves are the user's to name.
      return { value: `{"timeout": ${seconds}}`, edits: [] };
    case 'botocore': {
      const cls = importedNameFor(ctx.model, 'botocore.config.Config');
      if (cls) return { value: `${cls}(read_timeout=${seconds})`, edits: [] };
      const mod = ensureModuleImport(ctx.model, ctx.file, 'botocore.config');
      return { value: `${mod.name}.Config(read_timeout=${seconds})`, edits: mod.edits };
    }
  }
}

/** The key a nested option uses for the timeout: `{"timeout": …}`, `Config(read_timeout=…)`. */
function innerKey(arg: PyTimeoutArg): string {
  return arg.form === 'botocore' ? 'read_timeout' : 'timeout';
}

/** Adds `"timeout": N` to an existing dict, or `timeout=N` to an existing options call (`HttpOptions(api_version=...)`). */
function insertInto(ctx: PyContext, existing: Node, arg: PyTimeoutArg, seconds: number): TextEdit | undefined {
  const n = unparen(existing);
  const number = arg.form === 'ms' || arg.form === 'dict-ms' ? ms(seconds) : String(seconds);
  if (n.type === 'dictionary') {
    const at = { line: n.startPosition.row, character: n.startPosition.column + 1 };
    const empty = namedChildren(n).length === 0;
    return { file: ctx.file, range: { start: at, end: at }, newText: `"${innerKey(arg)}": ${number}${empty ? '' : ', '}` };
  }
  if (n.type === 'call') return addKeywordEdit(ctx.file, n, innerKey(arg), number);
  return undefined;
}

function timeoutFix(ctx: PyContext, arg: PyTimeoutArg | null, target: Node, written: WrittenTimeout | undefined, streaming: boolean, where: string): Fix | undefined {
  if (!arg || arg.form === 'providers') return undefined; // per provider (aisuite): which providers is the user's call
  const seconds = streaming ? ctx.fixTimeoutSeconds * STREAM_FACTOR : ctx.fixTimeoutSeconds;
  const full = optionValue(ctx, arg, seconds);
  let edit: TextEdit | undefined;
  let shown = `${arg.key}=${full.value}`;
  const edits: TextEdit[] = [];
  if (written && (written.value === null || written.value === 0)) {
    // Replace the `None`/`0` where it is written, in its unit.
    const text = written.whole ? full.value : written.unit === 'ms' ? ms(seconds) : String(seconds);
    edit = { file: ctx.file, range: rangeOf(written.node), newText: text };
    edits.push(...(written.whole ? full.edits : []));
    if (!written.whole) shown = `${innerKey(arg)}=${text}`;
  } else if (!written) {
    const existing = callArguments(target).keywords.get(arg.key);
    if (!existing) {
      edit = addKeywordEdit(ctx.file, target, arg.key, full.value);
      edits.push(...full.edits);
    } else if (arg.form !== 's' && arg.form !== 'ms') {
      edit = insertInto(ctx, existing, arg, seconds);
      shown = `${innerKey(arg)}=${arg.form === 'dict-ms' ? ms(seconds) : seconds}\` in \`${arg.key}`;
    }
  }
  if (!edit) return undefined;
  return { title: `Set \`${shown}\` on the ${where}`, safety: 'unsafe', preferred: true, edits: [...edits, edit] };
}

/** "10 min per attempt, 3 attempts (2 retries): up to 30 min" — the wait a call inherits. */
function effectText(profile: CallProfile, policy: Policy): string {
  const t = policy.timeout.value;
  const r = policy.retries.value;
  const fromDefault = policy.timeout.source.endsWith(' default');
  const wait = t === null ? 'no timeout at all' : `${fromDefault && profile.defaultNote ? profile.defaultNote : formatSeconds(t)} per attempt`;
  const attempts =
    typeof r !== 'number'
      ? 'retries set elsewhere'
      : r === 0
        ? '1 attempt (no retries)'
        : `${r + 1} attempts (${r} ${r === 1 ? 'retry' : 'retries'}${profile.retriesTimeouts ? '' : ', none after a timeout'})`;
  const worst = t !== null && typeof policy.worstCaseSeconds === 'number' && r ? `: up to ${formatSeconds(policy.worstCaseSeconds)}` : '';
  const retriesDefault = policy.retries.source.endsWith(' default');
  return `${fromDefault ? `the ${profile.label} default is ` : ''}${wait}, ${retriesDefault ? '' : 'and here '}${attempts}${worst}`;
}

/** `LLMChain(llm=llm, ...)`, `create_react_agent(llm, tools)`: the call as if made through `llm` (built here or elsewhere). */
function wrappedModel(call: LlmCall): LlmCall | undefined {
  return call.model ? throughModel(call) : undefined;
}

/** The client constructor of this file at `line:character` (where another file's call says its client was built). */
function ctorAt(ctx: PyContext, at: string): { node: Node; client: ClientValue } | undefined {
  const [line, character] = at.split(':').map(Number);
  let n: Node | null = ctx.model.root.descendantForPosition({ row: line, column: character });
  while (n && !(n.type === 'call' && n.startPosition.row === line && n.startPosition.column === character)) n = n.parent;
  if (!n) return undefined;
  const v = ctx.evaluator.evaluate(n, ctx.evaluator.scopeOfNode(n));
  return v?.kind === 'client' && v.ctor?.id === n.id ? { node: n, client: v } : undefined;
}

/** "2 calls in `chat.py` and `summary.py` use it" as related information, one entry per call. */
function usesRelated(uses: RemoteUse[]): RelatedInfo[] {
  return uses.map((u) => ({ location: { file: u.file, range: u.range }, message: `\`${u.text}\` uses this client` }));
}

function usesText(uses: RemoteUse[]): string {
  const files = [...new Set(uses.map((u) => `\`${u.file.split(/[\\/]/).pop()}\``))];
  return ` ${uses.length === 1 ? 'One call' : `${uses.length} calls`} in ${files.join(', ')} use${uses.length === 1 ? 's' : ''} it.`;
}

function isOff(w: WrittenTimeout | undefined): boolean {
  return w !== undefined && (w.value === null || w.value === 0);
}

/** At most this many bindings of one name are judged at each call through it (see throughEveryBinding). */
const MAX_REBINDINGS = 8;

/** The name a call's callee chain starts from: `client` in `client.models.generate_content(...)`. */
function rootName(call: LlmCall): string | undefined {
  let n: Node | null = field(call.node, 'function');
  while (n && (n.type === 'attribute' || n.type === 'call')) n = n.type === 'attribute' ? field(n, 'object') : field(n, 'function');
  return n?.type === 'identifier' ? n.text : undefined;
}

/** `self.<name>` the callee chain starts from, in a method of a class: the class scope and the attribute. */
function selfAttributeRoot(call: LlmCall): { cls: Scope; name: string } | undefined {
  let n: Node | null = field(call.node, 'function');
  let prev: Node | undefined;
  while (n && (n.type === 'attribute' || n.type === 'call')) {
    prev = n;
    n = n.type === 'attribute' ? field(n, 'object') : field(n, 'function');
  }
  if (n?.type !== 'identifier' || prev?.type !== 'attribute') return undefined;
  let method: Scope | undefined = call.scope;
  while (method && !(method.kind === 'function' && method.classScope)) method = method.kind === 'module' || method.kind === 'class' ? undefined : method.parent;
  if (!method?.classScope || method.params[0]?.name !== n.text) return undefined;
  const name = field(prev, 'attribute')?.text;
  return name ? { cls: method.classScope, name } : undefined;
}

/**
 * The call as made through each client its name may hold: `client = genai.Client(...)` written twice, or
 * `llm = ChatOpenAI(timeout=30)` then `llm = ChatOpenAI()` in a branch. The evaluator answers with the last
 * binding; every other constructor bound to the same name in the same scope can reach the call too.
 */
function throughEveryBinding(ctx: PyContext, calls: LlmCall[]): LlmCall[] {
  // A name bound more often than this is generated code, not a client swapped in a branch: judging every
  // binding at every call would cost calls × bindings (quadratic in such a file); the last binding stands.
  const out: LlmCall[] = [];
  for (const call of calls) {
    out.push(call);
    const ctor = call.client?.ctor;
    const name = ctor && !call.model ? rootName(call) : undefined;
    if (!name || !ctor) continue;
    // `self.client = OpenAI(..., base_url=url)` in one branch and `self.client = OpenAI(...)` in the other.
    const attr = selfAttributeRoot(call);
    if (attr && ctor) {
      const bound = attr.cls.attributes.get(attr.name) ?? [];
      if (bound.length > 1 && bound.length <= MAX_REBINDINGS) {
        for (const node of bound) {
          if (unparen(node).type !== 'call') continue;
          const v = ctx.evaluator.evaluate(node, ctx.evaluator.scopeOfNode(unparen(node)));
          if (v?.kind === 'client' && v.ctor && v.ctor.id !== ctor.id && v.ctor.tree === ctor.tree && v.hit.sdk === call.sdk) out.push({ ...call, client: v });
        }
      }
      continue;
    }
    for (let s: typeof call.scope | undefined = call.scope; s; s = s.kind === 'module' ? undefined : s.parent) {
      const bound = s.assignments.get(name);
      if (!bound) {
        if (s.params.some((p) => p.name === name)) break;
        continue;
      }
      if (bound.length > 1 && bound.length <= MAX_REBINDINGS) {
        for (const node of bound) {
          const v = ctx.evaluator.evaluate(node, s);
          if (v?.kind === 'client' && v.ctor && v.ctor.id !== ctor.id && v.ctor.tree === ctor.tree && v.hit.sdk === call.sdk) out.push({ ...call, client: v });
        }
      }
      break;
    }
  }
  return out;
}

/** Client methods handed to a thread (`to_thread(client.x.create, ...)`): requests made with the client's timeout. */
export function offloadedCalls(ctx: PyContext): LlmCall[] {
  const out: LlmCall[] = [];
  if (!/to_thread|run_in_executor|run_in_threadpool|run_sync|\.submit\(/.test(ctx.text)) return out;
  for (const scope of [ctx.model.module, ...ctx.model.functions]) {
    for (const node of scope.calls) {
      const c = offloadedClientCall(node, scope, ctx.evaluator);
      if (c) out.push(c);
    }
  }
  return out;
}

export function checkTimeoutPython(ctx: PyContext): Finding[] {
  const out: Finding[] = [];
  // Constructors reported here, with the finding at each (other files' calls through it are added to it).
  const reportedCtors = new Map<number, Finding | undefined>();
  // Constructors some call of this file goes through (judged by those calls, whatever the outcome).
  const judged = new Set<number>();
  const reportedNodes = new Set<number>();
  for (const made of throughEveryBinding(ctx, [...ctx.calls, ...offloadedCalls(ctx)])) {
    if (made.management) continue; // not a generation: listing or fetching models and files
    // A chain or agent built here takes no timeout: judge the model built here that it wraps.
    const call = wrappedModel(made) ?? made;
    const ctor = call.client?.ctor ?? call.httpCtor;
    const localCtor = ctor && ctor.tree === call.node.tree ? ctor : undefined;
    if (localCtor) judged.add(localCtor.id);
    const profile = profileOf(call);
    const policy = policyOf(call);
    const fn = enclosingFunction(call.scope);
    const seconds = policy.timeout.value;
    const fromDefault = policy.timeout.source.endsWith(' default');
    const own = writtenSettings(call.node, profile, 'call').timeout;
    const built = localCtor ? writtenSettings(localCtor, profile, 'ctor').timeout : undefined;

    // Milliseconds written as seconds: google-genai `HttpOptions(timeout=30)`, mistralai `timeout_ms=30`.
    const tiny = [own, built].find((w) => w && w.unit === 'ms' && typeof w.value === 'number' && w.value > 0 && w.value < 1);
    if (tiny && typeof seconds === 'number' && seconds < 1) {
      if (reportedNodes.has(tiny.node.id)) continue;
      reportedNodes.add(tiny.node.id);
      if (tiny === built) reportedCtors.set(localCtor!.id, undefined);
      const written = Number(tiny.node.text.replace(/_/g, ''));
      const fixed = ms(written);
      out.push(
        makeFinding(ctx, 'llm-call-without-timeout', 'warning', rangeOf(tiny.node), `${profile.label} counts this timeout in milliseconds: ${tiny.source.replace(/ \(milliseconds\)$/, '')} is ${formatSeconds(tiny.value)}, so every call fails at once. Write it in milliseconds (${fixed} for ${written} s).`, tiny === own ? fn : undefined, [
          { title: `Count it in milliseconds (\`${fixed}\`)`, safety: 'unsafe', preferred: true, edits: [{ file: ctx.file, range: rangeOf(tiny.node), newText: fixed }] },
        ]),
      );
      continue;
    }
    if (seconds === undefined) continue; // set to something not known statically

    // Explicit `timeout=None` / `0` on the call or the client built here, or in a module global (`openai.timeout = None`).
    const global = moduleGlobals(call, profile).timeout;
    const explicit = isOff(own)
      ? { w: own!, n: call.node }
      : isOff(built) && (seconds === null || seconds === 0)
        ? { w: built!, n: localCtor! }
        : isOff(global) && policy.timeout.source === global!.source
          ? { w: global!, n: undefined }
          : undefined;
    if (explicit && (seconds === null || seconds === 0)) {
      if (reportedNodes.has(explicit.w.node.id)) continue;
      reportedNodes.add(explicit.w.node.id);
      const isCtor = explicit.n !== undefined && explicit.n === localCtor;
      if (isCtor) reportedCtors.set(localCtor!.id, undefined);
      const arg = isCtor ? profile.ctorArg : profile.callArg;
      const shown = explicit.w.source.replace(/ \(milliseconds\)$/, '');
      const where = isCtor ? 'client' : explicit.n ? 'call' : 'module';
      const fix = explicit.n
        ? timeoutFix(ctx, arg ?? { key: 'timeout', form: 's' }, explicit.n, explicit.w, call.streaming, where)
        : { title: `Set \`${shown.replace(/^`|`$/g, '').split('=')[0].trim()} = ${ctx.fixTimeoutSeconds}\``, safety: 'unsafe' as const, preferred: true, edits: [{ file: ctx.file, range: rangeOf(explicit.w.node), newText: String(ctx.fixTimeoutSeconds) }] };
      const finding = makeFinding(ctx, 'llm-call-without-timeout', 'warning', rangeOf(explicit.w.node), `${shown} turns the timeout off: a hung ${call.sdk.id} upstream holds ${explicit.n ? 'this request' : 'every request through the module-level client'} until the server or proxy in front gives up.`, explicit.n && !isCtor ? fn : undefined, [fix]);
      if (isCtor) reportedCtors.set(localCtor!.id, finding);
      out.push(finding);
      continue;
    }
    // Short per attempt is not short overall: Groq waits 60 s × 3 attempts, boto3 60 s × 5.
    const worst = typeof policy.worstCaseSeconds === 'number' ? policy.worstCaseSeconds : seconds;
    if (typeof seconds === 'number' && seconds > 0 && typeof worst === 'number' && worst <= ACCEPTABLE_DEFAULT_S) continue;
    if (!fromDefault) continue;

    const effect = effectText(profile, policy);
    if (localCtor && call.client && profile.ctorArg) {
      // One finding per client built here, at its constructor.
      if (reportedCtors.has(localCtor.id)) continue;
      if (hasKeywordSplat(localCtor)) continue; // `**options`: the timeout may well be in there
      const finding = ctorFinding(ctx, call, localCtor, effect, built, profile.ctorArg);
      reportedCtors.set(localCtor.id, finding);
      out.push(finding);
      continue;
    }
    if (call.client && profile.ctorArg) continue; // a client built elsewhere (or a chain around one): judged where it is built
    if (call.client && !profile.callArg) continue; // neither the client nor the call takes one (dspy modules use their LM's)
    // Module-level SDK functions, raw HTTP (each request: a fix puts the timeout on the call), and calls whose
    // client takes no timeout: the call itself must carry it.
    const moduleOllama = call.sdk.id === 'ollama' && !call.client;
    const warmup = profile.legacy ? callArguments(call.node).keywords.get('timeout') : undefined;
    const what = warmup ? `\`timeout=${warmup.text}\` is not the HTTP timeout of openai 0.x (it bounds a warm-up loop; the request takes \`request_timeout\`), so \`${call.calleeText}\` still has none` : `\`${call.calleeText}\` has no timeout`;
    out.push(
      makeFinding(ctx, 'llm-call-without-timeout', 'warning', rangeOf(field(call.node, 'function') ?? call.node), `${what}: ${effect}.${moduleOllama ? ' The module functions take none: use `ollama.Client(timeout=...)`.' : ''}`, fn, [
        moduleOllama ? undefined : timeoutFix(ctx, profile.callArg, call.node, own, call.streaming, 'call'),
      ]),
    );
  }
  // Clients built here that calls in other files go through, with the timeout of this constructor.
  for (const [at, uses] of ctx.index.usesOfClientsIn(ctx.file) ?? []) {
    const hit = ctorAt(ctx, at);
    if (!hit) continue;
    if (reportedCtors.has(hit.node.id)) {
      const prior = reportedCtors.get(hit.node.id);
      if (prior) prior.related.push(...usesRelated(uses));
      continue;
    }
    const f = remoteCtorFinding(ctx, hit.node, hit.client, uses, usesText(uses));
    if (!f) continue;
    reportedCtors.set(hit.node.id, f);
    f.related.push(...usesRelated(uses));
    out.push(f);
  }
  // A factory returning one of several clients by configuration (`if source == "openai": return ChatOpenAI(...)
  // else: return ChatOllama(...)`): the calls through what it returns may go through each of them.
  const through = new Map<number, RemoteUse[]>();
  for (const id of judged) through.set(id, []);
  for (const [at, uses] of ctx.index.usesOfClientsIn(ctx.file) ?? []) {
    const hit = ctorAt(ctx, at);
    if (hit) through.set(hit.node.id, [...(through.get(hit.node.id) ?? []), ...uses]);
  }
  for (const alt of factoryAlternatives(ctx, through)) {
    if (judged.has(alt.ctor.id) || reportedCtors.has(alt.ctor.id)) continue;
    const uses = through.get(alt.sibling) ?? [];
    const f = remoteCtorFinding(ctx, alt.ctor, alt.client, uses, ` \`${alt.factory}\` returns it or another client, and the calls through what it returns go through it.${uses.length > 0 ? usesText(uses) : ''}`);
    if (!f) continue;
    reportedCtors.set(alt.ctor.id, f);
    f.related.push(...usesRelated(uses));
    out.push(f);
  }
  // Instances of workspace subclasses of SDK classes: the subclass's own methods call the SDK through
  // `super()`, on this instance, so every instance built here makes requests with this constructor's options.
  for (const made of subclassCtors(ctx)) {
    if (judged.has(made.ctor.id) || reportedCtors.has(made.ctor.id)) continue;
    const base = made.client.hit.cls.qname.split('.').pop();
    const f = remoteCtorFinding(ctx, made.ctor, made.client, [], ` It derives from \`${base}\`, whose requests it makes.`);
    if (!f) continue;
    reportedCtors.set(made.ctor.id, f);
    out.push(f);
  }
  // Module-level clients no call is seen to go through, handed to code that is not followed (a context
  // object, a third-party class): the requests made there inherit this constructor's timeout.
  for (const h of handedClients(ctx)) {
    if (judged.has(h.ctor.id) || reportedCtors.has(h.ctor.id)) continue;
    const f = remoteCtorFinding(ctx, h.ctor, h.client, [], ` It is handed to \`${h.to}(...)\` (line ${h.at.start.line + 1}), and the requests made through it there have none either.`);
    if (!f) continue;
    reportedCtors.set(h.ctor.id, f);
    f.related.push({ location: { file: ctx.file, range: h.at }, message: `the client is handed to \`${h.to}\` here` });
    out.push(f);
  }
  return out;
}

/**
 * Clients built in this file that a function with several `return` statements returns next to a client some
 * call goes through (`used`, by constructor node id): each with the function's name and that sibling.
 */
function factoryAlternatives(ctx: PyContext, used: Map<number, RemoteUse[]>): Array<{ ctor: Node; client: ClientValue; factory: string; sibling: number }> {
  const out: Array<{ ctor: Node; client: ClientValue; factory: string; sibling: number }> = [];
  if (used.size === 0) return out;
  const seen = new Set<number>();
  for (const fn of ctx.model.functions) {
    if (fn.kind !== 'function' || fn.returns.length < 2) continue;
    const made = new Map<number, ClientValue>();
    for (const r of fn.returns) {
      if (unparen(r).type !== 'call') continue;
      const v = ctx.evaluator.evaluate(r, fn);
      if (v?.kind === 'client' && v.ctor && v.ctor.tree === ctx.model.root.tree) made.set(v.ctor.id, v);
    }
    const sibling = [...made.keys()].find((id) => used.has(id));
    if (sibling === undefined || made.size < 2) continue;
    for (const [id, client] of made) {
      if (used.has(id) || seen.has(id)) continue;
      seen.add(id);
      out.push({ ctor: client.ctor!, client, factory: fn.name, sibling });
    }
  }
  return out;
}

/**
 * Calls of this file building an instance of a workspace subclass of an SDK client class whose options are
 * the caller's (`UnitEmbeddings(model=...)` for `class UnitEmbeddings(OpenAIEmbeddings)`). Only calls naming
 * such a class are evaluated: the classes of this file with base classes and the imported class names.
 */
function subclassCtors(ctx: PyContext): Array<{ ctor: Node; client: ClientValue }> {
  const out: Array<{ ctor: Node; client: ClientValue }> = [];
  const names = new Set<string>();
  for (const top of ctx.model.root.namedChildren) {
    const def = top?.type === 'decorated_definition' ? field(top, 'definition') : top;
    if (def?.type === 'class_definition' && field(def, 'superclasses') && ctx.evaluator.clientSubclass(def)) names.add(field(def, 'name')!.text);
  }
  for (const [local, qname] of ctx.model.imports) {
    if (!/^[A-Z]/.test(local) || !ctx.identifierUses(local).some((id) => id.parent?.type === 'call' && field(id.parent, 'function')?.id === id.id)) continue;
    const v = ctx.evaluator.resolveImported(qname, ctx.model.moduleImports.has(local));
    if (v.kind === 'clientClass' && v.sub) names.add(local);
  }
  if (names.size === 0) return out;
  for (const scope of [ctx.model.module, ...ctx.model.functions]) {
    for (const call of scope.calls) {
      const fn = field(call, 'function');
      if (fn?.type !== 'identifier' || !names.has(fn.text)) continue;
      const v = ctx.evaluator.evaluate(call, scope);
      if (v?.kind === 'client' && v.sub && v.ctor?.id === call.id) out.push({ ctor: call, client: v });
    }
  }
  return out;
}

/** A constructor given `**options` (not known statically): its timeout may be among them. */
function hasKeywordSplat(ctor: Node): boolean {
  const args = field(ctor, 'arguments');
  return !!args && args.namedChildren.some((a) => a?.type === 'dictionary_splat');
}

/** `self.x` in a method of a class that assigns `self.x = SomeCall(...)`. */
function selfAttributeCall(scope: Scope, node: Node): boolean {
  const obj = field(node, 'object');
  const attr = field(node, 'attribute');
  if (!obj || !attr || obj.type !== 'identifier' || !scope.classScope || scope.params[0]?.name !== obj.text) return false;
  return (scope.classScope.attributes.get(attr.text) ?? []).some((n) => unparen(n).type === 'call');
}

/** Modules whose functions only look at a value (log, copy, serialize it): handing a client to them is no use. */
const INERT_MODULES = /^(?:logging|json|copy|pickle|typing|builtins|inspect|weakref|pprint|warnings|dataclasses)\./;

/**
 * Module-level clients built here and handed, by name, to a call the index does not follow: a class or
 * function of another package, or a workspace class with no `__init__` of its own (a dataclass, a pydantic
 * model). Calls that wrap the client into another one (chains, agents, instructor) are not hand-overs:
 * the calls through the wrapper are judged.
 */
/**
 * Whether `name` (word characters only) appears in `text` as a bare value: as a whole word (after a `.`
 * and optional blanks when `attribute`, else after neither a word character nor a `.`), and not followed,
 * after optional blanks, by `.`, `(`, `[` or a single `=`. A scan for the name instead of a regex built
 * and run per name (`(?<![\w.])name\b(?!\s*(?:[.([]|=(?!=)))`, `\.\s*name\b(?!…)`).
 */
function usedAsValue(text: string, name: string, attribute: boolean): boolean {
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
    const end = i + name.length;
    if (isWordCode(text.charCodeAt(end))) continue;
    if (attribute) {
      let j = i - 1;
      while (j >= 0 && isSpaceCode(text.charCodeAt(j))) j--;
      if (text.charCodeAt(j) !== 46) continue;
    } else {
      const before = text.charCodeAt(i - 1);
      if (isWordCode(before) || before === 46) continue;
    }
    let k = end;
    while (k < text.length && isSpaceCode(text.charCodeAt(k))) k++;
    const next = text.charCodeAt(k);
    if (next === 46 || next === 40 || next === 91) continue;
    if (next === 61 && text.charCodeAt(k + 1) !== 61) continue;
    return true;
  }
  return false;
}

/** A regex `\w` character (NaN, past either end of the text, is none). */
function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** A regex `\s` character. */
function isSpaceCode(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c > 127 && /\s/.test(String.fromCharCode(c));
}

function handedClients(ctx: PyContext): Array<{ ctor: Node; client: ClientValue; to: string; at: Range }> {
  const out: Array<{ ctor: Node; client: ClientValue; to: string; at: Range }> = [];
  // A client handed on appears in the text as a bare value (`helper(client)`, `Bot(llm=self.llm)`): a
  // name nowhere used so (only as `client.chat...`, called or assigned) hands nothing, and is not evaluated.
  const bare = (name: string): boolean => !/^\w+$/.test(name) || usedAsValue(ctx.text, name, false);
  const clients = new Map<string, { ctor: Node; client: ClientValue }>();
  for (const [name, values] of ctx.model.module.assignments) {
    const last = values[values.length - 1];
    if (!last || unparen(last).type !== 'call' || !bare(name)) continue;
    const v = ctx.evaluator.evaluate(last, ctx.model.module);
    if (v?.kind === 'client' && v.ctor && v.ctor.tree === ctx.model.root.tree) clients.set(name, { ctor: v.ctor, client: v });
  }
  const selfAttributes = new Set<string>();
  for (const f of ctx.model.functions) {
    for (const [attr, ns] of f.classScope?.attributes ?? []) if (ns.some((n) => unparen(n).type === 'call')) selfAttributes.add(attr);
  }
  for (const attr of selfAttributes) if (/^\w+$/.test(attr) && !usedAsValue(ctx.text, attr, true)) selfAttributes.delete(attr);
  if (clients.size === 0 && selfAttributes.size === 0) return out;
  // The calls that can hand one over: those with such a name as an argument (`f(client)`, `f(x=client)`,
  // `f(self.embeddings)`), found from the names' uses rather than by reading every call's arguments.
  const names = [...clients.keys(), ...selfAttributes];
  const candidates = names.every((n) => /^\w+$/.test(n)) ? new Set<number>() : undefined;
  for (const name of candidates ? names : []) {
    for (const id of ctx.identifierUses(name)) {
      let p = id.parent;
      if (p?.type === 'attribute') p = p.parent;
      if (p?.type === 'keyword_argument') p = p.parent;
      if (p?.type === 'argument_list' && p.parent) candidates!.add(p.parent.id);
    }
  }
  if (candidates?.size === 0) return out;
  const llm = new Set(ctx.calls.map((c) => c.node.id));
  const seen = new Set<number>();
  for (const scope of [ctx.model.module, ...ctx.model.functions]) {
    for (const call of scope.calls) {
      if ((candidates && !candidates.has(call.id)) || llm.has(call.id)) continue;
      const args = field(call, 'arguments');
      if (!args) continue;
      let handed: { ctor: Node; client: ClientValue } | undefined;
      for (const a of args.namedChildren) {
        const value = a?.type === 'keyword_argument' ? field(a, 'value') : a;
        if (!value) continue;
        if (value.type === 'identifier') {
          const hit = clients.get(value.text);
          if (!hit || seen.has(hit.ctor.id)) continue;
          const v = ctx.evaluator.evaluate(value, scope);
          if (v?.kind === 'client' && v.ctor?.id === hit.ctor.id) {
            handed = hit;
            break;
          }
        } else if (value.type === 'attribute' && selfAttributes.has(field(value, 'attribute')?.text ?? '') && selfAttributeCall(scope, value)) {
          // `Chroma(embedding_function=self.embeddings)` with `self.embeddings = OpenAIEmbeddings()` in the class.
          const v = ctx.evaluator.evaluate(value, scope);
          if (v?.kind === 'client' && v.ctor && v.ctor.tree === ctx.model.root.tree && !seen.has(v.ctor.id)) {
            handed = { ctor: v.ctor, client: v };
            break;
          }
        }
      }
      if (!handed) continue;
      const callee = field(call, 'function');
      const c = callee ? ctx.evaluator.evaluate(callee, scope) : undefined;
      if (!c || (c.kind !== 'qname' && c.kind !== 'localClass') || (c.kind === 'qname' && INERT_MODULES.test(c.qname))) continue;
      // Wrapped into a chain, an agent or another client: the calls through that are judged.
      if (ctx.evaluator.evaluate(call, scope)?.kind === 'client') continue;
      // Handed to a function or `__init__` of the workspace: its parameter holds the client there.
      const target = callTarget(call, scope, ctx.model, ctx.evaluator);
      if (target && ctx.index.targetsOf(ctx.file, target).some((t) => ctx.index.facts(t))) continue;
      seen.add(handed.ctor.id);
      out.push({ ...handed, to: callee!.text.replace(/\s+/g, ''), at: rangeOf(call) });
    }
  }
  return out;
}

/** At a constructor: "`OpenAI` is built without a timeout: …", with the fix on the constructor. */
function ctorFinding(ctx: PyContext, call: LlmCall, ctor: Node, effect: string, built: WrittenTimeout | undefined, arg: PyTimeoutArg | null, extra = ''): Finding {
  // The name written at the constructor: `ChatOpenAI`, `Client`, or a factory (`init_chat_model`).
  const cls = (field(ctor, 'function')?.text ?? call.client?.hit.cls.qname ?? '').split('.').pop();
  const factory = (field(ctor, 'function')?.text ?? cls ?? '').replace(/\s+/g, '');
  return makeFinding(ctx, 'llm-call-without-timeout', 'warning', rangeOf(field(ctor, 'function') ?? ctor), `${/^[a-z_]/.test(cls ?? '') ? `The client from \`${factory.length <= 40 ? factory : cls}\`` : `\`${cls}\``} is built without a timeout: ${effect}. A hung upstream holds every request through this client long after the user, gunicorn (30 s) or the proxy in front (nginx 60 s, Cloudflare 100 s) gave up.${extra}`, undefined, [
    timeoutFix(ctx, arg, ctor, built, call.streaming, 'client'),
  ]);
}

/**
 * A client built here and used only from other files: judged as the calls there make it (no timeout of
 * their own), reported once at the constructor.
 */
function remoteCtorFinding(ctx: PyContext, ctor: Node, client: ClientValue, uses: RemoteUse[], usedBy: string): Finding | undefined {
  const call: LlmCall = { node: ctor, scope: ctx.evaluator.scopeOfNode(ctor), sdk: client.hit.sdk, async: false, awaitable: true, calleeText: '', client, usage: usageOf(ctor), streaming: uses.some((u) => u.streaming) };
  const profile = profileOf(call);
  if (!profile.ctorArg || hasKeywordSplat(ctor)) return undefined;
  const policy = policyOf(call);
  const built = writtenSettings(ctor, profile, 'ctor').timeout;
  const seconds = policy.timeout.value;
  if (seconds === undefined) return undefined;
  if (isOff(built)) {
    const shown = built!.source.replace(/ \(milliseconds\)$/, '');
    return makeFinding(ctx, 'llm-call-without-timeout', 'warning', rangeOf(built!.node), `${shown} turns the timeout off: a hung ${call.sdk.id} upstream holds every request through this client until the server or proxy in front gives up.${usedBy}`, undefined, [
      timeoutFix(ctx, profile.ctorArg, ctor, built, call.streaming, 'client'),
    ]);
  }
  const worst = typeof policy.worstCaseSeconds === 'number' ? policy.worstCaseSeconds : seconds;
  if (typeof seconds === 'number' && seconds > 0 && typeof worst === 'number' && worst <= ACCEPTABLE_DEFAULT_S) return undefined;
  if (!policy.timeout.source.endsWith(' default')) return undefined;
  return ctorFinding(ctx, call, ctor, effectText(profile, policy), built, profile.ctorArg, usedBy);
}
