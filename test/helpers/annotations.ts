// Reads expectations from annotated fixtures: `# expect: rule-id[, rule-id]` at the end of a line,
// and caret lines `#    ^^^^ rule-id` that pin exact columns on the line above.

import * as fs from 'fs';
import * as path from 'path';

export interface Expectation {
  line: number;
  rule: string;
  /** Exact columns, when a caret line gave them. */
  start?: number;
  end?: number;
}

const EXPECT = /(?:#|\/\/)\s*expect:\s*([a-z0-9,\s-]+)$/;
const CARET = /^(\s*)(?:#|\/\/)(\s*)(\^+)\s+([a-z0-9-]+)\s*$/;

export function readExpectations(text: string): Expectation[] {
  const lines = text.split('\n');
  const out: Expectation[] = [];
  let lastCode = -1;
  lines.forEach((line, i) => {
    const caret = CARET.exec(line);
    if (caret) {
      const col = line.indexOf('^');
      out.push({ line: lastCode, rule: caret[4], start: col, end: col + caret[3].length });
      return;
    }
    lastCode = i;
    const m = EXPECT.exec(line);
    if (m) for (const rule of m[1].split(',').map((s) => s.trim()).filter(Boolean)) out.push({ line: i, rule });
  });
  return out;
}

/** Every `expect:` annotation of the source files under `dir`, as sorted `relative/path:line rule` (1-based lines). */
export function expectationsUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(?:py|[cm]?[jt]sx?)$/.test(e.name)) for (const x of readExpectations(fs.readFileSync(full, 'utf8'))) out.push(`${path.relative(dir, full).split(path.sep).join('/')}:${x.line + 1} ${x.rule}`);
    }
  };
  walk(dir);
  return out.sort();
}
