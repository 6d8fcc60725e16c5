// blocking-call-in-async-handler beyond the handler's own body (issue 14): severities of file I/O,
// child-process handles, helpers in other modules, and re-analysis when the helper module changes.

import * as assert from 'assert';
import { Workspace } from '../../src/engine/api';
import { testEngine } from '../helpers/engine';

const ROOT = '/virtual/blocking-io';

function rows(ws: Workspace, file: string): string[] {
  return ws.analyze(`${ROOT}/${file}`)!.findings.filter((f) => f.rule === 'blocking-call-in-async-handler').map((f) => `${f.severity}@${f.range.start.line + 1}`);
}

const APP = [
  'import asyncio',
  'import requests',
  'from fastapi import FastAPI',
  'from helpers import fetch_context, save_note',
  '',
  'app = FastAPI()',
  '',
  '@app.get("/a")',
  'async def a(q: str):',
  '    with open("log.txt", "ab") as log:',
  '        proc = await asyncio.create_subprocess_exec("ls", stdout=log)',
  '        await proc.wait()',
  '    with open("prompt.txt") as fh:',
  '        prompt = fh.read()',
  '    r = requests.get("https://example.com/data", timeout=5)',
  '    ctx = fetch_context(q)',
  '    save_note(q)',
  '    return {"p": prompt, "r": r.text, "c": ctx}',
  '',
].join('\n');

const HELPERS = [
  'import requests',
  '',
  'def fetch_context(q):',
  '    return requests.get("https://example.com/search", params={"q": q}, timeout=5).json()',
  '',
  'def save_note(q):',
  '    with open("notes.txt", "a") as fh:',
  '        fh.write(q)',
  '',
].join('\n');

describe('blocking-call-in-async-handler through helpers and severities', () => {
  it('keeps warning for network I/O, info for local file I/O, nothing for a handle given to a child process', async () => {
    const ws = new Workspace(await testEngine());
    ws.upsert(`${ROOT}/app.py`, APP);
    ws.upsert(`${ROOT}/helpers.py`, HELPERS);
    assert.deepStrictEqual(rows(ws, 'app.py'), ['info@13', 'warning@15', 'warning@16', 'info@17']);
    assert.deepStrictEqual(rows(ws, 'helpers.py'), ['warning@4', 'info@7']);
  });

  it('follows an edit of the helper module: the call site finding goes when the helper stops blocking', async () => {
    const ws = new Workspace(await testEngine());
    ws.upsert(`${ROOT}/app.py`, APP);
    ws.upsert(`${ROOT}/helpers.py`, HELPERS);
    assert.ok(rows(ws, 'app.py').includes('warning@16'));
    ws.upsert(`${ROOT}/helpers.py`, HELPERS.replace('return requests.get("https://example.com/search", params={"q": q}, timeout=5).json()', 'return {"q": q}'));
    assert.ok(!rows(ws, 'app.py').includes('warning@16'), rows(ws, 'app.py').join(','));
    assert.deepStrictEqual(rows(ws, 'helpers.py'), ['info@7']);
  });

  it('a user setting for the rule applies to every finding of it', async () => {
    const ws = new Workspace(await testEngine());
    ws.upsert(`${ROOT}/app.py`, APP);
    ws.upsert(`${ROOT}/helpers.py`, HELPERS);
    const r = ws.analyze(`${ROOT}/app.py`, { rules: { 'blocking-call-in-async-handler': 'error' } })!;
    const sev = r.findings.filter((f) => f.rule === 'blocking-call-in-async-handler').map((f) => f.severity);
    assert.ok(sev.length === 4 && sev.every((s) => s === 'error'), sev.join(','));
  });
});

describe('blocking-call-in-async-handler through functions passed as arguments', () => {
  const DB = [
    'import requests',
    '',
    'class Rows:',
    '    def similar(self, v, top_k=3):',
    '        return requests.get("https://example.com/rows", params={"k": top_k}, timeout=5).json()',
    '',
  ].join('\n');

  it('follows a method passed to a helper that calls it, not one the helper offloads or only stores', async () => {
    const ws = new Workspace(await testEngine());
    ws.upsert(`${ROOT}/rows.py`, DB);
    ws.upsert(
      `${ROOT}/api.py`,
      [
        'import asyncio',
        'from fastapi import FastAPI',
        'from rows import Rows',
        '',
        'app = FastAPI()',
        'rows = Rows()',
        'KEPT = []',
        '',
        'def best(q, lookup):',
        '    return lookup([len(q)], top_k=1)',
        '',
        'def keep(fn):',
        '    KEPT.append(fn)',
        '',
        'async def offload(fn, *args):',
        '    return await asyncio.to_thread(fn, *args)',
        '',
        '@app.get("/a")',
        'async def a(q: str):',
        '    return best(q, rows.similar)',
        '',
        '@app.get("/b")',
        'async def b(q: str):',
        '    keep(rows.similar)',
        '    return await offload(rows.similar, [1])',
        '',
      ].join('\n'),
    );
    assert.deepStrictEqual(rows(ws, 'api.py'), ['warning@20']);
    assert.deepStrictEqual(rows(ws, 'rows.py'), ['warning@5']);
    // The helper stops calling its parameter: nothing runs the lookup on the loop any more.
    ws.upsert(`${ROOT}/api.py`, ws.text(`${ROOT}/api.py`)!.replace('    return lookup([len(q)], top_k=1)', '    return [lookup.__name__, q]'));
    assert.deepStrictEqual(rows(ws, 'api.py'), []);
    assert.deepStrictEqual(rows(ws, 'rows.py'), []);
  });
});
