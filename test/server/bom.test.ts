// A BOM at the start of an open document changes nothing: the engine gets the text without it (as for
// files read from disk), and findings and fix edits land one character later on the first line.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestLspClient } from './lspClient';
import { parsesCleanly } from '../helpers/engine';

const PY = [
  'from openai import OpenAI; client = OpenAI()',
  'from fastapi import FastAPI',
  '',
  'app = FastAPI()',
  '',
  '',
  '@app.post("/chat")',
  'async def chat(q: str):',
  '    return client.chat.completions.create(model="m", messages=[{"role": "user", "content": q}])',
  '',
].join('\n');

const TS = [
  "import Anthropic from '@anthropic-ai/sdk'; const shared = new Anthropic();",
  '',
  'async function logSummary(client: Anthropic, text: string): Promise<void> {',
  "  const msg = await client.messages.create({ model: 'm', max_tokens: 256, messages: [{ role: 'user', content: text }] });",
  '  console.log(msg.id);',
  '}',
  '',
  'export default {',
  '  async fetch(request: Request, env: { KEY: string }, ctx: ExecutionContext): Promise<Response> {',
  '    const client = new Anthropic({ apiKey: env.KEY, timeout: 25_000 });',
  '    const body = (await request.json()) as { text: string };',
  '    logSummary(client, body.text);',
  "    const kept = logSummary(client, 'audit');",
  '    ctx.waitUntil(kept);',
  '    return Response.json(await shared.messages.create({ model: "m", max_tokens: 8, messages: [] }));',
  '  },',
  '};',
  '',
].join('\n');

type Diag = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code?: string };
type LspEdit = { range: Diag['range']; newText: string };

const shape = (d: Diag[], shift = 0) =>
  d
    .map((x) => `${x.code} ${x.range.start.line}:${x.range.start.character - (x.range.start.line === 0 ? shift : 0)}-${x.range.end.line}:${x.range.end.character - (x.range.end.line === 0 ? shift : 0)}`)
    .sort();

/** Applies LSP edits (positions in UTF-16 units) to a text, last first. */
function applyLspEdits(text: string, edits: LspEdit[]): string {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

describe('language server: a BOM in an open document', function () {
  this.timeout(120_000);
  let client: TestLspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  for (const [lang, ext, languageId, text] of [
    ['Python', 'py', 'python', PY],
    ['TypeScript', 'ts', 'typescript', TS],
  ] as const) {
    it(`${lang}: the same findings with and without a BOM, first-line positions after it, fixes keep it first`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-bom-'));
      const plain = path.join(dir, `plain.${ext}`);
      const bom = path.join(dir, `bom.${ext}`);
      client = await TestLspClient.start(dir, { scanOnStartup: false, debounceMs: 10 });
      client.open(plain, text, languageId);
      client.open(bom, `\uFEFF${text}`, languageId);
      const want = await client.waitForDiagnostics(plain, (d) => d.length >= 2);
      assert.ok(want.some((d) => d.range.start.line === 0), 'a finding on the first line');
      const got = (await client.waitForDiagnostics(bom, (d) => d.length === want.length).catch(() => client!.diagnostics.get(client!.uri(bom)) ?? [])) as unknown as Diag[];
      assert.deepStrictEqual(shape(got, 1), shape(want as unknown as Diag[]), 'the BOM shifts first-line columns by one and changes nothing else');

      // Every quick fix of the BOM document, applied to its text, keeps the BOM first and parses.
      let fixes = 0;
      for (const d of got) {
        const actions = (await client.conn.sendRequest('textDocument/codeAction', {
          textDocument: { uri: client.uri(bom) },
          range: d.range,
          context: { diagnostics: [d] },
        })) as { title: string; edit?: { changes: Record<string, LspEdit[]> } }[];
        for (const a of actions) {
          const edits = a.edit?.changes[client.uri(bom)];
          if (!edits) continue;
          const after = applyLspEdits(`\uFEFF${text}`, edits);
          assert.strictEqual(after.charCodeAt(0), 0xfeff, `${a.title}: the BOM stays first`);
          assert.strictEqual(after.indexOf('\uFEFF', 1), -1, `${a.title}: no BOM moved into the code`);
          assert.ok(await parsesCleanly(after.slice(1), `x.${ext}`), `${a.title} parses:\n${after}`);
          fixes++;
        }
      }
      assert.ok(fixes > 0);
    });
  }
});
