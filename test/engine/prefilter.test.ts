// What the engine decides from a Python file's text before parsing it: which files can carry findings,
// which only routes, and that a findings-only scan parses none of the route-only files.

import * as assert from 'assert';
import * as path from 'path';
import { Engine, Workspace } from '../../src/engine/api';
import { pythonTextFacts } from '../../src/engine/engine';
import { Parsers } from '../../src/engine/parse/parser';
import { testEngine } from '../helpers/engine';

const lines = (...l: string[]) => l.join('\n') + '\n';

describe('python prefilter', () => {
  it('sorts files by what they import and name', () => {
    assert.strictEqual(pythonTextFacts(lines('from openai import OpenAI')).relevance, 'llm');
    assert.strictEqual(pythonTextFacts(lines('import httpx', 'URL = "https://api.anthropic.com/v1/messages"')).relevance, 'llm');
    assert.strictEqual(pythonTextFacts(lines('import httpx', 'URL = "https://example.com/items"')).relevance, undefined);
    assert.strictEqual(pythonTextFacts(lines('import os', 'print(os.getcwd())')).relevance, undefined);
    const routes = pythonTextFacts(lines('from fastapi import APIRouter', 'router = APIRouter()', '@router.get("/")', 'async def index():', '    return {}'));
    assert.deepStrictEqual(routes, { relevance: 'framework', blocking: false, summary: false });
    // An SDK import anywhere wins over a framework import before it.
    assert.strictEqual(pythonTextFacts(lines('from fastapi import FastAPI', 'import anthropic')).relevance, 'llm');
  });

  it('counts a namespace package (google) as an SDK import only through an SDK submodule', () => {
    for (const llm of [
      lines('from google import genai', 'client = genai.Client()'),
      lines('import google.generativeai as genai'),
      lines('from google.genai import types'),
      lines('from google import (', '    auth,', '    generativeai as gg,', ')'),
      lines('import google', 'client = google.genai.Client()'),
    ]) assert.strictEqual(pythonTextFacts(llm).relevance, 'llm', llm);
    // Other distributions of the namespace (App Engine, protobuf, Cloud Storage) are not LLM SDKs...
    assert.strictEqual(pythonTextFacts(lines('from google.appengine.api import urlfetch', 'import requests')).relevance, undefined);
    assert.strictEqual(pythonTextFacts(lines('from google import protobuf', 'import genai_tools')).relevance, undefined);
    // ... and a framework file that imports one stays a framework file.
    assert.strictEqual(pythonTextFacts(lines('from google.cloud import storage', 'from fastapi import FastAPI')).relevance, 'framework');
  });

  it('sees blocking-catalog calls, comma imports and from-imports included', () => {
    assert.ok(pythonTextFacts(lines('import os, time', 'from fastapi import FastAPI', 'time.sleep(1)')).blocking);
    assert.ok(pythonTextFacts(lines('from time import sleep', 'from quart import Quart', 'sleep(1)')).blocking);
    assert.ok(pythonTextFacts(lines('import sqlite3', 'from fastapi import FastAPI', 'db = sqlite3.connect("x")')).blocking);
    assert.ok(pythonTextFacts(lines('from fastapi import FastAPI', 'data = open("x").read()')).blocking);
    // `os` is imported, but nothing of the catalog (`os.system`) is named.
    assert.ok(!pythonTextFacts(lines('import os', 'from fastapi import FastAPI', 'p = os.path.join("a", "b")')).blocking);
    assert.ok(!pythonTextFacts(lines('from fastapi import FastAPI', 'def reopen(x):', '    return x')).blocking);
  });

  it('keeps route tables and app.state readers in the index', () => {
    assert.ok(pythonTextFacts(lines('from django.urls import path', 'from . import views', 'urlpatterns = [path("chat/", views.chat)]')).summary);
    assert.ok(pythonTextFacts(lines('from fastapi import APIRouter, Request', 'async def x(request: Request):', '    return request.app.state.llm')).summary);
    // Defining a function or class of a route constructor's name is not calling one (a framework's own modules)...
    assert.ok(!pythonTextFacts(lines('from starlette.datastructures import URL', 'class Request:', '    def url(self):', '        return URL("/")', '    async def path (self):', '        return "/"')).summary);
    assert.ok(!pythonTextFacts(lines('from starlette import routing', 'class APIRoute(routing.Route):', '    pass')).summary);
    // ... but a call after such a definition still is.
    assert.ok(pythonTextFacts(lines('from starlette.routing import Route', 'def path(p):', '    return p', 'routes = [Route(path("/x"), endpoint=views.x)]')).summary);
  });
});

describe('findings-only analysis', () => {
  const root = '/prefilter';
  const file = (rel: string) => path.join(root, rel);
  let engine: Engine;
  let parsed: string[] = [];
  const original = Parsers.prototype.parse;

  before(async () => {
    engine = await testEngine();
    Parsers.prototype.parse = function (this: Parsers, ...args: Parameters<Parsers['parse']>) {
      parsed.push(args[1]);
      return original.apply(this, args);
    };
  });
  after(() => {
    Parsers.prototype.parse = original;
  });

  function workspace(): Workspace {
    const ws = new Workspace(engine, { routes: false });
    ws.upsert(file('app/health.py'), lines('from fastapi import APIRouter', '', 'router = APIRouter()', '', '', '@router.get("/health")', 'async def health():', '    return {"ok": True}'));
    ws.upsert(file('app/slow.py'), lines('import time', '', 'from fastapi import APIRouter', '', 'router = APIRouter()', '', '', '@router.get("/slow")', 'async def slow():', '    time.sleep(1)', '    return {}'));
    ws.upsert(file('app/services/__init__.py'), lines('from .writer import Writer', '', '__all__ = ["Writer"]'));
    ws.upsert(
      file('app/services/writer.py'),
      lines('from openai import OpenAI', '', '', 'class Writer:', '    def __init__(self):', '        self._client = OpenAI()', '', '    def write(self, topic):', '        return self._client.chat.completions.create(model="m", messages=[{"role": "user", "content": topic}])'),
    );
    ws.upsert(file('app/posts.py'), lines('from fastapi import APIRouter', '', 'from app.services import Writer', '', 'router = APIRouter()', 'writer = Writer()', '', '', '@router.post("/posts")', 'async def create(topic: str):', '    return writer.write(topic)'));
    return ws;
  }

  it('reports what a full analysis reports, and parses no file that can only hold routes', () => {
    const ws = workspace();
    parsed = [];
    const results = ws.analyzeAll();
    const findings = Object.fromEntries(results.filter((r) => r.findings.length).map((r) => [path.relative(root, r.file), r.findings.map((f) => `${f.range.start.line + 1} ${f.rule}`)]));
    assert.deepStrictEqual(findings, {
      'app/posts.py': ['11 blocking-llm-call'],
      'app/services/writer.py': ['6 llm-call-without-timeout', '9 blocking-llm-call'],
      'app/slow.py': ['10 blocking-call-in-async-handler'],
    });
    // The SDK file, the package re-exporting its class, the route file importing it and the one
    // making a blocking call; not the route file that can hold nothing but routes.
    const names = parsed.map((text) => path.relative(root, ws.files().find((f) => ws.text(f) === text) ?? '?')).sort();
    assert.deepStrictEqual(names, ['app/posts.py', 'app/services/__init__.py', 'app/services/writer.py', 'app/slow.py']);
    assert.deepStrictEqual(results.find((r) => r.file === file('app/health.py'))?.routes, []);
  });

  it('follows modules imported by name from a package, over a parenthesized multi-line list', () => {
    const ws = new Workspace(engine, { routes: false });
    ws.upsert(file('pkg/__init__.py'), '');
    ws.upsert(file('pkg/llm.py'), lines('from openai import OpenAI', '', 'client = OpenAI(timeout=20)', '', '', 'def answer(q):', '    return client.chat.completions.create(model="m", messages=[{"role": "user", "content": q}])'));
    ws.upsert(file('pkg/ask.py'), lines('from fastapi import APIRouter', '', 'from pkg import (', '    llm,', ')', '', 'router = APIRouter()', '', '', '@router.get("/ask")', 'async def ask(q: str):', '    return llm.answer(q)'));
    const ask = ws.analyzeAll().find((r) => r.file === file('pkg/ask.py'));
    assert.deepStrictEqual(ask?.findings.map((f) => `${f.range.start.line + 1} ${f.rule}`), ['12 blocking-llm-call']);
  });

  it('reads a framework package of the workspace as the framework, not as an app: no findings, nothing parsed', () => {
    const ws = new Workspace(engine, { routes: false });
    // Vendored framework source (`starlette/` with its `__init__.py`): an ASGI `__call__` doing file I/O.
    ws.upsert(file('vendor/starlette/__init__.py'), lines('__version__ = "0.1.0"'));
    ws.upsert(file('vendor/starlette/responses.py'), lines('import json', 'from starlette.types import Scope', '', '', 'class FileResponse:', '    async def __call__(self, scope):', '        with open(self.path, "rb") as f:', '            return f.read()'));
    ws.upsert(file('vendor/starlette/types.py'), lines('Scope = dict'));
    // A folder an app lives in that merely has the framework's name (no package): still an app.
    ws.upsert(file('fastapi/main.py'), lines('import time', 'from fastapi import FastAPI', '', 'app = FastAPI()', '', '', '@app.get("/slow")', 'async def slow():', '    time.sleep(1)', '    return {}'));
    parsed = [];
    const found = ws.analyzeAll().filter((r) => r.findings.length).map((r) => `${path.relative(root, r.file)}:${r.findings.map((f) => f.rule).join(',')}`);
    assert.deepStrictEqual(found, ['fastapi/main.py:blocking-call-in-async-handler']);
    const names = parsed.map((text) => path.relative(root, ws.files().find((f) => ws.text(f) === text) ?? '?'));
    assert.ok(!names.some((n) => n.startsWith('vendor/')), names.join(' '));
    // An empty `__init__.py` there changes nothing (an app run from inside its folder)...
    ws.upsert(file('fastapi/__init__.py'), lines('# the app'));
    assert.deepStrictEqual(ws.analyzeAll().filter((r) => r.findings.length).map((r) => r.file), [file('fastapi/main.py')]);
    // ... a package that says something, under the framework's name, is the framework's source.
    ws.upsert(file('fastapi/__init__.py'), lines('from .main import app'));
    assert.deepStrictEqual(ws.analyzeAll().filter((r) => r.findings.length).map((r) => r.file), []);
  });

  it('resolves a standard-library import to the standard library, not to a same-named module elsewhere', () => {
    const ws = new Workspace(engine, { routes: false });
    // `pkg/json.py` is importable as `pkg.json` only; `import json` in another package is the standard library's.
    ws.upsert(file('pkg/__init__.py'), '');
    ws.upsert(file('pkg/json.py'), lines('import requests', '', '', 'def loads(s):', '    return requests.get(s).json()'));
    ws.upsert(file('web/main.py'), lines('import json', '', 'from fastapi import FastAPI', '', 'app = FastAPI()', '', '', '@app.get("/x")', 'async def x(q: str):', '    return json.loads(q)'));
    assert.deepStrictEqual(ws.analyzeAll().find((r) => r.file === file('web/main.py'))?.findings.map((f) => f.rule), []);
    // A module beside the importing script does shadow the standard library (its directory leads sys.path).
    ws.upsert(file('web/json.py'), lines('import requests', '', '', 'def loads(s):', '    return requests.get(s).json()'));
    assert.deepStrictEqual(ws.analyzeAll().find((r) => r.file === file('web/main.py'))?.findings.map((f) => `${f.range.start.line + 1} ${f.rule}`), ['10 blocking-call-in-async-handler']);
  });

  it('summarizes a plain helper module only when code that can run on the loop calls into it', () => {
    const helperWorkspace = (handlerCalls: string): Workspace => {
      const ws = new Workspace(engine, { routes: false });
      ws.upsert(file('svc/main.py'), lines('from fastapi import FastAPI', '', 'from svc import storage', '', 'app = FastAPI()', '', '', '@app.get("/item")', 'async def item():', `    return ${handlerCalls}`));
      ws.upsert(file('svc/storage.py'), lines('import sqlite3', '', 'from svc import reports', '', '', 'def load():', '    return sqlite3.connect("db").execute("select 1").fetchall()', '', '', 'def export():', '    return reports.render()'));
      ws.upsert(file('svc/reports.py'), lines('import subprocess', '', '', 'def render():', '    return subprocess.run(["make-report"], check=True)'));
      return ws;
    };
    const parsedFiles = (ws: Workspace) => parsed.map((text) => path.relative(root, ws.files().find((f) => ws.text(f) === text) ?? '?'));
    // The handler reaches `load` only: `export` (calling into reports.py) runs on no loop, so reports.py stays unread.
    let ws = helperWorkspace('storage.load()');
    parsed = [];
    let main = ws.analyzeAll().find((r) => r.file === file('svc/main.py'));
    assert.deepStrictEqual(main?.findings.map((f) => `${f.range.start.line + 1} ${f.rule}`), ['10 blocking-call-in-async-handler']);
    assert.ok(!parsedFiles(ws).includes('svc/reports.py'), parsedFiles(ws).join(' '));
    // Calling `export` from the handler brings reports.py in, and its blocking call with it.
    ws = helperWorkspace('storage.export()');
    parsed = [];
    main = ws.analyzeAll().find((r) => r.file === file('svc/main.py'));
    assert.deepStrictEqual(main?.findings.map((f) => `${f.range.start.line + 1} ${f.rule}`), ['10 blocking-call-in-async-handler']);
    assert.ok(main?.findings[0].message.includes('render'), main?.findings[0].message);
    assert.ok(parsedFiles(ws).includes('svc/reports.py'), parsedFiles(ws).join(' '));
  });

  it('still finds the routes of those files when they are asked for', () => {
    const ws = workspace();
    const health = ws.analyze(file('app/health.py'), { routes: true });
    assert.deepStrictEqual(health?.routes.map((r) => `${r.method} ${r.path} ${r.handler}`), ['GET /health health']);
    assert.deepStrictEqual(ws.analyze(file('app/health.py'))?.routes, []);
  });
});
