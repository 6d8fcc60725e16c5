// `loopsafe check`: analyse paths with the project config, report (text, JSON, SARIF, GitHub), and with
// --fix / --diff / --fix-only apply the fixes (bounded passes, checked to parse and to remove their finding).

import * as fs from 'fs';
import * as path from 'path';
import { Baseline, Engine, ProjectConfigs, RULE_IDS, Workspace, applyEdits, baselineEntries, decodeText, defaultWasmDir, discoverFiles, fixFiles, formatProblem, languageOf, normalizeRuleSeverities, type FileAnalysis, type RuleId, type SeveritySetting } from '../engine/api';
import { unifiedDiff } from './diff';
import { toGithub, toJson, toSarif, toText } from './format';

export class CheckUsageError extends Error {}

export interface CheckArgs {
  paths: string[];
  format: 'text' | 'json' | 'sarif' | 'github';
  select?: RuleId[];
  rules: Partial<Record<RuleId, SeveritySetting>>;
  fix: boolean;
  unsafeFixes: boolean;
  diff: boolean;
  fixOnly: boolean;
  baseline?: string;
  updateBaseline: boolean;
  addSuppressions: boolean;
  reason: string;
}

export function parseCheckArgs(argv: string[]): CheckArgs {
  const args: CheckArgs = { paths: [], format: 'text', rules: {}, fix: false, unsafeFixes: false, diff: false, fixOnly: false, updateBaseline: false, addSuppressions: false, reason: 'existing finding, suppressed when Loopsafe was adopted' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq !== -1) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new CheckUsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const f = value();
      if (!['text', 'json', 'sarif', 'github'].includes(f)) throw new CheckUsageError(`unknown format "${f}" (text, json, sarif, github)`);
      args.format = f as CheckArgs['format'];
    } else if (a === '--select' || a.startsWith('--select=')) {
      const ids = value().split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = ids.filter((id) => !RULE_IDS.includes(id as RuleId));
      if (unknown.length) throw new CheckUsageError(`unknown rule ${unknown.map((u) => `"${u}"`).join(', ')}; rules: ${RULE_IDS.join(', ')}`);
      args.select = ids as RuleId[];
    } else if (a === '--rules' || a.startsWith('--rules=')) {
      const raw: Record<string, string> = {};
      for (const pair of value().split(',')) {
        const [k, v] = pair.split('=');
        if (k && v) raw[k.trim()] = v.trim();
      }
      const { overrides, problems } = normalizeRuleSeverities(raw, RULE_IDS);
      if (problems.length) throw new CheckUsageError(problems.join('; '));
      args.rules = overrides;
    } else if (a === '--fix') args.fix = true;
    else if (a === '--unsafe-fixes') args.unsafeFixes = true;
    else if (a === '--diff') args.diff = true;
    else if (a === '--fix-only') args.fixOnly = true;
    else if (a === '--baseline' || a.startsWith('--baseline=')) args.baseline = value();
    else if (a === '--update-baseline') args.updateBaseline = true;
    else if (a === '--add-suppressions') args.addSuppressions = true;
    else if (a === '--reason' || a.startsWith('--reason=')) args.reason = value().replace(/[\r\n]+/g, ' ').trim();
    else if (a.startsWith('-')) throw new CheckUsageError(`unknown option ${a}`);
    else args.paths.push(a);
  }
  if (args.diff && (args.fix || args.fixOnly)) throw new CheckUsageError('--diff prints the fixes without applying them: use it without --fix and --fix-only');
  if (args.addSuppressions && (args.fix || args.fixOnly || args.diff || args.baseline || args.updateBaseline)) throw new CheckUsageError('--add-suppressions writes comments instead of fixes or a baseline: use it alone');
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}

const rel = (file: string, cwd: string): string => path.relative(cwd, file).split(path.sep).join('/') || path.basename(file);

export async function check(argv: string[], version: string): Promise<number> {
  const args = parseCheckArgs(argv);
  const cwd = process.cwd();
  const missing = args.paths.filter((p) => !fs.existsSync(p));
  if (missing.length) throw new CheckUsageError(`no such file or directory: ${missing.join(', ')}`);
  const started = performance.now();
  const engine = await Engine.create(defaultWasmDir(__dirname));
  const { files, notes } = discoverFiles(args.paths);
  const ws = new Workspace(engine, { routes: false });
  // Flags win over the project config, which wins over the defaults.
  ws.overrides = { select: args.select, rules: args.rules };
  const undecodable = new Set<string>();
  for (const f of files) {
    const note = ws.load(f);
    if (note) {
      notes.push(note);
      undecodable.add(f);
    }
  }
  const configs = new ProjectConfigs();
  ws.setProjectConfigs(configs);
  for (const cfg of configs.all()) for (const p of cfg.problems) process.stderr.write(`loopsafe: config: ${formatProblem({ ...p, file: rel(p.file, cwd) })}\n`);
  const reported = (): FileAnalysis[] => ws.analyzeAll().filter((r) => !ws.isExcluded(r.file));

  const fixing = args.fix || args.fixOnly || args.diff;
  if (fixing) {
    const targets = files.filter((f) => ws.has(f) && !ws.isExcluded(f) && !undecodable.has(f));
    const outcome = fixFiles(ws, targets, { unsafe: args.unsafeFixes });
    for (const r of outcome.rejected) process.stderr.write(`loopsafe: not fixed: ${rel(r.file, cwd)}: ${r.reason}; left untouched\n`);
    if (args.diff) {
      let out = '';
      for (const [file, { before, after }] of [...outcome.changed].sort(([a], [b]) => a.localeCompare(b))) out += unifiedDiff(rel(file, cwd), before, after);
      if (out) process.stdout.write(out);
      process.stderr.write(`loopsafe: ${outcome.applied} fix${outcome.applied === 1 ? '' : 'es'} in ${outcome.changed.size} file${outcome.changed.size === 1 ? '' : 's'} would be applied${args.unsafeFixes ? '' : ' (safe fixes only; --unsafe-fixes adds the others)'}\n`);
      return out ? 1 : 0;
    }
    let written = 0;
    for (const [file, { before, after }] of outcome.changed) {
      const wrote = writeFixed(file, before, after);
      if (wrote === true) written++;
      else {
        process.stderr.write(`loopsafe: not fixed: ${rel(file, cwd)}: ${wrote}\n`);
        ws.upsert(file, before);
      }
    }
    process.stderr.write(`loopsafe: fixed ${outcome.applied} problem${outcome.applied === 1 ? '' : 's'} in ${written} file${written === 1 ? '' : 's'}${outcome.passes > 1 ? ` (${outcome.passes} passes)` : ''}\n`);
    if (args.fixOnly) {
      for (const n of notes) process.stderr.write(`loopsafe: note: ${n}\n`);
      return 0;
    }
  }

  if (args.addSuppressions) return addSuppressions(ws, reported(), files, args.reason, cwd);
  let results = reported();
  for (const r of results) notes.push(...r.notes);
  const baselineFile = args.baseline !== undefined ? path.resolve(args.baseline) : configs.forFile(path.join(cwd, 'x.py'))?.baseline;
  if (baselineFile) {
    const { baseline, problem, missing } = Baseline.read(baselineFile);
    if (args.updateBaseline || (missing && args.baseline !== undefined)) {
      const root = path.dirname(baselineFile);
      const entries = results.flatMap((r) => baselineEntries(engine, root, r.file, ws.text(r.file) ?? '', r.findings));
      try {
        fs.writeFileSync(baselineFile, Baseline.serialize(entries));
      } catch (err) {
        throw new CheckUsageError(`cannot write the baseline ${baselineFile} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
      }
      process.stderr.write(`loopsafe: recorded ${entries.length} finding${entries.length === 1 ? '' : 's'} in ${rel(baselineFile, cwd)}; later runs report only new ones\n`);
      return 0;
    }
    if (missing) process.stderr.write(`loopsafe: no baseline yet at ${rel(baselineFile, cwd)}: \`loopsafe check --update-baseline\` records today's findings there\n`);
    else if (problem) process.stderr.write(`loopsafe: ${problem}\n`);
    if (baseline) {
      let hidden = 0;
      results = results.map((r) => {
        const prints = baselineEntries(engine, baseline.root, r.file, ws.text(r.file) ?? '', r.findings).map((e) => e.fingerprint);
        const findings = r.findings.filter((_f, i) => !baseline.has(prints[i]));
        hidden += r.findings.length - findings.length;
        return { ...r, findings };
      });
      if (hidden > 0) process.stderr.write(`loopsafe: ${hidden} finding${hidden === 1 ? '' : 's'} recorded in ${rel(baselineFile, cwd)} not shown\n`);
    }
  }
  const stats = { files: results.length, lines: results.reduce((a, r) => a + r.lines, 0), ms: performance.now() - started };
  for (const n of notes) process.stderr.write(`loopsafe: note: ${n}\n`);
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const out =
    args.format === 'json' ? toJson(results, stats, cwd)
    : args.format === 'sarif' ? toSarif(results, cwd, version)
    : args.format === 'github' ? toGithub(results, cwd)
    : toText(results, stats, cwd, color);
  if (out) process.stdout.write(out + '\n');
  return results.some((r) => r.findings.length > 0) ? 1 : 0;
}

/** Writes the fixed text if the file still holds what was analysed (keeping a BOM); else says why not. */
function writeFixed(file: string, before: string, after: string): true | string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    return `cannot read it again (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
  }
  if (decodeText(bytes).text !== before) return 'it changed on disk while Loopsafe ran';
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '';
  try {
    fs.writeFileSync(file, bom + after);
    return true;
  } catch (err) {
    return `cannot write it (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
  }
}

/**
 * `--add-suppressions`: a `# loopsafe: ignore[rule] — reason` comment (`//` in JS/TS) for every finding,
 * written only when the file still parses and its findings are then gone.
 */
function addSuppressions(ws: Workspace, results: FileAnalysis[], files: string[], reason: string, cwd: string): number {
  let comments = 0;
  let written = 0;
  for (const r of results) {
    if (r.findings.length === 0 || !files.includes(r.file)) continue;
    const before = ws.text(r.file);
    const language = languageOf(r.file);
    if (before === undefined || !language) continue;
    let text = before;
    // Bottom up, so an added line never moves a finding still to be handled.
    const todo = [...r.findings].sort((a, b) => b.range.start.line - a.range.start.line || a.rule.localeCompare(b.rule));
    const done = new Set<string>();
    for (const f of todo) {
      const key = `${f.range.start.line}:${f.rule}`;
      if (done.has(key)) continue;
      done.add(key);
      const edit = ws.engine.suppressionEdit(r.file, text, f.range.start.line, f.rule);
      if (!edit) continue; // no place where a comment would be a comment (the line is inside a string)
      // A new comment gets the reason after its rule list; an existing list just gains the rule.
      const newText = edit.newText.replace(/(loopsafe: ignore\[[^\]]*\])(?![^\n]*\u2014)/, `$1 \u2014 ${reason}`);
      text = applyEdits(text, [{ ...edit, newText }]);
      comments++;
    }
    ws.upsert(r.file, text);
    const left = ws.analyze(r.file)?.findings.length ?? 0;
    const broken = ws.engine.parsesCleanly(r.file, before) && !ws.engine.parsesCleanly(r.file, text);
    if (broken || left > 0) {
      ws.upsert(r.file, before);
      process.stderr.write(`loopsafe: not suppressed: ${rel(r.file, cwd)}: ${broken ? 'the comments would break the code' : `${left} finding${left === 1 ? '' : 's'} would be left`}; left untouched\n`);
      comments -= done.size;
      continue;
    }
    const wrote = writeFixed(r.file, before, text);
    if (wrote === true) written++;
    else {
      comments -= done.size;
      process.stderr.write(`loopsafe: not suppressed: ${rel(r.file, cwd)}: ${wrote}\n`);
    }
  }
  process.stderr.write(`loopsafe: added ${comments} suppression comment${comments === 1 ? '' : 's'} in ${written} file${written === 1 ? '' : 's'}\n`);
  return 0;
}
