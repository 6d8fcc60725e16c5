// Project config files through the real engine: where they are found (nearest wins, order within a
// folder), every key's effect on findings (extension points included) and the messages for bad config.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ProjectConfigs, RULE_IDS, Workspace, applyEdits, formatProblem, globMatches, readProjectConfig, setCatalogExtensions, type FileAnalysis } from '../../src/engine/api';
import { testEngine } from '../helpers/engine';
import { expectationsUnder } from '../helpers/annotations';

function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-cfg-')));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const MAIN = [
  'from fastapi import FastAPI',
  'from openai import OpenAI',
  '',
  'app = FastAPI()',
  'client = OpenAI()',
  '',
  '@app.get("/generate")',
  'async def generate(q: str):',
  '    r = client.chat.completions.create(model="m", messages=[{"role": "user", "content": q}])',
  '    return r.choices[0].message.content',
  '',
].join('\n');

/** Loads every .py file of `dir` with its project configs and returns `line rule severity` per finding. */
async function check(dir: string): Promise<{ findings: string[]; results: FileAnalysis[]; ws: Workspace }> {
  const ws = new Workspace(await testEngine(), { routes: false });
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.py$|^nginx\.conf$/.test(e.name)) ws.load(full);
    }
  };
  walk(dir);
  ws.setProjectConfigs(new ProjectConfigs());
  const results = ws.analyzeAll();
  const findings = results.flatMap((r) => r.findings.map((f) => `${path.relative(dir, f.file)}:${f.range.start.line + 1} ${f.rule} ${f.severity}`)).sort();
  return { findings, results, ws };
}

describe('project config', () => {
  after(async () => {
    // The catalogs are process-wide: leave them as the other suites expect.
    setCatalogExtensions({ blockingFunctions: [], llmClients: [] });
    (await testEngine()).forgetAll();
  });

  it('without a config: the defaults (the reference the tests below differ from)', async () => {
    const dir = tree({ 'app/main.py': MAIN });
    assert.deepStrictEqual((await check(dir)).findings, ['app/main.py:5 llm-call-without-timeout warning', 'app/main.py:9 blocking-llm-call error']);
  });

  it('reads loopsafe.toml, .loopsafe.toml, [tool.loopsafe] and "loopsafe" in package.json; nearest wins, in that order within a folder', () => {
    const dir = tree({
      'loopsafe.toml': '[rules]\nblocking-llm-call = "warning"\n',
      'svc/pyproject.toml': '[project]\nname = "svc"\n\n[tool.loopsafe.rules]\nblocking-llm-call = "info"\n',
      'svc/package.json': '{ "name": "x", "loopsafe": { "rules": { "blocking-llm-call": "hint" } } }',
      'other/pyproject.toml': '[project]\nname = "no loopsafe here"\n',
      'web/package.json': '{ "name": "web", "loopsafe": { "ignore": ["unawaited-llm-call"] } }',
      'hidden/.loopsafe.toml': 'select = ["blocking-llm-call"]\n',
    });
    const configs = new ProjectConfigs();
    const of = (rel: string) => path.relative(dir, configs.forFile(path.join(dir, rel))?.file ?? '(none)');
    assert.strictEqual(of('app/main.py'), 'loopsafe.toml');
    assert.strictEqual(of('svc/a/b.py'), 'svc/pyproject.toml', 'pyproject.toml comes before package.json in one folder');
    assert.strictEqual(of('other/x.py'), 'loopsafe.toml', 'a pyproject.toml without [tool.loopsafe] is not a config');
    assert.strictEqual(of('web/server.ts'), 'web/package.json');
    assert.strictEqual(of('hidden/x.py'), 'hidden/.loopsafe.toml');
    assert.deepStrictEqual(configs.forFile(path.join(dir, 'svc/x.py'))?.rules, { 'blocking-llm-call': 'info' });
    assert.deepStrictEqual(configs.forFile(path.join(dir, 'web/x.ts'))?.ignore, ['unawaited-llm-call']);
    assert.deepStrictEqual(configs.forFile(path.join(dir, 'hidden/x.py'))?.select, ['blocking-llm-call']);
  });

  it('rules, select, ignore and exclude change the findings', async () => {
    const sev = await check(tree({ 'loopsafe.toml': '[rules]\nblocking-llm-call = "warning"\nllm-call-without-timeout = "off"\n', 'app/main.py': MAIN }));
    assert.deepStrictEqual(sev.findings, ['app/main.py:9 blocking-llm-call warning']);
    const select = await check(tree({ 'pyproject.toml': '[tool.loopsafe]\nselect = ["llm-call-without-timeout"]\n', 'app/main.py': MAIN }));
    assert.deepStrictEqual(select.findings, ['app/main.py:5 llm-call-without-timeout warning']);
    const ignore = await check(tree({ 'package.json': '{"loopsafe": {"ignore": ["llm-call-without-timeout"]}}', 'app/main.py': MAIN }));
    assert.deepStrictEqual(ignore.findings, ['app/main.py:9 blocking-llm-call error']);
    const dir = tree({ 'loopsafe.toml': 'exclude = ["legacy/", "**/gen_*.py"]\n', 'app/main.py': MAIN, 'legacy/old.py': MAIN, 'app/gen_x.py': MAIN });
    const exclude = await check(dir);
    assert.deepStrictEqual(exclude.findings, ['app/main.py:5 llm-call-without-timeout warning', 'app/main.py:9 blocking-llm-call error']);
    assert.ok(exclude.ws.isExcluded(path.join(dir, 'legacy/old.py')) && exclude.ws.isExcluded(path.join(dir, 'app/gen_x.py')) && !exclude.ws.isExcluded(path.join(dir, 'app/main.py')));
  });

  it('globs: `*` within a segment, `**` across, a name without `/` at any depth, a folder excludes what it holds', () => {
    assert.ok(globMatches('legacy', 'a/legacy/x.py'));
    assert.ok(globMatches('legacy/', 'legacy/x/y.py'));
    assert.ok(!globMatches('/legacy', 'a/legacy/x.py'), 'a leading / anchors');
    assert.ok(globMatches('src/*.py', 'src/a.py') && !globMatches('src/*.py', 'src/b/a.py'));
    assert.ok(globMatches('src/**/test_*.py', 'src/test_a.py') && globMatches('src/**/test_*.py', 'src/x/y/test_a.py'));
    assert.ok(!globMatches('*.js', 'a/b.py'));
  });

  it('fix.timeout-seconds is what the timeout fixes write', async () => {
    const { results } = await check(tree({ 'loopsafe.toml': '[fix]\ntimeout-seconds = 12\n', 'app/main.py': MAIN }));
    const f = results.flatMap((r) => r.findings).find((x) => x.rule === 'llm-call-without-timeout')!;
    const fixed = applyEdits(MAIN, f.fixes[0].edits);
    assert.match(fixed, /OpenAI\(timeout=12\)/);
  });

  it('server-limit: proxy-timeout adds a limit the files do not show (pointing at the config line); "off" removes a detected one', async () => {
    const timed = MAIN.replace('OpenAI()', 'OpenAI(timeout=50, max_retries=1)');
    const none = await check(tree({ 'app/main.py': timed }));
    assert.ok(!none.findings.some((f) => f.includes('timeout-exceeds-server-limit')), 'no limit in the files');
    const dir = tree({ 'loopsafe.toml': '# the ALB in front\n[server-limit]\nproxy-timeout = "60s"\n', 'app/main.py': timed });
    const withProxy = await check(dir);
    const f = withProxy.results.flatMap((r) => r.findings).find((x) => x.rule === 'timeout-exceeds-server-limit');
    assert.ok(f, withProxy.findings.join('\n'));
    assert.match(f.message, /proxy-timeout = 60 s/);
    assert.ok(f.related.some((r) => `${path.basename(r.location.file)}:${r.location.range.start.line + 1}` === 'loopsafe.toml:3'), JSON.stringify(f.related));
    const nginx = 'server { location / { proxy_pass http://app:8000; proxy_read_timeout 30s; } }\n';
    const detected = await check(tree({ 'nginx.conf': nginx, 'app/main.py': timed }));
    assert.ok(detected.findings.some((x) => x.includes('timeout-exceeds-server-limit')), 'nginx 30 s is detected');
    const off = await check(tree({ 'nginx.conf': nginx, 'loopsafe.toml': '[server-limit]\nproxy-timeout = "off"\n', 'app/main.py': timed }));
    assert.ok(!off.findings.some((x) => x.includes('timeout-exceeds-server-limit')), off.findings.join('\n'));
  });

  it('blocking-functions: the team\'s own blocking helper is reported like a catalog blocking call, and only with the config', async () => {
    const files = {
      'mycompany/__init__.py': '',
      // A driver the catalog does not know (psycopg here would be found through the helper without any config).
      'mycompany/db.py': 'import vendordb\n\ndef query(sql):\n    with vendordb.connect("") as c:\n        return c.run(sql).rows()\n',
      'app/main.py': 'from fastapi import FastAPI\nfrom mycompany.db import query\nfrom mycompany import db\n\napp = FastAPI()\n\n@app.get("/users")\nasync def users():\n    return query("select 1")\n\n@app.get("/more")\nasync def more():\n    return db.query("select 2")\n\n@app.get("/sync")\ndef sync_route():\n    return query("select 3")\n',
    };
    assert.deepStrictEqual((await check(tree(files))).findings, [], 'unknown to the catalog without the config');
    const { findings, results } = await check(tree({ ...files, 'pyproject.toml': '[tool.loopsafe]\nblocking-functions = ["mycompany.db.query"]\n' }));
    assert.deepStrictEqual(findings, ['app/main.py:13 blocking-call-in-async-handler warning', 'app/main.py:9 blocking-call-in-async-handler warning']);
    const f = results.flatMap((r) => r.findings)[0];
    assert.ok(f.fixes.some((x) => x.title.includes('asyncio.to_thread')));
    const described = await check(tree({ ...files, 'loopsafe.toml': '[blocking-functions]\n"mycompany.db.query" = { what = "runs a database query", instead = "`mycompany.db.aquery`" }\n' }));
    assert.match(described.results.flatMap((r) => r.findings)[0].message, /runs a database query.*mycompany\.db\.aquery/);
  });

  it('llm-clients: a wrapper class and an async factory are analysed like an SDK (blocking, unawaited, timeout), only with the config', async () => {
    const files = {
      'mycompany/__init__.py': '',
      // Over a transport the catalog does not know (urllib here would be found through the helper without any config).
      'mycompany/llm.py': 'import vendorhttp\n\nclass LLMClient:\n    def __init__(self, timeout=None):\n        self.timeout = timeout\n\n    def complete(self, prompt):\n        return vendorhttp.post("http://llm.internal/v1").body\n\n    def close(self):\n        pass\n\nasync def get_async_client():\n    return None\n',
      'app/main.py': [
        'from fastapi import FastAPI',
        'from mycompany.llm import LLMClient, get_async_client',
        '',
        'app = FastAPI()',
        'llm = LLMClient()',
        'timed = LLMClient(timeout=20)',
        'allm = get_async_client()',
        '',
        '@app.get("/ask")',
        'async def ask(q: str):',
        '    llm.close()',
        '    return llm.complete(q)',
        '',
        '@app.get("/fire")',
        'async def fire(q: str):',
        '    allm.complete(q)',
        '    return await allm.complete(q)',
        '',
        '@app.get("/sync")',
        'def sync_route(q: str):',
        '    return timed.complete(q)',
        '',
      ].join('\n'),
    };
    assert.deepStrictEqual((await check(tree(files))).findings, [], 'unknown without the config');
    const config = [
      '[tool.loopsafe.llm-clients."mycompany.llm.LLMClient"]',
      'async = false',
      'timeout = "none"',
      'methods = ["complete"]',
      '',
      '[tool.loopsafe.llm-clients."mycompany.llm.get_async_client"]',
      'factory = true',
      'async = true',
      'timeout = "30s"',
      '',
    ].join('\n');
    const { findings, results } = await check(tree({ ...files, 'pyproject.toml': config }));
    assert.deepStrictEqual(findings, [
      'app/main.py:12 blocking-llm-call error',
      'app/main.py:16 unawaited-llm-call error',
      'app/main.py:5 llm-call-without-timeout warning',
    ]);
    const timeout = results.flatMap((r) => r.findings).find((f) => f.rule === 'llm-call-without-timeout')!;
    assert.match(applyEdits(files['app/main.py'], timeout.fixes[0].edits), /llm = LLMClient\(timeout=30\)/);
  });

  it('JS/TS extension points: a relative blocking helper, a package function, async and sync client classes and a factory (fixture js-team-wrappers)', async () => {
    const src = path.resolve(__dirname, '../../../test/fixtures/project/js-team-wrappers');
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-cfg-js-')));
    fs.cpSync(src, dir, { recursive: true });
    const expected = expectationsUnder(dir);
    const load = (ws: Workspace): void => {
      const walk = (d: string): void => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          const full = path.join(d, e.name);
          if (e.isDirectory()) walk(full);
          else if (/\.ts$/.test(e.name)) ws.load(full);
        }
      };
      walk(dir);
    };
    const run = (ws: Workspace) => ws.analyzeAll().flatMap((r) => r.findings).map((f) => `${path.relative(dir, f.file)}:${f.range.start.line + 1} ${f.rule}`).sort();
    assert.ok(expected.length >= 7, 'the fixture is annotated');

    const config = fs.readFileSync(path.join(dir, 'loopsafe.toml'), 'utf8');
    fs.renameSync(path.join(dir, 'loopsafe.toml'), path.join(dir, 'off.toml'));
    const without = new Workspace(await testEngine(), { routes: false });
    load(without);
    without.setProjectConfigs(new ProjectConfigs());
    assert.deepStrictEqual(run(without), [], 'the team\'s code is unknown without the config');

    fs.writeFileSync(path.join(dir, 'loopsafe.toml'), config);
    const ws = new Workspace(await testEngine(), { routes: false });
    load(ws);
    ws.setProjectConfigs(new ProjectConfigs());
    const results = ws.analyzeAll();
    assert.deepStrictEqual(run(ws), expected);
    const all = results.flatMap((r) => r.findings);
    const described = all.find((f) => f.rule === 'blocking-call-in-async-handler' && f.file.endsWith('server.ts'))!;
    assert.match(described.message, /runs a database query on the native driver/);
    // The timeout fix writes the option the config names, in milliseconds.
    const timeout = all.find((f) => f.rule === 'llm-call-without-timeout' && f.file.endsWith('server.ts'))!;
    const serverText = fs.readFileSync(path.join(dir, 'src/server.ts'), 'utf8');
    assert.match(applyEdits(serverText, timeout.fixes.find((x) => x.title.includes('timeout'))!.edits), /const llm = new LLMClient\(\{ timeoutMs: 30_000 \}\)/);
    // Under a route's limit, the server-limit fix fits the declared option to it.
    const limit = all.find((f) => f.rule === 'timeout-exceeds-server-limit')!;
    assert.match(limit.fixes[0]?.title ?? '', /timeout on the client/);
    const routeText = fs.readFileSync(path.join(dir, 'src/app/api/ask/route.ts'), 'utf8');
    assert.match(applyEdits(routeText, limit.fixes[0].edits), /new LLMClient\(\{ apiKey: process\.env\.ACME_KEY, timeoutMs: \d[\d_]* \}\)/);
    // Six attempts (`maxRetries: 5`, read through `retries-arg`) cannot share 10 s: the fix lowers the
    // declared retries option beside the timeout.
    const tag = all.find((f) => f.rule === 'timeout-exceeds-server-limit' && f.file.endsWith(path.join('tag', 'route.ts')))!;
    assert.match(tag.message, /6 attempts|forever/);
    assert.match(tag.fixes[0]?.title ?? '', /timeout and 1 retry on the client/);
    const tagText = fs.readFileSync(path.join(dir, 'src/app/api/tag/route.ts'), 'utf8');
    assert.match(applyEdits(tagText, tag.fixes[0].edits), /new LLMClient\(\{ apiKey: process\.env\.ACME_KEY, maxRetries: 1, timeoutMs: \d[\d_]* \}\)/);
    // Without `retries-arg` the option is unknown: no fix could lower it, so none is offered.
    fs.writeFileSync(path.join(dir, 'loopsafe.toml'), config.replace(/^retries-arg = .*$/m, ''));
    const unnamed = new Workspace(await testEngine(), { routes: false });
    load(unnamed);
    unnamed.setProjectConfigs(new ProjectConfigs());
    const tagWithout = unnamed.analyzeAll().flatMap((r) => r.findings).find((f) => f.rule === 'timeout-exceeds-server-limit' && f.file.endsWith(path.join('tag', 'route.ts')))!;
    assert.deepStrictEqual(tagWithout.fixes.filter((x) => /timeout/.test(x.title)), []);
  });

  it('a changed config is applied again: the extension points follow the file', async () => {
    const dir = tree({ 'mycompany/__init__.py': '', 'mycompany/db.py': 'def query(s):\n    return s\n', 'app/main.py': 'from fastapi import FastAPI\nfrom mycompany.db import query\n\napp = FastAPI()\n\n@app.get("/u")\nasync def u():\n    return query("x")\n', 'loopsafe.toml': 'blocking-functions = ["mycompany.db.query"]\n' });
    const { ws } = await check(dir);
    const main = path.join(dir, 'app/main.py');
    assert.strictEqual(ws.analyze(main)?.findings.length, 1);
    const configs = new ProjectConfigs();
    fs.writeFileSync(path.join(dir, 'loopsafe.toml'), 'blocking-functions = []\n');
    ws.setProjectConfigs(configs);
    assert.strictEqual(ws.analyze(main)?.findings.length, 0, 'removed from the catalog again');
  });

  it('JS/TS names in the config: relative modules are keyed by the config folder; a module without a member and a bad timeout-unit are named', () => {
    const text = [
      'blocking-functions = ["./src/lib/db.query", "../shared/cache.get", "./src/lib/db", "@acme/db.query"]',
      '',
      '[llm-clients."./src/llm/index.ts.Client"]',
      'async = true',
      'timeout-unit = "minutes"',
      '',
    ].join('\n');
    const cfg = readProjectConfig('/p/app/loopsafe.toml', text)!;
    assert.deepStrictEqual(cfg.blockingFunctions.map((b) => b.jsKey), [path.resolve('/p/app/src/lib/db') + '.query', path.resolve('/p/shared/cache') + '.get', '@acme/db.query']);
    // The extension and `/index` of a module path do not matter.
    assert.deepStrictEqual(cfg.llmClients.map((c) => [c.jsKey, c.timeoutUnit]), [[path.resolve('/p/app/src/llm') + '.Client', undefined]]);
    assert.deepStrictEqual(cfg.problems.map(formatProblem), [
      '/p/app/loopsafe.toml:1: blocking-functions: "./src/lib/db" is not a qualified function name (module.function); skipped',
      '/p/app/loopsafe.toml:5: llm-clients../src/llm/index.ts.Client.timeout-unit: "minutes" is not "s" or "ms"; seconds used in Python, milliseconds in JS/TS',
    ]);
  });

  it('bad config: one message per problem naming file, line and key; defaults for the rest', () => {
    const text = [
      'select = ["blocking-llm-call", "no-such-rule"]',
      'colour = "red"',
      '',
      '[rules]',
      'blocking-llm-call = "fatal"',
      'unawaited-llm-call = "warning"',
      '',
      '[fix]',
      'timeout-seconds = -3',
      '',
      '[server-limit]',
      'proxy-timeout = "soon"',
      '',
      '[llm-clients."mycompany.llm.Client"]',
      'async = "yes"',
      '',
    ].join('\n');
    const cfg = readProjectConfig('/p/loopsafe.toml', text)!;
    assert.deepStrictEqual(cfg.problems.map(formatProblem), [
      `/p/loopsafe.toml:1: select: unknown rule "no-such-rule" ignored; rules: ${RULE_IDS.join(', ')}`,
      '/p/loopsafe.toml:2: colour: unknown key ignored (known: rules, select, ignore, exclude, fix, server-limit, blocking-functions, llm-clients, baseline)',
      '/p/loopsafe.toml:5: rules.blocking-llm-call: "fatal" is not one of off|hint|info|warning|error; default kept',
      '/p/loopsafe.toml:9: fix.timeout-seconds: -3 is not a number of seconds between 1 and 3600; 30 used',
      '/p/loopsafe.toml:12: server-limit.proxy-timeout: "soon" is not a duration ("60s", "2m", 90) or "off"; ignored',
      '/p/loopsafe.toml:15: llm-clients.mycompany.llm.Client.async: "yes" is not true or false; false used',
    ]);
    assert.deepStrictEqual(cfg.select, ['blocking-llm-call'], 'the good part of a key is kept');
    assert.deepStrictEqual(cfg.rules, { 'unawaited-llm-call': 'warning' });
    assert.strictEqual(cfg.llmClients.length, 1, 'the client is kept with the default for the bad field');

    const broken = readProjectConfig('/p/loopsafe.toml', '[rules]\nblocking-llm-call = "warning"\nthis is not toml\n')!;
    assert.strictEqual(broken.problems.length, 1);
    assert.match(formatProblem(broken.problems[0]), /^\/p\/loopsafe\.toml:3: \(file\): not valid TOML \(.+\); defaults used$/);
    assert.deepStrictEqual(broken.rules, {});

    const py = readProjectConfig('/p/pyproject.toml', '[project]\nname = "x"\n\n[tool.loopsafe]\nexclude = "legacy"\n')!;
    assert.deepStrictEqual(py.problems.map(formatProblem), ['/p/pyproject.toml:5: tool.loopsafe.exclude: expected a list of glob strings, e.g. ["legacy/**", "scripts/*.py"]; nothing excluded']);
    const pkg = readProjectConfig('/p/package.json', '{\n  "name": "x",\n  "loopsafe": {\n    "rules": {\n      "blocking-llm-call": 3\n    }\n  }\n}\n')!;
    assert.deepStrictEqual(pkg.problems.map(formatProblem), ['/p/package.json:5: loopsafe.rules.blocking-llm-call: 3 is not one of off|hint|info|warning|error; default kept']);
    assert.strictEqual(readProjectConfig('/p/package.json', '{"name": "x"}'), undefined, 'a package.json without "loopsafe" is no config');
  });
});
