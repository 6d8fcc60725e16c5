// Workbench helpers shared by the UI scripts: read squiggles on an editor line, open a file with Quick
// Open, run a command from the palette.
import path from 'node:path';

export function squash(s) {
  return s.replace(/\s+/g, ' ').trim();
}

/** Squiggles Monaco draws on the (first visible) editor line whose text matches `text`. */
export async function squigglesOnLine(page, text) {
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
export async function quickOpen(page, relPath) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10000 });
  await input.fill(relPath);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: path.basename(relPath) }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 }).catch(() => undefined);
}

/** Runs a command from the palette (F1) by its title. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 }).catch(() => undefined);
}
