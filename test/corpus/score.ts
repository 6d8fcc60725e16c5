// Accuracy benchmark (`npm run corpus`): runs the engine over every labelled app under test/corpus/<lang>/,
// one fresh cross-file Workspace per app, and prints precision and recall per rule with every FP and FN.

import * as fs from 'fs';
import * as path from 'path';
import { Engine, Workspace, defaultWasmDir, discoverFiles, languageOf, RULE_IDS } from '../../src/engine/api';
import { readExpectations } from '../helpers/annotations';
import { matchFindings, ruleScore, ruleTable, type Found, type Label, type RuleScore, type Tally } from '../helpers/score-match';

/**
 * Rules every app labels; findings of other rules are counted but not scored, except in apps that declare
 * they label them too (`# corpus: labels llm-call-without-timeout` in any of their files).
 */
const SCORED = ['blocking-llm-call', 'await-on-sync-call', 'unawaited-llm-call', 'async-client-in-sync-handler', 'blocking-call-in-async-handler'] as const;
/** The rules issue #4 sets targets for. */
const TARGETS: Record<string, { precision: number; recall: number }> = {
  'blocking-llm-call': { precision: 0.95, recall: 0.9 },
  'await-on-sync-call': { precision: 0.95, recall: 0.9 },
  'unawaited-llm-call': { precision: 0.95, recall: 0.9 },
};
/** Rule ids an annotation may name: the registered rules plus the labelled ones not implemented yet. */
const KNOWN_RULES = new Set<string>([...RULE_IDS, ...SCORED]);
/** `# corpus: labels rule-a, rule-b`: the app labels these rules fully (every finding of them is scored). */
const OPT_IN = /^[ \t]*(?:#|\/\/)[ \t]*corpus:[ \t]*labels[ \t]+([a-z0-9, \t-]+)$/gm;
/** Server and proxy configs (nginx, Procfile, vercel.json...) are part of the app: they set its limits. */
const LANGS: Record<string, (file: string) => boolean> = {
  python: (f) => f.endsWith('.py') || languageOf(f) === undefined,
  js: (f) => !f.endsWith('.py'),
};

interface Miss {
  kind: 'FP' | 'FN';
  lang: string;
  app: string;
  /** Relative to the corpus root. */
  file: string;
  /** 1-based. */
  line: number;
  rule: string;
  /** The engine's message (FP) or the labelled source line (FN). */
  message: string;
}

interface LangScore {
  apps: number;
  files: number;
  labels: number;
  findings: number;
  unscoredFindings: Record<string, number>;
  rules: Record<string, RuleScore>;
}

interface Options {
  json: boolean;
  check: boolean;
  filter?: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { json: false, check: false };
  for (const a of argv) {
    if (a === '--json') opts.json = true;
    else if (a === '--check') opts.check = true;
    else if (a === '-h' || a === '--help') {
      console.log('usage: node out/corpus.js [--json] [--check] [app-name-substring]');
      process.exit(0);
    } else if (!a.startsWith('-')) opts.filter = a;
  }
  return opts;
}

function corpusRoot(): string {
  const candidates = [path.resolve(process.cwd(), 'test/corpus'), path.resolve(__dirname, '../test/corpus'), __dirname];
  for (const c of candidates) if (fs.existsSync(path.join(c, 'python')) || fs.existsSync(path.join(c, 'js'))) return c;
  throw new Error('test/corpus not found: run from the repository root');
}

function appDirs(langDir: string, filter: string | undefined): string[] {
  if (!fs.existsSync(langDir)) return [];
  return fs
    .readdirSync(langDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && (!filter || e.name.includes(filter)))
    .map((e) => path.join(langDir, e.name))
    .sort();
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const root = corpusRoot();
  const engine = await Engine.create(defaultWasmDir(path.resolve(__dirname, '../dist')));
  const scores: Record<string, LangScore> = {};
  const misses: Miss[] = [];
  const warnings: string[] = [];
  const t0 = performance.now();

  for (const [lang, accepts] of Object.entries(LANGS)) {
    const apps = appDirs(path.join(root, lang), opts.filter);
    if (apps.length === 0) continue;
    const score: LangScore = { apps: apps.length, files: 0, labels: 0, findings: 0, unscoredFindings: {}, rules: {} };
    const counts = new Map<string, Tally>(SCORED.map((r) => [r, { tp: 0, fp: 0, fn: 0 }]));

    for (const appDir of apps) {
      const app = path.basename(appDir);
      const files = discoverFiles([appDir]).files.filter(accepts);
      const ws = new Workspace(engine);
      const scored = new Set<string>(SCORED);
      // Expected (file, line, rule), with the labelled line's text for the FN listing.
      const labels: Label[] = [];
      for (const file of files) {
        const note = ws.load(file);
        if (note) warnings.push(note);
        const text = ws.text(file) ?? '';
        OPT_IN.lastIndex = 0;
        for (let m = OPT_IN.exec(text); m; m = OPT_IN.exec(text)) {
          for (const rule of m[1].split(',').map((r) => r.trim()).filter(Boolean)) {
            if (!(RULE_IDS as readonly string[]).includes(rule)) warnings.push(`${path.relative(root, file)}: unknown rule id in \`corpus: labels\`: ${rule}`);
            else scored.add(rule);
          }
        }
      }
      for (const file of files) {
        const text = ws.text(file) ?? '';
        const lines = text.split('\n');
        for (const e of readExpectations(text)) {
          if (!KNOWN_RULES.has(e.rule)) {
            warnings.push(`${path.relative(root, file)}:${e.line + 1}: unknown rule id in annotation: ${e.rule}`);
            continue;
          }
          if (!scored.has(e.rule)) {
            warnings.push(`${path.relative(root, file)}:${e.line + 1}: ${e.rule} is labelled but the app does not declare \`corpus: labels ${e.rule}\``);
            continue;
          }
          const lineText = (lines[e.line] ?? '').trim().replace(/\s*(#|\/\/)\s*expect:.*$/, '');
          labels.push({ file, line: e.line, rule: e.rule, note: lineText });
          score.labels++;
        }
      }
      score.files += files.length;

      const found: Found[] = [];
      for (const result of ws.analyzeAll()) {
        for (const f of result.findings) {
          score.findings++;
          if (!scored.has(f.rule)) {
            score.unscoredFindings[f.rule] = (score.unscoredFindings[f.rule] ?? 0) + 1;
            continue;
          }
          found.push({ file: result.file, line: f.range.start.line, rule: f.rule, message: f.message });
        }
      }

      // Multiset match on (file, line, rule).
      for (const m of matchFindings(labels, found, [...scored], counts)) misses.push({ ...m, lang, app, file: path.relative(root, m.file) });
    }

    for (const [rule, c] of counts) score.rules[rule] = ruleScore(c, TARGETS[rule]);
    scores[lang] = score;
  }

  const ms = performance.now() - t0;
  const pass = Object.values(scores).every((l) => Object.values(l.rules).every((r) => r.meetsTarget !== false));
  misses.sort((a, b) => a.lang.localeCompare(b.lang) || a.rule.localeCompare(b.rule) || a.kind.localeCompare(b.kind) || a.file.localeCompare(b.file) || a.line - b.line);

  if (opts.json) {
    console.log(JSON.stringify({ version: 1, ms: Math.round(ms), pass, languages: scores, misses, warnings }, null, 2));
  } else {
    printText(scores, misses, warnings, ms, pass);
  }
  if (opts.check && !pass) process.exitCode = 1;
}

function printText(scores: Record<string, LangScore>, misses: Miss[], warnings: string[], ms: number, pass: boolean): void {
  for (const w of warnings) console.log(`warning: ${w}`);
  for (const [lang, s] of Object.entries(scores)) {
    console.log(`\n${lang}: ${s.apps} apps, ${s.files} files, ${s.labels} labels, ${s.findings} findings`);
    for (const line of ruleTable(s.rules)) console.log(line);
    const unscored = Object.entries(s.unscoredFindings);
    if (unscored.length > 0) console.log(`  not scored (no labels for these rules): ${unscored.map(([r, n]) => `${r} ×${n}`).join(', ')}`);
    const mine = misses.filter((m) => m.lang === lang);
    if (mine.length === 0) continue;
    console.log(`\n  ${lang} misses (${mine.length}):`);
    let group = '';
    for (const m of mine) {
      const g = `${m.rule} ${m.kind}`;
      if (g !== group) {
        group = g;
        console.log(`  ${m.kind === 'FP' ? 'false positives' : 'false negatives'} — ${m.rule}:`);
      }
      console.log(`    ${m.file}:${m.line} ${m.rule}: ${m.message}`);
    }
  }
  console.log(`\n${pass ? 'all targets met' : 'targets missed'} (${(ms / 1000).toFixed(1)} s)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 2;
});
