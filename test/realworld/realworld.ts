// Real-code benchmark (issue #14): reads and validates test/realworld/manifest.json, checks the git-ignored
// cache of public files it names, and scores the engine against the manifest's labels, one Workspace per app.

import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Workspace, decodeText, type Engine } from '../../src/engine/api';
import { matchFindings, ruleScore, sumTallies, type Found, type Label, type MatchMiss, type RuleScore, type Tally, type Target } from '../helpers/score-match';

/** Rules a label may name; every one is scored. */
export const REAL_RULES = [
  'blocking-llm-call',
  'await-on-sync-call',
  'unawaited-llm-call',
  'async-client-in-sync-handler',
  'blocking-call-in-async-handler',
  'llm-call-without-timeout',
  'llm-http-without-retry',
  'timeout-exceeds-server-limit',
] as const;

/** The rules scored together as one group (issue #14's first row). */
export const CONCURRENCY_RULES = ['blocking-llm-call', 'await-on-sync-call', 'unawaited-llm-call'] as const;
export const CONCURRENCY_GROUP = 'concurrency rules';

/** Issue #14's targets on real code. */
export const REAL_TARGETS: Record<string, Target> = {
  [CONCURRENCY_GROUP]: { precision: 0.97, recall: 0.95 },
  'llm-call-without-timeout': { precision: 0.95, recall: 0.92 },
  'blocking-call-in-async-handler': { precision: 0.9, recall: 0.8 },
  'llm-http-without-retry': { precision: 0.95, recall: 0.95 },
};

export const LANGS = ['python', 'js'] as const;
export type Lang = (typeof LANGS)[number];

export interface ManifestFile {
  path: string;
  /** Length of the file in characters (Unicode code points), as the source tool reported it. */
  chars: number;
  /** sha256 of the cached file's bytes, hex. */
  sha256: string;
}

export interface ManifestLabel {
  path: string;
  /** 1-based line where the finding starts. */
  line: number;
  rule: string;
  /** One line of runtime semantics: why this is (or is not) a defect. */
  reason: string;
}

export interface ManifestApp {
  id: string;
  lang: Lang;
  repo: string;
  commit: string;
  files: ManifestFile[];
  labels: ManifestLabel[];
  note?: string;
}

export interface ManifestRepository {
  repo: string;
  commit: string;
  why: string;
}

export interface Manifest {
  version: 1;
  repositories: ManifestRepository[];
  apps: ManifestApp[];
}

const HEX40 = /^[0-9a-f]{40}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const REPO = /^[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9_.-]+$/;
const APP_ID = /^(py|js)-[a-z0-9][a-z0-9._-]*$/;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** A relative POSIX path inside a repository: no `..`, no leading `/`, no backslash. */
function isRepoPath(p: unknown): p is string {
  return isStr(p) && !p.startsWith('/') && !p.includes('\\') && !p.split('/').some((s) => s === '' || s === '.' || s === '..');
}

/**
 * Checks the manifest's shape and cross-references. Returns the manifest when it is usable and every
 * problem found (each names where it is); an entry with a problem is dropped, the rest stays usable.
 */
export function validateManifest(raw: unknown): { manifest: Manifest; errors: string[] } {
  const errors: string[] = [];
  const manifest: Manifest = { version: 1, repositories: [], apps: [] };
  if (!isObj(raw)) return { manifest, errors: ['manifest: not a JSON object'] };
  if (raw.version !== 1) errors.push(`manifest: version must be 1 (found ${JSON.stringify(raw.version)})`);
  const repoCommits = new Set<string>();
  const repoNames = new Set<string>();
  const repos = Array.isArray(raw.repositories) ? raw.repositories : [];
  if (!Array.isArray(raw.repositories)) errors.push('manifest: "repositories" must be an array');
  repos.forEach((r, i) => {
    const where = `repositories[${i}]`;
    if (!isObj(r)) return void errors.push(`${where}: not an object`);
    const bad: string[] = [];
    if (!isStr(r.repo) || !REPO.test(r.repo)) bad.push('"repo" must be owner/name');
    if (!isStr(r.commit) || !HEX40.test(r.commit)) bad.push('"commit" must be 40 lowercase hex digits');
    if (!isStr(r.why)) bad.push('"why" must say why the repository is used');
    if (bad.length > 0) return void errors.push(`${where}: ${bad.join('; ')}`);
    const k = `${r.repo}@${r.commit}`;
    if (repoCommits.has(k)) errors.push(`${where}: ${k} is listed twice`);
    repoCommits.add(k);
    repoNames.add(r.repo as string);
    manifest.repositories.push({ repo: r.repo as string, commit: r.commit as string, why: r.why as string });
  });
  const ids = new Set<string>();
  const apps = Array.isArray(raw.apps) ? raw.apps : [];
  if (!Array.isArray(raw.apps)) errors.push('manifest: "apps" must be an array');
  apps.forEach((a, i) => {
    const where0 = `apps[${i}]`;
    if (!isObj(a)) return void errors.push(`${where0}: not an object`);
    const where = isStr(a.id) ? `app ${a.id}` : where0;
    const bad: string[] = [];
    if (!isStr(a.id) || !APP_ID.test(a.id)) bad.push('"id" must be py-<short> or js-<short> (lowercase)');
    else if (ids.has(a.id)) bad.push('"id" is used twice');
    if (a.lang !== 'python' && a.lang !== 'js') bad.push('"lang" must be "python" or "js"');
    else if (isStr(a.id) && !a.id.startsWith(a.lang === 'python' ? 'py-' : 'js-')) bad.push(`"id" must start with ${a.lang === 'python' ? 'py-' : 'js-'} for lang ${a.lang}`);
    if (!isStr(a.repo) || !REPO.test(a.repo)) bad.push('"repo" must be owner/name');
    if (!isStr(a.commit) || !HEX40.test(a.commit)) bad.push('"commit" must be 40 lowercase hex digits');
    else if (isStr(a.repo) && !repoNames.has(a.repo)) bad.push(`repository ${a.repo} is not listed in "repositories"`);
    if (a.note !== undefined && typeof a.note !== 'string') bad.push('"note" must be a string');
    const files: ManifestFile[] = [];
    const paths = new Set<string>();
    if (!Array.isArray(a.files) || a.files.length === 0) bad.push('"files" must be a non-empty array');
    else
      a.files.forEach((f, j) => {
        const w = `files[${j}]`;
        if (!isObj(f)) return void bad.push(`${w}: not an object`);
        if (!isRepoPath(f.path)) return void bad.push(`${w}: "path" must be a relative path inside the repository`);
        if (paths.has(f.path)) return void bad.push(`${w}: ${f.path} is listed twice`);
        if (typeof f.chars !== 'number' || !Number.isInteger(f.chars) || f.chars < 0) return void bad.push(`${w} (${f.path}): "chars" must be a whole number ≥ 0`);
        if (!isStr(f.sha256) || !HEX64.test(f.sha256)) return void bad.push(`${w} (${f.path}): "sha256" must be 64 lowercase hex digits`);
        paths.add(f.path);
        files.push({ path: f.path, chars: f.chars, sha256: f.sha256 });
      });
    const labels: ManifestLabel[] = [];
    if (!Array.isArray(a.labels)) bad.push('"labels" must be an array (empty for an app that must produce no finding)');
    else
      a.labels.forEach((l, j) => {
        const w = `labels[${j}]`;
        if (!isObj(l)) return void bad.push(`${w}: not an object`);
        const lb: string[] = [];
        if (!isStr(l.path) || !paths.has(l.path)) lb.push(`"path" ${JSON.stringify(l.path)} is not one of the app's files`);
        if (typeof l.line !== 'number' || !Number.isInteger(l.line) || l.line < 1) lb.push('"line" must be a 1-based line number');
        if (!isStr(l.rule) || !(REAL_RULES as readonly string[]).includes(l.rule)) lb.push(`"rule" ${JSON.stringify(l.rule)} is not a scored rule (${REAL_RULES.join(', ')})`);
        if (!isStr(l.reason)) lb.push('"reason" must give the runtime reason in one line');
        else if (/[\r\n]/.test(l.reason)) lb.push('"reason" must be one line');
        if (lb.length > 0) return void bad.push(`${w}: ${lb.join('; ')}`);
        labels.push({ path: l.path as string, line: l.line as number, rule: l.rule as string, reason: l.reason as string });
      });
    if (bad.length > 0) {
      for (const b of bad) errors.push(`${where}: ${b}`);
      if (isStr(a.id)) ids.add(a.id);
      return;
    }
    ids.add(a.id as string);
    const app: ManifestApp = { id: a.id as string, lang: a.lang as Lang, repo: a.repo as string, commit: a.commit as string, files, labels };
    if (typeof a.note === 'string') app.note = a.note;
    manifest.apps.push(app);
  });
  return { manifest, errors };
}

/** Reads and validates a manifest file; a missing or unparsable file is one error, not a throw. */
export function readManifest(file: string): { manifest: Manifest; errors: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
    return { manifest: { version: 1, repositories: [], apps: [] }, errors: [`${file}: cannot read the manifest (${why})`] };
  }
  return validateManifest(raw);
}

/** Where a file of a repository at a commit lives in the cache. */
export function cachePath(cacheRoot: string, repo: string, commit: string, file: string): string {
  return path.join(cacheRoot, repo.replace('/', '__'), commit, ...file.split('/'));
}

/** Length in Unicode code points (what "characters" means for the source tool), not UTF-16 units. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function sha256Hex(buf: Buffer): string {
  return crypto.createHash('sha256').update(buf).digest('hex');
}

export interface CacheProblem {
  app: string;
  path: string;
  /** Where it was looked for. */
  cached: string;
  problem: 'missing' | 'sha256' | 'chars';
  detail: string;
}

/** Compares each file of an app with its cached copy; returns what is missing or differs. */
export function checkAppCache(cacheRoot: string, app: ManifestApp): CacheProblem[] {
  const out: CacheProblem[] = [];
  for (const f of app.files) {
    const cached = cachePath(cacheRoot, app.repo, app.commit, f.path);
    let buf: Buffer;
    try {
      buf = fs.readFileSync(cached);
    } catch {
      out.push({ app: app.id, path: f.path, cached, problem: 'missing', detail: 'not in the cache' });
      continue;
    }
    const sha = sha256Hex(buf);
    if (sha !== f.sha256) {
      const chars = charCount(decodeText(buf).text);
      const detail = `sha256 ${sha.slice(0, 12)}… ≠ manifest ${f.sha256.slice(0, 12)}…; ${chars} chars${chars === f.chars ? '' : ` ≠ manifest ${f.chars}`}`;
      out.push({ app: app.id, path: f.path, cached, problem: 'sha256', detail });
      continue;
    }
    const chars = charCount(decodeText(buf).text);
    if (chars !== f.chars) out.push({ app: app.id, path: f.path, cached, problem: 'chars', detail: `${chars} chars ≠ manifest ${f.chars} (sha256 matches: fix "chars")` });
  }
  return out;
}

export interface RealMiss extends MatchMiss {
  lang: Lang;
  app: string;
  /** The labelled or reported source line, trimmed (empty when the line does not exist). */
  source: string;
}

export interface LangResult {
  apps: number;
  appsScored: number;
  files: number;
  labels: number;
  findings: number;
  rules: Record<string, RuleScore>;
}

export interface RealResult {
  version: 1;
  languages: Partial<Record<Lang, LangResult>>;
  all: LangResult;
  misses: RealMiss[];
  /** Files missing from the cache or differing from the manifest; their apps are not scored. */
  cache: CacheProblem[];
  skippedApps: string[];
  /** Manifest problems and notes (a label past the end of its file, a file the engine could not read). */
  warnings: string[];
  pass: boolean;
}

/** Rule table rows for a set of tallies: every rule, then the concurrency group. */
function scoreRules(tallies: Map<string, Tally>): Record<string, RuleScore> {
  const rules: Record<string, RuleScore> = {};
  for (const r of REAL_RULES) rules[r] = ruleScore(tallies.get(r) ?? { tp: 0, fp: 0, fn: 0 }, REAL_TARGETS[r]);
  rules[CONCURRENCY_GROUP] = ruleScore(sumTallies(CONCURRENCY_RULES.map((r) => tallies.get(r))), REAL_TARGETS[CONCURRENCY_GROUP]);
  return rules;
}

/**
 * Scores every app of the manifest whose files are all in the cache and match it. Each app gets a fresh
 * Workspace holding exactly its files (configs included), at their cache paths, so imports resolve.
 */
export function scoreManifest(engine: Engine, manifest: Manifest, cacheRoot: string, filter?: string): RealResult {
  const misses: RealMiss[] = [];
  const cache: CacheProblem[] = [];
  const skippedApps: string[] = [];
  const warnings: string[] = [];
  const perLang = new Map<Lang, { res: LangResult; tallies: Map<string, Tally> }>();
  const all = { res: emptyLang(), tallies: new Map<string, Tally>() };

  for (const app of manifest.apps) {
    if (filter && !app.id.includes(filter)) continue;
    if (!perLang.has(app.lang)) perLang.set(app.lang, { res: emptyLang(), tallies: new Map() });
    const lang = perLang.get(app.lang)!;
    for (const r of [lang.res, all.res]) r.apps++;
    const problems = checkAppCache(cacheRoot, app);
    if (problems.length > 0) {
      cache.push(...problems);
      skippedApps.push(app.id);
      continue;
    }
    const ws = new Workspace(engine);
    const byCached = new Map<string, string>();
    const lines = new Map<string, string[]>();
    for (const f of app.files) {
      const cached = cachePath(cacheRoot, app.repo, app.commit, f.path);
      byCached.set(cached, f.path);
      const note = ws.load(cached);
      if (note) warnings.push(`${app.id}: ${note}`);
      lines.set(f.path, (ws.text(cached) ?? '').split('\n'));
    }
    const labels: Label[] = [];
    for (const l of app.labels) {
      const text = lines.get(l.path) ?? [];
      if (l.line > text.length) warnings.push(`${app.id}: ${l.path}:${l.line}: label past the end of the file (${text.length} lines)`);
      labels.push({ file: l.path, line: l.line - 1, rule: l.rule, note: l.reason });
    }
    const found: Found[] = [];
    let findings = 0;
    for (const result of ws.analyzeAll()) {
      const rel = byCached.get(result.file);
      if (rel === undefined) continue;
      for (const f of result.findings) {
        findings++;
        found.push({ file: rel, line: f.range.start.line, rule: f.rule, message: f.message });
      }
    }
    for (const r of [lang.res, all.res]) {
      r.appsScored++;
      r.files += app.files.length;
      r.labels += app.labels.length;
      r.findings += findings;
    }
    const appTallies = new Map<string, Tally>();
    for (const m of matchFindings(labels, found, REAL_RULES, appTallies)) {
      const source = (lines.get(m.file)?.[m.line - 1] ?? '').trim();
      misses.push({ ...m, lang: app.lang, app: app.id, source });
    }
    for (const [rule, t] of appTallies) {
      for (const tallies of [lang.tallies, all.tallies]) tallies.set(rule, sumTallies([tallies.get(rule), t]));
    }
  }

  const languages: Partial<Record<Lang, LangResult>> = {};
  for (const l of LANGS) {
    const x = perLang.get(l);
    if (!x) continue;
    x.res.rules = scoreRules(x.tallies);
    languages[l] = x.res;
  }
  all.res.rules = scoreRules(all.tallies);
  misses.sort((a, b) => a.lang.localeCompare(b.lang) || a.rule.localeCompare(b.rule) || a.kind.localeCompare(b.kind) || a.app.localeCompare(b.app) || a.file.localeCompare(b.file) || a.line - b.line);
  const pass = Object.values(all.res.rules).every((r) => r.meetsTarget !== false);
  return { version: 1, languages, all: all.res, misses, cache, skippedApps, warnings, pass };
}

function emptyLang(): LangResult {
  return { apps: 0, appsScored: 0, files: 0, labels: 0, findings: 0, rules: {} };
}
