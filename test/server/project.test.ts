// The language server with a project config: its rules apply to open files, a bad key is reported with
// file, line and key, and editing the config (a watched-file change) re-analyses with the new settings.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestLspClient } from './lspClient';
import { runCli } from '../helpers/cli';
import { expectationsUnder } from '../helpers/annotations';

const SEED = fs.readFileSync(path.resolve(__dirname, '../../../examples/fastapi-chat/main.py'), 'utf8');

describe('language server: project config', function () {
  this.timeout(120000);
  let client: TestLspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('applies loopsafe.toml, names a bad key with its line, and re-analyses when the config changes', async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-lsp-cfg-')));
    fs.writeFileSync(path.join(dir, 'loopsafe.toml'), '[rules]\nblocking-llm-call = "warning"\nawait-on-sync-call = "loud"\n');
    fs.mkdirSync(path.join(dir, 'app'));
    const file = path.join(dir, 'app/main.py');
    fs.writeFileSync(file, SEED);
    client = await TestLspClient.start(dir, { scanOnStartup: false, debounceMs: 10 });
    client.open(file, SEED);
    const sev = (d: { code?: string; severity?: number }[]) => d.map((x) => `${x.code} ${x.severity}`).sort();
    const before = await client.waitForDiagnostics(file, (d) => d.length === 3);
    assert.deepStrictEqual(sev(before as never), ['await-on-sync-call 1', 'blocking-llm-call 2', 'llm-call-without-timeout 2'], 'blocking-llm-call is a warning (2) as the config says');
    const problem = client.logs.find((l) => l.includes('loopsafe.toml:3'));
    assert.ok(problem && problem.includes('rules.await-on-sync-call') && problem.includes('"loud"'), client.logs.join('\n'));

    fs.writeFileSync(path.join(dir, 'loopsafe.toml'), 'ignore = ["blocking-llm-call", "llm-call-without-timeout"]\n');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(path.join(dir, 'loopsafe.toml')), type: 2 }] });
    const after = await client.waitForDiagnostics(file, (d) => d.length === 1);
    assert.deepStrictEqual(sev(after as never), ['await-on-sync-call 1']);
  });

  it('greys out findings recorded in the baseline (hint, Unnecessary), or hides them; new ones stay as they are', async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-lsp-bl-')));
    const file = path.join(dir, 'main.py');
    fs.writeFileSync(file, SEED);
    assert.strictEqual(runCli(['check', '--baseline', '.loopsafe-baseline.json'], dir).code, 0);
    const edited = SEED.replace('import os', 'import os\n\nLIMIT = 3\n') + '\n\n@app.get("/new")\nasync def new():\n    return client.chat.completions.create(model="m", messages=[])\n';
    type D = { code?: string; severity?: number; tags?: number[]; message: string; range: { start: { line: number } } };
    const show = (d: D[]) => d.map((x) => `${x.range.start.line + 1} ${x.code} ${x.severity}${x.tags?.includes(1) ? ' unnecessary' : ''}${x.message.startsWith('(baseline) ') ? ' (baseline)' : ''}`).sort();

    client = await TestLspClient.start(dir, { scanOnStartup: false, debounceMs: 10 });
    client.open(file, edited);
    const dim = (await client.waitForDiagnostics(file, (d) => d.length === 4)) as unknown as D[];
    assert.deepStrictEqual(show(dim), ['11 llm-call-without-timeout 4 unnecessary (baseline)', '17 await-on-sync-call 4 unnecessary (baseline)', '17 blocking-llm-call 4 unnecessary (baseline)', '35 blocking-llm-call 1']);
    await client.stop();

    client = await TestLspClient.start(dir, { scanOnStartup: false, debounceMs: 10, baseline: 'hide' });
    client.open(file, edited);
    const hidden = (await client.waitForDiagnostics(file, (d) => d.length === 1)) as unknown as D[];
    assert.deepStrictEqual(show(hidden), ['35 blocking-llm-call 1']);
  });

  it('JS/TS extension points of loopsafe.toml apply in the server (fixture js-team-wrappers)', async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-lsp-jsx-')));
    fs.cpSync(path.resolve(__dirname, '../../../test/fixtures/project/js-team-wrappers'), dir, { recursive: true });
    const file = path.join(dir, 'src/server.ts');
    const text = fs.readFileSync(file, 'utf8');
    const expected = expectationsUnder(dir).filter((e) => e.startsWith('src/server.ts:')).map((e) => e.replace('src/server.ts:', ''));
    client = await TestLspClient.start(dir, { scanOnStartup: true, debounceMs: 10 });
    client.open(file, text);
    const got = await client.waitForDiagnostics(file, (d) => d.length === expected.length);
    assert.deepStrictEqual(got.map((d) => `${d.range.start.line + 1} ${d.code}`).sort(), expected);
  });
});
