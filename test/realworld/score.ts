// Real-code benchmark (`npm run corpus:real`): scores the engine on the public files named by
// test/realworld/manifest.json, read from the git-ignored cache (see DEVELOPERS.md for how to fill it).

import * as fs from 'fs';
import * as path from 'path';
import { Engine, defaultWasmDir } from '../../src/engine/api';
import { ruleTable } from '../helpers/score-match';
import { readManifest, scoreManifest, type LangResult, type RealResult } from './realworld';

interface Options {
  json: boolean;
  check: boolean;
  filter?: string;
  manifest?: string;
  cache?: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { json: false, check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') opts.json = true;
    else if (a === '--check') opts.check = true;
    else if (a === '--manifest') opts.manifest = argv[++i];
    else if (a === '--cache') opts.cache = argv[++i];
    else if (a === '-h' || a === '--help') {
      console.log('usage: npm run corpus:real -- [--json] [--check] [--manifest FILE] [--cache DIR] [app-id-substring]');
      process.exit(0);
    } else if (!a.startsWith('-')) opts.filter = a;
    else {
      console.error(`unknown option: ${a}`);
      process.exit(2);
    }
  }
  return opts;
}

function realRoot(): string {
  const candidates = [path.resolve(process.cwd(), 'test/realworld'), path.resolve(__dirname, '../test/realworld')];
  for (const c of candidates) if (fs.existsSync(path.join(c, 'manifest.json'))) return c;
  throw new Error('test/realworld/manifest.json not found: run from the repository root');
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const root = opts.manifest ? path.dirname(path.resolve(opts.manifest)) : realRoot();
  const manifestFile = opts.manifest ? path.resolve(opts.manifest) : path.join(root, 'manifest.json');
  const cacheRoot = opts.cache ? path.resolve(opts.cache) : path.join(root, '.cache');
  const { manifest, errors } = readManifest(manifestFile);
  const engine = await Engine.create(defaultWasmDir(path.resolve(__dirname, '../dist')));
  const t0 = performance.now();
  const result = scoreManifest(engine, manifest, cacheRoot, opts.filter);
  const ms = performance.now() - t0;
  if (opts.json) {
    console.log(JSON.stringify({ ...result, manifestErrors: errors, ms: Math.round(ms) }, null, 2));
  } else {
    printText(result, errors, cacheRoot, ms);
  }
  if (opts.check && (!result.pass || errors.length > 0 || result.cache.length > 0)) process.exitCode = 1;
}

function header(name: string, r: LangResult): string {
  const skipped = r.apps - r.appsScored;
  return `${name}: ${r.appsScored} apps scored${skipped > 0 ? ` (${skipped} skipped: cache incomplete)` : ''}, ${r.files} files, ${r.labels} labels, ${r.findings} findings`;
}

function printText(result: RealResult, errors: string[], cacheRoot: string, ms: number): void {
  for (const e of errors) console.log(`manifest error: ${e}`);
  for (const w of result.warnings) console.log(`warning: ${w}`);
  if (result.cache.length > 0) {
    const missing = result.cache.filter((c) => c.problem === 'missing');
    const differ = result.cache.filter((c) => c.problem !== 'missing');
    console.log(`\nCACHE INCOMPLETE (${cacheRoot}): ${result.skippedApps.length} app(s) not scored: ${result.skippedApps.join(', ')}`);
    if (missing.length > 0) {
      console.log(`  missing (${missing.length}):`);
      for (const c of missing) console.log(`    ${c.app}: ${path.relative(process.cwd(), c.cached)}`);
    }
    if (differ.length > 0) {
      console.log(`  not the manifest's version (${differ.length}):`);
      for (const c of differ) console.log(`    ${c.app}: ${path.relative(process.cwd(), c.cached)}: ${c.detail}`);
    }
    console.log('  Fill the cache as DEVELOPERS.md says ("Real-code benchmark"); the other apps are scored below.');
  }
  for (const [lang, r] of Object.entries(result.languages)) {
    console.log(`\n${header(lang, r)}`);
    for (const line of ruleTable(r.rules)) console.log(line);
  }
  if (Object.keys(result.languages).length > 1) {
    console.log(`\n${header('all languages', result.all)}`);
    for (const line of ruleTable(result.all.rules)) console.log(line);
  }
  if (result.misses.length > 0) {
    console.log(`\nmisses (${result.misses.length}):`);
    let group = '';
    for (const m of result.misses) {
      const g = `${m.lang} ${m.rule} ${m.kind}`;
      if (g !== group) {
        group = g;
        console.log(`  ${m.lang} ${m.kind === 'FP' ? 'false positives' : 'false negatives'} — ${m.rule}:`);
      }
      console.log(`    [${m.app}] ${m.file}:${m.line}: ${m.message}`);
      if (m.source) console.log(`        | ${m.source.length > 140 ? `${m.source.slice(0, 140)}…` : m.source}`);
    }
  }
  console.log(`\n${result.pass ? 'all targets met' : 'targets missed'} (${(ms / 1000).toFixed(1)} s)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 2;
});
