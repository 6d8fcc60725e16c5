// Python analysis of one file: builds the model, finds handlers and LLM call sites, runs the
// rules (each rule attaches its own fixes).

import type { Node, Tree } from '../../parse/parser';
import type { Parsed } from '../../parse/tree-cache';
import type { FileAnalysis, Finding, RouteInfo } from '../../types';
import { RULES } from '../../rules/registry';
import { classifyCall, type LlmCall } from './calls';
import type { PyContext } from './context';
import { findHandlers } from './handlers';
import { buildModel, type PyModel, type Scope } from './model';
import { PyIndex } from '../../index/python-index';
import { summarizePython, type PyFileSummary } from '../../index/python-summary';
import { identifiersIn, rangeOf } from './syntax';
import { Evaluator } from './values';
import type { ServerLimit } from '../../limits/server-limits';

export interface PythonFacts {
  model: PyModel;
  evaluator: Evaluator;
  calls: LlmCall[];
  summary: PyFileSummary;
}

/** Model, LLM call sites and summary of a file; `index` lets clients imported from other files resolve. */
export function pythonFacts(file: string, tree: Tree, index?: PyIndex, prebuilt?: PyModel): PythonFacts {
  const model = prebuilt ?? buildModel(tree.rootNode);
  const evaluator = new Evaluator(model);
  if (index) evaluator.external = { file, index };
  const calls: LlmCall[] = [];
  for (const scope of [model.module, ...model.functions]) {
    for (const call of scope.calls) {
      const c = classifyCall(call, scope, evaluator);
      if (c) calls.push(c);
    }
  }
  return { model, evaluator, calls, summary: summarizePython(file, model, evaluator, calls) };
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
  const slot = parsed.derive('python-facts', () => ({ facts: undefined as PythonFacts | undefined }));
  const kept = slot.facts;
  if (kept && kept.summary.file === file && kept.evaluator.answersMatch(file, index)) {
    kept.evaluator.rebind(file, index);
    return kept;
  }
  return (slot.facts = pythonFacts(file, parsed.tree, index, modelOf(parsed)));
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

  const routes: RouteInfo[] = handlers.map((h) => ({
    file,
    range: rangeOf(h.scope.nameNode ?? h.scope.node),
    handler: h.scope.name,
    framework: h.framework.displayName,
    method: h.method,
    path: h.path,
    isAsync: h.scope.isAsync,
  }));
  const lines = text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  return { file, language: 'python', findings, routes, notes, lines, summary };
}

function sameSummary(a: PyFileSummary | undefined, b: PyFileSummary): boolean {
  return a === b || (a !== undefined && JSON.stringify(a) === JSON.stringify(b));
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
