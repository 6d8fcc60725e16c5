#!/usr/bin/env node
// Extension integration tests through the standard @vscode/test-electron entry point, with our
// code-server shim as the VS Code executable (no Electron download is possible here).
// Expects the suite compiled to out-e2e/ (npx tsc -p test/e2e/tsconfig.json) and dist/ built.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const resultFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-result-')), 'result.json');
process.env.LOOPSAFE_E2E_RESULT_FILE = resultFile; // the runner behind the shim writes its counts here
let ok = true;
try {
  await runTests({
    vscodeExecutablePath: path.join(here, 'driver/code-shim.mjs'),
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out-e2e/suite/index.js'),
    launchArgs: [path.join(root, 'test/fixtures/e2e-workspace'), '--disable-extensions'],
  });
} catch (err) {
  ok = false;
  console.error(`[e2e] ${err instanceof Error ? err.message : String(err)}`);
}
let result = { passed: 0, failed: 1 };
try {
  result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
} catch {
  /* the runner never got to write it */
}
fs.rmSync(path.dirname(resultFile), { recursive: true, force: true });
if (!ok && result.failed === 0) result.failed = 1;
console.log(`${result.passed} passed, ${result.failed} failed`);
process.exit(ok && result.failed === 0 ? 0 : 1);
