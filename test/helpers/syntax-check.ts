// The languages' own parsers as judges of fixed code: CPython's compiler (many files per process), `node
// --check` for JavaScript, and the TypeScript compiler's parser for TS/TSX.

import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

export const PYTHON = '/usr/bin/python3';

/** A syntax error message, or undefined when the text parses. */
export type Verdict = string | undefined;

const PY_CHECKER = [
  'import sys, json, warnings',
  'warnings.simplefilter("ignore")',
  'for line in sys.stdin:',
  '    src = json.loads(line)',
  '    try:',
  '        compile(src, "<fix>", "exec", dont_inherit=True)',
  '        out = None',
  '    except (SyntaxError, ValueError) as e:',
  '        out = f"{type(e).__name__}: {e}"',
  '    sys.stdout.write(json.dumps(out) + "\\n")',
  '    sys.stdout.flush()',
].join('\n');

/** Compiles each text with CPython (`compile(..., "exec")`), all in one process; one verdict per text. */
export function pythonVerdicts(texts: string[]): Promise<Verdict[]> {
  if (texts.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ['-c', PY_CHECKER], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = out.split('\n').filter((l) => l.length > 0);
      if (lines.length !== texts.length) return reject(new Error(`python checker exited ${code} after ${lines.length}/${texts.length} files: ${err.slice(-2000)}`));
      resolve(lines.map((l) => JSON.parse(l) as string | null).map((v) => v ?? undefined));
    });
    // Lone surrogates cannot cross as UTF-8: JSON escapes keep them, and Python decodes them the same way.
    for (const t of texts) child.stdin.write(JSON.stringify(t) + '\n');
    child.stdin.end();
  });
}

let scratch: string | undefined;

/** `node --check` on the text, as a CommonJS `.js` file or as an ES module when it has `import`/`export`. */
export function nodeVerdict(text: string, kind: 'js' | 'mjs' = /^\s*(import|export)\b/m.test(text) ? 'mjs' : 'js'): Verdict {
  scratch ??= fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-check-'));
  const file = path.join(scratch, `check.${kind}`);
  fs.writeFileSync(file, text);
  const r = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
  if (r.status === 0) return undefined;
  const msg = (r.stderr || r.stdout || `exit ${r.status}`).split('\n').find((l) => /Error/.test(l)) ?? r.stderr;
  // A CommonJS file with `import` inside a template or comment: try the other kind before calling it broken.
  if (kind === 'js' && /Cannot use import statement|Unexpected token 'export'/.test(msg)) return nodeVerdict(text, 'mjs');
  return msg.trim();
}

/** Syntax errors TypeScript's parser reports for the text (`.ts` or `.tsx`). */
export function typescriptVerdict(text: string, tsx: boolean): Verdict {
  const sf = ts.createSourceFile(tsx ? 'x.tsx' : 'x.ts', text, ts.ScriptTarget.Latest, false, tsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const diags = (sf as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  if (diags.length === 0) return undefined;
  const d = diags[0];
  const where = d.start !== undefined ? sf.getLineAndCharacterOfPosition(d.start) : undefined;
  return `${ts.flattenDiagnosticMessageText(d.messageText, ' ')}${where ? ` (line ${where.line + 1})` : ''}`;
}

/** The verdict for one text of `file`'s language (Python texts are better batched with `pythonVerdicts`). */
export async function verdictFor(file: string, text: string): Promise<Verdict> {
  if (file.endsWith('.py')) return (await pythonVerdicts([text]))[0];
  if (/\.(ts|mts|cts)$/.test(file)) return typescriptVerdict(text, false);
  if (file.endsWith('.tsx')) return typescriptVerdict(text, true);
  if (file.endsWith('.jsx')) return typescriptVerdict(text, true);
  return nodeVerdict(text, file.endsWith('.mjs') ? 'mjs' : undefined);
}
