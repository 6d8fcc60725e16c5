// Adopting Loopsafe on an existing codebase: `check --baseline` records today's findings and later runs
// report only new ones (fingerprints survive lines moving); `--add-suppressions` writes comments instead.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { cliWorkspace, runCli } from '../helpers/cli';

const SEED = fs.readFileSync(path.resolve(__dirname, '../../../examples/fastapi-chat/main.py'), 'utf8');
const EXPRESS = "const express = require('express');\nconst OpenAI = require('openai');\nconst client = new OpenAI({ timeout: 20_000 });\nconst app = express();\napp.post('/chat', async (req, res) => {\n  const c = client.chat.completions.create({ model: 'm', messages: [] });\n  res.json(c);\n});\n";
const found = (stdout: string) => [...stdout.matchAll(/^(\S+):(\d+):\d+: \w+ (\S+)/gm)].map((m) => `${m[1]}:${m[2]} ${m[3]}`).sort();

describe('cli: baseline and suppressions', function () {
  this.timeout(120000);

  it('--baseline records today\'s findings, then reports only new ones; moved lines stay baselined', () => {
    const dir = cliWorkspace({ 'app/main.py': SEED, 'web/server.js': EXPRESS });
    const first = runCli(['check', '--baseline', '.loopsafe-baseline.json'], dir);
    assert.strictEqual(first.code, 0, first.stderr);
    assert.match(first.stderr, /recorded 4 findings in \.loopsafe-baseline\.json/);
    const json = JSON.parse(fs.readFileSync(path.join(dir, '.loopsafe-baseline.json'), 'utf8'));
    assert.deepStrictEqual(json.findings.map((f: { file: string; rule: string; function: string }) => `${f.file} ${f.rule} ${f.function}`).sort(), [
      'app/main.py await-on-sync-call generate',
      'app/main.py blocking-llm-call generate',
      'app/main.py llm-call-without-timeout ',
      "web/server.js unawaited-llm-call app.post('/chat')",
    ]);
    const again = runCli(['check', '--baseline', '.loopsafe-baseline.json'], dir);
    assert.strictEqual(again.code, 0);
    assert.match(again.stdout, /No problems found/);
    assert.match(again.stderr, /4 findings recorded in \.loopsafe-baseline\.json not shown/);
    // Lines move (a docstring and a helper above), and a new finding appears in another handler.
    const moved = SEED.replace('import os', 'import os\n\n\ndef unrelated():\n    """Moves every line below."""\n    return 1\n') + '\n\n@app.get("/new")\nasync def new():\n    return client.chat.completions.create(model="m", messages=[])\n';
    fs.writeFileSync(path.join(dir, 'app/main.py'), moved);
    const later = runCli(['check', '--baseline', '.loopsafe-baseline.json'], dir);
    assert.strictEqual(later.code, 1);
    assert.deepStrictEqual(found(later.stdout), ['app/main.py:38 blocking-llm-call'], 'only the new handler\'s call');
    // The config can name the baseline; --update-baseline records again.
    fs.writeFileSync(path.join(dir, 'loopsafe.toml'), 'baseline = ".loopsafe-baseline.json"\n');
    assert.deepStrictEqual(found(runCli(['check'], dir).stdout), ['app/main.py:38 blocking-llm-call']);
    assert.strictEqual(runCli(['check', '--update-baseline'], dir).code, 0);
    assert.strictEqual(runCli(['check'], dir).code, 0);
  });

  it('a broken baseline file is one message, and every finding is reported', () => {
    const dir = cliWorkspace({ 'main.py': SEED, '.loopsafe-baseline.json': '{ not json' });
    const r = runCli(['check', '--baseline', '.loopsafe-baseline.json'], dir);
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /the baseline is not valid JSON .*; every finding is reported/);
    assert.strictEqual(found(r.stdout).length, 3);
    const none = cliWorkspace({ 'main.py': SEED, 'loopsafe.toml': 'baseline = "ci/baseline.json"\n' });
    const n = runCli(['check'], none);
    assert.strictEqual(n.code, 1);
    assert.strictEqual(n.stderr, 'loopsafe: no baseline yet at ci/baseline.json: `loopsafe check --update-baseline` records today\'s findings there\n');
  });

  it('--add-suppressions writes `# loopsafe: ignore[rule] — reason` (`//` in JS) and the findings are gone', () => {
    const dir = cliWorkspace({ 'app/main.py': SEED, 'web/server.js': EXPRESS });
    const r = runCli(['check', '--add-suppressions', '--reason', 'legacy, see TICKET-12'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stderr, /added 4 suppression comments in 2 files/);
    const py = fs.readFileSync(path.join(dir, 'app/main.py'), 'utf8');
    assert.match(py, /# loopsafe: ignore\[await-on-sync-call, blocking-llm-call\] \u2014 legacy, see TICKET-12$/m);
    assert.match(py, /client = OpenAI\(.*\)  # loopsafe: ignore\[llm-call-without-timeout\] \u2014 legacy, see TICKET-12$/m);
    assert.match(fs.readFileSync(path.join(dir, 'web/server.js'), 'utf8'), /\/\/ loopsafe: ignore\[unawaited-llm-call\] \u2014 legacy, see TICKET-12$/m);
    const after = runCli(['check'], dir);
    assert.strictEqual(after.code, 0, after.stdout);
  });
});
