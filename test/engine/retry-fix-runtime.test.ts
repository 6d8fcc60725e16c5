// The generated retry helper really works: the quick fix is applied to a script that posts to a local
// server answering 429 (Retry-After) and 503 before 200; real Python (requests, httpx) runs it.

import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { Workspace, applyEdits } from '../../src/engine/api';
import { testEngine } from '../helpers/engine';

function flakyServer(plan: number[]): Promise<{ url: string; hits: () => number; close: () => void }> {
  let hits = 0;
  const server = http.createServer((_req, res) => {
    const status = plan[Math.min(hits, plan.length - 1)];
    hits++;
    res.writeHead(status, status === 429 ? { 'retry-after': '0.2', 'content-type': 'application/json' } : { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits, close: () => server.close() })));
}

const SCRIPTS: Record<string, string> = {
  requests: 'import sys\n\nimport requests\n\n\ndef ask(base):\n    return requests.post(base + "/v1/chat/completions", json={"q": 1}, timeout=10)\n\n\nprint(ask(sys.argv[1]).status_code)\n',
  httpx: 'import asyncio\nimport sys\n\nimport httpx\n\n\nasync def ask(base):\n    async with httpx.AsyncClient(timeout=10) as client:\n        return await client.post(base + "/v1/chat/completions", json={"q": 1})\n\n\nprint(asyncio.run(ask(sys.argv[1])).status_code)\n',
  'requests + tenacity': 'import sys\n\nimport requests\nfrom tenacity import retry, stop_after_attempt\n\n\n@retry(stop=stop_after_attempt(2))\ndef load(path):\n    return open(path).read()\n\n\ndef ask(base):\n    return requests.post(base + "/v1/chat/completions", json={"q": 1}, timeout=10)\n\n\nprint(ask(sys.argv[1]).status_code)\n',
  'httpx + tenacity': 'import asyncio\nimport sys\n\nimport httpx\nimport tenacity\n\n\nasync def ask(base):\n    async with httpx.AsyncClient(timeout=10) as client:\n        return await client.post(base + "/v1/chat/completions", json={"q": 1})\n\n\nprint(asyncio.run(ask(sys.argv[1])).status_code)\n',
};

describe('retry quick fix at run time', function () {
  this.timeout(60_000);
  for (const [lib, script] of Object.entries(SCRIPTS)) {
    it(`retries 429 and 503 with ${lib} and returns the 200`, async () => {
      const engine = await testEngine();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-retry-'));
      const file = path.join(dir, 'client.py');
      const finding = engine.analyze(file, script).findings.find((f) => f.rule === 'llm-http-without-retry');
      assert.ok(finding, `no llm-http-without-retry finding for ${lib}`);
      const fix = finding.fixes.find((f) => f.preferred && /Retry 429\/5xx/.test(f.title));
      assert.ok(fix, finding.fixes.map((f) => f.title).join(', '));
      // With tenacity in the project, the tenacity helper is preferred and the plain one still offered.
      const tenacity = lib.includes('tenacity');
      assert.strictEqual(/with tenacity/.test(fix.title), tenacity, fix.title);
      assert.strictEqual(finding.fixes.filter((f) => /Retry 429\/5xx/.test(f.title)).length, tenacity ? 2 : 1);
      fs.writeFileSync(file, applyEdits(script, fix.edits));
      const server = await flakyServer([429, 503, 200]);
      try {
        // Asynchronously: the server answering it lives in this process.
        const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
          execFile('/usr/bin/python3', [file, server.url], { timeout: 30_000 }, (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr })),
        );
        assert.strictEqual(run.code, 0, run.stderr);
        assert.strictEqual(run.stdout.trim(), '200');
        assert.strictEqual(server.hits(), 3);
      } finally {
        server.close();
      }
    });
  }
});

describe('retry quick fix: which helper', () => {
  it('uses tenacity when the module already imports it; the helpers catch httpx errors', async () => {
    const ws = new Workspace(await testEngine());
    const client = (imports: string) => `import httpx\n${imports}\n\ndef ask(base):\n    return httpx.post(base + "/v1/chat/completions", json={}, timeout=10)\n`;
    const withTenacity = client('from tenacity import retry\n');
    ws.upsert('/rt/app/client.py', withTenacity);
    const finding = ws.analyze('/rt/app/client.py')!.findings.find((f) => f.rule === 'llm-http-without-retry')!;
    const preferred = finding.fixes.find((f) => f.preferred)!;
    assert.match(preferred.title, /with tenacity/);
    const after = applyEdits(withTenacity, preferred.edits);
    assert.match(after, /^import tenacity$/m);
    assert.match(after, /retry_if_exception_type\(\(OSError, httpx\.TransportError\)\)/);
    assert.match(after, /return _llm_retry\(httpx\.post, base \+ "\/v1\/chat\/completions", json=\{\}, timeout=10\)/);
    // Without tenacity: only the plain helper, which also catches httpx's errors.
    const without = client('');
    ws.upsert('/rt/app/client.py', without);
    const plain = ws.analyze('/rt/app/client.py')!.findings.find((f) => f.rule === 'llm-http-without-retry')!;
    assert.deepStrictEqual(plain.fixes.map((f) => f.title), ['Retry 429/5xx with backoff and Retry-After (`_llm_retry` helper)']);
    assert.match(applyEdits(without, plain.fixes[0].edits), /except \(OSError, httpx\.TransportError\):/);
  });
});
