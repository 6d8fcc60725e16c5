// The set of files the engine knows about (open buffers and files on disk), their summaries and the
// cross-file index. Editor and CLI both go through it, so they report the same findings.

import * as fs from 'fs';
import { Engine, AnalyzeOptions, PYTHON_FRAMEWORK_TOPS, languageOf } from '../engine';
import { decodeText } from './decode';
import { PyIndex } from './python-index';
import { sameSummary, type PyFileSummary } from './python-summary';
import type { FileAnalysis, Position } from '../types';
import { isGunicornConfig, isServerConfigFile, lambdaEntryPoints, limitsInFile, withConfigWorkers, type LambdaEntryPoint, type ServerLimit } from '../limits/server-limits';
import { JsIndex } from './js-index';
import type { JsFileSummary } from '../model/js/summary';
import { readTsconfigPaths, type TsPaths } from '../model/js/resolve';
import * as path from 'path';
import { isExcluded, type ProjectConfig, type ProjectConfigs } from '../config/project-config';
import { extensionsOf, setCatalogExtensions } from '../config/extensions';
import { limitsWithConfig, optionsWithConfig } from '../config/apply';

/** JS/TS module specifiers: `from '…'`, `require('…')`, `import('…')`, `import '…'`. */
const JS_SPECIFIER = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|^\s*import\s+)['"`]([^'"`\n]+)['"`]/gm;

export class Workspace {
  private readonly texts = new Map<string, string>();
  private readonly summaries = new Map<string, PyFileSummary>();
  private readonly dirty = new Set<string>();
  /** Python files not summarized yet (nothing seen in them can matter so far). */
  private readonly waiting = new Set<string>();
  /**
   * Per waiting file: the modules and names its import lines name, as the index last saw them, each
   * with the file it resolved to once looked up (null: to none).
   */
  private readonly importSpecs = new Map<string, ImportSpec[]>();
  private index: PyIndex | undefined;
  /** Who imports whom among summarized files, for the index it was computed from. */
  private importGraph: { index: PyIndex } & ImportGraph | undefined;
  /**
   * The last indexes built, kept through invalidation until the next build: the import graph that the
   * findings published so far were computed with (`affectedBy` re-publishes what it reached).
   */
  private builtIndex: PyIndex | undefined;
  private builtJsIndex: JsIndex | undefined;
  /** Per changed or removed file: the files the old import graph reached from it, until `affectedBy` hands them out. */
  private readonly staleReach = new Map<string, Set<string>>();
  /** Per file: whether its text uses `….state.<name>`, for the text it was worked out on. */
  private readonly stateUse = new Map<string, { text: string; uses: boolean }>();
  /** Per file: a module of a web framework's own package (forgotten when files come or go, or an `__init__.py` changes). */
  private readonly frameworkFiles = new Map<string, boolean>();
  /** Request time limits read from server and proxy config files; recomputed when one changes. */
  private serverLimits: ServerLimit[] | undefined;
  private lambdas: LambdaEntryPoint[] | undefined;
  /** JS/TS: summaries, files changed since the index was built, files not summarized yet, the index. */
  private readonly jsSummaries = new Map<string, JsFileSummary>();
  private readonly jsDirty = new Set<string>();
  private readonly jsWaiting = new Set<string>();
  private jsIndex: JsIndex | undefined;
  /** Nearest tsconfig/jsconfig `baseUrl`/`paths` per directory (read from disk unless open here). */
  private readonly tsPathsByDir = new Map<string, TsPaths | undefined>();

  /** Project config files (`loopsafe.toml`, `[tool.loopsafe]`…): per-file options, exclusions, extensions. */
  private configs: ProjectConfigs | undefined;
  /** Options that win over the project config (command-line flags). */
  overrides: AnalyzeOptions | undefined;
  /** Counts changes to the files, their texts or project configs: results computed at one revision hold until it moves. */
  revision = 0;

  constructor(readonly engine: Engine, public options: AnalyzeOptions = {}) {}

  /** Uses these project configs from now on (nearest above each file wins); see `refreshProject`. */
  setProjectConfigs(configs: ProjectConfigs | undefined): void {
    this.configs = configs;
    this.refreshProject();
  }

  /**
   * Looks up the config of every known file and puts their extension points (blocking functions, LLM
   * clients) into the catalogs; when they changed, every summary and analysis is computed again.
   * Call it after loading files and whenever a config file changed (after `configs.invalidate()`).
   */
  refreshProject(): void {
    this.revision++;
    if (this.configs) for (const file of this.texts.keys()) this.configs.forFile(file);
    const changed = setCatalogExtensions(extensionsOf(this.configs?.all() ?? []));
    if (changed) this.catalogChanged();
  }

  /** The config that applies to `file`, if any. */
  configFor(file: string): ProjectConfig | undefined {
    return this.configs?.forFile(file);
  }

  /** True when the file's project config excludes it: it is indexed (its helpers count) but not reported on. */
  isExcluded(file: string): boolean {
    return isExcluded(this.configs?.forFile(file), file);
  }

  /** The catalogs changed: every file is summarized and analysed again. */
  private catalogChanged(): void {
    this.engine.forgetAll();
    this.summaries.clear();
    this.waiting.clear();
    this.importSpecs.clear();
    this.index = undefined;
    this.importGraph = undefined;
    this.builtIndex = undefined;
    this.builtJsIndex = undefined;
    this.jsSummaries.clear();
    this.jsWaiting.clear();
    this.jsIndex = undefined;
    for (const file of this.texts.keys()) {
      const lang = languageOf(file);
      if (lang === 'python') this.dirty.add(file);
      else if (lang) this.jsDirty.add(file);
    }
  }

  /** Records the current text of a file (an open buffer or a file read from disk). */
  upsert(file: string, text: string): void {
    if (this.texts.get(file) === text) return;
    if (!this.texts.has(file) || file.endsWith('__init__.py')) this.frameworkFiles.clear();
    this.revision++;
    this.texts.set(file, text);
    if (isLimitSource(file)) this.limitSourceChanged();
    if (languageOf(file) === 'python') {
      this.dirty.add(file);
    } else if (languageOf(file)) {
      // A new module can change how other files' imports resolve: the index is rebuilt.
      if (!this.jsSummaries.has(file) && !this.jsWaiting.has(file)) this.jsIndex = undefined;
      this.jsDirty.add(file);
    } else if (isTsconfig(file)) {
      this.tsPathsByDir.clear();
      this.jsIndex = undefined;
      for (const f of this.texts.keys()) if (languageOf(f) && languageOf(f) !== 'python') this.jsDirty.add(f);
    }
  }

  /** Reads a file from disk into the workspace; returns a note instead of throwing. */
  load(file: string): string | undefined {
    try {
      const buf = fs.readFileSync(file);
      const { text, note } = decodeText(buf);
      this.upsert(file, text);
      return note ? `${file}: ${note}` : undefined;
    } catch (err) {
      this.remove(file);
      return `${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
    }
  }

  remove(file: string): void {
    if (!this.texts.has(file)) return;
    this.rememberReach(file);
    this.texts.delete(file);
    this.frameworkFiles.clear();
    this.revision++;
    if (isLimitSource(file)) this.limitSourceChanged();
    this.summaries.delete(file);
    this.dirty.delete(file);
    this.stateUse.delete(file);
    this.waiting.delete(file);
    this.importSpecs.delete(file);
    this.engine.forget(file);
    this.index = undefined;
    this.jsSummaries.delete(file);
    this.jsDirty.delete(file);
    this.jsWaiting.delete(file);
    this.jsIndex = undefined;
    if (isTsconfig(file)) this.tsPathsByDir.clear();
  }

  has(file: string): boolean {
    return this.texts.has(file);
  }

  text(file: string): string | undefined {
    return this.texts.get(file);
  }

  files(): string[] {
    return [...this.texts.keys()];
  }

  /** A config file changed: its limits, and the Lambda handlers it names (JS index entries), are read again. */
  private limitSourceChanged(): void {
    this.serverLimits = undefined;
    this.lambdas = undefined;
    this.jsIndex = undefined;
  }

  /** Lambda handlers named by the workspace's Serverless and SAM configs. */
  private lambdaEntries(): LambdaEntryPoint[] {
    if (!this.lambdas) {
      this.lambdas = [];
      for (const [file, text] of this.texts) if (isLimitSource(file)) this.lambdas.push(...lambdaEntryPoints(file, text));
    }
    return this.lambdas;
  }

  /** The server and proxy time limits the workspace's config files set. */
  limits(): ServerLimit[] {
    if (!this.serverLimits) {
      this.serverLimits = [];
      for (const [file, text] of this.texts) if (isLimitSource(file)) this.serverLimits.push(...limitsInFile(file, text));
      this.serverLimits = withConfigWorkers(this.serverLimits, (f) => this.texts.get(f));
    }
    return this.serverLimits;
  }

  /** True when the file sets server limits: a change there can change every handler's findings. */
  static isLimitSource(file: string): boolean {
    return isLimitSource(file);
  }

  /** Analyses one file of the workspace; `extra` adds to the workspace's options (`{ routes: false }`). */
  analyze(file: string, extra?: AnalyzeOptions): FileAnalysis | undefined {
    const text = this.texts.get(file);
    if (text === undefined || !languageOf(file)) return undefined;
    const cfg = this.configs?.forFile(file);
    const options = { ...optionsWithConfig(this.options, cfg, this.overrides), ...extra, limits: limitsWithConfig(this.limits(), cfg) };
    if (cfg && isExcluded(cfg, file)) return { file, language: languageOf(file)!, findings: [], routes: [], notes: [], lines: text.split('\n').length };
    if (languageOf(file) !== 'python') return this.engine.analyze(file, text, options, undefined, this.ensureJsIndex());
    if (this.frameworkSource(file)) return { file, language: 'python', findings: [], routes: [], notes: [], lines: text.split('\n').length };
    // Keystroke path: only this file changed. Analyse it against the current index; when its summary
    // (calls, clients, helpers) did not change, the index stays valid and one parse was enough.
    const old = this.summaries.get(file);
    if (this.index && old && this.dirty.size === 1 && this.dirty.has(file)) {
      const result = this.engine.analyze(file, text, options, this.index);
      const fresh = this.engine.lastSummaryFor(file, text);
      if (fresh && sameSummary(fresh, old)) {
        this.dirty.clear();
        return result;
      }
    }
    return this.engine.analyze(file, text, options, this.ensureIndex());
  }

  /** The index needs this file's summary whoever imports it (see `Engine.pythonNeedsSummary`). */
  private needsSummary(file: string, text: string): boolean {
    return this.engine.pythonNeedsSummary(file, text) && !this.frameworkSource(file);
  }

  /**
   * A module of a web framework's own package (`starlette/routing.py`, `fastapi/security/http.py`: a
   * directory named after the framework, with an `__init__.py` at every level down to the file, the
   * package's own not empty). It is the framework's source, not an app it serves: its `async def
   * __call__`s are not handlers, and no app could name a package of its own so without hiding the
   * framework. Not analysed.
   */
  private frameworkSource(file: string): boolean {
    const known = this.frameworkFiles.get(file);
    if (known !== undefined) return known;
    let result = false;
    let dir = path.dirname(file);
    for (let depth = 0; depth < 12 && this.texts.has(path.join(dir, '__init__.py')); depth++) {
      if (PYTHON_FRAMEWORK_TOPS.has(path.basename(dir))) {
        // The framework's `__init__` says something (its version, its exports); an app's folder that
        // happens to bear the name, run from inside, has at most an empty one.
        result = /^[ \t]*[^\s#]/m.test(this.texts.get(path.join(dir, '__init__.py'))!);
        break;
      }
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    this.frameworkFiles.set(file, result);
    return result;
  }

  /** Hover markdown for the LLM call at `position` in `file` (its effective timeout and retries). */
  hover(file: string, position: Position): string | undefined {
    const text = this.texts.get(file);
    if (text === undefined || !languageOf(file)) return undefined;
    if (languageOf(file) !== 'python') return this.engine.hover(file, text, position, undefined, this.ensureJsIndex());
    return this.engine.hover(file, text, position, this.ensureIndex());
  }

  analyzeAll(extra?: AnalyzeOptions): FileAnalysis[] {
    const files = [...this.texts.keys()].sort();
    let order = files;
    if (this.dirty.size > 1 || this.jsDirty.size > 1) {
      // A scan after many changes: the indexes are built first (summarizing parses files), then the
      // files whose trees are still kept are analysed first, most recent first, so that the trees the
      // summaries parsed are used before the cache, bounded, lets them go (in a workspace bigger than
      // the cache, analysing in name order parsed nearly every file twice). Results keep name order.
      if (this.dirty.size > 0) this.ensureIndex();
      if (this.jsDirty.size > 0) this.ensureJsIndex();
      const kept = this.engine.filesWithTrees().filter((f) => this.texts.has(f));
      const first = new Set(kept);
      order = [...kept, ...files.filter((f) => !first.has(f))];
    }
    const results = new Map<string, FileAnalysis>();
    for (const file of order) {
      const result = this.analyze(file, extra);
      if (result) results.set(file, result);
    }
    const out: FileAnalysis[] = [];
    for (const file of files) {
      const result = results.get(file);
      if (result) out.push(result);
    }
    return out;
  }

  /**
   * Files whose findings may change when `file` changed: itself, the files that import it and the files
   * it imports (their helpers may now be reached from the loop), both transitively, in the import graph
   * as it is now and as it was when the findings shown so far were computed (an import cut or a file
   * deleted leaves findings in the modules it used to reach).
   */
  affectedBy(file: string): string[] {
    if (!languageOf(file)) return [file];
    const lang = languageOf(file);
    let out: Set<string>;
    if (lang === 'python') {
      const index = this.ensureIndex();
      out = reachIn(this.pyGraph(index), file);
      // Clients this file calls through, built elsewhere without a timeout: reported at their constructors.
      for (const f of index.clientFilesUsedBy(file)) out.add(f);
    } else {
      out = this.jsReach(this.ensureJsIndex(), file);
    }
    for (const f of this.staleReach.get(file) ?? []) out.add(f);
    this.staleReach.delete(file);
    return [...out];
  }

  /** Who imports whom among the summarized Python files, as `index` resolves their imports. */
  private pyGraph(index: PyIndex): ImportGraph {
    if (this.importGraph?.index === index) return this.importGraph;
    const importers = new Map<string, Set<string>>();
    const imports = new Map<string, Set<string>>();
    for (const s of this.summaries.values()) {
      for (const q of Object.values(s.imports)) {
        const r = index.resolve(s.file, q);
        if (!r || r.file === s.file) continue;
        if (!importers.has(r.file)) importers.set(r.file, new Set());
        importers.get(r.file)!.add(s.file);
        if (!imports.has(s.file)) imports.set(s.file, new Set());
        imports.get(s.file)!.add(r.file);
      }
    }
    this.importGraph = { index, importers, imports };
    return this.importGraph;
  }

  /**
   * Before `file`'s facts leave the index (an edit re-summarizes it, or it is removed): remembers what the
   * last built index's import graph reached from it, for `affectedBy`.
   */
  private rememberReach(file: string): void {
    const lang = languageOf(file);
    if (!lang) return;
    let reached: Iterable<string> | undefined;
    if (lang === 'python') reached = this.builtIndex && this.summaries.has(file) ? [...reachIn(this.pyGraph(this.builtIndex), file), ...this.builtIndex.clientFilesUsedBy(file)] : undefined;
    else reached = this.builtJsIndex && this.jsSummaries.has(file) ? this.jsReach(this.builtJsIndex, file) : undefined;
    if (!reached) return;
    let set = this.staleReach.get(file);
    if (!set) this.staleReach.set(file, (set = new Set()));
    for (const f of reached) set.add(f);
  }

  /**
   * Brings the index up to date. Only files that can matter are summarized: those naming an SDK or
   * framework, then, round by round, those importing a module already known to hold LLM facts.
   */
  private ensureIndex(): PyIndex {
    if (this.index && this.dirty.size === 0) return this.index;
    // Keystroke path: nothing other files read changed (the edited files' summaries are the same, or
    // they still name no SDK and import the same modules): the index stays valid.
    if (this.index && [...this.dirty].every((file) => this.unchangedForIndex(file, this.index!))) {
      this.dirty.clear();
      return this.index;
    }
    const fresh = [...this.dirty];
    for (const file of fresh) {
      this.rememberReach(file);
      this.summaries.delete(file);
      this.importSpecs.delete(file);
      this.waiting.add(file);
    }
    this.dirty.clear();
    let index = this.buildIndex();
    for (let round = 0; round < 16; round++) {
      const take: string[] = [];
      if (round === 0) {
        // Round 0 looks only at changed files: the others were found not to name an SDK before.
        for (const file of fresh) {
          const text = this.texts.get(file);
          if (text !== undefined && this.waiting.has(file) && this.needsSummary(file, text)) take.push(file);
        }
      } else {
        // Waiting files importing a module with LLM facts. An absolute import can only reach a
        // summarized module through a dotted name containing its name: others are not resolved at all.
        const interesting = this.interestingIn(index);
        let any = false;
        const stems = new Set<string>();
        for (const f of this.summaries.keys()) {
          stems.add(moduleStem(f));
          any ||= interesting(f);
        }
        if (!any) break;
        for (const file of this.waiting) {
          const text = this.texts.get(file);
          if (text !== undefined && this.importsAny(file, text, stems, interesting, index)) take.push(file);
        }
        // Modules whose functions are handed a client (`helper(client)`, `Bot(llm)`) by summarized files.
        for (const file of this.argumentTargets(index)) if (this.waiting.has(file) && !take.includes(file)) take.push(file);
      }
      if (take.length === 0 && round > 0) break;
      for (const file of take) {
        this.waiting.delete(file);
        const summary = this.engine.summarize(file, this.texts.get(file)!, round === 0 ? undefined : index);
        if (summary) this.summaries.set(file, summary);
      }
      index = this.buildIndex();
    }
    // Sync helper modules naming no SDK or framework (`utils.py` over `requests` or a DB driver) matter
    // when code on the loop calls them: summarized when a function of a summarized module that can run
    // on the loop (or of such a helper module, round after round) calls into them and their text names
    // a blocking function.
    const ioHelpers = new Set<string>();
    const helperRound = new Map<string, number>();
    let lastRound = 0;
    // A module that names no blocking function itself but imports (through plain workspace modules) one
    // that does: a service layer between the handlers and the store (`services.py` → `qa.py` → the store).
    const reaches = new Map<string, boolean>();
    const reachesBlocking = (file: string, strict: boolean, depth: number): boolean => {
      const key = `${strict ? 's' : 'n'}${file}`;
      const known = reaches.get(key);
      if (known !== undefined) return known;
      reaches.set(key, false); // cycles
      const text = this.texts.get(file);
      let result = text !== undefined && this.engine.pythonMayBlock(file, text, strict);
      if (!result && text !== undefined && depth < 4) {
        for (const q of importSpecsOf(text)) {
          const r = index.resolve(file, q);
          if (r && r.file !== file && this.waiting.has(r.file) && reachesBlocking(r.file, strict, depth + 1)) {
            result = true;
            break;
          }
        }
      }
      reaches.set(key, result);
      return result;
    };
    for (let round = 0; round < 6; round++) {
      const take = new Set<string>();
      if (round === 0) {
        // Framework files with an `async def` naming no SDK (not summarized so far) that import a plain
        // helper module over a network, database or process library: their handlers may call its helpers.
        for (const file of this.waiting) {
          const text = this.texts.get(file);
          if (text === undefined || !this.engine.pythonLoopFile(file, text) || this.frameworkSource(file)) continue;
          for (const q of importSpecsOf(text)) {
            const r = index.resolve(file, q);
            const t = r && r.file !== file ? this.texts.get(r.file) : undefined;
            if (t !== undefined && this.waiting.has(r!.file) && reachesBlocking(r!.file, true, 0)) {
              take.add(file);
              break;
            }
            // A module summarized already (it names an SDK: `import boto3`) whose functions do other blocking work.
            const done = r && r.file !== file && !this.waiting.has(r.file) ? this.summaries.get(r.file) : undefined;
            if (done && Object.values(done.functions).some((fn) => fn.io !== undefined)) {
              take.add(file);
              break;
            }
          }
        }
      }
      for (const [file, s] of this.summaries) {
        if (round > 0 && !ioHelpers.has(file)) continue;
        for (const [name, fn] of Object.entries(s.functions)) {
          // Only calls that can run on the loop: from an `async def`, or a sync function one reaches (in
          // the helper modules taken since as well: following every function of a library's module
          // summarized its whole package, none of it reached from the loop).
          // Whether a sync function is reached from the loop is asked only once a call of it would take a
          // module (working out the call graph of each index built on the way cost more than the rest).
          let onLoop: boolean | undefined = fn.isAsync || undefined;
          const consider = (target: string): void => {
            if (onLoop === false || !target.startsWith('import:')) return;
            const r = index.resolve(file, target.slice(7));
            if (!r || r.file === file || !this.waiting.has(r.file) || take.has(r.file)) return;
            if (!reachesBlocking(r.file, false, 0)) return;
            onLoop ??= !!index.loopChain({ file, name });
            if (onLoop) take.add(r.file);
          };
          for (const edge of fn.calls) {
            consider(edge.target);
            // Functions passed as arguments run where the callee calls them.
            for (const [, t] of edge.fnArgs ?? []) consider(t);
          }
          // Methods a class of this file inherits from a class of another module (`self.record()` defined on the base).
          if (name.includes('.')) for (const base of s.bases?.[name.slice(0, name.indexOf('.'))] ?? []) consider(base);
        }
      }
      if (take.size === 0) break;
      for (const file of take) {
        this.waiting.delete(file);
        const summary = this.engine.summarize(file, this.texts.get(file)!, index);
        if (summary) this.summaries.set(file, summary);
        ioHelpers.add(file);
        helperRound.set(file, round);
      }
      index = this.buildIndex();
      lastRound = round;
    }
    // A helper module summarized before a module it imports (`notify.py` before `tasks.py`, whose
    // `celery_app` it calls): summarized again now that the index knows that module's clients. Only
    // modules importing one summarized in a later round that holds such facts: nothing else can change.
    if (lastRound > 0) {
      let again = false;
      for (const [file, round] of helperRound) {
        if (round === lastRound || !this.importsLaterFacts(file, round, helperRound, index)) continue;
        const summary = this.engine.summarize(file, this.texts.get(file)!, index);
        if (summary && !sameSummary(summary, this.summaries.get(file))) {
          this.summaries.set(file, summary);
          again = true;
        }
      }
      if (again) index = this.buildIndex();
    }
    // Files using clients or factories defined in other files classify their calls only once the
    // index knows those clients: summarize them again with it. A client passed on through a module
    // (`chain = prompt | llm` in chains.py, `llm` from models.py) needs one more pass per hop: later
    // passes look only at files importing a file whose summary just changed.
    if (index.clientsFingerprintHash() !== '') {
      let changedBefore: Set<string> | undefined;
      for (let pass = 0; pass < 4; pass++) {
        const changed = new Set<string>();
        const stateChanged = changedBefore !== undefined && [...changedBefore].some((f) => this.summaries.get(f)?.state);
        // Functions handed clients by other files: their parameters hold them now.
        const handed = this.argumentTargets(index);
        // The files the changed files import (worked out once per pass, not once per file and changed file).
        const importedByChanged = new Set<string>();
        for (const f of changedBefore ?? []) for (const t of this.importedFiles(f, index)) importedByChanged.add(t);
        for (const [file, summary] of this.summaries) {
          const usesState = this.usesState(file);
          if (changedBefore) {
            if (!(usesState && stateChanged) && !(handed.has(file) && changedBefore.has(file)) && !importedByChanged.has(file) && !Object.values(summary.imports).some((q) => {
              const r = index.resolve(file, q);
              return r !== undefined && changedBefore!.has(r.file);
            })) continue;
          } else if (!usesState && !handed.has(file) && !Object.values(summary.imports).some((q) => index.clientOf(file, q) || index.factoryOf(file, q) || index.aliasOf(file, q))) continue;
          const again = this.engine.summarize(file, this.texts.get(file)!, index);
          if (again && !sameSummary(again, summary)) {
            this.summaries.set(file, again);
            changed.add(file);
          }
        }
        // A module now making LLM calls through a client handed to it (`self.runtime_client.converse`):
        // the plain modules importing it, not summarized so far, call into it (`agent.py` over that service).
        const calling = [...changed].filter((f) => Object.values(this.summaries.get(f)?.functions ?? {}).some((fn) => fn.direct.length > 0));
        if (calling.length > 0 && this.waiting.size > 0) {
          const stems = new Set(calling.map(moduleStem));
          const accept = new Set(calling);
          for (const file of [...this.waiting]) {
            const text = this.texts.get(file);
            if (text === undefined || !this.importsAny(file, text, stems, (f) => accept.has(f), index)) continue;
            this.waiting.delete(file);
            const summary = this.engine.summarize(file, text, index);
            if (summary) {
              this.summaries.set(file, summary);
              changed.add(file);
            }
          }
        }
        if (changed.size === 0) break;
        index = this.buildIndex();
        changedBefore = changed;
      }
    }
    this.index = index;
    this.builtIndex = index;
    return index;
  }

  /**
   * True when `file` (a helper module taken in helper round `round`) imports a module taken in the same
   * or a later round (summarized after the index it was summarized against) whose summary names
   * clients, factories, SDK aliases, instances or blocking clients: the facts its own summary could
   * only classify once that module was known.
   */
  private importsLaterFacts(file: string, round: number, helperRound: Map<string, number>, index: PyIndex): boolean {
    for (const q of Object.values(this.summaries.get(file)?.imports ?? {})) {
      const r = index.resolve(file, q);
      if (!r || r.file === file || (helperRound.get(r.file) ?? -1) < round) continue;
      const s = this.summaries.get(r.file);
      if (s && (hasAny(s.clients) || hasAny(s.factories) || hasAny(s.instances) || hasAny(s.aliases) || hasAny(s.blocking) || hasAny(s.state))) return true;
    }
    return false;
  }

  /** Files defining functions that summarized files call with a client as an argument. */
  private argumentTargets(index: PyIndex): Set<string> {
    const out = new Set<string>();
    for (const s of this.summaries.values()) {
      for (const target of argumentCallTargets(s)) {
        if (target.startsWith('local:')) out.add(s.file);
        else {
          const r = index.resolve(s.file, target.slice(7));
          if (r) out.add(r.file);
        }
      }
    }
    return out;
  }

  /** The files `from`'s imports resolve to in `index`. */
  private importedFiles(from: string, index: PyIndex): string[] {
    const s = this.summaries.get(from);
    const out: string[] = [];
    for (const q of Object.values(s?.imports ?? {})) {
      const r = index.resolve(from, q);
      if (r) out.push(r.file);
    }
    return out;
  }

  /** True when the file's text reads or writes `….state.<name>` (remembered per text). */
  private usesState(file: string): boolean {
    const text = this.texts.get(file) ?? '';
    const known = this.stateUse.get(file);
    if (known && known.text === text) return known.uses;
    const uses = /\.state\.\w+/.test(text);
    this.stateUse.set(file, { text, uses });
    return uses;
  }

  /** True when re-summarizing `file` against `index` would not change the index. */
  private unchangedForIndex(file: string, index: PyIndex): boolean {
    const text = this.texts.get(file);
    if (text === undefined) return false;
    const old = this.summaries.get(file);
    if (old) {
      const fresh = this.engine.summarize(file, text, index);
      return fresh !== undefined && sameSummary(fresh, old);
    }
    // A file not summarized yet: it still needs no summary of its own, and imports the same names.
    if (!this.waiting.has(file) || this.needsSummary(file, text)) return false;
    const before = this.importSpecs.get(file);
    if (!before) return false;
    const now = importSpecsOf(text);
    return now.length === before.length && now.every((q, i) => q === before[i].name);
  }

  /** JS/TS files whose findings may change with `file` in `index`: itself, its importers and its imports (both transitively). */
  private jsReach(index: JsIndex, file: string): Set<string> {
    const importers = new Map<string, string[]>();
    for (const f of this.jsSummaries.keys()) {
      for (const dep of index.importsOf(f)) {
        const list = importers.get(dep);
        if (list) list.push(f);
        else importers.set(dep, [f]);
      }
    }
    const out = new Set<string>([file]);
    const queue = [file];
    while (queue.length > 0) {
      const f = queue.pop()!;
      for (const i of importers.get(f) ?? []) if (!out.has(i)) (out.add(i), queue.push(i));
    }
    // Its imports, transitively: routes here may reach their functions through modules in between.
    const down = [file];
    const seen = new Set<string>([file]);
    while (down.length > 0) {
      for (const f of index.importsOf(down.pop()!)) if (!seen.has(f)) (seen.add(f), out.add(f), down.push(f));
    }
    return out;
  }

  /**
   * Brings the JS/TS index up to date: changed files are summarized, files naming no SDK wait until they
   * import a module with LLM facts; then summaries are recomputed with the index, round by round, until
   * imported helpers' facts (LLM promises, blocking calls, clients) have flowed through every import.
   */
  private ensureJsIndex(): JsIndex {
    if (this.jsIndex && this.jsDirty.size === 0) return this.jsIndex;
    const fresh = [...this.jsDirty];
    this.jsDirty.clear();
    // Keystroke path: the edited files' summaries (imports, exports, clients, routes into other files)
    // did not change, so nothing another file reads changed: the index stays valid.
    const current = this.jsIndex;
    if (current && fresh.every((file) => {
      const old = this.jsSummaries.get(file);
      const text = this.texts.get(file);
      if (!old || text === undefined) return false;
      const again = this.engine.summarizeJs(file, text, current);
      return again !== undefined && JSON.stringify(again) === JSON.stringify(old);
    })) return current;
    for (const file of fresh) this.rememberReach(file);
    for (const file of fresh) {
      const text = this.texts.get(file);
      this.jsSummaries.delete(file);
      if (text === undefined) continue;
      if (!Engine.mentionsJsSdk(file, text)) {
        this.jsWaiting.add(file);
        continue;
      }
      this.jsWaiting.delete(file);
      const summary = this.engine.summarizeJs(file, text);
      if (summary) this.jsSummaries.set(file, summary);
    }
    let index = this.buildJsIndex();
    for (let round = 0; round < 12; round++) {
      let changed = false;
      // Waiting files that import a summarized module join (a barrel re-exporting a helper, a route file),
      // and modules whose exported objects a summarized file's SDK client takes as options.
      const optionSources = new Set<string>();
      for (const [f, s] of this.jsSummaries) {
        for (const spec of s.optionModules ?? []) {
          const r = index.resolveModule(f, spec);
          if (r !== undefined && this.jsWaiting.has(r)) optionSources.add(r);
        }
      }
      for (const file of [...this.jsWaiting]) {
        const text = this.texts.get(file)!;
        if (!optionSources.has(file) && !this.jsSpecifiers(text).some((spec) => {
          const r = index.resolveModule(file, spec);
          return r !== undefined && this.jsSummaries.has(r);
        })) continue;
        this.jsWaiting.delete(file);
        const summary = this.engine.summarizeJs(file, text, index);
        if (summary) {
          this.jsSummaries.set(file, summary);
          changed = true;
        }
      }
      for (const [file, summary] of this.jsSummaries) {
        if (index.importsOf(file).length === 0) continue;
        const again = this.engine.summarizeJs(file, this.texts.get(file)!, index);
        if (again && JSON.stringify(again) !== JSON.stringify(summary)) {
          this.jsSummaries.set(file, again);
          changed = true;
        }
      }
      if (!changed) break;
      index = this.buildJsIndex();
    }
    this.jsIndex = index;
    this.builtJsIndex = index;
    return index;
  }

  private buildJsIndex(): JsIndex {
    const exists = (f: string): boolean => {
      const lang = this.texts.has(f) ? languageOf(f) : undefined;
      return lang !== undefined && lang !== 'python';
    };
    return new JsIndex(this.jsSummaries.values(), exists, (f) => this.tsPathsFor(f), this.lambdaEntries());
  }

  private jsSpecifiers(text: string): string[] {
    const out: string[] = [];
    JS_SPECIFIER.lastIndex = 0;
    for (let m = JS_SPECIFIER.exec(text); m; m = JS_SPECIFIER.exec(text)) out.push(m[1]);
    return out;
  }

  /** The `baseUrl`/`paths` of the nearest tsconfig.json or jsconfig.json above `file`. */
  private tsPathsFor(file: string): TsPaths | undefined {
    const dir = path.dirname(file);
    if (this.tsPathsByDir.has(dir)) return this.tsPathsByDir.get(dir);
    let found: TsPaths | undefined;
    let reached = false;
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const config = path.join(dir, name);
      let text = this.texts.get(config);
      if (text === undefined) {
        try {
          text = fs.readFileSync(config, 'utf8');
        } catch {
          text = undefined;
        }
      }
      if (text !== undefined) {
        found = readTsconfigPaths(config, text);
        reached = true;
        break;
      }
    }
    const parent = path.dirname(dir);
    if (!reached && parent !== dir) found = this.tsPathsFor(path.join(parent, 'x.ts'));
    this.tsPathsByDir.set(dir, found);
    return found;
  }

  /** Index of the summaries, plus empty entries for files not summarized so imports still resolve. */
  private buildIndex(): PyIndex {
    const stubs: PyFileSummary[] = [];
    for (const file of this.waiting) stubs.push({ file, imports: {}, functions: {}, clients: {}, factories: {}, instances: {} });
    return new PyIndex([...this.summaries.values(), ...stubs]);
  }

  /**
   * Which summarized files hold LLM facts (for this index): LLM calls, clients, factories, helpers
   * leading to them, or names imported from such a file (a package `__init__` re-exporting a service
   * class). Answers are remembered; an import cycle counts as no facts.
   */
  private interestingIn(index: PyIndex): (file: string) => boolean {
    const known = new Map<string, boolean>();
    const visit = (file: string): boolean => {
      const k = known.get(file);
      if (k !== undefined) return k;
      const s = this.summaries.get(file);
      if (!s) return false;
      known.set(file, false);
      let v = hasAny(s.clients) || hasAny(s.factories) || hasAny(s.state) || hasAny(s.aliases) || (s.moduleCalls?.length ?? 0) > 0;
      // A function handing a client it built to another module's function or class (`Service(runtime_client=rt)`).
      for (const fn of Object.values(s.functions)) {
        if (v) break;
        v = fn.calls.some((e) => e.args !== undefined);
      }
      for (const [name, fn] of Object.entries(s.functions)) {
        if (v) break;
        v = fn.direct.length > 0 || !!index.blockingChain({ file, name }) || !!index.coroutineChain({ file, name });
      }
      for (const q of Object.values(s.imports)) {
        if (v) break;
        const r = index.resolve(file, q);
        v = r !== undefined && r.file !== file && visit(r.file);
      }
      known.set(file, v);
      return v;
    };
    return visit;
  }

  /**
   * Whether a file's imports reach a file `accept`s. `stems`: the names of the files that can be accepted
   * (module name, or package name for an `__init__`); absolute imports naming none of them are skipped.
   */
  private importsAny(file: string, text: string, stems: Set<string>, accept: (file: string) => boolean, index: PyIndex): boolean {
    let specs = this.importSpecs.get(file);
    if (!specs) this.importSpecs.set(file, (specs = importSpecsOf(text).map((name) => ({ name, segments: name.charCodeAt(0) === 46 /* . */ ? undefined : name.split('.') }))));
    for (const spec of specs) {
      if (spec.target === undefined) {
        if (spec.segments && !spec.segments.some((seg) => stems.has(seg))) continue;
        const r = index.resolve(file, spec.name);
        spec.target = r && r.file !== file ? r.file : null;
      }
      if (spec.target && accept(spec.target)) return true;
    }
    return false;
  }
}

/** Who imports whom: per file, the files importing it and the files it imports. */
interface ImportGraph {
  importers: Map<string, Set<string>>;
  imports: Map<string, Set<string>>;
}

/** Per summary: the targets of its calls handing clients on as arguments, in order (most summaries have none). */
const argumentTargetsOf = new WeakMap<PyFileSummary, string[]>();

function argumentCallTargets(s: PyFileSummary): string[] {
  let targets = argumentTargetsOf.get(s);
  if (!targets) {
    targets = [];
    for (const fn of [...Object.values(s.functions), { calls: s.moduleCalls ?? [] }]) for (const e of fn.calls) if (e.args) targets.push(e.target);
    argumentTargetsOf.set(s, targets);
  }
  return targets;
}

/** True when the record has at least one key. */
function hasAny(record: Record<string, unknown> | undefined): boolean {
  for (const _ in record ?? {}) return true;
  return false;
}

/** `file`, the files importing it and the files it imports, both transitively. */
function reachIn(graph: ImportGraph, file: string): Set<string> {
  const out = new Set<string>([file]);
  for (const edges of [graph.importers, graph.imports]) {
    const queue = [file];
    const seen = new Set<string>([file]);
    while (queue.length > 0) {
      for (const f of edges.get(queue.pop()!) ?? []) if (!seen.has(f)) (seen.add(f), out.add(f), queue.push(f));
    }
  }
  return out;
}

interface ImportSpec {
  name: string;
  /** An absolute name's dotted parts (a relative import is always looked up). */
  segments?: string[];
  target?: string | null;
}

/** The name a module is imported by: its file name, or its package's for an `__init__.py`. */
function moduleStem(file: string): string {
  const base = path.basename(file, '.py');
  return base === '__init__' ? path.basename(path.dirname(file)) : base;
}

/**
 * What a Python file's import lines name, as qualified names to resolve: the module of each
 * `import a.b, c` and `from m import x, y` line, and for the latter `m.x` and `m.y` too (the imported
 * names may be modules themselves; a parenthesized list may run over several lines).
 */
export function importSpecsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of importLines(text)) {
    const end = m.index + m[0].length;
    const lineEnd = text.indexOf('\n', end);
    let rest = text.slice(end, lineEnd === -1 ? undefined : lineEnd);
    if (m[1] === undefined) {
      // `import a.b as c, d`
      out.push(m[2]);
      for (const part of rest.split(',').slice(1)) {
        const name = part.trim().split(/\s+/)[0];
        if (name && /^[\w.]+$/.test(name)) out.push(name);
      }
      continue;
    }
    const mod = m[1];
    out.push(mod);
    if (/^\s*\(/.test(rest)) {
      const close = text.indexOf(')', end);
      rest = text.slice(end, close === -1 ? undefined : close);
    }
    for (const part of rest.replace(/#[^\n]*/g, '').replace(/[()\\]/g, ' ').split(',')) {
      const name = part.trim().split(/\s+/)[0];
      if (!name || !/^\w+$/.test(name)) continue;
      out.push(mod.endsWith('.') ? mod + name : `${mod}.${name}`);
    }
  }
  return out;
}

/** A Python import line, tried at a line start: `from x import` or `import x`. */
const IMPORT_AT = /[ \t]*(?:from[ \t]+([.\w]+)[ \t]+import|import[ \t]+([\w.]+))/y;

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/**
 * Import lines of a Python file (what `/^…/gm` would find) without running a multiline regex over the
 * whole text: only lines containing `import` can match, so each such line is tried once from its start.
 */
function importLines(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let lineEnd = -1;
  for (let i = text.indexOf('import'); i !== -1; i = text.indexOf('import', i + 6)) {
    if (i < lineEnd) continue;
    let start = i;
    while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start--;
    lineEnd = i + 6;
    while (lineEnd < text.length && !isLineBreak(text.charCodeAt(lineEnd))) lineEnd++;
    IMPORT_AT.lastIndex = start;
    const m = IMPORT_AT.exec(text);
    if (m) out.push(m);
  }
  return out;
}

function isTsconfig(file: string): boolean {
  return /^[tj]sconfig(?:\.[\w-]+)?\.json$/.test(path.basename(file));
}

function isLimitSource(file: string): boolean {
  return isServerConfigFile(file) || isGunicornConfig(file);
}
