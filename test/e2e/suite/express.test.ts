// Runs inside the real VS Code extension host (code-server): an Express file whose handler sends the
// promise of a helper from another module without await: the diagnostic (with the cross-file hop), the
// "Add `await`" quick fix through the real code-action API, the diagnostic cleared, and the JS hover.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { codeOf, ours, waitFor } from './helpers';

const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
const serverUri = vscode.Uri.file(path.join(root, 'express', 'server.js'));
const CALL = 'const completion = askLLM(req.body.message);';


describe('Loopsafe on an Express file', () => {
  let doc: vscode.TextDocument;
  before(async () => {
    const ext = vscode.extensions.getExtension<{ ready: Promise<void> }>('loopsafe.loopsafe');
    assert.ok(ext);
    doc = await vscode.workspace.openTextDocument(serverUri);
    await vscode.window.showTextDocument(doc);
    await waitFor('the extension to activate', () => ext.isActive);
    await ext.exports.ready;
  });

  it('reports unawaited-llm-call on the helper call, naming the SDK call in llm.js', async () => {
    const line = doc.getText().split('\n').findIndex((l) => l.includes(CALL));
    assert.ok(line >= 0);
    const d = await waitFor('the unawaited-llm-call diagnostic', () => ours(serverUri).find((x) => codeOf(x) === 'unawaited-llm-call'));
    assert.strictEqual(d.range.start.line, line);
    assert.strictEqual(doc.getText(d.range), 'askLLM');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /Promise of `askLLM` \(it calls `client\.chat\.completions\.create` \(openai\) in llm\.js\)/);
    assert.ok((d.relatedInformation ?? []).some((r) => r.location.uri.fsPath.endsWith(path.join('express', 'llm.js'))), 'related information points at llm.js');
    assert.strictEqual(ours(serverUri).length, 1, ours(serverUri).map((x) => x.message).join('\n'));
  });

  it('hovering the SDK call in llm.js shows its policy (30 s from the constructor)', async () => {
    const llm = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(root, 'express', 'llm.js')));
    const line = llm.getText().split('\n').findIndex((l) => l.includes('completions.create'));
    const col = llm.lineAt(line).text.indexOf('completions.create') + 3;
    const hovers = await waitFor('a Loopsafe hover', async () => {
      const hs = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', llm.uri, new vscode.Position(line, col))) ?? [];
      const text = hs.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
      return /Loopsafe/.test(text) ? text : undefined;
    });
    assert.match(hovers, /timeout per attempt \| 30 s \| `timeout: 30_000` \(client constructor\)/);
  });

  it('the "Add `await`" quick fix rewrites the call and the diagnostic clears', async () => {
    const d = ours(serverUri).find((x) => codeOf(x) === 'unawaited-llm-call')!;
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', serverUri, d.range)) ?? [];
    const fix = actions.find((a) => a.title === 'Add `await`');
    assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.strictEqual(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /const completion = await askLLM\(req\.body\.message\);/);
    await waitFor('the diagnostics to clear', () => ours(serverUri).length === 0);
    // Leave the fixture as it was for the suites that follow.
    await vscode.commands.executeCommand('undo');
    await waitFor('the diagnostic to come back after undo', () => ours(serverUri).some((x) => codeOf(x) === 'unawaited-llm-call'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
