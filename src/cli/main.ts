// The `loopsafe` command line: check (text, JSON, SARIF, GitHub), explain, rules; loadtest and
// mock-llm dispatch to their own modules. Exit codes: 0 clean, 1 findings, 2 error.

import * as fs from 'fs';
import * as path from 'path';
import { Engine, ProjectConfigs, RULES, RULE_IDS, Workspace, defaultWasmDir, discoverFiles, formatProblem, getRule, normalizeRuleSeverities, renderRuleDocs, type RuleId, type SeveritySetting } from '../engine/api';
import { toGithub, toJson, toSarif, toText } from './format';
import { CliUsageError, loadtestCommand } from './loadtest';
import { mockLlmCommand } from './mockllm';

const HELP = `Loopsafe — finds LLM calls that block or drop the event loop in web handlers.

Usage:
  loopsafe check [paths...] [--format text|json|sarif|github] [--select id,...] [--rules id=severity,...]
  loopsafe explain <rule-id>
  loopsafe rules
  loopsafe loadtest <url> [-X M] [-H 'k: v'] [--body @file|json] [--duration 10s] [--connections N | --rate R/s]
                    [--probe URL] [--sse] [--threshold EXPR]... [--json] [--k6 FILE] [--allow-remote]
                    [--app 'CMD' [--mock-llm] [--no-attribution]] [--allow-stall]
  loopsafe mock-llm [--port N] [--latency 200ms] [--ttft 100ms] [--chunks N] [--error-rate F]
  loopsafe --version

Settings come from the nearest loopsafe.toml, .loopsafe.toml, pyproject.toml [tool.loopsafe] or
package.json "loopsafe" above each file; flags win over it.

Run \`loopsafe loadtest --help\` for every load-test option.

Exit codes: check 0 no findings, 1 findings, 2 error; loadtest 0 pass, 1 a threshold failed, 2 error.`;

class UsageError extends Error {}

function version(): string {
  for (const candidate of [path.join(__dirname, '..', 'package.json'), path.join(__dirname, '..', '..', 'package.json')]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'loopsafe' && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
}

interface CheckArgs {
  paths: string[];
  format: 'text' | 'json' | 'sarif' | 'github';
  select?: RuleId[];
  rules: Partial<Record<RuleId, SeveritySetting>>;
}

function parseCheckArgs(argv: string[]): CheckArgs {
  const args: CheckArgs = { paths: [], format: 'text', rules: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq !== -1) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--format' || a.startsWith('--format=')) {
      const f = value();
      if (!['text', 'json', 'sarif', 'github'].includes(f)) throw new UsageError(`unknown format "${f}" (text, json, sarif, github)`);
      args.format = f as CheckArgs['format'];
    } else if (a === '--select' || a.startsWith('--select=')) {
      const ids = value().split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = ids.filter((id) => !RULE_IDS.includes(id as RuleId));
      if (unknown.length) throw new UsageError(`unknown rule ${unknown.map((u) => `"${u}"`).join(', ')}; rules: ${RULE_IDS.join(', ')}`);
      args.select = ids as RuleId[];
    } else if (a === '--rules' || a.startsWith('--rules=')) {
      const raw: Record<string, string> = {};
      for (const pair of value().split(',')) {
        const [k, v] = pair.split('=');
        if (k && v) raw[k.trim()] = v.trim();
      }
      const { overrides, problems } = normalizeRuleSeverities(raw, RULE_IDS);
      if (problems.length) throw new UsageError(problems.join('; '));
      args.rules = overrides;
    } else if (a.startsWith('-')) {
      throw new UsageError(`unknown option ${a}`);
    } else {
      args.paths.push(a);
    }
  }
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}

async function check(argv: string[]): Promise<number> {
  const args = parseCheckArgs(argv);
  const cwd = process.cwd();
  const missing = args.paths.filter((p) => !fs.existsSync(p));
  if (missing.length) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
  const started = performance.now();
  const engine = await Engine.create(defaultWasmDir(__dirname));
  const { files, notes } = discoverFiles(args.paths);
  const ws = new Workspace(engine, { routes: false });
  // Flags win over the project config, which wins over the defaults.
  ws.overrides = { select: args.select, rules: args.rules };
  for (const f of files) {
    const note = ws.load(f);
    if (note) notes.push(note);
  }
  const configs = new ProjectConfigs();
  ws.setProjectConfigs(configs);
  for (const cfg of configs.all()) for (const p of cfg.problems) process.stderr.write(`loopsafe: config: ${formatProblem({ ...p, file: path.relative(cwd, p.file) || p.file })}\n`);
  const results = ws.analyzeAll().filter((r) => !ws.isExcluded(r.file));
  for (const r of results) notes.push(...r.notes);
  const stats = { files: results.length, lines: results.reduce((a, r) => a + r.lines, 0), ms: performance.now() - started };
  for (const n of notes) process.stderr.write(`loopsafe: note: ${n}\n`);
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const out =
    args.format === 'json' ? toJson(results, stats, cwd)
    : args.format === 'sarif' ? toSarif(results, cwd, version())
    : args.format === 'github' ? toGithub(results, cwd)
    : toText(results, stats, cwd, color);
  if (out) process.stdout.write(out + '\n');
  return results.some((r) => r.findings.length > 0) ? 1 : 0;
}

function explain(argv: string[]): number {
  const id = argv[0];
  const rule = id ? getRule(id) : undefined;
  if (!rule) {
    process.stderr.write(`loopsafe: ${id ? `unknown rule "${id}"` : 'explain needs a rule id'}; rules: ${RULE_IDS.join(', ')}\n`);
    return 2;
  }
  process.stdout.write(renderRuleDocs(rule));
  return 0;
}

function listRules(): number {
  for (const r of RULES.values()) process.stdout.write(`${r.id.padEnd(32)} ${r.defaultSeverity.padEnd(8)} ${r.summary}\n`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await check(rest);
      case 'explain':
        return explain(rest);
      case 'rules':
        return listRules();
      case 'loadtest':
        return await loadtestCommand(rest);
      case 'mock-llm':
        return await mockLlmCommand(rest);
      case '--version':
      case '-V':
        process.stdout.write(version() + '\n');
        return 0;
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(HELP + '\n');
        return 0;
      default:
        process.stderr.write(`${command ? `loopsafe: unknown command "${command}"\n\n` : ''}${HELP}\n`);
        return 2;
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof CliUsageError) {
      process.stderr.write(`loopsafe: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`loopsafe: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
