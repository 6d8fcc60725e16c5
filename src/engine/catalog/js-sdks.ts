// Node/TypeScript LLM SDKs as data: client classes, which calls reach the API and return a promise,
// default timeouts and retries, and where each SDK takes its timeout and retry options.
// Facts come from the SDK catalog research, Part C (each SDK's own source).

/** A path of keys into an options object literal: `['httpOptions', 'timeout']`. */
export type OptionPath = string[];

export interface JsOptionShape {
  /** Where the constructor's options object sets the timeout (and in which unit). */
  ctorTimeout?: { path: OptionPath; unit: 'ms' | 's' };
  ctorRetries?: OptionPath;
  /** Index of the per-call options argument (`create(body, options)` → 1; Vercel `generateText(options)` → 0). */
  callArg?: number;
  /** Paths in the per-call options that bound the call (a timeout or an abort signal). */
  callTimeout?: OptionPath[];
  callRetries?: OptionPath[];
  /** Text a quick fix puts into the per-call options to bound the call. */
  callTimeoutText?: string;
  /** Text a quick fix puts into the constructor options. */
  ctorTimeoutText?: string;
}

export interface JsClientClass {
  /** Display name: `OpenAI`. */
  name: string;
  /** Qualified names that evaluate to this class (`openai.OpenAI`, `openai.default`, and the CJS module `openai`). */
  qnames: string[];
  /** Qualified names that are a ready-made instance (ollama's default export). */
  instances?: string[];
  /** Terminal method names that are API calls; unset: any method below the client (Stainless resource trees). */
  callMethods?: string[];
  /** API methods that return a stream object synchronously (not a promise): anthropic `messages.stream`. */
  syncMethods?: string[];
  /** Methods returning a client of the same SDK (`withOptions`, LangChain `pipe`, `bindTools`). */
  clientReturning?: string[];
  /**
   * API calls that are not model operations (listing or showing models, pulling them, CRUD on files):
   * promises like the others, but no generation, chat or embedding, so not LLM calls for the timeout,
   * retry and server-limit rules. Dotted resource paths; a path matches itself and everything below it.
   */
  metaPaths?: string[];
  /** Resource paths whose call is local and returns another client-like object (`chats.create` → `Chat`). */
  sessions?: Record<string, string>;
  /** Overrides the SDK's defaults for this class. */
  defaults?: { timeoutMs: number | null; retries: number };
  /** Overrides the SDK's option shape for this class. */
  options?: JsOptionShape;
  /**
   * The constructor's first argument is built by this class (`new OpenAIApi(new Configuration({...}))`,
   * openai-node v3): its `baseOptions` apply to every request like `withOptions`.
   */
  configClass?: string;
  /**
   * Requests go through axios or Node's own http client (the AWS SDK's NodeHttpHandler), not fetch:
   * undici's 300 s cut does not apply.
   */
  transport?: 'axios' | 'node-http';
  /** A team's synchronous client (project config, `async = false`): its calls block the event loop. */
  blocking?: boolean;
}

export interface JsSdkFunction {
  qnames: string[];
  /** Returns a promise (generateText) or a result object synchronously (streamText). */
  promise: boolean;
  streaming: boolean;
}

export interface JsSdk {
  id: string;
  /** npm packages whose import means this SDK. */
  packages: string[];
  classes: JsClientClass[];
  /** Module functions that call the API (Vercel `generateText`). */
  functions?: JsSdkFunction[];
  /** Module functions returning a client (LangChain `initChatModel`), awaited or not. */
  factories?: { qname: string; cls: string }[];
  /** Methods anywhere in the tree that are not API calls. */
  nonApi: string[];
  /** Resource paths of API calls that are not model operations (see `JsClientClass.metaPaths`). */
  metaPaths?: string[];
  /** Methods returning a paginator that is a promise (first page) and async-iterable (every item): Stainless `list`. */
  paginators?: string[];
  defaults: { timeoutMs: number | null; retries: number };
  options: JsOptionShape;
  /** How the message names the SDK's timeout default. */
  defaultNote?: string;
  /** The SDK talks to a model server on this machine by default (ollama): no rate limits to retry through. */
  local?: boolean;
  /** What the constructor takes to make the client retry (for the one-attempt message); unset: nothing. */
  retryHint?: string;
  /** A team's own client from the project config (`llm-clients`): without `methods`, every method calls the model. */
  project?: true;
}

const STAINLESS_NON_API = ['withOptions', 'buildURL', 'buildHeaders', 'buildRequest', 'makeStatusError', 'toString', 'toJSON', 'on', 'off', 'once', 'emitted'];
/** Stainless resources that manage things (models, files, batches, assistants) instead of running a model. */
const STAINLESS_META = [
  'models', 'files', 'batches', 'fineTuning', 'vectorStores', 'uploads', 'containers', 'webhooks', 'evals',
  'beta.assistants', 'beta.vectorStores', 'beta.files', 'beta.models', 'beta.threads.messages', 'messages.batches', 'beta.messages.batches',
];
const STAINLESS_OPTIONS: JsOptionShape = {
  ctorTimeout: { path: ['timeout'], unit: 'ms' },
  ctorRetries: ['maxRetries'],
  callArg: 1,
  callTimeout: [['timeout'], ['signal']],
  callRetries: [['maxRetries']],
  callTimeoutText: 'timeout: 30_000',
  ctorTimeoutText: 'timeout: 30_000',
};

function pkgNames(pkg: string, cls: string, isDefault: boolean): string[] {
  const names = [`${pkg}.${cls}`];
  if (isDefault) names.push(`${pkg}.default`, pkg);
  return names;
}

const LANGCHAIN_METHODS = ['invoke', 'stream', 'batch', 'streamEvents', 'streamLog', 'call', 'predict', 'predictMessages', 'generate', 'generatePrompt', 'embedQuery', 'embedDocuments', 'transform'];
const LANGCHAIN_RETURNING = ['pipe', 'bind', 'bindTools', 'withStructuredOutput', 'withRetry', 'withConfig', 'withFallbacks', 'withListeners', 'assign', 'pick'];

export const JS_SDKS: JsSdk[] = [
  {
    id: 'openai',
    packages: ['openai'],
    classes: [
      {
        name: 'OpenAI', qnames: pkgNames('openai', 'OpenAI', true), clientReturning: ['withOptions'],
        // `chat.completions.stream`, `responses.stream`, `runTools` return a stream/runner object synchronously.
        syncMethods: ['stream', 'runTools', 'runFunctions'],
      },
      { name: 'AzureOpenAI', qnames: ['openai.AzureOpenAI'], clientReturning: ['withOptions'], syncMethods: ['stream', 'runTools', 'runFunctions'] },
      // openai-node v3: axios, no timeout (axios waits forever by default) and no retries; every method
      // returns a promise; the per-request axios config (`{ timeout }`) is the last argument.
      {
        name: 'OpenAIApi', qnames: ['openai.OpenAIApi'], configClass: 'openai.Configuration', transport: 'axios',
        callMethods: ['createChatCompletion', 'createCompletion', 'createEmbedding', 'createEdit', 'createImage', 'createImageEdit', 'createImageVariation', 'createModeration', 'createTranscription', 'createTranslation'],
        defaults: { timeoutMs: null, retries: 0 },
        options: { callArg: 1, callTimeout: [['timeout'], ['signal']], callTimeoutText: 'timeout: 30_000' },
      },
    ],
    nonApi: STAINLESS_NON_API,
    metaPaths: STAINLESS_META,
    paginators: ['list'],
    defaults: { timeoutMs: 600_000, retries: 2 },
    options: STAINLESS_OPTIONS,
  },
  {
    id: 'anthropic',
    packages: ['@anthropic-ai/sdk'],
    classes: [
      { name: 'Anthropic', qnames: pkgNames('@anthropic-ai/sdk', 'Anthropic', true), clientReturning: ['withOptions'], syncMethods: ['stream', 'toolRunner'] },
      { name: 'AnthropicBedrock', qnames: pkgNames('@anthropic-ai/bedrock-sdk', 'AnthropicBedrock', true), clientReturning: ['withOptions'], syncMethods: ['stream'] },
      { name: 'AnthropicVertex', qnames: pkgNames('@anthropic-ai/vertex-sdk', 'AnthropicVertex', true), clientReturning: ['withOptions'], syncMethods: ['stream'] },
    ],
    nonApi: STAINLESS_NON_API,
    metaPaths: STAINLESS_META,
    paginators: ['list'],
    defaults: { timeoutMs: 600_000, retries: 2 },
    options: STAINLESS_OPTIONS,
  },
  {
    id: 'groq',
    packages: ['groq-sdk'],
    classes: [{ name: 'Groq', qnames: pkgNames('groq-sdk', 'Groq', true), clientReturning: ['withOptions'] }],
    nonApi: STAINLESS_NON_API,
    metaPaths: STAINLESS_META,
    paginators: ['list'],
    defaults: { timeoutMs: 60_000, retries: 2 },
    options: STAINLESS_OPTIONS,
  },
  {
    id: 'google-genai',
    packages: ['@google/genai'],
    retryHint: '`httpOptions: { retryOptions: { attempts: 3 } }`',
    classes: [
      { name: 'GoogleGenAI', qnames: ['@google/genai.GoogleGenAI'], sessions: { 'chats.create': 'Chat' } },
      { name: 'Chat', qnames: [], callMethods: ['sendMessage', 'sendMessageStream'] },
    ],
    nonApi: ['getHistory'],
    metaPaths: ['models.list', 'models.get', 'models.update', 'models.delete', 'models.countTokens', 'models.computeTokens', 'files', 'caches', 'operations', 'tunings', 'batches', 'fileSearchStores', 'authTokens'],
    defaults: { timeoutMs: null, retries: 0 },
    options: {
      ctorTimeout: { path: ['httpOptions', 'timeout'], unit: 'ms' },
      ctorRetries: ['httpOptions', 'retryOptions'],
      callArg: 0,
      callTimeout: [['config', 'httpOptions', 'timeout'], ['config', 'abortSignal']],
      ctorTimeoutText: 'httpOptions: { timeout: 30_000 }',
    },
  },
  {
    id: 'google-generative-ai',
    packages: ['@google/generative-ai'],
    classes: [
      { name: 'GoogleGenerativeAI', qnames: ['@google/generative-ai.GoogleGenerativeAI'], sessions: { getGenerativeModel: 'GenerativeModel' }, callMethods: [] },
      {
        name: 'GenerativeModel', qnames: ['@google/generative-ai.GenerativeModel'], sessions: { startChat: 'ChatSession' },
        callMethods: ['generateContent', 'generateContentStream', 'countTokens', 'embedContent', 'batchEmbedContents'],
        metaPaths: ['countTokens'],
      },
      { name: 'ChatSession', qnames: ['@google/generative-ai.ChatSession'], callMethods: ['sendMessage', 'sendMessageStream'] },
    ],
    nonApi: [],
    defaults: { timeoutMs: null, retries: 0 },
    options: { callArg: 1, callTimeout: [['timeout'], ['signal']], callTimeoutText: 'timeout: 30_000' },
  },
  {
    id: 'ai',
    packages: ['ai'],
    classes: [],
    functions: [
      { qnames: ['ai.generateText'], promise: true, streaming: false },
      { qnames: ['ai.generateObject'], promise: true, streaming: false },
      { qnames: ['ai.embed'], promise: true, streaming: false },
      { qnames: ['ai.embedMany'], promise: true, streaming: false },
      { qnames: ['ai.generateImage', 'ai.experimental_generateImage'], promise: true, streaming: false },
      { qnames: ['ai.generateSpeech', 'ai.experimental_generateSpeech'], promise: true, streaming: false },
      { qnames: ['ai.transcribe', 'ai.experimental_transcribe'], promise: true, streaming: false },
      // `streamText`/`streamObject` return their result object synchronously: not awaited by design.
      { qnames: ['ai.streamText'], promise: false, streaming: true },
      { qnames: ['ai.streamObject'], promise: false, streaming: true },
      // AI SDK RSC: `await streamUI({ model, messages, text })` calls the model and streams UI (ai/rsc, then @ai-sdk/rsc).
      { qnames: ['ai/rsc.streamUI', '@ai-sdk/rsc.streamUI'], promise: true, streaming: true },
    ],
    nonApi: [],
    defaults: { timeoutMs: null, retries: 2 },
    options: {
      callArg: 0,
      callTimeout: [['abortSignal'], ['timeout']],
      callRetries: [['maxRetries']],
      callTimeoutText: 'abortSignal: AbortSignal.timeout(30_000)',
    },
  },
  {
    id: 'langchain',
    packages: ['@langchain/openai', '@langchain/anthropic', '@langchain/google-genai', '@langchain/google-vertexai', '@langchain/groq', '@langchain/mistralai', '@langchain/ollama', '@langchain/cohere', '@langchain/aws', '@langchain/core', '@langchain/community', '@langchain/langgraph', 'langchain'],
    classes: [
      { name: 'ChatOpenAI', qnames: ['@langchain/openai.ChatOpenAI', '@langchain/openai.AzureChatOpenAI', '@langchain/openai.OpenAI'], callMethods: LANGCHAIN_METHODS, clientReturning: LANGCHAIN_RETURNING, defaults: { timeoutMs: 600_000, retries: 6 } },
      { name: 'OpenAIEmbeddings', qnames: ['@langchain/openai.OpenAIEmbeddings', '@langchain/openai.AzureOpenAIEmbeddings'], callMethods: LANGCHAIN_METHODS, clientReturning: LANGCHAIN_RETURNING, defaults: { timeoutMs: 600_000, retries: 6 } },
      { name: 'ChatAnthropic', qnames: ['@langchain/anthropic.ChatAnthropic'], callMethods: LANGCHAIN_METHODS, clientReturning: LANGCHAIN_RETURNING, defaults: { timeoutMs: 600_000, retries: 6 } },
      { name: 'ChatGoogleGenerativeAI', qnames: ['@langchain/google-genai.ChatGoogleGenerativeAI', '@langchain/google-genai.GoogleGenerativeAIEmbeddings', '@langchain/google-vertexai.ChatVertexAI'], callMethods: LANGCHAIN_METHODS, clientReturning: LANGCHAIN_RETURNING },
      { name: 'ChatGroq', qnames: ['@langchain/groq.ChatGroq'], callMethods: LANGCHAIN_METHODS, clientReturning: LANGCHAIN_RETURNING, defaults: { timeoutMs: 60_000, retries: 6 } },
      { name: 'ChatMistralAI', qnames: ['@langchain/mistralai.ChatMistralAI', '@langchain/mistralai.MistralAIEmbeddings'], callMethods: LANGCHAIN_METHODS, clientReturning: LANGCHAIN_RETURNING },
      { name: 'ChatOllama', qnames: ['@langchain/ollama.ChatOllama', '@langchain/ollama.OllamaEmbeddings', '@langchain/ollama.Ollama'], callMethods: LANGCHAIN_METHODS, clientReturning: LANGCHAIN_RETURNING },
      { name: 'ChatCohere', qnames: ['@langchain/cohere.ChatCohere', '@langchain/cohere.CohereEmbeddings'], callMethods: LANGCHAIN_METHODS, clientReturning: LANGCHAIN_RETURNING },
      { name: 'ChatBedrockConverse', qnames: ['@langchain/aws.ChatBedrockConverse'], callMethods: LANGCHAIN_METHODS, clientReturning: LANGCHAIN_RETURNING },
      // A runnable built from a model: `prompt.pipe(model)`, `RunnableSequence.from([...])`, an agent.
      { name: 'Runnable', qnames: [], callMethods: LANGCHAIN_METHODS, clientReturning: LANGCHAIN_RETURNING },
    ],
    factories: [
      { qname: 'langchain/chat_models/universal.initChatModel', cls: 'Runnable' },
      { qname: 'langchain.initChatModel', cls: 'Runnable' },
      { qname: 'langchain.createAgent', cls: 'Runnable' },
      { qname: '@langchain/langgraph/prebuilt.createReactAgent', cls: 'Runnable' },
    ],
    nonApi: [],
    defaults: { timeoutMs: null, retries: 6 },
    options: {
      ctorTimeout: { path: ['timeout'], unit: 'ms' },
      ctorRetries: ['maxRetries'],
      callArg: 1,
      callTimeout: [['timeout'], ['signal']],
      callTimeoutText: 'timeout: 30_000',
      ctorTimeoutText: 'timeout: 30_000',
    },
  },
  {
    id: 'mistral',
    packages: ['@mistralai/mistralai'],
    retryHint: "`retryConfig: { strategy: 'backoff', ... }`",
    classes: [{ name: 'Mistral', qnames: ['@mistralai/mistralai.Mistral', '@mistralai/mistralai.default'] }],
    nonApi: [],
    defaults: { timeoutMs: 300_000, retries: 0 },
    options: {
      ctorTimeout: { path: ['timeoutMs'], unit: 'ms' },
      ctorRetries: ['retryConfig'],
      callArg: 1,
      callTimeout: [['timeoutMs'], ['fetchOptions', 'signal']],
      callRetries: [['retries']],
      callTimeoutText: 'timeoutMs: 30_000',
      ctorTimeoutText: 'timeoutMs: 30_000',
    },
    defaultNote: '300 s (60 s before 2.3)',
  },
  {
    id: 'cohere',
    packages: ['cohere-ai'],
    classes: [
      { name: 'CohereClient', qnames: ['cohere-ai.CohereClient'], callMethods: ['chat', 'chatStream', 'generate', 'generateStream', 'embed', 'rerank', 'classify', 'summarize', 'tokenize'] },
      { name: 'CohereClientV2', qnames: ['cohere-ai.CohereClientV2'], callMethods: ['chat', 'chatStream', 'embed', 'rerank', 'classify', 'tokenize'] },
    ],
    nonApi: [],
    defaults: { timeoutMs: 300_000, retries: 2 },
    options: {
      ctorTimeout: { path: ['timeoutInSeconds'], unit: 's' },
      ctorRetries: ['maxRetries'],
      callArg: 1,
      callTimeout: [['timeoutInSeconds'], ['abortSignal']],
      callRetries: [['maxRetries']],
      callTimeoutText: 'timeoutInSeconds: 30',
      ctorTimeoutText: 'timeoutInSeconds: 30',
    },
  },
  {
    // AWS SDK v3 Bedrock runtime: `client.send(new ConverseCommand({...}))` (or the aggregated `BedrockRuntime`
    // methods). The default NodeHttpHandler sets no request timeout; the standard retry mode makes 3 attempts.
    id: 'bedrock',
    packages: ['@aws-sdk/client-bedrock-runtime'],
    classes: [
      { name: 'BedrockRuntimeClient', qnames: ['@aws-sdk/client-bedrock-runtime.BedrockRuntimeClient'], callMethods: ['send'], transport: 'node-http' },
      {
        name: 'BedrockRuntime', qnames: ['@aws-sdk/client-bedrock-runtime.BedrockRuntime'], transport: 'node-http',
        callMethods: ['converse', 'converseStream', 'invokeModel', 'invokeModelWithResponseStream', 'applyGuardrail', 'countTokens', 'getAsyncInvoke', 'listAsyncInvokes', 'startAsyncInvoke'],
        metaPaths: ['applyGuardrail', 'countTokens', 'getAsyncInvoke', 'listAsyncInvokes'],
      },
    ],
    nonApi: ['destroy', 'middlewareStack'],
    defaults: { timeoutMs: null, retries: 2 },
    options: {
      ctorTimeout: { path: ['requestHandler', 'requestTimeout'], unit: 'ms' },
      callArg: 1,
      callTimeout: [['abortSignal'], ['requestTimeout']],
      callTimeoutText: 'abortSignal: AbortSignal.timeout(30_000)',
      ctorTimeoutText: 'requestHandler: { requestTimeout: 30_000 }',
    },
  },
  {
    id: 'ollama',
    packages: ['ollama'],
    local: true,
    classes: [
      {
        name: 'Ollama', qnames: ['ollama.Ollama', 'ollama/browser.Ollama'], instances: ['ollama.default', 'ollama', 'ollama/browser.default'],
        callMethods: ['chat', 'generate', 'embed', 'embeddings', 'pull', 'push', 'create', 'show', 'list', 'ps', 'copy', 'delete', 'webSearch', 'webFetch'],
        // Only chat, generate and embed run a model; the rest manage models (GET /api/tags...) or search the web.
        metaPaths: ['pull', 'push', 'create', 'show', 'list', 'ps', 'copy', 'delete', 'webSearch', 'webFetch'],
      },
    ],
    nonApi: ['abort'],
    defaults: { timeoutMs: null, retries: 0 },
    // ollama-js has no timeout option: only a custom `fetch` can bound a request.
    options: {
      ctorTimeout: { path: ['fetch'], unit: 'ms' },
      ctorTimeoutText: 'fetch: (input, init) => fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(30_000) })',
    },
  },
];

/**
 * Functions that return the client they are given, instrumented (tracing): AWS Lambda Powertools and X-Ray
 * `captureAWSv3Client`, LangSmith `wrapOpenAI`/`wrapSDK`, Langfuse `observeOpenAI`. Calls through the result
 * are calls of the wrapped client.
 */
export const JS_CLIENT_WRAPPERS: ReadonlySet<string> = new Set(['captureAWSv3Client', 'wrapOpenAI', 'wrapAnthropic', 'wrapSDK', 'observeOpenAI']);

export interface JsClassHit {
  sdk: JsSdk;
  cls: JsClientClass;
}

/** `node:fs` → `fs`; `X.default` → `X` (a default export and the CommonJS module are the same thing here). */
/** Packages that are Node's `fs` under another name (graceful-fs patches and re-exports every `fs` function). */
export const FS_DROP_IN_PACKAGES = ['graceful-fs', 'original-fs'];
const FS_DROP_INS = new RegExp(`^(?:${FS_DROP_IN_PACKAGES.join('|')})(?=\\.|$)`);

export function canonQname(qname: string): string {
  return qname.replace(/^node:/, '').replace(/\.default(?=\.|$)/g, '').replace(FS_DROP_INS, 'fs');
}

const CLASS_BY_QNAME = new Map<string, JsClassHit>();
const INSTANCE_BY_QNAME = new Map<string, JsClassHit>();
const FUNCTION_BY_QNAME = new Map<string, { sdk: JsSdk; fn: JsSdkFunction }>();
const FACTORY_BY_QNAME = new Map<string, JsClassHit>();
function indexSdks(): void {
  for (const m of [CLASS_BY_QNAME, INSTANCE_BY_QNAME, FUNCTION_BY_QNAME, FACTORY_BY_QNAME]) m.clear();
  for (const sdk of JS_SDKS) {
    for (const cls of sdk.classes) {
      for (const q of cls.qnames) CLASS_BY_QNAME.set(canonQname(q), { sdk, cls });
      for (const q of cls.instances ?? []) INSTANCE_BY_QNAME.set(canonQname(q), { sdk, cls });
    }
    for (const fn of sdk.functions ?? []) for (const q of fn.qnames) FUNCTION_BY_QNAME.set(canonQname(q), { sdk, fn });
    for (const f of sdk.factories ?? []) {
      const cls = sdk.classes.find((c) => c.name === f.cls);
      if (cls) FACTORY_BY_QNAME.set(canonQname(f.qname), { sdk, cls });
    }
  }
}
indexSdks();

let projectSdks = new Set<JsSdk>();

/** Replaces the project config's client rows (`llm-clients`) in the catalog; the SDKs' own rows stay first. */
export function setJsProjectSdks(sdks: JsSdk[]): void {
  for (let i = JS_SDKS.length - 1; i >= 0; i--) if (projectSdks.has(JS_SDKS[i])) JS_SDKS.splice(i, 1);
  projectSdks = new Set(sdks);
  JS_SDKS.push(...sdks);
  indexSdks();
}

/** Every package any SDK is imported from (the analysis prefilter). */
export const JS_SDK_PACKAGES: string[] = [...new Set(JS_SDKS.flatMap((s) => s.packages)), '@anthropic-ai/bedrock-sdk', '@anthropic-ai/vertex-sdk', 'ollama/browser', '@ai-sdk'];

export function findJsClientClass(qname: string): JsClassHit | undefined {
  const hit = CLASS_BY_QNAME.get(qname);
  if (hit) return hit;
  // LangChain: any chat model or embeddings class of a provider package, and any class of an `llms/` entry
  // point (LangChain JS 0.0.x `langchain/llms/openai` `OpenAI`, community `@langchain/community/llms/ollama`).
  const m =
    /^(@langchain\/[\w-]+(?:\/[\w/-]+)?|langchain\/[\w/-]+)\.((?:Chat|Azure)\w*|\w*(?:Embeddings|LLM))$/.exec(qname) ??
    /^(?:@langchain\/[\w-]+\/|langchain\/)llms\/[\w/-]+\.[A-Z]\w*$/.exec(qname);
  if (m) {
    const sdk = JS_SDKS.find((s) => s.id === 'langchain')!;
    return { sdk, cls: sdk.classes.find((c) => c.name === 'Runnable')! };
  }
  return undefined;
}

export function findJsInstance(qname: string): JsClassHit | undefined {
  return INSTANCE_BY_QNAME.get(qname);
}

export function findJsSdkFunction(qname: string): { sdk: JsSdk; fn: JsSdkFunction } | undefined {
  return FUNCTION_BY_QNAME.get(qname);
}

export function findJsFactory(qname: string): JsClassHit | undefined {
  return FACTORY_BY_QNAME.get(qname);
}

/** A class of the SDK by name (sessions: `Chat`, `GenerativeModel`). */
export function sdkClass(sdk: JsSdk, name: string): JsClientClass | undefined {
  return sdk.classes.find((c) => c.name === name);
}

/** True when `path` (`models.list`) is a call that manages things rather than running a model. */
export function isMetaPath(hit: JsClassHit, path: string[]): boolean {
  const dotted = path.join('.');
  for (const m of [...(hit.cls.metaPaths ?? []), ...(hit.sdk.metaPaths ?? [])]) {
    if (dotted === m || dotted.startsWith(`${m}.`)) return true;
  }
  return false;
}

export function defaultsOf(hit: JsClassHit): { timeoutMs: number | null; retries: number } {
  return hit.cls.defaults ?? hit.sdk.defaults;
}

export function optionsOf(hit: JsClassHit): JsOptionShape {
  return hit.cls.options ?? hit.sdk.options;
}

/** LangChain runnables are clients of the `langchain` SDK's `Runnable` class. */
export function runnableClass(): JsClassHit {
  const sdk = JS_SDKS.find((s) => s.id === 'langchain')!;
  return { sdk, cls: sdk.classes.find((c) => c.name === 'Runnable')! };
}
