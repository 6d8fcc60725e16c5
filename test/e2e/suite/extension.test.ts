// Runs inside the real VS Code extension host (code-server): activation on a Python file, diagnostics
// on the FastAPI seed, quick fixes through the real code-action API, the workspace scan, the commands.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { codeOf, ours, waitFor } from './helpers';

const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
const seedUri = vscode.Uri.file(path.join(root, 'seed.py'));
const EXTENSION_ID = 'loopsafe.loopsafe';

const codes = (uri: vscode.Uri) => ours(uri).map((d) => `${d.range.start.line + 1} ${codeOf(d)}`).sort();
const show = (ds: vscode.Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${d.message}`).join('\n');

/** 0-based line of the first line containing `needle` (fails the test when missing). */
function lineOf(doc: vscode.TextDocument, needle: string, from = 0): number {
  for (let i = from; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(needle)) return i;
  throw new Error(`seed.py has no line containing ${JSON.stringify(needle)}`);
}

/** The seed's landmarks: the awaited sync call in `async def generate`, and the body of `def summary`. */
function landmarks(doc: vscode.TextDocument) {
  const generate = lineOf(doc, 'async def generate');
  const call = lineOf(doc, 'await client.chat.completions.create', generate);
  const summaryStart = lineOf(doc, 'def summary');
  const summaryEnd = lineOf(doc, '@app.get("/health")', summaryStart) - 1;
  return { call, summaryStart, summaryEnd };
}

async function actionsAt(range: vscode.Range) {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', seedUri, range)) ?? [];
}

describe('Loopsafe in VS Code', () => {
  let seed: vscode.TextDocument;
  before(async () => {
    seed = await vscode.workspace.openTextDocument(seedUri);
    await vscode.window.showTextDocument(seed);
  });

  it('activates on a Python file, in a Node extension host', async () => {
    const ext = vscode.extensions.getExtension<{ ready: Promise<void> }>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded as the extension under development`);
    await waitFor('the extension to activate', () => ext.isActive);
    await ext.exports.ready; // the language server is up
    assert.strictEqual(seed.languageId, 'python');
    assert.ok(typeof process.versions.node === 'string' && vscode.env.remoteName, `node ${process.version}, remote ${vscode.env.remoteName}`);
  });

  it('the seed is the README example (examples/fastapi-chat/main.py)', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const example = fs.readFileSync(path.join(ext.extensionPath, 'examples', 'fastapi-chat', 'main.py'), 'utf8');
    assert.strictEqual(seed.getText(), example, 'test/fixtures/e2e-workspace/seed.py drifted from examples/fastapi-chat/main.py');
  });

  it('reports await-on-sync-call and blocking-llm-call on the awaited sync call in async def generate, nothing in def summary', async () => {
    const { call, summaryStart, summaryEnd } = landmarks(seed);
    const onCall = () => ours(seedUri).filter((d) => d.range.start.line === call).map(codeOf).sort();
    await waitFor('both findings on the call line', () => onCall().includes('await-on-sync-call') && onCall().includes('blocking-llm-call'));
    assert.deepStrictEqual(onCall(), ['await-on-sync-call', 'blocking-llm-call'], show(ours(seedUri)));
    const inSummary = ours(seedUri).filter((d) => d.range.start.line >= summaryStart && d.range.start.line <= summaryEnd);
    assert.deepStrictEqual(inSummary, [], `def summary runs in FastAPI's threadpool:\n${show(inSummary)}`);
  });

  it('lists findings of files that are not open (workspace scan, cross-file chain)', async () => {
    const helper = vscode.Uri.file(path.join(root, 'app', 'llm.py'));
    const routes = vscode.Uri.file(path.join(root, 'app', 'routes.py'));
    await waitFor('scan diagnostics', () => codes(routes).length > 0 && codes(helper).length > 0);
    assert.deepStrictEqual(codes(routes), ['11 blocking-llm-call']);
    assert.deepStrictEqual(codes(helper), ['4 llm-call-without-timeout', '8 blocking-llm-call']);
    const d = ours(routes)[0];
    assert.match(d.message, /`summary` → `summarize` → `client.chat.completions.create`/);
    assert.ok((d.relatedInformation ?? []).some((r) => r.location.uri.fsPath.endsWith(path.join('app', 'llm.py'))));
  });

  it('hovering an LLM call shows its effective timeout and retry policy', async () => {
    const { call } = landmarks(seed);
    const col = seed.lineAt(call).text.indexOf('completions.create') + 3;
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', seedUri, new vscode.Position(call, col))) ?? [];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /timeout per attempt \| 10 min \| openai default/);
    assert.match(text, /worst-case wait/);
  });

  it('offers the AsyncOpenAI fix (preferred), asyncio.to_thread, suppress and explain in the lightbulb', async () => {
    const { call } = landmarks(seed);
    const diag = ours(seedUri).find((d) => d.range.start.line === call && codeOf(d) === 'blocking-llm-call');
    assert.ok(diag, 'blocking-llm-call diagnostic on the call');
    const actions = await actionsAt(diag.range);
    const titles = actions.map((a) => a.title).join(' | ');
    const preferred = actions.filter((a) => a.isPreferred);
    assert.ok(preferred.length >= 1, `a preferred fix: ${titles}`);
    assert.ok(preferred.every((a) => a.title.includes('AsyncOpenAI')), `preferred fixes: ${preferred.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((a) => a.title === 'Run in a thread with `asyncio.to_thread`'), titles);
    assert.ok(actions.some((a) => /^Suppress\b/.test(a.title)), titles);
    assert.ok(actions.some((a) => /^Explain\b/.test(a.title)), titles);
    assert.ok(actions.filter((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind)).length >= 2, titles);
  });

  it('applying the preferred fix switches to AsyncOpenAI (import + construction), keeps the await, and clears the findings', async () => {
    const { call } = landmarks(seed);
    const diag = ours(seedUri).find((d) => d.range.start.line === call)!;
    const fix = (await actionsAt(diag.range)).find((a) => a.isPreferred && a.edit);
    assert.ok(fix?.edit, 'the preferred fix carries a workspace edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const text = seed.getText();
    assert.match(text, /^from openai import .*\bAsyncOpenAI\b/m, text);
    assert.match(text, /=\s*AsyncOpenAI\(/, text);
    const generateBody = text.slice(text.indexOf('async def generate'), text.indexOf('def summary'));
    assert.match(generateBody, /response = await \w+\.chat\.completions\.create\(/, generateBody);
    assert.doesNotMatch(generateBody, /await client\.chat/, generateBody);
    // What is left is the advice to set a timeout on the clients, not a loop defect.
    await waitFor('the loop findings to clear', () => ours(seedUri).every((d) => codeOf(d) === 'llm-call-without-timeout'), 20000);
  });

  it('registers the commands, and Explain Rule opens the rule docs', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['loopsafe.explainRule', 'loopsafe.scanWorkspace', 'loopsafe.showOutput', 'loopsafe.restartServer']) assert.ok(all.includes(id), `${id} registered`);
    const doc = (await vscode.commands.executeCommand('loopsafe.explainRule', 'blocking-llm-call')) as vscode.TextDocument | undefined;
    assert.ok(doc, 'explainRule returns the document it opened');
    assert.match(doc.getText(), /^# blocking-llm-call/);
    assert.match(doc.getText(), /## Use instead/);
    await waitFor('the docs in a visible editor', () => vscode.window.visibleTextEditors.some((e) => e.document === doc));
  });

  it('Scan Workspace reports the findings of the whole folder', async () => {
    const result = (await vscode.commands.executeCommand('loopsafe.scanWorkspace')) as { files: number; findings: number };
    assert.ok(result.files >= 3, JSON.stringify(result));
    assert.ok(result.findings >= 2, JSON.stringify(result));
  });
});
