// `loopsafe server --stdio` driven as a generic LSP client would (no VS Code requests, no configuration
// pull): initialize with initializationOptions, didOpen, publishDiagnostics, a code action's edit applied,
// hover, shutdown and exit.

import * as assert from 'assert';
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { CLI, cliWorkspace } from '../helpers/cli';

const SEED = fs.readFileSync(path.resolve(__dirname, '../../../examples/fastapi-chat/main.py'), 'utf8');

type Pos = { line: number; character: number };
type Range = { start: Pos; end: Pos };
type Diag = { range: Range; code?: string; severity?: number; message: string; data?: unknown };

/** Applies LSP text edits to a text (end to start). */
function applyLspEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const offset = (p: Pos) => {
    const lines = text.split('\n');
    let o = 0;
    for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
    return o + p.character;
  };
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** Starts `loopsafe server --stdio` and speaks JSON-RPC over its stdin/stdout. */
function startStdio(cwd: string): { proc: ChildProcess; conn: MessageConnection; diagnostics: Map<string, Diag[]> } {
  const proc = spawn(process.execPath, [CLI, 'server', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const diagnostics = new Map<string, Diag[]>();
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diag[] }) => {
    diagnostics.set(p.uri, p.diagnostics);
  });
  conn.listen();
  return { proc, conn, diagnostics };
}

async function waitFor<T>(what: string, get: () => T | undefined, timeoutMs = 20000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('cli: loopsafe server --stdio (generic LSP client)', function () {
  this.timeout(120000);
  let proc: ChildProcess | undefined;
  afterEach(() => {
    if (proc && proc.exitCode === null) proc.kill();
    proc = undefined;
  });

  it('initialize, didOpen, publishDiagnostics, a code action applied, hover, shutdown and exit', async () => {
    const dir = cliWorkspace({ 'main.py': SEED });
    const file = path.join(dir, 'main.py');
    const uri = pathToFileURL(file).toString();
    const s = startStdio(dir);
    proc = s.proc;
    const init = (await s.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).toString(),
      capabilities: { textDocument: { publishDiagnostics: {}, hover: { contentFormat: ['markdown', 'plaintext'] }, codeAction: {} } },
      // Settings as an editor without workspace/configuration gives them.
      initializationOptions: { settings: { debounceMs: 10, scanOnStartup: false, rules: { 'await-on-sync-call': 'warning' } } },
    })) as { capabilities: Record<string, unknown>; serverInfo: { name: string } };
    assert.strictEqual(init.serverInfo.name, 'loopsafe');
    assert.ok(init.capabilities.hoverProvider && init.capabilities.codeActionProvider);
    assert.strictEqual(init.capabilities.codeLensProvider, undefined, 'the load-test lens is VS Code-only');
    await s.conn.sendNotification('initialized', {});
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: SEED } });
    const diags = await waitFor('diagnostics', () => {
      const d = s.diagnostics.get(uri);
      return d && d.length === 3 ? d : undefined;
    });
    assert.deepStrictEqual(diags.map((d) => `${d.range.start.line + 1} ${d.code} ${d.severity}`).sort(), ['14 await-on-sync-call 2', '14 blocking-llm-call 1', '8 llm-call-without-timeout 2'], 'initializationOptions settings apply');

    const blocking = diags.find((d) => d.code === 'blocking-llm-call')!;
    const actions = (await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: blocking.range, context: { diagnostics: [blocking] } })) as { title: string; edit?: { changes: Record<string, { range: Range; newText: string }[]> } }[];
    const toThread = actions.find((a) => a.title === 'Run in a thread with `asyncio.to_thread`');
    assert.ok(toThread?.edit, actions.map((a) => a.title).join(', '));
    const fixed = applyLspEdits(SEED, toThread.edit.changes[uri]);
    assert.match(fixed, /await asyncio\.to_thread\(client\.chat\.completions\.create, /);
    const compiled = spawnSync('/usr/bin/python3', ['-c', 'import sys; compile(sys.stdin.read(), "main.py", "exec")'], { input: fixed, encoding: 'utf8' });
    assert.strictEqual(compiled.status, 0, compiled.stderr);
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await waitFor('diagnostics after the fix', () => {
      const d = s.diagnostics.get(uri);
      return d && !d.some((x) => x.code === 'blocking-llm-call') ? d : undefined;
    });
    assert.deepStrictEqual(after.map((d) => d.code), ['llm-call-without-timeout']);

    // The call in the sync `summary` route (the other one is now an argument of to_thread).
    const line = fixed.split('\n').findIndex((l) => l.includes('= client.chat.completions.create('));
    const hover = (await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: fixed.split('\n')[line].indexOf('completions') } })) as { contents: { kind: string; value: string } } | null;
    assert.ok(hover, 'hover on the SDK call');
    assert.strictEqual(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /timeout per attempt \| 10 min \| openai default/);

    assert.strictEqual(await s.conn.sendRequest('shutdown'), null);
    const exited = new Promise<number | null>((resolve) => s.proc.on('exit', (code) => resolve(code)));
    await s.conn.sendNotification('exit');
    assert.strictEqual(await exited, 0);
    s.conn.dispose();
  });

  it('reads the project config, and --stdio is required', async () => {
    const dir = cliWorkspace({ 'main.py': SEED, 'pyproject.toml': '[tool.loopsafe]\nignore = ["llm-call-without-timeout"]\n' });
    const uri = pathToFileURL(path.join(dir, 'main.py')).toString();
    const s = startStdio(dir);
    proc = s.proc;
    await s.conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).toString(), capabilities: {}, initializationOptions: { debounceMs: 10 } });
    await s.conn.sendNotification('initialized', {});
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: SEED } });
    const d = await waitFor('diagnostics', () => {
      const x = s.diagnostics.get(uri);
      return x && x.length === 2 ? x : undefined;
    });
    assert.deepStrictEqual(d.map((x) => x.code).sort(), ['await-on-sync-call', 'blocking-llm-call']);
    await s.conn.sendRequest('shutdown');
    await s.conn.sendNotification('exit');
    s.conn.dispose();
    const bad = spawnSync(process.execPath, [CLI, 'server'], { encoding: 'utf8' });
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stderr, /server speaks LSP over stdio only: run `loopsafe server --stdio`/);
  });
});
