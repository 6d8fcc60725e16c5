#!/usr/bin/env node
// Real-UI smoke test, the way a person meets Loopsafe: install the packaged .vsix into code-server, open
// the e2e workspace in headless Chromium, click seed.py, and check squiggle, Problems panel, lightbulb
// fix and cleared squiggle, then a load test from the CodeLens with its verdict in the panel.
// Screenshots of each step go to .artifacts/e2e/. usage: ui-smoke.mjs [--vsix F]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkVsix } from '../../scripts/check-vsix.mjs';
import { launchChromium, newPage } from './driver/browser.mjs';
import { ROOT, copyWorkspace, installVsix, startCodeServer } from './driver/codeServer.mjs';

const { values: opt } = parseArgs({
  options: {
    vsix: { type: 'string', default: path.join(ROOT, 'dist/loopsafe.vsix') },
    out: { type: 'string', default: path.join(ROOT, '.artifacts/e2e') },
    timeout: { type: 'string', default: process.env.LOOPSAFE_E2E_TIMEOUT || '240' },
  },
});
const CALL = 'response = await client.chat.completions.create';
const FIX_TITLE = 'AsyncOpenAI';

const T0 = Date.now();
const step = (msg) => console.log(`[ui ${((Date.now() - T0) / 1000).toFixed(1)}s] ${msg}`);
const checks = [];
const check = (name, ok, detail = '') => {
  checks.push({ name, ok });
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
  return ok;
};
const appears = (locator, timeout = 15000) => locator.waitFor({ timeout }).then(() => true, () => false);
fs.mkdirSync(opt.out, { recursive: true });
for (const f of fs.readdirSync(opt.out)) if (f.endsWith('.png')) fs.rmSync(path.join(opt.out, f));
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
      console.error(`[ui] ${why}`);
      checks.push({ name: why, ok: false });
    }
    await chrome?.close().catch(() => undefined);
    const failed = checks.filter((c) => !c.ok).length;
    await server?.stop({ keepTmp: failed > 0 }).catch(() => undefined);
    if (failed && server) console.log(`[ui] code-server log: ${server.logFile}`);
    for (const dir of [workspace && path.dirname(workspace), extensionsDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
    const total = Math.max(checks.length, 1);
    const f = checks.length ? failed : 1;
    console.log(`[ui] screenshots in ${path.relative(ROOT, opt.out)}/`);
    console.log(`${total - f} passed, ${f} failed`);
    process.exit(f ? 1 : 0);
  })();
  return finishing;
}
const watchdog = setTimeout(() => finish(`timed out after ${opt.timeout} s`), Number(opt.timeout) * 1000);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => finish(`stopped by ${sig}`));

try {
  // 1. The package: only the allowlisted files, everything the extension needs.
  if (!fs.existsSync(opt.vsix)) throw new Error(`missing ${opt.vsix}: run npm run package first`);
  const { entries, problems } = checkVsix(opt.vsix);
  check('the .vsix ships only dist/ bundles + wasm, media and docs', problems.length === 0, problems.join('; ') || `${entries.length} files`);

  // 2. Install it the way a user would, into a fresh extensions folder.
  extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-ext-'));
  const installed = await installVsix(opt.vsix, extensionsDir);
  check('code-server --install-extension installs the .vsix', /successfully installed/.test(installed), installed.trim().split('\n').pop());
  server = await startCodeServer({ extensionsDir });
  step(`code-server at ${server.url} (pid ${server.pid})`);

  chrome = await launchChromium();
  const page = await newPage(chrome.browser);
  workspace = copyWorkspace(path.join(ROOT, 'test/fixtures/e2e-workspace'));
  await page.goto(`${server.url}/?${new URLSearchParams({ folder: workspace })}`);
  const fileRow = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'seed.py' });
  await fileRow.waitFor({ timeout: 60000 });
  step('workbench ready, explorer shows seed.py');
  await page.waitForTimeout(1000); // let the explorer settle before clicking
  await fileRow.click();
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-lines', { hasText: 'FastAPI' }).waitFor({ timeout: 30000 });
  step('seed.py open in the editor');

  // 3. The squiggle under the awaited sync call.
  const squiggles = editor.locator('.squiggly-error, .squiggly-warning');
  const drawn = await appears(squiggles.first(), 30000);
  const onCall = drawn ? await squigglesOnLine(page, CALL) : 0;
  check('error squiggle drawn on the `await client.chat.completions.create` line', drawn && onCall > 0, `${onCall} squiggle(s) on that line`);
  await shot(page, '1-squiggle.png');

  // 4. The Problems panel.
  await runCommand(page, 'View: Focus Problems');
  // The workspace has several files with findings: give the list the room to render them all.
  await runCommand(page, 'View: Toggle Maximized Panel');
  const rows = page.locator('.markers-panel .monaco-list-row');
  const awaitRow = rows.filter({ hasText: 'await-on-sync-call' }).first();
  const rowOk = await appears(awaitRow);
  check('Problems panel lists await-on-sync-call', rowOk, rowOk ? squash(await awaitRow.innerText()).slice(0, 120) : '');
  check('Problems panel lists blocking-llm-call', await appears(rows.filter({ hasText: 'blocking-llm-call' }).first()));
  check('Problems panel lists the cross-file finding of the unopened app/llm.py', await appears(rows.filter({ hasText: 'summarize' }).first()));
  await shot(page, '2-problems.png');
  await runCommand(page, 'View: Toggle Maximized Panel');

  // 5. Ctrl+. on the line opens the lightbulb menu with the AsyncOpenAI fix.
  await editor.locator('.view-line', { hasText: CALL }).first().click({ position: { x: 220, y: 5 } });
  const menu = page.locator('.action-widget');
  const fixItem = menu.locator('.monaco-list-row, li', { hasText: FIX_TITLE }).first();
  // The first Ctrl+. can arrive before the editor has its code actions for the new cursor position
  // (the lightbulb is drawn, no menu opens): try again a few times.
  let menuOk = false;
  for (let attempt = 1; attempt <= 4 && !menuOk; attempt++) {
    await page.keyboard.press('Control+Period');
    menuOk = await appears(fixItem, 4000);
    if (!menuOk) {
      step(`Ctrl+. attempt ${attempt}: no menu yet`);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
    }
  }
  const menuText = menuOk ? squash(await menu.first().innerText()) : '';
  check('Ctrl+. shows the lightbulb menu with the AsyncOpenAI fix', menuOk, menuText.slice(0, 200));
  await shot(page, '3-lightbulb.png');

  // 6. Choosing it rewrites the code and the squiggle on that line goes away.
  if (menuOk) {
    await fixItem.click();
    const rewritten = await appears(editor.locator('.view-lines', { hasText: 'AsyncOpenAI(' }).first());
    const awaitKept = await appears(editor.locator('.view-line', { hasText: /response\s=\sawait\s\w+\.chat\.completions\.create/ }  /* Monaco renders spaces as U+00A0; \s matches both */).first(), 5000);
    check('the fix rewrites the code: AsyncOpenAI visible in the editor, await kept', rewritten && awaitKept);
    let left = -1;
    for (let i = 0; i < 60 && left !== 0; i++) {
      await page.waitForTimeout(250);
      left = await squigglesOnLine(page, /response = await \w+\.chat\.completions\.create/);
    }
    check('the squiggle on that line clears', left === 0, `${left} left`);
    await page.waitForTimeout(500);
  } else {
    await page.keyboard.press('Escape');
  }
  await shot(page, '4-fixed.png');

  const status = page.locator('.statusbar-item', { hasText: 'Loopsafe' }).first();
  check('status bar shows Loopsafe', await appears(status, 10000), squash(await status.innerText().catch(() => '')));

  // 7. The load test: the CodeLens above the blocking route starts the app (appCommand, with the mock
  //    LLM), runs the load with the stall probe, and the panel shows the verdict the diagnostic predicted.
  await quickOpen(page, 'loadapp/main.py');
  await editor.locator('.view-lines', { hasText: 'chat_blocking' }).first().waitFor({ timeout: 30000 });
  const lens = page.locator('.codelens-decoration a', { hasText: 'Load test POST /chat/blocking' }).first();
  const lensOk = await appears(lens, 30000);
  check('a "Load test" CodeLens sits above the blocking route', lensOk, lensOk ? squash(await lens.innerText()) : '');
  if (lensOk) {
    await lens.click();
    const webview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const panelOk = await appears(webview.locator('h1', { hasText: 'Load test' }), 30000);
    check('the load-test panel opens', panelOk);
    const verdict = webview.locator('[data-testid=verdict]');
    const done = await appears(verdict, 90000);
    const text = done ? squash(await verdict.innerText()) : squash(await webview.locator('body').innerText().catch(() => ''));
    check('the run finishes and the panel shows the stall verdict', done && /the event loop stalled: \/health p50 .* under load vs .* idle/i.test(text), text.slice(0, 160));
    check('the panel lists the finding Loopsafe predicted', await appears(webview.locator('.findings', { hasText: 'blocking-llm-call' }), 5000));
    await page.waitForTimeout(800);
    await shot(page, '5-loadtest.png');
  }
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
    // Editor text uses non-breaking spaces for indentation.
    const line = [...editorEl.querySelectorAll('.view-lines .view-line')].find((l) => re.test((l.textContent || '').replace(/\u00a0/g, ' ')));
    if (!line) return -1;
    const top = line.style.top;
    return [...editorEl.querySelectorAll('.view-overlays > div')]
      .filter((row) => row.style.top === top)
      .reduce((n, row) => n + row.querySelectorAll('.squiggly-error, .squiggly-warning').length, 0);
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
