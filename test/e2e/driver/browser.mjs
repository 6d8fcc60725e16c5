// Launches Debian's Chromium headless through playwright-core (no browser download) and keeps its
// PID, so a run can always end it, even when playwright's own close hangs.
import { chromium } from 'playwright-core';
import { killGroup } from './codeServer.mjs';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Returns { browser, pid, close() }; close() is safe to call more than once. */
export async function launchChromium() {
  const server = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const pid = server.process().pid;
  let browser;
  try {
    browser = await chromium.connect(server.wsEndpoint());
  } catch (err) {
    killGroup(pid);
    throw err;
  }
  let closed = false;
  return {
    browser,
    pid,
    async close() {
      if (closed) return;
      closed = true;
      const polite = Promise.allSettled([browser.close(), server.close()]);
      await Promise.race([polite, new Promise((r) => setTimeout(r, 5000))]);
      killGroup(pid); // playwright starts Chromium in its own process group; end the renderers too
    },
  };
}

/** Opens a page with the viewport every e2e run uses. */
export function newPage(browser) {
  return browser.newPage({ viewport: { width: 1400, height: 900 } });
}
