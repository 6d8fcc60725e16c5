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
  --slices N        split each generator's duration into N runs, alternating A B B A… within the round, so
                    both see the same load from other processes (default 1: one continuous run each)
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
const SLICES = Math.max(1, Math.floor(Number(flag('--slices', '1'))));
const ROOT = path.resolve(__dirname, '../..');
const hasTaskset = spawnSync('taskset', ['--version']).status === 0;
const pinned = (core: number, cmd: string, argv: string[]): [string, string[]] => (hasTaskset ? ['taskset', ['-c', String(core), cmd, ...argv]] : [cmd, argv]);

/** What a generator child reports. */
interface Measured {
  rps: number;
  completed: number;
  /** Measured duration, seconds. */
  seconds: number;
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
async function measure(run: () => Promise<{ rps: number; completed: number; seconds: number; p99: number; errors: Record<string, number> }>): Promise<Measured> {
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
      return { rps: report.throughputRps, completed: report.completed, seconds: report.durationMs / 1000, p99: report.latencyMs.p99, errors: report.errors };
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
            resolve({ rps: r.requests.total / r.duration, completed: r.requests.total, seconds: r.duration, p99: r.latency.p99, errors: r.errors ? { errors: r.errors } : {} });
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
  const sliceS = DURATION_S / SLICES;
  const common = ['--url', url, '--duration', String(sliceS), '--connections', String(CONNECTIONS)];
  const ours: Generator = { name: 'loopsafe (wire)', argv: () => [__filename, '--role', 'loopsafe', ...common] };
  const undici: Generator = { name: 'loopsafe (undici)', argv: () => [__filename, '--role', 'loopsafe', ...common], env: { ...process.env, LOOPSAFE_LOADGEN_TRANSPORT: 'undici' } };
  const ac: Generator = { name: 'autocannon', argv: () => [__filename, '--role', 'autocannon', ...common] };
  console.log(
    `target: trivial node:http server on ${url} (core 1); generators on core 0${hasTaskset ? '' : ' (taskset missing: not pinned)'}; ` +
      `${CONNECTIONS} connections, ${DURATION_S} s each${SLICES > 1 ? ` in ${SLICES} alternating slices of ${sliceS} s` : ''}, ${ROUNDS} round(s); ` +
      `load average ${fs.existsSync('/proc/loadavg') ? fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : '?'}`,
  );

  /** Sums over a generator's slices in one round. */
  interface Totals {
    completed: number;
    seconds: number;
    cpuUs: number;
    userUs: number;
    serverS: number;
    othersS: number;
    wallS: number;
    p99: number[];
    errors: Record<string, number>;
    runs: Measured[];
  }
  const runSlice = async (g: Generator, t: Totals): Promise<void> => {
    const s0 = cpuTicks(server.pid!);
    const b0 = coreBusyTicks();
    const t0 = performance.now();
    const m = JSON.parse(await run(g.argv(url), g.env)) as Measured;
    const wallS = (performance.now() - t0) / 1000;
    const serverS = (cpuTicks(server.pid!) - s0) / TICKS_PER_S;
    t.completed += m.completed;
    t.seconds += m.seconds;
    t.cpuUs += m.userUs + m.systemUs;
    t.userUs += m.userUs;
    t.serverS += serverS;
    // CPU that other processes took on the two cores meanwhile (the machine may be shared).
    t.othersS += Math.max(0, (coreBusyTicks() - b0) / TICKS_PER_S - serverS - (m.userUs + m.systemUs) / 1e6);
    t.wallS += wallS;
    t.p99.push(m.p99);
    for (const [k, v] of Object.entries(m.errors)) t.errors[k] = (t.errors[k] ?? 0) + v;
    t.runs.push(m);
  };
  const describe = (g: Generator, t: Totals): string => {
    const perReq = (us: number) => (t.completed > 0 ? (us / t.completed).toFixed(1) : '-');
    const rps = t.seconds > 0 ? t.completed / t.seconds : 0;
    const server = Number.isFinite(t.serverS) && t.completed > 0 ? `  server CPU ${Math.round((t.serverS / t.wallS) * 100)}%, ${((t.serverS * 1e6) / t.completed).toFixed(1)} µs/req` : '';
    const others = Number.isFinite(t.othersS) ? `  others on these cores: ${(t.othersS / t.wallS).toFixed(2)} cores` : '';
    const first = t.runs[0];
    const last = t.runs[t.runs.length - 1];
    const max = Math.max(...t.runs.flatMap((r) => r.memory));
    const rss =
      t.runs.length === 1
        ? `RSS ${mb(first.rssBefore)} before, ${mb(first.memory[0])} at 1 s → ${mb(last.memory[last.memory.length - 1])} at end (max ${mb(max)})`
        : `RSS max ${mb(max)} over ${t.runs.length} runs`;
    return `  ${g.name.padEnd(18)} ${fmt(rps).padStart(7)} req/s  p99 ${Math.max(...t.p99)} ms  errors ${JSON.stringify(t.errors)}  CPU ${perReq(t.cpuUs)} µs/req (user ${perReq(t.userUs)})${server}  ${rss}${others}`;
  };

  const ratios: number[] = [];
  try {
    if (WARMUP_S > 0) await run([__filename, '--role', 'loopsafe', '--url', url, '--duration', String(WARMUP_S), '--connections', String(CONNECTIONS)]);
    for (let round = 1; round <= ROUNDS; round++) {
      const generators = WITH_UNDICI ? [ours, ac, undici] : [ours, ac];
      const totals = new Map<Generator, Totals>(generators.map((g) => [g, { completed: 0, seconds: 0, cpuUs: 0, userUs: 0, serverS: 0, othersS: 0, wallS: 0, p99: [], errors: {}, runs: [] }]));
      for (let slice = 0; slice < SLICES; slice++) {
        // Alternate who goes first (by round, then by slice): A B, B A, …
        const order = (round + slice) % 2 === 1 ? [ours, ac] : [ac, ours];
        if (WITH_UNDICI) order.push(undici);
        for (const g of order) await runSlice(g, totals.get(g)!);
      }
      console.log(`round ${round} (${SLICES > 1 ? `${SLICES} alternating slices each` : `${(round % 2 === 1 ? ours : ac).name} ran first`}):`);
      for (const g of generators) console.log(describe(g, totals.get(g)!));
      const rpsOf = (g: Generator) => totals.get(g)!.completed / totals.get(g)!.seconds;
      const ratio = rpsOf(ours) / rpsOf(ac);
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
