// The real language server over LSP with a load test's runtime rows (loopsafe/runtimeBlocks): predicted rows
// are matched to the static finding and confirm it, unpredicted ones become blocked-at-runtime warnings that
// follow loopsafe.rules and suppression comments, and go when the file changes or a later run no longer sees them.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestLspClient } from './lspClient';

const APP = [
  'import requests',
  'from fastapi import FastAPI',
  'from openai import OpenAI',
  '',
  'client = OpenAI(timeout=30)',
  'app = FastAPI()',
  'TOOLS = {}',
  '',
  'def summarize(text):',
  '    return requests.post("http://127.0.0.1:9/v1/chat/completions", json={"q": text}, timeout=30).json()',
  '',
  'TOOLS["summarize"] = summarize',
  '',
  '@app.post("/chat")',
  'async def chat(tool: str):',
  '    answer = client.chat.completions.create(model="m", messages=[])',
  '    return TOOLS[tool](answer)',
  '',
].join('\n');

describe('language server: runtime findings from a load test', function () {
  this.timeout(120_000);
  let client: TestLspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  const row = (file: string, line: number, fn: string, call: string) => ({ file, line, function: fn, ms: 2900, share: 0.96, count: 14, maxMs: 224, call, predicted: null });

  it('confirms the predicted finding, reports the unpredicted line, and clears it on change or a later run', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-lsp-runtime-'));
    const file = path.join(dir, 'main.py');
    fs.writeFileSync(file, APP);
    client = await TestLspClient.start(dir, { scanOnStartup: false, debounceMs: 10 });
    client.open(file, APP);
    const before = await client.waitForDiagnostics(file, (d) => d.some((x) => x.code === 'blocking-llm-call'));
    assert.ok(!before.some((x) => x.code === 'blocked-at-runtime'));
    const rows = [row(file, 16, 'chat', 'openai.resources.chat.completions.Completions.create'), row(file, 10, 'summarize', 'requests.post'), { bad: 'row' }, row('relative.py', 3, 'x', 'y')];
    const answered = (await client.conn.sendRequest('loopsafe/runtimeBlocks', { rows, run: 'the load test of POST /chat' })) as { line: number; predicted: string | null }[];
    assert.deepStrictEqual(answered.map((r) => [r.line, r.predicted]), [[16, 'blocking-llm-call'], [10, null]], 'bad rows are dropped; predictions come from the static findings');
    const d = await client.waitForDiagnostics(file, (x) => x.some((y) => y.code === 'blocked-at-runtime'));
    const runtime = d.filter((x) => x.code === 'blocked-at-runtime');
    assert.deepStrictEqual(runtime.map((x) => x.range.start.line + 1), [10]);
    assert.match(runtime[0].message, /blocked here at runtime and no static finding predicted it: 2\.9 s blocked \(96% of the run, 14 blocks, longest 224 ms\) in `requests\.post` during the load test of POST \/chat/);
    const confirmed = d.find((x) => x.code === 'blocking-llm-call' && x.range.start.line === 15)!;
    assert.match(confirmed.message, /Confirmed at runtime: 2\.9 s blocked/);

    // The file changes: what the run saw there no longer applies.
    client.change(file, APP.replace('timeout=30).json()', 'timeout=31).json()'), 2);
    const changed = await client.waitForDiagnostics(file, (x) => !x.some((y) => y.code === 'blocked-at-runtime'));
    assert.ok(!changed.some((x) => /Confirmed at runtime/.test(x.message)));

    // Reported again, then a later run that no longer sees the line clears it.
    client.change(file, APP, 3);
    await client.waitForDiagnostics(file, (x) => x.some((y) => y.code === 'blocking-llm-call') && !x.some((y) => y.code === 'blocked-at-runtime'));
    await client.conn.sendRequest('loopsafe/runtimeBlocks', { rows: [row(file, 10, 'summarize', 'requests.post')], run: 'run 2' });
    await client.waitForDiagnostics(file, (x) => x.some((y) => y.code === 'blocked-at-runtime'));
    await client.conn.sendRequest('loopsafe/runtimeBlocks', { rows: [], run: 'run 3' });
    await client.waitForDiagnostics(file, (x) => !x.some((y) => y.code === 'blocked-at-runtime'));
  });

  it('follows loopsafe.rules (off) and suppression comments', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-lsp-runtime-'));
    const file = path.join(dir, 'main.py');
    const suppressed = APP.replace('timeout=30).json()', 'timeout=30).json()  # loopsafe: ignore[blocked-at-runtime]');
    client = await TestLspClient.start(dir, { scanOnStartup: false, debounceMs: 10 });
    client.open(file, suppressed);
    await client.waitForDiagnostics(file, (d) => d.some((x) => x.code === 'blocking-llm-call'));
    await client.conn.sendRequest('loopsafe/runtimeBlocks', { rows: [row(file, 10, 'summarize', 'requests.post'), row(file, 16, 'chat', 'create')], run: 'r' });
    const d = await client.waitForDiagnostics(file, (x) => x.some((y) => /Confirmed at runtime/.test(y.message)));
    assert.ok(!d.some((x) => x.code === 'blocked-at-runtime'), 'suppressed on its line');
    await client.stop();
    client = await TestLspClient.start(dir, { scanOnStartup: false, debounceMs: 10, rules: { 'blocked-at-runtime': 'off' } });
    client.open(file, APP);
    await client.waitForDiagnostics(file, (x) => x.some((y) => y.code === 'blocking-llm-call'));
    await client.conn.sendRequest('loopsafe/runtimeBlocks', { rows: [row(file, 10, 'summarize', 'requests.post'), row(file, 16, 'chat', 'create')], run: 'r' });
    const off = await client.waitForDiagnostics(file, (x) => x.some((y) => /Confirmed at runtime/.test(y.message)));
    assert.ok(!off.some((x) => x.code === 'blocked-at-runtime'), 'switched off in loopsafe.rules');
  });
});
