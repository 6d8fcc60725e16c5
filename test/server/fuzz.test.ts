// A short seeded run of the fuzz and fix-safety harness (the long one is `npm run fuzz`): corpus fixes
// checked by the languages' own parsers, mutated documents, incremental results equal to a fresh server's.

import * as assert from 'assert';
import * as path from 'path';
import { runFuzz } from '../helpers/fuzz-harness';

describe('fuzz and fix safety (short seeded run)', function () {
  this.timeout(600_000);

  it('no crash, no request error, every fix parses and removes its finding, fix-all converges, incremental = fresh', async () => {
    const repo = path.resolve(__dirname, '../../..');
    const report = await runFuzz({ repo, serverPath: path.join(repo, 'dist/server.js'), seed: 13, fixFiles: 20, mutations: 30, hugeChars: 200_000, freshChecks: 1 });
    console.log(`      seed 13: ${report.fixesApplied} fixes, ${report.suppressionsApplied} suppressions, ${report.fixAllRuns} fix-all runs on ${report.fixFilesChecked} files; ${report.mutations} mutations, ${report.requests} requests; crashes ${report.crashes}, request errors ${report.requestErrors}, peak RSS ${report.peakRssMb} MB, ${report.seconds} s`);
    const problems = report.problems.map((p) => `${p.file}: ${p.what} (${p.detail})`);
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(report.crashes, 0);
    assert.strictEqual(report.requestErrors, 0);
    assert.ok(report.fixesApplied > 5, `only ${report.fixesApplied} fixes were exercised`);
    assert.strictEqual(report.freshComparisons, 1);
  });
});
