// Runs inside the real VS Code extension host (code-server): activation, diagnostics on the seed
// file, quick fixes through the real code-action API, the workspace scan, and the commands.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
const seedUri = vscode.Uri.file(path.join(root, 'seed.py'));

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const codes = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'loopsafe').map((d) => `${d.range.start.line + 1} ${String(d.code)}`).sort();

describe('Loopsafe in VS Code', () => {
  before(async () => {
    const doc = await vscode.workspace.openTextDocument(seedUri);
    await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.getExtension('loopsafe.loopsafe');
    assert.ok(ext, 'extension is installed');
    const api = (await ext.activate()) as { ready: Promise<void> };
    await api.ready;
  });

  it('runs in a Node extension host and activates on Python', () => {
    assert.ok(vscode.extensions.getExtension('loopsafe.loopsafe')?.isActive);
    assert.match(process.version, /^v\d+/);
  });

  it('reports await-on-sync-call and blocking-llm-call on the seed handler, nothing in the def route', async () => {
    const found = await waitFor('diagnostics on seed.py', () => (codes(seedUri).length >= 2 ? codes(seedUri) : undefined));
    assert.deepStrictEqual(found, ['14 await-on-sync-call', '14 blocking-llm-call']);
  });

  it('lists findings of files that are not open (workspace scan, cross-file chain)', async () => {
    const helper = vscode.Uri.file(path.join(root, 'app', 'llm.py'));
    const routes = vscode.Uri.file(path.join(root, 'app', 'routes.py'));
    await waitFor('scan diagnostics', () => (codes(routes).length > 0 && codes(helper).length > 0 ? true : undefined));
    assert.deepStrictEqual(codes(routes), ['11 blocking-llm-call']);
    assert.deepStrictEqual(codes(helper), ['8 blocking-llm-call']);
    const d = vscode.languages.getDiagnostics(routes)[0];
    assert.match(d.message, /`summary` → `summarize` → `client.chat.completions.create`/);
    assert.ok((d.relatedInformation ?? []).some((r) => r.location.uri.fsPath.endsWith(path.join('app', 'llm.py'))));
  });

  it('hovering an LLM call shows its effective timeout and retry policy', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', seedUri, new vscode.Position(13, 30));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /timeout per attempt \| 10 min \| openai default/);
    assert.match(text, /worst-case wait/);
  });

  it('offers the fixes, suppress and explain in the lightbulb', async () => {
    const range = new vscode.Range(13, 20, 13, 40);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', seedUri, range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => t.startsWith('Use `AsyncOpenAI` and await')), titles.join(' | '));
    assert.ok(titles.includes('Run in a thread with `asyncio.to_thread`'), titles.join(' | '));
    assert.ok(titles.some((t) => t.startsWith('Suppress `')), titles.join(' | '));
    assert.ok(titles.some((t) => t.startsWith('Explain rule `')), titles.join(' | '));
    const preferred = actions.filter((a) => a.isPreferred);
    assert.ok(preferred.length >= 1 && preferred.every((a) => a.title.startsWith('Use `AsyncOpenAI`')));
  });

  it('applying the preferred fix rewrites the code and clears the findings', async () => {
    const range = new vscode.Range(13, 20, 13, 40);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', seedUri, range);
    const fix = actions.find((a) => a.isPreferred && a.edit)!;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    const text = (await vscode.workspace.openTextDocument(seedUri)).getText();
    assert.match(text, /from openai import OpenAI, AsyncOpenAI/);
    assert.match(text, /async_client = AsyncOpenAI\(/);
    assert.match(text, /response = await async_client\.chat\.completions\.create\(/);
    await waitFor('findings to clear', () => (codes(seedUri).length === 0 ? true : undefined));
  });

  it('registers the commands, and Explain Rule opens the docs', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['loopsafe.explainRule', 'loopsafe.scanWorkspace', 'loopsafe.showOutput', 'loopsafe.restartServer']) assert.ok(all.includes(id), id);
    const doc = (await vscode.commands.executeCommand('loopsafe.explainRule', 'blocking-llm-call')) as vscode.TextDocument;
    assert.match(doc.getText(), /^# blocking-llm-call/);
    assert.match(doc.getText(), /## Use instead/);
  });

  it('Scan Workspace reports the findings of the whole folder', async () => {
    const result = (await vscode.commands.executeCommand('loopsafe.scanWorkspace')) as { files: number; findings: number };
    assert.ok(result.files >= 3, JSON.stringify(result));
    assert.ok(result.findings >= 2, JSON.stringify(result));
  });
});
