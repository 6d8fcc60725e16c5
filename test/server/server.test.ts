// The real language server over LSP: diagnostics on open and change, the workspace scan, code actions
// (fixes, suppress, explain, fix-all of safe fixes only), explain, bad settings and bad input.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestLspClient } from './lspClient';
import { applyEdits } from '../../src/engine/api';

const SEED = fs.readFileSync(path.resolve(__dirname, '../../../examples/fastapi-chat/main.py'), 'utf8');

function tempWorkspace(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-lsp-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const codes = (d: { code?: string; range: { start: { line: number } } }[]) => d.map((x) => `${x.range.start.line + 1} ${x.code}`).sort();

describe('language server', function () {
  this.timeout(180000);
  let client: TestLspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('publishes diagnostics on open and updates them on change', async () => {
    const dir = tempWorkspace();
    client = await TestLspClient.start(dir, { scanOnStartup: false, debounceMs: 10 });
    const file = path.join(dir, 'main.py');
    client.open(file, SEED);
    const d = await client.waitForDiagnostics(file, (x) => x.length === 3);
    assert.deepStrictEqual(codes(d), ['14 await-on-sync-call', '14 blocking-llm-call', '8 llm-call-without-timeout']);
    assert.ok(d.every((x) => x.source === 'loopsafe'));
    client.change(file, SEED.replace('response = await client.chat', 'response = client.chat').replace('async def generate', 'def generate'), 2);
    const after = await client.waitForDiagnostics(file, (x) => x.length === 1);
    assert.deepStrictEqual(codes(after), ['8 llm-call-without-timeout'], 'only the client without a timeout is left');
  });

  it('scans the workspace on start, so unopened files have findings (cross-file)', async () => {
    const dir = tempWorkspace({
      'app/llm.py': 'from openai import OpenAI\nclient = OpenAI()\n\ndef ask(q):\n    return client.chat.completions.create(model="m", messages=[])\n',
      'app/routes.py': 'from fastapi import APIRouter\nfrom app.llm import ask\nrouter = APIRouter()\n\n@router.get("/a")\nasync def a():\n    return ask("x")\n',
    });
    client = await TestLspClient.start(dir, {});
    const routes = await client.waitForDiagnostics(path.join(dir, 'app/routes.py'), (x) => x.length > 0);
    assert.deepStrictEqual(codes(routes), ['7 blocking-llm-call']);
    await client.waitForDiagnostics(path.join(dir, 'app/llm.py'), (x) => x.length > 0);
  });

  it('serves code actions from Diagnostic.data: fixes, suppress, explain; fix-all applies safe fixes only', async () => {
    const dir = tempWorkspace();
    client = await TestLspClient.start(dir, { scanOnStartup: false, debounceMs: 10 });
    const file = path.join(dir, 'main.py');
    client.open(file, SEED);
    const all = await client.waitForDiagnostics(file, (x) => x.length === 3);
    const diags = all.filter((d) => d.range.start.line === 13);
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: client.uri(file) },
      range: diags[0].range,
      context: { diagnostics: diags },
    })) as { title: string; isPreferred?: boolean; kind: string; edit?: unknown; command?: { command: string } }[];
    const titles = actions.map((a) => a.title);
    assert.strictEqual(titles.filter((t) => t.startsWith('Use `AsyncOpenAI`')).length, 1, 'shared fix offered once');
    assert.ok(titles.includes('Run in a thread with `asyncio.to_thread`'));
    assert.ok(titles.includes('Suppress `await-on-sync-call` on this line'));
    assert.ok(actions.some((a) => a.command?.command === 'loopsafe.explainRule'));
    const fixAll = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: client.uri(file) },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.loopsafe'] },
    })) as { title: string; edit: { changes: Record<string, { newText: string }[]> } }[];
    assert.strictEqual(fixAll.length, 1);
    const newTexts = Object.values(fixAll[0].edit.changes).flat().map((e) => e.newText).join('\n');
    assert.doesNotMatch(newTexts, /AsyncOpenAI/, 'unsafe fixes are never part of fix-all');
    assert.match(newTexts, /asyncio\.to_thread/);
    const md = (await client.conn.sendRequest('loopsafe/explain', { rule: 'blocking-llm-call' })) as string;
    assert.match(md, /^# blocking-llm-call/);
    const hover = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: client.uri(file) }, position: { line: 13, character: 30 } })) as { contents: { value: string } };
    assert.match(hover.contents.value, /timeout per attempt \| 10 min \| openai default/);
  });

  it('fix-all applies every safe fix, sharing one `import asyncio`, and nothing safe is left after', async () => {
    const dir = tempWorkspace();
    client = await TestLspClient.start(dir, { scanOnStartup: false, debounceMs: 10 });
    const file = path.join(dir, 'main.py');
    const text = ['from openai import OpenAI', 'from fastapi import FastAPI', 'client = OpenAI(timeout=30)', 'app = FastAPI()', '', '@app.post("/a")', 'async def a(q: str):',
      '    r = client.chat.completions.create(model="m", messages=[])', '    s = client.chat.completions.create(model="m", messages=[{"content": q}]  # turn', '    )', '    return r, s', ''].join('\n');
    client.open(file, text);
    await client.waitForDiagnostics(file, (x) => x.filter((d) => d.code === 'blocking-llm-call').length === 2);
    const fixAll = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: client.uri(file) },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.loopsafe'] },
    })) as { edit: { changes: Record<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]> } }[];
    assert.strictEqual(fixAll.length, 1);
    const out = applyEdits(text, fixAll[0].edit.changes[client.uri(file)]);
    assert.strictEqual((out.match(/await asyncio\.to_thread\(/g) ?? []).length, 2, out);
    assert.strictEqual((out.match(/^import asyncio$/gm) ?? []).length, 1, out);
    client.change(file, out, 2);
    await client.waitForDiagnostics(file, (x) => !x.some((d) => d.code === 'blocking-llm-call'));
  });

  it('hovering a JS/TS SDK call shows its policy: SDK defaults, undici\'s 300 s cut, and a client built in another module', async () => {
    const dir = tempWorkspace({
      'src/lib/openai.ts': "import OpenAI from 'openai';\nexport const openai = new OpenAI({ maxRetries: 5 });\n",
      'src/routes.ts': [
        "import express from 'express';",
        "import Anthropic from '@anthropic-ai/sdk';",
        "import { openai } from './lib/openai';",
        'const anthropic = new Anthropic({ timeout: 20_000 });',
        'export const router = express.Router();',
        "router.post('/a', async (req, res) => {",
        "  const r = await openai.chat.completions.create({ model: 'm', messages: [] });",
        "  const m = await anthropic.messages.create({ model: 'm', max_tokens: 5, messages: [] }, { maxRetries: 0 });",
        '  res.json({ r, m });',
        '});',
        '',
      ].join('\n'),
    });
    client = await TestLspClient.start(dir, { debounceMs: 10 });
    const file = path.join(dir, 'src/routes.ts');
    client.open(file, fs.readFileSync(file, 'utf8'), 'typescript');
    await client.waitForDiagnostics(file, () => true);
    const hover = async (line: number, character: number) =>
      ((await client!.conn.sendRequest('textDocument/hover', { textDocument: { uri: client!.uri(file) }, position: { line, character } })) as { contents: { value: string } } | null)?.contents.value;
    const viaImport = await hover(6, 40);
    assert.ok(viaImport, 'hover on the imported client\'s call');
    assert.match(viaImport, /`openai\.chat\.completions\.create` — openai via `OpenAI`/);
    assert.match(viaImport, /timeout per attempt \| 5 min \| openai default, cut by Node's fetch \(undici, 300 s\)/);
    assert.match(viaImport, /attempts \| 6 \(5 retries\) \| `maxRetries` \(client constructor\)/);
    assert.match(viaImport, /built in `openai\.ts` \(line 2\)/);
    assert.match(viaImport, /headersTimeout/);
    const local = await hover(7, 30);
    assert.ok(local);
    assert.match(local, /timeout per attempt \| 20 s \| `timeout: 20_000` \(client constructor\)/);
    assert.match(local, /attempts \| 1 \(0 retries\) \| `maxRetries` \(this call\)/);
    assert.match(local, /worst-case wait \| 20 s/);
    assert.doesNotMatch(local, /undici/);
    assert.strictEqual(await hover(8, 4), undefined, 'no hover away from LLM calls');
  });

  it('JS/TS across files: editing a helper module re-publishes the handler module that imports it', async () => {
    const helper = "import OpenAI from 'openai';\nconst client = new OpenAI({ timeout: 30_000 });\nexport function askLLM(q: string) {\n  return client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] });\n}\n";
    const routes = "import express from 'express';\nimport { askLLM } from './llm';\nconst app = express();\napp.post('/chat', async (req, res) => {\n  askLLM(req.body.q);\n  res.json({ ok: true });\n});\n";
    const dir = tempWorkspace({ 'llm.ts': helper, 'server.ts': routes });
    client = await TestLspClient.start(dir, { debounceMs: 10 });
    const llm = path.join(dir, 'llm.ts');
    const server = path.join(dir, 'server.ts');
    const before = await client.waitForDiagnostics(server, (x) => x.length === 1);
    assert.deepStrictEqual(codes(before), ['5 unawaited-llm-call']);
    assert.match(before[0].message, /Promise of `askLLM` \(it calls `client\.chat\.completions\.create` \(openai\) in llm\.ts\)/);
    // The helper stops calling the LLM (unsaved edit in the editor): the importer's finding goes.
    client.open(llm, helper, 'typescript');
    client.change(llm, helper.replace(/return client\.chat\.completions\.create\([^\n]*\n/, 'return Promise.resolve(q);\n'), 2);
    await client.waitForDiagnostics(server, (x) => x.length === 0);
    client.change(llm, helper, 3);
    await client.waitForDiagnostics(server, (x) => x.length === 1);
  });

  it('survives bad settings and bad input, and keeps answering', async () => {
    const dir = tempWorkspace();
    client = await TestLspClient.start(dir, { rules: 'nope', debounceMs: 'soon', enable: 'yes', scanOnStartup: false });
    const file = path.join(dir, 'main.py');
    client.open(file, SEED);
    await client.waitForDiagnostics(file, (x) => x.length === 3);
    assert.ok(client.logs.some((l) => /settings: .*loopsafe\.rules must be an object/.test(l)), client.logs.join('\n'));
    const half = path.join(dir, 'half.py');
    client.open(half, 'from openai import OpenAI\nc = OpenAI()\nasync def f(:\n    c.chat.completions.create(model=');
    const binary = path.join(dir, 'blob.py');
    client.open(binary, '\u0000\u0001\u0002'.repeat(1000));
    const big = path.join(dir, 'big.py');
    client.open(big, SEED.repeat(Math.ceil((5 * 1024 * 1024) / SEED.length)));
    const gone = path.join(dir, 'gone.py');
    fs.writeFileSync(gone, SEED);
    client.open(gone, SEED);
    fs.unlinkSync(gone);
    client.close(gone);
    await client.waitForDiagnostics(big, (x) => x.length > 100, 150000);
    const md = (await client.conn.sendRequest('loopsafe/explain', { rule: 'unawaited-llm-call' })) as string;
    assert.match(md, /unawaited-llm-call/);
    assert.strictEqual(client.proc.exitCode, null, 'server still running');
  });

  it('honours rule severity settings', async () => {
    const dir = tempWorkspace();
    client = await TestLspClient.start(dir, { scanOnStartup: false, debounceMs: 10, rules: { 'blocking-llm-call': 'off', 'llm-call-without-timeout': 'off' } });
    const file = path.join(dir, 'main.py');
    client.open(file, SEED);
    const d = await client.waitForDiagnostics(file, (x) => x.length === 1);
    assert.deepStrictEqual(codes(d), ['14 await-on-sync-call']);
  });
});
