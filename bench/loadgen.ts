// Load-generator benchmark (run by hand: `npm run bench:loadgen [-- --duration 60 --rounds 3]`): requests per
// second against a trivial local server, Loopsafe's generator and autocannon in the same run, each pinned to
// its own core when taskset exists, with CPU per request (generator and server) and the generator's memory.

import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import { createRequire } from 'module';
import * as path from 'path';
import { runLoadTest } from '../src/loadtest/run';
import { normalizeLoadTestOptions } from '../src/loadtest/options';

const HELP = `npm run bench:loadgen -- [options]
  --duration S      seconds per generator run (default 60)
  --connections N   connections of each generator (default 50)
  --rounds N        rounds; the order alternates (ours first, then autocannon first…) (default 1)
  --undici          also run Loopsafe's undici transport (LOOPSAFE_LOADGEN_TRANSPORT=undici) each round
  --warmup S        seconds of unmeasured load on the server before round 1 (default 2)
Each round prints req/s, generator CPU per completed request (user+system, and user alone), the server's
CPU share and CPU per request, the generator's RSS (first sample → last sample, max), and how much of the two
cores other processes took meanwhile. The machine may be shared: compare within a round, and repeat.`;

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i !== -1 && args[i + 1] ? args[i + 1] : fallback;
};
const DURATION_S = Number(flag('--duration', '60'));
const CONNECTIONS = Number(flag('--connections', '50'));
const ROUNDS = Number(flag('--rounds', '1'));
const WARMUP_S = Number(flag('--warmup', '2'));
const WITH_UNDICI = args.includes('--undici');
const ROOT = path.resolve(__dirname, '../..');
const hasTaskset = spawnSync('taskset', ['--version']).status === 0;
const pinned = (core: number, cmd: string, argv: string[]): [string, string[]] => (hasTaskset ? ['taskset', ['-c', String(core), cmd, ...argv]] : [cmd, argv]);

/** What a generator child reports. */
interface Measured {
  rps: number;
  completed: number;
  p99: number;
  errors: Record<string, number>;
  /** CPU of the generator process over its run, microseconds. */
  userUs: number;
  systemUs: number;
  /** RSS before the run, then sampled every second. */
  rssBefore: number;
  memory: number[];
}

/** Samples RSS every second and CPU over the measured part of a child's run. */
async function measure(run: () => Promise<{ rps: number; completed: number; p99: number; errors: Record<string, number> }>): Promise<Measured> {
  const rssBefore = process.memoryUsage().rss;
  const memory: number[] = [];
  const timer = setInterval(() => memory.push(process.memoryUsage().rss), 1000);
  const cpu0 = process.cpuUsage();
  const r = await run();
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  memory.push(process.memoryUsage().rss);
  return { ...r, userUs: cpu.user, systemUs: cpu.system, rssBefore, memory };
}

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
  const url = flag('--url', '');
  let m: Measured;
  if (role === 'loopsafe') {
    const n = normalizeLoadTestOptions({ url, connections: CONNECTIONS, durationMs: DURATION_S * 1000, requestTimeoutMs: 10_000 });
    if ('error' in n) throw new Error(n.error);
    m = await measure(async () => {
      const report = await runLoadTest(n.options);
      return { rps: report.throughputRps, completed: report.completed, p99: report.latencyMs.p99, errors: report.errors };
    });
  } else if (role === 'autocannon') {
    // Loaded from node_modules at run time (not bundled), through its programmatic API.
    const autocannon = createRequire(path.join(ROOT, 'package.json'))('autocannon') as (
      o: object,
      cb: (err: Error | null, r: { requests: { total: number }; duration: number; latency: { p99: number }; errors: number; non2xx: number }) => void,
    ) => void;
    m = await measure(
      () =>
        new Promise((resolve, reject) =>
          autocannon({ url, connections: CONNECTIONS, duration: DURATION_S }, (err, r) => {
            if (err) return reject(err);
            resolve({ rps: r.requests.total / r.duration, completed: r.requests.total, p99: r.latency.p99, errors: r.errors ? { errors: r.errors } : {} });
          }),
        ),
    );
  } else {
    throw new Error(`unknown role ${role}`);
  }
  process.stdout.write(JSON.stringify(m) + '\n');
}

function run(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const [c, a] = pinned(0, process.execPath, argv);
    const p = spawn(c, a, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`generator exited ${code}: ${err.slice(-2000)}`))));
  });
}

/** utime + stime of a process in clock ticks (Linux), or NaN. */
function cpuTicks(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return NaN;
  }
}
/** Busy ticks of cores 0 and 1 together (Linux), or NaN: with the two processes' own ticks, what others used. */
function coreBusyTicks(): number {
  try {
    let busy = 0;
    for (const line of fs.readFileSync('/proc/stat', 'utf8').split('\n')) {
      const m = /^cpu([01]) (.*)$/.exec(line);
      if (!m) continue;
      const v = m[2].trim().split(/\s+/).map(Number);
      // user nice system idle iowait irq softirq steal
      busy += v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
    }
    return busy;
  } catch {
    return NaN;
  }
}
const TICKS_PER_S = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim()) || 100;

const mb = (b: number) => `${Math.round(b / 1048576)} MB`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

interface Generator {
  name: string;
  argv: (url: string) => string[];
  env?: NodeJS.ProcessEnv;
}

async function main(): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    return;
  }
  const role = flag('--role', '');
  if (role) return child(role);

  const [sc, sa] = pinned(1, process.execPath, [__filename, '--role', 'server']);
  const server = spawn(sc, sa, { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => {
    server.stdout!.on('data', (d: Buffer) => {
      const m = /PORT (\d+)/.exec(d.toString());
      if (m) resolve(Number(m[1]));
    });
  });
  const url = `http://127.0.0.1:${port}/`;
  const common = ['--url', url, '--duration', String(DURATION_S), '--connections', String(CONNECTIONS)];
  const ours: Generator = { name: 'loopsafe (wire)', argv: () => [__filename, '--role', 'loopsafe', ...common] };
  const undici: Generator = { name: 'loopsafe (undici)', argv: () => [__filename, '--role', 'loopsafe', ...common], env: { ...process.env, LOOPSAFE_LOADGEN_TRANSPORT: 'undici' } };
  const ac: Generator = { name: 'autocannon', argv: () => [__filename, '--role', 'autocannon', ...common] };
  console.log(
    `target: trivial node:http server on ${url} (core 1); generators on core 0${hasTaskset ? '' : ' (taskset missing: not pinned)'}; ` +
      `${CONNECTIONS} connections, ${DURATION_S} s each, ${ROUNDS} round(s); load average ${fs.existsSync('/proc/loadavg') ? fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : '?'}`,
  );
  const ratios: number[] = [];
  try {
    if (WARMUP_S > 0) await run([__filename, '--role', 'loopsafe', '--url', url, '--duration', String(WARMUP_S), '--connections', String(CONNECTIONS)]);
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 === 1 ? [ours, ac] : [ac, ours];
      if (WITH_UNDICI) order.push(undici);
      console.log(`round ${round}:`);
      const results = new Map<Generator, Measured>();
      for (const g of order) {
        const s0 = cpuTicks(server.pid!);
        const b0 = coreBusyTicks();
        const t0 = performance.now();
        const m = JSON.parse(await run(g.argv(url), g.env)) as Measured;
        const wallS = (performance.now() - t0) / 1000;
        const serverS = (cpuTicks(server.pid!) - s0) / TICKS_PER_S;
        // CPU that other processes took on the two cores during this run (the machine may be shared).
        const othersS = (coreBusyTicks() - b0) / TICKS_PER_S - serverS - (m.userUs + m.systemUs) / 1e6;
        results.set(g, m);
        const perReq = (us: number) => (m.completed > 0 ? (us / m.completed).toFixed(1) : '-');
        const mem = m.memory;
        const serverPart = Number.isFinite(serverS) && m.completed > 0 ? `  server CPU ${Math.round((serverS / wallS) * 100)}%, ${((serverS * 1e6) / m.completed).toFixed(1)} µs/req` : '';
        console.log(
          `  ${g.name.padEnd(18)} ${fmt(m.rps).padStart(7)} req/s  p99 ${m.p99} ms  errors ${JSON.stringify(m.errors)}  ` +
            `CPU ${perReq(m.userUs + m.systemUs)} µs/req (user ${perReq(m.userUs)})${serverPart}  ` +
            `RSS ${mb(m.rssBefore)} before, ${mb(mem[0])} at 1 s → ${mb(mem[mem.length - 1])} at end (max ${mb(Math.max(...mem))})` +
            (Number.isFinite(othersS) ? `  others on these cores: ${(Math.max(0, othersS) / wallS).toFixed(2)} cores` : ''),
        );
      }
      const ratio = results.get(ours)!.rps / results.get(ac)!.rps;
      ratios.push(ratio);
      console.log(`  ratio: ${ratio.toFixed(2)}× autocannon (target ≥ 1.0×)`);
    }
    if (ROUNDS > 1) {
      const sorted = [...ratios].sort((a, b) => a - b);
      console.log(`ratios: ${ratios.map((r) => r.toFixed(2)).join(', ')}; min ${sorted[0].toFixed(2)}×, median ${sorted[sorted.length >> 1].toFixed(2)}×`);
    }
  } finally {
    server.kill();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
