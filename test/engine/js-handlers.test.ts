// JS/TS handlers found by file layout and exports (Next.js app and pages routers, server actions,
// Vercel, Netlify, AWS Lambda, Cloudflare Workers), TSX and .mjs files, the prefilter, and speed.

import * as assert from 'assert';
import { testEngine } from '../helpers/engine';
import type { FileAnalysis } from '../../src/engine/api';

const SYNC_READ = "import fs from 'node:fs';\n";

function summary(r: FileAnalysis): string[] {
  return r.findings.map((f) => `${f.range.start.line + 1} ${f.rule}${f.handler ? ` @${f.handler.framework} ${f.handler.route}` : ''}`);
}

describe('JS/TS handlers by layout and exports', () => {
  it('Next.js app router: route.ts exports GET/POST', async () => {
    const engine = await testEngine();
    const text = `${SYNC_READ}export async function POST(req: Request) {\n  const cfg = fs.readFileSync('cfg.json', 'utf8');\n  return Response.json(JSON.parse(cfg));\n}\nexport const GET = async () => new Response(fs.readFileSync('x'));\nexport function helper() { return fs.readFileSync('y'); }\n`;
    const r = engine.analyze('/proj/app/api/chat/route.ts', text);
    assert.deepStrictEqual(summary(r), ['3 blocking-call-in-async-handler @Next.js POST /api/chat', '6 blocking-call-in-async-handler @Next.js GET /api/chat']);
    assert.deepStrictEqual(r.routes.map((x) => `${x.method} ${x.path}`), ['POST /api/chat', 'GET /api/chat']);
    // The same file elsewhere is not a route.
    assert.deepStrictEqual(summary(engine.analyze('/proj/lib/util.ts', text)), []);
  });

  it('Next.js pages API and Vercel functions: the default export', async () => {
    const engine = await testEngine();
    const text = `${SYNC_READ}export default function handler(req, res) {\n  res.send(fs.readFileSync('a'));\n}\n`;
    assert.deepStrictEqual(summary(engine.analyze('/proj/pages/api/users/index.js', text)), ['3 blocking-call-in-async-handler @Next.js * /api/users']);
    assert.deepStrictEqual(summary(engine.analyze('/proj/api/hello.js', text)), ['3 blocking-call-in-async-handler @Vercel function * /api/hello']);
  });

  it('Netlify and AWS Lambda serve one request per instance: no blocking finding, but dropped promises still count', async () => {
    const engine = await testEngine();
    const text = `${SYNC_READ}import OpenAI from 'openai';\nconst client = new OpenAI({ timeout: 10_000 });\nexport const handler = async (event) => {\n  const p = fs.readFileSync('p');\n  client.chat.completions.create({ model: 'x', messages: [] });\n  return { statusCode: 200 };\n};\n`;
    assert.deepStrictEqual(summary(engine.analyze('/proj/netlify/functions/chat.ts', text)), ['6 unawaited-llm-call @Netlify function * /.netlify/functions/chat']);
    assert.deepStrictEqual(summary(engine.analyze('/proj/src/lambda.ts', text)), ['6 unawaited-llm-call @AWS Lambda * handler']);
  });

  it('server actions: a use-server file exports them; inline directives too', async () => {
    const engine = await testEngine();
    const text = `'use server';\n${SYNC_READ}export async function save(form: FormData) {\n  fs.writeFileSync('out', String(form.get('x')));\n}\nasync function notExported() { fs.writeFileSync('y', ''); }\n`;
    assert.deepStrictEqual(summary(engine.analyze('/proj/app/actions.ts', text)), ['4 blocking-call-in-async-handler @Next.js server action POST action save']);
    const inline = `${SYNC_READ}export default function Page() {\n  async function act() {\n    'use server';\n    fs.writeFileSync('z', '');\n  }\n  return <form action={act} />;\n}\n`;
    assert.deepStrictEqual(summary(engine.analyze('/proj/app/page.tsx', inline)), ['5 blocking-call-in-async-handler @Next.js server action POST action act']);
  });

  it('Cloudflare Workers: the fetch method of the default export, with ctx.waitUntil', async () => {
    const engine = await testEngine();
    const text = `import OpenAI from 'openai';\nexport default {\n  async fetch(request, env, ctx) {\n    const client = new OpenAI({ apiKey: env.KEY, timeout: 20_000 });\n    client.chat.completions.create({ model: 'x', messages: [] });\n    ctx.waitUntil(client.chat.completions.create({ model: 'x', messages: [] }).catch(() => {}));\n    return new Response('ok');\n  },\n};\n`;
    const r = await engine.analyze('/proj/src/worker.mjs', text);
    assert.deepStrictEqual(summary(r), ['5 unawaited-llm-call @Cloudflare Workers * /']);
    assert.strictEqual(r.findings[0].fixes[0].title, 'Hand it to `ctx.waitUntil` (with `.catch`)');
  });

  it('tsconfig-free TSX and JSX parse; files naming no SDK, framework or Node API are skipped before parsing', async () => {
    const engine = await testEngine();
    const r = engine.analyze('/proj/src/Button.tsx', 'export const Button = () => <button onClick={() => fetch("/api/x")}>Go</button>;\n');
    assert.deepStrictEqual(r.findings, []);
    assert.deepStrictEqual(r.notes, []);
  });

  it('analyses large files in linear time (no quadratic walks)', async () => {
    const engine = await testEngine();
    const build = (n: number): string => {
      const parts = ["import express from 'express';", "import OpenAI from 'openai';", "import fs from 'fs';", 'const app = express();', 'const client = new OpenAI({ timeout: 30_000 });'];
      for (let i = 0; i < n; i++) {
        parts.push(
          `async function helper${i}(q: string) {\n  const r = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });\n  return r.choices[0].message.content;\n}`,
          `app.post('/r${i}', async (req, res) => {\n  const answer = await helper${i}(req.body.q);\n  res.json({ answer });\n});`,
        );
      }
      return parts.join('\n');
    };
    const time = (file: string, text: string): number => {
      const t0 = performance.now();
      const r = engine.analyze(file, text);
      assert.deepStrictEqual(r.findings, []);
      return performance.now() - t0;
    };
    time('/proj/warm.ts', build(100));
    const smallText = build(300);
    const small = Math.min(...[1, 2, 3].map((i) => time(`/proj/small${i}.ts`, smallText)));
    const bigText = build(1200);
    const big = Math.min(...[1, 2, 3].map((i) => time(`/proj/big${i}.ts`, bigText)));
    // Four times the code may take at most about four times as long (with slack for noise: quadratic
    // work would take sixteen times as long). Absolute speed
    // is the benchmark's business (`npm run bench`), not a test's: a loaded machine would fail it.
    assert.ok(big / small < 9, `300 helpers: ${small.toFixed(0)} ms, 1200 helpers: ${big.toFixed(0)} ms`);
  });

  it('analyses a file of many same-named functions in linear time (the retry searches walk each name once)', async () => {
    // A module pasted many times over (an editor buffer being assembled, a generated bundle): every copy
    // defines and calls the same names, so a caller search per call that rescans every use is quadratic.
    const engine = await testEngine();
    const build = (n: number): string => {
      const parts = ["import express from 'express';", "import OpenAI from 'openai';", 'const app = express();', 'const client = new OpenAI({ timeout: 30_000 });'];
      for (let i = 0; i < n; i++) {
        parts.push(
          `async function ask(q: string) {
  const r = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });
  return r.choices[0].message.content;
}`,
          `async function answer(q: string) {
  return ask(q);
}`,
          `app.post('/r${i}', async (req, res) => {
  res.json({ a: await answer(req.body.q) });
});`,
        );
      }
      return parts.join('\n');
    };
    const time = (file: string, text: string): number => {
      const t0 = performance.now();
      engine.analyze(file, text);
      return performance.now() - t0;
    };
    time('/proj/warm-same.ts', build(50));
    const smallText = build(100);
    const small = Math.min(...[1, 2, 3].map((i) => time(`/proj/same-small${i}.ts`, smallText)));
    const bigText = build(400);
    const big = Math.min(...[1, 2, 3].map((i) => time(`/proj/same-big${i}.ts`, bigText)));
    assert.ok(big / small < 9, `100 copies: ${small.toFixed(0)} ms, 400 copies: ${big.toFixed(0)} ms`);
  });
});
