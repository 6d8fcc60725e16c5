// The "Suppress on this line" edit adds or extends the ignore comment, and the result suppresses.

import * as assert from 'assert';
import { applyEdits, isSuppressed, suppressionEdit } from '../../src/engine/api';

describe('suppression edits', () => {
  it('adds a Python comment and a JS comment', () => {
    const py = 'x = call()\n';
    const fixed = applyEdits(py, [suppressionEdit('/f.py', py, 'python', 0, 'blocking-llm-call')]);
    assert.strictEqual(fixed, 'x = call()  # loopsafe: ignore[blocking-llm-call]\n');
    assert.ok(isSuppressed(fixed.split('\n'), 0, 'blocking-llm-call'));
    const js = 'call();\n';
    assert.strictEqual(applyEdits(js, [suppressionEdit('/f.ts', js, 'typescript', 0, 'unawaited-llm-call')]), 'call();  // loopsafe: ignore[unawaited-llm-call]\n');
  });

  it('extends an existing list instead of adding a second comment', () => {
    const py = 'x = call()  # loopsafe: ignore[blocking-llm-call]\n';
    const fixed = applyEdits(py, [suppressionEdit('/f.py', py, 'python', 0, 'await-on-sync-call')]);
    assert.strictEqual(fixed, 'x = call()  # loopsafe: ignore[blocking-llm-call, await-on-sync-call]\n');
    assert.ok(isSuppressed(fixed.split('\n'), 0, 'await-on-sync-call'));
    assert.ok(!isSuppressed(fixed.split('\n'), 0, 'unawaited-llm-call'));
  });
});
