// Fuzz and fix-safety harness: streams the corpus and seeded mutations of it through the real language
// server over LSP, applies every offered fix and checks it with the languages' own parsers; used by
// `npm run fuzz` (bench/fuzz.ts) and, in a short seeded run, by the unit tests.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { applyEdits } from '../../src/engine/fix/apply';
import { TestLspClient, type Published } from '../server/lspClient';
import { nodeVerdict, pythonVerdicts, typescriptVerdict, type Verdict } from './syntax-check';

export interface FuzzOptions {
  /** Repository root (the corpus is read from test/corpus and test/fixtures). */
  repo: string;
  /** The built language server (dist/server.js). */
  serverPath: string;
  seed: number;
  /** Corpus files whose fixes are all applied and checked (0: every file). */
  fixFiles: number;
  /** Mutated documents streamed into one server. */
  mutations: number;
  /** Size of the "huge file" mutation, in characters. */
  hugeChars: number;
  /** Times the incremental server's findings are compared with a fresh server's. */
  freshChecks: number;
  log?: (line: string) => void;
}

export interface Problem {
  file: string;
  what: string;
  detail: string;
}

export interface FuzzReport {
  seed: number;
  corpusFiles: number;
  fixFilesChecked: number;
  fixesApplied: number;
  suppressionsApplied: number;
  fixAllRuns: number;
  fixAllPasses: number;
  mutations: number;
  requests: number;
  freshComparisons: number;
  crashes: number;
  requestErrors: number;
  internalErrors: number;
  peakRssMb: number;
  seconds: number;
  /** Broken fixes, fixes leaving their finding, fix-all not converging, incremental ≠ fresh, crashes. */
  problems: Problem[];
  /** Fixes after which another rule reports more (often right: an unsafe fix moves code into a coroutine). */
  notes: Problem[];
}

type Diag = Published['diagnostics'][number] & { range: { start: { line: number; character: number }; end: { line: number; character: number } } };
interface FixData {
  title: string;
  safety: string;
  edits: { file: string; range: Diag['range']; newText: string }[];
}
interface LspEdit {
  range: Diag['range'];
  newText: string;
}
interface CodeAction {
  title: string;
  kind?: string;
  edit?: { changes?: Record<string, LspEdit[]> };
}

const SOURCE = /\.(py|js|mjs|cjs|jsx|ts|mts|cts|tsx)$/;
const LANGUAGE_ID: Record<string, string> = { py: 'python', js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascriptreact', ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescriptreact' };

/** A small seeded generator (mulberry32), so a run is repeatable from its seed. */
export function rng(seed: number): { next: () => number; int: (n: number) => number; pick: <T>(xs: T[]) => T } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: T[]): T => xs[int(xs.length)] };
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && fs.statSync(p).size < 1_000_000) out.push(p);
  }
  return out;
}

const ext = (file: string): string => file.slice(file.lastIndexOf('.') + 1);

/** Syntax verdict of one text by its language's own parser (Python through the batch). */
async function verdict(file: string, text: string): Promise<Verdict> {
  const e = ext(file);
  if (e === 'py') return (await pythonVerdicts([text]))[0];
  if (e === 'ts' || e === 'mts' || e === 'cts') return typescriptVerdict(text, false);
  if (e === 'tsx' || e === 'jsx') return typescriptVerdict(text, true);
  return nodeVerdict(text, e === 'mjs' ? 'mjs' : e === 'cjs' ? 'js' : undefined);
}

/** The server under test with its bookkeeping: crashes, request errors, peak RSS, a barrier. */
class Server {
  client!: TestLspClient;
  crashed = false;
  private seq = 0;
  private sentinel: string;
  private sentinelVersion = 0;
  peakRssKb = 0;
  private versions = new Map<string, number>();

  constructor(private readonly root: string, private readonly serverPath: string, private readonly report: FuzzReport, private readonly log: (l: string) => void) {
    this.sentinel = path.join(root, '__fuzz_sentinel__.py');
  }

  async start(): Promise<void> {
    this.client = await TestLspClient.start(this.root, { scanOnStartup: false, debounceMs: 0, codeLens: true }, this.serverPath);
    this.crashed = false;
    this.versions.clear();
    this.client.proc.on('exit', (code, signal) => {
      if (this.stopping) return;
      this.crashed = true;
      this.report.crashes++;
      this.report.problems.push({ file: '-', what: 'server crash', detail: `exit ${code} ${signal ?? ''}; output: ${this.client.output.slice(-500)}; last log: ${this.client.logs.slice(-3).join(' | ')}` });
    });
    this.client.conn.onNotification('window/logMessage', (p: { message: string }) => {
      this.client.logs.push(p.message);
      if (/internal error|failed/.test(p.message)) {
        this.report.internalErrors++;
        if (this.report.internalErrors <= 20) this.report.problems.push({ file: '-', what: 'internal error', detail: p.message.slice(0, 300) });
      }
    });
    await this.request('loopsafe/scanWorkspace', {});
    this.client.open(this.sentinel, this.sentinelText(0));
    await this.barrier();
  }

  private stopping = false;
  async stop(): Promise<void> {
    this.sampleRss();
    // Stopped on purpose: its exit (which arrives after this returns) is not a crash.
    this.stopping = true;
    await this.client.stop();
  }

  sampleRss(): void {
    try {
      const status = fs.readFileSync(`/proc/${this.client.proc.pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+)/.exec(status);
      if (hwm) this.peakRssKb = Math.max(this.peakRssKb, Number(hwm[1]));
    } catch {
      // the process is gone
    }
  }

  /** A file with one finding whose line encodes `n`: its publication means every earlier analysis was published. */
  private sentinelText(n: number): string {
    return `from openai import OpenAI\nclient = OpenAI(timeout=30)\n\nasync def sentinel():\n${'\n'.repeat(n % 400)}    return client.chat.completions.create(model="m", messages=[])\n`;
  }

  /** Waits until the server published everything scheduled before this call. */
  async barrier(timeoutMs = 120_000): Promise<void> {
    const n = ++this.seq;
    const line = 4 + (n % 400);
    this.client.change(this.sentinel, this.sentinelText(n), ++this.sentinelVersion + 1);
    const until = Date.now() + timeoutMs;
    for (;;) {
      const d = this.client.diagnostics.get(this.client.uri(this.sentinel));
      if (d?.some((x) => x.range.start.line === line)) return;
      if (this.crashed) throw new Error('server crashed');
      if (Date.now() > until) {
        // Unresponsive: a problem of its own; the process is stopped and a new one takes over.
        this.report.problems.push({ file: '-', what: 'server unresponsive', detail: `no answer in ${timeoutMs / 1000} s; output: ${this.client.output.slice(-500)}; log: ${this.client.logs.slice(-3).join(' | ')}` });
        this.stopping = true;
        this.client.proc.kill('SIGKILL');
        this.crashed = true;
        throw new Error('server unresponsive');
      }
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  async request<T>(method: string, params: unknown, timeoutMs = 60_000): Promise<T | undefined> {
    this.report.requests++;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.client.conn.sendRequest(method, params) as Promise<T>,
        new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${method} timed out`)), timeoutMs))),
      ]);
    } catch (err) {
      if (!this.crashed) {
        this.report.requestErrors++;
        this.report.problems.push({ file: '-', what: 'request error', detail: `${method}: ${err instanceof Error ? err.message : String(err)}` });
      }
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sets a document's text (opening it first) and returns its diagnostics once analysed. */
  async setText(file: string, text: string): Promise<Diag[]> {
    // The client's map is what the server published last (it does not send the same diagnostics twice).
    const uri = this.client.uri(file);
    const v = this.versions.get(file);
    if (v === undefined) this.client.open(file, text, LANGUAGE_ID[ext(file)] ?? 'plaintext', 1);
    else this.client.change(file, text, v + 1);
    this.versions.set(file, (v ?? 1) + 1);
    await this.barrier();
    return (this.client.diagnostics.get(uri) ?? []) as Diag[];
  }

  close(file: string): void {
    if (!this.versions.has(file)) return;
    this.versions.delete(file);
    this.client.close(file);
  }

  openFiles(): string[] {
    return [...this.versions.keys()];
  }

  async codeActions(file: string, range: Diag['range'], diagnostics: Diag[], only?: string[]): Promise<CodeAction[]> {
    return (await this.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: this.client.uri(file) }, range, context: { diagnostics, ...(only ? { only } : {}) } })) ?? [];
  }
}

const count = (d: Diag[], rule: string): number => d.filter((x) => x.code === rule).length;
const fingerprint = (d: Diag[]): string[] => d.map((x) => `${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character} ${x.code} ${x.message}`).sort();

/** Applies an LSP edit for one URI to a text. */
function applyLsp(text: string, edits: LspEdit[]): string {
  return applyEdits(text, edits);
}

/** Copies the corpus into a scratch workspace; returns its source files. */
function scratchWorkspace(repo: string): { root: string; files: string[] } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'loopsafe-fuzz-'));
  const files: string[] = [];
  for (const sub of ['test/corpus', 'test/fixtures']) {
    for (const f of walk(path.join(repo, sub))) {
      const to = path.join(root, path.relative(repo, f));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(f, to);
      if (SOURCE.test(to)) files.push(to);
    }
  }
  return { root, files: files.sort() };
}

function emptyReport(seed: number): FuzzReport {
  return { seed, corpusFiles: 0, fixFilesChecked: 0, fixesApplied: 0, suppressionsApplied: 0, fixAllRuns: 0, fixAllPasses: 0, mutations: 0, requests: 0, freshComparisons: 0, crashes: 0, requestErrors: 0, internalErrors: 0, peakRssMb: 0, seconds: 0, problems: [], notes: [] };
}

/** Mutations of a text: what a half-typed, mis-encoded or generated file can look like. */
function mutate(text: string, r: ReturnType<typeof rng>, hugeChars: number): { text: string; kind: string } {
  const at = r.int(text.length + 1);
  switch (r.int(11)) {
    case 0:
      return { text: text.slice(0, at), kind: 'truncate' };
    case 1: {
      const chars = ['(', ')', '[', ']', '{', '}', '"', "'", '`', '"""', "'''", '${', ':', '\\', '\\\n'];
      return { text: text.slice(0, at) + r.pick(chars) + text.slice(at), kind: 'insert bracket/quote' };
    }
    case 2: {
      const n = 1 + r.int(20);
      return { text: text.slice(0, at) + text.slice(at + n), kind: 'delete' };
    }
    case 3:
      return { text: text.replace(/\r?\n/g, r.int(4) === 0 ? '\r' : '\r\n'), kind: 'CRLF' };
    case 4:
      return { text: '\ufeff' + text.replace(/^\ufeff/, ''), kind: 'BOM' };
    case 5: {
      const bad = r.pick(['\ud800', '\udfff', '\ufffd', '\u0000', '\u2028', '\u00e9\u0301']);
      return { text: text.slice(0, at) + bad + text.slice(at), kind: 'invalid UTF-16/UTF-8' };
    }
    case 6: {
      const depth = 50 + r.int(3000);
      const open = r.pick(['(', '[', '{']);
      const close = open === '(' ? ')' : open === '[' ? ']' : '}';
      const nest = r.int(2) === 0 ? open.repeat(depth) + close.repeat(depth) : Array.from({ length: Math.min(depth, 400) }, (_, i) => `${' '.repeat(i)}if x:\n`).join('') + ' '.repeat(Math.min(depth, 400)) + 'pass\n';
      return { text: text.slice(0, at) + nest + text.slice(at), kind: 'deep nesting' };
    }
    case 7: {
      let big = text || 'x = 1\n';
      while (big.length < hugeChars) big += big;
      return { text: big.slice(0, hugeChars), kind: 'huge' };
    }
    case 8: {
      const from = r.int(text.length + 1);
      const len = r.int(400);
      return { text: text.slice(0, at) + text.slice(from, from + len) + text.slice(at), kind: 'duplicate region' };
    }
    case 9:
      return { text: text.slice(0, at) + ' '.repeat(r.int(8)) + '\n' + text.slice(at), kind: 'line break' };
    default:
      return { text: text.slice(0, at) + 'x'.repeat(20_000 + r.int(200_000)) + text.slice(at), kind: 'long line' };
  }
}

/** Runs the harness; never throws for what the server does (that is what it reports). */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const report = emptyReport(options.seed);
  const r = rng(options.seed);
  const { root, files } = scratchWorkspace(options.repo);
  report.corpusFiles = files.length;
  const originals = new Map(files.map((f) => [f, fs.readFileSync(f, 'utf8')]));
  let server = new Server(root, options.serverPath, report, log);
  await server.start();
  const ensureUp = async (): Promise<void> => {
    if (server.crashed) {
      server.sampleRss();
      const peak = server.peakRssKb;
      server = new Server(root, options.serverPath, report, log);
      server.peakRssKb = peak;
      await server.start();
    }
  };
  try {
    // 1. Every offered fix on corpus files that parse: applied, judged by the language's parser, finding gone.
    const order = files.slice();
    for (let i = order.length - 1; i > 0; i--) {
      const j = r.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const chosen = options.fixFiles > 0 ? order.slice(0, options.fixFiles) : order;
    const parsedBefore = new Map<string, boolean>();
    const pyFiles = chosen.filter((f) => f.endsWith('.py'));
    (await pythonVerdicts(pyFiles.map((f) => originals.get(f)!))).forEach((v, i) => parsedBefore.set(pyFiles[i], v === undefined));
    for (const f of chosen) if (!f.endsWith('.py')) parsedBefore.set(f, (await verdict(f, originals.get(f)!)) === undefined);
    const pending: { file: string; text: string; what: string }[] = [];
    const judge = async (file: string, text: string, what: string): Promise<void> => {
      if (file.endsWith('.py')) pending.push({ file, text, what });
      else {
        const v = await verdict(file, text);
        if (v) report.problems.push({ file: rel(file), what: `${what}: broken syntax`, detail: v });
      }
    };
    const rel = (f: string): string => path.relative(root, f);
    for (const file of chosen) {
      await ensureUp();
      try {
        const text = originals.get(file)!;
        const diags = await server.setText(file, text).catch(() => [] as Diag[]);
        log(`open ${rel(file)}: parsed ${parsedBefore.get(file)}, ${diags.length} findings`);
        if (!parsedBefore.get(file) || diags.length === 0) {
          server.close(file);
          continue;
        }
        report.fixFilesChecked++;
        log(`fixes: ${rel(file)} (${diags.length} findings)`);
        const seenFix = new Set<string>();
        for (const d of diags) {
          const fixes = ((d.data as { fixes?: FixData[] } | undefined)?.fixes ?? []);
          for (const fix of fixes) {
            const key = JSON.stringify(fix.edits);
            if (seenFix.has(key)) continue;
            seenFix.add(key);
            const byFile = new Map<string, FixData['edits']>();
            for (const e of fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
            const fixedMain = applyEdits(text, byFile.get(file) ?? []);
            const others = [...byFile.keys()].filter((f) => f !== file);
            report.fixesApplied++;
            await judge(file, fixedMain, `fix "${fix.title}" for ${d.code} line ${d.range.start.line + 1}`);
            for (const o of others) {
              const base = originals.get(o) ?? (fs.existsSync(o) ? fs.readFileSync(o, 'utf8') : '');
              if (parsedBefore.get(o) !== false) await judge(o, applyEdits(base, byFile.get(o)!), `fix "${fix.title}" (in ${rel(o)})`);
            }
            // The finding is gone (its rule reports fewer findings), and what else changed.
            for (const o of others) await server.setText(o, applyEdits(originals.get(o) ?? fs.readFileSync(o, 'utf8'), byFile.get(o)!));
            const after = await server.setText(file, fixedMain).catch(() => [] as Diag[]);
            for (const o of others) server.close(o);
            if (count(after, String(d.code)) >= count(diags, String(d.code))) {
              report.problems.push({ file: rel(file), what: `fix "${fix.title}" leaves ${d.code}`, detail: `line ${d.range.start.line + 1}` });
            }
            for (const rule of new Set(after.map((x) => String(x.code)))) {
              if (rule !== d.code && count(after, rule) > count(diags, rule)) report.notes.push({ file: rel(file), what: `fix "${fix.title}" (${fix.safety}) surfaces ${rule}`, detail: `line ${d.range.start.line + 1}` });
            }
            await server.setText(file, text);
          }
        }
        // Suppression: one per rule and line, through the server's own code action.
        const seenSuppress = new Set<string>();
        for (const d of diags) {
          const key = `${d.range.start.line} ${d.code}`;
          if (seenSuppress.has(key)) continue;
          seenSuppress.add(key);
          const actions = await server.codeActions(file, d.range, [d]);
          const suppress = actions.find((a) => a.title.startsWith('Suppress'));
          const edits = suppress?.edit?.changes?.[server.client.uri(file)];
          if (!edits) continue;
          const out = applyLsp(text, edits);
          report.suppressionsApplied++;
          await judge(file, out, `suppress ${d.code} line ${d.range.start.line + 1}`);
          const after = await server.setText(file, out);
          if (after.some((x) => x.code === d.code && x.range.start.line === d.range.start.line + (out.split('\n').length - text.split('\n').length))) {
            report.problems.push({ file: rel(file), what: `suppress leaves ${d.code}`, detail: `line ${d.range.start.line + 1}` });
          }
          await server.setText(file, text);
        }
        // Fix-all: applied, parses, and asking again offers nothing (converged).
        const fixAllOf = async (): Promise<LspEdit[] | undefined> => {
          const actions = await server.codeActions(file, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.loopsafe']);
          return actions[0]?.edit?.changes?.[server.client.uri(file)];
        };
        const first = await fixAllOf();
        if (first) {
          report.fixAllRuns++;
          const out = applyLsp(text, first);
          await judge(file, out, 'fix-all');
          await server.setText(file, out);
          const again = await fixAllOf();
          if (again && again.length > 0) report.problems.push({ file: rel(file), what: 'fix-all did not converge', detail: JSON.stringify(again).slice(0, 300) });
        }
        server.close(file);
      } catch {
        // the server crashed or hung on this file: reported; the next file restarts it
      }
    }
    const verdicts = await pythonVerdicts(pending.map((p) => p.text));
    verdicts.forEach((v, i) => {
      if (v) report.problems.push({ file: rel(pending[i].file), what: `${pending[i].what}: broken syntax`, detail: v });
    });
    log(`fix phase: ${report.fixesApplied} fixes, ${report.suppressionsApplied} suppressions, ${report.fixAllRuns} fix-all runs`);

    // 2. Mutated documents streamed into one server; requests on them; disk files with bad bytes.
    const live = new Map<string, string>();
    const freshEvery = options.freshChecks > 0 ? Math.max(1, Math.floor(options.mutations / options.freshChecks)) : Infinity;
    for (let i = 0; i < options.mutations; i++) {
      await ensureUp();
      const reuse = live.size > 0 && r.int(3) > 0;
      const file = reuse ? r.pick([...live.keys()]) : r.pick(files);
      const base = live.get(file) ?? originals.get(file)!;
      let { text, kind } = mutate(base, r, options.hugeChars);
      if (text.length > options.hugeChars * 2) text = text.slice(0, options.hugeChars * 2);
      report.mutations++;
      if (r.int(10) === 0) {
        // On disk with invalid UTF-8 bytes, announced as a watched-file change.
        const bytes = Buffer.concat([Buffer.from(text.slice(0, 2000), 'utf8'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from(text.slice(2000), 'utf8')]);
        if (!live.has(file)) {
          fs.writeFileSync(file, bytes);
          void server.client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 2 }] });
          await server.barrier().catch(() => undefined);
          fs.writeFileSync(file, originals.get(file)!);
          void server.client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 2 }] });
          continue;
        }
      }
      live.set(file, text);
      try {
        await server.setText(file, text);
      } catch {
        continue; // a crash: counted, the server restarts
      }
      if (live.size > 8) {
        const gone = r.pick([...live.keys()]);
        live.delete(gone);
        server.close(gone);
      }
      // Requests on the mutated text: code actions (fix-all included), hover, CodeLens.
      const line = r.int(Math.max(1, text.split('\n').length));
      const range = { start: { line, character: 0 }, end: { line, character: 0 } };
      const diags = (server.client.diagnostics.get(server.client.uri(file)) ?? []) as Diag[];
      await server.codeActions(file, diags[0]?.range ?? range, diags.slice(0, 3));
      await server.codeActions(file, range, [], ['source.fixAll.loopsafe']);
      await server.request('textDocument/hover', { textDocument: { uri: server.client.uri(file) }, position: { line, character: r.int(40) } });
      await server.request('textDocument/codeLens', { textDocument: { uri: server.client.uri(file) } });
      if (i % 25 === 0) log(`mutation ${i}: ${kind} ${rel(file)} (${text.length} chars)`);
      server.sampleRss();

      // 3. Incremental results equal a fresh server's, for every open document.
      if ((i + 1) % freshEvery === 0 && !server.crashed) {
        const mine = new Map<string, string[]>();
        try {
          for (const [f, t] of live) mine.set(f, fingerprint(await server.setText(f, t)));
        } catch {
          continue; // crashed or unresponsive: reported, and the next step restarts it
        }
        const fresh = new Server(root, options.serverPath, report, log);
        log(`fresh comparison at mutation ${i}: ${live.size} documents`);
        await fresh.start();
        log('fresh server up');
        try {
          // Every document in place first (their findings can depend on each other), then each re-read.
          for (const [f, t] of live) await fresh.setText(f, t);
          for (const [f, t] of live) {
            const theirs = fingerprint(await fresh.setText(f, t));
            if (JSON.stringify(theirs) !== JSON.stringify(mine.get(f))) {
              report.problems.push({ file: rel(f), what: 'incremental ≠ fresh', detail: `incremental ${JSON.stringify(mine.get(f)).slice(0, 400)} vs fresh ${JSON.stringify(theirs).slice(0, 400)}` });
            }
          }
          report.freshComparisons++;
        } catch {
          // the fresh server crashed or hung: reported
        } finally {
          fresh.sampleRss();
          server.peakRssKb = Math.max(server.peakRssKb, fresh.peakRssKb);
          await fresh.stop();
        }
      }
    }
  } finally {
    server.sampleRss();
    report.peakRssMb = Math.round(server.peakRssKb / 1024);
    await server.stop().catch(() => undefined);
    fs.rmSync(root, { recursive: true, force: true });
    report.seconds = Math.round((Date.now() - started) / 100) / 10;
  }
  return report;
}
