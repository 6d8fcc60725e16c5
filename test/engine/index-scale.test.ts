// The Python index at scale: a module name many packages define resolves to the nearest one (the
// first listed among equals) without a scan per lookup, and a per-file overlay reuses the base
// index's resolutions only where they never looked at the replaced file.

import * as assert from 'assert';
import { PyIndex } from '../../src/engine/index/python-index';
import type { PyFileSummary } from '../../src/engine/index/python-summary';

function summary(file: string, extra: Partial<PyFileSummary> = {}): PyFileSummary {
  return { file, imports: {}, functions: {}, clients: {}, factories: {}, instances: {}, ...extra };
}

/** The rule stated by the index: the longest common prefix of the directories, the first listed among equals. */
function nearest(candidates: string[], from: string): string {
  const dir = (f: string) => f.slice(0, f.lastIndexOf('/'));
  const shared = (a: string, b: string) => {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
  };
  let best = candidates[0];
  let bestShared = -1;
  for (const c of candidates) {
    const s = shared(dir(c), dir(from));
    if (s > bestShared) (best = c), (bestShared = s);
  }
  return best;
}

/** A small deterministic generator (the test must not depend on Math.random). */
function prng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

describe('python index at scale', () => {
  it('a module many packages define resolves to the nearest one, the first listed among equals', () => {
    const files = Array.from({ length: 20 }, (_, i) => `/w/pkg${String(i).padStart(2, '0')}/util.py`);
    const index = new PyIndex([...files.map((f) => summary(f)), summary('/w/pkg07/sub/app.py'), summary('/w/other/app.py')]);
    assert.strictEqual(index.resolve('/w/pkg07/sub/app.py', 'util')?.file, '/w/pkg07/util.py');
    // Every candidate shares only `/w/` with this importer: the first listed wins.
    assert.strictEqual(index.resolve('/w/other/app.py', 'util')?.file, '/w/pkg00/util.py');
    // Listed in another order, the first listed among equals changes with it.
    const reversed = new PyIndex([...[...files].reverse().map((f) => summary(f)), summary('/w/other/app.py')]);
    assert.strictEqual(reversed.resolve('/w/other/app.py', 'util')?.file, '/w/pkg19/util.py');
  });

  it('agrees with the nearest-first-listed rule on random layouts, with few and with many candidates', () => {
    const rand = prng(7);
    const segs = ['a', 'b', 'ab', 'ba', 'app', 'apps', 'x'];
    const pick = () => segs[Math.floor(rand() * segs.length)];
    for (let t = 0; t < 300; t++) {
      const n = 1 + Math.floor(rand() * 30);
      const dirs = new Set<string>();
      while (dirs.size < n) {
        const depth = Math.floor(rand() * 4);
        dirs.add(['/r', ...Array.from({ length: depth }, pick)].join('/'));
      }
      const candidates = [...dirs].map((d) => `${d}/mod.py`);
      const importers = Array.from({ length: 5 }, () => `${['/r', ...Array.from({ length: Math.floor(rand() * 4) }, pick)].join('/')}/main.py`);
      const index = new PyIndex([...candidates.map((f) => summary(f)), ...importers.map((f) => summary(f))]);
      for (const from of importers) {
        assert.strictEqual(index.resolve(from, 'mod')?.file, nearest(candidates, from), `${from} among ${candidates.join(' ')}`);
      }
    }
  });

  it('an overlay resolves names through the replaced file with its new summary, and others as its base did', () => {
    const stub = summary('/w/a/svc.py');
    const main = summary('/w/b/main.py', { imports: { svc: 'a.svc', other: 'a.other' } });
    const other = summary('/w/a/other.py', { functions: { f: { name: 'f', isAsync: false, isGenerator: false, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, direct: [], calls: [] } } });
    const base = new PyIndex([stub, main, other]);
    // The base resolves (and remembers) both names first.
    assert.deepStrictEqual(base.resolve('/w/b/main.py', 'a.svc.service.ask'), { file: '/w/a/svc.py', name: 'service.ask' });
    assert.deepStrictEqual(base.resolve('/w/b/main.py', 'a.other.f'), { file: '/w/a/other.py', name: 'f' });
    // The real summary of svc.py: `service` is an instance of its class `Service`.
    const overlay = base.overlay(summary('/w/a/svc.py', { instances: { service: 'Service' } }));
    assert.deepStrictEqual(overlay.resolve('/w/b/main.py', 'a.svc.service.ask'), { file: '/w/a/svc.py', name: 'Service.ask' });
    assert.deepStrictEqual(overlay.resolve('/w/b/main.py', 'a.other.f'), { file: '/w/a/other.py', name: 'f' });
    // A re-export through the replaced file is followed with its new imports too.
    const pkg = summary('/w/p/__init__.py');
    const user = summary('/w/q/use.py');
    const impl = summary('/w/p/impl.py', { functions: { run: { name: 'run', isAsync: false, isGenerator: false, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, direct: [], calls: [] } } });
    const base2 = new PyIndex([pkg, user, impl]);
    assert.deepStrictEqual(base2.resolve('/w/q/use.py', 'p.run'), { file: '/w/p/__init__.py', name: 'run' });
    const overlay2 = base2.overlay(summary('/w/p/__init__.py', { imports: { run: '.impl.run' } }));
    assert.deepStrictEqual(overlay2.resolve('/w/q/use.py', 'p.run'), { file: '/w/p/impl.py', name: 'run' });
    // The base is left as it was.
    assert.deepStrictEqual(base2.resolve('/w/q/use.py', 'p.run'), { file: '/w/p/__init__.py', name: 'run' });
  });
});
