// `loopsafe check` with project config files, as a user runs it: the config's rules and exclusions, flags
// winning over the file, and a bad config named with file, line and key while the check still runs.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';
import { cliWorkspace, runCli } from '../helpers/cli';
import { expectationsUnder } from '../helpers/annotations';

const SEED = fs.readFileSync(path.resolve(__dirname, '../../../examples/fastapi-chat/main.py'), 'utf8');

const rules = (stdout: string) => [...stdout.matchAll(/^(\S+):(\d+):\d+: (\w+) (\S+)/gm)].map((m) => `${m[1]}:${m[2]} ${m[3]} ${m[4]}`).sort();

describe('cli: project config', () => {
  it('applies [tool.loopsafe] from pyproject.toml: severities, ignore, exclude', () => {
    const dir = cliWorkspace({
      'pyproject.toml': '[project]\nname = "demo"\n\n[tool.loopsafe]\nignore = ["llm-call-without-timeout"]\nexclude = ["legacy"]\n\n[tool.loopsafe.rules]\nblocking-llm-call = "warning"\n',
      'app/main.py': SEED,
      'legacy/old.py': SEED,
    });
    const r = runCli(['check'], dir);
    assert.strictEqual(r.code, 1, r.stderr);
    assert.deepStrictEqual(rules(r.stdout), ['app/main.py:14 error await-on-sync-call', 'app/main.py:14 warning blocking-llm-call']);
    assert.strictEqual(r.stderr, '');
  });

  it('flags win over the file: --select and --rules', () => {
    const dir = cliWorkspace({ 'loopsafe.toml': 'select = ["blocking-llm-call"]\n[rules]\nblocking-llm-call = "warning"\n', 'main.py': SEED });
    assert.deepStrictEqual(rules(runCli(['check'], dir).stdout), ['main.py:14 warning blocking-llm-call']);
    assert.deepStrictEqual(rules(runCli(['check', '--rules', 'blocking-llm-call=error'], dir).stdout), ['main.py:14 error blocking-llm-call']);
    assert.deepStrictEqual(rules(runCli(['check', '--select', 'llm-call-without-timeout'], dir).stdout), ['main.py:8 warning llm-call-without-timeout']);
  });

  it('a bad config: one message with file, line and key on stderr; the check runs with defaults for the rest', () => {
    const dir = cliWorkspace({ 'loopsafe.toml': '[rules]\nllm-call-without-timeout = "off"\nblocking-llm-call = "fatal"\n', 'main.py': SEED });
    const r = runCli(['check'], dir);
    assert.strictEqual(r.code, 1);
    assert.strictEqual(r.stderr, 'loopsafe: config: loopsafe.toml:3: rules.blocking-llm-call: "fatal" is not one of off|hint|info|warning|error; default kept\n');
    assert.deepStrictEqual(rules(r.stdout), ['main.py:14 error await-on-sync-call', 'main.py:14 error blocking-llm-call']);
    const broken = cliWorkspace({ 'loopsafe.toml': '[rules\n', 'main.py': SEED });
    const b = runCli(['check'], broken);
    assert.strictEqual(b.code, 1, 'still checks, with the defaults');
    assert.match(b.stderr, /^loopsafe: config: loopsafe\.toml:1: \(file\): not valid TOML/);
  });

  it('JS/TS extension points from loopsafe.toml: the team\'s blocking helpers and client wrappers (fixture js-team-wrappers)', () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-cli-jsx-')));
    fs.cpSync(path.resolve(__dirname, '../../../test/fixtures/project/js-team-wrappers'), dir, { recursive: true });
    const r = runCli(['check', '--format', 'json'], dir);
    assert.strictEqual(r.code, 1, r.stderr);
    assert.strictEqual(r.stderr, '');
    const found = (JSON.parse(r.stdout) as { findings: { file: string; line: number; rule: string }[] }).findings.map((f) => `${f.file}:${f.line} ${f.rule}`).sort();
    assert.deepStrictEqual(found, expectationsUnder(dir));
    fs.rmSync(path.join(dir, 'loopsafe.toml'));
    assert.strictEqual(runCli(['check'], dir).code, 0, 'nothing without the config');
  });
});
