// `loopsafe loadtest`: flags parsed into checked options, live progress on a terminal, the report
// as text or JSON, a k6 export; Ctrl-C cancels and keeps the partial results.

import * as fs from 'fs';
import * as path from 'path';
import { normalizeLoadTestOptions, runLoadTest, toK6Script } from '../loadtest/run';
import { parseDuration, type LoadTestInput } from '../loadtest/options';
import { formatProgress, formatReport } from '../loadtest/format';
import { runWithApp } from '../loadtest/app-run';
import { matchPredictions } from '../loadtest/attribution';
import type { BlockedRow, LoadTestReport } from '../loadtest/types';
import { Engine, Workspace, defaultWasmDir, discoverFiles } from '../engine/api';

export class CliUsageError extends Error {}

export const LOADTEST_HELP = `loopsafe loadtest <url> [options]
  -X, --method M           HTTP method (default GET, POST when a body is given)
  -H, --header 'k: v'      request header (repeatable)
  --body @file|json        request body
  --duration 10s           measured duration (cap 10 min)
  -c, --connections N      closed model: N connections, one request each in flight (default 10)
  --rate R/s               open model: R arrivals per second, latency from the intended send time
  --warmup 2s  --ramp 5s   warm-up before measuring; linear ramp of connections or rate
  --max-requests N         stop after N requests
  --timeout 60s            per-request timeout
  --probe URL|PATH         cheap endpoint timed during the load (stall probe), e.g. /health
  --sse                    time the first token and the gaps between tokens of streamed responses
  --threshold EXPR         pass/fail, e.g. p95<800ms, errors<1%, rps>50, blocked<5% (repeatable);
                           with a probe, a stalled event loop fails the run (stall==0) unless --allow-stall
  --allow-stall            do not fail the run when the probe sees the event loop stall
  --json                   print the report as JSON
  --k6 FILE                also write the scenario as a k6 script
  --allow-remote           permit a non-loopback target
  --app 'CMD'              start the app with this shell command (in the working directory), run the test,
                           stop it (process group), and show where its event loop was blocked
  --mock-llm [--mock-latency 200ms]
                           with --app: point the app at the built-in mock LLM (OPENAI_BASE_URL, …)
  --no-attribution         with --app: do not load the runtime sampler into the app
Exit codes: 0 pass, 1 a threshold failed, 2 error.`;

export function takeValue(argv: string[], i: number, flag: string): [string, number] {
  const a = argv[i];
  const eq = a.indexOf('=');
  if (a.startsWith('--') && eq !== -1) return [a.slice(eq + 1), i];
  const v = argv[i + 1];
  if (v === undefined) throw new CliUsageError(`${flag} needs a value`);
  return [v, i + 1];
}

export function integer(value: string, flag: string): number {
  if (!/^\d+$/.test(value.trim())) throw new CliUsageError(`${flag} takes a whole number, not "${value}"`);
  return Number(value);
}

export interface AppArgs {
  command?: string;
  mockLlm: boolean;
  mockLatencyMs: number;
  attribution: boolean;
}

export function parseLoadtestArgs(argv: string[]): { input: LoadTestInput; json: boolean; k6?: string; app: AppArgs } {
  const input: LoadTestInput = { headers: {}, thresholds: [] };
  const app: AppArgs = { mockLlm: false, mockLatencyMs: 200, attribution: true };
  let json = false;
  let k6: string | undefined;
  let methodGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const flag = a.split('=')[0];
    let v: string;
    switch (flag) {
      case '-X':
      case '--method':
        [v, i] = takeValue(argv, i, flag);
        input.method = v;
        methodGiven = true;
        break;
      case '-H':
      case '--header': {
        [v, i] = takeValue(argv, i, flag);
        const colon = v.indexOf(':');
        if (colon <= 0) throw new CliUsageError(`header "${v}" is not of the form 'name: value'`);
        input.headers![v.slice(0, colon).trim()] = v.slice(colon + 1).trim();
        break;
      }
      case '--body':
      case '-d':
        [v, i] = takeValue(argv, i, flag);
        if (v.startsWith('@')) {
          try {
            input.body = fs.readFileSync(v.slice(1), 'utf8');
          } catch (err) {
            throw new CliUsageError(`cannot read the body file ${v.slice(1)} (${(err as NodeJS.ErrnoException).code ?? err})`);
          }
        } else {
          input.body = v;
        }
        break;
      case '--duration':
        [v, i] = takeValue(argv, i, flag);
        input.duration = v;
        break;
      case '-c':
      case '--connections':
        [v, i] = takeValue(argv, i, flag);
        input.connections = integer(v, flag);
        break;
      case '--rate':
        [v, i] = takeValue(argv, i, flag);
        input.rate = v;
        break;
      case '--warmup':
        [v, i] = takeValue(argv, i, flag);
        input.warmupMs = wrap(() => parseDuration(v, 'warm-up'));
        break;
      case '--ramp':
        [v, i] = takeValue(argv, i, flag);
        input.rampMs = wrap(() => parseDuration(v, 'ramp'));
        break;
      case '--max-requests':
        [v, i] = takeValue(argv, i, flag);
        input.maxRequests = integer(v, flag);
        break;
      case '--timeout':
        [v, i] = takeValue(argv, i, flag);
        input.requestTimeoutMs = wrap(() => parseDuration(v, 'timeout'));
        break;
      case '--probe':
        [v, i] = takeValue(argv, i, flag);
        input.probe = v;
        break;
      case '--threshold':
        [v, i] = takeValue(argv, i, flag);
        input.thresholds!.push(v);
        break;
      case '--k6':
        [v, i] = takeValue(argv, i, flag);
        k6 = v;
        break;
      case '--sse':
        input.sse = true;
        break;
      case '--json':
        json = true;
        break;
      case '--allow-remote':
        input.allowRemote = true;
        break;
      case '--allow-stall':
        input.failOnStall = false;
        break;
      case '--app':
        [v, i] = takeValue(argv, i, flag);
        if (!v.trim()) throw new CliUsageError('--app needs the command that starts the app');
        app.command = v.trim();
        break;
      case '--mock-llm':
        app.mockLlm = true;
        break;
      case '--mock-latency':
        [v, i] = takeValue(argv, i, flag);
        app.mockLatencyMs = wrap(() => parseDuration(v, 'mock latency'));
        app.mockLlm = true;
        break;
      case '--no-attribution':
        app.attribution = false;
        break;
      default:
        if (a.startsWith('-')) throw new CliUsageError(`unknown option ${a}\n\n${LOADTEST_HELP}`);
        if (input.url) throw new CliUsageError(`one target URL only (got "${input.url}" and "${a}")`);
        input.url = a;
    }
  }
  if (!input.url) throw new CliUsageError(`loadtest needs a target URL\n\n${LOADTEST_HELP}`);
  if (!methodGiven && input.body !== undefined) input.method = 'POST';
  if (app.mockLlm && !app.command) throw new CliUsageError('--mock-llm needs --app: only an app Loopsafe starts can be pointed at the mock LLM');
  return { input, json, k6, app };
}

export function wrap<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new CliUsageError(err instanceof Error ? err.message : String(err));
  }
}

export async function loadtestCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(LOADTEST_HELP + '\n');
    return 0;
  }
  const { input, json, k6, app } = parseLoadtestArgs(argv);
  const normalized = normalizeLoadTestOptions(input);
  if ('error' in normalized) throw new CliUsageError(normalized.error);
  const options = normalized.options;
  if (k6) {
    try {
      fs.writeFileSync(k6, toK6Script(options));
    } catch (err) {
      throw new CliUsageError(`cannot write the k6 script to ${k6} (${(err as NodeJS.ErrnoException).code ?? err})`);
    }
    if (!json) process.stderr.write(`loopsafe: k6 script written to ${k6}\n`);
  }
  const controller = new AbortController();
  const onSigint = () => {
    process.stderr.write('\nloopsafe: cancelling, keeping the partial results…\n');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  const live = process.stderr.isTTY === true && !json;
  try {
    const hooks = {
      signal: controller.signal,
      onProgress: live ? (p: Parameters<typeof formatProgress>[0]) => process.stderr.write(`\r\u001b[2K${formatProgress(p)}`) : undefined,
    };
    let report: LoadTestReport;
    if (app.command) {
      const cwd = process.cwd();
      try {
        ({ report } = await runWithApp({
          options,
          command: app.command,
          cwd,
          mockLatencyMs: app.mockLlm ? app.mockLatencyMs : undefined,
          attribution: app.attribution,
          predict: (rows) => predictFromWorkspace(rows, cwd),
          hooks,
          onStatus: json ? undefined : (text) => process.stderr.write(`loopsafe: ${text}\n`),
        }));
      } catch (err) {
        throw new CliUsageError(err instanceof Error ? err.message : String(err));
      }
      // Paths in the printed report are relative to the working directory, as in `check`.
      for (const row of report.blockedAt ?? []) row.file = relativePath(row.file, cwd);
    } else {
      report = await runLoadTest(options, hooks);
    }
    if (live) process.stderr.write('\r\u001b[2K');
    const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
    process.stdout.write((json ? JSON.stringify(report) : formatReport(report, options, { color })) + '\n');
    if (report.completed === 0 || report.stoppedReason === 'cancelled') return 2;
    return report.pass ? 0 : 1;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

function relativePath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** The static findings of the app's workspace (the working directory) mark the rows they predicted. */
async function predictFromWorkspace(rows: BlockedRow[], cwd: string): Promise<void> {
  if (!rows.length) return;
  const engine = await Engine.create(defaultWasmDir(__dirname));
  const { files } = discoverFiles([cwd]);
  const wanted = new Set(rows.map((r) => path.resolve(r.file)));
  const ws = new Workspace(engine, { routes: false });
  for (const f of files) ws.load(f);
  const findings = [];
  // Only the files the rows name are analysed (the index still spans the whole workspace).
  for (const f of files) if (wanted.has(path.resolve(f))) findings.push(...(ws.analyze(f)?.findings ?? []));
  matchPredictions(rows, findings);
}
