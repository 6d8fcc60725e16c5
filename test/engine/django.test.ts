// Django routing: views found through `urlpatterns` in another module (with `include` prefixes),
// class-based views, DRF `api_view`, and the route table edited after the views were analysed.

import * as assert from 'assert';
import { Workspace } from '../../src/engine/api';
import { testEngine } from '../helpers/engine';

const ROOT = '/virtual/django';

const FILES: Record<string, string> = {
  'site/__init__.py': '',
  'site/urls.py': [
    'from django.urls import include, path',
    '',
    'urlpatterns = [',
    '    path("api/", include("chat.urls")),',
    ']',
    '',
  ].join('\n'),
  'chat/__init__.py': '',
  'chat/llm.py': [
    'from openai import OpenAI',
    '',
    'client = OpenAI(timeout=20)',
    '',
    '',
    'def summarize(text):',
    '    return client.chat.completions.create(model="m", messages=[{"role": "user", "content": text}])',
    '',
  ].join('\n'),
  'chat/urls.py': [
    'from django.urls import path, re_path',
    '',
    'from . import views',
    'from .views import ChatView',
    '',
    'urlpatterns = [',
    '    path("summary/", views.summary),',
    '    path("chat/", ChatView.as_view(), name="chat"),',
    '    re_path(r"^legacy/$", views.legacy),',
    ']',
    '',
  ].join('\n'),
  'chat/views.py': [
    'import time',
    '',
    'from django.http import JsonResponse',
    'from django.views import View',
    'from rest_framework.decorators import api_view',
    '',
    'from .llm import summarize',
    '',
    '',
    'async def summary(request):',
    '    time.sleep(0.1)',
    '    return JsonResponse({"s": summarize(request.GET["q"])})',
    '',
    '',
    'def legacy(request):',
    '    time.sleep(0.1)',
    '    return JsonResponse({"s": summarize(request.GET["q"])})',
    '',
    '',
    'class ChatView(View):',
    '    async def post(self, request):',
    '        return JsonResponse({"s": summarize(request.body)})',
    '',
    '    def helper(self):',
    '        return 1',
    '',
    '',
    '@api_view(["POST"])',
    'def drf(request):',
    '    return JsonResponse({"s": summarize(request.data)})',
    '',
    '',
    'def _private(request):',
    '    return None',
    '',
  ].join('\n'),
};

async function workspace(files: Record<string, string>): Promise<Workspace> {
  const ws = new Workspace(await testEngine());
  for (const [rel, text] of Object.entries(files)) ws.upsert(`${ROOT}/${rel}`, text);
  return ws;
}

describe('django routing', () => {
  it('takes route paths from urlpatterns in another module, under include() prefixes', async () => {
    const ws = await workspace(FILES);
    const views = ws.analyze(`${ROOT}/chat/views.py`)!;
    const routes = views.routes.map((r) => `${r.method} ${r.path} ${r.handler} ${r.framework} ${r.isAsync ? 'async' : 'sync'}`).sort();
    assert.deepStrictEqual(routes, [
      'GET /api/legacy/ legacy Django sync',
      'GET /api/summary/ summary Django async',
      'POST /api/chat/ post Django async',
      'POST ? drf Django sync',
    ]);
  });

  it('reports blocking work in async views only; sync views run in a worker', async () => {
    const ws = await workspace(FILES);
    const findings = ws.analyze(`${ROOT}/chat/views.py`)!.findings.map((f) => `${f.rule}@${f.range.start.line + 1}`);
    assert.deepStrictEqual(findings.sort(), [
      'blocking-call-in-async-handler@11',
      'blocking-llm-call@12',
      'blocking-llm-call@22',
    ]);
  });

  it('finds class-based and function views with no route table in the workspace', async () => {
    const { 'chat/urls.py': _urls, 'site/urls.py': _site, ...rest } = FILES;
    const ws = await workspace(rest);
    const routes = ws.analyze(`${ROOT}/chat/views.py`)!.routes.map((r) => `${r.method} ${r.path} ${r.handler}`).sort();
    assert.deepStrictEqual(routes, ['GET ? legacy', 'GET ? summary', 'POST ? drf', 'POST ? post']);
  });

  it('updates the views when the route table changes', async () => {
    const ws = await workspace(FILES);
    assert.ok(ws.analyze(`${ROOT}/chat/views.py`)!.routes.some((r) => r.path === '/api/summary/'));
    ws.upsert(`${ROOT}/chat/urls.py`, FILES['chat/urls.py'].replace('"summary/"', '"digest/"'));
    assert.ok(ws.affectedBy(`${ROOT}/chat/urls.py`).includes(`${ROOT}/chat/views.py`));
    const after = ws.analyze(`${ROOT}/chat/views.py`)!.routes.map((r) => r.path);
    assert.ok(after.includes('/api/digest/'), after.join(', '));
    assert.ok(!after.includes('/api/summary/'));
  });
});
