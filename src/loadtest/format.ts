// Human-readable load-test report (the CLI's output, the saved text summary): the probe verdict
// first, then throughput, latency, first byte / first token, fairness, errors and thresholds.

import { formatMs } from './probe';
import { describeErrorKind } from './run';
import { topRowSentence } from './attribution';
import type { LoadTestOptions, LoadTestReport, Percentiles } from './types';

export interface FormatStyle {
  color: boolean;
}

const paint = (on: boolean, code: string, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

function pct(p: Percentiles): string {
  return `p50 ${formatMs(p.p50)} · p90 ${formatMs(p.p90)} · p95 ${formatMs(p.p95)} · p99 ${formatMs(p.p99)} · max ${formatMs(p.max)}`;
}

export function describeScenario(o: Pick<LoadTestOptions, 'method' | 'url' | 'connections' | 'rate' | 'durationMs'>): string {
  const load = o.rate ? `${o.rate} req/s (open model, up to ${o.connections} connections)` : `${o.connections} connection${o.connections === 1 ? '' : 's'} (closed model)`;
  return `${o.method} ${o.url} · ${load} · ${formatMs(o.durationMs)}`;
}

export function formatReport(r: LoadTestReport, o: Pick<LoadTestOptions, 'method' | 'url' | 'connections' | 'rate' | 'durationMs'>, style: FormatStyle = { color: false }): string {
  const c = style.color;
  const lines: string[] = [];
  lines.push(`${paint(c, '1', 'Loopsafe load test')}  ${describeScenario(o)}`);
  lines.push('');
  if (r.stoppedReason) lines.push(`  ${paint(c, '33', '!')} stopped early: ${r.stoppedReason}`);
  const rows = r.blockedAt ?? [];
  if (r.probe?.verdict) {
    const mark = r.probe.stalled ? paint(c, '31;1', '✖') : r.probe.error ? paint(c, '33', '!') : paint(c, '32', '✔');
    const top = r.probe.stalled ? topRowSentence(rows, (f) => f) : undefined;
    const verdict = top ? `${r.probe.verdict} — ${top}` : r.probe.verdict;
    const text = r.probe.stalled ? paint(c, '31;1', verdict.toUpperCase().slice(0, 1) + verdict.slice(1)) : verdict[0].toUpperCase() + verdict.slice(1);
    lines.push(`  ${mark} ${text}`);
    if (r.probe.stalled && !rows.length) lines.push('    Requests that should take milliseconds waited behind blocking work in a handler: look for a sync LLM or I/O call in an `async` handler.');
  }
  if (r.attribution) lines.push(...formatBlockedAt(r, c));
  if (lines[lines.length - 1] !== '') lines.push('');
  const errorTotal = Object.values(r.errors).reduce((a, b) => a + b, 0);
  const row = (k: string, v: string) => lines.push(`  ${k.padEnd(13)}${v}`);
  row('requests', `sent ${r.sent} · completed ${r.completed} · errors ${errorTotal}${r.dropped ? ` · dropped ${r.dropped}` : ''} · in flight at end ${r.inFlightAtEnd}${r.inFlightAtEnd ? ` (oldest ${formatMs(r.oldestInFlightMs)})` : ''}`);
  row('throughput', `${r.throughputRps} req/s over ${formatMs(r.durationMs)}`);
  if (r.completed > 0) {
    row('latency', pct(r.latencyMs));
    row('first byte', pct(r.ttfbMs));
    if (r.ttftMs) row('first token', pct(r.ttftMs));
    if (r.interTokenMs) row('per token', pct(r.interTokenMs));
  }
  if (r.model === 'closed' && r.completed > 0) {
    const p = r.perConnection;
    row('fairness', `completions per connection: min ${p.min} · median ${p.median} · max ${p.max}${p.starved ? paint(c, '33', ` · ${p.starved} starved`) : ''}`);
  }
  if (errorTotal > 0) row('errors', Object.entries(r.errors).map(([k, v]) => `${/^\d{3}$/.test(k) ? `HTTP ${k}` : describeErrorKind(k)} ×${v}`).join(' · '));
  if (r.probe && !r.probe.error) row('probe', `${new URL(r.probe.url).pathname} idle p50 ${formatMs(r.probe.idleMs.p50)} · under load p50 ${formatMs(r.probe.loadMs.p50)} · p99 ${formatMs(r.probe.loadMs.p99)} · max ${formatMs(r.probe.loadMs.max)}${r.probe.unansweredAtEnd ? ` · ${r.probe.unansweredAtEnd} unanswered` : ''}`);
  if (r.inFlightAtEnd > 0 && r.completed < r.sent / 2) lines.push(`  ${paint(c, '33', 'note')}         ${r.inFlightAtEnd} requests never finished: tools that count only completed requests hide them.`);
  if (r.thresholds.length) {
    lines.push('');
    for (const t of r.thresholds) lines.push(`  ${t.pass ? paint(c, '32', '✔') : paint(c, '31', '✖')} ${t.expr.padEnd(16)} actual ${thresholdValue(t.expr, t.actual)}`);
  }
  lines.push('');
  lines.push(`  ${r.pass ? paint(c, '32;1', 'PASS') : paint(c, '31;1', 'FAIL')}`);
  return lines.join('\n');
}

/** The "Where the loop was blocked" table, or one line saying why there is none. */
function formatBlockedAt(r: LoadTestReport, c: boolean): string[] {
  const a = r.attribution!;
  const rows = r.blockedAt ?? [];
  const out: string[] = [''];
  if (!a.available) {
    out.push(`  ${paint(c, '33', '!')} ${a.note ?? 'no attribution'}`);
    return out;
  }
  const loops = a.loops > 1 ? ` across ${a.loops} event loops` : '';
  if (!rows.length) {
    out.push(`  ${paint(c, '32', '✔')} The event loop was never blocked for more than a few milliseconds${loops} (runtime sampler)`);
    if (a.note) out.push(`    ${a.note}`);
    return out;
  }
  out.push(`  ${paint(c, '1', 'Where the loop was blocked')}  ${formatMs(a.blockedMs)} of ${formatMs(a.measuredMs)} measured${loops} (${pctOf(a.blockedShare)})`);
  const table = rows.slice(0, 15).map((b) => [
    `${b.file}:${b.line}`,
    b.call ? `${b.function} → ${b.call}` : b.function,
    formatMs(b.ms),
    pctOf(b.share),
    formatMs(b.maxMs),
    `×${b.count}`,
    b.predicted ? `predicted by ${b.predicted}` : 'not predicted',
  ]);
  const head = ['location', 'function', 'total', 'share', 'longest', 'blocks', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
  const fmt = (cells: string[]) => '    ' + cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ');
  out.push(paint(c, '2', fmt(head).trimEnd()));
  for (const [i, t] of table.entries()) out.push(rows[i].predicted ? fmt(t) : fmt(t.slice(0, -1)) + '  ' + paint(c, '33', t[t.length - 1]));
  if (rows.length > table.length) out.push(`    … ${rows.length - table.length} more in --json`);
  if (a.note) out.push(`    ${a.note}`);
  return out;
}

function pctOf(share: number): string {
  const p = share * 100;
  return `${p >= 10 ? Math.round(p) : Math.round(p * 10) / 10}%`;
}

/** A threshold's measured value with its unit (`54.9 ms`, `0.5%`, `48 req/s`). */
function thresholdValue(expr: string, actual: number | null): string {
  if (actual === null) return expr.trim().toLowerCase().startsWith('blocked') ? 'n/a (no runtime attribution: start the app with --app)' : 'n/a (not measured)';
  const metric = expr.split(/[<>=]/)[0].trim().toLowerCase();
  if (/(^|_)(p\d\d|max)$/.test(metric)) return formatMs(actual);
  if (metric === 'rps') return `${actual} req/s`;
  if (metric === 'stall') return actual ? 'stalled' : 'no stall';
  if (metric === 'blocked') return `${actual}%`;
  if (metric === 'errors' && expr.trim().endsWith('%')) return `${actual}%`;
  return String(actual);
}

/** One line of live progress for a terminal. */
export function formatProgress(p: { elapsedMs: number; totalMs: number; phase: string; completed: number; errors: number; inFlight: number; rps: number; p50: number | null; probeMs: number | null }): string {
  const pctDone = Math.min(100, Math.round((100 * p.elapsedMs) / Math.max(1, p.totalMs)));
  return `${p.phase.padEnd(7)} ${String(pctDone).padStart(3)}%  ${String(p.rps).padStart(7)} req/s  p50 ${p.p50 === null ? '—' : formatMs(p.p50)}  done ${p.completed}  errors ${p.errors}  in flight ${p.inFlight}${p.probeMs !== null ? `  probe ${formatMs(p.probeMs)}` : ''}`;
}
