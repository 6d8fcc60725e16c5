// Rule llm-http-without-retry: raw HTTP to an LLM API with no retry around it, or an SDK client or call
// with retries switched off.

import type { RuleDefinition } from './rule';
import { checkRetryJs } from './js/retry';
import { checkRetryPython } from './python/retry';

export const llmHttpWithoutRetry: RuleDefinition = {
  id: 'llm-http-without-retry',
  defaultSeverity: 'warning',
  languages: ['python', 'javascript', 'typescript', 'tsx'],
  summary: 'Raw HTTP to an LLM API has no retry (or an SDK has `maxRetries: 0`): every 429 or 5xx fails the request.',
  fixTitles: ['Retry twice (`maxRetries: 2`)'],
  docs: {
    whatItDoes:
      'Python: flags `requests`, `httpx`, `urllib` and `aiohttp` calls to an LLM API with no retry (no tenacity/backoff/stamina decorator, no attempt loop (`for attempt in range(n)` or a `while` that stops on success) that catches errors or checks the status, no transport or adapter retries), `max_retries=0` on an SDK client or call, and, as info at the decorator, a retry decorator around an SDK call that already retries (the attempts multiply; the message says when the decorator has no stop condition and retries forever). A decorator counts as a retry only when it can fire for a transient error: not when the function catches every exception and returns, nor when its predicate names only non-transient types (`retry_if_exception_type(ssl.SSLError)`). A loop counts as a retry only when a failure path (an `except` or a failed-status branch) goes on to the next iteration: an agent/tool loop that returns on every error is not one. JS/TS: flags `fetch`, `axios`, `ky`, `got` and `request`/`request-promise` requests to an LLM API (OpenAI, Anthropic, Gemini, Mistral, Groq, Ollama, OpenRouter... hosts and `/v1/chat/completions`-style paths) that run without a retry: no attempt loop around them (a counted `for`, or a `while`/`do` that stops on success and waits or counts on failure), no retry wrapper (`p-retry`, `async-retry`, `exponential-backoff`, a local `withRetry`), no `axios-retry`/`fetch-retry`. Requests to a model server on the same machine (`localhost`, `host.docker.internal`, ollama\'s port) are left alone: no rate limits there. Also flags SDK clients and calls with `maxRetries: 0`, and, at the constructor, clients of SDKs that make one attempt unless told otherwise (openai-node v3 `OpenAIApi`, `@google/genai` without `retryOptions`, `@google/generative-ai`, `@mistralai/mistralai` without `retryConfig`) when their calls in the file are not all retried; and, as info at the retry, a retry around an SDK call that already retries (`p-retry`/`async-retry` options, a local `withRetry`-style helper or a local function or class running its callback in an attempt loop, a counted attempt loop whose `catch` goes round again): the attempts multiply, and the message counts them (outer attempts × the SDK\'s). `maxRetries: 0` is not reported when an outer retry covers every call through the client. A loop over work items (`for chunk in chunks`, `for (const line of lines)`) whose body catches errors is not a retry: each item still gets one try.',
    whyIsThisBad:
      'LLM APIs answer 429 (rate limit) and 500/503/529 (overloaded) routinely under load; the official SDKs retry them twice with exponential backoff and honour `retry-after`. A raw request does not, so each transient error becomes a failed user request. ky and got do not retry POST by default either.',
    example: [
      "export async function complete(prompt: string): Promise<string> {",
      "  const res = await fetch('https://api.openai.com/v1/chat/completions', {",
      "    method: 'POST',",
      "    headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}`, 'Content-Type': 'application/json' },",
      "    body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] }),",
      '    signal: AbortSignal.timeout(30_000),',
      '  });',
      '  const data = await res.json();',
      '  return data.choices[0].message.content;',
      '}',
    ].join('\n'),
    useInstead: [
      "import OpenAI from 'openai';",
      '',
      'const client = new OpenAI({ timeout: 30_000, maxRetries: 2 });',
      '',
      "export async function complete(prompt: string): Promise<string> {",
      "  const out = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });",
      "  return out.choices[0].message.content ?? '';",
      '}',
    ].join('\n'),
    fixSafety:
      '"Retry twice" replaces `maxRetries: 0` with `2` and is unsafe: someone may have switched retries off on purpose (an outer retry loop, a strict latency budget). Raw HTTP calls get no automatic fix: use the SDK, or wrap the call in a retry helper with backoff.',
  },
  exampleFile: 'example.ts',
  checkJs: checkRetryJs,
  checkPython: checkRetryPython,
};
