// Plain data shared by the engine, the language server and the CLI: positions, findings, fixes.
// Positions are 0-based lines and UTF-16 columns, exactly as LSP counts them.

export type Language = 'python' | 'javascript' | 'typescript' | 'tsx';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export type RuleId =
  | 'blocking-llm-call'
  | 'await-on-sync-call'
  | 'unawaited-llm-call'
  | 'async-client-in-sync-handler'
  | 'llm-call-without-timeout'
  | 'llm-http-without-retry'
  | 'blocking-call-in-async-handler'
  | 'timeout-exceeds-server-limit'
  | 'blocked-at-runtime';

/** One replacement in one file. `file` is an absolute path. */
export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

export type FixSafety = 'safe' | 'unsafe';

export interface Fix {
  title: string;
  safety: FixSafety;
  preferred: boolean;
  edits: TextEdit[];
}

/** A place in the code that a finding points at besides its own range (handler, helper, client). */
export interface Location {
  file: string;
  range: Range;
}

export interface ChainStep {
  name: string;
  file: string;
  range: Range;
}

export interface HandlerInfo {
  name: string;
  file: string;
  range: Range;
  /** e.g. "GET /generate"; absent when the route could not be read statically. */
  route?: string;
  framework: string;
}

export interface RelatedInfo {
  location: Location;
  message: string;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  file: string;
  range: Range;
  message: string;
  handler?: HandlerInfo;
  /** handler → … → call; empty when the call sits directly in the handler. */
  chain: ChainStep[];
  related: RelatedInfo[];
  fixes: Fix[];
}

/** A route the load tester can target (CodeLens "Load test"). */
export interface RouteInfo {
  file: string;
  /** Range of the handler's name, where the CodeLens goes. */
  range: Range;
  handler: string;
  framework: string;
  method: string;
  path: string;
  isAsync: boolean;
}

export interface FileAnalysis {
  file: string;
  language: Language;
  findings: Finding[];
  routes: RouteInfo[];
  /** Non-fatal problems met while analysing (the file still got a result). */
  notes: string[];
  lines: number;
}
