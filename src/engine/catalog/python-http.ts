// Raw HTTP clients as data (requests, httpx, urllib, aiohttp) and what makes a URL an LLM API:
// known provider hosts and OpenAI-, Anthropic-, Gemini- and Ollama-style paths.

import type { PySdk } from './python-sdks';

/** Hosts that serve only model APIs (inference, embeddings, images of the LLM providers). */
const LLM_HOSTS = [
  'api\\.openai\\.com', '\\.openai\\.azure\\.com', '\\.services\\.ai\\.azure\\.com', '\\.inference\\.ai\\.azure\\.com', 'models\\.inference\\.ai\\.azure\\.com',
  'api\\.anthropic\\.com', 'generativelanguage\\.googleapis\\.com', 'aiplatform\\.googleapis\\.com',
  'api\\.mistral\\.ai', 'codestral\\.mistral\\.ai', 'api\\.cohere\\.(?:ai|com)', 'api\\.groq\\.com', 'api\\.together\\.(?:xyz|ai)', 'api\\.fireworks\\.ai', 'openrouter\\.ai',
  'api\\.deepseek\\.com', 'api\\.perplexity\\.ai', 'api\\.x\\.ai', 'api-inference\\.huggingface\\.co', 'router\\.huggingface\\.co', 'bedrock-runtime\\.',
  'api\\.replicate\\.com', 'api\\.deepinfra\\.com', 'api\\.cerebras\\.ai', 'api\\.sambanova\\.ai', 'api\\.voyageai\\.com', 'api\\.jina\\.ai', 'api\\.ai21\\.com',
  'integrate\\.api\\.nvidia\\.com', 'dashscope(?:-intl)?\\.aliyuncs\\.com', 'api\\.moonshot\\.(?:cn|ai)', 'open\\.bigmodel\\.cn', 'api\\.novita\\.ai', 'api\\.hyperbolic\\.xyz',
  'localhost:11434', '127\\.0\\.0\\.1:11434',
];

/** OpenAI's API paths, which OpenAI-compatible servers (Azure, Groq, Together, vLLM, LiteLLM…) copy. */
const OPENAI_PATHS = '(?:chat/completions|completions|embeddings|images/(?:generations|edits|variations)|moderations|audio/(?:speech|transcriptions|translations)|responses)';

/**
 * API path families, whatever the host (a base URL from settings, a proxy, a self-hosted OpenAI-compatible
 * server): OpenAI's after a version segment, a base-URL placeholder (`f"{base}/embeddings"`), the start of
 * a literal (`client.post("/embeddings")` on a client with `base_url`) or `openai/`; Azure's
 * `openai/deployments/…`; Anthropic's messages; Gemini/Vertex `:generateContent`-style verbs; Ollama's.
 * A path must end where its name ends (`/embeddings_cache` is not one); an app's own `/api/embeddings` route
 * is not an API path of a provider.
 */
const LLM_PATHS = [
  '/chat/completions\\b', `(?:/v\\d+\\w*|\\}|['"\`]|openai)/${OPENAI_PATHS}\\b`, 'openai/deployments/',
  '/v1/messages\\b', '/v1/complete\\b',
  ':(?:stream)?[gG]enerateContent\\b', ':(?:batchE|e)mbedContents?\\b', ':countTokens\\b', ':(?:stream)?[rR]awPredict\\b',
  '/api/(?:generate|chat|embed|embeddings)\\b',
];

/** Provider hosts and API paths of LLM endpoints (base URLs included). */
export const LLM_URL = new RegExp([...LLM_HOSTS, ...LLM_PATHS].join('|'));

export function isLlmUrl(text: string | undefined): boolean {
  return text !== undefined && LLM_URL.test(text);
}

/**
 * A model server on this machine or beside it (loopback, Docker's host alias, ollama's port): no rate limits
 * and no overloaded shared upstream, so an error there is not one a retry rides out.
 */
const LOCAL_URL = /^[`'"]?(?:https?:\/\/)?(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1\]|host\.docker\.internal|[\w.-]+:11434)(?::\d+)?(?:[/`'"?]|$)/i;

export function isLocalLlmUrl(text: string | undefined): boolean {
  return text !== undefined && LOCAL_URL.test(text);
}

function http(id: string, timeoutSeconds: number | null): PySdk {
  return {
    id, modules: [id.split('-')[0]], classes: [], clientReturning: [], nonApiMethods: [], asyncContextManagers: [], asyncGenerators: [],
    moduleSync: [], moduleAsync: [], defaults: { timeoutSeconds, retries: 0 },
  };
}

export const HTTP_SDKS = {
  requests: http('requests', null),
  httpx: http('httpx', 5),
  urllib: http('urllib', null),
  aiohttp: http('aiohttp', 300),
};

/** Module functions making one synchronous request; the value is the library's entry. */
export const HTTP_FUNCTIONS: Record<string, PySdk> = {
  'requests.get': HTTP_SDKS.requests, 'requests.post': HTTP_SDKS.requests, 'requests.put': HTTP_SDKS.requests, 'requests.patch': HTTP_SDKS.requests,
  'requests.request': HTTP_SDKS.requests, 'httpx.get': HTTP_SDKS.httpx, 'httpx.post': HTTP_SDKS.httpx, 'httpx.put': HTTP_SDKS.httpx,
  'httpx.request': HTTP_SDKS.httpx, 'httpx.stream': HTTP_SDKS.httpx, 'urllib.request.urlopen': HTTP_SDKS.urllib,
};

/** Client classes: whether their request methods are async, and the library. */
export const HTTP_CLIENTS: Record<string, { async: boolean; sdk: PySdk }> = {
  'requests.Session': { async: false, sdk: HTTP_SDKS.requests },
  'requests.sessions.Session': { async: false, sdk: HTTP_SDKS.requests },
  'httpx.Client': { async: false, sdk: HTTP_SDKS.httpx },
  'httpx.AsyncClient': { async: true, sdk: HTTP_SDKS.httpx },
  'aiohttp.ClientSession': { async: true, sdk: HTTP_SDKS.aiohttp },
};

export const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'request', 'stream', 'send']);
