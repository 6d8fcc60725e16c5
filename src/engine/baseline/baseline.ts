// Baseline files (`.loopsafe-baseline.json`): today's findings recorded by fingerprint, so later runs and
// the editor report only new ones. Read defensively (a bad file is one message, never a crash).

import * as fs from 'fs';
import * as path from 'path';
import type { Engine } from '../engine';
import type { Finding } from '../types';
import { fingerprints, normalizedCode } from './fingerprint';

export const DEFAULT_BASELINE_NAME = '.loopsafe-baseline.json';

export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  /** Relative to the baseline file's folder, `/`-separated. */
  file: string;
  function: string;
  code: string;
  /** 1-based, for people reading the file; not part of the fingerprint. */
  line: number;
}

export class Baseline {
  private readonly set: Set<string>;

  constructor(
    /** Absolute path of the baseline file; fingerprints' paths are relative to its folder. */
    readonly file: string,
    readonly entries: BaselineEntry[],
  ) {
    this.set = new Set(entries.map((e) => e.fingerprint));
  }

  get root(): string {
    return path.dirname(this.file);
  }

  has(fingerprint: string): boolean {
    return this.set.has(fingerprint);
  }

  /** Reads a baseline file: the baseline, or a one-line problem (missing, not JSON, wrong shape). */
  static read(file: string): { baseline?: Baseline; problem?: string; missing?: boolean } {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return { problem: `${file}: cannot read the baseline (${code ?? String(err)})`, missing: code === 'ENOENT' };
    }
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (err) {
      return { problem: `${file}: the baseline is not valid JSON (${err instanceof Error ? err.message : String(err)}); every finding is reported` };
    }
    const findings = (json as { findings?: unknown })?.findings;
    if (!Array.isArray(findings)) return { problem: `${file}: the baseline has no "findings" list; every finding is reported` };
    const entries = findings.filter((e): e is BaselineEntry => typeof e === 'object' && e !== null && typeof (e as BaselineEntry).fingerprint === 'string');
    return { baseline: new Baseline(file, entries) };
  }

  /** The JSON text of a baseline with these entries (sorted, so re-recording gives small diffs). */
  static serialize(entries: BaselineEntry[]): string {
    const sorted = [...entries].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule) || a.fingerprint.localeCompare(b.fingerprint));
    return (
      JSON.stringify(
        {
          version: 1,
          tool: 'loopsafe',
          note: 'Findings recorded by `loopsafe check --baseline`: they are not reported again. Fingerprints are the rule, file, enclosing function and code; line numbers are informative.',
          findings: sorted,
        },
        null,
        2,
      ) + '\n'
    );
  }
}

/** Baseline entries for one file's findings (same order as `findings`); `root` is the baseline's folder. */
export function baselineEntries(engine: Engine, root: string, file: string, text: string, findings: Finding[]): BaselineEntry[] {
  const relFile = path.relative(root, file).split(path.sep).join('/');
  const names = engine.enclosingNames(file, text, findings);
  const inputs = findings.map((f, i) => ({ rule: f.rule, file: relFile, function: names[i], code: normalizedCode(text, f) }));
  const prints = fingerprints(inputs);
  return inputs.map((x, i) => ({ fingerprint: prints[i], rule: x.rule, file: x.file, function: x.function, code: x.code.slice(0, 120), line: findings[i].range.start.line + 1 }));
}
