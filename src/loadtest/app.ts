// Starts the user's app for a load test (`loopsafe.loadTest.appCommand`) in its own process group,
// optionally pointed at the mock LLM, waits until its port listens, and stops it by process group.

import { spawn } from 'child_process';
import { checkReachable } from './run';

export interface StartedApp {
  pid: number;
  stop(): Promise<void>;
  output(): string;
}

export interface StartAppOptions {
  command: string;
  cwd: string;
  /** Extra environment (OPENAI_BASE_URL…) on top of the extension's own. */
  env: Record<string, string>;
  /** The URL the app will serve: ready once its port accepts connections. */
  url: string;
  timeoutMs?: number;
  onOutput?: (text: string) => void;
}

/** Environment that points common SDKs and apps at a mock LLM served at `mockUrl`. */
export function mockLlmEnv(mockUrl: string): Record<string, string> {
  return {
    OPENAI_BASE_URL: `${mockUrl}/v1`,
    OPENAI_API_BASE: `${mockUrl}/v1`,
    OPENAI_API_KEY: process.env.OPENAI_API_KEY ?? 'sk-loopsafe-mock',
    ANTHROPIC_BASE_URL: mockUrl,
    ANTHROPIC_API_KEY: process.env.ANTHROPIC_API_KEY ?? 'sk-ant-loopsafe-mock',
    LLM_BASE_URL: `${mockUrl}/v1`,
  };
}

export async function startApp(o: StartAppOptions): Promise<StartedApp> {
  const notListening = await checkReachable(o.url, 500);
  if (!notListening) throw new Error(`something already listens on ${new URL(o.url).host}: stop it, or clear loopsafe.loadTest.appCommand to test the running server`);
  const child = spawn(o.command, { cwd: o.cwd, env: { ...process.env, ...o.env }, shell: true, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const onData = (d: Buffer) => {
    const text = d.toString();
    log = (log + text).slice(-20_000);
    o.onOutput?.(text);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  child.once('error', () => undefined);

  const stop = async (): Promise<void> => {
    if (exited || !child.pid) return;
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), 5000);
    await exit;
    clearTimeout(timer);
    // The shell can exit before the app it started has finished shutting down: wait for the whole group
    // (up to 5 s more, then SIGKILL), so nothing outlives the run and its last writes are done.
    const groupAlive = () => {
      try {
        process.kill(-child.pid!, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let waited = 0; groupAlive() && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    if (groupAlive()) {
      kill('SIGKILL');
      for (let waited = 0; groupAlive() && waited < 2000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    }
  };

  const deadline = Date.now() + (o.timeoutMs ?? 30_000);
  for (;;) {
    if (exited) throw new Error(`the app command exited before listening on ${new URL(o.url).host}:\n${log.trim().split('\n').slice(-15).join('\n')}`);
    if (!(await checkReachable(o.url, 500))) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app did not listen on ${new URL(o.url).host} within ${Math.round((o.timeoutMs ?? 30_000) / 1000)} s:\n${log.trim().split('\n').slice(-15).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { pid: child.pid!, stop, output: () => log };
}
