// Reuse after an edit inside one file: the model and the facts of the statements an edit leaves alone
// are kept from the previous version. After every random edit of a file whose functions use each
// other, the module's clients and factories, the analysis must equal a cold analysis of the same text.

import * as assert from 'assert';
import { Engine, defaultWasmDir } from '../../src/engine/api';
import { testEngine } from '../helpers/engine';

/** A deterministic pseudo-random sequence, so a failure reproduces. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const BASE = [
  'import time',
  'import httpx',
  'from fastapi import FastAPI, Depends',
  'from openai import OpenAI, AsyncOpenAI',
  '',
  'app = FastAPI()',
  'client = OpenAI()',
  'aclient = AsyncOpenAI(timeout=30)',
  'app.state.llm = OpenAI()',
  'counter = 0',
  '',
  'def make_client():',
  '    return OpenAI(timeout=10)',
  '',
  'def ask(q):',
  '    return client.chat.completions.create(model="m", messages=[{"role": "user", "content": q}])',
  '',
  'async def aask(q):',
  '    return await aclient.chat.completions.create(model="m", messages=[])',
  '',
  'def bump():',
  '    global counter',
  '    counter = counter + 1',
  '    return counter',
  '',
  'class Service:',
  '    def __init__(self):',
  '        self.llm = make_client()',
  '',
  '    def run(self, q):',
  '        return self.llm.chat.completions.create(model="m", messages=[])',
  '',
  'service = Service()',
  '',
  '@app.get("/a")',
  'async def a(q: str):',
  '    x = ask(q)',
  '    return {"x": x}',
  '',
  '@app.get("/b")',
  'async def b(q: str):',
  '    aask(q)',
  '    time.sleep(1)',
  '    return service.run(q)',
  '',
  '@app.post("/c")',
  'def c(q: str, llm=Depends(make_client)):',
  '    return llm.chat.completions.create(model="m", messages=[])',
  '',
  '@app.get("/d")',
  'async def d(request):',
  '    return request.app.state.llm.chat.completions.create(model="m", messages=[])',
  '',
  'handler = lambda q: ask(q)',
  '',
  'http = httpx.Client(base_url="https://api.openai.com", timeout=600)',
  '',
  '@app.get("/h")',
  'async def h(q: str):',
  '    http.post("/v1/chat/completions", json={})',
  '    return (httpx.Client(timeout=900)).post("https://api.openai.com/v1/chat/completions", json={})',
].join('\n');

/** Lines typed into function bodies or at the top level. */
const LINES = [
  'y = ask(q)',
  'await aask(q)',
  'aask(q)',
  'client.chat.completions.create(model="m", messages=[])',
  'return make_client()',
  'client = None',
  'client = AsyncOpenAI()',
  'global client',
  'time.sleep(2)',
  'bump()',
  'return service.run(q)',
  'self.llm = OpenAI()',
  'def ask(q):\n    return 1',
  'async def e(q):\n    return ask(q)',
  '@app.get("/z")\nasync def z():\n    return make_client().chat.completions.create(model="m", messages=[])',
  'make_client = lambda: None',
  'app.state.llm = None',
  'x = 1',
  '',
  '# note',
  'http.post("/v1/chat/completions", json={})',
  'httpx.Client(timeout=5).post("https://api.openai.com/v1/chat/completions", json={})',
  'http = httpx.Client(base_url="https://api.openai.com")',
];

function key(engine: Engine, text: string): string {
  const file = '/reuse/app.py';
  const r = engine.analyze(file, text);
  return JSON.stringify({ findings: r.findings, routes: r.routes, notes: r.notes, summary: engine.lastSummaryFor(file, text) ?? null });
}

describe('reuse after an edit', () => {
  it('analyses a file the same as a cold analysis after each of 400 random edits', async function () {
    this.timeout(300_000);
    const engine = await testEngine();
    const cold = await Engine.create(defaultWasmDir('/nonexistent'));
    const file = '/reuse/app.py';
    const random = rng(11);
    let text = BASE;
    let findings = 0;
    for (let i = 0; i < 400; i++) {
      const lines = text.split('\n');
      const at = Math.floor(random() * lines.length);
      const r = random();
      if (r < 0.08) {
        text = BASE;
      } else if (r < 0.55) {
        const top = random() < 0.25;
        const indent = top ? '' : /^\s*/.exec(lines[at])![0] || '    ';
        lines.splice(at, 0, ...LINES[Math.floor(random() * LINES.length)].split('\n').map((l) => indent + l));
        text = lines.join('\n');
      } else if (r < 0.7) {
        lines.splice(at, 1);
        text = lines.join('\n');
      } else {
        // Typing inside a line.
        const l = lines[at];
        const col = Math.floor(random() * (l.length + 1));
        lines[at] = l.slice(0, col) + 'ab1 (._"'[Math.floor(random() * 8)] + l.slice(col);
        text = lines.join('\n');
      }
      const incremental = key(engine, text);
      cold.forget(file);
      const fresh = key(cold, text);
      assert.strictEqual(incremental, fresh, `edit ${i}: the incremental analysis differs from a cold one`);
      findings += (JSON.parse(fresh) as { findings: unknown[] }).findings.length;
    }
    assert.ok(findings > 400, `only ${findings} findings over all versions: the edits do not exercise the rules`);
    engine.forget(file);
  });
});
