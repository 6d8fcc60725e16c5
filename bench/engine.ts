// Speed benchmark (run by hand: `npm run bench`): cold workspace analysis of real Python code from
// Debian's site-packages plus our own LLM apps, and of an LLM-dense workspace (every corpus app copied
// 40× under distinct package names), each against Ruff's ASYNC rules in the same run, and the
// re-analysis time after a one-line edit in a 2,000-line file.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Engine, Workspace, defaultWasmDir, discoverFiles } from '../src/engine/api';

const SITE = process.env.LOOPSAFE_BENCH_DIR ?? '/usr/lib/python3/dist-packages';
const TARGET_LINES = Number(process.env.LOOPSAFE_BENCH_LINES ?? 200_000);
/** Runs of each side; the best counts, once both JITs (V8's for us, wasm tiering for Ruff) have warmed up. */
const RUNS = Number(process.env.LOOPSAFE_BENCH_RUNS ?? 7);
/** Copies of every corpus app in the LLM-dense workspace (0 skips it). */
const DENSE_COPIES = Number(process.env.LOOPSAFE_BENCH_DENSE_COPIES ?? 40);

interface Source {
  file: string;
  text: string;
  lines: number;
}

function collect(): Source[] {
  if (!fs.existsSync(SITE)) throw new Error(`${SITE} not found: install python3 packages (apt-get install python3-fastapi python3-aiohttp ...) or set LOOPSAFE_BENCH_DIR`);
  const preferred = ['aiohttp', 'anyio', 'starlette', 'fastapi', 'httpx', 'flask', 'werkzeug', 'jinja2', 'requests', 'urllib3', 'pydantic', 'pygments', 'babel', 'yaml', 'click', 'uvicorn'];
  const dirs = preferred.map((d) => path.join(SITE, d)).filter((d) => fs.existsSync(d));
  const corpus = path.resolve(__dirname, '../../test/corpus/python');
  const examples = path.resolve(__dirname, '../../examples');
  const out: Source[] = [];
  let total = 0;
  for (const root of [corpus, examples, ...dirs]) {
    if (!fs.existsSync(root)) continue;
    for (const file of discoverFiles([root], { excludedDirs: new Set(['__pycache__']) }).files) {
      if (!file.endsWith('.py')) continue;
      const text = fs.readFileSync(file, 'utf8');
      const lines = text.split('\n').length;
      out.push({ file, text, lines });
      total += lines;
    }
    if (total >= TARGET_LINES) break;
  }
  return out;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * The LLM-dense workspace: every app of test/corpus/python copied `copies` times into a temporary
 * directory, each copy under its own package name (`copy07/04-groq-lru-depends/...`), so that almost
 * every file names an SDK or a framework and goes through the whole analysis. Written to disk and read
 * back, as a workspace scan would; the directory is removed by the caller.
 */
function denseWorkspace(copies: number): { dir: string; sources: Source[] } {
  const corpus = path.resolve(__dirname, '../../test/corpus/python');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-bench-dense-'));
  const files = discoverFiles([corpus], { excludedDirs: new Set(['__pycache__']) }).files.filter((f) => f.endsWith('.py'));
  const sources: Source[] = [];
  for (let c = 0; c < copies; c++) {
    for (const file of files) {
      const target = path.join(dir, `copy${String(c).padStart(2, '0')}`, path.relative(corpus, file));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(file, target);
    }
  }
  for (const file of discoverFiles([dir]).files) {
    const text = fs.readFileSync(file, 'utf8');
    sources.push({ file, text, lines: text.split('\n').length });
  }
  return { dir, sources };
}

/** Cold workspace analysis of `sources` (best of RUNS, fresh engine each run) against Ruff's ASYNC rules. */
async function coldVersusRuff(label: string, sources: Source[]): Promise<void> {
  const lines = sources.reduce((a, s) => a + s.lines, 0);
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  let findings = 0;
  for (let i = 0; i < RUNS; i++) {
    const fresh = await Engine.create(defaultWasmDir(path.resolve(__dirname, '../../dist')));
    // As `loopsafe check` runs it: findings only (routes of files no rule can report on are not wanted).
    const ws = new Workspace(fresh, { routes: false });
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const s of sources) ws.upsert(s.file, s.text);
    findings = ws.analyzeAll().reduce((a, r) => a + r.findings.length, 0);
    runs.push(performance.now() - t0);
    cpuRuns.push(cpuMs(c0));
  }
  const loopsafeMs = Math.min(...runs);

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ruff = require('@astral-sh/ruff-wasm-nodejs') as typeof import('@astral-sh/ruff-wasm-nodejs');
  const rws = new ruff.Workspace({ lint: { select: ['ASYNC'] } }, ruff.PositionEncoding.Utf16);
  const ruffRuns: number[] = [];
  const ruffCpuRuns: number[] = [];
  let ruffDiags = 0;
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    ruffDiags = 0;
    for (const s of sources) ruffDiags += rws.check(s.text).length;
    ruffRuns.push(performance.now() - t0);
    ruffCpuRuns.push(cpuMs(c0));
  }
  const ruffMs = Math.min(...ruffRuns);

  const lps = (ms: number) => Math.round((lines / ms) * 1000);
  const runList = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  const loopsafeCpu = Math.min(...cpuRuns);
  const ruffCpu = Math.min(...ruffCpuRuns);
  console.log(`loopsafe (interprocedural, cold workspace): ${loopsafeMs.toFixed(0)} ms  ${lps(loopsafeMs).toLocaleString()} lines/s  (${findings} findings; runs ${runList(runs)} ms; CPU ${runList(cpuRuns)} ms)`);
  console.log(`ruff ASYNC (per file):                      ${ruffMs.toFixed(0)} ms  ${lps(ruffMs).toLocaleString()} lines/s  (${ruffDiags} diagnostics; runs ${runList(ruffRuns)} ms; CPU ${runList(ruffCpuRuns)} ms)`);
  console.log(
    `${label} ratio: ${(lps(loopsafeMs) / lps(ruffMs)).toFixed(2)}× Ruff${label === 'site-packages' ? ' (target ≥ 1.0×)' : ''}; ` +
      `by CPU time (best run each, this process's threads, the JIT and GC included): ${(ruffCpu / loopsafeCpu).toFixed(2)}×; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
  );
}

/** CPU time (user + system, every thread of this process) since `start`, in ms. */
function cpuMs(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function main(): Promise<void> {
  const sources = collect();
  const lines = sources.reduce((a, s) => a + s.lines, 0);
  console.log(`corpus: ${sources.length} files, ${lines} lines (${SITE} + test/corpus/python + examples)`);
  await coldVersusRuff('site-packages', sources);
  if (DENSE_COPIES > 0) {
    const dense = denseWorkspace(DENSE_COPIES);
    try {
      const denseLines = dense.sources.reduce((a, s) => a + s.lines, 0);
      console.log(`LLM-dense workspace: ${dense.sources.length} files, ${denseLines} lines (test/corpus/python × ${DENSE_COPIES}, in ${dense.dir})`);
      await coldVersusRuff('LLM-dense', dense.sources);
    } finally {
      fs.rmSync(dense.dir, { recursive: true, force: true });
    }
  }
  const engine = await Engine.create(defaultWasmDir(path.resolve(__dirname, '../../dist')));

  // Re-analysis after a one-line edit in a 2,000-line LLM file (the editor's keystroke path).
  const block = [
    'from fastapi import FastAPI',
    'from openai import OpenAI',
    'app = FastAPI()',
    'client = OpenAI()',
    '',
  ].join('\n');
  // A realistic route module: 40 handlers of ~50 lines each, one LLM call apiece.
  let big = block;
  for (let i = 0; big.split('\n').length < 2000; i++) {
    const body: string[] = [];
    for (let j = 0; j < 20; j++) body.push(`    items_${j} = [k * ${j} for k in range(len(q))]`, `    total += sum(items_${j}) if items_${j} else ${j}`);
    big += [
      '',
      `@app.get("/r${i}")`,
      `async def r${i}(q: str):`,
      `    x = len(q) + ${i}`,
      '    total = 0',
      ...body,
      '    answer = client.chat.completions.create(model="m", messages=[{"role": "user", "content": q}])',
      '    return {"total": total, "x": x, "answer": answer.choices[0].message.content}',
      '',
    ].join('\n');
  }
  const ws = new Workspace(engine);
  for (const s of sources.slice(0, 200)) ws.upsert(s.file, s.text);
  const file = '/bench/app/big_routes.py';
  ws.upsert(file, big);
  ws.analyze(file);
  const times: number[] = [];
  // Each version differs from the previous one by one edited line, as when typing. The first edits
  // also compile the incremental paths (JIT warm-up): reported apart, not in the percentiles.
  const WARMUP = 10;
  let edited = big;
  for (let i = 0; i < WARMUP + 100; i++) {
    edited = edited.replace(new RegExp(`x = len\\(q\\) \\+ ${i % 30}\\b[^\\n]*`), `x = len(q) + ${i % 30} + ${i}`);
    // What the language server does once the debounce fires: bring the index up to date, then
    // re-analyse the file and every file whose findings may depend on it.
    const t0 = performance.now();
    ws.upsert(file, edited);
    for (const f of ws.affectedBy(file)) ws.analyze(f);
    times.push(performance.now() - t0);
  }
  const steady = times.slice(WARMUP);
  console.log(
    `one-line edit in a ${big.split('\n').length}-line file (index update + re-analysis, as the language server): ` +
      `p50 ${percentile(steady, 50).toFixed(1)} ms, p95 ${percentile(steady, 95).toFixed(1)} ms over ${steady.length} edits (target p95 < 30 ms); ` +
      `first ${WARMUP} edits (warm-up) ${times.slice(0, WARMUP).map((t) => t.toFixed(0)).join(', ')} ms`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
