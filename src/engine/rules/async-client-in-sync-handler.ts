// Rule async-client-in-sync-handler: a coroutine created in a plain `def` handler and never run.

import type { RuleDefinition } from './rule';
import { checkAsyncInSync } from './python/async-client-in-sync-handler';

export const asyncClientInSyncHandler: RuleDefinition = {
  id: 'async-client-in-sync-handler',
  defaultSeverity: 'error',
  languages: ['python'],
  summary: 'An async client is called from a plain `def` function, which cannot await it: the coroutine never runs.',
  fixTitles: ['Make the handler `async def` and await'],
  docs: {
    whatItDoes:
      'Flags calls of an async LLM client (`AsyncOpenAI`, `AsyncAnthropic`, ...) inside a plain `def` function whose coroutine is not handed to something that runs it (`asyncio.run`, `loop.run_until_complete`, ...).',
    whyIsThisBad:
      'A `def` function cannot `await`. The call only creates a coroutine object, so the model is never asked and the handler returns or uses a coroutine instead of an answer.',
    example: [
      'from fastapi import FastAPI',
      'from openai import AsyncOpenAI',
      '',
      'app = FastAPI()',
      'client = AsyncOpenAI(timeout=30)',
      '',
      '@app.post("/chat")',
      'def chat(prompt: str):',
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
      '"Make the handler `async def` and await" is unsafe: direct callers of the function must then await it.',
  },
  exampleFile: 'example.py',
  checkPython: checkAsyncInSync,
};

