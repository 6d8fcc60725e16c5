// A load test of an app Loopsafe starts itself (CLI --app, editor appCommand): the mock LLM, the app with the
// runtime sampler, the run, the app stopped by process group, then "where the loop was blocked" read and cleaned up.

import { mockLlmEnv, startApp, type StartedApp } from './app';
import { prepareSampler, readAttribution, type SamplerSession } from './attribution';
import { runLoadTest } from './run';
import { judgeReport } from './thresholds';
import type { BlockedRow, LoadTestHooks, LoadTestOptions, LoadTestReport } from './types';
import { startMockLlm, type MockLlm } from '../mockllm/server';

export interface AppRunOptions {
  options: LoadTestOptions;
  command: string;
  cwd: string;
  /** Start the built-in mock LLM and point the app at it, with this latency (ms); undefined: no mock. */
  mockLatencyMs?: number;
  /** Load the runtime sampler into the app (code locations and times only, to a temporary directory). */
  attribution: boolean;
  /** Marks the rows a static finding predicted (the engine on the app's workspace, or the language server). */
  predict?: (rows: BlockedRow[]) => Promise<void> | void;
  hooks?: LoadTestHooks;
  onStatus?: (text: string) => void;
  onOutput?: (text: string) => void;
  /** Extra environment for the app. */
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

export interface AppRunResult {
  report: LoadTestReport;
  /** The mock LLM's URL, when one ran. */
  mockUrl?: string;
}

export async function runWithApp(o: AppRunOptions): Promise<AppRunResult> {
  let mock: MockLlm | undefined;
  let sampler: SamplerSession | undefined;
  let app: StartedApp | undefined;
  let samplerProblem: string | undefined;
  try {
    const env: Record<string, string> = { ...(o.env ?? {}) };
    if (o.mockLatencyMs !== undefined) {
      mock = await startMockLlm({ port: 0, latencyMs: o.mockLatencyMs });
      Object.assign(env, mockLlmEnv(mock.url));
    }
    if (o.attribution) {
      try {
        sampler = prepareSampler({ ...process.env, ...env });
        Object.assign(env, sampler.env);
      } catch (err) {
        samplerProblem = `no attribution: ${err instanceof Error ? err.message : String(err)}`;
      }
    }
    o.onStatus?.(`Starting the app: ${o.command}`);
    app = await startApp({ command: o.command, cwd: o.cwd, env, url: o.options.url, onOutput: o.onOutput, timeoutMs: o.startTimeoutMs });
    o.onStatus?.(`Running ${o.options.method} ${o.options.url}…`);
    const report = await runLoadTest(o.options, o.hooks);
    // Stopped first: the samplers write their last lines at exit.
    await app.stop();
    if (o.attribution) {
      if (sampler) {
        const { attribution, rows } = readAttribution(sampler.dir, report.window, app.output());
        // Called with no rows too: a later run that no longer sees a line clears what the earlier one reported.
        if (o.predict && attribution.available) {
          try {
            await o.predict(rows);
          } catch (err) {
            attribution.note = `predictions unavailable: ${err instanceof Error ? err.message : String(err)}`;
          }
        }
        report.attribution = attribution;
        report.blockedAt = rows;
      } else {
        report.attribution = { available: false, note: samplerProblem, measuredMs: 0, loops: 0, blockedMs: 0, blockedShare: 0 };
        report.blockedAt = [];
      }
      judgeReport(report, o.options);
    }
    return { report, mockUrl: mock?.url };
  } finally {
    await app?.stop().catch(() => undefined);
    sampler?.dispose();
    await mock?.close().catch(() => undefined);
  }
}
