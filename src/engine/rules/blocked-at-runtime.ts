// Rule blocked-at-runtime: a line where a load test saw the event loop blocked and no static finding predicted it.
// Its findings come from the runtime sampler (the language server publishes them after a run), not from a check.

import type { RuleDefinition } from './rule';

export const blockedAtRuntime: RuleDefinition = {
  id: 'blocked-at-runtime',
  defaultSeverity: 'warning',
  languages: ['python', 'javascript', 'typescript', 'tsx'],
  summary: 'A load test saw the event loop blocked at this line, and no static finding predicted it.',
  fixTitles: [],
  runtimeOnly: true,
  docs: {
    whatItDoes:
      'After a load test of an app Loopsafe started itself (`loopsafe.loadTest.appCommand`, trusted workspaces), the sampler loaded into the app reports the lines of your code that held the event loop for 20 ms or more. Lines a static rule already flagged are confirmed in that finding; every other one becomes a `blocked-at-runtime` diagnostic with the blocked time, its share of the run and the library call below it. It is cleared when the file changes or a later run no longer sees the line.',
    whyIsThisBad:
      'While one request runs synchronous work on the loop, every other request on that worker waits, the health check included. Static analysis cannot see every path: a handler chosen from a dict filled at runtime, `getattr`, a plugin, a library that blocks internally. The load test measured it, so it is real.',
    example: [
      'import requests',
      'from fastapi import FastAPI',
      '',
      'app = FastAPI()',
      'TOOLS = {}',
      '',
      'def summarize(text):',
      '    return requests.post("http://llm/v1/chat/completions", json={"q": text}, timeout=30).json()  # blocked at runtime',
      '',
      'TOOLS["summarize"] = summarize',
      '',
      '@app.post("/chat")',
      'async def chat(tool: str):',
      '    return TOOLS[tool]("hi")',
    ].join('\n'),
    useInstead: [
      'import asyncio',
      '',
      'import requests',
      'from fastapi import FastAPI',
      '',
      'app = FastAPI()',
      'TOOLS = {}',
      '',
      'def summarize(text):',
      '    return requests.post("http://llm/v1/chat/completions", json={"q": text}, timeout=30).json()',
      '',
      'TOOLS["summarize"] = summarize',
      '',
      '@app.post("/chat")',
      'async def chat(tool: str):',
      '    return await asyncio.to_thread(TOOLS[tool], "hi")',
    ].join('\n'),
    fixSafety:
      'No automatic fix: the blocking line is known, how it was reached is not. Move the work off the loop (`await asyncio.to_thread(...)`, an async client, `fs.promises`) at the call the handler makes, or make the handler a sync `def` where the framework runs those in a threadpool. Suppress with `# loopsafe: ignore[blocked-at-runtime]` on the line, or switch the rule off in `loopsafe.rules`.',
  },
  exampleFile: 'example.py',
};
