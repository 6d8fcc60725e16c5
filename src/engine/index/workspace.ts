// The set of files the engine knows about (open buffers and files on disk) and their analyses.
// Editor and CLI both go through it, so they report the same findings.

import * as fs from 'fs';
import { Engine, AnalyzeOptions, languageOf } from '../engine';
import { decodeText } from './decode';
import type { FileAnalysis } from '../types';

export class Workspace {
  private readonly texts = new Map<string, string>();

  constructor(readonly engine: Engine, public options: AnalyzeOptions = {}) {}

  /** Records the current text of a file (an open buffer or a file read from disk). */
  upsert(file: string, text: string): void {
    this.texts.set(file, text);
  }

  /** Reads a file from disk into the workspace; returns a note instead of throwing. */
  load(file: string): string | undefined {
    try {
      const buf = fs.readFileSync(file);
      const { text, note } = decodeText(buf);
      this.texts.set(file, text);
      return note ? `${file}: ${note}` : undefined;
    } catch (err) {
      this.texts.delete(file);
      return `${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
    }
  }

  remove(file: string): void {
    this.texts.delete(file);
    this.engine.forget(file);
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
    return this.engine.analyze(file, text, this.options);
  }

  analyzeAll(): FileAnalysis[] {
    const out: FileAnalysis[] = [];
    for (const file of [...this.texts.keys()].sort()) {
      const result = this.analyze(file);
      if (result) out.push(result);
    }
    return out;
  }
}
