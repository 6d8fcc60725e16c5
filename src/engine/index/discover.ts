// Finds the source files under a set of roots: skips dependency, build and VCS folders, follows no
// symlinked directories twice (loops), and stops at a file-count cap with a note.

import * as fs from 'fs';
import * as path from 'path';
import { languageOf } from '../engine';
import { isServerConfigFile } from '../limits/server-limits';

export const DEFAULT_EXCLUDED_DIRS = new Set([
  'node_modules', '.git', '.hg', '.svn', '__pycache__', '.venv', 'venv', 'env', '.env', '.tox', '.nox',
  '.mypy_cache', '.pytest_cache', '.ruff_cache', 'dist', 'build', 'out', '.next', '.vercel', '.turbo',
  'site-packages', '.tools', '.vscode-test', 'coverage',
]);

export interface DiscoverOptions {
  maxFiles?: number;
  excludedDirs?: Set<string>;
}

export interface DiscoverResult {
  files: string[];
  notes: string[];
}

export function discoverFiles(roots: string[], options: DiscoverOptions = {}): DiscoverResult {
  const maxFiles = options.maxFiles ?? 20000;
  const excluded = options.excludedDirs ?? DEFAULT_EXCLUDED_DIRS;
  const files: string[] = [];
  const notes: string[] = [];
  const seenDirs = new Set<string>();
  let capped = false;

  const walk = (dir: string): void => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      notes.push(`${dir}: cannot list (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (files.length >= maxFiles) {
        capped = true;
        return;
      }
      const full = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = fs.statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // dangling link
        }
      }
      if (isDir) {
        if (!excluded.has(e.name) && !e.name.endsWith('.egg-info')) walk(full);
      } else if (isFile && (languageOf(full) || isServerConfigFile(full))) {
        files.push(full);
      }
    }
  };

  for (const root of roots) {
    const abs = path.resolve(root);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      notes.push(`${root}: no such file or directory`);
      continue;
    }
    if (st.isDirectory()) walk(abs);
    else if (languageOf(abs)) files.push(abs);
    else notes.push(`${root}: not a Python, JavaScript or TypeScript file`);
  }
  if (capped) notes.push(`stopped after ${maxFiles} files; narrow the paths to analyse the rest`);
  return { files, notes };
}
