// Rule llm-call-without-timeout: an LLM call with no explicit timeout on the call or its client; the
// message states the effective default (600 s × 3 attempts, none, 300 s undici cut, ...).

import type { RuleDefinition } from './rule';
import { checkTimeoutJs } from './js/timeout';
import { checkTimeoutPython } from './python/timeout';

export const llmCallWithoutTimeout: RuleDefinition = {
  id: 'llm-call-without-timeout',
  defaultSeverity: 'warning',
  languages: ['python', 'javascript', 'typescript', 'tsx'],
  summary: 'An LLM call has no timeout of its own: a hung upstream holds the request for minutes (or forever).',
  fixTitles: ['Set a timeout on the client', 'Pass a timeout to this call', 'Add `signal: AbortSignal.timeout(30_000)`', 'Add `timeout: 30_000`'],
  docs: {
    whatItDoes:
      'Python: flags a client built in this file without a timeout (once, at its constructor, naming the calls in other modules that go through it, or the code it is handed to) when the default of its SDK or class is over 60 s or none (openai, anthropic: 600 s; litellm `Router`: 6000 s; LangChain `ChatOpenAI`, ollama, google-genai, huggingface_hub: none), module-level calls (`litellm.completion`, `openai.chat.completions.create` unless `openai.timeout` is set, openai 0.x `ChatCompletion.create`, whose `timeout=` is not the HTTP timeout) and raw `requests`/`urllib`/`aiohttp` calls to LLM APIs without one, an explicit `None` or `0` (also nested: `http_options`, `request_options`, botocore `Config(read_timeout=None)`, `httpx.Timeout(None)`), and a millisecond option written in seconds (google-genai `HttpOptions(timeout=30)`, mistralai `timeout_ms=30`: 30 ms). httpx\'s 5 s and botocore\'s 60 s defaults are not flagged. JS/TS: flags LLM calls whose client was built in this file without a timeout and whose call sets none either, when the default is over 60 s or none, in the SDK\'s own option shape: `timeout` (openai, @anthropic-ai/sdk, groq-sdk, LangChain; ms), `httpOptions.timeout` (@google/genai; ms), `timeoutMs` (@mistralai/mistralai), `timeoutInSeconds` (cohere-ai), `abortSignal`/`timeout` (Vercel `ai`), the per-call options of @google/generative-ai, a custom `fetch` (ollama); raw `fetch`/`axios`/`got` calls to LLM APIs without `signal`/`timeout`; and millisecond options holding seconds (`timeout: 30`, `AbortSignal.timeout(30)`). An explicit `timeout: undefined` or `Infinity` (axios `0`, ky `false`) counts as none. Clients built elsewhere (parameters, other modules) are not judged. The message states the default: timeout per attempt and attempts.',
    whyIsThisBad:
      'The defaults are long or absent: openai and Anthropic wait 600 s per attempt and retry twice, @google/genai, ollama and the Vercel AI SDK set no timeout, axios waits forever. Node\'s own fetch then cuts requests at 300 s without headers, whatever the SDK says. Meanwhile the user stares at a spinner, the proxy in front (nginx 60 s, Vercel, Cloudflare 100 s) has already given up, and the server keeps the socket and the memory of every stuck request.',
    example: [
      "import OpenAI from 'openai';",
      '',
      'const client = new OpenAI();',
      '',
      'export async function answer(question: string): Promise<string> {',
      "  const out = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });",
      "  return out.choices[0].message.content ?? '';",
      '}',
    ].join('\n'),
    useInstead: [
      "import OpenAI from 'openai';",
      '',
      'const client = new OpenAI({ timeout: 30_000, maxRetries: 2 });',
      '',
      'export async function answer(question: string): Promise<string> {',
      "  const out = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });",
      "  return out.choices[0].message.content ?? '';",
      '}',
    ].join('\n'),
    fixSafety:
      'The fixes set a 30 s timeout on the client (preferred) or on the call, in the SDK\'s own option and unit. They are unsafe: a long non-streaming generation that used to succeed in 45 s now fails, so pick the value for your slowest legitimate call (or stream).',
  },
  exampleFile: 'example.ts',
  checkJs: checkTimeoutJs,
  checkPython: checkTimeoutPython,
};
