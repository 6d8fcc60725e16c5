// JS/TS module resolution for the workspace index: relative imports, extension and index probing,
// `.js` specifiers naming `.ts` sources, tsconfig `baseUrl` and `paths` (JSONC); the per-file summary.

import * as assert from 'assert';
import { readTsconfigPaths, resolveJsImport } from '../../src/engine/model/js/resolve';
import { buildContext } from '../../src/engine/model/js/analyze';
import { summarizeJs } from '../../src/engine/model/js/summary';
import { testParsers } from '../helpers/engine';

const FILES = new Set([
  '/p/src/routes/chat.ts',
  '/p/src/services/llm.ts',
  '/p/src/services/index.ts',
  '/p/src/lib/openai/index.tsx',
  '/p/src/legacy/util.js',
  '/p/src/esm/client.mts',
  '/p/packages/shared/src/prompts.ts',
]);
const exists = (f: string): boolean => FILES.has(f);

describe('JS/TS import resolution', () => {
  it('resolves relative specifiers with extensions, index files and .js → .ts', () => {
    const from = '/p/src/routes/chat.ts';
    assert.strictEqual(resolveJsImport(from, '../services/llm', exists), '/p/src/services/llm.ts');
    assert.strictEqual(resolveJsImport(from, '../services/llm.js', exists), '/p/src/services/llm.ts');
    assert.strictEqual(resolveJsImport(from, '../services', exists), '/p/src/services/index.ts');
    assert.strictEqual(resolveJsImport(from, '../lib/openai', exists), '/p/src/lib/openai/index.tsx');
    assert.strictEqual(resolveJsImport(from, '../legacy/util', exists), '/p/src/legacy/util.js');
    assert.strictEqual(resolveJsImport(from, '../esm/client.mjs', exists), '/p/src/esm/client.mts');
    assert.strictEqual(resolveJsImport(from, '../missing', exists), undefined);
    assert.strictEqual(resolveJsImport(from, 'openai', exists), undefined);
  });

  it('reads tsconfig paths (comments, trailing commas) and resolves aliases, longest prefix first', () => {
    const tsconfig = `{
      // aliases
      "compilerOptions": {
        "baseUrl": ".",
        "paths": {
          "@/*": ["src/*"],
          "@shared/*": ["packages/shared/src/*", "missing/*"], /* fallback */
          "llm": ["src/services/llm.ts"],
        },
      },
    }`;
    const paths = readTsconfigPaths('/p/tsconfig.json', tsconfig);
    assert.ok(paths);
    const from = '/p/src/routes/chat.ts';
    assert.strictEqual(resolveJsImport(from, '@/services/llm', exists, paths), '/p/src/services/llm.ts');
    assert.strictEqual(resolveJsImport(from, '@shared/prompts', exists, paths), '/p/packages/shared/src/prompts.ts');
    assert.strictEqual(resolveJsImport(from, 'llm', exists, paths), '/p/src/services/llm.ts');
    // baseUrl alone: `src/services/llm` from the project root.
    assert.strictEqual(resolveJsImport(from, 'src/services/llm', exists, paths), '/p/src/services/llm.ts');
    assert.strictEqual(resolveJsImport(from, 'express', exists, paths), undefined);
    assert.strictEqual(readTsconfigPaths('/p/tsconfig.json', '{ not json'), undefined);
    assert.strictEqual(readTsconfigPaths('/p/tsconfig.json', '{ "compilerOptions": { "strict": true } }'), undefined);
  });
});

describe('JS/TS file summary (for the workspace index)', () => {
  it('lists workspace imports and what exported functions do', async () => {
    const parsers = await testParsers();
    const text = [
      "import fs from 'node:fs';",
      "import OpenAI from 'openai';",
      "import { audit } from './audit';",
      "import { db } from '@/lib/db';",
      'const client = new OpenAI({ timeout: 1000 });',
      "function read(name: string) { return fs.readFileSync(name, 'utf8'); }",
      'export async function classify(text: string) {',
      "  const r = await client.chat.completions.create({ model: 'x', messages: [{ role: 'user', content: read('p') + text }] });",
      '  return r.choices[0].message.content;',
      '}',
      "export const ask = (q: string) => client.responses.create({ model: 'x', input: q });",
      'export function plain() { return 1; }',
    ].join('\n');
    const tree = parsers.parse('typescript', text);
    try {
      const s = summarizeJs(buildContext('/p/src/ai.ts', text, tree, 'typescript'));
      assert.deepStrictEqual(s.imports, { audit: { source: './audit', imported: 'audit' }, db: { source: '@/lib/db', imported: 'db' } });
      const brief = (f: (typeof s.exports)[string]) => ({ async: f.async, llmPromise: f.llmPromise, blocking: f.blocking, line: f.line });
      assert.deepStrictEqual(brief(s.exports.classify), { async: true, llmPromise: 'client.chat.completions.create (openai)', blocking: ['fs.readFileSync'], line: 6 });
      assert.deepStrictEqual(brief(s.exports.ask), { async: true, llmPromise: 'client.responses.create (openai)', blocking: [], line: 10 });
      assert.deepStrictEqual(brief(s.exports.plain), { async: false, llmPromise: undefined, blocking: [], line: 11 });
      // The hops other files' findings name: the function, local helpers, the call.
      assert.deepStrictEqual(s.exports.classify.llmChain?.map((h) => `${h.name}:${h.range.start.line}`), ['classify:6', 'client.chat.completions.create:7']);
      assert.deepStrictEqual(s.exports.classify.blockingChain?.map((h) => h.name), ['classify', 'read', 'fs.readFileSync']);
      assert.strictEqual(s.exports.plain.llmChain, undefined);
      assert.strictEqual(s.exports.plain.blockingChain, undefined);
      assert.deepStrictEqual(s.clients, {});
    } finally {
      tree.delete();
    }
  });
});
