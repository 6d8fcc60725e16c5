// Rule await-on-sync-call: `await` in front of a synchronous LLM call.

import type { RuleDefinition } from './rule';
import { checkAwaitOnSync } from './python/await-on-sync-call';

export const awaitOnSyncCall: RuleDefinition = {
  id: 'await-on-sync-call',
  defaultSeverity: 'error',
  languages: ['python'],
  summary: '`await` on a synchronous client call: the call blocks first, then `await` raises TypeError.',
  fixTitles: ['Use the async client and await', 'Remove `await`'],
  docs: {
    whatItDoes:
      'Flags `await` applied to the result of a synchronous LLM client call, e.g. `await client.chat.completions.create(...)` where `client = OpenAI()`. A widely copied "fix" for blocking handlers does exactly this.',
    whyIsThisBad:
      'The synchronous call runs to completion first, blocking the event loop for the whole request. Its result (a `ChatCompletion`, a `Message`) is not awaitable, so the `await` then raises `TypeError: object ChatCompletion can\'t be used in \'await\' expression`: the endpoint fails with a 500 after having frozen the server.',
    example: [
      'import os',
      'from fastapi import FastAPI',
      'from openai import OpenAI',
      '',
      'app = FastAPI()',
      'client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])',
      '',
      '@app.get("/generate")',
      'async def generate():',
      '    response = await client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hello"}])',
      '    return response.choices[0].message.content',
    ].join('\n'),
    useInstead: [
      'import os',
      'from fastapi import FastAPI',
      'from openai import AsyncOpenAI',
      '',
      'app = FastAPI()',
      'client = AsyncOpenAI(api_key=os.environ["OPENAI_API_KEY"], timeout=30)',
      '',
      '@app.get("/generate")',
      'async def generate():',
      '    response = await client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hello"}])',
      '    return response.choices[0].message.content',
    ].join('\n'),
    fixSafety:
      '"Use the async client and await" is unsafe (it changes the client for the whole file; review other uses). "Remove `await`" is safe: it removes the TypeError, but the call still blocks the event loop, so `blocking-llm-call` stays until you use the async client or a thread.',
  },
  exampleFile: 'example.py',
  checkPython: checkAwaitOnSync,
};

