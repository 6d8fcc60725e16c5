// Starts code-server with the packaged extension on examples/ (persistent profile under .tools/),
// prints the URL and `loopsafe check examples`, and stops code-server cleanly on Ctrl+C.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { codeServerCli, startCodeServer, toolPaths } from '../test/e2e/driver/codeServer.mjs';

const { root } = toolPaths();
const profile = path.join(root, '.tools', 'profile');
const extensionsDir = path.join(profile, 'extensions');
const userDataDir = path.join(profile, 'user-data');
fs.mkdirSync(extensionsDir, { recursive: true });

const free = (port) => new Promise((resolve) => {
  const s = net.createServer().once('error', () => resolve(false)).once('listening', () => s.close(() => resolve(true)));
  s.listen(port, '127.0.0.1');
});
const wanted = Number(process.env.PORT || 8080);
const port = (await free(wanted)) ? wanted : 0;

await codeServerCli(['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--config', '/dev/null', '--install-extension', path.join(root, 'dist/loopsafe.vsix'), '--force']);
const server = await startCodeServer({ extensionsDir, userDataDir, port });
const examples = path.join(root, 'examples');
const url = `${server.url}/?folder=${encodeURIComponent(examples)}`;

console.log('\nLoopsafe findings in examples/ (node dist/cli.js check examples):\n');
spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'check', 'examples'], { cwd: root, stdio: 'inherit' });
console.log(`\nVS Code with Loopsafe is running on examples/:\n\n    ${url}\n\nOpen it in a browser; Ctrl+C stops it.`);

const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => undefined, 1 << 30);
