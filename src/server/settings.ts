// Loopsafe settings as the server sees them: raw values from the client, normalized with safe
// defaults (never trusted), plus the one-line problems to log.

import { normalizeBoolean, normalizeNumber, normalizeRuleSeverities, normalizeStringArray, RULE_IDS, type AnalyzeOptions } from '../engine/api';

export interface Settings {
  enable: boolean;
  debounceMs: number;
  scanOnStartup: boolean;
  exclude: string[];
  /** "Load test" CodeLens above each route. */
  codeLens: boolean;
  /** Findings recorded in the baseline: greyed out (`dim`), hidden, or shown like the others. */
  baseline: 'dim' | 'hide' | 'show';
  analyze: AnalyzeOptions;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, debounceMs: 250, scanOnStartup: true, exclude: [], codeLens: true, baseline: 'dim', analyze: {} };

export function parseSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const obj = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const problems: string[] = [];
  if (raw !== undefined && raw !== null && obj !== raw) problems.push('loopsafe settings: expected an object; defaults used');
  const rules = normalizeRuleSeverities(obj.rules, RULE_IDS);
  problems.push(...rules.problems);
  const debounce = obj.debounceMs;
  if (debounce !== undefined && (typeof debounce !== 'number' || !Number.isFinite(debounce) || debounce < 0)) problems.push(`loopsafe.debounceMs: "${String(debounce)}" is not a number of milliseconds; 250 used`);
  const baseline = obj.baseline === undefined || obj.baseline === 'dim' || obj.baseline === 'hide' || obj.baseline === 'show' ? ((obj.baseline as Settings['baseline'] | undefined) ?? 'dim') : 'dim';
  if (obj.baseline !== undefined && baseline !== obj.baseline) problems.push(`loopsafe.baseline: "${String(obj.baseline)}" is not dim, hide or show; dim used`);
  if (obj.enable !== undefined && typeof obj.enable !== 'boolean') problems.push(`loopsafe.enable: "${String(obj.enable)}" is not true or false; true used`);
  return {
    settings: {
      enable: normalizeBoolean(obj.enable, true),
      debounceMs: normalizeNumber(debounce, 250, 0, 5000),
      scanOnStartup: normalizeBoolean(obj.scanOnStartup, true),
      exclude: normalizeStringArray(obj.exclude, []),
      codeLens: normalizeBoolean((obj.loadTest as Record<string, unknown> | undefined)?.codeLens, true),
      baseline,
      analyze: { rules: rules.overrides, fixTimeoutSeconds: normalizeNumber((obj.fix as Record<string, unknown> | undefined)?.timeoutSeconds, 30, 1, 3600) },
    },
    problems,
  };
}
