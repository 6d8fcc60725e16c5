// `npm start` (after scripts/start.sh built and packaged): installs dist/loopsafe.vsix into a code-server
// with a persistent profile under .tools/profile, opens examples/, prints the URL and the CLI findings,
// and stays in the foreground until Ctrl+C, which stops code-server (its whole process group).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { installVsix, startCodeServer, toolPaths } from '../test/e2e/driver/codeServer.mjs';

const { root, tools } = toolPaths();
const profile = path.join(tools, 'profile');
const extensionsDir = path.join(profile, 'extensions');
const userDataDir = path.join(profile, 'user-data');
const examples = path.join(root, 'examples');
fs.mkdirSync(extensionsDir, { recursive: true });

/** True when 127.0.0.1:port can be bound right now. */
const free = (port) =>
  new Promise((resolve) => {
    const s = net.createServer().once('error', () => resolve(false)).once('listening', () => s.close(() => resolve(true)));
    s.listen(port, '127.0.0.1');
  });
const wanted = Number(process.env.PORT || 8080);
const port = (await free(wanted)) ? wanted : 0;
if (port === 0) console.log(`port ${wanted} is taken: using a free port instead`);

const installed = await installVsix(path.join(root, 'dist/loopsafe.vsix'), extensionsDir, userDataDir);
console.log(installed.trim().split('\n').pop());
// mergeSettings: keep what the user changed in this profile, but always files.autoSave: off etc.
const server = await startCodeServer({ extensionsDir, userDataDir, port, mergeSettings: true });
let stopping = false;
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping code-server…');
  await server.stop();
  process.exit(code);
};
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => stop(0));

console.log('\nLoopsafe findings in examples/ (node dist/cli.js check examples):\n');
spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'check', 'examples'], { cwd: root, stdio: 'inherit' });

const url = `${server.url}/?folder=${encodeURI(examples)}`;
const bar = '─'.repeat(Math.min(100, url.length + 4));
console.log(`\n${bar}\n  VS Code with Loopsafe (packaged .vsix) on examples/:\n\n  ${url}\n${bar}`);
console.log('Open it in a browser (files.autoSave is off). Ctrl+C stops code-server.');

// Stay in the foreground; if code-server dies on its own, say so and exit.
setInterval(() => {
  try {
    process.kill(server.pid, 0);
  } catch {
    console.error(`code-server exited; its log: ${server.logFile}`);
    stopping = true;
    process.exit(1);
  }
}, 2000);
