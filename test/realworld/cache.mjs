// Fills and inspects the git-ignored cache of the real-code benchmark (test/realworld/.cache) from a local
// git copy of a public repository; prints the manifest entries (chars, sha256) of what it wrote.
//
//   node test/realworld/cache.mjs fill <owner/name> <git-dir>            every manifest file of that repo
//   node test/realworld/cache.mjs add <owner/name> <git-dir> <commit> <path>...   extract, print entries
//   node test/realworld/cache.mjs stat <owner/name> <commit> <path>...   entries of files already cached

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const cacheRoot = path.join(here, '.cache');
const manifestFile = path.join(here, 'manifest.json');

const usage = () => {
  console.error(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(3, 7).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
  process.exit(2);
};

const cachePath = (repo, commit, p) => path.join(cacheRoot, repo.replace('/', '__'), commit, ...p.split('/'));
const entry = (p, buf) => ({ path: p, chars: [...buf.toString('utf8')].length, sha256: createHash('sha256').update(buf).digest('hex') });

function extract(gitDir, commit, p) {
  // Bytes exactly as committed (no text conversion): `git cat-file blob <commit>:<path>`.
  return execFileSync('git', ['--git-dir', gitDir, 'cat-file', 'blob', `${commit}:${p}`], { maxBuffer: 64 * 1024 * 1024 });
}

function write(repo, commit, p, buf) {
  const dest = cachePath(repo, commit, p);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.writeFileSync(dest, buf);
  return dest;
}

const [cmd, repo, ...rest] = process.argv.slice(2);
if (!cmd || !repo || !/^[^/\s]+\/[^/\s]+$/.test(repo)) usage();

if (cmd === 'fill') {
  const [gitDir] = rest;
  if (!gitDir) usage();
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  let n = 0;
  let bad = 0;
  for (const app of manifest.apps ?? []) {
    if (app.repo !== repo) continue;
    for (const f of app.files ?? []) {
      let buf;
      try {
        buf = extract(gitDir, app.commit, f.path);
      } catch {
        console.log(`MISSING  ${app.id}: ${f.path} @ ${app.commit} is not in ${gitDir}`);
        bad++;
        continue;
      }
      const e = entry(f.path, buf);
      write(repo, app.commit, f.path, buf);
      const ok = e.sha256 === f.sha256 && e.chars === f.chars;
      if (!ok) bad++;
      console.log(`${ok ? 'ok      ' : 'DIFFERS '} ${app.id}: ${f.path}${ok ? '' : ` (got ${e.chars} chars ${e.sha256.slice(0, 12)}…, manifest ${f.chars} ${String(f.sha256).slice(0, 12)}…)`}`);
      n++;
    }
  }
  console.log(`${n} file(s) written, ${bad} problem(s)`);
  if (bad > 0) process.exitCode = 1;
} else if (cmd === 'add') {
  const [gitDir, commit, ...paths] = rest;
  if (!gitDir || !/^[0-9a-f]{40}$/.test(commit ?? '') || paths.length === 0) usage();
  const out = paths.map((p) => {
    const buf = extract(gitDir, commit, p);
    write(repo, commit, p, buf);
    return entry(p, buf);
  });
  console.log(JSON.stringify(out, null, 2));
} else if (cmd === 'stat') {
  const [commit, ...paths] = rest;
  if (!/^[0-9a-f]{40}$/.test(commit ?? '') || paths.length === 0) usage();
  console.log(JSON.stringify(paths.map((p) => entry(p, fs.readFileSync(cachePath(repo, commit, p)))), null, 2));
} else usage();
