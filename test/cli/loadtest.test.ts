// The built CLI's `loadtest` and `mock-llm` commands as a user runs them: the JSON contract, exit
// codes for pass, failed threshold and error, the k6 export, and the mock started and stopped.

import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('cli loadtest and mock-llm', function () {
  this.timeout(60_000);
  let mock: ReturnType<typeof spawn>;
  let base = '';

  before(async () => {
    mock = spawn(process.execPath, [CLI, 'mock-llm', '--port', '0', '--latency', '50ms']);
    base = await new Promise<string>((resolve, reject) => {
      let out = '';
      mock.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve(m[1]);
      });
      mock.on('exit', (code) => reject(new Error(`mock-llm exited with ${code}: ${out}`)));
    });
  });

  after(async () => {
    if (mock.exitCode === null) {
      const exited = new Promise<number | null>((r) => mock.once('exit', (code) => r(code)));
      mock.kill('SIGINT');
      assert.strictEqual(await exited, 0, 'mock-llm stops cleanly on Ctrl-C');
    }
  });

  it('prints the JSON contract, writes a k6 script and exits 0 when thresholds pass', async () => {
    const k6 = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-k6-')), 'load.js');
    const r = await run(['loadtest', `${base}/v1/chat/completions`, '--body', '{"model":"m","messages":[]}', '--duration', '1s', '-c', '4', '--probe', '/health', '--threshold', 'p95<2s', '--threshold', 'errors<1%', '--json', '--k6', k6]);
    assert.strictEqual(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    for (const key of ['version', 'target', 'model', 'durationMs', 'sent', 'completed', 'errors', 'inFlightAtEnd', 'oldestInFlightMs', 'throughputRps', 'latencyMs', 'ttfbMs', 'ttftMs', 'interTokenMs', 'perConnection', 'probe', 'thresholds', 'pass']) assert.ok(key in report, key);
    assert.strictEqual(report.version, 1);
    assert.strictEqual(report.model, 'closed');
    assert.ok(report.completed > 20, `completed ${report.completed}`);
    assert.ok(report.latencyMs.p50 >= 45, `p50 ${report.latencyMs.p50}`);
    assert.deepStrictEqual(Object.keys(report.probe).filter((k) => ['url', 'idleMs', 'loadMs', 'stalled'].includes(k)).sort(), ['idleMs', 'loadMs', 'stalled', 'url']);
    assert.strictEqual(report.pass, true);
    assert.match(fs.readFileSync(k6, 'utf8'), /export function load\(\)/);
  });

  it('streams with --sse and exits 1 when a threshold fails, with a readable summary', async () => {
    const r = await run(['loadtest', `${base}/v1/chat/completions`, '--body', '{"stream":true}', '--sse', '--duration', '1s', '-c', '2', '--threshold', 'p50<10ms']);
    assert.strictEqual(r.code, 1, r.stderr);
    assert.match(r.stdout, /Loopsafe load test {2}POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions/);
    assert.match(r.stdout, /first token {2}p50 /);
    assert.match(r.stdout, /✖ p50<10ms/);
    assert.match(r.stdout, /FAIL/);
  });

  it('refuses remote targets and bad flags with exit 2 and a clear message', async () => {
    const remote = await run(['loadtest', 'http://example.com/']);
    assert.strictEqual(remote.code, 2);
    assert.match(remote.stderr, /not a loopback address/);
    const bad = await run(['loadtest', `${base}/`, '--connections', 'many']);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /--connections takes a whole number/);
    const taken = await run(['mock-llm', '--port', new URL(base).port]);
    assert.strictEqual(taken.code, 2);
    assert.match(taken.stderr, /already in use/);
  });
});
