// Runtime attribution on bad input: an app that crashes at start, one that never listens, one with its own
// sitecustomize, a Python without threads (simulated), a sampler that cannot write its directory, a run cancelled
// halfway. The load test reports what it has, says in one line why attribution is missing, and leaves no process
// and no temporary directory behind.

import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runWithApp, type AppRunOptions } from '../../src/loadtest/app-run';
import { normalizeLoadTestOptions } from '../../src/loadtest/options';
import { checkReachable } from '../../src/loadtest/run';
import { freePort } from '../helpers/servers';
import { lineOf, privateTmp, runCli, samplerDirs } from '../helpers/runtime';

const APP_DIR = path.resolve(__dirname, '../../../test/fixtures/apps/runtime-blocks');

/** Processes whose command line contains `marker` (a unique string put in the app command). */
function processesWith(marker: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', marker], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

describe('runtime attribution on bad input', function () {
  this.timeout(120_000);
  let dir = '';
  let tmp = '';
  let savedTmp: string | undefined;
  const env = () => ({ PYTHONPATH: path.join(dir, 'site-packages'), PYTHONDONTWRITEBYTECODE: '1' });
  const uvicorn = (port: number) => `/usr/bin/python3 -m uvicorn app.main:app --host 127.0.0.1 --port ${port} --log-level warning`;

  async function run(route: string, command: (port: number) => string, extra: Partial<AppRunOptions> = {}, duration = '2s') {
    const port = await freePort();
    const n = normalizeLoadTestOptions({ url: `http://127.0.0.1:${port}${route}`, method: 'POST', connections: 6, duration, probe: '/health' });
    if ('error' in n) throw new Error(n.error);
    const { env: extraEnv, ...rest } = extra;
    const result = await runWithApp({ options: n.options, command: command(port), cwd: dir, env: { ...env(), ...(extraEnv ?? {}) }, attribution: true, mockLatencyMs: 100, ...rest });
    // Stopped by process group: the port closes (uvicorn may take a moment to shut down gracefully).
    let open: string | undefined;
    for (let i = 0; i < 40 && !/refused/.test((open = await checkReachable(`http://127.0.0.1:${port}/`, 500)) ?? ''); i++) await new Promise((r) => setTimeout(r, 100));
    assert.match(open ?? '', /refused/, 'the app is stopped');
    return result.report;
  }

  before(() => {
    // Sampler directories go to a TMPDIR of this test's own (here and in the CLI it starts).
    tmp = privateTmp();
    savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-bad-input-'));
    fs.cpSync(APP_DIR, dir, { recursive: true });
  });
  afterEach(() => {
    assert.deepStrictEqual(samplerDirs(tmp), [], 'no sampler directory left behind');
  });
  after(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('an app that crashes at start: exit 2 with its last output, nothing left behind', async () => {
    const port = await freePort();
    const r = await runCli(['loadtest', `http://127.0.0.1:${port}/chat/predicted`, '--duration', '1s', '--app', `/usr/bin/python3 -c "import app.nosuchmodule"`, '--mock-llm'], dir, env());
    assert.strictEqual(r.code, 2, r.stdout);
    assert.match(r.stderr, /the app command exited before listening[\s\S]*ModuleNotFoundError/);
  });

  it('an app that never listens: stopped after the start timeout, process group and all', async () => {
    const marker = `loopsafe-never-listens-${process.pid}`;
    const port = await freePort();
    const n = normalizeLoadTestOptions({ url: `http://127.0.0.1:${port}/`, duration: '1s' });
    if ('error' in n) throw new Error(n.error);
    await assert.rejects(runWithApp({ options: n.options, command: `/usr/bin/python3 -c "import time; time.sleep(60)" ${marker}`, cwd: dir, attribution: true, startTimeoutMs: 2500 }), /did not listen on .* within 3 s/);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepStrictEqual(processesWith(marker), []);
  });

  it('an app with its own sitecustomize: it still runs, and attribution works', async () => {
    const own = path.join(dir, 'own-site');
    fs.mkdirSync(own, { recursive: true });
    const marker = path.join(dir, 'own-sitecustomize-ran');
    fs.writeFileSync(path.join(own, 'sitecustomize.py'), `# the app's own sitecustomize\nimport os\nopen(${JSON.stringify(marker)}, "w").write(str(os.getpid()))\n`);
    const report = await run('/chat/dynamic', uvicorn, { env: { PYTHONPATH: `${own}${path.delimiter}${path.join(dir, 'site-packages')}` } });
    assert.ok(fs.existsSync(marker), "the app's sitecustomize ran");
    assert.ok(report.attribution?.available, JSON.stringify(report.attribution));
    assert.strictEqual(report.blockedAt![0]?.line, lineOf(path.join(dir, 'app/tools.py'), 'requests.post('), JSON.stringify(report.blockedAt));
  });

  it('a Python without thread support (simulated): the run reports, one line says why attribution is missing', async () => {
    const report = await run('/chat/predicted', uvicorn, { env: { LOOPSAFE_SAMPLER_TEST_NO_THREADS: '1' } });
    assert.ok(report.completed > 0 && report.probe?.stalled, 'the load test itself still reports');
    assert.strictEqual(report.attribution?.available, false);
    assert.match(report.attribution!.note!, /^no attribution: this Python has no thread support/);
    assert.deepStrictEqual(report.blockedAt, []);
    // blocked<… is then not measured: it fails rather than passing silently.
  });

  it('a sampler that cannot write its directory: one line says so, the run still reports', async () => {
    // The app command replaces the directory with a file before Python starts: every write fails (ENOTDIR).
    const report = await run('/chat/predicted', (port) => `rm -rf "$LOOPSAFE_SAMPLER_DIR" && touch "$LOOPSAFE_SAMPLER_DIR" && ${uvicorn(port)}`);
    assert.ok(report.completed > 0);
    assert.strictEqual(report.attribution?.available, false);
    assert.match(report.attribution!.note!, /^no attribution: cannot write .*loopsafe-sampler-.* \(Not a directory\): no attribution from process \d+/);
  });

  it('a run cancelled halfway keeps the partial results and what the sampler saw until then', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 3500);
    const report = await run('/chat/predicted', uvicorn, { hooks: { signal: controller.signal } }, '8s');
    assert.strictEqual(report.stoppedReason, 'cancelled');
    assert.ok(report.durationMs < 6000, `measured ${report.durationMs} ms`);
    assert.ok(report.attribution?.available, JSON.stringify(report.attribution));
    assert.strictEqual(report.blockedAt![0]?.line, lineOf(path.join(dir, 'app/main.py'), 'client.chat.completions.create('));
    assert.strictEqual(report.pass, false);
  });
});
