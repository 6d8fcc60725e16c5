// Output formats of `loopsafe check`: text (ruff-like), the JSON contract, SARIF 2.1.0 and GitHub
// workflow annotations. Engine ranges are 0-based; every format here is 1-based.

import * as path from 'path';
import { RULES, renderRuleDocs, type FileAnalysis, type Finding } from '../engine/api';

export interface CheckStats {
  files: number;
  lines: number;
  ms: number;
}

const rel = (file: string, cwd: string): string => path.relative(cwd, file).split(path.sep).join('/') || path.basename(file);

export function toJson(results: FileAnalysis[], stats: CheckStats, cwd: string): string {
  const findings = results.flatMap((r) => r.findings).map((f) => ({
    rule: f.rule,
    severity: f.severity,
    file: rel(f.file, cwd),
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    message: f.message,
    handler: f.handler ? { name: f.handler.name, file: rel(f.handler.file, cwd), line: f.handler.range.start.line + 1, route: f.handler.route ?? null } : null,
    chain: f.chain.map((c) => ({ name: c.name, file: rel(c.file, cwd), line: c.range.start.line + 1 })),
    fixes: f.fixes.map((x) => ({ title: x.title, safety: x.safety, preferred: x.preferred })),
  }));
  return JSON.stringify({ version: 1, findings, stats: { files: stats.files, lines: stats.lines, ms: Math.round(stats.ms) } }, null, 2);
}

export function toText(results: FileAnalysis[], stats: CheckStats, cwd: string, color: boolean): string {
  const c = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sevColor: Record<string, string> = { error: '31', warning: '33', info: '36', hint: '2' };
  const lines: string[] = [];
  const all = results.flatMap((r) => r.findings);
  for (const f of all) {
    lines.push(`${c('1', `${rel(f.file, cwd)}:${f.range.start.line + 1}:${f.range.start.character + 1}`)}: ${c(sevColor[f.severity] ?? '0', f.severity)} ${c('1', f.rule)} ${f.message}`);
    const preferred = f.fixes.find((x) => x.preferred);
    if (preferred) lines.push(`  ${c('32', 'help')}: ${preferred.title}${preferred.safety === 'unsafe' ? ' (unsafe fix)' : ''}`);
  }
  const fileCount = new Set(all.map((f) => f.file)).size;
  const summary = `(${stats.files} files, ${stats.lines} lines in ${Math.round(stats.ms)} ms)`;
  lines.push(all.length === 0 ? `No problems found ${summary}` : `Found ${all.length} problem${all.length === 1 ? '' : 's'} in ${fileCount} file${fileCount === 1 ? '' : 's'} ${summary}`);
  return lines.join('\n');
}

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function toSarif(results: FileAnalysis[], cwd: string, version: string): string {
  const rules = [...RULES.values()].map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z])/g, (_m, _d, ch: string) => ch.toUpperCase()),
    shortDescription: { text: r.summary },
    fullDescription: { text: r.docs.whatItDoes },
    help: { text: r.docs.whyIsThisBad, markdown: renderRuleDocs(r) },
    defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const region = (range: Finding['range']) => ({
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  });
  const location = (file: string, range: Finding['range']) => ({
    physicalLocation: { artifactLocation: { uri: rel(file, cwd), uriBaseId: '%SRCROOT%' }, region: region(range) },
  });
  const sarifResults = results.flatMap((r) => r.findings).map((f) => ({
    ruleId: f.rule,
    ruleIndex: ruleIndex.get(f.rule),
    level: SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(f.file, f.range)],
    relatedLocations: f.related.map((x, i) => ({ id: i + 1, ...location(x.location.file, x.location.range), message: { text: x.message } })),
    fixes: f.fixes
      .filter((x) => x.safety === 'safe')
      .map((x) => ({
        description: { text: x.title },
        artifactChanges: groupByFile(x.edits).map(([file, edits]) => ({
          artifactLocation: { uri: rel(file, cwd), uriBaseId: '%SRCROOT%' },
          replacements: edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
        })),
      })),
  }));
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'Loopsafe', version, informationUri: 'https://github.com/loopsafe/loopsafe', rules } },
          originalUriBaseIds: { '%SRCROOT%': { uri: pathToUri(cwd) } },
          results: sarifResults,
        },
      ],
    },
    null,
    2,
  );
}

export function toGithub(results: FileAnalysis[], cwd: string): string {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escProp = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const cmd: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };
  return results
    .flatMap((r) => r.findings)
    .map(
      (f) =>
        `::${cmd[f.severity]} file=${escProp(rel(f.file, cwd))},line=${f.range.start.line + 1},col=${f.range.start.character + 1},endLine=${f.range.end.line + 1},endColumn=${f.range.end.character + 1},title=${escProp(f.rule)}::${esc(f.message)}`,
    )
    .join('\n');
}

function groupByFile<T extends { file: string }>(edits: T[]): [string, T[]][] {
  const map = new Map<string, T[]>();
  for (const e of edits) map.set(e.file, [...(map.get(e.file) ?? []), e]);
  return [...map];
}

function pathToUri(dir: string): string {
  const p = dir.split(path.sep).join('/');
  return `file://${p.startsWith('/') ? '' : '/'}${encodeURI(p)}${p.endsWith('/') ? '' : '/'}`;
}
