// Cross-file analysis through the workspace: clients built in one module, helpers in another,
// package re-exports, relative imports, cycles, and incremental re-analysis after an edit.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Workspace, discoverFiles, type FileAnalysis } from '../../src/engine/api';
import { testEngine } from '../helpers/engine';

const FILES: Record<string, string> = {
  'app/__init__.py': '',
  'app/clients.py': ['from openai import AsyncOpenAI, OpenAI', '', 'client = OpenAI()', 'aclient = AsyncOpenAI()', ''].join('\n'),
  'app/llm.py': [
    'from .clients import aclient, client',
    '',
    '',
    'def ask(question):',
    '    r = client.chat.completions.create(model="m", messages=[{"role": "user", "content": question}])',
    '    return r.choices[0].message.content',
    '',
    '',
    'async def fake(question):',
    '    return client.chat.completions.create(model="m", messages=[])',
    '',
    '',
    'async def real(question):',
    '    return await aclient.chat.completions.create(model="m", messages=[])',
    '',
  ].join('\n'),
  'app/services/__init__.py': 'from .core import answer\n',
  'app/services/core.py': [
    'from app.llm import ask',
    '',
    '',
    'def answer(q):',
    '    return ask(q)',
    '',
    '',
    'def ping(n):',
    '    return pong(n - 1) if n else 0',
    '',
    '',
    'def pong(n):',
    '    return ping(n)',
    '',
  ].join('\n'),
  'app/main.py': [
    'import asyncio',
    '',
    'from fastapi import FastAPI',
    '',
    'from app import llm',
    'from app.services import answer',
    'from app.services.core import ping',
    '',
    'app = FastAPI()',
    '',
    '',
    '@app.get("/a")',
    'async def a():',
    '    return answer("x")',
    '',
    '',
    '@app.get("/b")',
    'async def b():',
    '    return await llm.fake("x")',
    '',
    '',
    '@app.get("/c")',
    'async def c():',
    '    llm.real("x")',
    '    return ping(3)',
    '',
    '',
    '@app.get("/d")',
    'async def d():',
    '    return await asyncio.to_thread(answer, "x")',
    '',
    '',
    '@app.get("/e")',
    'def e():',
    '    return answer("x")',
    '',
  ].join('\n'),
};

function write(root: string): void {
  for (const [rel, text] of Object.entries(FILES)) {
    const full = path.join(root, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
}

function byFile(results: FileAnalysis[], root: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of results) {
    if (r.findings.length === 0) continue;
    out[path.relative(root, r.file)] = r.findings.map((f) => `${f.range.start.line + 1} ${f.rule}`);
  }
  return out;
}

describe('workspace (cross-file)', () => {
  let root: string;
  let ws: Workspace;

  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-xfile-'));
    write(root);
    ws = new Workspace(await testEngine());
    for (const f of discoverFiles([root]).files) ws.load(f);
  });

  it('follows clients and helpers across modules, packages and relative imports', () => {
    const findings = byFile(ws.analyzeAll(), root);
    assert.deepStrictEqual(findings, {
      // Built without a timeout here, called in llm.py: reported once, at each constructor.
      'app/clients.py': ['3 llm-call-without-timeout', '4 llm-call-without-timeout'],
      'app/llm.py': ['5 blocking-llm-call', '10 blocking-llm-call'],
      'app/main.py': ['14 blocking-llm-call', '19 blocking-llm-call', '24 unawaited-llm-call'],
    });
  });

  it('names every hop of the chain', () => {
    const main = ws.analyze(path.join(root, 'app/main.py'))!;
    const f = main.findings.find((x) => x.range.start.line === 13)!;
    assert.deepStrictEqual(
      f.chain.map((h) => `${path.relative(root, h.file)}:${h.name}`),
      ['app/main.py:a', 'app/services/core.py:answer', 'app/llm.py:ask', 'app/llm.py:client.chat.completions.create'],
    );
    assert.match(f.message, /`a` → `answer` → `ask` → `client.chat.completions.create`/);
    assert.ok(f.fixes.some((x) => x.title.includes('asyncio.to_thread')));
    const helper = ws.analyze(path.join(root, 'app/llm.py'))!.findings.find((x) => x.range.start.line === 4)!;
    assert.deepStrictEqual(helper.chain.map((h) => h.name), ['a', 'answer', 'ask', 'client.chat.completions.create']);
  });

  it('re-analyses dependents after an edit, and only what depends on it', () => {
    const llm = path.join(root, 'app/llm.py');
    const affected = ws.affectedBy(llm).map((f) => path.relative(root, f)).sort();
    assert.deepStrictEqual(affected, ['app/clients.py', 'app/llm.py', 'app/main.py', 'app/services/__init__.py', 'app/services/core.py']);
    // main.py's imports resolve through the package re-export to the defining modules, and on through
    // theirs (llm.py's client module): a handler reaches helpers any number of imports away.
    assert.deepStrictEqual(ws.affectedBy(path.join(root, 'app/main.py')).map((f) => path.relative(root, f)).sort(), ['app/clients.py', 'app/llm.py', 'app/main.py', 'app/services/core.py']);
    // The helper stops calling the LLM: the handler's finding goes away.
    ws.upsert(llm, FILES['app/llm.py'].replace('r = client.chat.completions.create(model="m", messages=[{"role": "user", "content": question}])', 'r = question'));
    const findings = byFile(ws.analyzeAll(), root);
    assert.deepStrictEqual(findings['app/main.py'], ['19 blocking-llm-call', '24 unawaited-llm-call']);
  });

  it('follows methods of service objects, in the same module and imported from another', () => {
    const service = path.join(root, 'app/service.py');
    const routes = path.join(root, 'app/assist.py');
    ws.upsert(service, [
      'from openai import OpenAI',
      '',
      '',
      'class Assistant:',
      '    def __init__(self):',
      '        self.client = OpenAI()',
      '',
      '    def answer(self, q):',
      '        return self.client.chat.completions.create(model="m", messages=[])',
      '',
      '',
      'assistant = Assistant()',
      '',
      '',
      'async def direct(q):',
      '    return assistant.answer(q)',
      '',
    ].join('\n'));
    ws.upsert(routes, ['from fastapi import APIRouter', 'from app.service import assistant', 'router = APIRouter()', '', '@router.get("/x")', 'async def x():', '    return assistant.answer("q")', ''].join('\n'));
    const findings = byFile(ws.analyzeAll(), root);
    assert.deepStrictEqual(findings['app/assist.py'], ['7 blocking-llm-call']);
    assert.deepStrictEqual(findings['app/service.py'], ['6 llm-call-without-timeout', '9 blocking-llm-call', '16 blocking-llm-call']);
  });

  it('stays bounded on import cycles and recursive helpers', () => {
    const a = path.join(root, 'cyc_a.py');
    const b = path.join(root, 'cyc_b.py');
    ws.upsert(a, 'from cyc_b import g\nfrom openai import OpenAI\nc = OpenAI()\n\ndef f():\n    return g()\n\nasync def h():\n    return f()\n');
    ws.upsert(b, 'from cyc_a import f\n\ndef g():\n    return f()\n');
    const r = ws.analyzeAll();
    assert.ok(r.length > 0);
  });
});

describe('clients built in another module keep their settings (timeout rule, hover)', () => {
  const files: Record<string, string> = {
    'core/__init__.py': '',
    'core/llm.py': [
      'from functools import lru_cache',
      'from langchain_openai import ChatOpenAI',
      'from openai import OpenAI',
      '',
      'client = OpenAI(max_retries=5)',
      'model = ChatOpenAI(model="m")',
      '',
      '',
      '@lru_cache',
      'def get_client():',
      '    return OpenAI(timeout=12.5)',
      '',
    ].join('\n'),
    'core/chains.py': ['from core.llm import model', '', 'chain = model | (lambda m: m.content)', ''].join('\n'),
    'routes.py': [
      'from fastapi import FastAPI',
      'from core.chains import chain',
      'from core.llm import client, get_client',
      '',
      'app = FastAPI()',
      '',
      '',
      '@app.get("/a")',
      'def a(q: str):',
      '    return client.chat.completions.create(model="m", messages=[])',
      '',
      '',
      '@app.get("/b")',
      'def b(q: str):',
      '    return get_client().chat.completions.create(model="m", messages=[])',
      '',
      '',
      '@app.get("/c")',
      'def c(q: str):',
      '    return chain.invoke(q)',
      '',
    ].join('\n'),
  };
  let root: string;
  let ws: Workspace;
  const at = (rel: string): string => path.join(root, rel);

  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-ctor-'));
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(at(rel)), { recursive: true });
      fs.writeFileSync(at(rel), text);
    }
    ws = new Workspace(await testEngine());
    for (const f of discoverFiles([root]).files) ws.load(f);
  });

  it('reports once at the constructor, naming the calls of other files (also through a pipeline in a third module)', () => {
    const findings = byFile(ws.analyzeAll(), root);
    assert.deepStrictEqual(findings, { 'core/llm.py': ['5 llm-call-without-timeout', '6 llm-call-without-timeout'] });
    const llm = ws.analyze(at('core/llm.py'))!.findings;
    assert.match(llm[0].message, /10 min per attempt, and here 6 attempts .*One call in `routes\.py` uses it\./);
    assert.deepStrictEqual(llm[0].related.map((r) => `${path.relative(root, r.location.file)}:${r.location.range.start.line + 1}`), ['routes.py:10']);
    assert.deepStrictEqual(llm[1].related.map((r) => `${path.relative(root, r.location.file)}:${r.location.range.start.line + 1}`), ['routes.py:20']);
  });

  it('the hover of a call shows the constructor values of the other module', () => {
    const text = files['routes.py'].split('\n');
    const hover = (line: number, marker: string) => ws.hover(at('routes.py'), { line, character: text[line].indexOf(marker) + 1 })!;
    const a = hover(9, 'completions');
    assert.match(a, /\| attempts \| 6 \(5 retries\) \| `max_retries=5` in `llm\.py` \|/);
    assert.match(a, /built in `llm\.py` \(line 5\)/);
    assert.match(hover(14, 'completions'), /\| timeout per attempt \| 12\.5 s \| `timeout=12\.5` in `llm\.py` \|/);
    assert.match(hover(19, 'invoke'), /ChatOpenAI.*\n[\s\S]*\| timeout per attempt \| no limit \| langchain `ChatOpenAI` default \|/);
  });

  it('a timeout added to the call elsewhere takes the finding away; removing it brings it back', () => {
    const routes = at('routes.py');
    const bounded = files['routes.py'].replace('return client.chat.completions.create(model="m", messages=[])', 'return client.chat.completions.create(model="m", messages=[], timeout=20)');
    ws.upsert(routes, bounded);
    assert.ok(ws.affectedBy(routes).includes(at('core/llm.py')));
    assert.deepStrictEqual(ws.analyze(at('core/llm.py'))!.findings.map((f) => f.range.start.line + 1), [6]);
    ws.upsert(routes, files['routes.py']);
    assert.deepStrictEqual(ws.analyze(at('core/llm.py'))!.findings.map((f) => f.range.start.line + 1), [5, 6]);
  });
});
