// `loopsafe.loadTest.*` settings, normalized with safe defaults (never trusted), and how a route
// plus a base URL becomes the URL to load-test.

export interface LoadTestSettings {
  baseUrl: string;
  connections: number;
  durationSeconds: number;
  probePath: string;
  thresholds: string[];
  allowRemote: boolean;
  /** Shell command that starts the app (trusted workspaces only), e.g. `uvicorn main:app --port 8000`. */
  appCommand: string;
  /** Point the started app at the built-in mock LLM (OPENAI_BASE_URL, ANTHROPIC_BASE_URL). */
  useMockLlm: boolean;
  mockLatencyMs: number;
  /** Request body for POST, PUT and PATCH routes. */
  body: string;
  sse: boolean;
  /** A stalled event loop (the probe's verdict) fails the run. */
  failOnStall: boolean;
  /** Apps Loopsafe starts get the runtime sampler: where the loop was blocked. */
  attribution: boolean;
}

export const LOAD_TEST_DEFAULTS: LoadTestSettings = {
  baseUrl: 'http://127.0.0.1:8000',
  connections: 10,
  durationSeconds: 10,
  probePath: '/health',
  thresholds: ['p95<2s', 'errors<1%'],
  allowRemote: false,
  appCommand: '',
  useMockLlm: true,
  mockLatencyMs: 200,
  body: '{"message": "Hello"}',
  sse: false,
  failOnStall: true,
  attribution: true,
};

export function normalizeLoadTestSettings(raw: unknown): { settings: LoadTestSettings; problems: string[] } {
  const o = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const problems: string[] = [];
  const d = LOAD_TEST_DEFAULTS;
  const str = (key: keyof LoadTestSettings, fallback: string): string => {
    const v = o[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'string') {
      problems.push(`loopsafe.loadTest.${key}: expected a string; "${fallback}" used`);
      return fallback;
    }
    return v;
  };
  const num = (key: keyof LoadTestSettings, fallback: number, min: number, max: number): number => {
    const v = o[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      problems.push(`loopsafe.loadTest.${key}: "${String(v)}" is not a number between ${min} and ${max}; ${fallback} used`);
      return fallback;
    }
    return v;
  };
  const bool = (key: keyof LoadTestSettings, fallback: boolean): boolean => {
    const v = o[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') {
      problems.push(`loopsafe.loadTest.${key}: "${String(v)}" is not true or false; ${fallback} used`);
      return fallback;
    }
    return v;
  };
  let baseUrl = str('baseUrl', d.baseUrl).trim().replace(/\/+$/, '');
  try {
    const u = new URL(baseUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
  } catch {
    problems.push(`loopsafe.loadTest.baseUrl: "${baseUrl}" is not an http(s) URL; ${d.baseUrl} used`);
    baseUrl = d.baseUrl;
  }
  let probePath = str('probePath', d.probePath).trim();
  if (probePath && !probePath.startsWith('/') && !/^https?:\/\//.test(probePath)) probePath = `/${probePath}`;
  const thresholdsRaw = o.thresholds;
  let thresholds = d.thresholds;
  if (thresholdsRaw !== undefined) {
    if (Array.isArray(thresholdsRaw) && thresholdsRaw.every((t) => typeof t === 'string')) thresholds = thresholdsRaw as string[];
    else problems.push('loopsafe.loadTest.thresholds: expected a list of strings like "p95<800ms"; defaults used');
  }
  return {
    settings: {
      baseUrl,
      connections: Math.round(num('connections', d.connections, 1, 1000)),
      durationSeconds: num('durationSeconds', d.durationSeconds, 1, 600),
      probePath,
      thresholds,
      allowRemote: bool('allowRemote', d.allowRemote),
      appCommand: str('appCommand', d.appCommand).trim(),
      useMockLlm: bool('useMockLlm', d.useMockLlm),
      mockLatencyMs: num('mockLatencyMs', d.mockLatencyMs, 0, 600_000),
      body: str('body', d.body),
      sse: bool('sse', d.sse),
      failOnStall: bool('failOnStall', d.failOnStall),
      attribution: bool('attribution', d.attribution),
    },
    problems,
  };
}

/** Route path with its parameters filled (`/chat/{id}` → `/chat/1`, `/u/:name` → `/u/1`), joined to the base URL. */
export function routeUrl(baseUrl: string, routePath: string): string {
  const filled = (routePath === '?' || routePath === '' ? '/' : routePath)
    .replace(/\{[^}/]+\}/g, '1')
    .replace(/<(?:[^:>]+:)?[^>]+>/g, '1')
    .replace(/:(\w+)\??/g, '1')
    .replace(/\[\.{3}\w+\]|\[\w+\]/g, '1')
    .replace(/\*+/g, '1');
  const base = baseUrl.replace(/\/+$/, '');
  return base + (filled.startsWith('/') ? filled : `/${filled}`);
}

/** Methods that send the configured body. */
export function sendsBody(method: string): boolean {
  return ['POST', 'PUT', 'PATCH'].includes(method.toUpperCase());
}
