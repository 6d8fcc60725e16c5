// Enforces the architecture's invariants on the source tree: pure cores never import the editor or
// the LSP libraries, only src/client touches `vscode`, and every source file says what it is for.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');

function sources(dir: string, ext = /\.(ts|js|mjs)$/): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(rel, ext));
    else if (ext.test(e.name)) out.push(rel);
  }
  return out;
}

/** Module specifiers a file imports (import … from, import(), require(), export … from). */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  const re = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1]);
  return out;
}

const EDITOR = /^(vscode|vscode-languageserver.*|vscode-languageclient.*)$/;

describe('architecture invariants', () => {
  it('the import scanner sees every import form (so the checks below can fail)', () => {
    const sample = `import * as v from 'vscode';\nconst x = require("vscode-languageserver/node");\nexport { a } from 'vscode-languageclient';\nconst y = await import('vscode');\nimport 'side';`;
    assert.deepStrictEqual(importsOf(sample), ['vscode', 'vscode-languageserver/node', 'vscode-languageclient', 'vscode', 'side']);
  });

  it('src/engine, src/loadtest, src/mockllm and src/cli never import vscode or the LSP libraries', () => {
    const bad: string[] = [];
    for (const dir of ['src/engine', 'src/loadtest', 'src/mockllm', 'src/cli']) {
      for (const file of sources(dir)) {
        for (const spec of importsOf(fs.readFileSync(path.join(ROOT, file), 'utf8'))) if (EDITOR.test(spec)) bad.push(`${file} imports ${spec}`);
      }
    }
    assert.deepStrictEqual(bad, []);
  });

  it('only src/client imports the vscode API', () => {
    const bad: string[] = [];
    for (const file of sources('src')) {
      if (file.startsWith(path.join('src', 'client'))) continue;
      for (const spec of importsOf(fs.readFileSync(path.join(ROOT, file), 'utf8'))) if (spec === 'vscode') bad.push(file);
    }
    assert.deepStrictEqual(bad, []);
  });

  it('the design card\'s top level is there: .vscodeignore packages the .vsix, so package.json has no "files"', () => {
    for (const name of ['src', 'test', 'media', 'package.json', 'tsconfig.json', 'esbuild.js', '.vscodeignore', 'README.md']) {
      assert.ok(fs.existsSync(path.join(ROOT, name)), `${name} is missing at the top level`);
    }
    // vsce refuses a package that has both; npm reads .npmignore instead.
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.strictEqual(manifest.files, undefined);
    assert.ok(fs.existsSync(path.join(ROOT, '.npmignore')));
  });

  it('every source file opens with a comment saying what it is for', () => {
    const bad: string[] = [];
    for (const file of [...sources('src'), ...sources('media'), ...sources('test/e2e'), ...sources('scripts')]) {
      const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
      const first = lines[0].startsWith('#!') ? lines[1] : lines[0];
      if (!/^\s*\/\/\s*\S.{10,}/.test(first ?? '')) bad.push(file);
    }
    assert.deepStrictEqual(bad, []);
  });
});
