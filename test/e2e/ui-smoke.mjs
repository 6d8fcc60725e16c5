#!/usr/bin/env node
// Real-UI check, the way a person meets Loopsafe: install the packaged .vsix into code-server, open
// the seed file in headless Chromium, and check the squiggle, the Problems panel, the lightbulb, the
// fix and the cleared squiggle. Screenshots of each step go to .artifacts/e2e/ (look at them).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, codeServerCli, copyWorkspace, startCodeServer, toolPaths } from './driver/codeServer.mjs';

const { root } = toolPaths();
const vsix = path.join(root, 'dist/loopsafe.vsix');
const outDir = path.join(root, '.artifacts/e2e');
fs.mkdirSync(outDir, { recursive: true });
if (!fs.existsSync(vsix)) {
  console.error(`missing ${vsix}: run npm run package first`);
  process.exit(2);
}
const T0 = Date.now();
const step = (msg) => console.log(`[ui ${((Date.now() - T0) / 1000).toFixed(1)}s] ${msg}`);
const checks = [];
const check = (name, ok, detail = '') => {
  checks.push({ name, ok });
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
};
const shot = (page, name) => page.screenshot({ path: path.join(outDir, name) }).catch(() => undefined);

const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-ext-'));
const installUd = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-ud-'));
const installed = await codeServerCli(['--extensions-dir', extensionsDir, '--user-data-dir', installUd, '--config', '/dev/null', '--install-extension', vsix, '--force']);
step(installed.trim().split('\n').pop());
const server = await startCodeServer({ extensionsDir });
step(`code-server at ${server.url}`);

let browser;
let workspace;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  workspace = copyWorkspace(path.join(root, 'test/fixtures/e2e-workspace'));
  await page.goto(`${server.url}/?${new URLSearchParams({ folder: workspace })}`);
  const fileRow = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'seed.py' });
  await fileRow.waitFor({ timeout: 60000 });
  step('workbench ready');
  await page.waitForTimeout(1500);
  await fileRow.click();
  await page.locator('.monaco-editor .view-lines', { hasText: 'FastAPI' }).first().waitFor({ timeout: 30000 });
  step('seed.py open');

  const squiggle = page.locator('.monaco-editor .squiggly-error').first();
  check('error squiggle drawn under the blocking call', await squiggle.waitFor({ timeout: 30000 }).then(() => true, () => false));
  await shot(page, '1-squiggle.png');

  await palette(page, 'View: Focus Problems');
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'await-on-sync-call' }).first();
  const rowOk = await row.waitFor({ timeout: 15000 }).then(() => true, () => false);
  check('Problems panel lists the Loopsafe findings', rowOk, rowOk ? (await row.innerText()).replace(/\s+/g, ' ').slice(0, 140) : '');
  const helperRow = page.locator('.markers-panel .monaco-list-row', { hasText: 'summarize' }).first();
  check('Problems panel lists the cross-file finding of an unopened file', await helperRow.waitFor({ timeout: 15000 }).then(() => true, () => false));
  await shot(page, '2-problems.png');

  await page.locator('.monaco-editor .view-line', { hasText: 'response = await client' }).first().click({ position: { x: 200, y: 5 } });
  await page.keyboard.press('Control+Period');
  const fixItem = page.locator('.action-widget .monaco-list-row, .action-widget li', { hasText: 'Use `AsyncOpenAI` and await' }).first();
  const menuOk = await fixItem.waitFor({ timeout: 15000 }).then(() => true, () => false);
  check('lightbulb menu offers "Use `AsyncOpenAI` and await"', menuOk);
  await shot(page, '3-lightbulb.png');
  if (menuOk) {
    await fixItem.click();
    const rewritten = await page.locator('.monaco-editor .view-lines', { hasText: 'await async_client.chat.completions.create' }).first().waitFor({ timeout: 15000 }).then(() => true, () => false);
    check('applying the fix rewrites the code to the async client', rewritten);
    const cleared = await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'detached', timeout: 15000 }).then(() => true, () => false);
    check('the squiggle clears after the fix', cleared);
  } else {
    await page.keyboard.press('Escape');
  }
  await shot(page, '4-fixed.png');

  const status = page.locator('.statusbar-item', { hasText: 'Loopsafe' }).first();
  check('status bar shows Loopsafe', await status.waitFor({ timeout: 10000 }).then(() => true, () => false), (await status.innerText().catch(() => '')).trim());
} catch (err) {
  console.error('[ui] error:', err);
  checks.push({ name: 'no unexpected error', ok: false });
} finally {
  await browser?.close().catch(() => undefined);
  await server.stop();
  if (workspace) fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
  fs.rmSync(extensionsDir, { recursive: true, force: true });
  fs.rmSync(installUd, { recursive: true, force: true });
}
const failed = checks.filter((c) => !c.ok).length;
console.log(`ui smoke: ${checks.length - failed} passed, ${failed} failed (screenshots in ${path.relative(root, outDir)}/)`);
if (failed) console.log(`code-server log: ${server.logFile}`);
process.exit(failed ? 1 : 0);

async function palette(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 }).catch(() => undefined);
}
