// Runs the built CLI (dist/cli.js) as a user would: exit codes, the JSON contract, SARIF shape,
// --select, explain, and bad input that must give a clear message rather than a crash.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const SEED = fs.readFileSync(path.resolve(__dirname, '../../../examples/fastapi-chat/main.py'), 'utf8');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

describe('cli', () => {
  it('check: text output, exit 1 on findings', () => {
    const dir = workspace({ 'app/main.py': SEED });
    const r = run(['check'], dir);
    assert.strictEqual(r.code, 1, r.stderr);
    assert.match(r.stdout, /app\/main\.py:14:16: error await-on-sync-call/);
    assert.match(r.stdout, /help: Use `AsyncOpenAI` and await/);
    assert.match(r.stdout, /Found 3 problems in 1 file/);
  });

  it('check --format json follows the contract with 1-based positions', () => {
    const dir = workspace({ 'app/main.py': SEED });
    const r = run(['check', 'app', '--format', 'json'], dir);
    assert.strictEqual(r.code, 1);
    const out = JSON.parse(r.stdout);
    assert.strictEqual(out.version, 1);
    assert.deepStrictEqual(Object.keys(out.stats).sort(), ['files', 'lines', 'ms']);
    const rules = out.findings.map((f: { rule: string; line: number }) => `${f.line} ${f.rule}`).sort();
    assert.deepStrictEqual(rules, ['14 await-on-sync-call', '14 blocking-llm-call', '8 llm-call-without-timeout']);
    const f = out.findings.find((x: { rule: string }) => x.rule === 'await-on-sync-call');
    for (const key of ['rule', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'handler', 'chain', 'fixes']) assert.ok(key in f, key);
    assert.strictEqual(f.file, 'app/main.py');
    assert.deepStrictEqual(f.handler, { name: 'generate', file: 'app/main.py', line: 12, route: 'GET /generate' });
    assert.ok(f.fixes.some((x: { preferred: boolean; safety: string }) => x.preferred && x.safety === 'unsafe'));
  });

  it('check --format sarif is SARIF 2.1.0 with rules and results', () => {
    const dir = workspace({ 'main.py': SEED });
    const r = run(['check', '--format=sarif'], dir);
    const sarif = JSON.parse(r.stdout);
    assert.strictEqual(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.strictEqual(run0.tool.driver.name, 'Loopsafe');
    assert.ok(run0.tool.driver.rules.length >= 4);
    for (const res of run0.results) {
      assert.ok(run0.tool.driver.rules[res.ruleIndex].id === res.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      const loc = res.locations[0].physicalLocation;
      assert.strictEqual(loc.artifactLocation.uri, 'main.py');
      assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
      for (const fix of res.fixes) assert.ok(fix.artifactChanges[0].replacements.length > 0);
    }
  });

  it('check --format github prints workflow annotations', () => {
    const dir = workspace({ 'main.py': SEED });
    const r = run(['check', '--format', 'github'], dir);
    assert.match(r.stdout, /^::error file=main\.py,line=14,col=16,endLine=14,endColumn=52,title=await-on-sync-call::/m);
  });

  it('--select limits the rules; a clean tree exits 0', () => {
    const dir = workspace({ 'main.py': SEED, 'empty/readme.txt': 'x' });
    const r = run(['check', '--select', 'blocking-llm-call', '--format', 'json'], dir);
    assert.deepStrictEqual(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule), ['blocking-llm-call']);
    assert.strictEqual(run(['check', 'empty'], dir).code, 0);
  });

  it('bad input gives a clear message and exit 2, never a stack trace', () => {
    const dir = workspace({ 'main.py': SEED });
    for (const args of [['check', 'nope/'], ['check', '--format', 'xml'], ['check', '--select', 'no-such-rule'], ['check', '--bogus'], ['explain', 'nope'], ['frobnicate']]) {
      const r = run(args, dir);
      assert.strictEqual(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /loopsafe: |Usage:/);
      assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
    }
  });

  it('binary and non-UTF-8 files are notes, not errors', () => {
    const dir = workspace({ 'bin.py': Buffer.from([0, 1, 2, 0, 255, 254, 0, 0]), 'latin.py': Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\n' + SEED)]) });
    const r = run(['check', '--format', 'json'], dir);
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /loopsafe: note: .*latin\.py: not valid UTF-8/);
    assert.match(r.stderr, /loopsafe: note: .*bin\.py: skipped, looks like a binary file/);
  });

  it('explain prints the rule docs; rules lists them; --version', () => {
    const r = run(['explain', 'await-on-sync-call'], os.tmpdir());
    assert.strictEqual(r.code, 0);
    assert.match(r.stdout, /^# await-on-sync-call/);
    assert.match(r.stdout, /## Why is this bad\?/);
    assert.match(run(['rules'], os.tmpdir()).stdout, /blocking-llm-call\s+error/);
    assert.match(run(['--version'], os.tmpdir()).stdout, /^\d+\.\d+\.\d+/);
  });
});
