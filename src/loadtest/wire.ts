// Minimal HTTP/1.1 client transport for the load generator's plain-http fast path: one net.Socket per
// connection, the request serialized once and written as is, and an incremental response parser.
//
// Why: undici builds and writes each request head itself and parses with llhttp in wasm; for a load
// generator the request never changes, so it is cheaper to write one prebuilt Buffer and to parse only what
// decides where a response ends (status line, Content-Length, Transfer-Encoding, Connection). Reads go
// through `onread` into one shared buffer, so no Buffer is allocated per read and memory stays flat.
// https and anything else stays on undici (see run.ts): this file speaks plain HTTP/1.1 only.
//
// One request at a time per connection (no pipelining); exactly one of onEnd/onError per send(), and
// nothing at all after destroy().

import * as net from 'net';

/** Error codes of this transport (socket errors keep Node's own codes: ECONNREFUSED, ECONNRESET, EPIPE…). */
export const WIRE_CLOSED = 'ERR_WIRE_CLOSED';
export const WIRE_TIMEOUT = 'ERR_WIRE_TIMEOUT';
export const WIRE_PROTOCOL = 'ERR_WIRE_PROTOCOL';

export class WireError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'WireError';
  }
}

export interface WireListener {
  /** Status line and headers of the final response are in (1xx interim responses are skipped). */
  onStatus(status: number): void;
  /** Body bytes (chunked framing removed), only with `deliverBody`. The view is valid during the call only. */
  onData(chunk: Buffer): void;
  onEnd(): void;
  onError(err: Error): void;
}

export interface WireRequest {
  method: string;
  /** Path and query, as sent on the request line. */
  path: string;
  /** Host header value (host[:port]); a `host` entry in headers wins. */
  host: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/** The request line, headers and body as one Buffer, written as is for every request. */
export function serializeRequest(req: WireRequest): Buffer {
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(req.method)) throw new Error(`invalid method ${req.method}`);
  if (/[\s]/.test(req.path) || req.path === '') throw new Error('the request path must be non-empty and contain no whitespace');
  const names = new Set(Object.keys(req.headers).map((k) => k.toLowerCase()));
  let head = `${req.method} ${req.path} HTTP/1.1\r\n`;
  if (!names.has('host')) head += `host: ${req.host}\r\n`;
  for (const [k, v] of Object.entries(req.headers)) {
    if (/[\r\n]/.test(k) || /[\r\n]/.test(v)) throw new Error(`header ${k} contains a line break`);
    head += `${k}: ${v}\r\n`;
  }
  const body = req.body === undefined ? undefined : typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : req.body;
  if (!names.has('content-length') && !names.has('transfer-encoding')) {
    // Like undici: a body gets its length; POST/PUT/PATCH without one say 0, so no server waits for a body.
    if (body !== undefined) head += `content-length: ${body.length}\r\n`;
    else if (req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH') head += 'content-length: 0\r\n';
  }
  head += '\r\n';
  const h = Buffer.from(head, 'utf8');
  return body && body.length ? Buffer.concat([h, body]) : h;
}

// ---- Response parser -------------------------------------------------------------------------------

const S_HEAD = 0;
const S_LENGTH = 1;
const S_CHUNK_SIZE = 2;
const S_CHUNK_EXT = 3;
const S_CHUNK_DATA = 4;
const S_CHUNK_DATA_END = 5;
const S_TRAILERS = 6;
const S_UNTIL_CLOSE = 7;
const S_DONE = 8;
const S_HALTED = 9;

const CR = 13;
const LF = 10;
/** A response head larger than this is refused (undici and Node allow 16 KB). */
export const MAX_HEAD_BYTES = 64 * 1024;
const NEED_MORE = -1;
const FAILED = -2;

const lower = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const H_CONTENT_LENGTH = lower('content-length');
const H_TRANSFER_ENCODING = lower('transfer-encoding');
const H_CONNECTION = lower('connection');
const H_KEEP_ALIVE = lower('keep-alive');
const V_CLOSE = lower('close');
const V_KEEP_ALIVE = H_KEEP_ALIVE;
const V_TIMEOUT = lower('timeout');

/** Case-insensitive match of b[p, p + name.length) with a lower-case ASCII name (letters fold, other bytes exact). */
function matches(b: Buffer, p: number, name: number[]): boolean {
  for (let k = 0; k < name.length; k++) {
    const c = b[p + k];
    const l = name[k];
    if (c !== l && !(l >= 97 && l <= 122 && c === l - 32)) return false;
  }
  return true;
}

const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const hexValue = (c: number) => (c <= 57 ? c - 48 : (c | 0x20) - 87);

/**
 * Incremental HTTP/1.1 response parser for one response at a time. `execute` consumes bytes and stops right
 * after a complete response (state DONE), at the end of the input, or on an error (returns -2, `error` set).
 */
export class ResponseParser {
  state: number = S_HEAD;
  status = 0;
  /** The connection may carry another request after this response. */
  keepAlive = true;
  /** Server's `Keep-Alive: timeout=N` hint in ms, or -1. */
  keepAliveHintMs = -1;
  error: WireError | null = null;
  private remaining = 0;
  private chunkDigits = 0;
  private chunkLfPending = false;
  private trailerLineLen = 0;
  private pending: Buffer | null = null;
  // Head fields, reset for each head.
  private contentLength = -1;
  private chunked = false;
  private otherCoding = false;
  private connClose = false;
  private connKeepAlive = false;
  private http10 = false;

  constructor(
    private readonly sink: WireListener,
    /** The request was HEAD: responses carry no body whatever their headers say. */
    private readonly noBody: boolean,
    private readonly deliverBody: boolean,
  ) {}

  reset(): void {
    this.state = S_HEAD;
    this.status = 0;
    this.keepAlive = true;
    this.error = null;
    this.pending = null;
    this.trailerLineLen = 0;
  }

  get done(): boolean {
    return this.state === S_DONE;
  }

  /** Waiting for the peer to close: the body runs until then. */
  get untilClose(): boolean {
    return this.state === S_UNTIL_CLOSE;
  }

  /** A callback destroyed the connection (the switch below must re-read the state after each callback). */
  /** Hands body bytes `from`..`to` to the sink (when it wants them); true when that halted the response. */
  private deliver(buf: Buffer, from: number, to: number): boolean {
    if (!this.deliverBody) return false;
    this.sink.onData(buf.subarray(from, to));
    return this.halted();
  }

  private halted(): boolean {
    return this.state === S_HALTED;
  }

  /** Stops a parse in progress (the connection was destroyed from a callback). */
  halt(): void {
    this.state = S_HALTED;
    this.pending = null;
  }

  private fail(message: string): number {
    this.error = new WireError(message, WIRE_PROTOCOL);
    this.pending = null;
    return FAILED;
  }

  /** Consumes buf[start, end); returns the index it stopped at, or -2 on a protocol error. */
  execute(buf: Buffer, start: number, end: number): number {
    let i = start;
    while (i < end) {
      switch (this.state) {
        case S_HEAD: {
          let b = buf;
          let s = i;
          let e = end;
          const p = this.pending;
          if (p) {
            b = Buffer.concat([p, buf.subarray(i, end)]);
            s = 0;
            e = b.length;
          }
          const r = this.parseHead(b, s, e);
          if (r === FAILED) return FAILED;
          if (r === NEED_MORE) {
            if (e - s > MAX_HEAD_BYTES) return this.fail(`response head over ${MAX_HEAD_BYTES} bytes`);
            // Copied: `buf` is a shared read buffer that the next read overwrites.
            this.pending = p ? b : Buffer.from(buf.subarray(i, end));
            return end;
          }
          this.pending = null;
          i = p ? i + (r - p.length) : r;
          if (this.status < 200 && this.status !== 101) continue; // interim (100 Continue, 103): the final head follows
          this.startBody();
          this.sink.onStatus(this.status);
          if (this.halted()) return end;
          if (this.done) return i;
          break;
        }
        case S_LENGTH: {
          const take = Math.min(this.remaining, end - i);
          this.remaining -= take;
          if (this.deliver(buf, i, i + take)) return end;
          i += take;
          if (this.remaining === 0) {
            this.state = S_DONE;
            return i;
          }
          break;
        }
        case S_UNTIL_CLOSE: {
          if (this.deliver(buf, i, end)) return end;
          i = end;
          break;
        }
        case S_CHUNK_SIZE: {
          const c = buf[i++];
          if (isHex(c)) {
            if (++this.chunkDigits > 12) return this.fail('chunk size too large');
            this.remaining = this.remaining * 16 + hexValue(c);
          } else if (c === LF) {
            if (this.chunkDigits === 0) return this.fail('missing chunk size');
            this.endChunkSizeLine();
          } else if (c === CR || c === 59 /* ; */ || c === 32 || c === 9) {
            if (this.chunkDigits === 0) return this.fail('missing chunk size');
            this.state = S_CHUNK_EXT;
          } else {
            return this.fail('invalid chunk size');
          }
          break;
        }
        case S_CHUNK_EXT: {
          // Chunk extensions are skipped up to the end of the line.
          const lf = buf.indexOf(LF, i);
          if (lf === -1 || lf >= end) {
            i = end;
            break;
          }
          i = lf + 1;
          this.endChunkSizeLine();
          break;
        }
        case S_CHUNK_DATA: {
          const take = Math.min(this.remaining, end - i);
          this.remaining -= take;
          if (this.deliver(buf, i, i + take)) return end;
          i += take;
          if (this.remaining === 0) {
            this.state = S_CHUNK_DATA_END;
            this.chunkLfPending = false;
          }
          break;
        }
        case S_CHUNK_DATA_END: {
          const c = buf[i++];
          if (c === CR && !this.chunkLfPending) this.chunkLfPending = true;
          else if (c === LF) this.startChunk();
          else return this.fail('chunk data longer than its size');
          break;
        }
        case S_TRAILERS: {
          const c = buf[i++];
          if (c === LF) {
            if (this.trailerLineLen === 0) {
              this.state = S_DONE;
              return i;
            }
            this.trailerLineLen = 0;
          } else if (c !== CR) {
            this.trailerLineLen++;
          }
          break;
        }
        default:
          // DONE with bytes left over, or HALTED: the caller decides.
          return i;
      }
    }
    return i;
  }

  private startChunk(): void {
    this.state = S_CHUNK_SIZE;
    this.remaining = 0;
    this.chunkDigits = 0;
  }

  private endChunkSizeLine(): void {
    if (this.remaining === 0) {
      this.state = S_TRAILERS;
      this.trailerLineLen = 0;
    } else {
      this.state = S_CHUNK_DATA;
    }
  }

  /** After the final head: where the body ends (RFC 9112 §6.3). */
  private startBody(): void {
    const s = this.status;
    this.keepAlive = this.http10 ? this.connKeepAlive && !this.connClose : !this.connClose;
    if (this.noBody || s === 204 || s === 304 || s === 101) {
      if (s === 101) this.keepAlive = false; // the connection now speaks another protocol
      this.state = S_DONE;
    } else if (this.chunked) {
      if (this.contentLength >= 0) this.keepAlive = false; // both framings: chunked wins, then close
      this.startChunk();
    } else if (this.otherCoding) {
      this.keepAlive = false;
      this.state = S_UNTIL_CLOSE;
    } else if (this.contentLength >= 0) {
      this.remaining = this.contentLength;
      this.state = this.contentLength === 0 ? S_DONE : S_LENGTH;
    } else {
      this.keepAlive = false;
      this.state = S_UNTIL_CLOSE;
    }
  }

  /** Parses a complete head in b[s, e): the index after its blank line, NEED_MORE, or FAILED. */
  private parseHead(b: Buffer, s: number, e: number): number {
    this.contentLength = -1;
    this.chunked = false;
    this.otherCoding = false;
    this.connClose = false;
    this.connKeepAlive = false;
    // Status line: HTTP/1.x SP 3DIGIT [SP reason]
    let lf = b.indexOf(LF, s);
    if (lf === -1 || lf >= e) {
      // Fail early on a peer that is clearly not speaking HTTP.
      const n = Math.min(e - s, 5);
      for (let k = 0; k < n; k++) if (b[s + k] !== 'HTTP/'.charCodeAt(k)) return this.fail('the response does not start with HTTP/');
      return NEED_MORE;
    }
    let le = lf > s && b[lf - 1] === CR ? lf - 1 : lf;
    if (
      le - s < 12 ||
      b[s] !== 72 || b[s + 1] !== 84 || b[s + 2] !== 84 || b[s + 3] !== 80 || b[s + 4] !== 47 || b[s + 5] !== 49 || b[s + 6] !== 46 ||
      b[s + 7] < 48 || b[s + 7] > 57 || b[s + 8] !== 32 ||
      b[s + 9] < 48 || b[s + 9] > 57 || b[s + 10] < 48 || b[s + 10] > 57 || b[s + 11] < 48 || b[s + 11] > 57 ||
      (le - s > 12 && b[s + 12] !== 32)
    ) {
      return this.fail('malformed status line');
    }
    this.http10 = b[s + 7] === 48;
    this.status = (b[s + 9] - 48) * 100 + (b[s + 10] - 48) * 10 + (b[s + 11] - 48);
    if (this.status < 100) return this.fail('malformed status code');
    let p = lf + 1;
    for (;;) {
      lf = b.indexOf(LF, p);
      if (lf === -1 || lf >= e) return NEED_MORE;
      le = lf > p && b[lf - 1] === CR ? lf - 1 : lf;
      if (le === p) return lf + 1; // blank line: end of the head
      const c0 = b[p];
      if (c0 === 32 || c0 === 9) return this.fail('obsolete header line folding');
      let colon = p;
      while (colon < le && b[colon] !== 58) colon++;
      if (colon === le || colon === p) return this.fail('malformed header line');
      let vs = colon + 1;
      while (vs < le && (b[vs] === 32 || b[vs] === 9)) vs++;
      let ve = le;
      while (ve > vs && (b[ve - 1] === 32 || b[ve - 1] === 9)) ve--;
      const nameLen = colon - p;
      if (nameLen === 14 && matches(b, p, H_CONTENT_LENGTH)) {
        if (ve === vs) return this.fail('empty Content-Length');
        let n = 0;
        for (let k = vs; k < ve; k++) {
          const d = b[k] - 48;
          if (d < 0 || d > 9) return this.fail('invalid Content-Length');
          n = n * 10 + d;
        }
        if (n > Number.MAX_SAFE_INTEGER) return this.fail('invalid Content-Length');
        if (this.contentLength >= 0 && this.contentLength !== n) return this.fail('conflicting Content-Length headers');
        this.contentLength = n;
      } else if (nameLen === 17 && matches(b, p, H_TRANSFER_ENCODING)) {
        // The last coding decides: chunked frames the body, anything else runs to the close.
        const codings = b.toString('latin1', vs, ve).toLowerCase().split(',');
        const last = codings[codings.length - 1].trim();
        this.chunked = last === 'chunked';
        this.otherCoding = !this.chunked;
      } else if (nameLen === 10 && matches(b, p, H_CONNECTION)) {
        if (ve - vs === 10 && matches(b, vs, V_KEEP_ALIVE)) this.connKeepAlive = true;
        else if (ve - vs === 5 && matches(b, vs, V_CLOSE)) this.connClose = true;
        else {
          for (const t of b.toString('latin1', vs, ve).toLowerCase().split(',')) {
            const token = t.trim();
            if (token === 'close') this.connClose = true;
            else if (token === 'keep-alive') this.connKeepAlive = true;
          }
        }
      } else if (nameLen === 10 && matches(b, p, H_KEEP_ALIVE)) {
        this.keepAliveHintMs = keepAliveTimeout(b, vs, ve);
      }
      p = lf + 1;
    }
  }
}

/** `timeout=N` in a Keep-Alive header value, in ms, or -1. */
function keepAliveTimeout(b: Buffer, vs: number, ve: number): number {
  for (let k = vs; k + 7 < ve; k++) {
    if (!matches(b, k, V_TIMEOUT)) continue;
    let q = k + 7;
    while (q < ve && (b[q] === 32 || b[q] === 9)) q++;
    if (b[q] !== 61 /* = */) continue;
    q++;
    while (q < ve && (b[q] === 32 || b[q] === 9)) q++;
    let n = 0;
    let digits = 0;
    while (q < ve && b[q] >= 48 && b[q] <= 57 && digits < 9) {
      n = n * 10 + (b[q++] - 48);
      digits++;
    }
    return digits ? n * 1000 : -1;
  }
  return -1;
}

// ---- Connections and the timeout sweep -------------------------------------------------------------

/** Shared by every connection: `onread` hands each read over synchronously, so one buffer serves all. */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

/** Timeouts and idle keep-alive expiry are checked by one sweep, not a timer per request. */
const SWEEP_MS = 50;
const live = new Set<WireConnection>();
let sweeper: NodeJS.Timeout | undefined;

function register(c: WireConnection): void {
  live.add(c);
  if (!sweeper) {
    sweeper = setInterval(() => {
      const now = performance.now();
      for (const conn of live) conn.sweep(now);
    }, SWEEP_MS);
    sweeper.unref();
  }
}

function unregister(c: WireConnection): void {
  live.delete(c);
  if (live.size === 0 && sweeper) {
    clearInterval(sweeper);
    sweeper = undefined;
  }
}

/**
 * Hot polling after reads. Once a read is handled the loop would go back to epoll_wait and sleep until the next
 * response; against a fast server that is hundreds of sleeps per 1,000 requests (measured), and on a shared or
 * virtualized machine each wake-up can wait for another process's time slice or a vCPU's exit from idle while
 * the server runs out of requests. So for SPIN_US after the last read the loop keeps polling without blocking
 * (a pending setImmediate makes libuv poll with a zero timeout), then sleeps as usual. It spends CPU only while
 * responses arrive closer together than that (a fast target, where the generator is busy anyway); against an
 * LLM endpoint answering in 200 ms it is a fraction of a millisecond per burst. LOOPSAFE_LOADGEN_SPIN_US=0 turns
 * it off.
 */
const SPIN_MS = Math.max(0, Number(process.env.LOOPSAFE_LOADGEN_SPIN_US ?? 200) || 0) / 1000;
let spinning = false;
let readSinceSpin = false;
let lastRead = 0;

function spin(): void {
  const now = performance.now();
  if (readSinceSpin) {
    readSinceSpin = false;
    lastRead = now;
  }
  if (now - lastRead < SPIN_MS) setImmediate(spin);
  else spinning = false;
}

/** A read happened: keep the loop polling for SPIN_MS more. */
function keepPolling(): void {
  readSinceSpin = true;
  if (spinning || SPIN_MS === 0) return;
  spinning = true;
  lastRead = performance.now();
  setImmediate(spin);
}

export interface WireOptions {
  host: string;
  port: number;
  /** From serializeRequest: written as is for every request. */
  request: Buffer;
  /** The request is HEAD (its responses carry no body). */
  head?: boolean;
  /** A request with no byte from the server for this long fails with a timeout (connect, headers or body). */
  timeoutMs: number;
  /** Hand body bytes to onData (off: the body is only framed and skipped). */
  deliverBody?: boolean;
  /** How long an idle connection is reused without a Keep-Alive hint from the server (default 4 s). */
  keepAliveMs?: number;
}

/** One keep-alive HTTP/1.1 connection that sends the same request again and again; reconnects after a close. */
export class WireConnection {
  /** Sockets opened so far (reconnects included). */
  opened = 0;
  private socket: net.Socket | null = null;
  private inFlight = false;
  private destroyed = false;
  /** Bytes came or went since the last sweep. */
  private active = false;
  private idleSince = 0;
  private readonly parser: ResponseParser;
  private readonly keepAliveMs: number;

  constructor(
    private readonly options: WireOptions,
    private readonly listener: WireListener,
  ) {
    this.parser = new ResponseParser(listener, options.head === true, options.deliverBody === true);
    this.keepAliveMs = options.keepAliveMs ?? 4000;
    register(this);
  }

  get busy(): boolean {
    return this.inFlight;
  }

  /** Sends the request; the listener then gets onStatus, onData…, and exactly one of onEnd or onError. */
  send(): void {
    if (this.destroyed) throw new Error('the connection is destroyed');
    if (this.inFlight) throw new Error('a request is already in flight on this connection');
    this.parser.reset();
    let sock = this.socket;
    try {
      if (!sock || sock.destroyed) sock = this.open();
      sock.write(this.options.request);
    } catch (err) {
      // Thrown, not emitted (a bad port, say): the caller gets it, and the connection stays usable.
      this.drop();
      throw err;
    }
    this.inFlight = true;
    this.active = true;
  }

  /** Closes the connection; a request in flight is dropped without a callback. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.inFlight = false;
    this.parser.halt();
    this.drop();
    unregister(this);
  }

  /** Called by the sweep: request timeouts, and idle sockets closed before the server's keep-alive ends. */
  sweep(now: number): void {
    if (this.active) {
      this.active = false;
      this.idleSince = now;
      return;
    }
    if (this.inFlight) {
      if (now - this.idleSince >= this.options.timeoutMs) this.fail(new WireError(`no response within ${this.options.timeoutMs} ms`, WIRE_TIMEOUT));
      return;
    }
    if (this.socket) {
      const hint = this.parser.keepAliveHintMs;
      const budget = hint > 0 ? Math.max(hint / 2, hint - 1000) - SWEEP_MS : this.keepAliveMs;
      if (now - this.idleSince >= budget) this.drop();
    }
  }

  private open(): net.Socket {
    this.opened++;
    const sock: net.Socket = net.connect({
      host: this.options.host,
      port: this.options.port,
      noDelay: true,
      onread: {
        buffer: READ_BUFFER,
        callback: (n: number, buf: Uint8Array) => {
          this.onRead(sock, n, buf as Buffer);
          return true;
        },
      },
    });
    sock.on('error', (err) => this.onSocketGone(sock, err));
    sock.on('end', () => this.onSocketGone(sock));
    sock.on('close', () => this.onSocketGone(sock));
    this.socket = sock;
    return sock;
  }

  private onRead(sock: net.Socket, n: number, buf: Buffer): void {
    if (sock !== this.socket || n <= 0) return;
    this.active = true;
    keepPolling();
    if (!this.inFlight) {
      // Bytes nobody asked for: the server is confused; this socket is not reused.
      this.drop();
      return;
    }
    const parser = this.parser;
    const i = parser.execute(buf, 0, n);
    if (sock !== this.socket || !this.inFlight) return; // destroyed or failed from a callback
    if (i < 0) {
      this.fail(parser.error!);
      return;
    }
    if (!parser.done) return;
    // Complete. Bytes after the response (no request was sent for them) also end the socket's reuse.
    if (!parser.keepAlive || i < n) this.drop();
    this.inFlight = false;
    this.listener.onEnd();
  }

  /** The socket errored, or the server closed it: a body that runs to the close ends here, anything else fails. */
  private onSocketGone(sock: net.Socket, err?: Error): void {
    if (sock !== this.socket) return;
    this.drop();
    if (!this.inFlight) return;
    if (!err && this.parser.untilClose) {
      this.inFlight = false;
      this.listener.onEnd();
      return;
    }
    this.inFlight = false;
    this.listener.onError(err ?? new WireError('the server closed the connection before the response ended', WIRE_CLOSED));
  }

  private fail(err: Error): void {
    this.drop();
    this.inFlight = false;
    this.listener.onError(err);
  }

  private drop(): void {
    const s = this.socket;
    if (!s) return;
    this.socket = null;
    s.destroy();
  }
}
