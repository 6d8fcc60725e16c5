// The load-test panel: one webview (strict CSP, nonce, asWebviewUri) that shows a run live and its
// report; it stops, re-runs, saves JSON or a standalone HTML report, exports k6, and survives reloads.

import * as crypto from 'crypto';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { runLoadTest, toK6Script } from '../../loadtest/run';
import type { LoadTestHooks, LoadTestOptions, LoadTestReport } from '../../loadtest/types';
import { MAX_PROGRESS_SAMPLES, type HostMessage, type PanelMessage, type PanelState, type Scenario } from '../../shared/loadtest-messages';

export const PANEL_VIEW_TYPE = 'loopsafe.loadTest';

/** Everything needed to (re-)run a test: options, what to show, and optional set-up (start the app). */
export interface RunRequest {
  options: LoadTestOptions;
  scenario: Scenario;
  /** Starts what the run needs (the app, the mock LLM); returns its cleanup. Throws a message for the user. */
  prepare?: (status: (text: string) => void) => Promise<() => Promise<void>>;
  /** Runs the whole test itself (an app Loopsafe starts, with runtime attribution) instead of runLoadTest. */
  run?: (hooks: LoadTestHooks, status: (text: string) => void) => Promise<LoadTestReport>;
}

export class LoadTestPanel {
  private static current: LoadTestPanel | undefined;
  private state: PanelState = { progress: [], running: false };
  private controller: AbortController | undefined;
  private lastRequest: RunRequest | undefined;
  private running: Promise<LoadTestReport | undefined> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly log: (line: string) => void,
  ) {
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media', 'loadtest')] };
    panel.webview.html = this.html();
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'loadtest', 'icon.svg');
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: PanelMessage) => void this.onMessage(m)),
    );
  }

  /** The panel, created beside the editor if it is not open. */
  static show(extensionUri: vscode.Uri, log: (line: string) => void): LoadTestPanel {
    if (LoadTestPanel.current) {
      LoadTestPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      return LoadTestPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'Loopsafe Load Test', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { retainContextWhenHidden: true });
    LoadTestPanel.current = new LoadTestPanel(panel, extensionUri, log);
    return LoadTestPanel.current;
  }

  /** Restores a panel after a reload, with the state its webview saved (the report, not a running test). */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, log: (line: string) => void, saved: unknown): void {
    LoadTestPanel.current?.dispose();
    const p = new LoadTestPanel(panel, extensionUri, log);
    const s = saved as Partial<PanelState> | undefined;
    if (s && typeof s === 'object') p.state = { progress: Array.isArray(s.progress) ? s.progress : [], report: s.report, scenario: s.scenario, error: s.error, running: false };
    LoadTestPanel.current = p;
    p.post({ type: 'state', state: p.state });
  }

  get isRunning(): boolean {
    return this.state.running;
  }

  /** Runs a test and shows it; a run already going is stopped first. Resolves with the report. */
  async run(request: RunRequest): Promise<LoadTestReport | undefined> {
    if (this.running) {
      this.controller?.abort();
      await this.running.catch(() => undefined);
    }
    this.running = this.execute(request);
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  stop(): void {
    this.controller?.abort();
  }

  private async execute(request: RunRequest): Promise<LoadTestReport | undefined> {
    this.lastRequest = request;
    const controller = new AbortController();
    this.controller = controller;
    this.state = { scenario: request.scenario, progress: [], running: true, status: 'Starting…' };
    this.post({ type: 'state', state: this.state });
    let cleanup: (() => Promise<void>) | undefined;
    try {
      if (request.prepare) cleanup = await request.prepare((status) => this.setStatus(status));
      if (controller.signal.aborted) throw new Error('cancelled before the run started');
      this.setStatus(`Running ${request.scenario.title}…`);
      this.log(`load test: ${request.options.method} ${request.options.url}, ${request.options.rate ? `${request.options.rate}/s` : `${request.options.connections} connections`}, ${request.options.durationMs} ms`);
      const hooks: LoadTestHooks = {
        signal: controller.signal,
        onProgress: (progress) => {
          this.state.progress.push(progress);
          if (this.state.progress.length > MAX_PROGRESS_SAMPLES) this.state.progress.splice(0, this.state.progress.length - MAX_PROGRESS_SAMPLES);
          this.post({ type: 'progress', progress });
        },
      };
      const report = request.run ? await request.run(hooks, (status) => this.setStatus(status)) : await runLoadTest(request.options, hooks);
      this.state = { ...this.state, report, running: false, status: undefined };
      this.log(`load test done: ${report.completed} completed, ${report.throughputRps} req/s, p95 ${report.latencyMs.p95} ms${report.probe?.verdict ? `; ${report.probe.verdict}` : ''}${report.stoppedReason ? `; stopped: ${report.stoppedReason}` : ''}`);
      if (report.attribution) this.log(report.attribution.available ? `runtime attribution: ${report.blockedAt?.length ?? 0} blocking location(s), ${Math.round(report.attribution.blockedShare * 1000) / 10}% of the loop time blocked${report.attribution.note ? `; ${report.attribution.note}` : ''}` : `runtime attribution: ${report.attribution.note ?? 'missing'}`);
      return report;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.state = { ...this.state, error: message, running: false, status: undefined };
      this.log(`load test failed: ${message}`);
      return undefined;
    } finally {
      if (cleanup) await cleanup().catch((err: unknown) => this.log(`load test clean-up: ${err instanceof Error ? err.message : String(err)}`));
      this.post({ type: 'state', state: this.state });
      if (this.controller === controller) this.controller = undefined;
    }
  }

  private setStatus(status: string): void {
    this.state.status = status;
    this.post({ type: 'status', status });
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(m: PanelMessage): Promise<void> {
    try {
      switch (m.type) {
        case 'ready':
          this.post({ type: 'state', state: this.state });
          return;
        case 'stop':
          this.stop();
          return;
        case 'rerun':
          if (this.lastRequest) await this.run(this.lastRequest);
          else void vscode.window.showInformationMessage('Loopsafe: run a load test from a route’s CodeLens or the command palette first.');
          return;
        case 'save':
          await this.save(m.format);
          return;
        case 'exportK6':
          await this.exportK6();
          return;
        case 'openFinding': {
          const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(m.file));
          const pos = new vscode.Position(Math.max(0, m.line), 0);
          await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(pos, pos) });
          return;
        }
      }
    } catch (err) {
      void vscode.window.showErrorMessage(`Loopsafe: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async save(format: 'json' | 'html'): Promise<void> {
    const report = this.state.report;
    if (!report) {
      void vscode.window.showInformationMessage('Loopsafe: no finished run to save yet.');
      return;
    }
    const uri = await vscode.window.showSaveDialog({
      defaultUri: defaultFile(`loopsafe-load-test.${format}`),
      filters: format === 'json' ? { JSON: ['json'] } : { HTML: ['html'] },
    });
    if (!uri) return;
    const content = format === 'json' ? JSON.stringify({ scenario: this.state.scenario, report }, null, 2) : this.standaloneHtml();
    await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
    void vscode.window.showInformationMessage(`Loopsafe: report saved to ${uri.fsPath}`);
  }

  private async exportK6(): Promise<void> {
    if (!this.lastRequest) {
      void vscode.window.showInformationMessage('Loopsafe: run a load test first; its scenario is what gets exported.');
      return;
    }
    const uri = await vscode.window.showSaveDialog({ defaultUri: defaultFile('loopsafe-k6.js'), filters: { JavaScript: ['js'] } });
    if (!uri) return;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(toK6Script(this.lastRequest.options), 'utf8'));
    void vscode.window.showInformationMessage(`Loopsafe: k6 script written to ${uri.fsPath}. Run it with \`k6 run\`, the k6 operator or Grafana Cloud k6.`);
  }

  /** A self-contained HTML file: the panel's own script and styles inlined with the final state. */
  standaloneHtml(): string {
    const media = (name: string) => fs.readFileSync(vscode.Uri.joinPath(this.extensionUri, 'media', 'loadtest', name).fsPath, 'utf8');
    const state = JSON.stringify({ ...this.state, running: false }).replace(/</g, '\\u003c');
    return [
      '<!DOCTYPE html>',
      '<html lang="en"><head><meta charset="utf-8">',
      `<title>Loopsafe load test — ${escapeHtml(this.state.scenario?.title ?? '')}</title>`,
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<style>${media('panel.css')}</style>`,
      '</head><body class="standalone">',
      '<main id="app"></main>',
      `<script>window.LOOPSAFE_STATE = ${state};</script>`,
      `<script>${media('panel.js')}</script>`,
      '</body></html>',
    ].join('\n');
  }

  private html(): string {
    const webview = this.panel.webview;
    const nonce = crypto.randomBytes(16).toString('base64');
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'loadtest', name));
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource} data:; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${asset('panel.css')}">
<title>Loopsafe Load Test</title>
</head>
<body>
<main id="app"></main>
<script nonce="${nonce}" src="${asset('panel.js')}"></script>
</body>
</html>`;
  }

  private dispose(): void {
    this.controller?.abort();
    if (LoadTestPanel.current === this) LoadTestPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function defaultFile(name: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, name) : undefined;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
