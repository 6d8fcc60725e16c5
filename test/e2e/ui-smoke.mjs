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
import { quickOpen, runCommand, squash, squigglesOnLine } from './driver/workbench.mjs';
import { uiRun } from './driver/ui-run.mjs';

const { values: opt } = parseArgs({
  options: {
    vsix: { type: 'string', default: path.join(ROOT, 'dist/loopsafe.vsix') },
    out: { type: 'string', default: path.join(ROOT, '.artifacts/e2e') },
    timeout: { type: 'string', default: process.env.LOOPSAFE_E2E_TIMEOUT || '240' },
  },
});
const CALL = 'response = await client.chat.completions.create';
const FIX_TITLE = 'AsyncOpenAI';

const run = uiRun({ name: 'ui', out: opt.out, timeoutS: Number(opt.timeout), clean: /\.png$/ });
const { step, check, appears, shot } = run;

try {
  // 1. The package: only the allowlisted files, everything the extension needs.
  if (!fs.existsSync(opt.vsix)) throw new Error(`missing ${opt.vsix}: run npm run package first`);
  const { entries, problems } = checkVsix(opt.vsix);
  check('the .vsix ships only dist/ bundles + wasm, media and docs', problems.length === 0, problems.join('; ') || `${entries.length} files`);

  // 2. Install it the way a user would, into a fresh extensions folder.
  run.extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-ext-'));
  const installed = await installVsix(opt.vsix, run.extensionsDir);
  check('code-server --install-extension installs the .vsix', /successfully installed/.test(installed), installed.trim().split('\n').pop());
  run.server = await startCodeServer({ extensionsDir: run.extensionsDir });
  step(`code-server at ${run.server.url} (pid ${run.server.pid})`);

  run.chrome = await launchChromium();
  const page = await newPage(run.chrome.browser);
  run.workspace = copyWorkspace(path.join(ROOT, 'test/fixtures/e2e-workspace'));
  await page.goto(`${run.server.url}/?${new URLSearchParams({ folder: run.workspace })}`);
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
  await editor.locator('.view-lines', { hasText: 'FastAPI' }).first().waitFor({ timeout: 30000 });
  // Lenses are resolved for the visible lines only: bring the routes into view.
  await page.keyboard.press('Control+End');
  await editor.locator('.view-lines', { hasText: 'chat_blocking' }).first().waitFor({ timeout: 30000 });
  const lens = page.locator('.codelens-decoration a', { hasText: 'Load test POST /chat/blocking' }).first();
  const lensOk = await appears(lens, 30000);
  check('a "Load test" CodeLens sits above the blocking route', lensOk, lensOk ? squash(await lens.innerText()) : squash(await page.locator('.codelens-decoration').allInnerTexts().then((t) => t.join(' | ')).catch(() => '')));
  if (!lensOk) await shot(page, '5-no-lens.png');
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
    // Room for the whole panel in the screenshot: no notification toasts, no bottom panel.
    await runCommand(page, 'Notifications: Clear All Notifications').catch(() => undefined);
    await runCommand(page, 'View: Toggle Panel Visibility').catch(() => page.keyboard.press('Escape'));
    await page.waitForTimeout(800);
    await shot(page, '5-loadtest.png');

    // 7b. Where the loop was blocked (the runtime sampler in the app Loopsafe started): one row per line,
    //     predicted or not, the top one named in the verdict; a link opens its line; the line no static finding
    //     predicted becomes a blocked-at-runtime problem.
    const blockedRows = webview.locator('[data-testid=blocked-row]');
    const tableOk = await appears(blockedRows.first(), 10000);
    const rowTexts = tableOk ? (await blockedRows.allInnerTexts()).map(squash) : [];
    const predictedRow = rowTexts.find((t) => /loadapp\/main\.py:\d+/.test(t) && /predicted by blocking-llm-call/.test(t));
    const unpredictedRow = rowTexts.find((t) => /loadapp\/tools\.py:\d+/.test(t) && /not predicted/.test(t));
    check('the panel shows where the loop was blocked: the predicted line and the unpredicted one', !!predictedRow && !!unpredictedRow, rowTexts.join(' | ').slice(0, 300));
    check('the verdict names the line with most of the blocked time', /% of the blocked time in `[^`]+` at loadapp\/(main|tools)\.py:\d+/.test(text), text.slice(0, 220));
    const toolsLine = fs.readFileSync(path.join(run.workspace, 'loadapp/tools.py'), 'utf8').split('\n').findIndex((l) => l.includes('time.sleep(')) + 1;
    const link = webview.locator('a.location', { hasText: `loadapp/tools.py:${toolsLine}` }).first();
    if (await appears(link, 5000)) {
      await link.click();
      const tab = await appears(page.locator('.tabs-container .tab.active', { hasText: 'tools.py' }).first(), 15000);
      const cursor = await appears(page.locator('.statusbar-item', { hasText: `Ln ${toolsLine},` }).first(), 10000);
      check('clicking the unpredicted row opens tools.py at its line', tab && cursor, `line ${toolsLine}`);
    } else {
      check('clicking the unpredicted row opens tools.py at its line', false, `no link for loadapp/tools.py:${toolsLine}`);
    }
    await runCommand(page, 'View: Focus Problems');
    await runCommand(page, 'View: Toggle Maximized Panel');
    const runtimeRow = page.locator('.markers-panel .monaco-list-row', { hasText: 'blocked-at-runtime' }).first();
    const problemOk = await appears(runtimeRow, 20000);
    check('Problems lists a blocked-at-runtime warning for the unpredicted line', problemOk, problemOk ? squash(await runtimeRow.innerText()).slice(0, 200) : '');
    await page.waitForTimeout(500);
    await shot(page, '5b-blocked-at-runtime.png');
    await runCommand(page, 'View: Toggle Maximized Panel');
    await runCommand(page, 'View: Toggle Panel Visibility').catch(() => page.keyboard.press('Escape'));

    // 8. Re-run, then Stop once the load is under way: the run ends early, the panel says so and keeps
    //    the partial results, and Re-run comes back.
    const rerun = webview.locator('[data-testid=rerun]');
    if (done && (await appears(rerun, 5000))) {
      await rerun.click();
      const stop = webview.locator('[data-testid=stop]');
      const underWay = await appears(webview.locator('[data-testid=status]', { hasText: /·\s*\d+%/ }), 60000);
      if (underWay) await stop.click();
      const stopped = await appears(webview.locator('section.warning', { hasText: 'Stopped early' }), 30000);
      const back = await appears(rerun, 30000);
      check('Stop ends a re-run early: the panel says so, keeps partial results, and offers Re-run again', underWay && stopped && back, squash(await webview.locator('body').innerText().catch(() => '')).slice(0, 160));
      await shot(page, '6-stopped.png');

      // 9. Save JSON and Export k6: the save dialog offers a file in the workspace; Enter writes it.
      const saveAndRead = async (label, file) => {
        const target = path.join(run.workspace, file);
        fs.rmSync(target, { force: true });
        await webview.locator('button', { hasText: label }).click();
        const input = page.locator('.quick-input-widget input').first();
        if (!(await appears(input, 15000))) return undefined;
        await page.waitForTimeout(300);
        await page.keyboard.press('Enter');
        for (let i = 0; i < 40 && !fs.existsSync(target); i++) await page.waitForTimeout(250);
        return fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
      };
      const json = await saveAndRead('Save JSON', 'loopsafe-load-test.json');
      let saved;
      try {
        saved = json && JSON.parse(json);
      } catch {
        saved = undefined;
      }
      check('Save JSON writes the report (scenario, figures, stop reason) into the workspace', saved?.report?.stoppedReason === 'cancelled' && saved?.scenario?.title?.includes('/chat/blocking'), json ? json.slice(0, 80) : 'no file');
      const k6 = await saveAndRead('Export k6 script', 'loopsafe-k6.js');
      check('Export k6 script writes a k6 scenario for the same endpoint', !!k6 && /from 'k6\/http'/.test(k6) && k6.includes('/chat/blocking'), k6 ? k6.split('\n')[0] : 'no file');
    }
  }
  await run.finish();
} catch (err) {
  await run.finish(`unexpected error: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
}
