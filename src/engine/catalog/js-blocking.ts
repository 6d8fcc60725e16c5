// Synchronous Node APIs that block the event loop (file system, child processes, compression, key
// derivation), raw HTTP libraries that can reach an LLM API, and retry helpers, as data.

/**
 * Metadata checks of the file system: one `stat`/`access` system call that reads no file content and is
 * answered from the kernel's inode cache (the class of Python's `os.path.exists`/`os.stat`/`Path.exists`,
 * which the Python catalog does not count either). Reading, writing, listing, creating and deleting still count.
 */
const FS_METADATA = /^(?:existsSync|accessSync|statSync|lstatSync|fstatSync|pathExistsSync)$/;

/** Node built-in modules whose `*Sync` functions block (the `node:` prefix is stripped before lookup). */
export const BLOCKING_MODULES: Record<string, { kind: string; only?: RegExp; except?: RegExp }> = {
  fs: { kind: 'file system', except: FS_METADATA },
  'fs-extra': { kind: 'file system', except: FS_METADATA },
  child_process: { kind: 'child process' },
  zlib: { kind: 'compression' },
  crypto: { kind: 'CPU-bound crypto', only: /^(pbkdf2Sync|scryptSync|generateKeyPairSync|generatePrimeSync)$/ },
};

/**
 * Library functions that do synchronous I/O inside (qualified name → kind of work): `dotenv.config()` reads
 * `.env` with `fs.readFileSync` each time it runs, so called in a handler it reads the file per request.
 */
export const BLOCKING_FUNCTIONS: Record<string, string> = {
  'dotenv.config': 'file system',
  'dotenv.configDotenv': 'file system',
  '@dotenvx/dotenvx.config': 'file system',
};

/** The project config's `blocking-functions` for JS/TS, by key (see `js-project.ts`). */
let projectBlocking = new Map<string, { what: string; instead: string }>();

export function setJsProjectBlocking(entries: Map<string, { what: string; instead: string }>): void {
  projectBlocking = entries;
}

export function projectBlockingFunction(qname: string): { what: string; instead: string } | undefined {
  return projectBlocking.get(qname);
}

/**
 * Speech-model CLIs (openai-whisper, whisperX, faster-whisper front ends, whisper.cpp's `whisper-cli`): a
 * synchronous run of one holds the loop for the whole transcription, as an LLM CLI does.
 */
export const SPEECH_COMMAND = /(?<![\w.-])(?:whisper|whisperx|whisper-cli|whisper-ctranslate2|faster-whisper)(?![\w.-])/;

/** `child_process` functions whose command text names an LLM CLI or API: the blocking call is an LLM call. */
export const LLM_COMMAND = /\b(?:ollama\s+(?:run|generate)|llm\s+(?:-m\b|prompt\b|chat\b)|llama-cli|llama\.cpp|aichat|sgpt|openai\s+api)\b/;

/** Raw HTTP: the global `fetch`, and libraries' request functions (method name → URL argument index). */
export interface JsHttpLib {
  id: string;
  /** Qualified names of the library's default callable (`axios`, `ky`, `got`). */
  qnames: string[];
  /** Method names that send a request; the URL is the first argument. */
  methods: string[];
  /** Where the library takes a timeout: a key of the request config, or the `signal` of fetch's init. */
  timeoutKeys: string[];
  /**
   * Index of the config argument for the callable form / for the method form (`axios.post(url, data, config)`);
   * `urlFirst` says whether the first argument is a URL string (request takes `(options)` or `(url, options)`).
   */
  configArg: (method: string | undefined, urlFirst: boolean) => number;
  /** Text a quick fix adds to the config. */
  timeoutText: string;
  /** The default, for messages. */
  defaultTimeout: string;
  /** Retries by default for POST (ky and got retry only idempotent methods). */
  retriesPost: boolean;
  /** Instance factories: `axios.create(config)`, `ky.create`, `got.extend`. */
  factories: string[];
  /** Answers through a callback and returns a request object, not a promise (`request(options, callback)`). */
  callback?: boolean;
}

/** What the request family (request, request-promise, postman-request) shares: options, no timeout, no retry. */
const REQUEST_FAMILY: Omit<JsHttpLib, 'id' | 'qnames'> = {
  methods: ['get', 'post', 'put', 'patch', 'del', 'delete'],
  timeoutKeys: ['timeout'],
  configArg: (_m, urlFirst) => (urlFirst ? 1 : 0),
  timeoutText: 'timeout: 30_000',
  defaultTimeout: 'no timeout (request waits as long as the socket stays open)',
  retriesPost: false,
  factories: ['defaults'],
};

export const JS_HTTP_LIBS: JsHttpLib[] = [
  {
    id: 'fetch',
    qnames: ['global:fetch', 'node-fetch', 'undici.fetch', 'cross-fetch', 'isomorphic-fetch'],
    methods: [],
    timeoutKeys: ['signal'],
    configArg: () => 1,
    timeoutText: 'signal: AbortSignal.timeout(30_000)',
    defaultTimeout: "no timeout of its own (Node's fetch gives up after 300 s without response headers, and a body may stream forever)",
    retriesPost: false,
    factories: [],
  },
  {
    id: 'axios',
    qnames: ['axios'],
    methods: ['get', 'post', 'put', 'patch', 'request', 'delete'],
    timeoutKeys: ['timeout', 'signal'],
    configArg: (m) => (m === undefined || m === 'request' ? 0 : m === 'get' || m === 'delete' ? 1 : 2),
    timeoutText: 'timeout: 30_000',
    defaultTimeout: 'no timeout (axios waits forever by default)',
    retriesPost: false,
    factories: ['create'],
  },
  {
    id: 'ky',
    qnames: ['ky'],
    methods: ['get', 'post', 'put', 'patch'],
    timeoutKeys: ['timeout', 'signal'],
    configArg: () => 1,
    timeoutText: 'timeout: 30_000',
    defaultTimeout: '10 s',
    retriesPost: false,
    factories: ['create', 'extend'],
  },
  {
    id: 'got',
    qnames: ['got'],
    methods: ['get', 'post', 'put', 'patch'],
    timeoutKeys: ['timeout', 'signal'],
    configArg: () => 1,
    timeoutText: 'timeout: { request: 30_000 }',
    defaultTimeout: 'no timeout',
    retriesPost: false,
    factories: ['extend'],
  },
  // request: `request(options, callback)` or `request.post(url, options, callback)`; the URL may be `uri`/`url` in the options.
  { ...REQUEST_FAMILY, id: 'request', qnames: ['request', 'postman-request'], callback: true },
  // request-promise: the same options, a promise instead of the callback (`rp({ method: 'POST', uri, body, json: true })`).
  { ...REQUEST_FAMILY, id: 'request-promise', qnames: ['request-promise', 'request-promise-native'] },
];

/** Functions that retry what they are given (p-retry, async-retry, exponential-backoff, ...). */
export const RETRY_WRAPPERS = new Set([
  'p-retry', 'p-retry.default', 'async-retry', 'async-retry.default', 'exponential-backoff.backOff', 'retry', 'promise-retry', 'promise-retry.default',
  'ts-retry-promise.retry', '@lifeomic/attempt.retry', 'cockatiel.retry',
]);

/** Local helper names that retry by convention (a hand-written `withRetry(fn)`). */
export const RETRY_NAME = /^(?:with)?(?:retry|retries|backoff|backOff|withBackoff|retryable|retrying|pRetry|asyncRetry)\w*$/i;

/** Packages that add retries to an HTTP client (`axiosRetry(axios)`, `fetchRetry(fetch)`). */
export const RETRY_PLUGINS = new Set(['axios-retry', 'axios-retry.default', 'fetch-retry', 'fetch-retry.default', 'retry-axios', 'retry-axios.attach']);

export const NODE_BUILTINS_PREFILTER = ['fs', 'fs/promises', 'fs-extra', 'child_process', 'zlib', 'crypto'];
