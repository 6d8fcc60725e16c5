#!/usr/bin/env node
// Real-UI check on an Express file, the way a person meets Loopsafe in JS: install the packaged .vsix into
// code-server, open express/server.js of the e2e workspace in headless Chromium, see the squiggle under
// the helper call whose promise is sent without await, apply "Add `await`" from the lightbulb, see it
// cleared. Screenshots go to .artifacts/e2e/express-*.png. usage: ui-express.mjs [--vsix F]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, newPage } from './driver/browser.mjs';
import { ROOT, copyWorkspace, installVsix, startCodeServer } from './driver/codeServer.mjs';

const { values: opt } = parseArgs({
  options: {
    vsix: { type: 'string', default: path.join(ROOT, 'dist/loopsafe.vsix') },
    out: { type: 'string', default: path.join(ROOT, '.artifacts/e2e') },
    timeout: { type: 'string', default: process.env.LOOPSAFE_E2E_TIMEOUT || '180' },
  },
});
const CALL = 'const completion = askLLM(req.body.message);';
const FIXED = /const completion = await askLLM\(req\.body\.message\);/;
const FIX_TITLE = 'Add `await`';

const T0 = Date.now();
const step = (msg) => console.log(`[ui-express ${((Date.now() - T0) / 1000).toFixed(1)}s] ${msg}`);
const checks = [];
const check = (name, ok, detail = '') => {
  checks.push({ name, ok });
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
  return ok;
};
const appears = (locator, timeout = 15000) => locator.waitFor({ timeout }).then(() => true, () => false);
fs.mkdirSync(opt.out, { recursive: true });
for (const f of fs.readdirSync(opt.out)) if (/^express-.*\.png$/.test(f)) fs.rmSync(path.join(opt.out, f));
const shot = async (page, name) => {
  await page.screenshot({ path: path.join(opt.out, name) }).catch(() => undefined);
  step(`screenshot ${path.relative(ROOT, path.join(opt.out, name))}`);
};

let server;
let chrome;
let workspace;
let extensionsDir;
let finishing;
async function finish(why) {
  finishing ??= (async () => {
    if (why) {
      console.error(`[ui-express] ${why}`);
      checks.push({ name: why, ok: false });
    }
    await chrome?.close().catch(() => undefined);
    const failed = checks.filter((c) => !c.ok).length;
    await server?.stop({ keepTmp: failed > 0 }).catch(() => undefined);
    if (failed && server) console.log(`[ui-express] code-server log: ${server.logFile}`);
    for (const dir of [workspace && path.dirname(workspace), extensionsDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
    const f = checks.length ? failed : 1;
    console.log(`${Math.max(checks.length, 1) - f} passed, ${f} failed`);
    process.exit(f ? 1 : 0);
  })();
  return finishing;
}
const watchdog = setTimeout(() => finish(`timed out after ${opt.timeout} s`), Number(opt.timeout) * 1000);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => finish(`stopped by ${sig}`));

try {
  if (!fs.existsSync(opt.vsix)) throw new Error(`missing ${opt.vsix}: run npm run package first`);
  extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-ext-'));
  const installed = await installVsix(opt.vsix, extensionsDir);
  if (!/successfully installed/.test(installed)) throw new Error(`install failed: ${installed.trim()}`);
  server = await startCodeServer({ extensionsDir });
  step(`code-server at ${server.url} (pid ${server.pid})`);
  chrome = await launchChromium();
  const page = await newPage(chrome.browser);
  workspace = copyWorkspace(path.join(ROOT, 'test/fixtures/e2e-workspace'));
  await page.goto(`${server.url}/?${new URLSearchParams({ folder: workspace })}`);
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'express' }).waitFor({ timeout: 60000 });
  step('workbench ready');
  await page.waitForTimeout(1000);
  await quickOpen(page, 'express/server.js');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-lines', { hasText: 'askLLM' }).waitFor({ timeout: 30000 });
  step('express/server.js open in the editor');

  // 1. The squiggle under `askLLM` on the line that drops the await, and the Problems panel row.
  let onCall = 0;
  for (let i = 0; i < 120 && onCall <= 0; i++) {
    await page.waitForTimeout(250);
    onCall = await squigglesOnLine(page, CALL);
  }
  check('error squiggle drawn on the `askLLM(...)` line of the Express handler', onCall > 0, `${onCall} squiggle(s) on that line`);
  await runCommand(page, 'View: Focus Problems');
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'unawaited-llm-call' }).first();
  const rowOk = await appears(row);
  check('Problems panel lists unawaited-llm-call for server.js', rowOk, rowOk ? squash(await row.innerText()).slice(0, 160) : '');
  await shot(page, 'express-1-squiggle.png');

  // 2. Ctrl+. on the call: the lightbulb menu offers "Add `await`".
  await editor.locator('.view-line', { hasText: 'askLLM(req.body.message)' }).first().click({ position: { x: 200, y: 5 } });
  const menu = page.locator('.action-widget');
  const fixItem = menu.locator('.monaco-list-row, li', { hasText: FIX_TITLE }).first();
  let menuOk = false;
  for (let attempt = 1; attempt <= 4 && !menuOk; attempt++) {
    await page.keyboard.press('Control+Period');
    menuOk = await appears(fixItem, 4000);
    if (!menuOk) {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
    }
  }
  check('Ctrl+. shows the lightbulb menu with "Add `await`"', menuOk, menuOk ? squash(await menu.first().innerText()).slice(0, 200) : '');
  await shot(page, 'express-2-lightbulb.png');

  // 3. Applying it rewrites the line and the squiggle goes away.
  if (menuOk) {
    await fixItem.click();
    const rewritten = await appears(editor.locator('.view-line', { hasText: /const\scompletion\s=\sawait\saskLLM/ }).first(), 10000);
    check('the fix rewrites the line to `const completion = await askLLM(...)`', rewritten);
    let left = -1;
    for (let i = 0; i < 60 && left !== 0; i++) {
      await page.waitForTimeout(250);
      left = await squigglesOnLine(page, FIXED);
    }
    check('the squiggle on that line clears', left === 0, `${left} left`);
    let cleared = -1;
    for (let i = 0; i < 40 && cleared !== 0; i++) {
      await page.waitForTimeout(250);
      cleared = await page.locator('.markers-panel .monaco-list-row', { hasText: 'unawaited-llm-call' }).count();
    }
    check('the Problems panel no longer lists unawaited-llm-call', cleared === 0, `${cleared} row(s)`);
    await page.waitForTimeout(500);
  } else {
    await page.keyboard.press('Escape');
  }
  await shot(page, 'express-3-fixed.png');
  clearTimeout(watchdog);
  await finish();
} catch (err) {
  clearTimeout(watchdog);
  await finish(`unexpected error: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
}

function squash(s) {
  return s.replace(/\s+/g, ' ').trim();
}

/** Squiggles Monaco draws on the (first visible) editor line whose text matches `text`. */
async function squigglesOnLine(page, text) {
  const source = text instanceof RegExp ? text.source : text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.evaluate((src) => {
    const editorEl = document.querySelector('.editor-instance .monaco-editor');
    if (!editorEl) return -1;
    const re = new RegExp(src);
    const line = [...editorEl.querySelectorAll('.view-lines .view-line')].find((l) => re.test((l.textContent || '').replace(/\u00a0/g, ' ')));
    if (!line) return -1;
    const top = line.style.top;
    return [...editorEl.querySelectorAll('.view-overlays > div')]
      .filter((r) => r.style.top === top)
      .reduce((n, r) => n + r.querySelectorAll('.squiggly-error, .squiggly-warning').length, 0);
  }, source);
}

/** Opens a workspace file through Quick Open (Ctrl+P). */
async function quickOpen(page, relPath) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10000 });
  await input.fill(relPath);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(relPath) }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 }).catch(() => undefined);
}

/** Runs a command from the palette (F1) by its title. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 }).catch(() => undefined);
}
