// The engine's front door: load grammars once, then analyse files (text in, findings out).
// Never throws on input: a failure becomes a note and an empty result for that file.

import * as crypto from 'crypto';
import { Parsers } from './parse/parser';
import { TreeCache } from './parse/tree-cache';
import { countLines } from './parse/text';
import { analyzePythonFile, cachedPythonFacts, pythonRoutesOnly } from './model/python/analyze';
import type { PyIndex } from './index/python-index';
import { policyMarkdown, policyOf } from './policy/python-policy';
import type { PyFileSummary } from './index/python-summary';
import { analyzeJsFile, buildContext, jsMayMatter } from './model/js/analyze';
import { summarizeJs, type JsFileSummary } from './model/js/summary';
import type { JsIndex } from './index/js-index';
import { jsPolicyMarkdown, jsPolicyOf } from './policy/js-policy';
import { rangeOf as rangeOfNode } from './model/js/syntax';
import { RULES, RULE_IDS } from './rules/registry';
import { PYTHON_SDKS } from './catalog/python-sdks';
import { INCLUDE_FUNCTIONS, PYTHON_FRAMEWORKS, ROUTE_CONSTRUCTORS } from './catalog/python-frameworks';
import { LLM_URL } from './catalog/python-http';
import { BLOCKING_BUILTIN_CALL, BLOCKING_NAMES_BY_MODULE, DISTINCTIVE_BLOCKING_CALL } from './catalog/python-blocking';
import { isSuppressed, suppressionEdit } from './fix/suppress';
import { enclosingName } from './baseline/fingerprint';
import type { FileAnalysis, Finding, Language, Position, Range, RuleId, SeveritySetting, TextEdit } from './types';
import type { ServerLimit } from './limits/server-limits';

export interface AnalyzeOptions {
  /** Severity overrides from settings (already normalized). `off` drops the rule. */
  rules?: Partial<Record<RuleId, SeveritySetting>>;
  /** Only report these rules (CLI --select). */
  select?: RuleId[];
  /** Request time limits of the servers and proxies in front (from the workspace's config files). */
  limits?: ServerLimit[];
  /** Seconds the timeout quick fixes write (`loopsafe.fix.timeoutSeconds`); streaming calls get 4×. */
  fixTimeoutSeconds?: number;
  /**
   * False when only findings are wanted (`loopsafe check`, the workspace scan): files no rule can report
   * on are then not parsed for their routes. Default true (CodeLens, the load-test route picker).
   */
  routes?: boolean;
}

/** Files larger than this are skipped with a note (5 MB is analysed; 20 MB is not). */
export const MAX_FILE_CHARS = 20 * 1024 * 1024;

export function languageOf(file: string): Language | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.py') || lower.endsWith('.pyi')) return lower.endsWith('.pyi') ? undefined : 'python';
  if (lower.endsWith('.tsx')) return 'tsx';
  if (lower.endsWith('.ts') || lower.endsWith('.mts') || lower.endsWith('.cts')) return lower.endsWith('.d.ts') ? undefined : 'typescript';
  if (lower.endsWith('.js') || lower.endsWith('.mjs') || lower.endsWith('.cjs') || lower.endsWith('.jsx')) return 'javascript';
  return undefined;
}

/** Top-level packages of the LLM SDKs and of the web frameworks. */
const PYTHON_SDK_TOPS = new Set<string>();

/**
 * Namespace packages shared by unrelated distributions (`google.protobuf`, `google.appengine`,
 * `google.cloud.storage`; `azure.storage`): importing one is an SDK import only through an SDK's own
 * submodule (`google.genai`, `from google import genai`), tested by the pattern kept here per package.
 */
const NAMESPACE_PACKAGES = new Set(['google', 'azure']);
const PYTHON_SDK_NAMESPACES = new Map<string, RegExp>();

/** Recomputes the SDK packages the prefilter looks for (at load, and when project config adds clients). */
export function refreshPythonSdkTops(): void {
  PYTHON_SDK_TOPS.clear();
  PYTHON_SDK_NAMESPACES.clear();
  const subs = new Map<string, Set<string>>();
  for (const s of PYTHON_SDKS) {
    for (const m of s.modules) {
      const parts = m.split('.');
      PYTHON_SDK_TOPS.add(parts[0]);
      if (!NAMESPACE_PACKAGES.has(parts[0]) || parts.length < 2) continue;
      const set = subs.get(parts[0]) ?? new Set<string>();
      set.add(parts.slice(1).map((x) => x.replace(/[^\w]/g, '\\$&')).join('\\s*\\.\\s*'));
      subs.set(parts[0], set);
    }
  }
  for (const [top, set] of subs) {
    const alt = [...set].join('|');
    // `import google.genai`, `google.genai.Client(...)`, `from google.genai import types`, and
    // `from google import genai` / `from google import (\n    generativeai as g,\n)`.
    const from = `\\bfrom[ \\t]+${top}[ \\t]+import`;
    PYTHON_SDK_NAMESPACES.set(top, new RegExp(`\\b${top}\\s*\\.\\s*(?:${alt})\\b|${from}[ \\t\\w,]*?\\b(?:${alt})\\b|${from}[ \\t]*\\([\\s\\w,]*?\\b(?:${alt})\\b`));
  }
}
refreshPythonSdkTops();
export const PYTHON_FRAMEWORK_TOPS = new Set(PYTHON_FRAMEWORKS.flatMap((f) => f.modules).map((m) => m.split('.')[0]));

/** Raw HTTP libraries: their files matter when they also name an LLM endpoint. */
const PYTHON_HTTP = new Set(['requests', 'httpx', 'aiohttp', 'urllib']);

const ASYNC_DEF = /\basync\s+def\b/;

/**
 * A route constructor or include called by name (`path(...)`, `Route(...)`): the file may be a route
 * table. A definition of that name (`def path(self)`, `class Route(BaseRoute)`, as in the frameworks'
 * own modules) calls nothing.
 */
const ROUTE_CALL = new RegExp(`(?<!\\b(?:def|class)[ \\t]+)\\b(?:${[...new Set([...ROUTE_CONSTRUCTORS, ...INCLUDE_FUNCTIONS].map((q) => q.split('.').pop()!))].join('|')})\\s*\\(`);
/**
 * `request.app.state.client`: clients set on the app's state in another file; `current_app.chat`
 * (Flask, Quart): objects an app factory stored on the app in another file.
 */
const STATE_USE = /\.state\.\w+|\bcurrent_app\.\w+/;

/**
 * What a Python file's text can matter for, before parsing it:
 * - `llm`: it imports an LLM SDK, or an HTTP library and names an LLM endpoint: every rule may apply;
 * - `framework`: it imports only a web framework: its routes count, and of the rules only
 *   blocking-call-in-async-handler can fire unless the index brings LLM facts in through its imports.
 *   `blocking`: it imports a module of the blocking catalog and names one of its functions (or calls
 *   `open`); `summary`: the index needs its summary anyway (route tables, `app.state` clients);
 * - undefined: nothing, unless the index brings LLM facts in.
 */
export interface PyTextFacts {
  relevance: 'llm' | 'framework' | undefined;
  blocking: boolean;
  summary: boolean;
}

const NOTHING: PyTextFacts = { relevance: undefined, blocking: false, summary: false };
const LLM: PyTextFacts = { relevance: 'llm', blocking: true, summary: true };

export function pythonTextFacts(text: string): PyTextFacts {
  let framework = false;
  let http = false;
  const tops = importedTops(text);
  for (const top of tops) {
    if (PYTHON_SDK_TOPS.has(top)) {
      const ns = PYTHON_SDK_NAMESPACES.get(top);
      if (!ns || ns.test(text)) return LLM;
    }
    if (PYTHON_FRAMEWORK_TOPS.has(top)) framework = true;
    if (PYTHON_HTTP.has(top)) http = true;
  }
  if (http && LLM_URL.test(text)) return LLM;
  if (!framework) return NOTHING;
  let blocking = BLOCKING_BUILTIN_CALL.test(text);
  for (const top of tops) {
    if (blocking) break;
    const names = BLOCKING_NAMES_BY_MODULE.get(top);
    if (names) blocking = names.some((n) => text.includes(n));
  }
  return { relevance: 'framework', blocking, summary: STATE_USE.test(text) || ROUTE_CALL.test(text) };
}

/**
 * Top-level packages named by the file's `import a, b.c as d` / `from x import` lines (found with
 * indexOf, far cheaper than a multiline regex over every file of a big workspace).
 */
function importedTops(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = text.indexOf('import'); i !== -1; i = text.indexOf('import', i + 6)) {
    let j = text.lastIndexOf('\n', i) + 1;
    while (isBlank(text.charCodeAt(j))) j++;
    let k: number;
    let list = false;
    if (j === i && isBlank(text.charCodeAt(i + 6))) (k = i + 7), (list = true);
    else if (text.startsWith('from', j) && isBlank(text.charCodeAt(j + 4))) k = j + 5;
    else continue;
    for (;;) {
      while (isBlank(text.charCodeAt(k))) k++;
      let e = k;
      while (e < text.length && isWordChar(text.charCodeAt(e))) e++;
      if (e > k) out.add(text.slice(k, e));
      if (!list) break;
      // `import a.b as c, d`: on to the next name after a comma on the same line.
      while (e < text.length && text.charCodeAt(e) !== 44 && text.charCodeAt(e) !== 10) e++;
      if (text.charCodeAt(e) !== 44) break;
      k = e + 1;
    }
  }
  return out;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

export class Engine {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly summaryCache = new Map<string, { key: string; summary: PyFileSummary | undefined }>();
  private readonly jsSummaryCache = new Map<string, { key: string; summary: JsFileSummary | undefined }>();
  private readonly lastSummary = new Map<string, { text: string; summary: PyFileSummary }>();
  private readonly mayMatter = new Map<string, { text: string; facts: PyTextFacts; lines?: number }>();
  /** The last text hashed per file and its hash (summaries are asked for again and again while the index settles). */
  private readonly hashes = new Map<string, { text: string; hash: string }>();

  private textHash(file: string, text: string): string {
    const known = this.hashes.get(file);
    if (known && known.text === text) return known.hash;
    const hash = crypto.createHash('sha1').update(text).digest('hex');
    this.hashes.set(file, { text, hash });
    if (this.hashes.size > 50_000) this.hashes.delete(this.hashes.keys().next().value as string);
    return hash;
  }

  private readonly trees: TreeCache;

  private constructor(private readonly parsers: Parsers) {
    this.trees = new TreeCache(parsers);
  }

  /** True when `text` parses without errors as the language of `file` (fixed text is checked with it). */
  parsesCleanly(file: string, text: string): boolean {
    const language = languageOf(file);
    if (!language) return true;
    const tree = this.parsers.parse(language, text);
    try {
      return !tree.rootNode.hasError;
    } finally {
      tree.delete();
    }
  }

  /** Name of the functions and classes around each finding (`Service.ask`; '' at module level), for fingerprints. */
  enclosingNames(file: string, text: string, findings: Finding[]): string[] {
    const language = languageOf(file);
    if (!language || findings.length === 0) return findings.map(() => '');
    const tree = this.parsers.parse(language, text);
    try {
      return findings.map((f) => enclosingName(tree, f.range.start.line, f.range.start.character));
    } finally {
      tree.delete();
    }
  }

  static async create(wasmDir: string): Promise<Engine> {
    return new Engine(await Parsers.load(wasmDir));
  }

  /**
   * Summary of a Python file for the workspace index (undefined for other languages, unreadable or
   * irrelevant files). `index` lets clients imported from other files resolve.
   */
  summarize(file: string, text: string, index?: PyIndex): PyFileSummary | undefined {
    if (languageOf(file) !== 'python' || text.length > MAX_FILE_CHARS) return undefined;
    const key = this.textHash(file, text) + (index ? index.clientsFingerprintHash() : '');
    const cached = this.summaryCache.get(file);
    if (cached && cached.key === key) return cached.summary;
    let summary: PyFileSummary | undefined;
    try {
      summary = cachedPythonFacts(file, this.trees.get(file, 'python', text), index).summary;
    } catch {
      summary = undefined;
    }
    this.summaryCache.set(file, { key, summary });
    return summary;
  }

  /**
   * Summary of a JavaScript/TypeScript file for the workspace's JS index (undefined for other languages
   * and unreadable files). `index` lets imported helpers' and clients' facts flow into this file's.
   */
  summarizeJs(file: string, text: string, index?: JsIndex): JsFileSummary | undefined {
    const language = languageOf(file);
    if (!language || language === 'python' || text.length > MAX_FILE_CHARS) return undefined;
    const key = `js:${crypto.createHash('sha1').update(text).digest('hex')}${index ? crypto.createHash('sha1').update(index.fingerprint(file)).digest('hex') : ''}`;
    const cached = this.jsSummaryCache.get(file);
    if (cached && cached.key === key) return cached.summary;
    let summary: JsFileSummary | undefined;
    try {
      summary = summarizeJs(buildContext(file, text, this.trees.get(file, language, text).tree, language, index?.view(file)));
    } catch {
      summary = undefined;
    }
    this.jsSummaryCache.set(file, { key, summary });
    return summary;
  }

  /** True when a JS/TS file's text names an SDK, framework, blocking module or handler layout. */
  static mentionsJsSdk(file: string, text: string): boolean {
    return jsMayMatter(file, text);
  }

  /** Analyses one file. `file` is an absolute path; `text` its current content; `index` the workspace's. */
  analyze(file: string, text: string, options: AnalyzeOptions = {}, index?: PyIndex, jsIndex?: JsIndex): FileAnalysis {
    const language = languageOf(file);
    const empty = (notes: string[]): FileAnalysis => ({ file, language: language ?? 'python', findings: [], routes: [], notes, lines: countLines(text) });
    if (!language) return empty([`${file}: not a Python, JavaScript or TypeScript file`]);
    if (text.length > MAX_FILE_CHARS) return empty([`${file}: skipped, ${Math.round(text.length / 1048576)} MB is over the ${MAX_FILE_CHARS / 1048576} MB limit`]);
    if (text.indexOf('\u0000') !== -1 && looksBinary(text)) return empty([`${file}: skipped, looks like a binary file`]);
    // No SDK or framework is named anywhere in the file and the index knows no LLM facts reaching it:
    // nothing any rule could report (decided before hashing, as most files of a workspace end here).
    // A file naming only a framework, none of the blocking catalog and reached by no LLM facts: its routes.
    let routesOnly = false;
    if (language === 'python') {
      const facts = this.textFacts(file, text).facts;
      const reached = index !== undefined && index.mayHaveFindings(file);
      routesOnly = facts.relevance === 'framework' && !facts.blocking && !facts.summary && !reached;
      if ((!facts.relevance && !reached) || (routesOnly && options.routes === false)) {
        return { file, language, findings: [], routes: [], notes: [], lines: this.linesOf(file, text) };
      }
    }

    let raw: FileAnalysis;
    const limitsKey =
      (options.limits?.length ? options.limits.map((l) => `${l.kind}:${l.seconds}:${l.file}:${l.range.start.line}:${l.heartbeatOnly ?? ''}`).join('|') : '') +
      (options.fixTimeoutSeconds !== undefined ? `|fix:${options.fixTimeoutSeconds}` : '');
    // The text and settings; for Python, what the file reads from other files is checked apart
    // (`sameCrossFile`): the same index object needs no fingerprint at all.
    const hash =
      this.textHash(file, text) +
      (index && language === 'python' ? ':py' : '') +
      (routesOnly ? ':routes' : '') +
      (jsIndex && language !== 'python' ? crypto.createHash('sha1').update(`js${jsIndex.fingerprint(file)}`).digest('hex') : '') +
      (limitsKey ? crypto.createHash('sha1').update(limitsKey).digest('hex') : '');
    const cached = this.cache.get(file);
    let fingerprint: string | undefined;
    const current = (): string => (fingerprint ??= index!.fingerprint(file));
    if (cached && cached.hash === hash && (language !== 'python' || !index || sameCrossFile(cached, index, file, current))) {
      raw = cached.result;
    } else {
      try {
        raw = routesOnly
          ? pythonRoutesOnly(file, text, this.trees.get(file, 'python', text), index)
          : this.analyzeUncached(file, text, language, index, options.limits ?? [], options.fixTimeoutSeconds, jsIndex);
        const withSummary = raw as FileAnalysis & { summary?: PyFileSummary };
        if (withSummary.summary) {
          this.lastSummary.set(file, { text, summary: withSummary.summary });
          const { summary: _dropped, ...rest } = withSummary;
          void _dropped;
          raw = rest;
        }
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        return empty([`${file}: analysis failed: ${message.split('\n')[0]}`]);
      }
      this.cache.set(file, { hash, result: raw, index: index && language === 'python' ? new WeakRef(index) : undefined, fingerprint });
      if (this.cache.size > 5000) this.cache.delete(this.cache.keys().next().value as string);
    }
    return { ...raw, findings: applyOptions(raw.findings, text, options) };
  }

  /** The catalogs changed (project config): nothing remembered about any file holds any more. */
  forgetAll(): void {
    this.cache.clear();
    this.summaryCache.clear();
    this.jsSummaryCache.clear();
    this.lastSummary.clear();
    this.mayMatter.clear();
    this.trees.clear();
  }

  /**
   * The edit adding a suppression comment for `rule` to the finding on `line`, placed where it is a real
   * comment (not in a string, template literal or after a line-continuing backslash); undefined when
   * there is no such place.
   */
  suppressionEdit(file: string, text: string, line: number, rule: RuleId): TextEdit | undefined {
    const language = languageOf(file);
    if (!language) return undefined;
    return suppressionEdit(file, text, language, line, rule, this.trees.get(file, language, text).tree.rootNode);
  }

  forget(file: string): void {
    this.cache.delete(file);
    this.summaryCache.delete(file);
    this.jsSummaryCache.delete(file);
    this.lastSummary.delete(file);
    this.mayMatter.delete(file);
    this.hashes.delete(file);
    this.trees.forget(file);
  }

  /** Hover text for the LLM call under `position` (its effective timeout and retry policy), if any. */
  hover(file: string, text: string, position: Position, index?: PyIndex, jsIndex?: JsIndex): string | undefined {
    const language = languageOf(file);
    if (!language || text.length > MAX_FILE_CHARS) return undefined;
    if (language !== 'python') return this.hoverJs(file, text, language, position, jsIndex);
    try {
      const { calls } = cachedPythonFacts(file, this.trees.get(file, 'python', text), index);
      const inside = (n: { startPosition: { row: number; column: number }; endPosition: { row: number; column: number } }) =>
        (position.line > n.startPosition.row || (position.line === n.startPosition.row && position.character >= n.startPosition.column)) &&
        (position.line < n.endPosition.row || (position.line === n.endPosition.row && position.character <= n.endPosition.column));
      const hit = calls.filter((c) => inside(c.node.childForFieldName('function') ?? c.node)).pop();
      return hit ? policyMarkdown(hit, policyOf(hit)) : undefined;
    } catch {
      return undefined;
    }
  }

  private hoverJs(file: string, text: string, language: Language, position: Position, jsIndex?: JsIndex): string | undefined {
    try {
      const ctx = buildContext(file, text, this.trees.get(file, language, text).tree, language, jsIndex?.view(file));
      const inside = (r: Range) =>
        (position.line > r.start.line || (position.line === r.start.line && position.character >= r.start.character)) &&
        (position.line < r.end.line || (position.line === r.end.line && position.character <= r.end.character));
      const hit = ctx.calls.filter((c) => c.kind === 'sdk' && inside(rangeOfNode(c.calleeNode))).pop();
      const policy = hit ? jsPolicyOf(hit) : undefined;
      return hit && policy ? jsPolicyMarkdown(hit, policy) : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The files whose parse trees (and the facts derived from them) are still kept, most recently used
   * first: analysing these first reuses them before other files' parses push them out.
   */
  filesWithTrees(): string[] {
    return this.trees.recentFiles();
  }

  /** The summary the last full analysis of `file` produced, if it analysed exactly `text`. */
  lastSummaryFor(file: string, text: string): PyFileSummary | undefined {
    const last = this.lastSummary.get(file);
    return last && last.text === text ? last.summary : undefined;
  }

  /** True when the text names an SDK or web framework (files that don't can only matter through imports). */
  static mentionsPythonSdk(text: string): boolean {
    return pythonTextFacts(text).relevance !== undefined;
  }

  /**
   * True when the workspace index needs this file's summary whoever imports it: it names an SDK or an
   * LLM endpoint, or holds a route table or reads clients off `app.state` (remembered per text).
   */
  /** True when a Python file's text names a blocking function of the catalog (or calls `open`). */
  pythonMayBlock(file: string, text: string, strict = false): boolean {
    if (languageOf(file) !== 'python') return false;
    if (strict) {
      // A plain helper module (naming no SDK or framework) importing a network, database or process module.
      if (this.textFacts(file, text).facts.relevance !== undefined) return false;
      if (DISTINCTIVE_BLOCKING_CALL.test(text)) return true;
    } else if (BLOCKING_BUILTIN_CALL.test(text)) return true;
    for (const top of importedTops(text)) {
      if (strict && top === 'pathlib') continue;
      const names = BLOCKING_NAMES_BY_MODULE.get(top);
      if (names && names.some((n) => text.includes(n))) return true;
    }
    return false;
  }

  /** A Python file that names a web framework and defines an `async def`: its handlers may call blocking helpers. */
  pythonLoopFile(file: string, text: string): boolean {
    return languageOf(file) === 'python' && this.textFacts(file, text).facts.relevance === 'framework' && ASYNC_DEF.test(text);
  }

  pythonNeedsSummary(file: string, text: string): boolean {
    return this.textFacts(file, text).facts.summary;
  }

  private textFacts(file: string, text: string): { text: string; facts: PyTextFacts; lines?: number } {
    let known = this.mayMatter.get(file);
    if (!known || known.text !== text) {
      known = { text, facts: pythonTextFacts(text) };
      this.mayMatter.set(file, known);
      if (this.mayMatter.size > 20_000) this.mayMatter.delete(this.mayMatter.keys().next().value as string);
    }
    return known;
  }

  /** Lines of a Python file's current text (remembered with the prefilter's answer). */
  private linesOf(file: string, text: string): number {
    const facts = this.textFacts(file, text);
    return (facts.lines ??= countLines(text));
  }

  private analyzeUncached(file: string, text: string, language: Language, index: PyIndex | undefined, limits: ServerLimit[], fixTimeoutSeconds?: number, jsIndex?: JsIndex): FileAnalysis {
    if (language !== 'python') {
      return analyzeJsFile(file, text, this.trees.get(file, language, text).tree, language, jsIndex?.view(file), limits, fixTimeoutSeconds);
    }
    const parsed = this.trees.get(file, 'python', text);
    return analyzePythonFile(file, text, parsed.tree, index, cachedPythonFacts(file, parsed, index), limits, fixTimeoutSeconds);
  }
}

/** A remembered analysis; for Python files analysed with an index, that index (weakly) and, once worked out, the file's fingerprint in it. */
interface CacheEntry {
  hash: string;
  result: FileAnalysis;
  index?: WeakRef<PyIndex>;
  fingerprint?: string;
}

/**
 * Whether what a cached Python analysis read from other files still holds: it was made with this very
 * index, or the file's fingerprint (what its analysis reads from other files) is the same in both.
 * The old fingerprint is worked out only now, from the old index if it is still around: a cold scan
 * computes none.
 */
function sameCrossFile(entry: CacheEntry, index: PyIndex, file: string, current: () => string): boolean {
  const old = entry.index?.deref();
  if (old === index) return true;
  if (entry.fingerprint === undefined) {
    if (!old) return false;
    entry.fingerprint = old.fingerprint(file);
  }
  return entry.fingerprint === current();
}

function applyOptions(findings: Finding[], text: string, options: AnalyzeOptions): Finding[] {
  if (findings.length === 0) return [];
  const lines = text.split('\n');
  const out: Finding[] = [];
  for (const f of findings) {
    if (options.select && !options.select.includes(f.rule)) continue;
    // A setting applies to every finding of the rule; without one, a finding keeps its own severity
    // (the rule's default, or lower for a judgement call such as small local file I/O).
    const setting = options.rules?.[f.rule] ?? f.severity ?? RULES.get(f.rule)?.defaultSeverity;
    if (setting === 'off') continue;
    if (isSuppressed(lines, f.range.start.line, f.rule)) continue;
    out.push({ ...f, severity: setting });
  }
  return out;
}


function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let nul = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0) nul++;
  return nul > 0;
}

export { RULE_IDS };
