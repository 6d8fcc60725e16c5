// The project config's extension points for JavaScript/TypeScript: the team's blocking functions and LLM
// client wrappers, by package (`@acme/db.query`) or by module path relative to the config (`./src/lib/db.query`).

import * as path from 'path';

/** Extensions a module specifier may be written with or without; `x/index` is the module `x`. */
const MODULE_SUFFIX = /(?:\.(?:[cm]?[jt]sx?))?$/;

/** An absolute module path without its extension or trailing `/index`: how both sides are compared. */
export function normalizeModulePath(abs: string): string {
  const p = path.resolve(abs).replace(MODULE_SUFFIX, '');
  return p.endsWith(`${path.sep}index`) ? p.slice(0, -(path.sep.length + 5)) : p;
}

/** True for a name written as a module path relative to the config's folder (`./lib/db.query`). */
export function isRelativeName(qname: string): boolean {
  return qname.startsWith('./') || qname.startsWith('../');
}

/**
 * The key a configured name is registered under: a package name as written (`@acme/db.query`), a relative
 * module as the absolute, normalized module path plus `.member`. The member is what follows the last dot.
 */
export function projectKey(qname: string, root: string): string {
  if (!isRelativeName(qname)) return qname;
  const dot = qname.lastIndexOf('.');
  if (dot <= qname.lastIndexOf('/')) return normalizeModulePath(path.resolve(root, qname));
  return `${normalizeModulePath(path.resolve(root, qname.slice(0, dot)))}.${qname.slice(dot + 1)}`;
}

let relativeKeys = new Set<string>();
let needles: string[] = [];

/** Records the configured names (keys from `projectKey`): relative ones are matched per importing file. */
export function setJsProjectNames(keys: { key: string; written: string }[]): void {
  relativeKeys = new Set(keys.filter((k) => path.isAbsolute(k.key)).map((k) => k.key));
  // What an import of each name must contain: the package, or the module file's own name.
  needles = [...new Set(keys.map((k) => (isRelativeName(k.written) ? `/${path.basename(k.key.slice(0, k.key.lastIndexOf('.')) || k.key)}` : k.written.slice(0, Math.max(k.written.lastIndexOf('.'), 1)))))];
}

/**
 * The registered key for a qualified name as a file's model spells it (`../lib/db.query` imported in
 * `src/routes/chat.ts`); the name itself when no relative project name matches.
 */
export function projectQname(qname: string, file: string | undefined): string {
  if (relativeKeys.size === 0 || !file || !qname.startsWith('.')) return qname;
  // The specifier may contain dots (`./db.service`): every cut after the last slash is tried.
  for (let i = qname.length - 1; i > qname.lastIndexOf('/'); i--) {
    if (qname[i] !== '.') continue;
    const key = `${normalizeModulePath(path.resolve(path.dirname(file), qname.slice(0, i)))}.${qname.slice(i + 1)}`;
    if (relativeKeys.has(key)) return key;
  }
  return qname;
}

/** True when the text may import one of the configured names (the analysis prefilter). */
export function mentionsJsProjectName(text: string): boolean {
  for (const n of needles) if (text.includes(n)) return true;
  return false;
}
