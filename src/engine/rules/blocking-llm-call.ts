// Rule blocking-llm-call: a synchronous LLM SDK call that runs on the event loop.

import type { RuleDefinition } from './rule';
import { checkBlocking } from './python/blocking-llm-call';
import { checkBlockingThroughHelpers } from './python/interprocedural';
import { checkBlockingLlmJs } from './js/blocking-call';

export const blockingLlmCall: RuleDefinition = {
  id: 'blocking-llm-call',
  defaultSeverity: 'error',
  languages: ['python', 'javascript', 'typescript', 'tsx'],
  summary: 'A synchronous LLM call runs on the event loop and freezes every request the server is handling.',
  fixTitles: ['Use the async client and await', 'Run in a thread with `asyncio.to_thread`', 'Make the handler `def`'],
  docs: {
    whatItDoes:
      'Flags calls of a synchronous LLM client (`OpenAI`, `Anthropic`, module-level `openai.chat.completions.create`, ...) made inside an `async def` function, such as a FastAPI or Starlette route. Startup and shutdown hooks (a `lifespan=` context manager, `on_event`, `add_event_handler`) are left alone: no request is being served while they run. So are coroutines that run on no server\'s loop: an `async def` whose every caller runs it with `asyncio.run(...)` or `loop.run_until_complete(...)` from sync code (a Flask view, a CLI), and one reached from nothing in a script (a module with `if __name__ == "__main__":` that imports no web framework). A chain handler → async helper → async helper → sync call is reported once at the SDK call and once at each handler\'s call site; the hops in between are in the finding\'s chain. A sync generator helper wrapping a sync stream (`def pieces(): for c in client...create(stream=True): yield ...`) blocks at every chunk where it is iterated (`for`, `list(...)`, `"".join(...)`, `yield from`) inside an `async def`; handed to `StreamingResponse` it is iterated in the threadpool and is fine. In JavaScript/TypeScript, where every SDK is promise-based, it flags a model run through a synchronous child process (`execSync(\'ollama run ...\')`, `curl` to an LLM API via `execFileSync`, a speech model CLI such as `whisper` or `whisper-cli` via `spawnSync`) inside a request handler or a helper it calls.',
    whyIsThisBad:
      'An `async def` handler runs on the server\'s single event loop. A synchronous SDK call holds that loop for the whole model latency (seconds, up to the SDK\'s 600 s default timeout), so no other request, health check or stream makes progress meanwhile: one slow completion stalls every user of the worker. Under load the server serves about 1/latency requests per second, whatever its concurrency.',
    example: [
      'from fastapi import FastAPI',
      'from openai import OpenAI',
      '',
      'app = FastAPI()',
      'client = OpenAI()',
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
      '"Use the async client and await" is unsafe: it changes the client class for the whole file, and code elsewhere that uses the client synchronously would break, so review it. "Run in a thread with `asyncio.to_thread`" is safe: the call runs unchanged in a worker thread and the handler awaits it. "Make the handler `def`" (FastAPI only, offered when nothing else in the body awaits) is unsafe: FastAPI then runs the handler in its 40-thread pool, and any direct caller that awaited the function breaks.',
  },
  exampleFile: 'example.py',
  checkPython: (ctx) => [...checkBlocking(ctx), ...checkBlockingThroughHelpers(ctx)],
  checkJs: checkBlockingLlmJs,
};

