// The "Load test" CodeLens over real LSP: one lens per route with method and path, the handler's
// findings as arguments, the route list for the picker, and the setting that turns lenses off.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestLspClient } from './lspClient';
import type { LoadTestTarget } from '../../src/shared/protocol';

const APP = [
  'from fastapi import FastAPI',
  'from openai import OpenAI',
  '',
  'app = FastAPI()',
  'client = OpenAI(timeout=20)',
  '',
  '',
  '@app.get("/health")',
  'async def health():',
  '    return {"ok": True}',
  '',
  '',
  '@app.post("/chat/{room}")',
  'async def chat(room: str):',
  '    return client.chat.completions.create(model="m", messages=[])',
  '',
].join('\n');

interface Lens {
  range: { start: { line: number } };
  command: { title: string; command: string; arguments: LoadTestTarget[] };
}

describe('code lens', function () {
  this.timeout(120_000);
  let client: TestLspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('puts a Load test lens above each route, carrying the handler and its findings', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-lens-'));
    const file = path.join(dir, 'main.py');
    fs.writeFileSync(file, APP);
    client = await TestLspClient.start(dir, { scanOnStartup: false, debounceMs: 10 });
    client.open(file, APP);
    await client.waitForDiagnostics(file, (d) => d.length > 0);
    const lenses = (await client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri(file) } })) as Lens[];
    assert.deepStrictEqual(
      lenses.map((l) => [l.range.start.line, l.command.title, l.command.command]),
      [
        [8, '$(pulse) Load test GET /health', 'loopsafe.loadTest'],
        [13, '$(pulse) Load test POST /chat/{room} — prove the predicted stall', 'loopsafe.loadTest'],
      ],
    );
    const chat = lenses[1].command.arguments[0];
    assert.strictEqual(chat.handler, 'chat');
    assert.strictEqual(chat.method, 'POST');
    assert.strictEqual(chat.file, file);
    assert.deepStrictEqual(chat.findings.map((f) => [f.rule, f.line]), [['blocking-llm-call', 14]]);
    assert.deepStrictEqual(lenses[0].command.arguments[0].findings, []);

    const routes = (await client.conn.sendRequest('loopsafe/routes')) as LoadTestTarget[];
    assert.deepStrictEqual(routes.map((r) => `${r.method} ${r.path}`).sort(), ['GET /health', 'POST /chat/{room}']);
  });

  it('shows no lenses when loopsafe.loadTest.codeLens is off', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-lens-'));
    const file = path.join(dir, 'main.py');
    client = await TestLspClient.start(dir, { scanOnStartup: false, debounceMs: 10, loadTest: { codeLens: false } });
    client.open(file, APP);
    await client.waitForDiagnostics(file, (d) => d.length > 0);
    const lenses = (await client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri(file) } })) as Lens[];
    assert.deepStrictEqual(lenses, []);
  });
});
