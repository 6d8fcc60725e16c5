// Cross-file JavaScript/TypeScript through the workspace: helpers and clients imported from other
// modules (relative, tsconfig alias, barrel re-exports, CommonJS), findings at the call site with
// every hop, and incremental re-analysis of dependents after an edit.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Workspace, discoverFiles, type FileAnalysis } from '../../src/engine/api';
import { readExpectations } from '../helpers/annotations';
import { testEngine } from '../helpers/engine';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/xfile');

function copyDir(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (e.isDirectory()) copyDir(path.join(from, e.name), path.join(to, e.name));
    else fs.copyFileSync(path.join(from, e.name), path.join(to, e.name));
  }
}

async function workspaceOf(root: string): Promise<Workspace> {
  const ws = new Workspace(await testEngine());
  for (const f of discoverFiles([root]).files) ws.load(f);
  return ws;
}

const SCORED = new Set(['unawaited-llm-call', 'blocking-call-in-async-handler', 'blocking-llm-call']);

function lines(results: FileAnalysis[], root: string): string[] {
  return results.flatMap((r) => r.findings.filter((f) => SCORED.has(f.rule)).map((f) => `${path.relative(root, r.file)}:${f.range.start.line + 1} ${f.rule}`)).sort();
}

describe('workspace (cross-file JS/TS)', () => {
  for (const app of fs.readdirSync(FIXTURES).sort()) {
    it(`${app}: reports exactly the annotated findings across modules`, async () => {
      const root = path.join(FIXTURES, app);
      const ws = await workspaceOf(root);
      const expected: string[] = [];
      for (const f of discoverFiles([root]).files) {
        for (const e of readExpectations(fs.readFileSync(f, 'utf8'))) expected.push(`${path.relative(root, f)}:${e.line + 1} ${e.rule}`);
      }
      assert.ok(expected.length > 0);
      assert.deepStrictEqual(lines(ws.analyzeAll(), root), expected.sort());
    });
  }

  it('takes Lambda handlers from serverless.yml and SAM templates, whatever their export is called', async () => {
    const root = path.join(FIXTURES, 'serverless-lambda');
    const ws = await workspaceOf(root);
    const chat = ws.analyze(path.join(root, 'src/handlers/chat.ts'))!;
    assert.deepStrictEqual(chat.routes.map((r) => `${r.framework} ${r.path} ${r.handler}`).sort(), ['AWS Lambda chat reply', 'AWS Lambda digest nightlyDigest']);
    // The handler's call can outlast the 10 s Lambda timeout; the same call elsewhere is nobody's route.
    const limit = chat.findings.filter((f) => f.rule === 'timeout-exceeds-server-limit');
    assert.deepStrictEqual(limit.map((f) => f.range.start.line + 1), [5]);
    assert.match(limit[0].message, /Lambda `timeout: 10`/);

    const sam = path.join(FIXTURES, 'sam-lambda');
    const app = (await workspaceOf(sam)).analyze(path.join(sam, 'chat-fn/app.mjs'))!;
    assert.deepStrictEqual(app.routes.map((r) => `${r.path} ${r.handler}`), ['AskFunction lambdaHandler']);

    // Renaming the function in the config moves the route; the config is read again.
    const config = path.join(root, 'serverless.yml');
    ws.upsert(config, ws.text(config)!.replace('src/handlers/chat.reply', 'src/handlers/chat.notAHandler'));
    const after = ws.analyze(path.join(root, 'src/handlers/chat.ts'))!;
    assert.deepStrictEqual(after.routes.map((r) => r.handler).sort(), ['nightlyDigest', 'notAHandler']);
  });

  it('names every hop, across files, in the chain and the related information', async () => {
    const root = path.join(FIXTURES, 'express-ts');
    const ws = await workspaceOf(root);
    const chat = ws.analyze(path.join(root, 'src/routes/chat.ts'))!;
    const blocking = chat.findings.find((f) => f.rule === 'blocking-call-in-async-handler' && f.range.start.line === 16)!;
    assert.deepStrictEqual(
      blocking.chain.map((h) => `${path.relative(root, h.file)}:${h.name}`),
      ['src/routes/chat.ts:POST /summary', 'src/services/prompts.ts:systemPrompt', 'src/services/llm.ts:loadPrompt', 'src/services/llm.ts:readFileSync'].map((s) => s.replace('POST /summary', '<anonymous>')),
    );
    assert.match(blocking.message, /`systemPrompt` → `loadPrompt` → `readFileSync`, llm\.ts:16/);
    assert.ok(blocking.related.some((r) => r.location.file.endsWith('llm.ts') && r.location.range.start.line === 15));
    const unawaited = chat.findings.find((f) => f.rule === 'unawaited-llm-call' && f.range.start.line === 11)!;
    assert.match(unawaited.message, /Promise of `askLLM` \(it calls `openai\.chat\.completions\.create` \(openai\) in llm\.ts\)/);
    assert.deepStrictEqual(unawaited.chain.map((h) => h.name), ['askLLM', 'openai.chat.completions.create']);
    assert.ok(unawaited.fixes.some((f) => f.title.includes('await')));
    // The client built in lib/openai.ts is recognized where it is imported.
    const direct = chat.findings.find((f) => f.range.start.line === 26)!;
    assert.match(direct.message, /openai `OpenAI`/);
    assert.strictEqual(chat.findings.filter((f) => f.rule === 'llm-call-without-timeout').length, 0);
    // The blocking call itself, in the helper module, names the route of the other file that reaches it.
    const llm = ws.analyze(path.join(root, 'src/services/llm.ts'))!;
    const read = llm.findings.find((f) => f.range.start.line === 15)!;
    assert.match(read.message, /in function `loadPrompt`, which Express handler \(POST \/summary\) in chat\.ts reaches \(`POST \/summary` → `systemPrompt` → `loadPrompt`\)/);
    assert.deepStrictEqual(read.chain.map((h) => `${path.relative(root, h.file)}:${h.name}`), ['src/routes/chat.ts:<anonymous>', 'src/services/prompts.ts:systemPrompt', 'src/services/llm.ts:loadPrompt']);
    assert.strictEqual(path.relative(root, read.handler!.file), 'src/routes/chat.ts');
    // A controller registered as a route in another module is that route's handler.
    const report = ws.analyze(path.join(root, 'src/controllers/report.ts'))!;
    assert.deepStrictEqual(report.routes.map((r) => `${r.framework} ${r.method} ${r.path} ${r.handler}`), ['Express GET /report report']);
    assert.match(report.findings.find((f) => f.rule === 'blocking-call-in-async-handler')!.message, /in Express handler `report` \(GET \/report\)/);
  });

  it('re-analyses dependents after an edit of a helper module', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-jsx-'));
    copyDir(path.join(FIXTURES, 'express-ts'), root);
    const ws = await workspaceOf(root);
    const llm = path.join(root, 'src/services/llm.ts');
    const chat = path.join(root, 'src/routes/chat.ts');
    const affected = ws.affectedBy(llm).map((f) => path.relative(root, f)).sort();
    assert.deepStrictEqual(affected, ['src/controllers/report.ts', 'src/lib/openai.ts', 'src/routes/chat.ts', 'src/services/index.ts', 'src/services/llm.ts', 'src/services/prompts.ts']);
    assert.strictEqual(lines(ws.analyzeAll(), root).length, 7);
    // The helper stops reading from disk and stops calling the LLM: the route file's findings go.
    const text = fs.readFileSync(llm, 'utf8').replace("return readFileSync(`prompts/${name}.txt`, 'utf8');", 'return name;').replace(/return openai\.chat\.completions\.create\([^\n]*\n/, 'return Promise.resolve(question);\n');
    ws.upsert(llm, text);
    assert.deepStrictEqual(lines(ws.affectedBy(llm).map((f) => ws.analyze(f)!).filter(Boolean), root), [
      'src/controllers/report.ts:7 blocking-call-in-async-handler',
      'src/routes/chat.ts:23 blocking-call-in-async-handler',
      'src/routes/chat.ts:27 unawaited-llm-call',
      'src/services/llm.ts:20 blocking-call-in-async-handler',
    ]);
    // And back.
    ws.upsert(llm, fs.readFileSync(path.join(FIXTURES, 'express-ts/src/services/llm.ts'), 'utf8'));
    assert.strictEqual(lines([ws.analyze(chat)!], root).length, 4);
    assert.strictEqual(lines(ws.analyzeAll(), root).length, 7);
    // Edits that leave the route module's summary alone (the keystroke path keeps the index).
    const chatText = fs.readFileSync(chat, 'utf8');
    ws.upsert(chat, chatText + '\n// a comment\n');
    assert.strictEqual(lines(ws.affectedBy(chat).map((f) => ws.analyze(f)!), root).length, 7);
    ws.upsert(chat, chatText.replace('  askLLM(req.body.question);', '  await askLLM(req.body.question);'));
    assert.deepStrictEqual(lines([ws.analyze(chat)!], root), ['src/routes/chat.ts:17 blocking-call-in-async-handler', 'src/routes/chat.ts:23 blocking-call-in-async-handler', 'src/routes/chat.ts:27 unawaited-llm-call']);
    // Its imports, transitively: the helper two modules away is re-analysed too.
    assert.ok(ws.affectedBy(chat).includes(llm));
    assert.ok(ws.affectedBy(path.join(root, 'src/services/prompts.ts')).includes(llm));
    // The route stops calling the blocking helper: the helper module's own finding goes with it.
    ws.upsert(chat, chatText.replace('services.gitVersion()', "'v1'"));
    assert.deepStrictEqual(lines(ws.affectedBy(chat).map((f) => ws.analyze(f)!), root).filter((l) => l.includes('services/llm.ts')), ['src/services/llm.ts:16 blocking-call-in-async-handler']);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('follows client factories and service singletons of other modules, for findings and the hover', async () => {
    const root = path.join(FIXTURES, 'fastify-service');
    const ws = await workspaceOf(root);
    const server = path.join(root, 'src/server.ts');
    const text = fs.readFileSync(server, 'utf8').split('\n');
    const line = text.findIndex((l) => l.includes('getClient().chat.completions.create'));
    const md = ws.hover(server, { line, character: text[line].indexOf('completions') + 2 });
    assert.ok(md, 'hover on a call through an imported factory');
    assert.match(md, /timeout per attempt \| 10 s \| `timeout: 10_000` \(client constructor\)/);
    assert.match(md, /built in `client\.ts` \(line 5\)/);
    const f = ws.analyze(server)!.findings.find((x) => x.rule === 'unawaited-llm-call' && x.range.start.line === 8)!;
    assert.deepStrictEqual(f.chain.map((h) => `${path.relative(root, h.file)}:${h.name}`), ['src/ai/service.ts:ask', 'src/ai/service.ts:getClient().chat.completions.create']);
  });

  it('stays bounded on import cycles', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-jscyc-'));
    fs.writeFileSync(path.join(root, 'a.ts'), "import { g } from './b';\nimport OpenAI from 'openai';\nconst c = new OpenAI();\nexport function f(): unknown { return g(); }\nexport * from './b';\n");
    fs.writeFileSync(path.join(root, 'b.ts'), "import { f } from './a';\nexport function g(): unknown { return f(); }\nexport * from './a';\n");
    const ws = await workspaceOf(root);
    assert.ok(ws.analyzeAll().length === 2);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
