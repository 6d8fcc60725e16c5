#!/usr/bin/env node
// Stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }): maps
// the desktop arguments onto runExtensionTests.mjs (code-server + headless Chromium) and returns its exit code.
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
  else if (key === '--user-data-dir' || key === '--extensions-dir') value(); // the runner uses throwaway dirs
  else if (!key.startsWith('-')) folder = arg;
  // other desktop-only flags (--no-sandbox, --skip-welcome, --disable-gpu-sandbox, ...) mean nothing to code-server
}
if (folder) out.push('--workspace', folder);
// test-electron's extensionTestsEnv reaches us as our own environment; the remote extension host
// inherits code-server's environment, so the LOOPSAFE_TEST_* ones also go into the payload explicitly.
for (const [k, v] of Object.entries(process.env)) if (k.startsWith('LOOPSAFE_TEST_')) out.push('--env', `${k}=${v}`);
const child = spawn(process.execPath, [path.join(here, 'runExtensionTests.mjs'), ...out], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
