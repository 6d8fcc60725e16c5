// Findings in other files follow an edit that cuts them off: when a file stops importing (or calling) a
// helper module, or is deleted, the files the OLD import graph reached are re-published too, and match
// what a fresh server reports.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestLspClient } from './lspClient';

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-stale-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const codes = (d: { code?: string; range: { start: { line: number } } }[]) => d.map((x) => `${x.range.start.line + 1} ${x.code}`).sort();

const PY = {
  'llm.py': 'from openai import OpenAI\n\nclient = OpenAI(timeout=10)\n\n\ndef complete(q):\n    return client.chat.completions.create(model="m", messages=[{"role": "user", "content": q}])\n',
  'helper.py': 'from openai import OpenAI\n\nfrom llm import complete\n\nclient = OpenAI(timeout=10)\n\n\ndef ask(q):\n    return client.chat.completions.create(model="m", messages=[{"role": "user", "content": q}])\n\n\ndef ask_twice(q):\n    return complete(q)\n',
  'main.py': 'from fastapi import FastAPI\n\nfrom helper import ask, ask_twice\n\napp = FastAPI()\n\n\n@app.get("/chat")\nasync def chat(q: str):\n    return {"a": ask(q), "b": ask_twice(q)}\n',
};
const PY_CUT = 'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/chat")\nasync def chat(q: str):\n    return {"a": q}\n';

const JS = {
  'llm.js': "const fs = require('fs');\n\nfunction load(name) {\n  return fs.readFileSync(name, 'utf8');\n}\n\nmodule.exports = { load };\n",
  'helper.js': "const fs = require('fs');\nconst { load } = require('./llm');\n\nfunction prompt(name) {\n  return fs.readFileSync(name, 'utf8') + load(name);\n}\n\nmodule.exports = { prompt };\n",
  'server.js': "const express = require('express');\nconst { prompt } = require('./helper');\n\nconst app = express();\n\napp.get('/a', async (req, res) => {\n  res.send(prompt('x.txt'));\n});\n",
};
const JS_CUT = "const express = require('express');\n\nconst app = express();\n\napp.get('/a', async (req, res) => {\n  res.send('x');\n});\n";

describe('language server: no stale findings in other files', function () {
  this.timeout(120_000);
  let client: TestLspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  for (const [lang, files, entry, cut, languageId] of [
    ['Python', PY, 'main.py', PY_CUT, 'python'],
    ['JS', JS, 'server.js', JS_CUT, 'javascript'],
  ] as const) {
    const modules = Object.keys(files).filter((f) => f !== entry);

    it(`${lang}: cutting the import re-publishes the modules it reached (directly and further down)`, async () => {
      const dir = workspace(files);
      client = await TestLspClient.start(dir, { debounceMs: 10 });
      const main = path.join(dir, entry);
      // The scan reports the helper modules: the handler reaches them.
      for (const m of modules) await client.waitForDiagnostics(path.join(dir, m), (d) => d.length > 0);
      client.open(main, files[entry as keyof typeof files], languageId);
      client.change(main, cut, 2);
      for (const m of modules) {
        const file = path.join(dir, m);
        const d: { code?: string; range: { start: { line: number } } }[] = await client.waitForDiagnostics(file, (x) => x.length === 0, 5000).catch(() => client!.diagnostics.get(client!.uri(file)) ?? []);
        assert.deepStrictEqual(codes(d), [], `${m} after the import was cut`);
      }
      // And back: pasting the import in again brings the findings back.
      client.change(main, files[entry as keyof typeof files], 3);
      for (const m of modules) await client.waitForDiagnostics(path.join(dir, m), (d) => d.length > 0);
    });

    it(`${lang}: deleting the importing file re-publishes the modules it reached, as a fresh server reports them`, async () => {
      const dir = workspace(files);
      client = await TestLspClient.start(dir, { debounceMs: 10 });
      for (const m of modules) await client.waitForDiagnostics(path.join(dir, m), (d) => d.length > 0);
      const main = path.join(dir, entry);
      fs.rmSync(main);
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(main), type: 3 }] });
      const after: Record<string, string[]> = {};
      for (const m of modules) {
        const file = path.join(dir, m);
        const d: { code?: string; range: { start: { line: number } } }[] = await client.waitForDiagnostics(file, (x) => x.length === 0, 5000).catch(() => client!.diagnostics.get(client!.uri(file)) ?? []);
        after[m] = codes(d);
      }
      await client.stop();
      // A fresh server on the same files.
      client = await TestLspClient.start(dir, { debounceMs: 10 });
      await client.conn.sendRequest('loopsafe/scanWorkspace');
      const fresh: Record<string, string[]> = {};
      for (const m of modules) fresh[m] = codes(client.diagnostics.get(client.uri(path.join(dir, m))) ?? []);
      assert.deepStrictEqual(after, fresh);
    });
  }
});
