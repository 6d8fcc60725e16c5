// "Loopsafe: Load Test Endpoint…": from a CodeLens (no questions asked) or the palette (route, URL and
// body pickers), checks safety and trust, starts the app and the mock LLM if configured, runs the panel.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { runWithApp } from '../../loadtest/app-run';
import { isLoopbackHost, normalizeLoadTestOptions } from '../../loadtest/options';
import { checkReachable } from '../../loadtest/run';
import type { BlockedRow, LoadTestReport } from '../../loadtest/types';
import type { Scenario } from '../../shared/loadtest-messages';
import { normalizeLoadTestSettings, routeUrl, sendsBody, type LoadTestSettings } from '../../shared/loadtest-settings';
import { RoutesRequest, RuntimeBlocksRequest, type LoadTestTarget } from '../../shared/protocol';
import { LoadTestPanel, type RunRequest } from './panel';

/** What the command accepts: a route (CodeLens), a URL (tests, other commands), or nothing (palette). */
export type LoadTestArg = LoadTestTarget | { url: string; method?: string; body?: string } | undefined;

function isTarget(arg: unknown): arg is LoadTestTarget {
  return typeof arg === 'object' && arg !== null && typeof (arg as LoadTestTarget).path === 'string' && typeof (arg as LoadTestTarget).method === 'string' && typeof (arg as LoadTestTarget).file === 'string';
}

function readSettings(log: (line: string) => void, scope?: vscode.Uri): LoadTestSettings {
  const raw = vscode.workspace.getConfiguration('loopsafe', scope).get('loadTest');
  const { settings, problems } = normalizeLoadTestSettings(raw);
  for (const p of problems) log(`settings: ${p}`);
  return settings;
}

export async function loadTestCommand(extensionUri: vscode.Uri, client: LanguageClient | undefined, log: (line: string) => void, arg: unknown): Promise<LoadTestReport | undefined> {
  const fromLens = isTarget(arg);
  let target: LoadTestTarget | undefined = fromLens ? arg : undefined;
  const settings = readSettings(log, target ? vscode.Uri.file(target.file) : vscode.window.activeTextEditor?.document.uri);
  let url: string | undefined;
  let method = 'GET';
  let body: string | undefined;

  if (!target && typeof arg === 'object' && arg !== null && typeof (arg as { url?: unknown }).url === 'string') {
    const a = arg as { url: string; method?: string; body?: string };
    url = a.url;
    method = (a.method ?? (a.body !== undefined ? 'POST' : 'GET')).toUpperCase();
    body = a.body;
  } else if (!target) {
    // Palette: pick a route of the workspace, or type a URL.
    const routes = client ? await client.sendRequest<LoadTestTarget[]>(RoutesRequest).catch(() => []) : [];
    type Item = vscode.QuickPickItem & { target?: LoadTestTarget };
    const active = vscode.window.activeTextEditor?.document.uri.fsPath;
    const items: Item[] = routes
      .sort((a, b) => Number(b.file === active) - Number(a.file === active) || a.file.localeCompare(b.file) || a.line - b.line)
      .map((t) => ({
        label: `${t.method} ${t.path}`,
        description: `${t.handler} · ${vscode.workspace.asRelativePath(t.file)}:${t.line + 1}`,
        detail: t.findings.length ? `$(warning) ${t.findings.length} Loopsafe finding${t.findings.length === 1 ? '' : 's'}: ${t.findings[0].message.slice(0, 120)}` : undefined,
        target: t,
      }));
    items.push({ label: '$(link) Enter a URL…', alwaysShow: true });
    const picked = await vscode.window.showQuickPick(items, { placeHolder: routes.length ? 'Load-test which route?' : 'No routes detected in the workspace: enter a URL', matchOnDescription: true });
    if (!picked) return undefined;
    target = picked.target;
    const suggested = target ? routeUrl(settings.baseUrl, target.path) : `${settings.baseUrl}/`;
    url = await vscode.window.showInputBox({
      prompt: 'URL to load-test (loopback only unless loopsafe.loadTest.allowRemote)',
      value: suggested,
      validateInput: (v) => {
        try {
          const u = new URL(v);
          return u.protocol === 'http:' || u.protocol === 'https:' ? undefined : 'An http(s) URL';
        } catch {
          return 'Not a URL, e.g. http://127.0.0.1:8000/chat';
        }
      },
    });
    if (!url) return undefined;
    method = target?.method && target.method !== 'WS' ? target.method : 'GET';
    if (sendsBody(method)) {
      body = await vscode.window.showInputBox({ prompt: `Request body for ${method}`, value: settings.body });
      if (body === undefined) return undefined;
    }
  }

  if (target && !url) {
    if (target.method === 'WS') {
      void vscode.window.showWarningMessage('Loopsafe: WebSocket routes cannot be load-tested yet.');
      return undefined;
    }
    url = routeUrl(settings.baseUrl, target.path);
    method = target.method === '*' ? 'GET' : target.method;
    if (sendsBody(method)) body = settings.body;
  }

  const base = new URL(url!);
  const probeUrl = settings.probePath ? new URL(settings.probePath, base.origin).toString() : undefined;
  const normalized = normalizeLoadTestOptions({
    url,
    method,
    body,
    connections: settings.connections,
    durationMs: Math.round(settings.durationSeconds * 1000),
    thresholds: settings.thresholds,
    failOnStall: settings.failOnStall,
    allowRemote: settings.allowRemote,
    sse: settings.sse,
    probe: probeUrl ? { url: probeUrl, fallbacks: ['/docs', '/'] } : undefined,
  });
  if ('error' in normalized) {
    const open = 'Open Settings';
    const choice = await vscode.window.showErrorMessage(`Loopsafe load test: ${normalized.error}`, open);
    if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'loopsafe.loadTest');
    return undefined;
  }
  const options = normalized.options;
  if (!isLoopbackHost(base.hostname)) {
    const go = 'Run against remote host';
    const ok = await vscode.window.showWarningMessage(
      `Load-test ${base.host}? This is not your machine: ${options.connections} connections for ${Math.round(options.durationMs / 1000)} s will hit it. Only do this to servers you own.`,
      { modal: true },
      go,
    );
    if (ok !== go) return undefined;
  }

  const scenario: Scenario = {
    title: target ? `${method} ${target.path === '?' ? base.pathname : target.path}` : `${method} ${base.pathname}`,
    url: options.url,
    method,
    connections: options.connections,
    rate: options.rate,
    durationMs: options.durationMs,
    probeUrl: options.probe?.url,
    thresholds: options.thresholds,
    target,
  };

  const folder = (target ? vscode.workspace.getWorkspaceFolder(vscode.Uri.file(target.file)) : undefined) ?? vscode.workspace.workspaceFolders?.[0];
  const request: RunRequest = { options, scenario };
  if (settings.appCommand) {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showErrorMessage('Loopsafe: starting the app (loopsafe.loadTest.appCommand) needs a trusted workspace. Trust the folder, or start the app yourself and clear the setting.');
      return undefined;
    }
    const cwd = folder?.uri.fsPath ?? process.cwd();
    scenario.root = cwd;
    request.run = async (hooks, status) => {
      log(`starting the app: ${settings.appCommand}${settings.useMockLlm ? ` (mock LLM, ${settings.mockLatencyMs} ms)` : ''}${settings.attribution ? ', with the runtime sampler' : ''}`);
      const { report, mockUrl } = await runWithApp({
        options,
        command: settings.appCommand,
        cwd,
        mockLatencyMs: settings.useMockLlm ? settings.mockLatencyMs : undefined,
        attribution: settings.attribution,
        // The language server matches the rows with its findings and publishes blocked-at-runtime for the rest.
        predict: async (rows) => {
          if (!client) return;
          const answered = await client.sendRequest<BlockedRow[]>(RuntimeBlocksRequest, { rows, run: `the load test of ${scenario.title}` });
          for (const [i, r] of rows.entries()) r.predicted = answered[i]?.file === r.file && answered[i]?.line === r.line ? answered[i].predicted : r.predicted;
        },
        hooks,
        onStatus: status,
        onOutput: (t) => log(`app: ${t.trimEnd()}`),
      });
      if (mockUrl) scenario.mockLlm = mockUrl;
      log('app and mock LLM stopped');
      return report;
    };
  } else {
    const unreachable = await checkReachable(options.url, 1500);
    if (unreachable) {
      const open = 'Set App Command';
      const choice = await vscode.window.showErrorMessage(`Loopsafe load test: ${unreachable}. Start your app, or let Loopsafe start it (loopsafe.loadTest.appCommand).`, open);
      if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'loopsafe.loadTest.appCommand');
      return undefined;
    }
  }
  const panel = LoadTestPanel.show(extensionUri, log);
  return panel.run(request);
}
