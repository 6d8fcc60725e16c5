// Rule blocking-call-in-async-handler: other blocking work (sleep, sync HTTP, DB, files, processes) on the loop.

import type { RuleDefinition } from './rule';
import { checkBlockingCalls } from './python/blocking-call-in-async-handler';
import { checkBlockingCallJs } from './js/blocking-call';

export const blockingCallInAsyncHandler: RuleDefinition = {
  id: 'blocking-call-in-async-handler',
  defaultSeverity: 'warning',
  languages: ['python', 'javascript', 'typescript', 'tsx'],
  summary: 'Blocking work that is not an LLM call (sleep, sync HTTP, sync DB, file I/O, child processes) runs on the event loop.',
  fixTitles: ['Use `await asyncio.sleep`', 'Run in a thread with `asyncio.to_thread`', 'Use `fs.promises.*` and await'],
  docs: {
    whatItDoes:
      'Flags `time.sleep`, synchronous HTTP to non-LLM URLs (`requests`, `httpx.get`, `urllib`), synchronous database and service clients, following builder chains to the call that does the I/O (`sqlite3`, `psycopg`/`psycopg2`, `pymysql`, SQLAlchemy sync `Session`/`engine` `execute`/`scalar`/`first`/`all`, supabase-py `sb.table(...).select(...).execute()`, pymongo `collection.find_one`, redis-py `r.get`, boto3 non-LLM clients such as s3 `get_object`, `smtplib`; their async twins `redis.asyncio`, `motor`, `AsyncSession`, `asyncpg`, supabase `acreate_client` and aioboto3 are not reported), `open(...)` and child processes (`subprocess.run`, `os.system`) called in an `async def`, in a handler the framework calls on the event loop, or in a sync helper they call (in the same file or another module, as far as the call chain goes): the finding is at the blocking call and at each call site where the loop enters the helper, with the chain between. Local file I/O (`open`) is a judgement call: a small local file costs little, so it is reported at `info` with a message that says so (network and database calls stay `warning`), and a handle only given to a child process (`create_subprocess_exec(..., stdout=fh)`) is not reported: the process does the writing. In JavaScript/TypeScript: `fs.*Sync` (except stat checks: `existsSync`, `accessSync`, `statSync`, `lstatSync`, `fstatSync`, one metadata system call, like `os.path.exists` in Python), `child_process.*Sync`, `zlib.*Sync` and CPU-bound crypto (`pbkdf2Sync`, `scryptSync`) in a route handler (Express, Fastify, Hono, Koa, Next.js, Cloudflare Workers, Vercel) or a helper it calls in the same file; not at module level (startup), nor in AWS Lambda or Netlify handlers, which serve one request per instance.',
    whyIsThisBad:
      'An LLM endpoint usually does more than call the model: it fetches context, reads a prompt file, logs to a database, backs off between retries. Each of these, done synchronously inside an `async def`, holds the event loop: every other request on the worker waits, including streams in progress. A `time.sleep(2)` in a retry loop stalls the whole server for two seconds.',
    example: [
      'import time',
      '',
      'from fastapi import FastAPI',
      '',
      'app = FastAPI()',
      '',
      '@app.post("/retry")',
      'async def retry(question: str):',
      '    time.sleep(1)',
      '    return {"ok": True}',
    ].join('\n'),
    useInstead: [
      'import asyncio',
      '',
      'from fastapi import FastAPI',
      '',
      'app = FastAPI()',
      '',
      '@app.post("/retry")',
      'async def retry(question: str):',
      '    await asyncio.sleep(1)',
      '    return {"ok": True}',
    ].join('\n'),
    fixSafety:
      '"Use `await asyncio.sleep`" and "Run in a thread with `asyncio.to_thread`" are safe: the work is the same, it no longer holds the loop. In JS/TS, "Use `fs.promises.*` and await" (for `fs.xSync(...)` in an `async` function) is safe for the same reason.',
  },
  exampleFile: 'example.py',
  checkPython: checkBlockingCalls,
  checkJs: checkBlockingCallJs,
};
