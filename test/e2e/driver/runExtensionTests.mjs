#!/usr/bin/env node
// Runs a mocha suite inside the real VS Code extension host: code-server with the smoke-test driver,
// its workbench in headless Chromium with the test payload; the result comes from codeAutomationExit.
// usage: runExtensionTests.mjs --ext DIR --tests FILE [--workspace DIR] [--timeout SEC] [--screenshot PNG]
//        [--disable-extensions] [--env K=V]... [--verbose]; exit 0 pass, 1 fail, 124 timeout.
import fs from 'node:fs';
import path from 'node:path';
import { format, parseArgs } from 'node:util';
import { launchChromium, newPage } from './browser.mjs';
import { copyWorkspace, startCodeServer } from './codeServer.mjs';

const { values: opt } = parseArgs({
  options: {
    ext: { type: 'string' },
    tests: { type: 'string' },
    workspace: { type: 'string' },
    timeout: { type: 'string', default: process.env.LOOPSAFE_E2E_TIMEOUT || '300' },
    screenshot: { type: 'string' },
    'disable-extensions': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    env: { type: 'string', multiple: true, default: [] },
  },
});
if (!opt.ext || !opt.tests) {
  console.error('usage: runExtensionTests.mjs --ext DIR --tests FILE [--workspace DIR] [--timeout SEC]');
  process.exit(2);
}

const T0 = Date.now();
const log = (msg) => console.log(`[e2e ${((Date.now() - T0) / 1000).toFixed(1)}s] ${msg}`);
// Lines from the workbench and extension host that are expected offline and say nothing about us.
const NOISE = /ENOTFOUND|open-vsx|authentication provider 'github'|^\s+at .*workbench\.js|AccountPolicyGate|AgentHost|connection token|Creating a socket|grace time|Service Worker|additional builtin extensions|No search provider registered/;

let server;
let chrome;
let workspace;
let counts; // { passed, failed } from the suite's own summary line
let cleaning;

async function cleanup() {
  cleaning ??= (async () => {
    await chrome?.close().catch(() => undefined);
    await server?.stop({ keepTmp: true }).catch(() => undefined);
    if (workspace) fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
  })();
  return cleaning;
}

/** Reports, writes the optional result file, cleans up and exits. */
async function finish(code, why) {
  if (why) console.error(`[e2e] ${why}`);
  await cleanup();
  if (code !== 0 && server) console.error(`[e2e] code-server log (${server.logFile}):\n${server.tail()}`);
  else if (server) fs.rmSync(server.tmp, { recursive: true, force: true });
  const result = counts ?? { passed: 0, failed: 1 };
  if (code !== 0 && result.failed === 0) result.failed = 1; // a crash or timeout after the last test
  if (process.env.LOOPSAFE_E2E_RESULT_FILE) fs.writeFileSync(process.env.LOOPSAFE_E2E_RESULT_FILE, JSON.stringify({ ...result, exitCode: code }));
  log(`finished with exit code ${code}`);
  console.log(`${result.passed} passed, ${result.failed} failed`);
  process.exit(code);
}

// Hard limit for the whole run, whatever hangs (workbench, extension host, Chromium).
const watchdog = setTimeout(() => finish(124, `timed out after ${opt.timeout} s`), Number(opt.timeout) * 1000);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => finish(130, `stopped by ${sig}`));

try {
  server = await startCodeServer({ extraArgs: ['--vscode-option', 'enable-smoke-test-driver'], verbose: opt.verbose });
  log(`code-server at ${server.url} (pid ${server.pid}, listening after ${server.startMs} ms)`);
  chrome = await launchChromium();
  const page = await newPage(chrome.browser);
  const exited = new Promise((resolve) => {
    // Both must exist before the workbench loads: it calls them from its smoke-test driver.
    page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = format(...(args || []));
      const summary = /^(\d+) passed, (\d+) failed$/.exec(line.trim());
      if (summary) {
        counts = { passed: Number(summary[1]), failed: Number(summary[2]) };
        return; // printed once, by finish()
      }
      if (!opt.verbose && NOISE.test(line)) return;
      console.log(line);
    });
    page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
  });
  page.on('crash', () => finish(1, 'the workbench page crashed'));

  const authority = new URL(server.url).host;
  const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
  const payload = [
    ['extensionDevelopmentPath', remote(opt.ext)],
    ['extensionTestsPath', remote(opt.tests)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  if (opt['disable-extensions']) payload.push(['disableExtensions', 'true']);
  if (opt.env.length) {
    const env = Object.fromEntries(opt.env.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
    payload.push(['extensionEnvironment', JSON.stringify(env)]);
  }
  const query = new URLSearchParams({ payload: JSON.stringify(payload) });
  if (opt.workspace) {
    workspace = copyWorkspace(opt.workspace);
    query.set('folder', workspace);
  } else {
    query.set('ew', 'true');
  }
  await page.goto(`${server.url}/?${query}`);
  log('workbench loading; the suite runs in the extension host');
  const code = await exited;
  if (opt.screenshot) await page.screenshot({ path: opt.screenshot }).catch(() => undefined);
  clearTimeout(watchdog);
  await finish(code);
} catch (err) {
  clearTimeout(watchdog);
  await finish(1, `error: ${err instanceof Error ? err.stack : String(err)}`);
}
