// Messages between the load-test panel (webview, media/loadtest/panel.js) and the extension host,
// and the panel state the webview keeps and restores.

import type { LoadTestProgress, LoadTestReport } from '../loadtest/types';
import type { LoadTestTarget } from './protocol';

export interface Scenario {
  /** `POST /chat` or the URL when no route is known. */
  title: string;
  url: string;
  method: string;
  connections: number;
  rate?: number;
  durationMs: number;
  probeUrl?: string;
  thresholds: string[];
  /** The route and its static findings, when the run came from a CodeLens or the route picker. */
  target?: LoadTestTarget;
  /** Set when the app was started pointing at the built-in mock LLM. */
  mockLlm?: string;
  /** The workspace folder the app ran in: the panel shows paths relative to it. */
  root?: string;
}

export interface PanelState {
  scenario?: Scenario;
  /** Progress samples of the current run (bounded), for the live charts. */
  progress: LoadTestProgress[];
  report?: LoadTestReport;
  error?: string;
  status?: string;
  running: boolean;
}

export type HostMessage =
  | { type: 'state'; state: PanelState }
  | { type: 'progress'; progress: LoadTestProgress }
  | { type: 'status'; status: string };

export type PanelMessage =
  | { type: 'ready' }
  | { type: 'stop' }
  | { type: 'rerun' }
  | { type: 'save'; format: 'json' | 'html' }
  | { type: 'exportK6' }
  | { type: 'openFinding'; file: string; line: number };

export const MAX_PROGRESS_SAMPLES = 2400;
