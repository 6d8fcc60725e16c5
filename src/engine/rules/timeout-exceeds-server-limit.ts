// Rule timeout-exceeds-server-limit: a handler's LLM call can outlive the request, because the server or
// proxy in front (gunicorn, nginx, Vercel, Cloudflare, Lambda) cuts it before the call gives up.

import type { RuleDefinition } from './rule';
import { checkServerLimits } from './python/server-limit';
import { checkServerLimitsJs } from './js/server-limit';

export const timeoutExceedsServerLimit: RuleDefinition = {
  id: 'timeout-exceeds-server-limit',
  defaultSeverity: 'warning',
  languages: ['python', 'javascript', 'typescript', 'tsx'],
  summary: 'An LLM call in a handler can wait longer than the server or proxy in front lets the request live.',
  fixTitles: ['Set a timeout on the call under the limit'],
  docs: {
    whatItDoes:
      'Reads the request limits set in the workspace — gunicorn (`timeout` in `gunicorn.conf.py`, `--timeout`/`-t` on command lines in a Procfile, Dockerfile, compose file or script; 30 s when gunicorn is started without one), nginx (`proxy_read_timeout`, 60 s by default), Vercel (`maxDuration` in `vercel.json`), Serverless and SAM Lambda `timeout`, and a proxy timeout the project config declares (`proxy-timeout`: Cloudflare answers 524 after 100 s when the app is the origin of a proxied zone, which no file shows; a Cloudflare Worker has no wall-clock limit while its client stays connected, so a wrangler config sets none) — and compares each handler\'s LLM calls with the nearest one: their worst-case wait is the timeout per attempt × attempts + backoff, from the call, the client and the SDK\'s defaults (the same policy the hover shows). Under gunicorn with an asyncio worker (uvicorn), `--timeout` is a heartbeat: only a call that blocks the event loop (a sync call in an `async def`) hits it. uvicorn\'s `--timeout-keep-alive` is not a request limit and is ignored. A call in a helper or service module is judged by the handlers whose requests reach it, in any module of the workspace (through helpers, awaited services and objects an app factory stores on the app, such as Flask\'s `current_app.<name>`). In JS/TS, SDK calls reached from a route are compared with Vercel, Next.js (the route file\'s own limit wins: `export const maxDuration` in the app router, `export const config = { maxDuration }` in the pages router), Lambda, nginx and declared proxy limits.',
    whyIsThisBad:
      'The proxy or the server gives up first, without telling the app: gunicorn kills the worker at 30 s (the client gets an empty reply, and every other request on that worker dies with it), nginx answers 504 at 60 s, Cloudflare 524 at 100 s. The LLM call keeps running, is paid for, and its answer is thrown away. With the defaults (600 s × 3 attempts for openai and anthropic, no limit for many others), this is the common case for a slow or hung upstream.',
    example: [
      'import requests',
      'from fastapi import FastAPI',
      '',
      'app = FastAPI()',
      '',
      '@app.post("/chat")',
      'async def chat(q: str):',
      '    r = requests.post("https://api.openai.com/v1/chat/completions", json={"q": q})',
      '    return r.json()',
    ].join('\n'),
    useInstead: [
      'import openai',
      'from fastapi import FastAPI, HTTPException',
      '',
      'app = FastAPI()',
      'llm = openai.AsyncOpenAI(timeout=20)',
      '',
      '@app.post("/chat")',
      'async def chat(q: str):',
      '    try:',
      '        r = await llm.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}])',
      '    except openai.APITimeoutError:',
      '        raise HTTPException(504, "the model did not answer in time")',
      '    return {"answer": r.choices[0].message.content}',
    ].join('\n'),
    fixSafety:
      'The fix sets a timeout on the call (or its client) so that every attempt plus backoff fits in 80% of the limit. It is unsafe: answers that took longer now fail, so catch the timeout and return a clear error (504), or stream, or raise the limit in the config.',
  },
  exampleFile: 'example.py',
  exampleWorkspace: { Procfile: 'web: gunicorn main:app -k uvicorn.workers.UvicornWorker --bind 0.0.0.0:$PORT\n' },
  checkPython: checkServerLimits,
  checkJs: checkServerLimitsJs,
};
