// Shared shapes of the load tester: what a run is asked to do, what it reports while running and at the end.
// The report's field names are the public `loadtest --json` contract (ARCHITECTURE §5): add, never rename.

export type LoadModel = "closed" | "open";

export interface LoadTestOptions {
  /** Absolute http(s) URL of the endpoint under test. */
  url: string;
  method: string;
  headers: Record<string, string>;
  /** Request body sent as-is (already serialized), or undefined for none. */
  body?: string;
  /** Closed model: number of connections, each with one request in flight. */
  connections: number;
  /** Open model when set: requests per second, latency measured from the intended send time. */
  rate?: number;
  durationMs: number;
  /** Runs before the measured duration; its requests are excluded from the statistics. */
  warmupMs: number;
  /** Linear ramp of connections or rate over this span at the start of the measured phase. */
  rampMs: number;
  /** Stop after this many requests have been sent (0 = no cap other than duration). */
  maxRequests: number;
  /** Treat responses as server-sent events: measure time to first token and inter-token latency. */
  sse: boolean;
  /** A cheap endpoint requested at a fixed interval during the run, compared with its idle latency. */
  probe?: { url: string; intervalMs: number; fallbacks?: string[] };
  /** Expressions like `p95<800ms`, `errors<1%`, `rps>50`, `blocked<5%`. */
  thresholds: string[];
  /** A stalled event loop fails the run (`stall==0` is added whenever a probe measures); false allows it. */
  failOnStall?: boolean;
  /** Per-request timeout; a request still open at the end counts as in flight, not as an error. */
  requestTimeoutMs: number;
  /** Permit non-loopback targets (the caller must have asked the user). */
  allowRemote: boolean;
}

export interface Percentiles {
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

export interface ProbeReport {
  url: string;
  idleMs: { p50: number };
  loadMs: { p50: number; p99: number; max: number };
  /** Samples of the probe during the run, for the panel's chart: [ms since start, latency ms]. */
  samples?: Array<[number, number]>;
  stalled: boolean;
  /** The probe measured both idle and under load (so `stalled` means something). */
  measured?: boolean;
  /** Why the probe could not measure (404, refused…); `stalled` is then false. */
  error?: string;
  /** Probes still unanswered when the run ended. */
  unansweredAtEnd?: number;
  /** One sentence, e.g. "the event loop stalled: /health p50 1.9 s under load vs 2 ms idle". */
  verdict?: string;
}

/** One code location where the event loop was blocked during the measured window (runtime attribution). */
export interface BlockedRow {
  /** Absolute path as the app ran it; the CLI prints it relative to the working directory. */
  file: string;
  /** 1-based. */
  line: number;
  function: string;
  /** Total blocked time at this location (ms) and its share of the measured loop time (0..1). */
  ms: number;
  share: number;
  count: number;
  /** The longest single block (ms). */
  maxMs: number;
  /** The library call the user's code was in (`requests.api.post`, `execSync`), when there was one. */
  call: string | null;
  /** The static finding's rule at this line or whose chain includes it; null: not predicted. */
  predicted: string | null;
}

/** What the sampler in the app saw (apps Loopsafe starts only). */
export interface AttributionReport {
  /** False when nothing could be measured; `note` says why in one line. */
  available: boolean;
  note?: string;
  /** Loop time measured: the window times the event loops seen (one per worker process). */
  measuredMs: number;
  loops: number;
  blockedMs: number;
  /** blockedMs / measuredMs (0..1). */
  blockedShare: number;
}

export interface ThresholdResult {
  expr: string;
  actual: number | null;
  pass: boolean;
}

export interface LoadTestReport {
  version: 1;
  target: string;
  model: LoadModel;
  durationMs: number;
  sent: number;
  completed: number;
  errors: Record<string, number>;
  inFlightAtEnd: number;
  oldestInFlightMs: number;
  throughputRps: number;
  latencyMs: Percentiles;
  ttfbMs: Percentiles;
  ttftMs: Percentiles | null;
  interTokenMs: Percentiles | null;
  perConnection: { min: number; median: number; max: number; starved: number };
  probe: ProbeReport | null;
  thresholds: ThresholdResult[];
  pass: boolean;
  /** Status code counts of completed requests, e.g. {"200": 120}. */
  statuses?: Record<string, number>;
  /** Latency histogram buckets for the panel: [upper bound ms, count]. */
  histogram?: Array<[number, number]>;
  /** Set when the run stopped early: "cancelled", "target unreachable", … */
  stoppedReason?: string;
  /** Open model: arrivals dropped because too many were already waiting for a connection. */
  dropped?: number;
  connections?: number;
  rate?: number | null;
  /** Wall-clock bounds of the measured phase (ms since the epoch), to match runtime samples against. */
  window?: { start: number; end: number };
  /** Runtime attribution: where the loop was blocked, sorted by blocked time (set when Loopsafe started the app). */
  blockedAt?: BlockedRow[];
  attribution?: AttributionReport;
}

/** Emitted about every 250 ms while a run is going. */
export interface LoadTestProgress {
  elapsedMs: number;
  totalMs: number;
  phase: "warmup" | "measure" | "drain";
  sent: number;
  completed: number;
  errors: number;
  inFlight: number;
  /** Completions per second over the last interval. */
  rps: number;
  /** Latency percentiles of the last interval (ms), null before the first completion. */
  p50: number | null;
  p95: number | null;
  /** Latest probe latency (ms), if a probe runs. */
  probeMs: number | null;
}

export interface LoadTestHooks {
  signal?: AbortSignal;
  onProgress?: (progress: LoadTestProgress) => void;
}

// The module that runs a test exports (src/loadtest/run.ts):
//   runLoadTest(options: LoadTestOptions, hooks?: LoadTestHooks): Promise<LoadTestReport>
//   normalizeLoadTestOptions(partial): { options: LoadTestOptions } | { error: string }
//   toK6Script(options: LoadTestOptions): string
