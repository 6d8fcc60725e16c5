// Runtime attribution for apps Loopsafe starts: a temporary directory and the environment that loads the
// shipped samplers (Python sitecustomize, Node --require), then their JSON lines read into "where the loop was blocked".

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { AttributionReport, BlockedRow } from './types';

/** Where the shipped samplers are: dist/sampler next to the bundle, or the repository's dist/ (tests). */
export function samplerAssets(fromDir: string = __dirname): { python: string; node: string } | undefined {
  for (let dir = fromDir, i = 0; i < 5; i++, dir = path.dirname(dir)) {
    for (const base of [path.join(dir, 'sampler'), path.join(dir, 'dist', 'sampler')]) {
      const python = path.join(base, 'python');
      const node = path.join(base, 'node-sampler.js');
      if (fs.existsSync(path.join(python, 'sitecustomize.py')) && fs.existsSync(node)) return { python, node };
    }
  }
  return undefined;
}

export interface SamplerSession {
  /** The temporary directory the samplers write to (Loopsafe's own; removed by dispose()). */
  dir: string;
  /** Environment for the app: PYTHONPATH and NODE_OPTIONS extended, LOOPSAFE_SAMPLER_DIR set. */
  env: Record<string, string>;
  dispose(): void;
}

/** Creates the sampler directory and the app's environment; `base` is the environment the app would get. */
export function prepareSampler(base: Record<string, string | undefined>, assets = samplerAssets()): SamplerSession {
  if (!assets) throw new Error('the sampler is missing from this installation (dist/sampler)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-sampler-'));
  const pythonPath = base.PYTHONPATH ? `${assets.python}${path.delimiter}${base.PYTHONPATH}` : assets.python;
  const nodeOptions = `--require ${JSON.stringify(assets.node)}${base.NODE_OPTIONS ? ` ${base.NODE_OPTIONS}` : ''}`;
  return {
    dir,
    env: { LOOPSAFE_SAMPLER_DIR: dir, PYTHONPATH: pythonPath, NODE_OPTIONS: nodeOptions },
    dispose: () => {
      // A process still writing its last line can refill the folder while it is removed: try again.
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
          return;
        } catch {
          // retried
        }
      }
    },
  };
}

interface Loc {
  file: string | null;
  line: number;
  function: string;
  call: string | null;
}

export interface AttributionResult {
  attribution: AttributionReport;
  rows: BlockedRow[];
}

const SAMPLER_NOTE = /^loopsafe-sampler: (.+)$/m;

/**
 * Shorter stretches are not reported: a loop callback taking a few milliseconds is ordinary work (and, on a
 * loaded machine, the OS taking the CPU away); a block users feel is tens of milliseconds and more.
 */
export const MIN_BLOCK_MS = 20;

/**
 * Reads what the samplers wrote and keeps the blocks inside the measured window, one row per code location,
 * sorted by blocked time. `appOutput` (the app's stdout/stderr) supplies the reason when a sampler could not write.
 */
export function readAttribution(dir: string, window: { start: number; end: number } | undefined, appOutput = ''): AttributionResult {
  const missing = (note: string): AttributionResult => ({ attribution: { available: false, note, measuredMs: 0, loops: 0, blockedMs: 0, blockedShare: 0 }, rows: [] });
  if (!window || window.end <= window.start) return missing('no attribution: the run measured nothing');
  const written = SAMPLER_NOTE.exec(appOutput)?.[1];
  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((f) => /^(py|node)-\d+\.jsonl$/.test(f));
  } catch (err) {
    return missing(`no attribution: ${written ?? `the sampler directory is gone (${(err as NodeJS.ErrnoException).code ?? err})`}`);
  }
  const errors: string[] = [];
  const rows = new Map<string, BlockedRow>();
  let loops = 0;
  let sawProcess = false;
  const windowMs = window.end - window.start;
  // Heartbeats come every 250 ms (Python) or 1 s (Node): one inside the window, or just after it, counts.
  const inWindow = (t: number) => t >= window.start && t <= window.end + 1500;
  for (const f of files) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, f), 'utf8');
    } catch {
      continue;
    }
    sawProcess = true;
    const locs = new Map<number, Loc>();
    let processLoops = 0;
    for (const line of text.split('\n')) {
      if (!line) continue;
      let v: unknown;
      try {
        v = JSON.parse(line);
      } catch {
        continue; // a line cut short by a process killed mid-write
      }
      if (Array.isArray(v)) {
        const [id, start, dur] = v as number[];
        const loc = locs.get(id);
        if (!loc || !loc.file || typeof start !== 'number' || typeof dur !== 'number' || dur < MIN_BLOCK_MS) continue;
        const overlap = Math.min(window.end, start + dur) - Math.max(window.start, start);
        if (overlap <= 0) continue;
        const key = `${loc.file}\0${loc.line}\0${loc.function}\0${loc.call ?? ''}`;
        let row = rows.get(key);
        if (!row) rows.set(key, (row = { file: loc.file, line: loc.line, function: loc.function, ms: 0, share: 0, count: 0, maxMs: 0, call: loc.call, predicted: null }));
        row.ms += overlap;
        row.count++;
        row.maxMs = Math.max(row.maxMs, overlap);
      } else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.loc === 'number') locs.set(o.loc, { file: typeof o.file === 'string' ? o.file : null, line: Number(o.line) || 0, function: String(o.function ?? '?'), call: typeof o.call === 'string' ? o.call : null });
        else if (typeof o.hb === 'number' && typeof o.loops === 'number' && inWindow(o.hb)) processLoops = Math.max(processLoops, o.loops);
        else if (typeof o.error === 'string') errors.push(o.error);
      }
    }
    loops += processLoops;
  }
  if (loops === 0) {
    if (errors.length) return missing(`no attribution: ${errors[0]}`);
    if (written) return missing(`no attribution: ${written}`);
    if (!sawProcess) return missing('no attribution: the sampler did not load in the app (it is neither Python nor Node, or its command resets PYTHONPATH / NODE_OPTIONS)');
    return missing('no attribution: no event loop ran in the app during the run (a WSGI or thread-per-request server has no loop to block)');
  }
  const measuredMs = windowMs * loops;
  const list = [...rows.values()].sort((a, b) => b.ms - a.ms);
  let blockedMs = 0;
  for (const r of list) {
    blockedMs += r.ms;
    r.share = round4(r.ms / measuredMs);
    r.ms = Math.round(r.ms * 10) / 10;
    r.maxMs = Math.round(r.maxMs * 10) / 10;
  }
  const attribution: AttributionReport = { available: true, measuredMs: Math.round(measuredMs), loops, blockedMs: Math.round(blockedMs * 10) / 10, blockedShare: round4(Math.min(1, blockedMs / measuredMs)) };
  if (errors.length || written) attribution.note = `partial attribution: ${errors[0] ?? written}`;
  return { attribution, rows: list };
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** A static finding as far as matching needs it: its rule, its 0-based range, and the chain's steps. */
export interface PredictingFinding {
  rule: string;
  file: string;
  range: { start: { line: number }; end: { line: number } };
  chain: { file: string; range: { start: { line: number }; end: { line: number } } }[];
}

/** Rules whose finding predicts that the loop blocks there. */
export const BLOCKING_RULES = new Set(['blocking-llm-call', 'blocking-call-in-async-handler', 'await-on-sync-call']);

/** Sets `predicted` on each row: the blocking finding at its line, or one whose chain passes through that line. */
export function matchPredictions(rows: BlockedRow[], findings: PredictingFinding[]): BlockedRow[] {
  const covers = (file: string, r: { start: { line: number }; end: { line: number } }, row: BlockedRow) => path.resolve(file) === path.resolve(row.file) && row.line - 1 >= r.start.line && row.line - 1 <= r.end.line;
  for (const row of rows) {
    const blocking = findings.filter((f) => BLOCKING_RULES.has(f.rule));
    const at = blocking.find((f) => covers(f.file, f.range, row)) ?? blocking.find((f) => f.chain.some((s) => covers(s.file, s.range, row)));
    row.predicted = at ? at.rule : null;
  }
  return rows;
}

/** One sentence naming the top row, for the verdict: "96% of the blocked time in `requests.post` at app/llm.py:23". */
export function topRowSentence(rows: BlockedRow[], relative: (file: string) => string): string | undefined {
  const top = rows[0];
  if (!top) return undefined;
  const total = rows.reduce((a, r) => a + r.ms, 0);
  const pct = total > 0 ? Math.round((100 * top.ms) / total) : 100;
  return `${pct}% of the blocked time in \`${top.call ?? top.function}\` at ${relative(top.file)}:${top.line}`;
}
