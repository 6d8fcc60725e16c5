// The CLI as an npm package and its CI integrations: `npm pack` (the files allowlist, wasm grammars inside,
// no runtime dependencies), installed offline into an empty folder and run from there (check, explain,
// server --stdio); action.yml and .pre-commit-hooks.yaml validated and the commands they run executed.

import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { cliWorkspace } from '../helpers/cli';

const ROOT = path.resolve(__dirname, '../../..');
const SEED = fs.readFileSync(path.join(ROOT, 'examples/fastapi-chat/main.py'), 'utf8');

/** YAML read with Debian's PyYAML (no YAML package in the project). */
function readYaml(file: string): unknown {
  const r = spawnSync('/usr/bin/python3', ['-c', 'import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))', file], { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

describe('npm package and CI integrations', function () {
  this.timeout(600000);
  let tarball = '';
  let packed: { path: string }[] = [];
  let installed = '';
  /** npm without the network: an empty cache, offline, and a registry nobody listens on. */
  const npmEnv = (): NodeJS.ProcessEnv => ({ ...process.env, npm_config_cache: path.join(installed, '.npm-cache'), npm_config_offline: 'true', npm_config_registry: 'http://127.0.0.1:9/', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1' });
  const bin = () => path.join(installed, 'node_modules', '.bin', 'loopsafe');

  before(() => {
    const dest = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-pack-')));
    // prepack builds the bundles first, as `npm publish` would.
    const r = spawnSync('npm', ['pack', '--json', '--pack-destination', dest], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
    assert.strictEqual(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout.slice(r.stdout.indexOf('\n[') + 1 || r.stdout.indexOf('[')));
    packed = json[0].files;
    tarball = path.join(dest, json[0].filename);
    installed = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-install-')));
    const i = spawnSync('npm', ['install', '--offline', '--no-package-lock', tarball], { cwd: installed, encoding: 'utf8', env: npmEnv() });
    assert.strictEqual(i.status, 0, `npm install --offline failed: ${i.stderr}`);
  });

  it('packs the allowlist only: the bundles, the wasm grammars and the docs; no runtime dependencies', () => {
    const names = packed.map((f) => f.path).sort();
    const allowed = [/^dist\/[^/]+\.js$/, /^dist\/wasm\/[^/]+\.wasm$/, /^dist\/sampler\/(node-sampler\.js|python\/sitecustomize\.py)$/, /^media\//, /^(package\.json|README\.md|CHANGELOG\.md|LICENSE)$/];
    assert.deepStrictEqual(names.filter((n) => !allowed.some((re) => re.test(n))), []);
    for (const need of ['dist/cli.js', 'dist/server.js', 'dist/wasm/tree-sitter.wasm', 'dist/wasm/tree-sitter-python.wasm', 'dist/wasm/tree-sitter-javascript.wasm', 'dist/wasm/tree-sitter-typescript.wasm', 'dist/wasm/tree-sitter-tsx.wasm', 'package.json', 'README.md', 'LICENSE']) assert.ok(names.includes(need), need);
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'node_modules/loopsafe/package.json'), 'utf8'));
    assert.deepStrictEqual(manifest.dependencies ?? {}, {}, 'everything is bundled');
    assert.strictEqual(manifest.private, undefined);
    assert.deepStrictEqual(fs.readdirSync(path.join(installed, 'node_modules')).filter((n) => !n.startsWith('.')), ['loopsafe'], 'nothing else was installed');
  });

  it('runs check, explain and server --stdio from the installed package (and npx loopsafe check)', async () => {
    const project = path.join(installed, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'main.py'), SEED);
    fs.writeFileSync(path.join(project, 'loopsafe.toml'), '[rules]\nllm-call-without-timeout = "off"\n');
    const check = spawnSync(bin(), ['check'], { cwd: project, encoding: 'utf8', env: npmEnv() });
    assert.strictEqual(check.status, 1, check.stderr);
    assert.match(check.stdout, /main\.py:14:22: error blocking-llm-call/);
    assert.match(check.stdout, /Found 2 problems in 1 file/);
    const viaNpx = spawnSync('npx', ['--offline', 'loopsafe', 'check', '--format', 'json'], { cwd: installed, encoding: 'utf8', env: npmEnv() });
    assert.strictEqual(viaNpx.status, 1, viaNpx.stderr);
    assert.strictEqual(JSON.parse(viaNpx.stdout).findings.length, 2);
    const explain = spawnSync(bin(), ['explain', 'blocking-llm-call'], { encoding: 'utf8', env: npmEnv() });
    assert.strictEqual(explain.status, 0);
    assert.match(explain.stdout, /## What it does/);

    const proc = spawn(bin(), ['server', '--stdio'], { cwd: project, stdio: ['pipe', 'pipe', 'pipe'], env: npmEnv() });
    try {
      const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
      let diagnostics: { code?: string }[] | undefined;
      conn.onNotification('textDocument/publishDiagnostics', (p: { diagnostics: { code?: string }[] }) => {
        diagnostics = p.diagnostics;
      });
      conn.listen();
      const uri = pathToFileURL(path.join(project, 'main.py')).toString();
      await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(project).toString(), capabilities: {}, initializationOptions: { settings: { debounceMs: 10, scanOnStartup: false } } });
      await conn.sendNotification('initialized', {});
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: SEED } });
      const until = Date.now() + 30000;
      while (!diagnostics?.length && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      assert.deepStrictEqual((diagnostics ?? []).map((d) => d.code).sort(), ['await-on-sync-call', 'blocking-llm-call'], 'the project config applies in the server too');
      await conn.sendRequest('shutdown');
      const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
      await conn.sendNotification('exit');
      assert.strictEqual(await exited, 0);
      conn.dispose();
    } finally {
      if (proc.exitCode === null) proc.kill();
    }
  });

  it('action.yml: a composite action whose check step (SARIF, then annotations) runs as written', () => {
    const action = readYaml(path.join(ROOT, 'action.yml')) as {
      name: string;
      inputs: Record<string, { default?: string }>;
      outputs: Record<string, { value: string }>;
      runs: { using: string; steps: { id?: string; uses?: string; run?: string; shell?: string; env?: Record<string, string>; with?: Record<string, string>; if?: string }[] };
    };
    assert.strictEqual(action.runs.using, 'composite');
    for (const k of ['paths', 'args', 'package', 'upload-sarif', 'fail-on-findings']) assert.ok(k in action.inputs, k);
    const steps = action.runs.steps;
    assert.ok(steps.some((s) => s.uses?.startsWith('actions/setup-node@')));
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload && upload.with?.sarif_file === '${{ steps.check.outputs.sarif }}');
    for (const s of steps) if (s.run) assert.ok(s.shell, 'composite run steps need a shell');
    const check = steps.find((s) => s.id === 'check')!;
    assert.doesNotMatch(check.run!, /\$\{\{/, 'inputs reach the script through env only');

    // Run the step as the runner would: inputs substituted into env, GITHUB_OUTPUT and RUNNER_TEMP set.
    const project = cliWorkspace({ 'app/main.py': SEED });
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-runner-'));
    const output = path.join(temp, 'github_output');
    fs.writeFileSync(output, '');
    const inputs: Record<string, string> = { paths: '.', args: '--select blocking-llm-call,await-on-sync-call', package: tarball };
    const expr = (v: string) => v.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, k: string) => inputs[k] ?? action.inputs[k]?.default ?? '').replace(/\$\{\{\s*runner\.temp\s*\}\}/g, temp);
    const env: NodeJS.ProcessEnv = { ...npmEnv(), GITHUB_OUTPUT: output, RUNNER_TEMP: temp };
    for (const [k, v] of Object.entries(check.env ?? {})) env[k] = expr(v);
    const r = spawnSync('bash', ['-e', '-c', check.run!], { cwd: project, encoding: 'utf8', env });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /^::error file=app\/main\.py,line=14,col=22,.*title=blocking-llm-call::/m);
    const outputs = Object.fromEntries(fs.readFileSync(output, 'utf8').trim().split('\n').map((l) => l.split('=')));
    assert.strictEqual(outputs['exit-code'], '1');
    const sarif = JSON.parse(fs.readFileSync(outputs.sarif, 'utf8'));
    assert.strictEqual(sarif.version, '2.1.0');
    assert.deepStrictEqual(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId).sort(), ['await-on-sync-call', 'blocking-llm-call']);
    // The fail step's condition reads that output.
    assert.match(steps[steps.length - 1].if!, /steps\.check\.outputs\.exit-code == '1'/);
    assert.strictEqual(action.outputs['exit-code'].value, '${{ steps.check.outputs.exit-code }}');
  });

  it('.pre-commit-hooks.yaml: node hooks whose entries run from the installed package', () => {
    const hooks = readYaml(path.join(ROOT, '.pre-commit-hooks.yaml')) as { id: string; name: string; entry: string; language: string; types_or: string[]; pass_filenames: boolean }[];
    assert.deepStrictEqual(hooks.map((h) => h.id), ['loopsafe', 'loopsafe-fix']);
    for (const h of hooks) {
      assert.strictEqual(h.language, 'node');
      assert.ok(h.name && h.entry.startsWith('loopsafe '));
      assert.deepStrictEqual(h.types_or, ['python', 'javascript', 'jsx', 'ts', 'tsx']);
      assert.strictEqual(h.pass_filenames, false);
    }
    const project = cliWorkspace({ 'main.py': SEED });
    const run = (entry: string) => {
      const [, ...args] = entry.split(/\s+/);
      return spawnSync(bin(), args, { cwd: project, encoding: 'utf8', env: npmEnv() });
    };
    assert.strictEqual(run(hooks[0].entry).status, 1, 'findings fail the commit');
    const fix = run(hooks[1].entry);
    assert.match(fix.stderr, /fixed \d+ problems? in 1 file/);
    assert.match(fs.readFileSync(path.join(project, 'main.py'), 'utf8'), /asyncio\.to_thread/);
  });
});
