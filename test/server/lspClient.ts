// A minimal LSP client for tests: forks the built language server (dist/server.js) over node IPC,
// records published diagnostics and notifications, and sends requests.

import { fork, type ChildProcess } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface Published {
  uri: string;
  diagnostics: { range: { start: { line: number } }; code?: string; source?: string; message: string; data?: unknown }[];
}

export class TestLspClient {
  readonly diagnostics = new Map<string, Published['diagnostics']>();
  readonly logs: string[] = [];
  /** The last of what the server wrote to stdout and stderr. */
  output = '';
  private constructor(readonly proc: ChildProcess, readonly conn: MessageConnection) {}

  static async start(root: string, settings: unknown = {}, serverPath?: string): Promise<TestLspClient> {
    const server = serverPath ?? path.resolve(__dirname, '../../../dist/server.js');
    const proc = fork(server, ['--node-ipc'], { silent: true });
    const conn = createMessageConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    const client = new TestLspClient(proc, conn);
    // Drain the server's own output (a full pipe would block it), keeping the end for failure messages.
    const keep = (d: Buffer): void => {
      client.output = (client.output + d.toString()).slice(-20_000);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      client.diagnostics.set(p.uri, p.diagnostics);
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => {
      client.logs.push(p.message);
    });
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('client/registerCapability', () => null);
    conn.onNotification('$/progress', () => undefined);
    conn.onNotification('loopsafe/status', () => undefined);
    conn.listen();
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).toString(),
      workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }],
      capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } },
      // As the VS Code extension does: the load-test CodeLens is offered.
      initializationOptions: { vscode: true },
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  uri(file: string): string {
    return pathToFileURL(file).toString();
  }

  open(file: string, text: string, languageId = 'python', version = 1): void {
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri(file), languageId, version, text } });
  }

  change(file: string, text: string, version: number): void {
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri(file), version }, contentChanges: [{ text }] });
  }

  close(file: string): void {
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri(file) } });
  }

  async waitForDiagnostics(file: string, predicate: (d: Published['diagnostics']) => boolean, timeoutMs = 15000): Promise<Published['diagnostics']> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const d = this.diagnostics.get(this.uri(file));
      if (d && predicate(d)) return d;
      if (Date.now() > until) throw new Error(`no matching diagnostics for ${file}; have ${JSON.stringify(d?.map((x) => x.code))}; logs: ${this.logs.join(' | ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const shutdown = this.conn.sendRequest('shutdown').catch(() => undefined);
    await Promise.race([shutdown, new Promise((r) => (timer = setTimeout(r, 10_000)))]);
    clearTimeout(timer);
    void this.conn.sendNotification('exit');
    this.conn.dispose();
    this.proc.kill();
  }
}
