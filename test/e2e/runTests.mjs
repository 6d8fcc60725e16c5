#!/usr/bin/env node
// Extension integration tests through the standard @vscode/test-electron entry point, with our
// code-server shim as the VS Code executable (no Electron download is possible here).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
try {
  await runTests({
    vscodeExecutablePath: path.join(here, 'driver/code-shim.mjs'),
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out-e2e/suite/index.js'),
    launchArgs: [path.join(root, 'test/fixtures/e2e-workspace'), '--disable-extensions'],
  });
} catch (err) {
  console.error(`[e2e] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
