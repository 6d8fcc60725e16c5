// Rule unawaited-llm-call: the coroutine of an async LLM call is dropped or never awaited.

import type { RuleDefinition } from './rule';
import { checkUnawaited } from './python/unawaited-llm-call';
import { checkUnawaitedHelpers } from './python/interprocedural';
import { checkUnawaitedJs } from './js/unawaited-llm-call';

export const unawaitedLlmCall: RuleDefinition = {
  id: 'unawaited-llm-call',
  defaultSeverity: 'error',
  languages: ['python', 'javascript', 'typescript', 'tsx'],
  summary: 'An async LLM call is never awaited: the request is never sent and the handler gets a coroutine, not an answer.',
  fixTitles: ['Add `await`'],
  docs: {
    whatItDoes:
      'Flags calls of an async LLM client (`AsyncOpenAI`, `AsyncAnthropic`, ...) whose coroutine is dropped, assigned to a name that is never awaited, or used directly (`.choices`, indexing, iteration) without `await`. In JavaScript/TypeScript: the promise of an LLM call (SDK method, Vercel `generateText`, raw `fetch`/`axios` to an LLM API) or of a local function that returns one, when it is dropped, `.then`ed without a rejection handler, used as the answer (`.choices`, destructuring, `res.json(p)`, `ctx.body = p`, a template string), iterated without `await` where the SDK returns a promise of a stream, returned without `await` inside `try`, or produced by an async `forEach` callback. `await`, `return`, `.catch`, `.then(ok, fail)`, `Promise.all`, `ctx.waitUntil` and `void` count as handled; `streamText` and the `.stream()` helpers are synchronous by design.',
    whyIsThisBad:
      'Calling an async method only creates a coroutine; nothing is sent until it is awaited. A dropped coroutine means the model is never asked (Python warns "coroutine was never awaited" at garbage collection, long after the response went out), and using it directly fails with `AttributeError: \'coroutine\' object has no attribute \'choices\'`. In JavaScript the request is sent (promises start at once), but nobody waits for it: the handler responds before the answer exists, a failure (timeout, 429) becomes an unhandled rejection that crashes Node by default, serverless runtimes freeze or cancel the work after the response, and a promise used as the answer serializes as `{}`.',
    example: [
      'from fastapi import FastAPI',
      'from openai import AsyncOpenAI',
      '',
      'app = FastAPI()',
      'client = AsyncOpenAI(timeout=30)',
      '',
      '@app.post("/chat")',
      'async def chat(prompt: str):',
      '    response = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])',
      '    return {"answer": response.choices[0].message.content}',
    ].join('\n'),
    useInstead: [
      'from fastapi import FastAPI',
      'from openai import AsyncOpenAI',
      '',
      'app = FastAPI()',
      'client = AsyncOpenAI(timeout=30)',
      '',
      '@app.post("/chat")',
      'async def chat(prompt: str):',
      '    response = await client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])',
      '    return {"answer": response.choices[0].message.content}',
    ].join('\n'),
    fixSafety:
      '"Add `await`" is safe: it makes the code do what it says. Where the result is used directly, the fix adds parentheses: `(await client.x.create(...)).choices`. In JS/TS: "Add `await`" is safe inside an `async` function; where the function must become `async` too it is safe for handlers whose framework awaits them (not Express) and unsafe elsewhere. "Add `.catch(...)`" (`.catch(next)` in Express) and "Hand it to `ctx.waitUntil`" (Workers) are safe.',
  },
  exampleFile: 'example.py',
  checkPython: (ctx) => [...checkUnawaited(ctx), ...checkUnawaitedHelpers(ctx)],
  checkJs: checkUnawaitedJs,
};

