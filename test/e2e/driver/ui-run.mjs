// The harness of a UI script: timed step log, PASS/FAIL checks, screenshots, a watchdog, and one
// clean-up that closes the browser, stops code-server, removes temp folders and prints the summary.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './codeServer.mjs';

/**
 * Returns the run's helpers; set `run.server`, `run.chrome`, `run.workspace`, `run.extensionsDir` as they
 * start, and end with `run.finish()` (or `run.finish(reason)` on failure). `clean` picks the old
 * screenshots to delete.
 */
export function uiRun({ name, out, timeoutS, clean }) {
  const T0 = Date.now();
  const checks = [];
  const run = { server: undefined, chrome: undefined, workspace: undefined, extensionsDir: undefined };
  run.step = (msg) => console.log(`[${name} ${((Date.now() - T0) / 1000).toFixed(1)}s] ${msg}`);
  run.check = (title, ok, detail = '') => {
    checks.push({ name: title, ok });
    console.log(`${ok ? 'PASS' : 'FAIL'} ${title}${detail ? ` — ${detail}` : ''}`);
    return ok;
  };
  run.appears = (locator, timeout = 15000) => locator.waitFor({ timeout }).then(() => true, () => false);
  fs.mkdirSync(out, { recursive: true });
  for (const f of fs.readdirSync(out)) if (clean.test(f)) fs.rmSync(path.join(out, f));
  run.shot = async (page, file) => {
    await page.screenshot({ path: path.join(out, file) }).catch(() => undefined);
    run.step(`screenshot ${path.relative(ROOT, path.join(out, file))}`);
  };
  let finishing;
  let watchdog;
  run.finish = (why) => {
    clearTimeout(watchdog);
    finishing ??= (async () => {
      if (why) {
        console.error(`[${name}] ${why}`);
        checks.push({ name: why, ok: false });
      }
      await run.chrome?.close().catch(() => undefined);
      const failed = checks.filter((c) => !c.ok).length;
      await run.server?.stop({ keepTmp: failed > 0 }).catch(() => undefined);
      if (failed && run.server) console.log(`[${name}] code-server log: ${run.server.logFile}`);
      for (const dir of [run.workspace && path.dirname(run.workspace), run.extensionsDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
      const f = checks.length ? failed : 1;
      console.log(`[${name}] screenshots in ${path.relative(ROOT, out)}/`);
      console.log(`${Math.max(checks.length, 1) - f} passed, ${f} failed`);
      process.exit(f ? 1 : 0);
    })();
    return finishing;
  };
  watchdog = setTimeout(() => run.finish(`timed out after ${timeoutS} s`), timeoutS * 1000);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => run.finish(`stopped by ${sig}`));
  return run;
}
