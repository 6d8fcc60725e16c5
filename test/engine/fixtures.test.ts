// Runs every annotated rule fixture under test/fixtures/rules/<rule-id>/: each finding must be
// annotated and each annotation found; every fix must parse, remove its finding and match its snapshot.
// A file is analysed alone; a directory is a small workspace (code and server config files together),
// each of its source files checked the same way, with one snapshot for the directory.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Workspace, applyEdits, languageOf, type FileAnalysis, type Finding } from '../../src/engine/api';
import { readExpectations } from '../helpers/annotations';
import { unifiedDiff } from '../helpers/diff';
import { parsesCleanly, testEngine } from '../helpers/engine';

const ROOT = path.resolve(__dirname, '../../../test/fixtures/rules');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

/** Fixture files and workspace directories, each with its snapshot path. */
function fixtureCases(): { at: string; snapFile: string; workspace: boolean }[] {
  const out: { at: string; snapFile: string; workspace: boolean }[] = [];
  for (const rule of fs.readdirSync(ROOT).sort()) {
    const dir = path.join(ROOT, rule);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir).sort()) {
      const at = path.join(dir, f);
      if (fs.statSync(at).isDirectory()) out.push({ at, snapFile: `${at}.snap`, workspace: true });
      else if (/\.(py|ts|js|tsx)$/.test(f)) out.push({ at, snapFile: at.replace(/\.[a-z]+$/, '.snap'), workspace: false });
    }
  }
  return out;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)])).sort();
}

/** Analyses `text` as the content of `file`; `variant` names a scratch copy (its own cache entry). */
type Analyze = (file: string, text: string, variant?: string) => FileAnalysis;

/** The source files of a case with their texts, and how to analyse one of them. */
async function loadCase(at: string, workspace: boolean): Promise<{ sources: { file: string; text: string }[]; analyze: Analyze }> {
  const engine = await testEngine();
  if (!workspace) {
    return { sources: [{ file: at, text: fs.readFileSync(at, 'utf8') }], analyze: (file, text, variant) => engine.analyze(variant ? withSuffix(file, variant) : file, text) };
  }
  const ws = new Workspace(engine);
  const texts = new Map(filesUnder(at).map((f) => [f, fs.readFileSync(f, 'utf8')]));
  for (const [f, t] of texts) ws.upsert(f, t);
  const sources = [...texts].filter(([f]) => languageOf(f)).map(([file, text]) => ({ file, text }));
  // In a workspace the file keeps its path (other files import it); the original text comes back after.
  const analyze: Analyze = (file, text) => {
    ws.upsert(file, text);
    try {
      return ws.analyze(file)!;
    } finally {
      ws.upsert(file, texts.get(file)!);
    }
  };
  return { sources, analyze };
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
  for (const { at, snapFile, workspace } of fixtureCases()) {
    const rel = path.relative(ROOT, at);
    describe(workspace ? `${rel}/` : rel, () => {
      it('reports exactly the annotated findings', async () => {
        const { sources, analyze } = await loadCase(at, workspace);
        const missing: string[] = [];
        const extra: string[] = [];
        let annotated = 0;
        for (const { file, text } of sources) {
          const where = workspace ? `${path.relative(at, file)}:` : '';
          const result = analyze(file, text);
          assert.deepStrictEqual(result.notes, [], 'analysis notes');
          const expected = readExpectations(text);
          annotated += expected.length;
          const unmatched = [...result.findings];
          for (const e of expected) {
            const idx = unmatched.findIndex(
              (f) => f.rule === e.rule && f.range.start.line === e.line && (e.start === undefined || (f.range.start.character === e.start && f.range.end.character === e.end && f.range.end.line === e.line)),
            );
            if (idx === -1) missing.push(`${where}${e.line + 1}${e.start !== undefined ? ':' + (e.start + 1) + '-' + (e.end! + 1) : ''} ${e.rule}`);
            else unmatched.splice(idx, 1);
          }
          extra.push(...unmatched.map((f) => `${where}${describeFinding(f)}-${f.range.end.character + 1}: ${f.message}`));
        }
        assert.deepStrictEqual({ missing, extra }, { missing: [], extra: [] }, `findings of ${rel}`);
        if (workspace) assert.ok(annotated > 0, `${rel}: a workspace fixture annotates at least one finding`);
      });

      it('fixes parse, remove their finding, and match the snapshot', async () => {
        const { sources, analyze } = await loadCase(at, workspace);
        const parts: string[] = [];
        for (const { file, text } of sources) {
          const where = workspace ? `${path.relative(at, file)} ` : '';
          const result = analyze(file, text);
          for (const finding of result.findings) {
            const before = result.findings.filter((f) => f.rule === finding.rule).length;
            assert.ok(finding.fixes.filter((f) => f.preferred).length <= 1, `${describeFinding(finding)}: at most one preferred fix`);
            for (const fix of finding.fixes) {
              assert.ok(fix.edits.every((e) => e.file === file), `${describeFinding(finding)} — ${fix.title}: edits only its own file`);
              const fixed = applyEdits(text, fix.edits);
              const label = `${where}${describeFinding(finding)} — ${fix.title} [${fix.safety}${fix.preferred ? ', preferred' : ''}]`;
              assert.notStrictEqual(fixed, text, `${label}: changes the file`);
              assert.ok(await parsesCleanly(fixed, file), `${label}: result parses without errors\n${fixed}`);
              const after = analyze(file, fixed, 'fixed');
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
            const next = applyPreferred(current, analyze(file, current, `round${round}`).findings);
            stable = next === current;
            current = next;
          }
          assert.ok(stable, `${where}preferred fixes reach a fixed point\n${current}`);
        }
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
