// Server and proxy limits read from every config format, and rule timeout-exceeds-server-limit on
// handlers: sync workers, asyncio workers (heartbeat: only a blocked loop), nginx in front, and the fix.

import * as assert from 'assert';
import { Workspace, applyEdits } from '../../src/engine/api';
import { isModule, isServerConfigFile, limitsInFile } from '../../src/engine/limits/server-limits';
import { testEngine } from '../helpers/engine';

const summary = (file: string, text: string) => limitsInFile(file, text).map((l) => `${l.kind} ${l.seconds}${l.heartbeatOnly ? ' heartbeat' : ''} @${l.range.start.line + 1}`);

describe('server limits', () => {
  it('reads gunicorn from config files and command lines, with its default and worker class', () => {
    assert.deepStrictEqual(summary('/p/gunicorn.conf.py', 'bind = "0.0.0.0:8000"\nworkers = 2\ntimeout = 120\nworker_class = "uvicorn.workers.UvicornWorker"\n'), ['gunicorn 120 heartbeat @3']);
    assert.deepStrictEqual(summary('/p/Procfile', 'web: gunicorn app:app --workers 2\n'), ['gunicorn 30 @1']);
    assert.deepStrictEqual(summary('/p/Procfile', 'web: gunicorn main:app -k uvicorn.workers.UvicornWorker -t 90\n'), ['gunicorn 90 heartbeat @1']);
    assert.deepStrictEqual(summary('/p/Dockerfile', 'FROM python:3.12\nRUN pip install gunicorn\nCMD ["gunicorn", "--timeout=45", "wsgi:app"]\n'), ['gunicorn 45 @3']);
    assert.deepStrictEqual(summary('/p/Dockerfile', 'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--timeout", "45", "-k", "uvicorn.workers.UvicornWorker", "main:app"]\n'), ['gunicorn 45 heartbeat @1'], 'exec form');
    // gevent, eventlet, tornado and gthread workers heartbeat from the arbiter's side too: a long request does not get the worker killed.
    assert.deepStrictEqual(summary('/p/gunicorn_config.py', 'workers = 4\nworker_class = "eventlet"\ntimeout = 30\n'), ['gunicorn 30 heartbeat @3']);
    assert.deepStrictEqual(summary('/p/gunicorn.conf.py', "timeout = 60\nworker_class = 'gthread'\nthreads = 8\n"), ['gunicorn 60 heartbeat @1']);
    assert.deepStrictEqual(summary('/p/Procfile', 'web: gunicorn app:app -k gevent --timeout 120\n'), ['gunicorn 120 heartbeat @1']);
    assert.deepStrictEqual(summary('/p/gunicorn.conf.py', 'timeout = 60\nworker_class = "sync"\n'), ['gunicorn 60 @1']);
    assert.deepStrictEqual(summary('/p/Procfile', 'web: gunicorn --workers-tmp-dir /dev/shm app:app\n'), ['gunicorn 30 @1'], 'a flag that merely contains -t');
    assert.deepStrictEqual(summary('/p/docker-compose.yml', 'services:\n  web:\n    command: gunicorn -c gunicorn.conf.py app:app\n'), [], 'the config file decides');
    assert.deepStrictEqual(summary('/p/start.sh', '#!/bin/sh\n# gunicorn --timeout 5 old\nexec gunicorn --timeout 60 app:app\n'), ['gunicorn 60 @3']);
  });

  it('reads Amplify Gen 2 function limits for the code in the function folder (3 s unless timeoutSeconds)', () => {
    const file = '/p/amplify/functions/chat/resource.ts';
    assert.ok(isServerConfigFile(file));
    assert.ok(!isServerConfigFile('/p/src/resource.ts'));
    const set = limitsInFile(file, "import { defineFunction } from '@aws-amplify/backend';\nexport const chat = defineFunction({\n  name: 'chat',\n  timeoutSeconds: 45,\n});\n");
    assert.deepStrictEqual(set.map((l) => [l.kind, l.seconds, l.onlyDir, l.range.start.line]), [['lambda', 45, '/p/amplify/functions/chat', 3]]);
    const unset = limitsInFile(file, "export const chat = defineFunction({ name: 'chat' });\n");
    assert.deepStrictEqual(unset.map((l) => [l.seconds, l.onlyDir]), [[3, '/p/amplify/functions/chat']]);
    // A custom provider builds its own Lambda: its timeout is not Amplify's default.
    assert.deepStrictEqual(limitsInFile(file, 'export const fn = defineFunction((scope) => new NodejsFunction(scope, "x", { timeout: Duration.minutes(5) }));\n'), []);
  });

  it('reads AWS CDK Lambda limits for the entry module of each function (3 s unless timeout)', () => {
    const file = '/p/lib/chat-stack.ts';
    assert.ok(isServerConfigFile(file));
    assert.ok(isServerConfigFile('/p/cdk/app.ts'));
    assert.ok(!isServerConfigFile('/p/cdk/lambda/chat.ts'), 'only files directly in cdk/');
    assert.ok(!isServerConfigFile('/p/infra/handlers/chat.ts'));
    assert.ok(!isServerConfigFile('/p/lib/chat.ts'));
    const text = [
      "import * as cdk from 'aws-cdk-lib';",
      "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';",
      "new NodejsFunction(this, 'Chat', { entry: 'lambda/chat.ts', timeout: cdk.Duration.seconds(30) });",
      "new NodejsFunction(this, 'Sum', { entry: path.join(__dirname, '../lambda', 'sum.ts'), environment: { A: '1' } });",
      "new lambda.Function(this, 'Old', { code: lambda.Code.fromAsset('src/old'), handler: 'main.run', timeout: Duration.minutes(2) });",
      "const f = new Function('return 1');",
    ].join('\n');
    assert.deepStrictEqual(limitsInFile(file, text).map((l) => [l.seconds, l.onlyModule, l.range.start.line + 1]), [
      [30, 'lambda/chat', 4],
      [3, '/p/lambda/sum', 5],
      [120, 'src/old/main', 6],
    ]);
    assert.ok(isModule('/w/app/lambda/chat.ts', 'lambda/chat'));
    assert.ok(!isModule('/w/app/lambda/chatbot.ts', 'lambda/chat'));
    assert.ok(isModule('/p/lambda/sum.mjs', '/p/lambda/sum'));
    assert.ok(!isModule('/q/p/lambda/sum.ts', '/p/lambda/sum'), 'an absolute module is matched whole');
    // Without a CDK import the same text is not a stack.
    assert.deepStrictEqual(limitsInFile(file, "new NodejsFunction(this, 'Chat', { entry: 'lambda/chat.ts' });"), []);
  });

  it('reads nginx, Vercel, Next.js, Cloudflare, Serverless and SAM limits', () => {
    assert.deepStrictEqual(summary('/p/nginx/site.conf', 'server {\n  location / {\n    proxy_pass http://app:8000;\n    proxy_read_timeout 2m;\n  }\n}\n'), ['nginx 120 @4']);
    assert.deepStrictEqual(summary('/p/nginx.conf', 'location / { proxy_pass http://app; }\n'), ['nginx 60 @1']);
    assert.deepStrictEqual(summary('/p/vercel.json', '{ "functions": { "api/**/*.py": { "maxDuration": 15 } } }'), ['vercel 15 @1']);
    assert.deepStrictEqual(summary('/p/app/api/chat/route.ts', 'export const maxDuration = 30;\nexport async function POST() {}\n'), ['nextjs 30 @1']);
    // A Worker has no wall-clock limit while its client stays connected: a wrangler config sets none.
    assert.deepStrictEqual(summary('/p/wrangler.toml', 'name = "chat"\nmain = "src/index.ts"\n[limits]\ncpu_ms = 300000\n'), []);
    assert.deepStrictEqual(summary('/p/serverless.yml', 'provider:\n  name: aws\nfunctions:\n  chat:\n    handler: h.chat\n    timeout: 29\n'), ['lambda 29 @6']);
    assert.deepStrictEqual(summary('/p/template.yaml', 'Resources:\n  Chat:\n    Type: AWS::Serverless::Function\n    Properties:\n      Timeout: 20\n'), ['lambda 20 @5']);
    assert.ok(isServerConfigFile('/p/Procfile') && isServerConfigFile('/p/compose.yaml') && !isServerConfigFile('/p/README.md'));
  });
});

const FLASK = [
  'from flask import Flask',
  'from openai import OpenAI',
  '',
  'app = Flask(__name__)',
  'client = OpenAI(timeout=20)',
  '',
  '@app.post("/chat")',
  'def chat():',
  '    return {"a": client.chat.completions.create(model="m", messages=[]).choices[0].message.content}',
  '',
].join('\n');

const FASTAPI = [
  'import requests',
  'from fastapi import FastAPI',
  'from openai import AsyncOpenAI',
  '',
  'app = FastAPI()',
  'aclient = AsyncOpenAI(timeout=15, max_retries=1)',
  '',
  '@app.post("/blocking")',
  'async def blocking():',
  '    return requests.post("http://127.0.0.1:8100/v1/chat/completions", json={}).json()',
  '',
  '@app.post("/bounded")',
  'async def bounded():',
  '    return requests.post("http://127.0.0.1:8100/v1/chat/completions", json={}, timeout=20).json()',
  '',
  '@app.post("/awaited")',
  'async def awaited():',
  '    return await aclient.chat.completions.create(model="m", messages=[])',
  '',
].join('\n');

async function findings(files: Record<string, string>, file: string) {
  const ws = new Workspace(await testEngine());
  for (const [rel, text] of Object.entries(files)) ws.upsert(`/lim/${rel}`, text);
  return { ws, result: ws.analyze(`/lim/${file}`)! };
}

describe('timeout-exceeds-server-limit', () => {
  it('flags a sync worker whose handler can outlive gunicorn, pointing at the config', async () => {
    // 20 s × 3 attempts + backoff = 61.5 s > 30 s.
    const { result } = await findings({ 'app.py': FLASK, Procfile: 'web: gunicorn app:app\n' }, 'app.py');
    const f = result.findings.filter((x) => x.rule === 'timeout-exceeds-server-limit');
    assert.deepStrictEqual(f.map((x) => x.range.start.line + 1), [9]);
    assert.match(f[0].message, /can wait 61\.5 s \(20 s per attempt × 3 attempts \+ backoff; `timeout=20`\), but gunicorn's default `--timeout 30` cuts the request first: gunicorn kills the worker/);
    assert.ok(f[0].related.some((r) => r.location.file === '/lim/Procfile' && r.location.range.start.line === 0));
    const fixed = await findings({ 'app.py': FLASK, Procfile: 'web: gunicorn app:app --timeout 90\n' }, 'app.py');
    assert.deepStrictEqual(fixed.result.findings.filter((x) => x.rule === 'timeout-exceeds-server-limit'), []);
  });

  it('under an asyncio worker only a call blocking the loop meets gunicorn; nginx cuts everything', async () => {
    const procfile = 'web: gunicorn app:app -k uvicorn.workers.UvicornWorker\n';
    const { result } = await findings({ 'app.py': FASTAPI, Procfile: procfile }, 'app.py');
    assert.deepStrictEqual(result.findings.filter((x) => x.rule === 'timeout-exceeds-server-limit').map((x) => x.range.start.line + 1), [10]);
    const nginx = await findings({ 'app.py': FASTAPI, Procfile: procfile, 'deploy/nginx/site.conf': 'location / { proxy_pass http://web:8000; proxy_read_timeout 10s; }\n' }, 'app.py');
    // 10 s: the bounded call (20 s) and the awaited one (15 s × 2 + 0.5 s) are cut too.
    assert.deepStrictEqual(nginx.result.findings.filter((x) => x.rule === 'timeout-exceeds-server-limit').map((x) => x.range.start.line + 1), [10, 14, 18]);
  });

  it('a command line naming no worker class takes the one of the gunicorn.conf.py it reads (by default, or with -c)', async () => {
    // 20 s × 3 attempts + backoff = 61.5 s > 30 s: a sync worker is killed; a gevent worker only heartbeats.
    const gevent = 'worker_class = "gevent"\ntimeout = 120\n';
    const lines = async (files: Record<string, string>) =>
      (await findings({ 'app.py': FLASK, ...files }, 'app.py')).result.findings.filter((x) => x.rule === 'timeout-exceeds-server-limit').map((x) => x.range.start.line + 1);
    assert.deepStrictEqual(await lines({ Procfile: 'web: gunicorn app:app --timeout 30\n', 'gunicorn.conf.py': gevent }), []);
    assert.deepStrictEqual(await lines({ Procfile: 'web: gunicorn -c conf/gunicorn.conf.py --timeout 30 app:app\n', 'conf/gunicorn.conf.py': 'worker_class = "gevent"\n' }), []);
    assert.deepStrictEqual(await lines({ Procfile: 'web: gunicorn app:app --timeout 30\n', 'gunicorn.conf.py': 'worker_class = "sync"\n' }), [9]);
    assert.deepStrictEqual(await lines({ Procfile: 'web: gunicorn app:app --timeout 30\n', 'deploy/gunicorn.conf.py': gevent }), [9]);
  });

  it('re-analyses when the config changes, and its fix brings the call under the limit', async () => {
    const { ws, result } = await findings({ 'app.py': FASTAPI, Procfile: 'web: gunicorn app:app -k uvicorn.workers.UvicornWorker\n' }, 'app.py');
    const f = result.findings.find((x) => x.rule === 'timeout-exceeds-server-limit')!;
    const fix = f.fixes[0];
    assert.strictEqual(fix.title, 'Set `timeout=24` on the call (under the 30 s limit)');
    const after = applyEdits(FASTAPI, fix.edits);
    ws.upsert('/lim/app.py', after);
    assert.deepStrictEqual(ws.analyze('/lim/app.py')!.findings.filter((x) => x.rule === 'timeout-exceeds-server-limit'), []);
    ws.upsert('/lim/Procfile', 'web: gunicorn app:app -k uvicorn.workers.UvicornWorker --timeout 10\n');
    assert.deepStrictEqual(ws.analyze('/lim/app.py')!.findings.filter((x) => x.rule === 'timeout-exceeds-server-limit').map((x) => x.range.start.line + 1), [10, 14]);
  });
});

describe('timeout-exceeds-server-limit across modules', () => {
  const LLM = [
    'from openai import AsyncOpenAI, OpenAI',
    'aclient = AsyncOpenAI()',
    'client = OpenAI()',
    '',
    'async def ask(q):',
    '    return await aclient.chat.completions.create(model="m", messages=[{"role": "user", "content": q}])',
    '',
    'def ask_sync(q):',
    '    return client.chat.completions.create(model="m", messages=[{"role": "user", "content": q}])',
    '',
    'def nightly():',
    '    return client.chat.completions.create(model="m", messages=[])',
    '',
  ].join('\n');
  const limited = (ws: Workspace, file: string) => ws.analyze(file)!.findings.filter((x) => x.rule === 'timeout-exceeds-server-limit');

  it('judges a helper module’s calls by the handlers of the route modules that reach them', async () => {
    const routes = 'from fastapi import FastAPI\nfrom svc import llm\napp = FastAPI()\n\n@app.post("/a")\nasync def a(q: str):\n    return await llm.ask(q)\n\n@app.post("/b")\ndef b(q: str):\n    return llm.ask_sync(q)\n';
    const nginx = 'location / { proxy_pass http://web:8000; }\n';
    const { ws, result } = await findings({ 'svc/__init__.py': '', 'svc/llm.py': LLM, 'main.py': routes, 'deploy/nginx.conf': nginx }, 'svc/llm.py');
    const f = result.findings.filter((x) => x.rule === 'timeout-exceeds-server-limit');
    // `nightly` is called by no handler: no request waits for it.
    assert.deepStrictEqual(f.map((x) => x.range.start.line + 1), [6, 9]);
    assert.deepStrictEqual(f.map((x) => [x.handler?.name, x.handler?.route, x.handler?.file]), [['a', 'POST /a', '/lim/main.py'], ['b', 'POST /b', '/lim/main.py']]);
    assert.ok(f[0].related.some((r) => r.location.file === '/lim/main.py' && /reached from handler `a`/.test(r.message)));
    assert.ok(f[0].related.some((r) => r.location.file === '/lim/deploy/nginx.conf'));
    // Under uvicorn workers without a proxy, only the heartbeat is left: the awaited call and the
    // threadpool route's call never block the loop.
    const heartbeat = await findings({ 'svc/__init__.py': '', 'svc/llm.py': LLM, 'main.py': routes, Procfile: 'web: gunicorn main:app -k uvicorn.workers.UvicornWorker\n' }, 'svc/llm.py');
    assert.deepStrictEqual(heartbeat.result.findings.filter((x) => x.rule === 'timeout-exceeds-server-limit'), []);
    // A route module that stops calling the helper takes the finding away.
    ws.upsert('/lim/main.py', routes.replace('return llm.ask_sync(q)', 'return {"q": q}'));
    assert.deepStrictEqual(limited(ws, '/lim/svc/llm.py').map((x) => x.range.start.line + 1), [6]);
  });

  it('follows Flask objects a factory stores on the app to `current_app.<name>` in blueprint views', async () => {
    const manager = 'from groq import Groq\n\nclass ChatManager:\n    def __init__(self, key):\n        self.client = Groq(api_key=key)\n\n    def reply(self, q):\n        return self.client.chat.completions.create(model="m", messages=[{"role": "user", "content": q}])\n';
    const factory = 'from flask import Flask\nfrom app.chat import ChatManager\nfrom app.views import bp\n\ndef create_app():\n    app = Flask(__name__)\n    app.chat = ChatManager("k")\n    app.register_blueprint(bp)\n    return app\n';
    const views = 'from flask import Blueprint, current_app, request\n\nbp = Blueprint("chat", __name__)\n\ndef moderated(q):\n    return current_app.chat.reply(q)\n\n@bp.route("/chat", methods=["POST"])\ndef chat():\n    return {"a": moderated(request.json["q"])}\n';
    const files = { 'app/__init__.py': factory, 'app/chat.py': manager, 'app/views.py': views, Dockerfile: 'CMD ["gunicorn", "-b", "0.0.0.0:8080", "wsgi:app"]\n' };
    const { ws, result } = await findings(files, 'app/chat.py');
    const f = result.findings.filter((x) => x.rule === 'timeout-exceeds-server-limit');
    // groq: 60 s × 3 attempts, under a sync worker killed at 30 s.
    assert.deepStrictEqual(f.map((x) => [x.range.start.line + 1, x.handler?.name, x.handler?.route]), [[8, 'chat', 'POST /chat']]);
    // No import joins the view and the manager: an edit of the view still re-publishes the manager's module.
    assert.ok(ws.affectedBy('/lim/app/views.py').includes('/lim/app/chat.py'));
    ws.upsert('/lim/app/views.py', views.replace('return current_app.chat.reply(q)', 'return q'));
    assert.deepStrictEqual(ws.affectedBy('/lim/app/views.py').includes('/lim/app/chat.py'), true, 'what the old version reached');
    assert.deepStrictEqual(limited(ws, '/lim/app/chat.py'), []);
    // Stored under another name, the view's attribute names nothing the factory stored.
    const other = await findings({ ...files, 'app/__init__.py': factory.replace('app.chat =', 'app.chat_manager =') }, 'app/chat.py');
    assert.deepStrictEqual(other.result.findings.filter((x) => x.rule === 'timeout-exceeds-server-limit'), []);
  });
});

describe('loopsafe.fix.timeoutSeconds', () => {
  it('sets the seconds the timeout fix writes (4× for streaming calls)', async () => {
    const engine = await testEngine();
    const text = 'from openai import OpenAI\nc = OpenAI()\nd = OpenAI()\n\ndef f():\n    c.chat.completions.create(model="m", messages=[])\n    return d.chat.completions.create(model="m", messages=[], stream=True)\n';
    const titles = (seconds?: number) =>
      engine.analyze('/fixsetting/a.py', text, seconds === undefined ? {} : { fixTimeoutSeconds: seconds }).findings.filter((f) => f.rule === 'llm-call-without-timeout').map((f) => f.fixes[0]?.title);
    assert.deepStrictEqual(titles(), ['Set `timeout=30` on the client', 'Set `timeout=120` on the client']);
    assert.deepStrictEqual(titles(45), ['Set `timeout=45` on the client', 'Set `timeout=180` on the client']);
  });
});

describe('timeout-exceeds-server-limit in JS/TS', () => {
  const route = (ctor: string, maxDuration?: number) =>
    [
      "import OpenAI from 'openai';",
      '',
      `const client = new OpenAI(${ctor});`,
      ...(maxDuration ? [`export const maxDuration = ${maxDuration};`] : []),
      '',
      'export async function POST(req: Request) {',
      "  const out = await client.chat.completions.create({ model: 'gpt-4o', messages: [] });",
      '  return Response.json(out);',
      '}',
      '',
    ].join('\n');
  const limited = async (files: Record<string, string>) => {
    const { result } = await findings(files, 'app/api/chat/route.ts');
    return result.findings.filter((f) => f.rule === 'timeout-exceeds-server-limit').map((f) => `${f.range.start.line + 1} ${f.related.find((r) => r.location.file !== '/lim/app/api/chat/route.ts' || r.message.includes('maxDuration'))?.message ?? ''}`);
  };

  it('compares a route’s SDK call with its own maxDuration and vercel.json, not with a wrangler config', async () => {
    // openai's default: 600 s × 3 attempts.
    assert.deepStrictEqual(await limited({ 'app/api/chat/route.ts': route('', 30) }), ['7 Next.js `maxDuration = 30`']);
    assert.deepStrictEqual(await limited({ 'app/api/chat/route.ts': route(''), 'vercel.json': '{ "functions": { "app/api/**": { "maxDuration": 60 } } }' }), ['6 Vercel `maxDuration: 60`']);
    assert.deepStrictEqual(await limited({ 'app/api/chat/route.ts': route('{ timeout: 10_000, maxRetries: 1 }'), 'vercel.json': '{ "functions": { "app/api/**": { "maxDuration": 60 } } }' }), []);
    // Neither a Worker's wrangler.toml beside the route nor one in a Worker folder limits a Next.js route.
    assert.deepStrictEqual(await limited({ 'app/api/chat/route.ts': route('{ timeout: 60_000 }'), 'wrangler.toml': 'name = "chat"\n' }), []);
    assert.deepStrictEqual(await limited({ 'app/api/chat/route.ts': route(''), 'worker/wrangler.toml': 'name = "chat"\nmain = "src/index.ts"\n' }), []);
    assert.deepStrictEqual(await limited({ 'app/api/chat/route.ts': route(''), Procfile: 'web: gunicorn app:app\n' }), [], 'gunicorn does not serve Node');
  });
});

describe('timeout-exceeds-server-limit fixes in JS/TS', () => {
  const ROUTE = 'app/api/chat/route.ts';
  const fixOf = async (files: Record<string, string>) => {
    const { ws, result } = await findings(files, ROUTE);
    const f = result.findings.filter((x) => x.rule === 'timeout-exceeds-server-limit');
    assert.strictEqual(f.length, 1, 'one finding');
    const fix = f[0].fixes[0];
    assert.ok(fix, 'the finding has a fix');
    const after = applyEdits(files[ROUTE], fix.edits);
    ws.upsert(`/lim/${ROUTE}`, after);
    const left = ws.analyze(`/lim/${ROUTE}`)!.findings.filter((x) => x.rule === 'timeout-exceeds-server-limit');
    return { title: fix.title, after, left };
  };
  const openaiRoute = (ctor: string, call: string) =>
    ["import OpenAI from 'openai';", `const client = new OpenAI(${ctor});`, 'export const maxDuration = 30;', 'export async function POST() {', `  return Response.json(await client.chat.completions.create(${call}));`, '}', ''].join('\n');

  it('adds a per-call timeout that fits every attempt and the backoff under the route’s own limit', async () => {
    // openai: 3 attempts, backoff 0.5 s + 1 s: (24 − 1.5) / 3 → 7 s each, under a useful 10 s: one retry
    // fewer, (24 − 0.5) / 2 → 11 s each, written with the timeout.
    const r = await fixOf({ [ROUTE]: openaiRoute('', "{ model: 'gpt-4o', messages: [] }") });
    assert.strictEqual(r.title, 'Set a 11 s timeout and 1 retry on this call (under the 30 s limit over 2 attempts)');
    assert.match(r.after, /create\(\{ model: 'gpt-4o', messages: \[\] \}, \{ timeout: 11_000, maxRetries: 1 \}\)/);
    assert.deepStrictEqual(r.left, []);
    // A per-call retries option already there is rewritten, not repeated.
    const set = await fixOf({ [ROUTE]: openaiRoute('', "{ model: 'gpt-4o', messages: [] }, { maxRetries: 4 }") });
    assert.match(set.after, /\{ maxRetries: 1, timeout: 11_000 \}/);
    assert.deepStrictEqual(set.left, []);
  });

  it('replaces a per-call timeout that is too long, in its unit', async () => {
    const r = await fixOf({ [ROUTE]: openaiRoute('{ maxRetries: 0 }', "{ model: 'gpt-4o', messages: [] }, { timeout: 120_000 }") });
    assert.strictEqual(r.title, 'Set a 24 s timeout on this call (under the 30 s limit)');
    assert.match(r.after, /\{ timeout: 24_000 \}/);
    assert.deepStrictEqual(r.left, []);
  });

  it('bounds a Vercel AI SDK call with an abort signal, and a google-genai client in its own option shape', async () => {
    const ai = ["import { generateText } from 'ai';", "import { openai } from '@ai-sdk/openai';", 'export async function POST() {', "  const { text } = await generateText({ model: openai('gpt-4o'), prompt: 'hi' });", '  return new Response(text);', '}', ''].join('\n');
    const r = await fixOf({ [ROUTE]: ai, 'vercel.json': '{ "functions": { "app/api/**": { "maxDuration": 60 } } }' });
    // 3 attempts, backoff 2 s + 4 s: (48 − 6) / 3 → 14 s.
    assert.match(r.after, /prompt: 'hi', abortSignal: AbortSignal\.timeout\(14_000\) \}/);
    assert.deepStrictEqual(r.left, []);
    const genai = ["import { GoogleGenAI } from '@google/genai';", "const ai = new GoogleGenAI({ apiKey: 'k' });", 'export const maxDuration = 20;', 'export async function POST() {', "  const out = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' });", '  return Response.json(out);', '}', ''].join('\n');
    const g = await fixOf({ [ROUTE]: genai });
    assert.strictEqual(g.title, 'Set a 16 s timeout on the client (under the 20 s limit)');
    assert.match(g.after, /new GoogleGenAI\(\{ apiKey: 'k', httpOptions: \{ timeout: 16_000 \} \}\)/);
    assert.deepStrictEqual(g.left, []);
  });
});

describe('timeout-exceeds-server-limit fixes in each SDK’s form (Python)', () => {
  const fixOf = async (app: string) => {
    const { ws, result } = await findings({ 'app.py': app, Procfile: 'web: gunicorn app:app\n', 'nginx.conf': 'location / { proxy_pass http://app; proxy_read_timeout 20s; }\n' }, 'app.py');
    const f = result.findings.find((x) => x.rule === 'timeout-exceeds-server-limit');
    assert.ok(f, 'reported');
    const fix = f.fixes.find((x) => x.preferred)!;
    const after = applyEdits(app, fix.edits);
    ws.upsert('/lim/app.py', after);
    return { title: fix.title, after, left: ws.analyze('/lim/app.py')!.findings.filter((x) => x.rule === 'timeout-exceeds-server-limit') };
  };

  it('openai 0.x takes request_timeout, mistralai 0.x MistralClient its constructor timeout, aiohttp a ClientTimeout', async () => {
    const legacy = await fixOf('import openai\nfrom flask import Flask\n\napp = Flask(__name__)\n\n\n@app.post("/c")\ndef c():\n    return openai.ChatCompletion.create(model="gpt-4", messages=[])\n');
    assert.match(legacy.after, /openai\.ChatCompletion\.create\(model="gpt-4", messages=\[\], request_timeout=16\)/);
    assert.deepStrictEqual(legacy.left, []);
    const mistral = await fixOf('from flask import Flask\nfrom mistralai.client import MistralClient\n\napp = Flask(__name__)\nclient = MistralClient(api_key="k", max_retries=1)\n\n\n@app.post("/c")\ndef c():\n    return client.chat(model="m", messages=[])\n');
    assert.match(mistral.after, /MistralClient\(api_key="k", max_retries=1, timeout=7\)/);
    assert.deepStrictEqual(mistral.left, []);
    const aio = await fixOf('import aiohttp\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.post("/c")\nasync def c():\n    async with aiohttp.ClientSession() as s:\n        async with s.post("https://api.openai.com/v1/chat/completions", json={}) as r:\n            return await r.json()\n');
    assert.match(aio.after, /json=\{\}, timeout=aiohttp\.ClientTimeout\(total=16\)\)/);
    assert.deepStrictEqual(aio.left, []);
  });

  it('offers no timeout fix when the retries alone outlast the limit (6 attempts of backoff behind 20 s)', async () => {
    const { result } = await findings({ 'app.py': 'from flask import Flask\nfrom mistralai.client import MistralClient\n\napp = Flask(__name__)\nclient = MistralClient(api_key="k")\n\n\n@app.post("/c")\ndef c():\n    return client.chat(model="m", messages=[])\n', 'nginx.conf': 'location / { proxy_pass http://app; proxy_read_timeout 20s; }\n' }, 'app.py');
    const f = result.findings.find((x) => x.rule === 'timeout-exceeds-server-limit')!;
    assert.deepStrictEqual(f.fixes.filter((x) => /timeout/.test(x.title)), []);
  });
});
