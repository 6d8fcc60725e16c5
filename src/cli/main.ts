// The `loopsafe` command line: check (text, JSON, SARIF, GitHub), explain, rules; loadtest and
// mock-llm dispatch to their own modules. Exit codes: 0 clean, 1 findings, 2 error.

import * as fs from 'fs';
import * as path from 'path';
import { RULES, RULE_IDS, getRule, renderRuleDocs } from '../engine/api';
import { check, CheckUsageError } from './check';
import { CliUsageError, loadtestCommand } from './loadtest';
import { mockLlmCommand } from './mockllm';
import { serverCommand, ServerUsageError } from './server';

const HELP = `Loopsafe — finds LLM calls that block or drop the event loop in web handlers.

Usage:
  loopsafe check [paths...] [--format text|json|sarif|github] [--select id,...] [--rules id=severity,...]
                 [--fix | --diff | --fix-only] [--unsafe-fixes] [--baseline FILE [--update-baseline]]
                 [--add-suppressions [--reason TEXT]]
  loopsafe explain <rule-id>
  loopsafe server --stdio            the language server, for any editor (see loopsafe server --help)
  loopsafe rules
  loopsafe loadtest <url> [-X M] [-H 'k: v'] [--body @file|json] [--duration 10s] [--connections N | --rate R/s]
                    [--probe URL] [--sse] [--threshold EXPR]... [--json] [--k6 FILE] [--allow-remote]
                    [--app 'CMD' [--mock-llm] [--no-attribution]] [--allow-stall]
  loopsafe mock-llm [--port N] [--latency 200ms] [--ttft 100ms] [--chunks N] [--error-rate F]
  loopsafe --version

--fix applies safe fixes (--unsafe-fixes adds the others) and reports what is left; --diff prints them as a
unified diff without writing (exit 1 when there is one); --fix-only applies them and reports nothing.
--baseline FILE records today's findings when FILE does not exist, then reports only new ones;
--add-suppressions writes '# loopsafe: ignore[rule] — reason' comments instead.
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
        return await check(rest, version());
      case 'explain':
        return explain(rest);
      case 'rules':
        return listRules();
      case 'loadtest':
        return await loadtestCommand(rest);
      case 'mock-llm':
        return await mockLlmCommand(rest);
      case 'server':
        return await serverCommand(rest);
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
    if (err instanceof UsageError || err instanceof CliUsageError || err instanceof CheckUsageError || err instanceof ServerUsageError) {
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
