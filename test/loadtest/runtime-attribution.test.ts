// Runtime attribution through the built CLI, as a CI job runs it: `loopsafe loadtest --app … --mock-llm` starts a
// real uvicorn (then gunicorn with 2 uvicorn workers) app with the shipped sampler and names the lines that blocked
// the loop: the sync client Loopsafe predicted, the helper reached by dynamic dispatch it could not, none for the
// awaited route; `blocked<5%` fails, then passes after the quick fix. A real Express app: execSync and a large
// readFileSync attributed to their lines.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Workspace, applyEdits } from '../../src/engine/api';
import type { BlockedRow, LoadTestReport } from '../../src/loadtest/types';
import { testEngine } from '../helpers/engine';
import { freePort } from '../helpers/servers';
import { lineOf, privateTmp, runCli, samplerDirs } from '../helpers/runtime';

const APP_DIR = path.resolve(__dirname, '../../../test/fixtures/apps/runtime-blocks');
const EXPRESS_DIR = path.resolve(__dirname, '../../../test/fixtures/apps/express-blocks');

const rowAt = (rows: BlockedRow[], file: string, line: number) => rows.find((r) => r.file === file && r.line === line);

describe('runtime attribution: where the loop was blocked (CLI --app, real servers)', function () {
  this.timeout(240_000);
  let dir = '';
  let tmp = '';
  const env = () => ({ PYTHONPATH: path.join(dir, 'site-packages'), PYTHONDONTWRITEBYTECODE: '1', TMPDIR: tmp });
  const uvicorn = (port: number) => `/usr/bin/python3 -m uvicorn app.main:app --host 127.0.0.1 --port ${port} --log-level warning`;
  const load = async (route: string, command: (port: number) => string, extra: string[] = []) => {
    const port = await freePort();
    return runCli(['loadtest', `http://127.0.0.1:${port}${route}`, '-X', 'POST', '--duration', '3s', '--warmup', '1s', '-c', '8', '--probe', '/health', '--app', command(port), '--mock-llm', ...extra], dir, env());
  };
  const json = (r: { stdout: string; stderr: string }): LoadTestReport => {
    try {
      return JSON.parse(r.stdout) as LoadTestReport;
    } catch {
      throw new Error(`not JSON: ${r.stdout.slice(0, 300)}\n${r.stderr.slice(0, 2000)}`);
    }
  };

  before(() => {
    tmp = privateTmp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-runtime-blocks-'));
    fs.cpSync(APP_DIR, dir, { recursive: true });
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('names the predicted blocking line, and blocked<5% fails the run', async () => {
    const r = await load('/chat/predicted', uvicorn, ['--threshold', 'blocked<5%', '--json']);
    assert.strictEqual(r.code, 1, r.stderr);
    const report = json(r);
    const line = lineOf(path.join(dir, 'app/main.py'), 'client.chat.completions.create(');
    assert.ok(report.attribution?.available, JSON.stringify(report.attribution));
    const top = report.blockedAt![0];
    assert.deepStrictEqual([top.file, top.line, top.function, top.predicted], ['app/main.py', line, 'chat_predicted', 'blocking-llm-call'], JSON.stringify(report.blockedAt));
    assert.match(top.call ?? '', /create/);
    // One request at a time holds the loop for the LLM's 200 ms: most of the run is blocked.
    assert.ok(top.share > 0.5 && top.count >= 5 && top.maxMs >= 150, JSON.stringify(top));
    assert.ok(top.ms / report.blockedAt!.reduce((a, b) => a + b.ms, 0) > 0.9, 'the predicted line holds nearly all the blocked time');
    const blocked = report.thresholds.find((t) => t.expr === 'blocked<5%')!;
    assert.ok(blocked && !blocked.pass && blocked.actual! > 50, JSON.stringify(report.thresholds));
    assert.strictEqual(report.pass, false);
  });

  it('names the line reached by dynamic dispatch as not predicted, in the text table and the verdict', async () => {
    const r = await load('/chat/dynamic', uvicorn);
    assert.strictEqual(r.code, 1, r.stderr); // the stall fails the run by default
    const line = lineOf(path.join(dir, 'app/tools.py'), 'requests.post(');
    assert.match(r.stdout, /✖ The event loop stalled: \/health p50 .* under load vs .* idle — \d+% of the blocked time in `requests\.post` at app\/tools\.py:\d+/);
    assert.match(r.stdout, /Where the loop was blocked {2}.* measured/);
    const row = r.stdout.split('\n').find((l) => l.includes(`app/tools.py:${line} `));
    assert.ok(row, r.stdout);
    assert.match(row, /tool_summarize → requests\.post .* not predicted/);
    assert.doesNotMatch(r.stdout, /app\/main\.py:\d+ +chat_predicted/);
  });

  it('the awaited route yields no row and passes blocked<5%', async () => {
    const r = await load('/chat/awaited', uvicorn, ['--threshold', 'blocked<5%', '--json']);
    const report = json(r);
    assert.ok(report.attribution?.available, JSON.stringify(report.attribution));
    assert.ok(report.completed > 50, `completed ${report.completed}`);
    assert.deepStrictEqual(report.blockedAt!.filter((b) => b.share > 0.05), [], JSON.stringify(report.blockedAt));
    assert.strictEqual(report.thresholds.find((t) => t.expr === 'blocked<5%')!.pass, true);
    assert.strictEqual(r.code, 0, r.stdout);
  });

  it('under gunicorn with 2 uvicorn workers: both loops sampled, the same line named', async () => {
    const r = await load('/chat/predicted', (port) => `/usr/bin/gunicorn app.main:app -k uvicorn.workers.UvicornWorker -w 2 -b 127.0.0.1:${port} --log-level warning`, ['--json', '--duration', '4s']);
    const report = json(r);
    assert.strictEqual(report.attribution?.loops, 2, JSON.stringify(report.attribution));
    const top = report.blockedAt![0];
    assert.deepStrictEqual([top.file, top.line, top.predicted], ['app/main.py', lineOf(path.join(dir, 'app/main.py'), 'client.chat.completions.create('), 'blocking-llm-call'], JSON.stringify(report.blockedAt));
    // Two loops, each blocked one request at a time: a large share of both.
    assert.ok(report.attribution!.blockedShare > 0.4, JSON.stringify(report.attribution));
  });

  it('after the quick fix, blocked<5% passes and the line is gone from the report', async () => {
    const ws = new Workspace(await testEngine());
    const main = path.join(dir, 'app/main.py');
    for (const f of ['app/main.py', 'app/tools.py', 'app/__init__.py']) ws.upsert(path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8'));
    const finding = ws.analyze(main)!.findings.find((f) => f.rule === 'blocking-llm-call');
    assert.ok(finding, 'blocking-llm-call reported statically');
    const fix = finding.fixes.find((f) => /to_thread/.test(f.title)) ?? finding.fixes.find((f) => f.preferred)!;
    fs.writeFileSync(main, applyEdits(fs.readFileSync(main, 'utf8'), fix.edits));
    const r = await load('/chat/predicted', uvicorn, ['--threshold', 'blocked<5%', '--json']);
    const report = json(r);
    assert.strictEqual(report.thresholds.find((t) => t.expr === 'blocked<5%')!.pass, true, JSON.stringify(report.attribution));
    assert.strictEqual(rowAt(report.blockedAt!, 'app/main.py', finding.range.start.line + 1), undefined, JSON.stringify(report.blockedAt));
    assert.strictEqual(r.code, 0, `${fix.title}: ${r.stdout.slice(0, 400)}`);
  });

  it('a real Express app: execSync and a large readFileSync attributed to their lines', async () => {
    const app = path.join(dir, 'express');
    fs.cpSync(EXPRESS_DIR, app, { recursive: true });
    fs.symlinkSync(path.resolve(__dirname, '../../../node_modules'), path.join(app, 'node_modules'));
    const node = (port: number) => `PORT=${port} ${JSON.stringify(process.execPath)} server.js`;
    const port = await freePort();
    const base = ['--duration', '3s', '-c', '4', '--probe', '/health', '--app', node(port), '--json'];
    const server = path.join(app, 'server.js');
    const exec = json(await runCli(['loadtest', `http://127.0.0.1:${port}/exec`, ...base], app, { TMPDIR: tmp }));
    assert.ok(exec.attribution?.available, JSON.stringify(exec.attribution));
    assert.deepStrictEqual([exec.blockedAt![0]?.file, exec.blockedAt![0]?.line, exec.blockedAt![0]?.call], ['server.js', lineOf(server, 'execSync('), 'child_process.execSync'], JSON.stringify(exec.blockedAt));
    const read = json(await runCli(['loadtest', `http://127.0.0.1:${port}/report`, ...base], app, { TMPDIR: tmp }));
    assert.deepStrictEqual([read.blockedAt![0]?.file, read.blockedAt![0]?.line, read.blockedAt![0]?.call], ['server.js', lineOf(server, 'readFileSync(BIG'), 'fs.readFileSync'], JSON.stringify(read.blockedAt));
    const fast = json(await runCli(['loadtest', `http://127.0.0.1:${port}/health`, ...base], app, { TMPDIR: tmp }));
    // Under the CI gate's 5%: on a loaded machine the OS can take the CPU away mid-callback for tens of ms.
    assert.deepStrictEqual(fast.blockedAt!.filter((b) => b.share > 0.15), [], JSON.stringify(fast.blockedAt));
  });

  it('leaves no sampler directory behind', () => {
    assert.deepStrictEqual(samplerDirs(tmp), []);
  });
});
