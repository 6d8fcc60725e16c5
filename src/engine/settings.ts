// Normalizes untrusted settings (editor or CLI) into safe values: unknown rule ids and bad
// severities are dropped with a note, never thrown.

import type { RuleId, SeveritySetting } from './types';

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

export interface NormalizedRules {
  overrides: Partial<Record<RuleId, SeveritySetting>>;
  problems: string[];
}

export function normalizeRuleSeverities(raw: unknown, knownRules: readonly string[]): NormalizedRules {
  const overrides: Partial<Record<RuleId, SeveritySetting>> = {};
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { overrides, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`loopsafe.rules must be an object mapping rule id to severity; got ${describe(raw)}`);
    return { overrides, problems };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!knownRules.includes(key)) {
      problems.push(`loopsafe.rules: unknown rule "${key}" ignored`);
      continue;
    }
    const sev = typeof value === 'string' ? value.trim().toLowerCase() : value;
    if (typeof sev === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(sev)) {
      overrides[key as RuleId] = sev as SeveritySetting;
    } else {
      problems.push(`loopsafe.rules.${key}: "${String(value)}" is not one of ${SEVERITY_SETTINGS.join('|')}; default kept`);
    }
  }
  return { overrides, problems };
}

export function normalizeNumber(raw: unknown, fallback: number, min: number, max: number): number {
  const n = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}

export function normalizeBoolean(raw: unknown, fallback: boolean): boolean {
  return typeof raw === 'boolean' ? raw : fallback;
}

export function normalizeStringArray(raw: unknown, fallback: string[]): string[] {
  if (!Array.isArray(raw)) return fallback;
  return raw.filter((x): x is string => typeof x === 'string' && x.length > 0);
}

function describe(v: unknown): string {
  return Array.isArray(v) ? 'an array' : typeof v;
}
