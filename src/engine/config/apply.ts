// How a project config changes one file's analysis: rule severities, select/ignore and the fix timeout
// over the editor's settings, and `[server-limit]` overrides over the limits the workspace's files set.

import type { AnalyzeOptions } from '../engine';
import type { ServerLimit } from '../limits/server-limits';
import type { RuleId, SeveritySetting } from '../types';
import type { LimitOverride, ProjectConfig } from './project-config';

/**
 * The options for a file under `cfg`: what the config sets wins (the team's file is what CI runs), the
 * editor's settings (`base`) fill in what it leaves unset; `ignore` turns rules off.
 */
export function optionsWithConfig(base: AnalyzeOptions, cfg: ProjectConfig | undefined, over?: AnalyzeOptions): AnalyzeOptions {
  if (!cfg && !over) return base;
  const rules: Partial<Record<RuleId, SeveritySetting>> = { ...base.rules, ...cfg?.rules };
  for (const id of cfg?.ignore ?? []) rules[id] = 'off';
  // Command-line flags (`--select`, `--rules`) win over the file.
  Object.assign(rules, over?.rules);
  return {
    ...base,
    rules,
    select: over?.select ?? cfg?.select ?? base.select,
    fixTimeoutSeconds: over?.fixTimeoutSeconds ?? cfg?.fixTimeoutSeconds ?? base.fixTimeoutSeconds,
  };
}

/** Detected limit kinds each override replaces. */
const REPLACES: Record<LimitOverride['key'], ServerLimit['kind'][]> = {
  'proxy-timeout': ['nginx', 'cloudflare', 'proxy'],
  'request-timeout': ['vercel', 'lambda', 'platform'],
  'gunicorn-timeout': ['gunicorn'],
};

/**
 * The limits after the config's overrides: each override replaces the detected limits of its kinds
 * (`"off"` just removes them) and stands as a limit of its own, pointing at the config line.
 */
export function limitsWithConfig(limits: ServerLimit[], cfg: ProjectConfig | undefined): ServerLimit[] {
  if (!cfg || cfg.serverLimits.length === 0) return limits;
  const drop = new Set(cfg.serverLimits.flatMap((o) => REPLACES[o.key]));
  const out = limits.filter((l) => !drop.has(l.kind) || l.onlyFile !== undefined || l.onlyDir !== undefined || l.onlyModule !== undefined);
  for (const o of cfg.serverLimits) {
    if (o.seconds === null) continue;
    const kind: ServerLimit['kind'] = o.key === 'proxy-timeout' ? 'proxy' : o.key === 'request-timeout' ? 'platform' : 'gunicorn';
    out.push({
      kind,
      seconds: o.seconds,
      file: cfg.file,
      range: { start: { line: o.line, character: 0 }, end: { line: o.line, character: 0 } },
      label: `\`${o.key} = ${o.seconds} s\` (project config)`,
    });
  }
  return out;
}
