#!/usr/bin/env node
// Stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }):
// maps the arguments test-electron passes onto runExtensionTests.mjs (code-server + Chromium).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = [];
let folder;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  const eq = arg.indexOf('=');
  const key = eq === -1 ? arg : arg.slice(0, eq);
  const value = () => (eq === -1 ? argv[++i] : arg.slice(eq + 1));
  if (key === '--extensionDevelopmentPath') out.push('--ext', value());
  else if (key === '--extensionTestsPath') out.push('--tests', value());
  else if (key === '--disable-extensions') out.push('--disable-extensions');
  else if (key === '--user-data-dir' || key === '--extensions-dir') value(); // the runner uses its own throwaway dirs
  else if (!key.startsWith('--')) folder = arg;
  // other desktop-only flags (--no-sandbox, --skip-welcome, ...) mean nothing to code-server
}
if (folder) out.push('--workspace', folder);
for (const [k, v] of Object.entries(process.env)) if (k.startsWith('LOOPSAFE_TEST_')) out.push('--env', `${k}=${v}`);
const child = spawn(process.execPath, [path.join(here, 'runExtensionTests.mjs'), ...out], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
