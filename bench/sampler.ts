// Overhead of the runtime sampler on apps that do not block: throughput of the same app started by Loopsafe
// with and without the sampler, side by side in alternating rounds (same outside load), uvicorn and Express.
// usage: npm run bench:sampler [-- --rounds 4 --seconds 8 --connections 20 --match uvicorn]

import * as path from 'path';
import { runWithApp } from '../src/loadtest/app-run';
import { normalizeLoadTestOptions } from '../src/loadtest/options';
import { freePort } from '../test/helpers/servers';


const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROUNDS = arg('rounds', 4);
const SECONDS = arg('seconds', 8);
const CONNECTIONS = arg('connections', 20);
const ROOT = path.resolve(__dirname, '../..');

interface Target {
  name: string;
  cwd: string;
  command: (port: number) => string;
  route: string;
  env?: Record<string, string>;
}

const TARGETS: Target[] = [
  {
    name: 'FastAPI under uvicorn, GET /health (async def, no blocking)',
    cwd: path.join(ROOT, 'test/fixtures/apps/runtime-blocks'),
    command: (port) => `/usr/bin/python3 -m uvicorn app.main:app --host 127.0.0.1 --port ${port} --log-level warning`,
    route: '/health',
    env: { PYTHONPATH: path.join(ROOT, 'test/fixtures/apps/runtime-blocks/site-packages'), PYTHONDONTWRITEBYTECODE: '1' },
  },
  {
    name: 'FastAPI under uvicorn, POST /chat/awaited (awaits a 20 ms mock LLM)',
    cwd: path.join(ROOT, 'test/fixtures/apps/runtime-blocks'),
    command: (port) => `/usr/bin/python3 -m uvicorn app.main:app --host 127.0.0.1 --port ${port} --log-level warning`,
    route: '/chat/awaited',
    env: { PYTHONPATH: path.join(ROOT, 'test/fixtures/apps/runtime-blocks/site-packages'), PYTHONDONTWRITEBYTECODE: '1' },
  },
  {
    name: 'Express, GET /health',
    cwd: path.join(ROOT, 'test/fixtures/apps/express-blocks'),
    command: (port) => `PORT=${port} ${JSON.stringify(process.execPath)} server.js`,
    route: '/health',
  },
];

async function once(t: Target, attribution: boolean): Promise<number> {
  const port = await freePort();
  const n = normalizeLoadTestOptions({ url: `http://127.0.0.1:${port}${t.route}`, method: t.route.startsWith('/chat') ? 'POST' : 'GET', connections: CONNECTIONS, duration: `${SECONDS}s`, warmupMs: 1000 });
  if ('error' in n) throw new Error(n.error);
  const { report } = await runWithApp({ options: n.options, command: t.command(port), cwd: t.cwd, env: t.env, attribution, mockLatencyMs: 20 });
  if (attribution && !report.attribution?.available) throw new Error(`the sampler did not run: ${report.attribution?.note}`);
  return report.throughputRps;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  console.log(`sampler overhead: ${ROUNDS} alternating rounds of ${SECONDS} s, ${CONNECTIONS} connections, per target\n`);
  const mi = args.indexOf('--match');
  const match = mi >= 0 ? args[mi + 1] : '';
  for (const t of TARGETS.filter((x) => x.name.includes(match))) {
    const off: number[] = [];
    const on: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      // Alternate which goes first, so a trend in the outside load hits both sides alike.
      const order = r % 2 === 0 ? [false, true] : [true, false];
      for (const attribution of order) (attribution ? on : off).push(await once(t, attribution));
    }
    const ratio = median(on) / median(off);
    const pairs = on.map((x, i) => x / off[i]);
    console.log(`${t.name}\n  without sampler: ${off.join(', ')} req/s (median ${median(off)})\n  with sampler:    ${on.join(', ')} req/s (median ${median(on)})\n  ratio of medians ${ratio.toFixed(3)} · per-round ratios ${pairs.map((p) => p.toFixed(2)).join(', ')}\n`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
