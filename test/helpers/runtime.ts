// Helpers for the runtime-attribution tests: the built CLI run as a user runs it, line numbers by content,
// and the sampler directories left in the temp folder (there must be none).

import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** 1-based line of the first line of `file` containing `text`. */
export function lineOf(file: string, text: string): number {
  const i = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text));
  assert.ok(i >= 0, `${text} not in ${file}`);
  return i + 1;
}

/**
 * Sampler directories left in `tmp` (there must be none). Tests point TMPDIR at a folder of their own: the
 * machine's /tmp is shared with other test runs that create and remove sampler directories of their own.
 */
export function samplerDirs(tmp: string): string[] {
  return fs.readdirSync(tmp).filter((f) => f.startsWith('loopsafe-sampler-'));
}

/** A private temporary folder for TMPDIR. */
export function privateTmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-tmp-'));
}
