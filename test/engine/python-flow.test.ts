// Values that reach a handler from elsewhere: `Annotated[...]` dependency aliases defined in
// another module, services typed by their parameter annotation, and coroutines parked in containers.

import * as assert from 'assert';
import { Workspace } from '../../src/engine/api';
import { testEngine } from '../helpers/engine';

const ROOT = '/virtual/flow';

async function findings(files: Record<string, string>, file: string): Promise<string[]> {
  const ws = new Workspace(await testEngine());
  for (const [rel, text] of Object.entries(files)) ws.upsert(`${ROOT}/${rel}`, text);
  return ws.analyze(`${ROOT}/${file}`)!.findings.map((f) => `${f.rule}@${f.range.start.line + 1}`);
}

describe('values across modules', () => {
  it('follows an Annotated dependency alias imported from another module', async () => {
    const files = {
      'api/__init__.py': '',
      'api/deps.py': [
        'from typing import Annotated',
        'from fastapi import Depends',
        'from groq import Groq',
        '',
        'def get_groq() -> Groq:',
        '    return Groq(timeout=10)',
        '',
        'GroqDep = Annotated[Groq, Depends(get_groq)]',
        '',
      ].join('\n'),
      'api/routes.py': [
        'from fastapi import APIRouter',
        'from api.deps import GroqDep',
        '',
        'router = APIRouter()',
        '',
        '@router.get("/a")',
        'async def a(q: str, llm: GroqDep):',
        '    return llm.chat.completions.create(model="m", messages=[])',
        '',
        '@router.get("/b")',
        'def b(q: str, llm: GroqDep):',
        '    return llm.chat.completions.create(model="m", messages=[])',
        '',
      ].join('\n'),
    };
    assert.deepStrictEqual(await findings(files, 'api/routes.py'), ['blocking-llm-call@8']);
  });

  it('follows methods of a service typed by its parameter annotation (Depends provider elsewhere)', async () => {
    const files = {
      'svc/__init__.py': '',
      'svc/service.py': [
        'from anthropic import Anthropic',
        '',
        'class Writer:',
        '    def __init__(self):',
        '        self._c = Anthropic(timeout=10)',
        '',
        '    def draft(self, topic):',
        '        return self._c.messages.create(model="m", max_tokens=10, messages=[])',
        '',
      ].join('\n'),
      'svc/deps.py': ['from .service import Writer', '', '_w = None', '', 'def get_writer() -> Writer:', '    global _w', '    _w = _w or Writer()', '    return _w', ''].join('\n'),
      'svc/main.py': [
        'from fastapi import Depends, FastAPI',
        'from .deps import get_writer',
        'from .service import Writer',
        '',
        'app = FastAPI()',
        '',
        '@app.post("/draft")',
        'async def draft(topic: str, w: Writer = Depends(get_writer)):',
        '    return {"text": w.draft(topic)}',
        '',
      ].join('\n'),
    };
    assert.deepStrictEqual(await findings(files, 'svc/main.py'), ['blocking-llm-call@9']);
    assert.deepStrictEqual(await findings(files, 'svc/service.py'), ['blocking-llm-call@8']);
  });

  it('sees through llama-index CustomLLM, whose acomplete runs the sync complete on the loop', async () => {
    const llm = (withAsync: boolean) =>
      [
        'import requests',
        'from llama_index.core.llms import CompletionResponse, CustomLLM',
        '',
        'class Local(CustomLLM):',
        '    def complete(self, prompt, **kw):',
        '        r = requests.post("http://127.0.0.1:8000/v1/completions", json={"prompt": prompt}, timeout=20)',
        '        return CompletionResponse(text=r.json()["choices"][0]["text"])',
        ...(withAsync ? ['', '    async def acomplete(self, prompt, **kw):', '        return CompletionResponse(text="cached")'] : []),
        '',
      ].join('\n');
    const api = ['from fastapi import FastAPI', 'from llms import Local', '', 'app = FastAPI()', 'llm = Local()', '', '@app.post("/c")', 'async def c(p: str):', '    return (await llm.acomplete(p)).text', ''].join('\n');
    const fake = await findings({ 'llms.py': llm(false), 'api.py': api }, 'api.py');
    assert.deepStrictEqual(fake.filter((f) => f.startsWith('blocking-llm-call')), ['blocking-llm-call@9']);
    const real = await findings({ 'llms.py': llm(true), 'api.py': api }, 'api.py');
    assert.deepStrictEqual(real.filter((f) => f.startsWith('blocking-llm-call')), []);
  });

  it('reports a lazy SDK generator where it is iterated on the loop, not where it is made', async () => {
    const llm = [
      'from google import genai',
      '',
      'client = genai.Client(http_options={"timeout": 30000})',
      '',
      'def open_stream(prompt):',
      '    return client.models.generate_content_stream(model="gemini-2.0-flash", contents=prompt)',
      '',
    ].join('\n');
    const api = (body: string[]) =>
      ['import asyncio', 'from fastapi import FastAPI', 'from llm import open_stream', '', 'app = FastAPI()', '', '@app.get("/c")', 'async def c(q: str):', ...body, ''].join('\n');
    const drained = ['    stream = open_stream(q)', '    return await asyncio.to_thread(list, stream)'];
    const iterated = ['    stream = open_stream(q)', '    return [x.text for x in stream]'];
    const ws = new Workspace(await testEngine());
    const rules = (file: string) => ws.analyze(`${ROOT}/${file}`)!.findings.filter((f) => f.rule === 'blocking-llm-call').map((f) => f.range.start.line + 1);
    ws.upsert(`${ROOT}/llm.py`, llm);
    ws.upsert(`${ROOT}/api.py`, api(drained));
    assert.deepStrictEqual([rules('api.py'), rules('llm.py')], [[], []]);
    // The caller now iterates the generator on the loop: both ends are reported, and the helper's file,
    // unchanged, is analysed again (its finding depends on how the other module uses its result).
    ws.upsert(`${ROOT}/api.py`, api(iterated));
    assert.deepStrictEqual([rules('api.py'), rules('llm.py')], [[9], [6]]);
    ws.upsert(`${ROOT}/api.py`, api(drained));
    assert.deepStrictEqual([rules('api.py'), rules('llm.py')], [[], []]);
  });
});
