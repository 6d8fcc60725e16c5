// The VS Code side of Loopsafe: starts the language server, registers the commands, and shows the
// finding count in the status bar. All analysis happens in the server.

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CommandId, ExplainRequest, RulesRequest, ScanWorkspaceRequest, StatusNotification, type ScanResult, type StatusParams } from '../shared/protocol';
import { StatusBar } from './statusBar';
import { loadTestCommand } from './loadtest/command';
import { LoadTestPanel, PANEL_VIEW_TYPE } from './loadtest/panel';

let client: LanguageClient | undefined;

const LANGUAGES = ['python', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact'];

export interface LoopsafeApi {
  /** Resolves once the language server is running. */
  ready: Promise<void>;
}

export function activate(context: vscode.ExtensionContext): LoopsafeApi {
  const output = vscode.window.createOutputChannel('Loopsafe', { log: true });
  const trace = vscode.window.createOutputChannel('Loopsafe (LSP trace)', { log: true });
  const status = new StatusBar();
  context.subscriptions.push(output, trace, status);

  const start = async (): Promise<void> => {
    const serverModule = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      synchronize: {
        configurationSection: 'loopsafe',
        fileEvents: [
          vscode.workspace.createFileSystemWatcher('**/*.{py,js,mjs,cjs,jsx,ts,mts,cts,tsx}'),
          // Server and proxy configs whose request limits the timeout rule compares against.
          vscode.workspace.createFileSystemWatcher('**/{Procfile,Dockerfile,Dockerfile.*,*.dockerfile,*compose*.yml,*compose*.yaml,vercel.json,wrangler.toml,wrangler.json,serverless.yml,serverless.yaml,template.yaml,template.yml,*.conf,*.sh,Makefile}'),
        ],
      },
      // Tells the server it may offer the load-test CodeLens (a command of this extension).
      initializationOptions: { vscode: true },
      outputChannel: output,
      traceOutputChannel: trace,
      diagnosticCollectionName: 'loopsafe',
    };
    client = new LanguageClient('loopsafe', 'Loopsafe', serverOptions, clientOptions);
    client.onNotification(StatusNotification, (params: StatusParams) => status.update(params));
    await client.start();
  };

  const ready = start().catch((err: unknown) => {
    output.appendLine(`Loopsafe language server failed to start: ${err instanceof Error ? err.message : String(err)}`);
  });

  const logLine = (line: string) => output.appendLine(line);
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => LoadTestPanel.revive(panel, context.extensionUri, logLine, state),
    }),
  );

  const commands: Record<string, (...args: unknown[]) => unknown> = {
    [CommandId.loadTest]: (arg?: unknown) => loadTestCommand(context.extensionUri, client, logLine, arg),
    [CommandId.explainRule]: async (arg?: unknown) => {
      if (!client) return undefined;
      const rule = typeof arg === 'string' ? arg : await vscode.window.showQuickPick(client.sendRequest<string[]>(RulesRequest), { placeHolder: 'Explain which Loopsafe rule?' });
      if (!rule) return undefined;
      const markdown = await client.sendRequest<string>(ExplainRequest, { rule });
      const doc = await vscode.workspace.openTextDocument({ content: markdown, language: 'markdown' });
      await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
      return doc;
    },
    [CommandId.scanWorkspace]: async () => {
      if (!client) return undefined;
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Loopsafe: scanning the workspace…' },
        () => client!.sendRequest<ScanResult>(ScanWorkspaceRequest),
      );
      void vscode.window.showInformationMessage(`Loopsafe: ${result.findings} finding${result.findings === 1 ? '' : 's'} in ${result.files} files (${result.ms} ms).`);
      return result;
    },
    [CommandId.showOutput]: () => output.show(true),
    [CommandId.restartServer]: async () => {
      await client?.stop().catch(() => undefined);
      await start();
      void vscode.window.showInformationMessage('Loopsafe: language server restarted.');
    },
  };
  for (const [id, run] of Object.entries(commands)) context.subscriptions.push(vscode.commands.registerCommand(id, run));

  return { ready: ready.then(() => undefined) };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
