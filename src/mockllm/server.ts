// The mock LLM upstream: OpenAI-compatible (chat completions JSON and SSE, completions, embeddings,
// models) and Anthropic messages, with latency, time to first token, chunking and error injection.

import * as http from 'http';
import type { AddressInfo } from 'net';

export interface MockLlmOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** Total response time of a request (the last chunk for streams). */
  latencyMs: number;
  /** Streams: time of the first content chunk. */
  ttftMs: number;
  /** Streams: content chunks per response. */
  chunks: number;
  /** Share of requests (0–1) answered with an injected error. */
  errorRate: number;
  /** Statuses the injected errors rotate through. */
  errorStatuses: number[];
  /** `retry-after` seconds sent with injected 429 and 503. */
  retryAfterS: number;
}

export const MOCK_DEFAULTS: MockLlmOptions = { port: 8100, host: '127.0.0.1', latencyMs: 200, ttftMs: 100, chunks: 8, errorRate: 0, errorStatuses: [429, 500, 503], retryAfterS: 1 };

export interface MockLlm {
  url: string;
  port: number;
  stats(): MockStats;
  close(): Promise<void>;
}

export interface MockStats {
  total: number;
  inFlight: number;
  maxInFlight: number;
  byStatus: Record<string, number>;
}

const WORDS = ['Sure', 'here', 'is', 'a', 'mock', 'answer', 'from', 'Loopsafe', 'no', 'tokens', 'were', 'billed', 'for', 'this', 'reply', 'today'];

export function startMockLlm(partial: Partial<MockLlmOptions> = {}): Promise<MockLlm> {
  const options: MockLlmOptions = { ...MOCK_DEFAULTS, ...partial };
  const problem = checkOptions(options);
  if (problem) return Promise.reject(new Error(problem));
  const stats: MockStats = { total: 0, inFlight: 0, maxInFlight: 0, byStatus: {} };
  let errorTurn = 0;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://mock');
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= 8 * 1024 * 1024) chunks.push(c);
    });
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        if (text.trim()) body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return send(res, 400, { error: { message: 'request body is not JSON', type: 'invalid_request_error' } });
      }
      route(req, res, url, body);
    });
  });
  server.requestTimeout = 0; // 35 s latencies must work
  server.keepAliveTimeout = 30_000;

  const send = (res: http.ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}) => {
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(payload));
  };

  const track = (res: http.ServerResponse) => {
    stats.total++;
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      stats.inFlight--;
    };
    res.on('finish', finish);
    res.on('close', finish);
  };

  const route = (req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: Record<string, unknown>) => {
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (method === 'GET' && (path === '/health' || path === '/')) return send(res, 200, { ok: true });
    if (method === 'GET' && path === '/stats') return send(res, 200, stats);
    if (method === 'POST' && path === '/stats/reset') {
      Object.assign(stats, { total: 0, maxInFlight: stats.inFlight, byStatus: {} });
      return send(res, 200, { ok: true });
    }
    if (method === 'GET' && path === '/v1/models') return send(res, 200, { object: 'list', data: [{ id: 'mock-1', object: 'model', created: 0, owned_by: 'loopsafe' }] });

    const kind =
      method === 'POST' && path === '/v1/chat/completions' ? 'chat' : method === 'POST' && path === '/v1/completions' ? 'completion' : method === 'POST' && path === '/v1/embeddings' ? 'embeddings' : method === 'POST' && path === '/v1/messages' ? 'anthropic' : undefined;
    if (!kind) return send(res, 404, { error: { message: `the mock LLM has no ${method} ${url.pathname}`, type: 'not_found' } });

    track(res);
    const latency = overrideNumber(req.headers['x-mock-latency-ms'], url.searchParams.get('latency_ms')) ?? options.latencyMs;
    const forced = overrideNumber(req.headers['x-mock-status'], url.searchParams.get('status'));
    const injected = forced ?? (options.errorRate > 0 && Math.random() < options.errorRate ? options.errorStatuses[errorTurn++ % options.errorStatuses.length] : undefined);
    const timers: NodeJS.Timeout[] = [];
    res.on('close', () => timers.forEach(clearTimeout));
    const later = (ms: number, fn: () => void) => timers.push(setTimeout(fn, Math.max(0, ms)));

    if (injected !== undefined && injected >= 400) {
      const retryAfter = overrideNumber(req.headers['x-mock-retry-after'], null) ?? options.retryAfterS;
      const headers: Record<string, string> = injected === 429 || injected === 503 ? { 'retry-after': String(retryAfter) } : {};
      const type = injected === 429 ? 'rate_limit_error' : injected === 503 ? 'overloaded_error' : 'api_error';
      // Errors come back quickly, as real rate limits do.
      later(Math.min(latency, 20), () =>
        send(res, injected, kind === 'anthropic' ? { type: 'error', error: { type, message: `mock ${injected}` } } : { error: { message: `mock ${injected}`, type, code: String(injected) } }, headers),
      );
      return;
    }

    const model = typeof body.model === 'string' ? body.model : 'mock-1';
    const id = `mock-${Date.now().toString(36)}-${stats.total}`;
    const words = Math.max(1, options.chunks);
    const text = Array.from({ length: words }, (_, i) => WORDS[i % WORDS.length]).join(' ');

    if (kind === 'embeddings') {
      const inputs = Array.isArray(body.input) ? body.input : [body.input ?? ''];
      return later(latency, () =>
        send(res, 200, { object: 'list', model, data: inputs.map((_, index) => ({ object: 'embedding', index, embedding: Array.from({ length: 8 }, (_, k) => Math.sin(index + k)) })), usage: { prompt_tokens: inputs.length, total_tokens: inputs.length } }),
      );
    }

    if (body.stream !== true) {
      return later(latency, () => {
        if (kind === 'anthropic') {
          send(res, 200, { id, type: 'message', role: 'assistant', model, content: [{ type: 'text', text }], stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 10, output_tokens: words } });
        } else if (kind === 'completion') {
          send(res, 200, { id, object: 'text_completion', created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, text, finish_reason: 'stop', logprobs: null }], usage: { prompt_tokens: 10, completion_tokens: words, total_tokens: 10 + words } });
        } else {
          send(res, 200, {
            id,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model,
            system_fingerprint: 'fp_mock',
            choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop', logprobs: null }],
            usage: { prompt_tokens: 10, completion_tokens: words, total_tokens: 10 + words },
          });
        }
      });
    }

    // Streams: headers at once, first content chunk at ttft, the rest spread evenly until the latency.
    stats.byStatus[200] = (stats.byStatus[200] ?? 0) + 1;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const ttft = Math.min(overrideNumber(req.headers['x-mock-ttft-ms'], null) ?? options.ttftMs, latency);
    const step = words > 1 ? (latency - ttft) / (words - 1) : 0;
    const event = (name: string | undefined, data: unknown) => res.write(`${name ? `event: ${name}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
    const created = Math.floor(Date.now() / 1000);
    const chunk = (delta: Record<string, unknown>, finish: string | null) => ({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }] });
    if (kind === 'anthropic') {
      event('message_start', { type: 'message_start', message: { id, type: 'message', role: 'assistant', model, content: [], stop_reason: null, usage: { input_tokens: 10, output_tokens: 0 } } });
      event('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    } else if (kind === 'chat') {
      event(undefined, chunk({ role: 'assistant', content: '' }, null));
    }
    for (let i = 0; i < words; i++) {
      const word = (i === 0 ? '' : ' ') + WORDS[i % WORDS.length];
      later(ttft + step * i, () => {
        if (kind === 'anthropic') event('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: word } });
        else if (kind === 'completion') event(undefined, { id, object: 'text_completion', created, model, choices: [{ index: 0, text: word, finish_reason: null }] });
        else event(undefined, chunk({ content: word }, null));
      });
    }
    later(latency, () => {
      if (kind === 'anthropic') {
        event('content_block_stop', { type: 'content_block_stop', index: 0 });
        event('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: words } });
        event('message_stop', { type: 'message_stop' });
      } else {
        event(undefined, kind === 'chat' ? chunk({}, 'stop') : { id, object: 'text_completion', created, model, choices: [{ index: 0, text: '', finish_reason: 'stop' }] });
        const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
        if (streamOptions?.include_usage) event(undefined, { id, object: 'chat.completion.chunk', created, model, choices: [], usage: { prompt_tokens: 10, completion_tokens: words, total_tokens: 10 + words } });
        event(undefined, '[DONE]');
      }
      res.end();
    });
  };

  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(new Error(err.code === 'EADDRINUSE' ? `port ${options.port} is already in use: choose another with --port (or 0 for any free port)` : err.code === 'EACCES' ? `no permission to listen on port ${options.port}` : `the mock LLM cannot listen on ${options.host}:${options.port}: ${err.message}`));
    });
    server.listen(options.port, options.host, () => {
      const port = (server.address() as AddressInfo).port;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${host}:${port}`,
        port,
        stats: () => ({ ...stats, byStatus: { ...stats.byStatus } }),
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function checkOptions(o: MockLlmOptions): string | undefined {
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) return `port ${o.port} is not a port number (0–65535)`;
  if (!(o.latencyMs >= 0) || o.latencyMs > 30 * 60_000) return 'latency must be between 0 and 30 minutes';
  if (!(o.ttftMs >= 0)) return 'time to first token must be ≥ 0';
  if (!Number.isInteger(o.chunks) || o.chunks < 1 || o.chunks > 10_000) return 'chunks must be a whole number between 1 and 10000';
  if (!(o.errorRate >= 0 && o.errorRate <= 1)) return 'the error rate must be between 0 and 1';
  if (o.errorStatuses.some((s) => !Number.isInteger(s) || s < 400 || s > 599)) return 'error statuses must be 4xx or 5xx';
  return undefined;
}

function overrideNumber(header: string | string[] | undefined, query: string | null): number | undefined {
  const raw = Array.isArray(header) ? header[0] : header ?? query ?? undefined;
  if (raw === undefined || raw === null || raw === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}
