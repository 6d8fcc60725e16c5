// Baselined findings in the language server: the baseline named by the project config (or a
// `.loopsafe-baseline.json` beside the config or in a workspace folder) greys out or hides old findings.

import * as fs from 'fs';
import * as path from 'path';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import { Baseline, DEFAULT_BASELINE_NAME, baselineEntries, type Finding, type Workspace } from '../engine/api';

export type BaselineMode = 'dim' | 'hide' | 'show';

export class ServerBaseline {
  private readonly cache = new Map<string, Baseline | null>();

  constructor(private readonly log: (message: string) => void) {}

  static readonly globs = [`**/${DEFAULT_BASELINE_NAME}`];

  /** True when `file` is a baseline file this server read (or the default name): reload on change. */
  isBaselineFile(file: string): boolean {
    return path.basename(file) === DEFAULT_BASELINE_NAME || this.cache.has(file);
  }

  invalidate(): void {
    this.cache.clear();
  }

  /** The baseline that applies to `file`: its config's `baseline`, else the default name beside the config, else in a workspace folder. */
  forFile(workspace: Workspace, file: string, folders: string[]): Baseline | undefined {
    const cfg = workspace.configFor(file);
    const candidates = cfg?.baseline ? [cfg.baseline] : [
      ...(cfg ? [path.join(cfg.root, DEFAULT_BASELINE_NAME)] : []),
      ...folders.filter((f) => file.startsWith(f + path.sep)).map((f) => path.join(f, DEFAULT_BASELINE_NAME)),
    ];
    for (const c of candidates) {
      const b = this.load(c, cfg?.baseline === c);
      if (b) return b;
    }
    return undefined;
  }

  private load(file: string, named: boolean): Baseline | undefined {
    const known = this.cache.get(file);
    if (known !== undefined) return known ?? undefined;
    if (!named && !fs.existsSync(file)) {
      this.cache.set(file, null);
      return undefined;
    }
    const { baseline, problem } = Baseline.read(file);
    if (problem) this.log(problem);
    this.cache.set(file, baseline ?? null);
    return baseline;
  }

  /** The file's diagnostics with its baselined findings greyed out (`dim`: hint, Unnecessary tag) or dropped (`hide`). */
  apply(workspace: Workspace, file: string, folders: string[], findings: Finding[], diagnostics: Diagnostic[], mode: BaselineMode): Diagnostic[] {
    if (mode === 'show' || findings.length === 0) return diagnostics;
    const baseline = this.forFile(workspace, file, folders);
    const text = workspace.text(file);
    if (!baseline || text === undefined) return diagnostics;
    const entries = baselineEntries(workspace.engine, baseline.root, file, text, findings);
    const out: Diagnostic[] = [];
    diagnostics.forEach((d, i) => {
      if (!baseline.has(entries[i].fingerprint)) out.push(d);
      else if (mode === 'dim') out.push({ ...d, severity: DiagnosticSeverity.Hint, tags: [...(d.tags ?? []), DiagnosticTag.Unnecessary], message: `(baseline) ${d.message}` });
    });
    return out;
  }
}
