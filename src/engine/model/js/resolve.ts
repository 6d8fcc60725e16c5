// Resolves JavaScript/TypeScript import specifiers to workspace files: relative paths (extension and
// `index` probing, `.js` written for a `.ts` source), tsconfig/jsconfig `baseUrl` and `paths`. Packages
// stay unresolved. Pure: the caller supplies `exists`, so the editor and the CLI resolve alike.

import * as path from 'path';

export interface TsPaths {
  /** Absolute directory non-relative specifiers and `paths` targets are resolved against. */
  baseUrl: string;
  /** `paths` entries in declaration order: pattern (at most one `*`) → target patterns. */
  paths: [string, string[]][];
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** A `.js` specifier may name a TypeScript source (`./x.js` → `./x.ts` under node16 resolution). */
const SOURCE_FOR: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'], '.jsx': ['.tsx'] };

/** Reads `compilerOptions.baseUrl` and `paths` from a tsconfig/jsconfig text (comments and trailing commas allowed). */
export function readTsconfigPaths(configFile: string, text: string): TsPaths | undefined {
  let json: { compilerOptions?: { baseUrl?: unknown; paths?: unknown } };
  try {
    json = JSON.parse(stripJsonc(text));
  } catch {
    return undefined;
  }
  const opts = json?.compilerOptions;
  if (!opts || (opts.baseUrl === undefined && opts.paths === undefined)) return undefined;
  const dir = path.dirname(configFile);
  const baseUrl = typeof opts.baseUrl === 'string' ? path.resolve(dir, opts.baseUrl) : dir;
  const paths: [string, string[]][] = [];
  if (opts.paths && typeof opts.paths === 'object') {
    for (const [pattern, targets] of Object.entries(opts.paths as Record<string, unknown>)) {
      if (Array.isArray(targets)) paths.push([pattern, targets.filter((t): t is string => typeof t === 'string')]);
    }
  }
  return { baseUrl, paths };
}

/** JSON with comments and trailing commas → JSON (strings are left intact). */
function stripJsonc(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (ch === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      if (i === -1) break;
      i++;
    } else out += ch;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

/** The file `base` names, probing extensions and `index` files. */
function probe(base: string, exists: (file: string) => boolean): string | undefined {
  const ext = path.extname(base);
  if (SOURCE_FOR[ext]) {
    for (const src of SOURCE_FOR[ext]) {
      const candidate = base.slice(0, -ext.length) + src;
      if (exists(candidate)) return candidate;
    }
  }
  if (EXTENSIONS.includes(ext) && exists(base)) return base;
  for (const e of EXTENSIONS) if (exists(base + e)) return base + e;
  for (const e of EXTENSIONS) {
    const index = path.join(base, 'index' + e);
    if (exists(index)) return index;
  }
  return undefined;
}

/** The workspace file an import of `specifier` from `fromFile` loads, or undefined (a package, or not found). */
export function resolveJsImport(fromFile: string, specifier: string, exists: (file: string) => boolean, tsPaths?: TsPaths): string | undefined {
  const spec = specifier.replace(/[?#].*$/, '');
  if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') return probe(path.resolve(path.dirname(fromFile), spec), exists);
  if (path.isAbsolute(spec)) return probe(spec, exists);
  if (!tsPaths) return undefined;
  // `paths`: the longest matching prefix wins, exact patterns first (as TypeScript does).
  let best: { targets: string[]; star: string; prefixLength: number } | undefined;
  for (const [pattern, targets] of tsPaths.paths) {
    const star = pattern.indexOf('*');
    if (star === -1) {
      if (pattern === spec) {
        best = { targets, star: '', prefixLength: Infinity };
        break;
      }
      continue;
    }
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (spec.length >= prefix.length + suffix.length && spec.startsWith(prefix) && spec.endsWith(suffix) && (!best || prefix.length > best.prefixLength)) {
      best = { targets, star: spec.slice(prefix.length, spec.length - suffix.length), prefixLength: prefix.length };
    }
  }
  if (best) {
    for (const t of best.targets) {
      const hit = probe(path.resolve(tsPaths.baseUrl, t.replace('*', best.star)), exists);
      if (hit) return hit;
    }
  }
  // `baseUrl` alone makes non-relative specifiers resolve against it before packages.
  return probe(path.resolve(tsPaths.baseUrl, spec), exists);
}
