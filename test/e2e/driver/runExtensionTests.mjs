#!/usr/bin/env node
// Runs a mocha suite inside the real VS Code extension host: code-server started with the smoke-test
// driver, its workbench opened in headless Chromium with the test payload (extensionDevelopmentPath,
// extensionTestsPath). The suite's result comes back through window.codeAutomationExit.
// usage: runExtensionTests.mjs --ext DIR --tests FILE [--workspace DIR] [--timeout SEC] [--screenshot PNG]
import fs from 'node:fs';
import path from 'node:path';
import { format, parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, copyWorkspace, startCodeServer } from './codeServer.mjs';

const { values: opt } = parseArgs({
  options: {
    ext: { type: 'string' }, tests: { type: 'string' }, workspace: { type: 'string' }, timeout: { type: 'string', default: '300' },
    screenshot: { type: 'string' }, 'disable-extensions': { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false },
    env: { type: 'string', multiple: true, default: [] },
  },
});
if (!opt.ext || !opt.tests) {
  console.error('usage: runExtensionTests.mjs --ext DIR --tests FILE [--workspace DIR]');
  process.exit(2);
}

const server = await startCodeServer({ extraArgs: ['--vscode-option', 'enable-smoke-test-driver'], verbose: opt.verbose });
console.log(`[e2e] code-server at ${server.url} (pid ${server.pid}, ${server.startMs} ms)`);
let browser;
let workspace;
let exitCode = 1;
const counts = { passed: undefined, failed: 0 };
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const finished = new Promise((resolve) => {
    page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = format(...(args || []));
      const passing = /^\s*(\d+) passing/.exec(line);
      if (passing) counts.passed = Number(passing[1]);
      const failing = /^\s*(\d+) failing/.exec(line);
      if (failing) counts.failed = Number(failing[1]);
      if (!opt.verbose && /ENOTFOUND|open-vsx/.test(line)) return;
      console.log(line);
    });
    page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });
  const authority = new URL(server.url).host;
  const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
  const payload = [['extensionDevelopmentPath', remote(opt.ext)], ['extensionTestsPath', remote(opt.tests)], ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
  if (opt['disable-extensions']) payload.push(['disableExtensions', 'true']);
  if (opt.env.length) payload.push(['extensionEnvironment', JSON.stringify(Object.fromEntries(opt.env.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])))]);
  const query = new URLSearchParams({ payload: JSON.stringify(payload) });
  if (opt.workspace) {
    workspace = copyWorkspace(opt.workspace);
    query.set('folder', workspace);
  } else {
    query.set('ew', 'true');
  }
  await page.goto(`${server.url}/?${query}`);
  const timedOut = new Promise((resolve) => setTimeout(() => resolve('timeout'), Number(opt.timeout) * 1000));
  const result = await Promise.race([finished, timedOut]);
  if (opt.screenshot) await page.screenshot({ path: opt.screenshot }).catch(() => undefined);
  exitCode = result === 'timeout' ? 124 : Number(result);
  if (result === 'timeout') console.error(`[e2e] timed out after ${opt.timeout} s`);
} catch (err) {
  console.error('[e2e] error:', err);
} finally {
  await browser?.close().catch(() => undefined);
  await server.stop();
  if (workspace) fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
  if (exitCode !== 0) console.error(`[e2e] code-server log:\n${fs.readFileSync(server.logFile, 'utf8').slice(-3000)}`);
  else fs.rmSync(server.tmp, { recursive: true, force: true });
}
if (counts.passed !== undefined) console.log(`extension host: ${counts.passed} passed, ${counts.failed} failed`);
process.exit(exitCode);
