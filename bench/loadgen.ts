// Load-generator benchmark (run by hand: `npm run bench:loadgen [-- --duration 60]`): requests per
// second on one core against a trivial local server, Loopsafe's generator and autocannon in the same
// run, each pinned to its own core when taskset exists, with the generator's memory sampled over time.

import { spawn, spawnSync } from 'child_process';
import * as http from 'http';
import * as path from 'path';
import { runLoadTest } from '../src/loadtest/run';
import { normalizeLoadTestOptions } from '../src/loadtest/options';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i !== -1 && args[i + 1] ? args[i + 1] : fallback;
};
const DURATION_S = Number(flag('--duration', '60'));
const CONNECTIONS = Number(flag('--connections', '50'));
const ROOT = path.resolve(__dirname, '../..');
const hasTaskset = spawnSync('taskset', ['--version']).status === 0;
const pinned = (core: number, cmd: string, argv: string[]): [string, string[]] => (hasTaskset ? ['taskset', ['-c', String(core), cmd, ...argv]] : [cmd, argv]);

/** Child mode: one role per process, so each can sit on its own core. */
async function child(role: string): Promise<void> {
  if (role === 'server') {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' });
      res.end('ok');
    });
    server.keepAliveTimeout = 60_000;
    server.listen(0, '127.0.0.1', () => process.stdout.write(`PORT ${(server.address() as { port: number }).port}\n`));
    return;
  }
  if (role === 'loopsafe') {
    const url = flag('--url', '');
    const n = normalizeLoadTestOptions({ url, connections: CONNECTIONS, durationMs: DURATION_S * 1000, requestTimeoutMs: 10_000 });
    if ('error' in n) throw new Error(n.error);
    const memory: number[] = [];
    const timer = setInterval(() => memory.push(process.memoryUsage().rss), 1000);
    const report = await runLoadTest(n.options);
    clearInterval(timer);
    process.stdout.write(JSON.stringify({ rps: report.throughputRps, p99: report.latencyMs.p99, errors: report.errors, memory }) + '\n');
  }
}

function run(cmd: string, argv: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const [c, a] = pinned(0, cmd, argv);
    const p = spawn(c, a, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} exited ${code}: ${err.slice(-2000)}`))));
  });
}

async function main(): Promise<void> {
  const role = flag('--role', '');
  if (role) return child(role);

  const [sc, sa] = hasTaskset ? ['taskset', ['-c', '1', process.execPath, __filename, '--role', 'server']] : [process.execPath, [__filename, '--role', 'server']];
  const server = spawn(sc, sa as string[], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => {
    server.stdout!.on('data', (d: Buffer) => {
      const m = /PORT (\d+)/.exec(d.toString());
      if (m) resolve(Number(m[1]));
    });
  });
  const url = `http://127.0.0.1:${port}/`;
  console.log(`target: trivial node:http server on ${url} (core 1); generators on core 0${hasTaskset ? '' : ' (taskset missing: not pinned)'}; ${CONNECTIONS} connections, ${DURATION_S} s each`);
  try {
    const ours = JSON.parse(await run(process.execPath, [__filename, '--role', 'loopsafe', '--url', url, '--duration', String(DURATION_S), '--connections', String(CONNECTIONS)])) as { rps: number; p99: number; errors: Record<string, number>; memory: number[] };
    const ac = JSON.parse(await run(process.execPath, [path.join(ROOT, 'node_modules/autocannon/autocannon.js'), '-c', String(CONNECTIONS), '-d', String(DURATION_S), '-j', url])) as { requests: { average: number; total: number }; duration: number };
    const acRps = ac.requests.total / ac.duration;
    const mb = (b: number) => `${Math.round(b / 1048576)} MB`;
    const mem = ours.memory;
    const third = Math.max(1, Math.floor(mem.length / 3));
    const early = mem.slice(0, third).reduce((a, b) => a + b, 0) / third;
    const late = mem.slice(-third).reduce((a, b) => a + b, 0) / third;
    console.log(`loopsafe generator: ${Math.round(ours.rps).toLocaleString()} req/s  (p99 ${ours.p99} ms, errors ${JSON.stringify(ours.errors)})`);
    console.log(`autocannon:         ${Math.round(acRps).toLocaleString()} req/s`);
    console.log(`ratio: ${(ours.rps / acRps).toFixed(2)}× autocannon (target ≥ 1.0×)`);
    if (mem.length) console.log(`generator RSS: first third avg ${mb(early)}, last third avg ${mb(late)}, max ${mb(Math.max(...mem))} over ${mem.length} samples (flat = constant memory)`);
  } finally {
    server.kill();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
