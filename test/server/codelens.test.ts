// The "Load test" CodeLens over real LSP: one lens per route, resolved on demand to its method, path and
// its own handler's findings (handlers sharing a name stay apart), the route list, and the off setting.

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
  data?: unknown;
  command: { title: string; command: string; arguments: LoadTestTarget[] };
}

/** The lenses of a document, as VS Code gets them: the list first, then each one resolved. */
async function lensesOf(client: TestLspClient, file: string): Promise<{ raw: string; lenses: Lens[] }> {
  const unresolved = (await client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri(file) } })) as Lens[];
  const lenses: Lens[] = [];
  for (const l of unresolved) lenses.push(l.command ? l : ((await client.conn.sendRequest('codeLens/resolve', l)) as Lens));
  return { raw: JSON.stringify(unresolved), lenses };
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
    const { lenses } = await lensesOf(client, file);
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

  // Many routes sharing one handler name (Python `def chat` redefined per route, JS anonymous arrows):
  // each lens carries its own handler's finding only, and the lens list is small.
  for (const [lang, name, lines] of [
    ['Python', 'main.py', (n: number) => [
      'from fastapi import FastAPI', 'from openai import OpenAI', 'app = FastAPI()', 'client = OpenAI(timeout=20)', '',
      ...Array.from({ length: n }, (_, i) => [`@app.get("/r${i}")`, 'async def chat():', '    return client.chat.completions.create(model="m", messages=[])', '']).flat(),
    ]],
    ['JS', 'server.js', (n: number) => [
      "const express = require('express');", "const fs = require('fs');", 'const app = express();', '',
      ...Array.from({ length: n }, (_, i) => [`app.get('/r${i}', async (req, res) => {`, "  res.send(fs.readFileSync('x.txt', 'utf8'));", '});', '']).flat(),
    ]],
  ] as const) {
    it(`keys each lens by its handler, not its name: 300 ${lang} routes with one handler name`, async () => {
      const n = 300;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-lens-'));
      const file = path.join(dir, name);
      const text = lines(n).join('\n');
      fs.writeFileSync(file, text);
      client = await TestLspClient.start(dir, { scanOnStartup: false, debounceMs: 10 });
      client.open(file, text, name.endsWith('.py') ? 'python' : 'javascript');
      await client.waitForDiagnostics(file, (d) => d.length >= n, 60_000);
      const { raw, lenses } = await lensesOf(client, file);
      assert.strictEqual(lenses.length, n);
      assert.ok(raw.length < n * 200, `the lens list is ${raw.length} bytes for ${n} lenses`);
      for (const [i, lens] of lenses.entries()) {
        const target = lens.command.arguments[0];
        assert.strictEqual(target.path, `/r${i}`);
        assert.strictEqual(target.findings.length, 1, `${target.path} carries ${target.findings.length} findings`);
        assert.strictEqual(target.findings[0].line, target.line + 1, 'the finding of its own handler');
        assert.match(lens.command.title, /prove the predicted stall/);
      }
      const routes = (await client.conn.sendRequest('loopsafe/routes')) as LoadTestTarget[];
      assert.strictEqual(routes.length, n);
      assert.ok(routes.every((r) => r.findings.length === 1), 'the route picker keys findings by handler too');
    });
  }

  it('shows no lenses when loopsafe.loadTest.codeLens is off', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-lens-'));
    const file = path.join(dir, 'main.py');
    client = await TestLspClient.start(dir, { scanOnStartup: false, debounceMs: 10, loadTest: { codeLens: false } });
    client.open(file, APP);
    await client.waitForDiagnostics(file, (d) => d.length > 0);
    const { lenses } = await lensesOf(client, file);
    assert.deepStrictEqual(lenses, []);
  });
});
