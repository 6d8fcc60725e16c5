// Names and payloads of Loopsafe's own LSP messages, shared by the language server and the client.

export const ExplainRequest = 'loopsafe/explain';
export interface ExplainParams {
  rule: string;
}

/** The ids of the rules the server implements, for pickers. */
export const RulesRequest = 'loopsafe/rules';

export const ScanWorkspaceRequest = 'loopsafe/scanWorkspace';
export interface ScanResult {
  files: number;
  findings: number;
  ms: number;
}

export const StatusNotification = 'loopsafe/status';
export interface StatusParams {
  /** Files with at least one finding. */
  files: number;
  findings: number;
  scanning: boolean;
}

/** What a Loopsafe diagnostic carries in `Diagnostic.data`: its rule and its fixes as plain edits. */
export interface DiagnosticData {
  rule: string;
  fixes: {
    title: string;
    safety: 'safe' | 'unsafe';
    preferred: boolean;
    edits: { file: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
  }[];
}

/** Every detected route of the workspace (for the load-test route picker). */
export const RoutesRequest = 'loopsafe/routes';

/** A route to load-test, as the CodeLens and the route picker hand it to the `loopsafe.loadTest` command. */
export interface LoadTestTarget {
  file: string;
  /** 0-based line of the handler. */
  line: number;
  method: string;
  /** Route path as written (`/chat/{id}`); `?` when the framework does not say. */
  path: string;
  handler: string;
  framework: string;
  isAsync: boolean;
  /** The handler's static findings: the load test shows them next to the probe verdict. */
  findings: { rule: string; message: string; line: number; severity: string }[];
}

/**
 * After a load test with runtime attribution (client → server): the rows of "where the loop was blocked".
 * The server answers the rows with `predicted` set from its static findings, and publishes `blocked-at-runtime`
 * for the others (and "confirmed at runtime" on the predicted ones) until their files change or a later run.
 */
export const RuntimeBlocksRequest = 'loopsafe/runtimeBlocks';
export interface RuntimeBlocksParams {
  /** BlockedRow objects with absolute file paths (src/loadtest/types.ts). */
  rows: unknown[];
  /** What ran, for the messages: "the load test of POST /chat". */
  run: string;
}

export const CommandId = {
  loadTest: 'loopsafe.loadTest',
  explainRule: 'loopsafe.explainRule',
  scanWorkspace: 'loopsafe.scanWorkspace',
  showOutput: 'loopsafe.showOutput',
  restartServer: 'loopsafe.restartServer',
} as const;

export const FIX_ALL_KIND = 'source.fixAll.loopsafe';
