// `loopsafe server --stdio`: the language server VS Code uses (dist/server.js), for any editor over stdio.
// It runs as a child process with this process's stdio, so the CLI itself never loads the LSP libraries.

import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export class ServerUsageError extends Error {}

export const SERVER_HELP = `Usage: loopsafe server --stdio

Runs the Loopsafe language server over stdin/stdout for any LSP client (Neovim, Helix, Zed, Sublime LSP,
Emacs eglot, JetBrains LSP4IJ). Settings come from the project config (loopsafe.toml, pyproject.toml
[tool.loopsafe], package.json "loopsafe") and the client's initializationOptions, e.g.
{ "settings": { "baseline": "hide", "rules": { "llm-call-without-timeout": "off" } } }.`;

export function serverCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(SERVER_HELP + '\n');
    return Promise.resolve(0);
  }
  const unknown = argv.filter((a) => a !== '--stdio');
  if (!argv.includes('--stdio') || unknown.length > 0) throw new ServerUsageError(`server speaks LSP over stdio only: run \`loopsafe server --stdio\`${unknown.length ? ` (unknown: ${unknown.join(' ')})` : ''}`);
  const bundle = path.join(__dirname, 'server.js');
  if (!fs.existsSync(bundle)) throw new ServerUsageError(`the language server bundle is missing (${bundle}); reinstall loopsafe`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, '--stdio'], { stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const onTerm = forward('SIGTERM');
    const onInt = forward('SIGINT');
    process.on('SIGTERM', onTerm);
    process.on('SIGINT', onInt);
    child.on('error', (err) => {
      process.stderr.write(`loopsafe: cannot start the language server: ${err.message}\n`);
      resolve(2);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGTERM', onTerm);
      process.off('SIGINT', onInt);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}
