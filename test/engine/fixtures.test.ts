// Runs every annotated rule fixture under test/fixtures/rules/<rule-id>/: each finding must be
// annotated and each annotation found; every fix must parse, remove its finding and match its snapshot.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, type Finding } from '../../src/engine/api';
import { readExpectations } from '../helpers/annotations';
import { unifiedDiff } from '../helpers/diff';
import { parsesCleanly, testEngine } from '../helpers/engine';

const ROOT = path.resolve(__dirname, '../../../test/fixtures/rules');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

function fixtureFiles(): string[] {
  const out: string[] = [];
  for (const rule of fs.readdirSync(ROOT).sort()) {
    const dir = path.join(ROOT, rule);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir).sort()) if (/\.(py|ts|js|tsx)$/.test(f)) out.push(path.join(dir, f));
  }
  return out;
}

function describeFinding(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule}`;
}

/** `a/b.py` → `a/b.fixed.py`: a different cache key with the same language. */
function withSuffix(file: string, suffix: string): string {
  const ext = path.extname(file);
  return file.slice(0, -ext.length) + '.' + suffix + ext;
}

/** Applies each finding's preferred fix, skipping fixes that overlap one already taken. */
function applyPreferred(text: string, findings: Finding[]): string {
  const taken: { start: number; end: number }[] = [];
  const edits = [];
  const key = (p: { line: number; character: number }) => p.line * 1e6 + p.character;
  const seenFix = new Set<string>();
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.preferred);
    if (!fix) continue;
    const sig = JSON.stringify(fix.edits);
    if (seenFix.has(sig)) continue;
    const spans = fix.edits.map((e) => ({ start: key(e.range.start), end: key(e.range.end) }));
    if (spans.some((s) => taken.some((t) => s.start < t.end && t.start < s.end) || taken.some((t) => s.start === t.start && s.end === t.end))) continue;
    seenFix.add(sig);
    taken.push(...spans);
    edits.push(...fix.edits);
  }
  return applyEdits(text, edits);
}

describe('rule fixtures', () => {
  for (const file of fixtureFiles()) {
    const rel = path.relative(ROOT, file);
    describe(rel, () => {
      it('reports exactly the annotated findings', async () => {
        const engine = await testEngine();
        const text = fs.readFileSync(file, 'utf8');
        const result = engine.analyze(file, text);
        assert.deepStrictEqual(result.notes, [], 'analysis notes');
        const expected = readExpectations(text);
        const unmatched = [...result.findings];
        const missing: string[] = [];
        for (const e of expected) {
          const idx = unmatched.findIndex(
            (f) => f.rule === e.rule && f.range.start.line === e.line && (e.start === undefined || (f.range.start.character === e.start && f.range.end.character === e.end && f.range.end.line === e.line)),
          );
          if (idx === -1) missing.push(`${e.line + 1}${e.start !== undefined ? ':' + (e.start + 1) + '-' + (e.end! + 1) : ''} ${e.rule}`);
          else unmatched.splice(idx, 1);
        }
        const extra = unmatched.map((f) => `${describeFinding(f)}-${f.range.end.character + 1}: ${f.message}`);
        assert.deepStrictEqual({ missing, extra }, { missing: [], extra: [] }, `findings of ${rel}`);
      });

      it('fixes parse, remove their finding, and match the snapshot', async () => {
        const engine = await testEngine();
        const text = fs.readFileSync(file, 'utf8');
        const result = engine.analyze(file, text);
        const parts: string[] = [];
        for (const finding of result.findings) {
          const before = result.findings.filter((f) => f.rule === finding.rule).length;
          assert.ok(finding.fixes.filter((f) => f.preferred).length <= 1, `${describeFinding(finding)}: at most one preferred fix`);
          for (const fix of finding.fixes) {
            const fixed = applyEdits(text, fix.edits);
            const label = `${describeFinding(finding)} — ${fix.title} [${fix.safety}${fix.preferred ? ', preferred' : ''}]`;
            assert.notStrictEqual(fixed, text, `${label}: changes the file`);
            assert.ok(await parsesCleanly(fixed, file), `${label}: result parses without errors\n${fixed}`);
            const after = engine.analyze(withSuffix(file, 'fixed'), fixed);
            const remaining = after.findings.filter((f) => f.rule === finding.rule).length;
            assert.ok(remaining < before, `${label}: the finding is gone (${before} → ${remaining})\n${fixed}`);
            parts.push(`## ${label}\n${unifiedDiff(text, fixed)}\n`);
          }
        }
        // Applying the preferred fixes round after round reaches a fixed point: once every finding
        // is fixed, applying again changes nothing (and fixes never undo each other).
        let current = text;
        let stable = false;
        for (let round = 0; round < 5 && !stable; round++) {
          const next = applyPreferred(current, engine.analyze(withSuffix(file, `round${round}`), current).findings);
          stable = next === current;
          current = next;
        }
        assert.ok(stable, `preferred fixes reach a fixed point\n${current}`);
        const snapFile = file.replace(/\.[a-z]+$/, '.snap');
        const snapshot = parts.join('\n');
        if (UPDATE || !fs.existsSync(snapFile)) {
          if (snapshot) fs.writeFileSync(snapFile, snapshot);
          else if (fs.existsSync(snapFile)) fs.unlinkSync(snapFile);
          if (!UPDATE && snapshot && process.env.CI) assert.fail(`missing snapshot ${path.relative(ROOT, snapFile)}: run with UPDATE_SNAPSHOTS=1`);
          return;
        }
        assert.strictEqual(snapshot, fs.readFileSync(snapFile, 'utf8'), `snapshot ${path.relative(ROOT, snapFile)} (UPDATE_SNAPSHOTS=1 to accept)`);
      });
    });
  }
});
