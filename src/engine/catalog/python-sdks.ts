// Python LLM SDKs as data: client classes and their async twins, call surfaces, defaults.
// Facts come from the SDK catalog research (each SDK's own source); adding an SDK is adding a row.

export interface PyClientClass {
  /** Fully qualified name as imported, e.g. `openai.OpenAI`. */
  qname: string;
  async: boolean;
  /** The class to switch to (sync → async), if the SDK has one with the same constructor. */
  asyncTwin?: string;
}

export interface PySdk {
  id: string;
  /** Top-level import package(s). */
  modules: string[];
  classes: PyClientClass[];
  /** Client methods that return a client (same class), not an API call. */
  clientReturning: string[];
  /** Attributes of the client tree that are not API calls when called (helpers, close, ...). */
  nonApiMethods: string[];
  /** Path segments that wrap a request's response and are transparent before a method (`with_raw_response`). */
  responseWrappers?: string[];
  /** On the async client: methods returning a stream manager used with `async with`, not awaitable. */
  asyncContextManagers: string[];
  /** On the async client: methods that are async generators (iterate, do not await). */
  asyncGenerators: string[];
  /**
   * On the async client: methods returning a paginator that is both awaitable (first page) and
   * async-iterable (every item): Stainless `AsyncPaginator` (`list`).
   */
  asyncPaginators?: string[];
  /**
   * Module-level functions/proxies that call the API synchronously, as qualified-name prefixes
   * (a prefix ending in `.` matches any attribute path below it).
   */
  moduleSync: string[];
  /** Module-level coroutine functions. */
  moduleAsync: string[];
  /**
   * Module functions (qualified names) that do network I/O but generate nothing (list, get, upload, delete):
   * they block a loop like any call, but timeout and retry rules, which are about generations, skip them.
   */
  management?: string[];
  /**
   * Module functions that are sync generator functions (`genai.list_models`): calling one sends nothing;
   * each request goes out as the generator is iterated, on the thread that iterates it.
   */
  syncGenerators?: string[];
  /**
   * Methods of the sync client that are generator functions (google-genai `models.generate_content_stream`,
   * cohere `chat_stream`, LangChain `stream`): lazy like `syncGenerators`. A call of one blocks the loop only
   * where the generator is iterated (`for`, `list(...)`, `next(...)`, `yield from`), not where it is made.
   */
  lazyMethods?: string[];
  /** With `stream=True` the sync client's calls return an unstarted generator (ollama's `_request`): lazy too. */
  lazyWhenStreaming?: true;
  defaults: { timeoutSeconds: number | null; retries: number };
  /**
   * Which method names on a client are API calls. Unset: every method of the resource tree
   * (Stainless-style `client.chat.completions.create`). Set: only these terminal names.
   */
  callMethods?: string[];
  /** Sync method → async method on the same object (`complete` → `complete_async`, `invoke` → `ainvoke`). */
  asyncPairs?: Record<string, string>;
  /** Attribute giving the async view of a sync client (google-genai `client.aio`). */
  asyncAttr?: string;
  /** Classes imported from these module prefixes are clients of this SDK (LangChain chat models...). */
  classPrefixes?: string[];
  /**
   * Functions returning a client: `boto3.client("bedrock-runtime")`; `firstArg` restricts the first argument's
   * string, written positionally or as the keyword `argKey` (`boto3.client(service_name="bedrock-runtime")`).
   */
  factories?: { qname: string; cls: string; firstArg?: string[]; argKey?: string; method?: boolean }[];
  /** Module function pairs sync → async (`litellm.completion` → `litellm.acompletion`). */
  modulePairs?: Record<string, string>;
  /** Calling the client object itself is an API call (`llm("hi")`, dspy `lm(...)`). */
  callable?: boolean;
  /** Resource paths whose call is local and returns a client-like session (`client.chats.create`). */
  sessionPaths?: string[];
  /** How the constructor takes a timeout; unset: `timeout=` in seconds; null: it takes none. */
  timeoutArg?: PyTimeoutArg | null;
  /** How one API call takes a timeout; unset: as the constructor; null: calls take none. */
  callTimeoutArg?: PyTimeoutArg | null;
  /** Classes whose defaults or timeout keyword differ from the SDK's (integrations, routers, legacy clients). */
  classOverrides?: PyClassOverride[];
  /** False when a timed-out attempt is not retried (cohere retries connection errors and status codes only). */
  retriesTimeouts?: boolean;
  /** How messages name the default when it changed across versions. */
  defaultNote?: string;
}

/**
 * Where a timeout goes and how N seconds are written: `s` → `key=N`, `ms` → `key=N*1000`,
 * `dict-s`/`dict-ms` → `key={"timeout": N}` (or N*1000), `aiohttp` → `key=aiohttp.ClientTimeout(total=N)`,
 * `botocore` → `key=Config(read_timeout=N)`, `providers` → `key={"<provider>": {"timeout": N}, ...}` (one dict per
 * provider, each its own timeout: aisuite).
 */
export interface PyTimeoutArg {
  key: string;
  form: 's' | 'ms' | 'dict-s' | 'dict-ms' | 'aiohttp' | 'botocore' | 'providers';
}

export interface PyClassOverride {
  /**
   * Qualified class names; a name ending in `.` matches every class below it, one starting with `*.` the
   * class of that name in any module.
   */
  qnames: string[];
  defaults?: { timeoutSeconds: number | null; retries: number };
  timeoutArg?: PyTimeoutArg | null;
  defaultNote?: string;
}

/** The override of `sdk` for the class `qname`, if any. */
export function classOverride(sdk: PySdk, qname: string | undefined): PyClassOverride | undefined {
  if (!qname || !sdk.classOverrides) return undefined;
  return sdk.classOverrides.find((o) => o.qnames.some((q) => (q.endsWith('.') ? qname.startsWith(q) : q.startsWith('*.') ? qname.endsWith(q.slice(1)) : qname === q)));
}

/** boto3 services whose calls are model invocations (Bedrock runtimes, SageMaker endpoints). */
const BEDROCK_SERVICES = ['bedrock-runtime', 'bedrock-agent-runtime', 'sagemaker-runtime'];

const STAINLESS_CLIENT_RETURNING = ['with_options', 'copy'];
const STAINLESS_NON_API = ['close', 'aclose', 'with_raw_response', 'with_streaming_response', 'is_closed', 'platform_headers', 'auth_headers', 'default_headers', 'qs', 'custom_auth'];

function stainless(id: string, modules: string[], pairs: [string, string][], defaults: PySdk['defaults'], extra: Partial<PySdk> = {}): PySdk {
  const classes: PyClientClass[] = [];
  for (const [sync, async] of pairs) {
    classes.push({ qname: sync, async: false, asyncTwin: async });
    classes.push({ qname: async, async: true });
  }
  return {
    id,
    modules,
    classes,
    clientReturning: STAINLESS_CLIENT_RETURNING,
    nonApiMethods: STAINLESS_NON_API,
    responseWrappers: ['with_raw_response', 'with_streaming_response'],
    asyncContextManagers: ['stream'],
    asyncGenerators: [],
    asyncPaginators: ['list'],
    moduleSync: [],
    moduleAsync: [],
    defaults,
    ...extra,
  };
}

/** LangChain models and embeddings computed in the calling process, not over HTTP. */
const LANGCHAIN_IN_PROCESS = [
  'HuggingFaceEmbeddings', 'HuggingFaceBgeEmbeddings', 'HuggingFaceInstructEmbeddings', 'SentenceTransformerEmbeddings',
  'HuggingFacePipeline', 'LlamaCpp', 'LlamaCppEmbeddings', 'GPT4All', 'GPT4AllEmbeddings', 'CTransformers', 'FastEmbedEmbeddings',
  'FakeListLLM', 'FakeListChatModel', 'FakeEmbeddings', 'DeterministicFakeEmbedding',
];

export const PYTHON_SDKS: PySdk[] = [
  stainless(
    'openai',
    ['openai'],
    [
      ['openai.OpenAI', 'openai.AsyncOpenAI'],
      ['openai.Client', 'openai.AsyncClient'],
      ['openai.AzureOpenAI', 'openai.AsyncAzureOpenAI'],
      ['openai.BedrockOpenAI', 'openai.AsyncBedrockOpenAI'],
      ['openai.lib.azure.AzureOpenAI', 'openai.lib.azure.AsyncAzureOpenAI'],
    ],
    { timeoutSeconds: 600, retries: 2 },
    {
      // The module-level API proxies a lazily built *sync* client; legacy 0.x resources too.
      moduleSync: [
        'openai.chat.', 'openai.completions.', 'openai.embeddings.', 'openai.images.', 'openai.audio.', 'openai.moderations.',
        'openai.responses.', 'openai.files.', 'openai.batches.', 'openai.beta.', 'openai.fine_tuning.', 'openai.models.',
        'openai.ChatCompletion.create', 'openai.Completion.create', 'openai.Embedding.create', 'openai.Image.create',
        'openai.Moderation.create', 'openai.Edit.create',
      ],
      moduleAsync: ['openai.ChatCompletion.acreate', 'openai.Completion.acreate', 'openai.Embedding.acreate', 'openai.Image.acreate', 'openai.Moderation.acreate'],
    },
  ),
  stainless(
    'anthropic',
    ['anthropic'],
    [
      ['anthropic.Anthropic', 'anthropic.AsyncAnthropic'],
      ['anthropic.Client', 'anthropic.AsyncClient'],
      ['anthropic.AnthropicBedrock', 'anthropic.AsyncAnthropicBedrock'],
      ['anthropic.AnthropicBedrockMantle', 'anthropic.AsyncAnthropicBedrockMantle'],
      ['anthropic.AnthropicVertex', 'anthropic.AsyncAnthropicVertex'],
      ['anthropic.AnthropicFoundry', 'anthropic.AsyncAnthropicFoundry'],
      ['anthropic.AnthropicAWS', 'anthropic.AsyncAnthropicAWS'],
      ['anthropic.AnthropicGoogleCloud', 'anthropic.AsyncAnthropicGoogleCloud'],
      ['anthropic.lib.bedrock.AnthropicBedrock', 'anthropic.lib.bedrock.AsyncAnthropicBedrock'],
      ['anthropic.lib.vertex.AnthropicVertex', 'anthropic.lib.vertex.AsyncAnthropicVertex'],
    ],
    { timeoutSeconds: 600, retries: 2 },
  ),
  stainless('groq', ['groq'], [['groq.Groq', 'groq.AsyncGroq']], { timeoutSeconds: 60, retries: 2 }),
  stainless('together', ['together'], [['together.Together', 'together.AsyncTogether']], { timeoutSeconds: 60, retries: 5 }),
  stainless(
    'fireworks',
    ['fireworks'],
    [
      ['fireworks.Fireworks', 'fireworks.AsyncFireworks'],
      ['fireworks.client.Fireworks', 'fireworks.client.AsyncFireworks'],
    ],
    { timeoutSeconds: 60, retries: 2 },
    { moduleSync: ['fireworks.client.ChatCompletion.create', 'fireworks.client.Completion.create'], moduleAsync: ['fireworks.client.ChatCompletion.acreate', 'fireworks.client.Completion.acreate'] },
  ),
];

const LANGCHAIN_PAIRS: Record<string, string> = {
  invoke: 'ainvoke', stream: 'astream', batch: 'abatch', predict: 'apredict', predict_messages: 'apredict_messages',
  run: 'arun', generate: 'agenerate', generate_prompt: 'agenerate_prompt', transform: 'atransform', get_relevant_documents: 'aget_relevant_documents',
  // Embeddings models: one request per call (or per batch of documents).
  embed_query: 'aembed_query', embed_documents: 'aembed_documents',
};

/**
 * LangChain embeddings over HTTP outside the partner packages: community and 0.0.x OpenAI (the openai client
 * with `request_timeout=None`), community Ollama (a plain `requests.post`, no timeout, no retry).
 */
const LANGCHAIN_REMOTE_EMBEDDINGS = [
  'langchain_community.embeddings.OpenAIEmbeddings', 'langchain_community.embeddings.AzureOpenAIEmbeddings', 'langchain_community.embeddings.openai.',
  'langchain_community.embeddings.azure_openai.', 'langchain.embeddings.OpenAIEmbeddings', 'langchain.embeddings.openai.',
];
const LANGCHAIN_COMMUNITY_OLLAMA_EMBEDDINGS = ['langchain_community.embeddings.OllamaEmbeddings', 'langchain_community.embeddings.ollama.', 'langchain.embeddings.OllamaEmbeddings'];

/**
 * LangChain 0.0.x re-exported chains and LLMs at the top level (`from langchain import LLMChain, OpenAI`);
 * the prompt classes next to them are not clients.
 */
const LANGCHAIN_TOP_CHAINS = ['LLMChain', 'ConversationChain', 'LLMMathChain', 'LLMBashChain', 'LLMCheckerChain', 'PALChain', 'QAWithSourcesChain', 'SQLDatabaseChain', 'VectorDBQA', 'VectorDBQAWithSourcesChain', 'SelfAskWithSearchChain', 'MRKLChain', 'ReActChain'].map((c) => `langchain.${c}`);
const LANGCHAIN_TOP_LLMS = ['OpenAI', 'Anthropic', 'Cohere', 'HuggingFaceHub', 'HuggingFacePipeline', 'LlamaCpp', 'SagemakerEndpoint', 'Modal', 'Petals', 'Writer', 'GooseAI', 'ForefrontAI', 'CerebriumAI', 'StochasticAI', 'Banana', 'PromptLayerOpenAI'].map((c) => `langchain.${c}`);
/** LangChain 0.0.x OpenAI models: `request_timeout=None` (no limit) and `max_retries=6`. */
const LANGCHAIN_LEGACY_OPENAI = ['langchain.OpenAI', 'langchain.PromptLayerOpenAI', 'langchain.llms.OpenAI', 'langchain.llms.AzureOpenAI', 'langchain.llms.OpenAIChat', 'langchain.llms.openai.', 'langchain.chat_models.ChatOpenAI', 'langchain.chat_models.AzureChatOpenAI', 'langchain.chat_models.openai.', 'langchain.chat_models.azure_openai.'];

const LLAMA_PAIRS: Record<string, string> = {
  query: 'aquery', chat: 'achat', complete: 'acomplete', stream_chat: 'astream_chat', stream_complete: 'astream_complete',
  predict: 'apredict', structured_predict: 'astructured_predict', retrieve: 'aretrieve', stream_query: 'astream_query',
};

/** google-generativeai module functions that call the model or file services without generating. */
const GENAI_LEGACY_MANAGEMENT = ['get_model', 'get_base_model', 'get_tuned_model', 'list_models', 'list_tuned_models', 'create_tuned_model', 'update_tuned_model', 'delete_tuned_model', 'upload_file', 'get_file', 'list_files', 'delete_file'].map((n) => `google.generativeai.${n}`);

function pairsOnly(id: string, modules: string[], classes: PyClientClass[], pairs: Record<string, string>, defaults: PySdk['defaults'], extra: Partial<PySdk> = {}): PySdk {
  return {
    id, modules, classes, clientReturning: [], nonApiMethods: [], asyncContextManagers: [], asyncGenerators: [], moduleSync: [], moduleAsync: [],
    defaults, callMethods: [...Object.keys(pairs), ...Object.values(pairs)], asyncPairs: pairs, ...extra,
  };
}

PYTHON_SDKS.push(
  {
    id: 'google-genai', modules: ['google.genai', 'google'], classes: [{ qname: 'google.genai.Client', async: false }, { qname: 'google.genai.client.Client', async: false }],
    clientReturning: [], nonApiMethods: ['close', 'aclose'], asyncContextManagers: [], asyncGenerators: [], moduleSync: [], moduleAsync: [],
    defaults: { timeoutSeconds: null, retries: 0 }, asyncAttr: 'aio', sessionPaths: ['chats.create'],
    // models.py / chats.py: the sync stream methods `yield` the chunks (the request is made inside the generator).
    lazyMethods: ['generate_content_stream', 'send_message_stream'],
    // `HttpOptions.timeout` counts milliseconds; per call it sits in `config=GenerateContentConfig(http_options=...)`.
    timeoutArg: { key: 'http_options', form: 'dict-ms' }, callTimeoutArg: null,
  },
  pairsOnly('google-generativeai', ['google.generativeai'], [{ qname: 'google.generativeai.GenerativeModel', async: false }], {
    generate_content: 'generate_content_async', count_tokens: 'count_tokens_async', send_message: 'send_message_async', embed_content: 'embed_content_async',
  }, { timeoutSeconds: 60, retries: 0 }, {
    moduleSync: ['google.generativeai.embed_content', 'google.generativeai.generate_text', 'google.generativeai.chat', 'google.generativeai.generate_embeddings', 'google.generativeai.count_text_tokens', 'google.generativeai.count_message_tokens', 'google.generativeai.generate_answer', ...GENAI_LEGACY_MANAGEMENT],
    moduleAsync: ['google.generativeai.embed_content_async'],
    // models.py / files.py: the model and file services (REST or gRPC), each a sync request; the list
    // functions are generators that fetch a page as they are iterated.
    management: GENAI_LEGACY_MANAGEMENT,
    syncGenerators: ['google.generativeai.list_models', 'google.generativeai.list_tuned_models', 'google.generativeai.list_files'],
    clientReturning: ['start_chat'],
    // `GenerativeModel(...)` takes no timeout: each call takes `request_options={"timeout": s}`.
    timeoutArg: null, callTimeoutArg: { key: 'request_options', form: 'dict-s' },
  }),
  {
    id: 'mistralai', modules: ['mistralai'],
    classes: [
      { qname: 'mistralai.Mistral', async: false }, { qname: 'mistralai.client.Mistral', async: false },
      { qname: 'mistralai.client.MistralClient', async: false, asyncTwin: 'mistralai.async_client.MistralAsyncClient' },
      { qname: 'mistralai.async_client.MistralAsyncClient', async: true },
    ],
    clientReturning: [], nonApiMethods: [], asyncContextManagers: [], asyncGenerators: [], moduleSync: [], moduleAsync: [],
    defaults: { timeoutSeconds: 300, retries: 0 },
    timeoutArg: { key: 'timeout_ms', form: 'ms' },
    defaultNote: '5 min (since 2.4.13; none up to 2.2)',
    // 0.x `MistralClient(timeout=120, max_retries=5)` counts seconds.
    classOverrides: [{ qnames: ['mistralai.client.MistralClient', 'mistralai.async_client.MistralAsyncClient'], defaults: { timeoutSeconds: 120, retries: 5 }, timeoutArg: { key: 'timeout', form: 's' }, defaultNote: '' }],
    asyncPairs: { complete: 'complete_async', stream: 'stream_async', parse: 'parse_async', create: 'create_async', process: 'process_async' },
  },
  stainless('cohere', ['cohere'], [['cohere.Client', 'cohere.AsyncClient'], ['cohere.ClientV2', 'cohere.AsyncClientV2']], { timeoutSeconds: 300, retries: 2 }, {
    clientReturning: [], asyncContextManagers: [], asyncGenerators: ['chat_stream', 'generate_stream'], asyncPaginators: [],
    // The sync twins are generator functions too (Fern's `with httpx_client.stream(...)` inside the generator).
    lazyMethods: ['chat_stream', 'generate_stream', 'embed_stream'],
    // Per call: `request_options={"timeout": s, "max_retries": n}`; client-side timeouts are never retried.
    callTimeoutArg: { key: 'request_options', form: 'dict-s' }, retriesTimeouts: false,
  }),
  {
    id: 'ollama', modules: ['ollama'],
    classes: [{ qname: 'ollama.Client', async: false, asyncTwin: 'ollama.AsyncClient' }, { qname: 'ollama.AsyncClient', async: true }],
    clientReturning: [], nonApiMethods: [], asyncContextManagers: [], asyncGenerators: [],
    moduleSync: ['ollama.chat', 'ollama.generate', 'ollama.embed', 'ollama.embeddings', 'ollama.pull', 'ollama.push', 'ollama.create', 'ollama.list', 'ollama.show', 'ollama.ps'],
    moduleAsync: [], defaults: { timeoutSeconds: null, retries: 0 },
    // `_request(..., stream=True)` returns an inner generator that opens the HTTP stream when first iterated.
    lazyWhenStreaming: true,
  },
  {
    // aisuite: one sync client over the providers' own SDK clients (`client.chat.completions.create(model="openai:gpt-4o")`
    // runs the sync OpenAI/Anthropic client's request); `AsyncClient` awaits their async clients. Each provider's
    // client is built from `provider_configs[provider]`, so the timeout is per provider; a call's keywords reach
    // the provider's call (`timeout=` for openai and anthropic). Unconfigured, openai and anthropic wait 600 s × 3.
    id: 'aisuite', modules: ['aisuite'],
    classes: [{ qname: 'aisuite.Client', async: false }, { qname: 'aisuite.AsyncClient', async: true }],
    clientReturning: [], nonApiMethods: ['configure', 'providers', 'provider_configs'], asyncContextManagers: [], asyncGenerators: [], moduleSync: [], moduleAsync: [],
    defaults: { timeoutSeconds: 600, retries: 2 },
    defaultNote: "600 s (the openai and anthropic clients' own)",
    timeoutArg: { key: 'provider_configs', form: 'providers' },
    callTimeoutArg: { key: 'timeout', form: 's' },
  },
  {
    id: 'huggingface_hub', modules: ['huggingface_hub'],
    classes: [
      { qname: 'huggingface_hub.InferenceClient', async: false, asyncTwin: 'huggingface_hub.AsyncInferenceClient' },
      { qname: 'huggingface_hub.AsyncInferenceClient', async: true },
    ],
    clientReturning: [], nonApiMethods: ['close'], asyncContextManagers: [], asyncGenerators: [], moduleSync: [], moduleAsync: [],
    defaults: { timeoutSeconds: null, retries: 0 },
  },
  {
    id: 'litellm', modules: ['litellm'],
    classes: [{ qname: 'litellm.Router', async: false }, { qname: 'litellm.router.Router', async: false }],
    clientReturning: [], nonApiMethods: [], asyncContextManagers: [], asyncGenerators: [],
    moduleSync: ['litellm.completion', 'litellm.embedding', 'litellm.text_completion', 'litellm.image_generation', 'litellm.transcription', 'litellm.speech', 'litellm.responses', 'litellm.rerank'],
    moduleAsync: ['litellm.acompletion', 'litellm.aembedding', 'litellm.atext_completion', 'litellm.aimage_generation', 'litellm.atranscription', 'litellm.aspeech', 'litellm.aresponses', 'litellm.arerank'],
    modulePairs: {
      'litellm.completion': 'litellm.acompletion', 'litellm.embedding': 'litellm.aembedding', 'litellm.text_completion': 'litellm.atext_completion',
      'litellm.image_generation': 'litellm.aimage_generation', 'litellm.transcription': 'litellm.atranscription', 'litellm.speech': 'litellm.aspeech',
      'litellm.responses': 'litellm.aresponses', 'litellm.rerank': 'litellm.arerank',
    },
    asyncPairs: { completion: 'acompletion', embedding: 'aembedding', text_completion: 'atext_completion', image_generation: 'aimage_generation', responses: 'aresponses' },
    callMethods: ['completion', 'acompletion', 'embedding', 'aembedding', 'text_completion', 'atext_completion', 'image_generation', 'aimage_generation', 'responses', 'aresponses'],
    defaults: { timeoutSeconds: 600, retries: 0 },
    // `Router.timeout` falls back to `litellm.request_timeout` (6000 s); `num_retries` to openai's 2.
    classOverrides: [{ qnames: ['litellm.Router', 'litellm.router.Router'], defaults: { timeoutSeconds: 6000, retries: 2 } }],
  },
  pairsOnly('langchain', ['langchain', 'langchain_openai', 'langchain_anthropic', 'langchain_community', 'langchain_google_genai', 'langchain_google_vertexai', 'langchain_ollama', 'langchain_groq', 'langchain_mistralai', 'langchain_cohere', 'langchain_aws', 'langchain_core', 'langchain_together', 'langchain_fireworks', 'langchain_huggingface', 'langgraph'], [], LANGCHAIN_PAIRS, { timeoutSeconds: null, retries: 2 }, {
    classPrefixes: [
      'langchain_openai.', 'langchain_anthropic.', 'langchain_community.chat_models.', 'langchain_community.llms.', 'langchain_community.embeddings.', 'langchain_google_genai.', 'langchain_google_vertexai.',
      'langchain_ollama.', 'langchain_groq.', 'langchain_mistralai.', 'langchain_cohere.', 'langchain_aws.', 'langchain_together.', 'langchain_fireworks.', 'langchain_huggingface.',
      'langchain.chains.', 'langchain.chat_models.', 'langchain.llms.', 'langchain.agents.AgentExecutor', 'langchain_core.language_models.',
      ...LANGCHAIN_TOP_CHAINS, ...LANGCHAIN_TOP_LLMS, ...LANGCHAIN_REMOTE_EMBEDDINGS, ...LANGCHAIN_COMMUNITY_OLLAMA_EMBEDDINGS,
    ],
    factories: [
      { qname: 'langchain.chat_models.init_chat_model', cls: 'langchain' },
      { qname: 'langgraph.prebuilt.create_react_agent', cls: 'langchain' },
      { qname: 'langchain.agents.create_agent', cls: 'langchain' },
      // Chains built around the model passed as `llm` (the chain takes no timeout; the model does).
      { qname: 'langchain.chains.summarize.load_summarize_chain', cls: 'langchain.chains.summarize.load_summarize_chain' },
      { qname: 'langchain.chains.question_answering.load_qa_chain', cls: 'langchain.chains.question_answering.load_qa_chain' },
      { qname: 'langchain.chains.qa_with_sources.load_qa_with_sources_chain', cls: 'langchain.chains.qa_with_sources.load_qa_with_sources_chain' },
      // LCEL constructors of retrieval chains: the model is the `llm` (or the combine-documents chain holding it).
      ...['langchain.chains.create_retrieval_chain', 'langchain.chains.retrieval.create_retrieval_chain', 'langchain.chains.combine_documents.create_stuff_documents_chain',
        'langchain.chains.combine_documents.stuff.create_stuff_documents_chain', 'langchain.chains.create_history_aware_retriever',
        'langchain.chains.history_aware_retriever.create_history_aware_retriever'].map((q) => ({ qname: q, cls: q })),
      { qname: 'compile', cls: 'langchain', method: true },
    ],
    clientReturning: ['with_structured_output', 'bind_tools', 'bind', 'with_retry', 'with_config', 'with_fallbacks', 'pipe', 'assign', 'with_types', 'configurable_fields', 'as_retriever', 'from_template', 'from_messages', 'from_llm', 'from_chain_type'],
    callable: true,
    asyncGenerators: ['astream', 'astream_events', 'astream_log', 'atransform', 'abatch_as_completed'],
    // `Runnable.stream` (`yield self.invoke(...)`), `BaseChatModel.stream`, `RunnableSequence.stream` (`yield from
    // self.transform(...)`), LangGraph's `Pregel.stream`: generator functions, so the model runs as they are iterated.
    lazyMethods: ['stream', 'transform', 'batch_as_completed'],
    // Chat models pass `timeout=None` to their SDK unless given one (no limit) and keep the SDK's retries.
    classOverrides: [
      // Models run in this process (sentence-transformers, transformers pipelines, llama.cpp, GPT4All): no
      // request goes out, so there is no timeout to set (a sync call still holds the loop while it computes).
      { qnames: LANGCHAIN_IN_PROCESS.map((c) => `*.${c}`), timeoutArg: null },
      // Chat wrappers over another LangChain model (`ChatHuggingFace(llm=HuggingFaceEndpoint(...))`): the model's timeout applies.
      { qnames: ['*.ChatHuggingFace'], timeoutArg: null },
      // `timeout: int = 120` handed to huggingface_hub's InferenceClient, which does not retry.
      { qnames: ['*.HuggingFaceEndpoint'], defaults: { timeoutSeconds: 120, retries: 0 } },
      // No `request_timeout`: litellm's own 600 s per request; tenacity retries (`max_retries=6`).
      { qnames: ['*.ChatLiteLLM'], defaults: { timeoutSeconds: 600, retries: 6 }, timeoutArg: { key: 'request_timeout', form: 's' } },
      // langchain-ollama: the httpx options go in `client_kwargs`; ollama has no retries.
      { qnames: ['langchain_ollama.'], defaults: { timeoutSeconds: null, retries: 0 }, timeoutArg: { key: 'client_kwargs', form: 'dict-s' } },
      // Community OllamaEmbeddings posts with `requests` and no timeout; nothing retries.
      { qnames: LANGCHAIN_COMMUNITY_OLLAMA_EMBEDDINGS, defaults: { timeoutSeconds: null, retries: 0 } },
      // 0.0.x OpenAIEmbeddings: `request_timeout=None`, tenacity `max_retries=6`.
      { qnames: ['langchain.embeddings.OpenAIEmbeddings', 'langchain.embeddings.openai.'], defaults: { timeoutSeconds: null, retries: 6 }, timeoutArg: { key: 'request_timeout', form: 's' } },
      { qnames: ['langchain_mistralai.'], defaults: { timeoutSeconds: 120, retries: 5 } },
      { qnames: ['langchain_google_genai.'], defaults: { timeoutSeconds: null, retries: 6 } },
      // boto3 underneath: botocore's 60 s read timeout and legacy retries.
      { qnames: ['langchain_aws.'], defaults: { timeoutSeconds: 60, retries: 4 }, timeoutArg: { key: 'config', form: 'botocore' } },
      // Chains and agents take no timeout: the model they wrap does.
      { qnames: ['langchain.chains.', 'langchain.agents.', ...LANGCHAIN_TOP_CHAINS], timeoutArg: null },
      // 0.0.x OpenAI models name the option `request_timeout` (the later `timeout` alias is not everywhere).
      { qnames: LANGCHAIN_LEGACY_OPENAI, defaults: { timeoutSeconds: null, retries: 6 }, timeoutArg: { key: 'request_timeout', form: 's' } },
    ],
  }),
  pairsOnly('llama-index', ['llama_index'], [], LLAMA_PAIRS, { timeoutSeconds: 60, retries: 3 }, {
    classPrefixes: ['llama_index.'],
    classOverrides: [
      { qnames: ['llama_index.llms.ollama.'], defaults: { timeoutSeconds: 30, retries: 0 }, timeoutArg: { key: 'request_timeout', form: 's' } },
      // Builds a google-genai client: no timeout unless `http_options` gives one (milliseconds).
      { qnames: ['llama_index.llms.google_genai.'], defaults: { timeoutSeconds: null, retries: 3 }, timeoutArg: { key: 'http_options', form: 'dict-ms' } },
      // Indexes, query and chat engines take no timeout: the LLM they use (`Settings.llm`, `llm=`) does.
      { qnames: ['llama_index.core.'], timeoutArg: null },
    ],
    clientReturning: ['as_query_engine', 'as_chat_engine', 'as_retriever', 'from_documents', 'from_vector_store', 'load_index_from_storage'],
  }),
  {
    id: 'boto3-bedrock', modules: ['boto3'],
    classes: [{ qname: 'boto3.bedrock-runtime', async: false }],
    clientReturning: [], nonApiMethods: [], asyncContextManagers: [], asyncGenerators: [], moduleSync: [], moduleAsync: [],
    callMethods: ['invoke_model', 'invoke_model_with_response_stream', 'converse', 'converse_stream', 'count_tokens', 'apply_guardrail', 'retrieve_and_generate', 'retrieve', 'invoke_agent'],
    factories: [
      // `boto3.client(service_name, region_name=None, ..., config=None)`; `Session(...).client` takes the same.
      { qname: 'boto3.client', cls: 'boto3.bedrock-runtime', firstArg: BEDROCK_SERVICES, argKey: 'service_name' },
      { qname: 'client', cls: 'boto3.bedrock-runtime', firstArg: BEDROCK_SERVICES, argKey: 'service_name', method: true },
    ],
    // botocore: 60 s read timeout; legacy retry mode makes 5 attempts (4 retries), standard and adaptive 3.
    defaults: { timeoutSeconds: 60, retries: 4 },
    timeoutArg: { key: 'config', form: 'botocore' },
  },
  {
    id: 'dspy', modules: ['dspy'],
    classes: [{ qname: 'dspy.LM', async: false }, { qname: 'dspy.Predict', async: false }, { qname: 'dspy.ChainOfThought', async: false }, { qname: 'dspy.ReAct', async: false }],
    clientReturning: [], nonApiMethods: [], asyncContextManagers: [], asyncGenerators: [], moduleSync: [], moduleAsync: [],
    callMethods: ['forward', 'acall', 'aforward'], asyncPairs: { forward: 'aforward', __call__: 'acall' }, callable: true,
    defaults: { timeoutSeconds: 600, retries: 3 },
    // `dspy.LM(..., timeout=s)` reaches litellm; modules take none: they use the configured LM's.
    classOverrides: [{ qnames: ['dspy.Predict', 'dspy.ChainOfThought', 'dspy.ReAct'], timeoutArg: null }],
  },
);

/** instructor-style wrappers: the result is the wrapped client (sync or async as given). */
export const CLIENT_WRAPPERS = new Set([
  'instructor.from_openai', 'instructor.from_anthropic', 'instructor.from_gemini', 'instructor.from_genai', 'instructor.from_mistral',
  'instructor.from_cohere', 'instructor.from_groq', 'instructor.from_litellm', 'instructor.patch', 'instructor.apatch', 'langsmith.wrappers.wrap_openai',
  'langfuse.openai.OpenAI',
]);

/**
 * LangChain runnables built around another runnable, which they run with its model (so with its timeout
 * and retries): the keyword (or `#n` position) holding the wrapped runnable. Any module re-exporting them.
 */
const RUNNABLE_WRAPPER_ARGS: Record<string, string[]> = {
  RunnableWithMessageHistory: ['#0', 'runnable'],
  RunnableWithFallbacks: ['runnable'],
  RunnableRetry: ['bound'],
  RunnableBinding: ['bound'],
  RunnableSequence: ['#0', '#1', '#2', 'first', 'middle', 'last'],
};

/** Where a LangChain runnable wrapper called as `qname` takes the runnable it wraps, if it is one. */
export function runnableWrapperArgs(qname: string): string[] | undefined {
  const m = /^(?:langchain_core|langchain)\.(?:runnables|schema\.runnable)(?:\.[a-z_]+)?\.(\w+)$/.exec(qname);
  return m ? RUNNABLE_WRAPPER_ARGS[m[1]] : undefined;
}

export interface ClassHit {
  sdk: PySdk;
  cls: PyClientClass;
}

const CLASS_INDEX = new Map<string, ClassHit>();
let PREFIXED: PySdk[] = [];

/** Rebuilds the lookups below from PYTHON_SDKS (at load, and when project config adds clients). */
export function refreshSdkIndexes(): void {
  CLASS_INDEX.clear();
  for (const sdk of PYTHON_SDKS) for (const cls of sdk.classes) CLASS_INDEX.set(cls.qname, { sdk, cls });
  PREFIXED = PYTHON_SDKS.filter((s) => s.classPrefixes);
  prefixMemo.clear();
}

export function findClientClass(qname: string): ClassHit | undefined {
  const hit = CLASS_INDEX.get(qname);
  if (hit) return hit;
  for (const sdk of PREFIXED) {
    if (sdk.classPrefixes!.some((p) => (p.endsWith('.') ? qname.startsWith(p) : qname === p)) && /^[A-Z]/.test(shortName(qname))) {
      const made: ClassHit = { sdk, cls: { qname, async: false } };
      CLASS_INDEX.set(qname, made);
      return made;
    }
  }
  return undefined;
}

/** A client of `sdk` that is not tied to one class (factory results, LangChain pipelines). */
export function genericClass(sdkId: string, qname: string): ClassHit | undefined {
  const sdk = PYTHON_SDKS.find((s) => s.id === sdkId || s.classes.some((c) => c.qname === qname));
  if (!sdk) return undefined;
  return { sdk, cls: sdk.classes.find((c) => c.qname === qname) ?? { qname, async: false } };
}

/** Whether `method` called on a client of this SDK is async (returns a coroutine). */
export function methodIsAsync(hit: ClassHit, method: string): boolean {
  if (hit.cls.async) return true;
  const pairs = hit.sdk.asyncPairs;
  if (pairs) {
    if (Object.prototype.hasOwnProperty.call(pairs, method) && pairs[method] !== method) return false;
    if (Object.values(pairs).includes(method)) return true;
  }
  return false;
}

export interface ModuleFunctionHit {
  sdk: PySdk;
  async: boolean;
}

/**
 * Matches a qualified name of a module-level API function (`openai.chat.completions.create`).
 * With `exact`, prefix entries (`openai.chat.`) do not match: used while a chain is still growing.
 */
/** openai 0.x resources named through their submodules (`openai.api_resources.chat_completion.ChatCompletion`). */
const OPENAI_API_RESOURCES = /^openai\.api_resources\.(?:[a-z_]+\.)?(?=[A-Z])/;
const OPENAI_API_RESOURCES_MODULE = /^openai\.api_resources(?:\.[a-z_]+)?$/;

export function findModuleFunction(qname: string, exact = false): ModuleFunctionHit | undefined {
  // `from openai.api_resources import ChatCompletion`: the class `openai` re-exports.
  if (qname.startsWith('openai.api_resources.')) qname = qname.replace(OPENAI_API_RESOURCES, 'openai.');
  for (const sdk of PYTHON_SDKS) {
    if (sdk.moduleAsync.includes(qname)) return { sdk, async: true };
    for (const p of sdk.moduleSync) {
      if (p.endsWith('.') ? !exact && qname.startsWith(p) && qname.length > p.length : qname === p) return { sdk, async: false };
    }
  }
  return undefined;
}

/** True when `qname` could be a prefix of a catalogued name (keeps attribute chains alive). */
const prefixMemo = new Map<string, boolean>();
refreshSdkIndexes();

export function isModuleFunctionPrefix(qname: string): boolean {
  let v = prefixMemo.get(qname);
  if (v === undefined) {
    v = isPrefixUncached(qname);
    if (prefixMemo.size < 50000) prefixMemo.set(qname, v);
  }
  return v;
}

function isPrefixUncached(qname: string): boolean {
  if (OPENAI_API_RESOURCES_MODULE.test(qname)) return true;
  if (qname.startsWith('openai.api_resources.')) qname = qname.replace(OPENAI_API_RESOURCES, 'openai.');
  for (const sdk of PYTHON_SDKS) {
    for (const p of [...sdk.moduleSync, ...sdk.moduleAsync]) if (p.startsWith(qname + '.') || qname.startsWith(p)) return true;
    for (const c of sdk.classes) if (c.qname.startsWith(qname + '.')) return true;
    if (sdk.modules.includes(qname)) return true;
    for (const f of sdk.factories ?? []) if (!f.method && f.qname.startsWith(qname + '.')) return true;
  }
  return false;
}

export function findFactory(qname: string, method: boolean): { sdk: PySdk; cls: string; firstArg?: string[]; argKey?: string }[] {
  const out: { sdk: PySdk; cls: string; firstArg?: string[]; argKey?: string }[] = [];
  for (const sdk of PYTHON_SDKS) for (const f of sdk.factories ?? []) if (f.qname === qname && !!f.method === method) out.push({ sdk, cls: f.cls, firstArg: f.firstArg, argKey: f.argKey });
  return out;
}

export function shortName(qname: string): string {
  return qname.slice(qname.lastIndexOf('.') + 1);
}

/**
 * Where a client was built, for files that use it from another module: the constructor's place and the
 * timeout and retries written there (seconds; null: no limit; undefined: set, value not known statically).
 */
export interface CtorOrigin {
  file: string;
  /** The constructor call (0-based, as LSP counts). */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  timeout?: { value: number | null | undefined; source: string };
  retries?: { value: number | null | undefined; source: string };
}

/** Separates a client's class from its origin in the encoded form (never part of a qualified name). */
const ORIGIN_MARK = '\u0001';

/** Compact text form of a client class for summaries: `sdk|qname|async`, then its origin when known. */
export function encodeClient(hit: ClassHit, origin?: CtorOrigin): string {
  const base = `${hit.sdk.id}|${hit.cls.qname}|${hit.cls.async ? 1 : 0}`;
  return origin ? base + ORIGIN_MARK + JSON.stringify(origin) : base;
}

/** The origin an encoded client carries, if any. */
export function decodeOrigin(text: string): CtorOrigin | undefined {
  const at = text.indexOf(ORIGIN_MARK);
  if (at === -1) return undefined;
  try {
    return JSON.parse(text.slice(at + 1)) as CtorOrigin;
  } catch {
    return undefined;
  }
}

/** `file:line:character` of an origin: how summaries name the constructor a call goes through. */
export function originKey(o: CtorOrigin): string {
  return `${o.file}:${o.range.start.line}:${o.range.start.character}`;
}

export function decodeClient(encoded: string): ClassHit | undefined {
  const mark = encoded.indexOf(ORIGIN_MARK);
  const text = mark === -1 ? encoded : encoded.slice(0, mark);
  const [id, qname, async] = text.split('|');
  const sdk = PYTHON_SDKS.find((s) => s.id === id);
  if (!sdk || !qname) return undefined;
  return { sdk, cls: sdk.classes.find((c) => c.qname === qname) ?? { qname, async: async === '1' } };
}
