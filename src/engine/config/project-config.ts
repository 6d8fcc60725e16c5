// Project configuration shared by the CLI and the language server: `loopsafe.toml`, `.loopsafe.toml`,
// `[tool.loopsafe]` in pyproject.toml or `"loopsafe"` in package.json, nearest above a file; never trusted.

import * as fs from 'fs';
import * as path from 'path';
import { RULE_IDS } from '../rules/registry';
import { SEVERITY_SETTINGS } from '../settings';
import type { RuleId, SeveritySetting } from '../types';
import { projectKey } from '../catalog/js-project';

/** smol-toml ships its types for `import` only; its CommonJS build is the same API. */
const toml = require('smol-toml') as { parse(text: string): unknown; TomlError: new (message: string) => Error & { line: number; column: number } };

/** In one directory, the first of these that holds Loopsafe settings is the config (Ruff's order). */
export const CONFIG_FILE_NAMES = ['loopsafe.toml', '.loopsafe.toml', 'pyproject.toml', 'package.json'] as const;

export function isProjectConfigName(file: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(file));
}

/** A team's own LLM client class or factory, analysed like a catalog SDK client. */
export interface LlmClientSpec {
  /** Qualified name as imported: `mycompany.llm.LLMClient` or `mycompany.llm.get_client`. */
  qname: string;
  /** A function returning the client, rather than the client's class. */
  factory: boolean;
  async: boolean;
  /** What the client waits by default; null: no limit. */
  timeoutSeconds: number | null;
  retries: number;
  /** Method names that call the LLM; unset: every method called on it. */
  methods?: string[];
  /** Keyword taking a timeout in seconds (constructor and calls); null: it takes none. */
  timeoutArg: string | null;
  /**
   * JS/TS: the constructor's (or factory's) option holding the retry count (`maxRetries`), read as the
   * client's retries and written by the server-limit fix when they must come down; unset: none. Python
   * reads `max_retries`, `num_retries` or `retries` on any client.
   */
  retriesArg?: string;
  /** The async class or factory to switch to (for a sync one). */
  asyncTwin?: string;
  /** Unit of the timeout option: seconds (Python's default) or milliseconds (JS/TS's default). */
  timeoutUnit?: 's' | 'ms';
  /** The name as JS/TS imports are matched: a package name as written, a relative module made absolute. */
  jsKey: string;
}

export interface BlockingFunctionSpec {
  qname: string;
  /** See `LlmClientSpec.jsKey`. */
  jsKey: string;
  what: string;
  instead: string;
}

export type LimitOverrideKey = 'proxy-timeout' | 'request-timeout' | 'gunicorn-timeout';

export interface LimitOverride {
  key: LimitOverrideKey;
  /** null: `"off"`, the files' limits of this kind do not apply. */
  seconds: number | null;
  /** 0-based line in the config file. */
  line: number;
}

export interface ConfigProblem {
  file: string;
  /** 1-based. */
  line: number;
  key: string;
  message: string;
}

export interface ProjectConfig {
  /** The config file, and the directory its globs and paths are relative to. */
  file: string;
  root: string;
  rules: Partial<Record<RuleId, SeveritySetting>>;
  select?: RuleId[];
  ignore: RuleId[];
  exclude: string[];
  fixTimeoutSeconds?: number;
  serverLimits: LimitOverride[];
  blockingFunctions: BlockingFunctionSpec[];
  llmClients: LlmClientSpec[];
  /** Absolute path of the baseline file, when the config names one. */
  baseline?: string;
  problems: ConfigProblem[];
}

export function formatProblem(p: ConfigProblem): string {
  return `${p.file}:${p.line}: ${p.key}: ${p.message}`;
}

const KNOWN_KEYS = ['rules', 'select', 'ignore', 'exclude', 'fix', 'server-limit', 'blocking-functions', 'llm-clients', 'baseline'];
/** Python `pkg.mod.name`, a JS/TS package's `@scope/pkg.name`, or a module relative to the config: `./lib/db.query`. */
const QNAME = /^(?:\.\.?\/)*[A-Za-z_$@][\w$@/.-]*$/;

/** A qualified name with a member after its module (`mycompany.db.query`, `./lib/db.query`, not `./lib/db`). */
function isQualified(qname: string): boolean {
  const dot = qname.lastIndexOf('.');
  return QNAME.test(qname) && dot > qname.lastIndexOf('/') && dot > 0 && dot < qname.length - 1;
}

/**
 * Reads one candidate file. Undefined when it holds no Loopsafe settings (a pyproject.toml without
 * `[tool.loopsafe]`, a package.json without `"loopsafe"`), so the search goes on upwards.
 */
export function readProjectConfig(file: string, text: string): ProjectConfig | undefined {
  const base = path.basename(file);
  const root = path.dirname(file);
  const empty = (): ProjectConfig => ({ file, root, rules: {}, ignore: [], exclude: [], serverLimits: [], blockingFunctions: [], llmClients: [], problems: [] });
  let section: unknown;
  let locate: (keys: string[]) => number;
  if (base === 'package.json') {
    if (!text.includes('"loopsafe"')) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (err) {
      const cfg = empty();
      cfg.problems.push({ file, line: jsonErrorLine(text, err), key: 'loopsafe', message: `not valid JSON (${err instanceof Error ? err.message : String(err)}); defaults used` });
      return cfg;
    }
    if (!isObject(json) || !('loopsafe' in json)) return undefined;
    section = json.loopsafe;
    locate = (keys) => jsonLine(text, ['loopsafe', ...keys]);
  } else {
    let doc: unknown;
    try {
      doc = toml.parse(text.replace(/^\uFEFF/, ''));
    } catch (err) {
      if (base === 'pyproject.toml' && !/^\s*\[\s*tool\s*\.\s*loopsafe\b/m.test(text)) return undefined;
      const cfg = empty();
      const line = err instanceof toml.TomlError ? err.line : 1;
      const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
      cfg.problems.push({ file, line, key: base === 'pyproject.toml' ? 'tool.loopsafe' : '(file)', message: `not valid TOML (${message}); defaults used` });
      return cfg;
    }
    if (base === 'pyproject.toml') {
      const tool = isObject(doc) ? doc.tool : undefined;
      if (!isObject(tool) || !('loopsafe' in tool)) return undefined;
      section = tool.loopsafe;
      locate = (keys) => tomlLine(text, ['tool', 'loopsafe'], keys);
    } else {
      section = doc;
      locate = (keys) => tomlLine(text, [], keys);
    }
  }
  const cfg = empty();
  const prefix = base === 'pyproject.toml' ? 'tool.loopsafe.' : base === 'package.json' ? 'loopsafe.' : '';
  const problem = (keys: string[], message: string) => cfg.problems.push({ file, line: locate(keys) + 1, key: prefix + keys.join('.'), message });
  if (!isObject(section)) {
    problem([], 'expected a table of settings; defaults used');
    return cfg;
  }
  for (const [key, value] of Object.entries(section)) {
    switch (key) {
      case 'rules':
        readRules(value, cfg, problem);
        break;
      case 'select':
      case 'ignore': {
        const ids = ruleList(value, key, problem);
        if (ids && key === 'select') cfg.select = ids;
        if (ids && key === 'ignore') cfg.ignore = ids;
        break;
      }
      case 'exclude':
        if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '')) cfg.exclude = value.map((v: string) => v.trim());
        else problem([key], 'expected a list of glob strings, e.g. ["legacy/**", "scripts/*.py"]; nothing excluded');
        break;
      case 'fix':
        readFix(value, cfg, problem);
        break;
      case 'server-limit':
        readLimits(value, cfg, problem, locate);
        break;
      case 'blocking-functions':
        readBlocking(value, cfg, problem);
        break;
      case 'llm-clients':
        readClients(value, cfg, problem);
        break;
      case 'baseline':
        if (typeof value === 'string' && value.trim() !== '') cfg.baseline = path.resolve(root, value.trim());
        else problem([key], 'expected a file path, e.g. ".loopsafe-baseline.json"; no baseline');
        break;
      default:
        problem([key], `unknown key ignored (known: ${KNOWN_KEYS.join(', ')})`);
    }
  }
  return cfg;
}

type Problem = (keys: string[], message: string) => void;

function readRules(value: unknown, cfg: ProjectConfig, problem: Problem): void {
  if (!isObject(value)) {
    problem(['rules'], `expected a table of rule = severity (${SEVERITY_SETTINGS.join('|')}); defaults used`);
    return;
  }
  for (const [rule, sev] of Object.entries(value)) {
    if (!RULE_IDS.includes(rule as RuleId)) {
      problem(['rules', rule], `unknown rule ignored; rules: ${RULE_IDS.join(', ')}`);
      continue;
    }
    const s = typeof sev === 'string' ? sev.trim().toLowerCase() : undefined;
    if (s && (SEVERITY_SETTINGS as readonly string[]).includes(s)) cfg.rules[rule as RuleId] = s as SeveritySetting;
    else problem(['rules', rule], `${JSON.stringify(sev)} is not one of ${SEVERITY_SETTINGS.join('|')}; default kept`);
  }
}

function ruleList(value: unknown, key: string, problem: Problem): RuleId[] | undefined {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    problem([key], `expected a list of rule ids, e.g. ["blocking-llm-call"]; ${key === 'select' ? 'every rule kept' : 'nothing ignored'}`);
    return undefined;
  }
  const unknown = value.filter((v) => !RULE_IDS.includes(v as RuleId));
  if (unknown.length) problem([key], `unknown rule ${unknown.map((u) => JSON.stringify(u)).join(', ')} ignored; rules: ${RULE_IDS.join(', ')}`);
  return value.filter((v) => RULE_IDS.includes(v as RuleId)) as RuleId[];
}

function readFix(value: unknown, cfg: ProjectConfig, problem: Problem): void {
  if (!isObject(value)) {
    problem(['fix'], 'expected a table, e.g. [fix] timeout-seconds = 30; defaults used');
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (key !== 'timeout-seconds') {
      problem(['fix', key], 'unknown key ignored (known: timeout-seconds)');
      continue;
    }
    const n = durationSeconds(v, false);
    if (typeof n === 'number' && n >= 1 && n <= 3600) cfg.fixTimeoutSeconds = n;
    else problem(['fix', key], `${JSON.stringify(v)} is not a number of seconds between 1 and 3600; 30 used`);
  }
}

const LIMIT_KEYS: LimitOverrideKey[] = ['proxy-timeout', 'request-timeout', 'gunicorn-timeout'];

function readLimits(value: unknown, cfg: ProjectConfig, problem: Problem, locate: (keys: string[]) => number): void {
  if (!isObject(value)) {
    problem(['server-limit'], 'expected a table, e.g. [server-limit] proxy-timeout = "60s"; no override');
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (!LIMIT_KEYS.includes(key as LimitOverrideKey)) {
      problem(['server-limit', key], `unknown key ignored (known: ${LIMIT_KEYS.join(', ')})`);
      continue;
    }
    const secs = durationSeconds(v, true);
    if (secs === undefined || (secs !== null && (secs <= 0 || secs > 86400))) {
      problem(['server-limit', key], `${JSON.stringify(v)} is not a duration ("60s", "2m", 90) or "off"; ignored`);
      continue;
    }
    cfg.serverLimits.push({ key: key as LimitOverrideKey, seconds: secs, line: locate(['server-limit', key]) });
  }
}

function readBlocking(value: unknown, cfg: ProjectConfig, problem: Problem): void {
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v) => [typeof v === 'string' ? v : '', v]) : isObject(value) ? Object.entries(value) : [];
  if (!Array.isArray(value) && !isObject(value)) {
    problem(['blocking-functions'], 'expected a list of qualified names, e.g. ["mycompany.db.query"]; none added');
    return;
  }
  for (const [name, v] of entries) {
    const qname = name.trim();
    if (!isQualified(qname)) {
      problem(['blocking-functions'], `${JSON.stringify(Array.isArray(value) ? v : name)} is not a qualified function name (module.function); skipped`);
      continue;
    }
    let what = 'blocks (a blocking function named in the project config)';
    let instead = 'an async equivalent';
    if (!Array.isArray(value)) {
      if (typeof v === 'string' && v.trim()) what = v.trim();
      else if (isObject(v)) {
        if (typeof v.what === 'string' && v.what.trim()) what = v.what.trim();
        if (typeof v.instead === 'string' && v.instead.trim()) instead = v.instead.trim();
      } else if (v !== true) {
        problem(['blocking-functions', name], 'expected a description string or { what = "...", instead = "..." }; defaults used');
      }
    }
    cfg.blockingFunctions.push({ qname, jsKey: projectKey(qname, cfg.root), what, instead });
  }
}

const CLIENT_KEYS = ['async', 'factory', 'timeout', 'retries', 'methods', 'timeout-arg', 'retries-arg', 'timeout-unit', 'async-twin'];

function readClients(value: unknown, cfg: ProjectConfig, problem: Problem): void {
  if (!isObject(value)) {
    problem(['llm-clients'], 'expected a table of qualified name = { async = …, timeout = … }; none added');
    return;
  }
  for (const [qname, spec] of Object.entries(value)) {
    if (!isQualified(qname)) {
      problem(['llm-clients', qname], 'is not a qualified class or factory name (module.Name); skipped');
      continue;
    }
    const s = isObject(spec) ? spec : {};
    if (!isObject(spec)) problem(['llm-clients', qname], 'expected a table { async = true|false, timeout = "30s", … }; defaults used (sync, no timeout)');
    for (const k of Object.keys(s)) if (!CLIENT_KEYS.includes(k)) problem(['llm-clients', qname, k], `unknown key ignored (known: ${CLIENT_KEYS.join(', ')})`);
    const bool = (k: string, fallback: boolean): boolean => {
      if (s[k] === undefined) return fallback;
      if (typeof s[k] === 'boolean') return s[k] as boolean;
      problem(['llm-clients', qname, k], `${JSON.stringify(s[k])} is not true or false; ${fallback} used`);
      return fallback;
    };
    const client: LlmClientSpec = { qname, jsKey: projectKey(qname, cfg.root), factory: bool('factory', false), async: bool('async', false), timeoutSeconds: null, retries: 0, timeoutArg: 'timeout' };
    if (s.timeout !== undefined) {
      const t = durationSeconds(s.timeout, true);
      if (t === undefined || (t !== null && t <= 0)) problem(['llm-clients', qname, 'timeout'], `${JSON.stringify(s.timeout)} is not a duration ("30s", 600) or "none"; no timeout assumed`);
      else client.timeoutSeconds = t;
    }
    if (s.retries !== undefined) {
      if (typeof s.retries === 'number' && Number.isInteger(s.retries) && s.retries >= 0 && s.retries <= 100) client.retries = s.retries;
      else problem(['llm-clients', qname, 'retries'], `${JSON.stringify(s.retries)} is not a whole number of retries; 0 used`);
    }
    if (s.methods !== undefined) {
      if (Array.isArray(s.methods) && s.methods.length > 0 && s.methods.every((m) => typeof m === 'string' && /^[A-Za-z_$][\w$]*$/.test(m))) client.methods = s.methods as string[];
      else problem(['llm-clients', qname, 'methods'], 'expected a list of method names, e.g. ["complete"]; every method counts');
    }
    if (s['timeout-arg'] !== undefined) {
      const a = s['timeout-arg'];
      if (a === false || a === 'none') client.timeoutArg = null;
      else if (typeof a === 'string' && /^[A-Za-z_$][\w$]*$/.test(a)) client.timeoutArg = a;
      else problem(['llm-clients', qname, 'timeout-arg'], `${JSON.stringify(a)} is not a keyword name or "none"; "timeout" used`);
    }
    if (s['retries-arg'] !== undefined) {
      const a = s['retries-arg'];
      if (typeof a === 'string' && /^[A-Za-z_$][\w$]*$/.test(a)) client.retriesArg = a;
      else if (a !== false && a !== 'none') problem(['llm-clients', qname, 'retries-arg'], `${JSON.stringify(a)} is not an option name; the retries are not read from the code`);
    }
    if (s['timeout-unit'] !== undefined) {
      if (s['timeout-unit'] === 's' || s['timeout-unit'] === 'ms') client.timeoutUnit = s['timeout-unit'];
      else problem(['llm-clients', qname, 'timeout-unit'], `${JSON.stringify(s['timeout-unit'])} is not "s" or "ms"; seconds used in Python, milliseconds in JS/TS`);
    }
    if (s['async-twin'] !== undefined) {
      if (typeof s['async-twin'] === 'string' && QNAME.test(s['async-twin'])) client.asyncTwin = s['async-twin'];
      else problem(['llm-clients', qname, 'async-twin'], `${JSON.stringify(s['async-twin'])} is not a qualified name; ignored`);
    }
    cfg.llmClients.push(client);
  }
}

/** Seconds from `90`, `"90s"`, `"2m"`, `"500ms"`, `"1h"`; null for `"off"`/`"none"` when allowed. */
export function durationSeconds(v: unknown, allowOff: boolean): number | null | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trim().toLowerCase();
  if (allowOff && (t === 'off' || t === 'none')) return null;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  return unit === 'ms' ? n / 1000 : unit === 'm' ? n * 60 : unit === 'h' ? n * 3600 : n;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
}

/** Dotted TOML key parts of a table header or key (`a."b.c".d` → a, b.c, d). */
function tomlKeyParts(s: string): string[] {
  const out: string[] = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(?:\.|$)/y;
  re.lastIndex = 0;
  for (let m = re.exec(s); m && m[0] !== ''; m = re.exec(s)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/**
 * 0-based line where `keys` (below the table `base`) is set: a `key =` line in the table holding it, a
 * dotted key, or the table header itself. Falls back to the base table's header, then line 0.
 */
export function tomlLine(text: string, base: string[], keys: string[]): number {
  const lines = text.split('\n');
  const full = [...base, ...keys];
  let table: string[] = [];
  let fallback = -1;
  const eq = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/.exec(line);
    if (header) {
      table = tomlKeyParts(header[1]);
      if (eq(table, full)) return i;
      if (full.length > 0 && eq(table, full.slice(0, Math.max(base.length, 1))) && fallback === -1) fallback = i;
      continue;
    }
    const assign = /^\s*((?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=/.exec(line);
    if (!assign) continue;
    const at = [...table, ...tomlKeyParts(assign[1])];
    // The key itself, or a table holding it set inline (`llm-clients = { "x" = {...} }`).
    if (at.length <= full.length && eq(at, full.slice(0, at.length)) && at.length > base.length) return i;
  }
  return fallback === -1 ? 0 : fallback;
}

/** 0-based line of a key path in JSON text: each key searched for after the previous one. */
function jsonLine(text: string, keys: string[]): number {
  let at = 0;
  for (const k of keys) {
    const i = text.indexOf(JSON.stringify(k), at);
    if (i === -1) break;
    at = i;
  }
  return text.slice(0, at).split('\n').length - 1;
}

function jsonErrorLine(text: string, err: unknown): number {
  const m = /position (\d+)/.exec(err instanceof Error ? err.message : '');
  return m ? text.slice(0, Number(m[1])).split('\n').length : 1;
}

/**
 * Finds and caches the project config of each directory. `read` gives a file's text (an open buffer or
 * the disk) or undefined when it does not exist.
 */
export class ProjectConfigs {
  private readonly byDir = new Map<string, ProjectConfig | null>();
  private readonly byFile = new Map<string, ProjectConfig | null>();

  constructor(private readonly read: (file: string) => string | undefined = readIfExists) {}

  /** The config that applies to `file` (nearest above it), if any. */
  forFile(file: string): ProjectConfig | undefined {
    return this.forDir(path.dirname(path.resolve(file))) ?? undefined;
  }

  private forDir(dir: string): ProjectConfig | null {
    const known = this.byDir.get(dir);
    if (known !== undefined) return known;
    let found: ProjectConfig | null = null;
    for (const name of CONFIG_FILE_NAMES) {
      const cfg = this.configAt(path.join(dir, name));
      if (cfg) {
        found = cfg;
        break;
      }
    }
    const parent = path.dirname(dir);
    if (!found && parent !== dir) found = this.forDir(parent);
    this.byDir.set(dir, found);
    return found;
  }

  private configAt(file: string): ProjectConfig | null {
    const known = this.byFile.get(file);
    if (known !== undefined) return known;
    const text = this.read(file);
    const cfg = text === undefined ? null : (readProjectConfig(file, text) ?? null);
    this.byFile.set(file, cfg);
    return cfg;
  }

  /** Every config read so far. */
  all(): ProjectConfig[] {
    return [...this.byFile.values()].filter((c): c is ProjectConfig => c !== null);
  }

  /** A config file changed, appeared or went away: everything is looked up again. */
  invalidate(): void {
    this.byDir.clear();
    this.byFile.clear();
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** True when `file` (absolute) is excluded by the config's globs (relative to the config's directory). */
export function isExcluded(cfg: ProjectConfig | undefined, file: string): boolean {
  if (!cfg || cfg.exclude.length === 0) return false;
  const rel = path.relative(cfg.root, file).split(path.sep).join('/');
  if (rel.startsWith('..')) return false;
  return cfg.exclude.some((g) => globMatches(g, rel));
}

const globCache = new Map<string, RegExp>();

/**
 * gitignore-like globs: `*` and `?` within a path segment, `**` across segments; a pattern without `/`
 * matches a file or folder name at any depth; a folder matched excludes everything below it.
 */
export function globMatches(glob: string, rel: string): boolean {
  let re = globCache.get(glob);
  if (!re) {
    let g = glob.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
    const anchored = g.startsWith('/') || (g.includes('/') && !/^\*\*\//.test(g));
    g = g.replace(/^\//, '');
    let src = '';
    for (let i = 0; i < g.length; i++) {
      const c = g[i];
      if (c === '*' && g[i + 1] === '*') {
        const slash = g[i + 2] === '/';
        src += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else if (c === '*') src += '[^/]*';
      else if (c === '?') src += '[^/]';
      else src += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    re = new RegExp(`${anchored ? '^' : '(?:^|/)'}${src}(?:/.*)?$`);
    globCache.set(glob, re);
  }
  return re.test(rel);
}
