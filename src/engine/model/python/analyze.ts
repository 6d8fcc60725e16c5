// Python analysis of one file: builds the model, finds handlers and LLM call sites, runs the
// rules (each rule attaches its own fixes).

import type { Node, Tree } from '../../parse/parser';
import type { Parsed } from '../../parse/tree-cache';
import { countLines } from '../../parse/text';
import type { FileAnalysis, Finding, Range, RouteInfo } from '../../types';
import { RULES } from '../../rules/registry';
import { classifyCall, usageOf, type LlmCall } from './calls';
import type { PyContext } from './context';
import { findHandlers, lifecycleHooks, type Handler } from './handlers';
import { buildModel, type ModelPart, type PyModel, type Scope } from './model';
import { PyIndex } from '../../index/python-index';
import { functionFragment, knownCallTargets, primeCallTargets, sameSummary, summarizePython, type FunctionFragment, type PyFileSummary } from '../../index/python-summary';
import { identifiersIn, rangeOf } from './syntax';
import { Evaluator } from './values';
import type { ServerLimit } from '../../limits/server-limits';

export interface PythonFacts {
  model: PyModel;
  evaluator: Evaluator;
  calls: LlmCall[];
  summary: PyFileSummary;
  /** Per top-level statement (by its model part): its share of the facts, reusable after an edit elsewhere. */
  chunks?: Map<ModelPart, ChunkFacts>;
}

/** What one top-level statement contributes to the facts, and what computing it read outside the statement. */
interface ChunkFacts {
  /** LLM calls at module level, then per function of the statement. */
  moduleCalls: LlmCall[];
  functionCalls: Map<Scope, LlmCall[]>;
  /** Summary fragments of its named functions, in order. */
  fragments: FunctionFragment[];
  /** Call targets worked out for its functions' calls (the rules ask again). */
  targets: Array<[Node, string | undefined]>;
  reads: { parts: Set<ModelPart>; names: Set<string>; attributes: boolean; unknown: boolean };
}

/** Model, LLM call sites and summary of a file; `index` lets clients imported from other files resolve. */
export function pythonFacts(file: string, tree: Tree, index?: PyIndex, prebuilt?: PyModel, previous?: PythonFacts): PythonFacts {
  const model = prebuilt ?? buildModel(tree.rootNode);
  const evaluator = new Evaluator(model);
  if (index) evaluator.external = { file, index };
  const chunks = model.chunks;
  if (!chunks) {
    const calls: LlmCall[] = [];
    for (const scope of [model.module, ...model.functions]) {
      for (const call of scope.calls) {
        const c = classifyCall(call, scope, evaluator);
        if (c) calls.push(c);
      }
    }
    return { model, evaluator, calls, summary: summarizePython(file, model, evaluator, calls) };
  }
  // Statement by statement: kept from the previous version when nothing it read changed, else
  // computed with the evaluator telling which other statements and module names it read.
  const reusable = previous ? reusableChunkFacts(previous, model, file, index) : undefined;
  if (reusable && reusable.size > 0) evaluator.adoptAnswers(previous!.evaluator);
  const starts = chunks.map((c) => c.start);
  const perChunk = new Map<ModelPart, ChunkFacts>();
  for (const chunk of chunks) {
    let kept = reusable?.get(chunk.part);
    // Clients passed as arguments carry their constructor's place in this file: not kept when lines moved.
    if (kept && (chunk.movedRows ?? 0) !== 0 && kept.fragments.some((f) => f.facts.calls.some((e) => e.args))) kept = undefined;
    if (kept) {
      perChunk.set(chunk.part, moveChunkFacts(kept, model, chunk.movedRows ?? 0));
      primeCallTargets(evaluator, kept.targets);
      continue;
    }
    const reads: ChunkFacts['reads'] = { parts: new Set(), names: new Set(), attributes: false, unknown: false };
    evaluator.recorder = {
      node: (n) => {
        if (n.startIndex >= chunk.start && n.startIndex < chunk.end) return; // its own statement
        const k = chunkAt(starts, n.startIndex);
        if (k === -1 || n.startIndex >= chunks[k].end) reads.unknown = true;
        else if (chunks[k].part !== chunk.part) reads.parts.add(chunks[k].part);
      },
      moduleName: (name) => reads.names.add(name),
      attributeAssignments: () => {
        reads.attributes = true;
      },
    };
    try {
      const moduleCalls: LlmCall[] = [];
      for (const call of chunk.part.module.calls) {
        const c = classifyCall(call, model.module, evaluator);
        if (c) moduleCalls.push(c);
      }
      const functionCalls = new Map<Scope, LlmCall[]>();
      for (const fn of chunk.part.functions) {
        const list: LlmCall[] = [];
        for (const call of fn.calls) {
          const c = classifyCall(call, fn, evaluator);
          if (c) list.push(c);
        }
        if (list.length > 0) functionCalls.set(fn, list);
      }
      const fragments: FunctionFragment[] = [];
      for (const fn of chunk.part.functions) {
        const f = functionFragment(fn, functionCalls.get(fn) ?? [], model, evaluator, file);
        if (f) fragments.push(f);
      }
      const targets = knownCallTargets(evaluator, chunk.part.functions.flatMap((fn) => fn.calls));
      perChunk.set(chunk.part, { moduleCalls, functionCalls, fragments, targets, reads });
    } finally {
      evaluator.recorder = undefined;
    }
  }
  // The same order as one pass over the model: module-level calls, then each function's.
  const calls: LlmCall[] = [];
  const fragments: FunctionFragment[] = [];
  for (const chunk of chunks) for (const c of perChunk.get(chunk.part)!.moduleCalls) calls.push(c);
  for (const chunk of chunks) {
    const cf = perChunk.get(chunk.part)!;
    for (const fn of chunk.part.functions) for (const c of cf.functionCalls.get(fn) ?? []) calls.push(c);
    for (const f of cf.fragments) fragments.push(f);
  }
  return { model, evaluator, calls, summary: summarizePython(file, model, evaluator, calls, fragments), chunks: perChunk };
}

/** Index of the last chunk starting at or before `offset` (-1 when none). */
function chunkAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The previous version's statement facts that still hold: the statement's model part was kept, the
 * index answers the previous evaluator's queries as before, no changed statement (old or new version)
 * imports anything, and nothing the statement's evaluation read changed: other statements it read are
 * all kept, module-level names it looked up are bound by no changed statement, and attribute
 * assignments (`app.state.x = ...`) it scanned come from no changed statement.
 */
function reusableChunkFacts(previous: PythonFacts, model: PyModel, file: string, index: PyIndex | undefined): Map<ModelPart, ChunkFacts> | undefined {
  if (!previous.chunks || !previous.model.chunks || !model.chunks) return undefined;
  if (!previous.evaluator.answersMatch(file, index)) return undefined;
  const now = new Set(model.chunks.map((c) => c.part));
  const before = new Set(previous.model.chunks.map((c) => c.part));
  const changed = [...previous.model.chunks.filter((c) => !now.has(c.part)), ...model.chunks.filter((c) => !before.has(c.part))].map((c) => c.part);
  const names = new Set<string>();
  let attributes = false;
  for (const p of changed) {
    if (p.imports.size > 0 || p.moduleImports.size > 0 || p.importNodes.length > 0) return undefined;
    if (p.attributeAssignments.size > 0) attributes = true;
    for (const name of p.module.assignments.keys()) names.add(name);
    for (const name of p.module.globals) names.add(name);
  }
  const out = new Map<ModelPart, ChunkFacts>();
  const tree = model.root.tree;
  // Nodes a kept call holds (its node, its client's constructor, ...) must be on the new tree: moved
  // with their statement's part. Its scope and usage are set again.
  const onTree = (c: LlmCall): boolean => {
    for (const [key, value] of Object.entries(c)) if (key !== 'scope' && key !== 'usage' && !nodesOnTree(value, tree, 3)) return false;
    return true;
  };
  for (const [part, cf] of previous.chunks) {
    const r = cf.reads;
    if (!now.has(part) || r.unknown || (r.attributes && attributes)) continue;
    if (!cf.moduleCalls.every(onTree) || ![...cf.functionCalls.values()].every((list) => list.every(onTree))) continue;
    let ok = true;
    for (const p of r.parts) if (!now.has(p)) ok = false;
    for (const n of r.names) if (names.has(n)) ok = false;
    if (ok) out.set(part, cf);
  }
  return out;
}

/** True when every tree-sitter node in `value` (looked for `depth` levels down plain objects and arrays) belongs to `tree`. */
function nodesOnTree(value: unknown, tree: Tree, depth: number): boolean {
  if (value === null || typeof value !== 'object') return true;
  if ('tree' in value && 'startPosition' in value && 'id' in value) return (value as Node).tree === tree;
  if (depth === 0) return true;
  for (const v of Array.isArray(value) ? value : Object.values(value)) if (!nodesOnTree(v, tree, depth - 1)) return false;
  return true;
}

/** A kept statement's facts on the new tree: calls get their usage again and the new module scope, ranges move down. */
function moveChunkFacts(cf: ChunkFacts, model: PyModel, rows: number): ChunkFacts {
  const again = (c: LlmCall, scope: Scope): LlmCall => ({ ...c, scope, usage: usageOf(c.node) });
  const functionCalls = new Map<Scope, LlmCall[]>();
  for (const [fn, list] of cf.functionCalls) functionCalls.set(fn, list.map((c) => again(c, fn)));
  const shift = (r: Range): Range => (rows === 0 ? r : { start: { line: r.start.line + rows, character: r.start.character }, end: { line: r.end.line + rows, character: r.end.character } });
  const fragments = rows === 0
    ? cf.fragments
    : cf.fragments.map((f) => ({
        ...f,
        facts: {
          ...f.facts,
          range: shift(f.facts.range),
          direct: f.facts.direct.map((d) => ({ ...d, range: shift(d.range) })),
          ...(f.facts.io ? { io: f.facts.io.map((d) => ({ ...d, range: shift(d.range) })) } : {}),
          calls: f.facts.calls.map((e) => ({ ...e, range: shift(e.range) })),
        },
      }));
  return { moduleCalls: cf.moduleCalls.map((c) => again(c, model.module)), functionCalls, fragments, targets: cf.targets, reads: cf.reads };
}

/** The Python model of a cached tree, built once per tree (it does not depend on the index). */
export function modelOf(parsed: Parsed): PyModel {
  // After an edit, the statements tree-sitter reused keep their part of the previous model.
  return parsed.derive<PyModel>('python-model', (previous) => buildModel(parsed.tree.rootNode, previous));
}

/**
 * `pythonFacts` of a cached tree, kept with the tree: reused as long as the index answers the
 * evaluator's cross-file queries as before (summarizing a file and then analysing it evaluates it once).
 */
export function cachedPythonFacts(file: string, parsed: Parsed, index?: PyIndex): PythonFacts {
  type Slot = { facts?: PythonFacts; previous?: PythonFacts };
  // After an edit, the previous version's facts are offered statement by statement.
  const slot = parsed.derive<Slot>('python-facts', (previous) => ({ previous: previous?.value.facts ?? previous?.value.previous }));
  const kept = slot.facts;
  if (kept && kept.summary.file === file && kept.evaluator.answersMatch(file, index)) {
    kept.evaluator.rebind(file, index);
    return kept;
  }
  const model = modelOf(parsed);
  const previous = slot.previous?.summary.file === file ? slot.previous : kept;
  slot.previous = undefined;
  return (slot.facts = pythonFacts(file, parsed.tree, index, model, previous));
}

export function analyzePythonFile(file: string, text: string, tree: Tree, index?: PyIndex, prebuilt?: PyModel | PythonFacts, limits: ServerLimit[] = [], fixTimeoutSeconds = 30): FileAnalysis & { summary: PyFileSummary } {
  const facts = prebuilt && 'evaluator' in prebuilt ? prebuilt : pythonFacts(file, tree, index, prebuilt);
  const { model, evaluator, calls, summary } = facts;
  const handlers = findHandlers(model, evaluator);
  const handlerByNode = new Map(handlers.map((h) => [h.scope.node.id, h]));

  const byScope = new Map<Scope, LlmCall[]>();
  const byCtor = new Map<number, LlmCall[]>();
  for (const c of calls) {
    push(byScope, c.scope, c);
    if (c.client?.ctor) push(byCtor, c.client.ctor.id, c);
  }
  const memo = new Map<string, unknown>();
  let hooks: Set<number> | undefined;
  const identifierIndex = new Map<string, Node[]>();
  const ctx: PyContext = {
    file,
    text,
    model,
    evaluator,
    handlers,
    calls,
    index: index && sameSummary(index.summary(file), summary) ? index : (index ?? new PyIndex()).overlay(summary),
    summary,
    limits,
    fixTimeoutSeconds,
    handlerOf: (scope) => handlerByNode.get(scope.node.id),
    isLifecycleHook: (scope) => (hooks ??= lifecycleHooks(model, text)).has(scope.node.id),
    identifierUses: (name) => {
      let found = identifierIndex.get(name);
      if (!found) identifierIndex.set(name, (found = findIdentifiers(tree.rootNode, text, name)));
      return found;
    },
    callsIn: (scope) => byScope.get(scope) ?? [],
    callsThrough: (ctor) => byCtor.get(ctor.id) ?? [],
    memo: <T>(key: string, build: () => T): T => {
      if (!memo.has(key)) memo.set(key, build());
      return memo.get(key) as T;
    },
  };

  const findings: Finding[] = [];
  const notes: string[] = [];
  for (const rule of RULES.values()) {
    if (!rule.checkPython) continue;
    try {
      findings.push(...rule.checkPython(ctx));
    } catch (err) {
      notes.push(`${file}: rule ${rule.id} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));

  return { file, language: 'python', findings, routes: routeInfos(file, handlers), notes, lines: countLines(text), summary };
}

/**
 * The analysis of a file no rule can report on (it names a web framework, none of the blocking catalog,
 * and no LLM facts reach it): its routes, for the CodeLens and the load test, without LLM facts or rules.
 */
export function pythonRoutesOnly(file: string, text: string, parsed: Parsed, index?: PyIndex): FileAnalysis {
  const model = modelOf(parsed);
  const evaluator = new Evaluator(model);
  if (index) evaluator.external = { file, index };
  return { file, language: 'python', findings: [], routes: routeInfos(file, findHandlers(model, evaluator)), notes: [], lines: countLines(text) };
}

function routeInfos(file: string, handlers: Handler[]): RouteInfo[] {
  return handlers.map((h) => ({
    file,
    range: rangeOf(h.scope.nameNode ?? h.scope.node),
    handler: h.scope.name,
    framework: h.framework.displayName,
    method: h.method,
    path: h.path,
    isAsync: h.scope.isAsync,
  }));
}


function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Identifier nodes with this name, outside import statements: found by text search, then located. */
function findIdentifiers(root: Node, text: string, name: string): Node[] {
  return identifiersIn(root, text, name, 0, text.length).filter((n) => {
    for (let p = n.parent; p; p = p.parent) if (p.type === 'import_statement' || p.type === 'import_from_statement') return false;
    return true;
  });
}
