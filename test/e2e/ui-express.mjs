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
import { quickOpen, runCommand, squash, squigglesOnLine } from './driver/workbench.mjs';
import { uiRun } from './driver/ui-run.mjs';

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

const run = uiRun({ name: 'ui-express', out: opt.out, timeoutS: Number(opt.timeout), clean: /^express-.*\.png$/ });
const { step, check, appears, shot } = run;

try {
  if (!fs.existsSync(opt.vsix)) throw new Error(`missing ${opt.vsix}: run npm run package first`);
  run.extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-ext-'));
  const installed = await installVsix(opt.vsix, run.extensionsDir);
  if (!/successfully installed/.test(installed)) throw new Error(`install failed: ${installed.trim()}`);
  run.server = await startCodeServer({ extensionsDir: run.extensionsDir });
  step(`code-server at ${run.server.url} (pid ${run.server.pid})`);
  run.chrome = await launchChromium();
  const page = await newPage(run.chrome.browser);
  run.workspace = copyWorkspace(path.join(ROOT, 'test/fixtures/e2e-workspace'));
  await page.goto(`${run.server.url}/?${new URLSearchParams({ folder: run.workspace })}`);
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
  await run.finish();
} catch (err) {
  await run.finish(`unexpected error: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
}
