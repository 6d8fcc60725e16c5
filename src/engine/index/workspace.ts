// The set of files the engine knows about (open buffers and files on disk), their summaries and the
// cross-file index. Editor and CLI both go through it, so they report the same findings.

import * as fs from 'fs';
import { Engine, AnalyzeOptions, languageOf } from '../engine';
import { decodeText } from './decode';
import { PyIndex } from './python-index';
import type { PyFileSummary } from './python-summary';
import type { FileAnalysis } from '../types';

const IMPORT_LINE = /^[ \t]*(?:from[ \t]+([.\w]+)[ \t]+import|import[ \t]+([\w.]+))/gm;

export class Workspace {
  private readonly texts = new Map<string, string>();
  private readonly summaries = new Map<string, PyFileSummary>();
  private readonly dirty = new Set<string>();
  private index: PyIndex | undefined;
  /** Last segment of every Python module in the workspace, to spot imports of workspace code cheaply. */
  private moduleNames = new Set<string>();

  constructor(readonly engine: Engine, public options: AnalyzeOptions = {}) {}

  /** Records the current text of a file (an open buffer or a file read from disk). */
  upsert(file: string, text: string): void {
    if (this.texts.get(file) === text) return;
    const isNew = !this.texts.has(file);
    this.texts.set(file, text);
    if (languageOf(file) === 'python') {
      this.dirty.add(file);
      if (isNew) this.moduleNames.add(moduleName(file));
      this.index = undefined;
    }
  }

  /** Reads a file from disk into the workspace; returns a note instead of throwing. */
  load(file: string): string | undefined {
    try {
      const buf = fs.readFileSync(file);
      const { text, note } = decodeText(buf);
      this.upsert(file, text);
      return note ? `${file}: ${note}` : undefined;
    } catch (err) {
      this.remove(file);
      return `${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
    }
  }

  remove(file: string): void {
    if (!this.texts.delete(file)) return;
    this.summaries.delete(file);
    this.dirty.delete(file);
    this.engine.forget(file);
    this.index = undefined;
  }

  has(file: string): boolean {
    return this.texts.has(file);
  }

  text(file: string): string | undefined {
    return this.texts.get(file);
  }

  files(): string[] {
    return [...this.texts.keys()];
  }

  analyze(file: string): FileAnalysis | undefined {
    const text = this.texts.get(file);
    if (text === undefined || !languageOf(file)) return undefined;
    const index = languageOf(file) === 'python' ? this.ensureIndex() : undefined;
    return this.engine.analyze(file, text, this.options, index);
  }

  analyzeAll(): FileAnalysis[] {
    const out: FileAnalysis[] = [];
    for (const file of [...this.texts.keys()].sort()) {
      const result = this.analyze(file);
      if (result) out.push(result);
    }
    return out;
  }

  /**
   * Files whose findings may change when `file` changes: itself, the files that import it (directly
   * or through others) and the files it imports (their helpers may now be reached from the loop).
   */
  affectedBy(file: string): string[] {
    if (languageOf(file) !== 'python') return [file];
    const index = this.ensureIndex();
    const importers = new Map<string, Set<string>>();
    const imports = new Map<string, Set<string>>();
    for (const s of this.summaries.values()) {
      for (const q of Object.values(s.imports)) {
        const r = index.resolve(s.file, q);
        if (!r || r.file === s.file) continue;
        if (!importers.has(r.file)) importers.set(r.file, new Set());
        importers.get(r.file)!.add(s.file);
        if (!imports.has(s.file)) imports.set(s.file, new Set());
        imports.get(s.file)!.add(r.file);
      }
    }
    const out = new Set<string>([file]);
    const queue = [file];
    while (queue.length > 0) {
      const f = queue.pop()!;
      for (const i of importers.get(f) ?? []) if (!out.has(i)) (out.add(i), queue.push(i));
    }
    for (const f of imports.get(file) ?? []) out.add(f);
    return [...out];
  }

  /** Brings the index up to date: summaries of changed files, then a second pass for imported clients. */
  private ensureIndex(): PyIndex {
    if (this.index && this.dirty.size === 0) return this.index;
    for (const file of this.dirty) {
      const text = this.texts.get(file);
      const summary = text !== undefined && this.relevant(file, text) ? this.engine.summarize(file, text) : undefined;
      if (summary) this.summaries.set(file, summary);
      else this.summaries.delete(file);
    }
    this.dirty.clear();
    let index = new PyIndex(this.summaries.values());
    // Second pass: files using clients or factories defined in other files classify their calls
    // only once the index knows those clients.
    if (index.clientsFingerprint() !== '') {
      let changed = false;
      for (const [file, summary] of this.summaries) {
        if (!Object.values(summary.imports).some((q) => index.clientOf(file, q) || index.factoryOf(file, q))) continue;
        const again = this.engine.summarize(file, this.texts.get(file)!, index);
        if (again) {
          this.summaries.set(file, again);
          changed = true;
        }
      }
      if (changed) index = new PyIndex(this.summaries.values());
    }
    this.index = index;
    return index;
  }

  /** A file needs a summary when it names an SDK or framework, or imports a module of the workspace. */
  private relevant(file: string, text: string): boolean {
    if (Engine.mentionsPythonSdk(text)) return true;
    IMPORT_LINE.lastIndex = 0;
    for (let m = IMPORT_LINE.exec(text); m; m = IMPORT_LINE.exec(text)) {
      const mod = m[1] ?? m[2] ?? '';
      if (mod.startsWith('.')) return true;
      for (const part of mod.split('.')) if (this.moduleNames.has(part)) return true;
    }
    void file;
    return false;
  }
}

function moduleName(file: string): string {
  const base = file.replace(/\\/g, '/').split('/');
  const last = base[base.length - 1].replace(/\.py$/, '');
  return last === '__init__' ? base[base.length - 2] ?? last : last;
}
