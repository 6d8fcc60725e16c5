// The Loopsafe language server: keeps a workspace of Python/JS/TS files, publishes findings as
// diagnostics (debounced, cross-file), scans the workspace on start, and serves code actions.

import * as crypto from 'crypto';
import * as path from 'path';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_EXCLUDED_DIRS, Engine, RULE_IDS, Workspace, defaultWasmDir, discoverFiles, getRule, languageOf, renderRuleDocs, fixAll, safeFixOf, type FileAnalysis, type RuleId, type TextEdit } from '../engine/api';
import { CommandId, ExplainRequest, FIX_ALL_KIND, RoutesRequest, RulesRequest, ScanWorkspaceRequest, StatusNotification, type DiagnosticData, type ExplainParams, type LoadTestTarget, type ScanResult } from '../shared/protocol';
import { afterBom, pathToUri, toDiagnostic, toWorkspaceEdit, uriToPath, type RangeMap } from './convert';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';
import { RUNTIME_RULE, RuntimeFindings } from './runtime-findings';
import { RuntimeBlocksRequest, type RuntimeBlocksParams } from '../shared/protocol';
import { ServerProject } from './project';
import { ServerBaseline } from './baseline';
import { SOURCE_GLOBS, clientProfile, pushedSettings, type ClientProfile } from './client-profile';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let engine: Engine | undefined;
let workspace: Workspace | undefined;
let settings: Settings = DEFAULT_SETTINGS;
let folders: string[] = [];
let hasConfiguration = false;
let canWatchFiles = false;
let profile: ClientProfile = { vscode: false, settings: undefined };
/** Settings pushed by a client without `workspace/configuration` (they replace the initialize ones). */
let pushed: unknown;
const uris = new Map<string, string>(); // path → the URI the client uses for it
const published = new Map<string, { count: number; sent: string }>(); // path → findings currently shown (count, as sent)
const timers = new Map<string, NodeJS.Timeout>();
let scanning = false;
let lastProblems = '';

const runtime = new RuntimeFindings();
const log = (message: string): void => connection.console.log(`[loopsafe] ${message}`);

process.on('uncaughtException', (err) => log(`internal error (kept running): ${err.message}`));
process.on('unhandledRejection', (err) => log(`internal error (kept running): ${err instanceof Error ? err.message : String(err)}`));

const uriOf = (file: string): string => pathToUri(file, uris);
const baselines = new ServerBaseline(log);
const project = new ServerProject(log, (message) => void connection.window.showWarningMessage(message));

/** Open buffers starting with a BOM: the engine gets their text without it (as for files read from disk). */
const bomFiles = new Set<string>();

/** The text of an open document as the engine sees it: a leading BOM is not part of the code. */
function bufferText(file: string, doc: TextDocument): string {
  const text = doc.getText();
  if (text.charCodeAt(0) === 0xfeff) {
    bomFiles.add(file);
    return text.slice(1);
  }
  bomFiles.delete(file);
  return text;
}

/** Engine positions to the client's (one character later on the first line of a buffer with a BOM). */
const toClient: RangeMap = (file, range) => (bomFiles.has(file) ? afterBom(range) : range);

connection.onInitialize(async (params: InitializeParams) => {
  hasConfiguration = params.capabilities.workspace?.configuration === true;
  canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  profile = clientProfile(params.initializationOptions);
  folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
  if (folders.length === 0 && params.rootUri) {
    const root = uriToPath(params.rootUri);
    if (root) folders.push(root);
  }
  engine = await Engine.create(defaultWasmDir(__dirname));
  workspace = new Workspace(engine);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      // The "Load test" lens runs a command of the VS Code extension: other editors get none.
      ...(profile.vscode ? { codeLensProvider: { resolveProvider: true } } : {}),
      workspace: { workspaceFolders: { supported: true } },
    },
    serverInfo: { name: 'loopsafe' },
  };
});

connection.onInitialized(async () => {
  if (hasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  // Project config files (loopsafe.toml, pyproject.toml, package.json): re-analyse when one changes.
  if (canWatchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [...ServerProject.globs, ...ServerBaseline.globs, ...(profile.vscode ? [] : SOURCE_GLOBS)].map((globPattern) => ({ globPattern })) });
  await refreshSettings();
  if (workspace) project.refresh(workspace);
  if (settings.scanOnStartup && settings.enable) void scanWorkspace();
});

async function refreshSettings(): Promise<void> {
  let raw: unknown;
  try {
    raw = hasConfiguration ? await connection.workspace.getConfiguration({ section: 'loopsafe' }) : (pushed ?? profile.settings);
  } catch {
    raw = undefined;
  }
  const parsed = parseSettings(raw);
  settings = parsed.settings;
  const problems = parsed.problems.join('; ');
  if (problems && problems !== lastProblems) log(`settings: ${problems}`);
  lastProblems = problems;
  if (workspace) workspace.options = settings.analyze;
}

connection.onDidChangeConfiguration(async (params) => {
  if (!hasConfiguration) pushed = pushedSettings(params?.settings) ?? pushed;
  await refreshSettings();
  if (!settings.enable) {
    for (const file of [...published.keys()]) publish(file, undefined);
    return;
  }
  publishAll();
});

/** Analyses one file and publishes its diagnostics; never throws. */
/** `findingsOnly`: routes are not wanted (diagnostics), so files no rule can report on are not parsed. */
function analyzeSafely(file: string, findingsOnly = false): FileAnalysis | undefined {
  if (!workspace) return undefined;
  try {
    const result = workspace.analyze(file, findingsOnly ? { routes: false } : undefined);
    for (const note of result?.notes ?? []) log(note);
    return result;
  } catch (err) {
    log(`${file}: analysis failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    return undefined;
  }
}

function publish(file: string, result: FileAnalysis | undefined): void {
  const findings = settings.enable && result ? result.findings : [];
  let diagnostics: Diagnostic[] = findings.map((f) => toDiagnostic(f, uriOf, toClient));
  // Baselined findings first (diagnostics and findings still pair up one to one).
  if (workspace && findings.length > 0) diagnostics = baselines.apply(workspace, file, folders, findings, diagnostics, settings.baseline);
  // What the last load test saw at runtime in this file (cleared once the file's text changed).
  if (settings.enable) diagnostics = runtime.decorate(file, diagnostics, workspace?.text(file), settings.analyze.rules?.[RUNTIME_RULE], uriOf(file), (range) => toClient(file, range));
  if (diagnostics.length === 0 && !published.has(file)) return;
  // Files re-analysed because a neighbour changed mostly come out the same: they are not sent again.
  const sent = diagnostics.length > 0 ? crypto.createHash('sha1').update(JSON.stringify(diagnostics)).digest('base64') : '';
  if (sent && published.get(file)?.sent === sent) return;
  void connection.sendDiagnostics({ uri: uriOf(file), diagnostics });
  if (diagnostics.length > 0) published.set(file, { count: diagnostics.length, sent });
  else published.delete(file);
}

function sendStatus(): void {
  let findings = 0;
  for (const p of published.values()) findings += p.count;
  void connection.sendNotification(StatusNotification, { files: published.size, findings, scanning });
}

function publishFiles(files: Iterable<string>): void {
  for (const file of files) publish(file, analyzeSafely(file, true));
  sendStatus();
}

function publishAll(): void {
  if (workspace) publishFiles(workspace.files());
}

function scheduleAnalysis(doc: TextDocument): void {
  const file = uriToPath(doc.uri, doc.languageId);
  if (!file || !workspace || !languageOf(file)) return;
  uris.set(file, doc.uri);
  workspace.upsert(file, bufferText(file, doc));
  const pending = timers.get(file);
  if (pending) clearTimeout(pending);
  timers.set(
    file,
    setTimeout(() => {
      timers.delete(file);
      if (!settings.enable || !workspace) return;
      try {
        publishFiles(workspace.affectedBy(file));
      } catch (err) {
        log(`${file}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }, settings.debounceMs),
  );
}

documents.onDidOpen((e) => {
  scheduleAnalysis(e.document);
  // A file under a project config not looked up yet: its extension points count from now on.
  if (workspace) project.refresh(workspace);
});
documents.onDidChangeContent((e) => scheduleAnalysis(e.document));
/** True when the workspace scan would read `file`: under a workspace folder, in no excluded folder. */
function inWorkspace(file: string): boolean {
  const excluded = new Set([...DEFAULT_EXCLUDED_DIRS, ...settings.exclude]);
  return folders.some((folder) => {
    const rel = path.relative(folder, file);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    const dirs = rel.split(path.sep).slice(0, -1);
    return !dirs.some((d) => excluded.has(d) || d.endsWith('.egg-info'));
  });
}

documents.onDidClose((e) => {
  const file = uriToPath(e.document.uri, e.document.languageId);
  if (!file || !workspace) return;
  bomFiles.delete(file);
  const pending = timers.get(file);
  if (pending) clearTimeout(pending);
  timers.delete(file);
  // A workspace file goes back to its text on disk (findings of a scanned file stay in the Problems panel).
  // An untitled buffer, or a file from outside the workspace folders, leaves the workspace: memory is
  // bounded by the workspace, not by every file ever opened.
  if (e.document.uri.startsWith('file:') && inWorkspace(file)) workspace.load(file);
  else workspace.remove(file);
  if (!workspace.has(file)) publish(file, undefined);
  // What it reached (importers, helpers) is published again, with it or without it.
  publishFiles(workspace.affectedBy(file));
  if (!workspace.has(file)) uris.delete(file);
});

connection.onDidChangeWatchedFiles((params) => {
  if (!workspace) return;
  const touched: string[] = [];
  let limitsChanged = false;
  let configChanged = false;
  for (const change of params.changes) {
    const file = uriToPath(change.uri);
    if (!file) continue;
    if (ServerProject.isConfigFile(file)) configChanged = true;
    if (baselines.isBaselineFile(file)) {
      baselines.invalidate();
      configChanged = true;
    }
    const limitSource = Workspace.isLimitSource(file);
    if (!languageOf(file) && !limitSource) continue;
    if (documents.get(change.uri)) continue; // the open buffer wins
    if (change.type === FileChangeType.Deleted) {
      workspace.remove(file);
      if (languageOf(file)) {
        publish(file, undefined);
        touched.push(file); // the files it reached are published again
      }
    } else {
      workspace.load(file);
      if (languageOf(file)) touched.push(file);
    }
    // A server or proxy limit changed: every handler may be affected.
    if (limitSource) limitsChanged = true;
  }
  if (configChanged) {
    baselines.invalidate();
    project.refresh(workspace, true);
  }
  if (limitsChanged || configChanged) {
    publishAll();
    return;
  }
  const affected = new Set<string>();
  for (const f of touched) for (const a of workspace.affectedBy(f)) affected.add(a);
  publishFiles(affected);
});

async function scanWorkspace(): Promise<ScanResult> {
  const started = Date.now();
  if (!workspace || scanning) return { files: 0, findings: 0, ms: 0 };
  scanning = true;
  const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  try {
    const excluded = new Set([...DEFAULT_EXCLUDED_DIRS, ...settings.exclude]);
    const { files, notes } = discoverFiles(folders, { excludedDirs: excluded });
    progress?.begin('Loopsafe', 0, `scanning ${files.length} files`, true);
    for (const n of notes) log(n);
    for (const file of files) {
      if (!uris.has(file) || !documents.get(uris.get(file)!)) {
        const note = workspace.load(file);
        if (note) log(note);
      }
    }
    project.refresh(workspace);
    let done = 0;
    let findings = 0;
    for (const file of files) {
      if (progress?.token.isCancellationRequested) break;
      const result = analyzeSafely(file, true);
      publish(file, result);
      findings += result?.findings.length ?? 0;
      if (++done % 50 === 0) progress?.report(Math.round((done / files.length) * 100), `${done}/${files.length} files`);
    }
    log(`scanned ${files.length} files in ${Date.now() - started} ms: ${findings} findings`);
    return { files: files.length, findings, ms: Date.now() - started };
  } finally {
    scanning = false;
    progress?.done();
    sendStatus();
  }
}

connection.onRequest(ScanWorkspaceRequest, () => scanWorkspace());

connection.onHover((params) => {
  try {
    const doc = documents.get(params.textDocument.uri);
    const file = uriToPath(params.textDocument.uri, doc?.languageId);
    if (!file || !workspace || !settings.enable) return null;
    if (doc) workspace.upsert(file, bufferText(file, doc));
    const p = params.position;
    const markdown = workspace.hover(file, bomFiles.has(file) && p.line === 0 ? { line: 0, character: Math.max(0, p.character - 1) } : p);
    return markdown ? { contents: { kind: 'markdown', value: markdown } } : null;
  } catch (err) {
    log(`hover failed: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
});

/** A handler's identity in its file: where its name starts (two handlers may share a name, never a place). */
const handlerKey = (file: string, range: { start: { line: number; character: number } }): string => `${file}\u0000${range.start.line}:${range.start.character}`;

/** Load-test targets of one analysed file: its routes, each with its own handler's findings (by identity, not by name). */
function loadTestTargets(result: FileAnalysis): LoadTestTarget[] {
  const byHandler = new Map<string, LoadTestTarget['findings']>();
  for (const f of result.findings) {
    if (!f.handler) continue;
    const key = handlerKey(f.handler.file, f.handler.range);
    let list = byHandler.get(key);
    if (!list) byHandler.set(key, (list = []));
    list.push({ rule: f.rule, message: f.message, line: f.range.start.line, severity: f.severity });
  }
  return result.routes.map((route) => ({
    file: route.file,
    line: route.range.start.line,
    method: route.method,
    path: route.path,
    handler: route.handler,
    framework: route.framework,
    isAsync: route.isAsync,
    findings: byHandler.get(handlerKey(route.file, route.range)) ?? [],
  }));
}

/** What an unresolved lens carries: which route of which document (its details are looked up on resolve). */
interface LensData {
  uri: string;
  route: number;
  line: number;
}

function lensRange(line: number) {
  return { start: { line, character: 0 }, end: { line, character: 0 } };
}

/** Lenses come back without their command: the client resolves the visible ones (`codeLens/resolve`). */
connection.onCodeLens((params) => {
  try {
    const doc = documents.get(params.textDocument.uri);
    const file = uriToPath(params.textDocument.uri, doc?.languageId);
    if (!file || !workspace || !settings.enable || !settings.codeLens) return [];
    if (doc) workspace.upsert(file, bufferText(file, doc));
    const result = analyzeSafely(file);
    if (!result) return [];
    return result.routes.map((route, i) => {
      const data: LensData = { uri: params.textDocument.uri, route: i, line: route.range.start.line };
      return { range: lensRange(route.range.start.line), data };
    });
  } catch (err) {
    log(`code lens failed: ${err instanceof Error ? err.message : String(err)}`);
    return [];
  }
});

/** The targets of the document whose lenses are being resolved, until anything in the workspace changes. */
let lensTargets: { file: string; revision: number; settings: Settings; targets: LoadTestTarget[] } | undefined;

connection.onCodeLensResolve((lens) => {
  try {
    const data = lens.data as Partial<LensData> | undefined;
    const doc = typeof data?.uri === 'string' ? documents.get(data.uri) : undefined;
    const file = typeof data?.uri === 'string' ? uriToPath(data.uri, doc?.languageId) : undefined;
    if (!file || !workspace || typeof data?.route !== 'number') return lens;
    if (doc) workspace.upsert(file, bufferText(file, doc));
    if (lensTargets?.file !== file || lensTargets.revision !== workspace.revision || lensTargets.settings !== settings) {
      const result = analyzeSafely(file);
      lensTargets = { file, revision: workspace.revision, settings, targets: result ? loadTestTargets(result) : [] };
    }
    // The document may have changed since the lens was made: the route at that index, else the one on that line.
    const targets = lensTargets.targets;
    const target = targets[data.route]?.line === data.line ? targets[data.route] : targets.find((t) => t.line === data.line);
    if (!target) return { ...lens, command: { title: '$(pulse) Load test', command: CommandId.loadTest, arguments: [] } };
    const predicted = target.findings.some((f) => f.rule === 'blocking-llm-call' || f.rule === 'blocking-call-in-async-handler');
    const route = target.path === '?' ? target.handler : `${target.method} ${target.path}`;
    return {
      range: lens.range,
      command: {
        title: predicted ? `$(pulse) Load test ${route} — prove the predicted stall` : `$(pulse) Load test ${route}`,
        command: CommandId.loadTest,
        arguments: [target],
      },
    };
  } catch (err) {
    log(`code lens failed: ${err instanceof Error ? err.message : String(err)}`);
    return lens;
  }
});

connection.onRequest(RoutesRequest, (): LoadTestTarget[] => {
  if (!workspace) return [];
  const out: LoadTestTarget[] = [];
  for (const file of workspace.files()) {
    const result = analyzeSafely(file);
    if (result) out.push(...loadTestTargets(result));
  }
  return out;
});

connection.onRequest(RulesRequest, () => [...RULE_IDS]);

connection.onRequest(RuntimeBlocksRequest, (params: RuntimeBlocksParams) => {
  try {
    const { rows, touched } = runtime.update(params, (file) => analyzeSafely(file, true)?.findings ?? [], (file) => workspace?.text(file));
    publishFiles(touched.filter((f) => workspace?.has(f)));
    return rows;
  } catch (err) {
    log(`runtime findings failed: ${err instanceof Error ? err.message : String(err)}`);
    return [];
  }
});

connection.onRequest(ExplainRequest, (params: ExplainParams) => {
  const rule = getRule(params?.rule ?? '');
  return rule ? renderRuleDocs(rule) : `Unknown rule \`${String(params?.rule)}\`.`;
});

function loopsafeDiagnostics(params: CodeActionParams): (Diagnostic & { data: DiagnosticData })[] {
  return params.context.diagnostics.filter((d): d is Diagnostic & { data: DiagnosticData } => d.source === 'loopsafe' && typeof d.data === 'object' && d.data !== null && Array.isArray((d.data as DiagnosticData).fixes));
}

/** Fix-all's edits for `file` (optionally one rule's findings): merged, re-analysed until converged; never throws. */
function fixAllEdits(file: string, rule?: RuleId): TextEdit[] {
  if (!workspace) return [];
  try {
    const result = fixAll(workspace, file, { rule });
    if (!result.converged) log(`${file}: fix-all stopped after ${result.passes} passes with fixable findings left`);
    return result.edits;
  } catch (err) {
    log(`${file}: fix-all failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    return [];
  }
}

connection.onCodeAction((params): CodeAction[] => {
  try {
    const only = params.context.only;
    const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) || k === CodeActionKind.SourceFixAll) ?? false;
    const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k));
    const actions: CodeAction[] = [];
    const doc = documents.get(params.textDocument.uri);
    const file = uriToPath(params.textDocument.uri, doc?.languageId);
    if (file && doc && workspace && languageOf(file)) workspace.upsert(file, bufferText(file, doc));
    if (wantsFixAll && file && workspace) {
      // Per finding: its preferred fix when that is safe, else its first safe fix; never an unsafe one.
      const edits = fixAllEdits(file);
      if (edits.length > 0) actions.push({ title: 'Loopsafe: fix all safe problems', kind: FIX_ALL_KIND, edit: toWorkspaceEdit(edits, uriOf, toClient) });
    }
    if (!wantsQuickFix) return actions;
    const diags = loopsafeDiagnostics(params);
    // Two findings on one call often share a fix (the async client fixes both): offer it once.
    const byFix = new Map<string, CodeAction>();
    for (const d of diags) {
      for (const fix of d.data.fixes) {
        const key = `${fix.title}\u0000${JSON.stringify(fix.edits)}`;
        const existing = byFix.get(key);
        if (existing) {
          existing.diagnostics!.push(d);
          existing.isPreferred = existing.isPreferred || fix.preferred;
          continue;
        }
        const action: CodeAction = {
          title: fix.safety === 'unsafe' ? `${fix.title} (unsafe)` : fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fix.preferred,
          edit: toWorkspaceEdit(fix.edits, uriOf),
        };
        byFix.set(key, action);
        actions.push(action);
      }
    }
    // One suppress and one explain action per rule under the cursor.
    const rules = new Map<string, Diagnostic>();
    for (const d of diags) if (!rules.has(d.data.rule)) rules.set(d.data.rule, d);
    for (const [rule, d] of rules) {
      const suppress = file && doc && engine && languageOf(file) ? engine.suppressionEdit(file, bufferText(file, doc), d.range.start.line, rule as RuleId) : undefined;
      if (suppress) {
        actions.push({
          title: `Suppress \`${rule}\` on this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: toWorkspaceEdit([suppress], () => params.textDocument.uri, toClient),
        });
      }
      actions.push({ title: `Explain rule \`${rule}\``, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: 'Explain rule', command: CommandId.explainRule, arguments: [rule] } });
      // Fix all of this rule in the file (safe fixes only) when there are several.
      if (file && workspace) {
        const result = analyzeSafely(file);
        const ofRule = (result?.findings ?? []).filter((f) => f.rule === rule);
        const safe = ofRule.map(safeFixOf).filter((x) => x !== undefined);
        if (ofRule.length > 1 && safe.length > 1) {
          const edits = fixAllEdits(file, rule as RuleId);
          if (edits.length > 0) actions.push({ title: `Fix all \`${rule}\` problems in this file (safe fixes)`, kind: CodeActionKind.QuickFix, edit: toWorkspaceEdit(edits, uriOf, toClient) });
        }
      }
    }
    return actions;
  } catch (err) {
    log(`code actions failed: ${err instanceof Error ? err.message : String(err)}`);
    return [];
  }
});

documents.listen(connection);
connection.listen();

void path;
