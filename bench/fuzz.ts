// Fuzz and fix-safety benchmark (`npm run fuzz`): the corpus and seeded mutations of it streamed through
// the built language server over LSP, every fix checked by the languages' own parsers. Options:
// --seed N, --fix-files N (0: all), --mutations N, --huge-chars N, --fresh-checks N, --json.

import * as path from 'path';
import { runFuzz, type FuzzReport } from '../test/helpers/fuzz-harness';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`--${name} needs a number ≥ 0, got ${process.argv[i + 1]}`);
    process.exit(2);
  }
  return n;
}

function print(r: FuzzReport): void {
  const lines = [
    `seed ${r.seed}: ${r.corpusFiles} corpus files, ${r.seconds} s`,
    `fixes: ${r.fixesApplied} applied on ${r.fixFilesChecked} files with findings, ${r.suppressionsApplied} suppressions, ${r.fixAllRuns} fix-all runs`,
    `mutations: ${r.mutations} documents, ${r.requests} requests, ${r.freshComparisons} incremental-vs-fresh comparisons`,
    `crashes ${r.crashes}, request errors ${r.requestErrors}, internal errors ${r.internalErrors}, peak server RSS ${r.peakRssMb} MB`,
    `problems: ${r.problems.length}`,
    ...r.problems.slice(0, 60).map((p) => `  ${p.file}: ${p.what} (${p.detail})`),
    `notes (fixes after which another rule reports more; review): ${r.notes.length}`,
    ...r.notes.slice(0, 20).map((p) => `  ${p.file}: ${p.what} (${p.detail})`),
  ];
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const repo = path.resolve(__dirname, '../..');
  const report = await runFuzz({
    repo,
    serverPath: path.join(repo, 'dist/server.js'),
    seed: arg('seed', 1),
    fixFiles: arg('fix-files', 0),
    mutations: arg('mutations', 400),
    hugeChars: arg('huge-chars', 1_000_000),
    freshChecks: arg('fresh-checks', 4),
    log: process.argv.includes('--verbose') ? (l) => console.error(l) : undefined,
  });
  if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else print(report);
  process.exit(report.problems.length === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : String(err));
  process.exit(2);
});
