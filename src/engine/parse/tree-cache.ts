// Keeps the last parse tree of recently analysed files so a keystroke re-parses incrementally and a
// file summarized and then analysed is parsed once. Bounded by total source size; evicted trees are deleted.

import type { Language } from '../types';
import type { Parsers, Tree } from './parser';

interface Entry {
  lang: Language;
  text: string;
  tree: Tree;
  /** Derived per-tree data (e.g. the Python model), dropped with the tree. */
  extras: Map<string, unknown>;
  /**
   * After an incremental re-parse: the previous (edited) tree, its derived data and the edit between
   * the two texts, offered once per key to `derive` so it can reuse the parts the edit did not touch.
   * The previous tree is deleted once every key was offered, or with this entry.
   */
  previous?: { extras: Map<string, unknown>; edit: TreeEdit; tree: Tree };
}

/** What a `derive` builder may reuse: the same key's data for the previous version of the text. */
export interface PreviousDerived<T> {
  value: T;
  /** The edit turning the previous text into this one. */
  edit: TreeEdit;
  /** The previous tree, already edited (its nodes' own offset fields predate the edit). Alive during `build`. */
  tree: Tree;
}

export interface Parsed {
  tree: Tree;
  /**
   * Data derived from this exact tree, built once: `parsed.derive('model', () => buildModel(...))`.
   * After an incremental re-parse, `build` gets the previous tree's value for the key.
   */
  derive<T>(key: string, build: (previous?: PreviousDerived<T>) => T): T;
}

/** Edits smaller than this share of the file are parsed incrementally; bigger ones from scratch. */
const INCREMENTAL_MAX_SHARE = 0.5;

export class TreeCache {
  private readonly entries = new Map<string, Entry>();
  private chars = 0;

  constructor(
    private readonly parsers: Parsers,
    /** Total characters of source whose trees are kept (about 12 bytes of wasm memory each). */
    private readonly maxChars = 4_000_000,
  ) {}

  /** The tree of `text`, reusing or incrementally updating the one kept for `file`. Owned by the cache. */
  get(file: string, lang: Language, text: string): Parsed {
    const old = this.entries.get(file);
    if (old && old.lang === lang && old.text === text) {
      // Most recently used goes last.
      this.entries.delete(file);
      this.entries.set(file, old);
      return view(old);
    }
    let tree: Tree;
    let previous: Entry['previous'];
    if (old && old.lang === lang) {
      const edit = textEdit(old.text, text);
      if (edit && edit.span <= Math.max(64, text.length * INCREMENTAL_MAX_SHARE)) {
        old.tree.edit(edit.edit);
        tree = this.parsers.parse(lang, text, old.tree);
        if (old.extras.size > 0) {
          // The old tree stays alive until its derived data was offered to the new one.
          previous = { extras: new Map(old.extras), edit: edit.edit, tree: old.tree };
          this.drop(file, false);
        }
      } else {
        tree = this.parsers.parse(lang, text);
      }
      if (!previous) this.drop(file);
    } else {
      if (old) this.drop(file);
      tree = this.parsers.parse(lang, text);
    }
    const entry: Entry = { lang, text, tree, extras: new Map(), previous };
    // A file bigger than the whole budget still stays until the next call: the caller is using it.
    this.entries.set(file, entry);
    this.chars += text.length;
    this.evict();
    return view(entry);
  }

  forget(file: string): void {
    this.drop(file);
  }

  clear(): void {
    for (const file of [...this.entries.keys()]) this.drop(file);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The files whose trees are kept, most recently used first. */
  recentFiles(): string[] {
    return [...this.entries.keys()].reverse();
  }

  private drop(file: string, deleteTree = true): void {
    const e = this.entries.get(file);
    if (!e) return;
    this.entries.delete(file);
    this.chars -= e.text.length;
    e.extras.clear();
    e.previous?.tree.delete();
    e.previous = undefined;
    if (deleteTree) e.tree.delete();
  }

  private evict(): void {
    for (const [file] of this.entries) {
      if (this.chars <= this.maxChars || this.entries.size <= 1) break;
      this.drop(file);
    }
  }
}

function view(entry: Entry): Parsed {
  return {
    tree: entry.tree,
    derive<T>(key: string, build: (previous?: PreviousDerived<T>) => T): T {
      if (!entry.extras.has(key)) {
        const prev = entry.previous;
        const value = prev?.extras.get(key);
        prev?.extras.delete(key);
        try {
          entry.extras.set(key, build(prev && value !== undefined ? { value: value as T, edit: prev.edit, tree: prev.tree } : undefined));
        } finally {
          if (prev && prev.extras.size === 0 && entry.previous === prev) {
            entry.previous = undefined;
            prev.tree.delete();
          }
        }
      }
      return entry.extras.get(key) as T;
    },
  };
}

interface Point {
  row: number;
  column: number;
}

export interface TreeEdit {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
  startPosition: Point;
  oldEndPosition: Point;
  newEndPosition: Point;
}

/** The single edit turning `before` into `after` (common prefix and suffix kept), in UTF-16 units. */
export function textEdit(before: string, after: string): { edit: TreeEdit; span: number } | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  // Common prefix and suffix: whole blocks compared as strings first (a native compare), then characters.
  const BLOCK = 512;
  let start = 0;
  while (start + BLOCK <= max && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail + BLOCK <= max - start && before.slice(before.length - tail - BLOCK, before.length - tail) === after.slice(after.length - tail - BLOCK, after.length - tail)) tail += BLOCK;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  // Keep surrogate pairs whole.
  if (start > 0 && isLowSurrogate(before.charCodeAt(start))) start--;
  const oldEnd = before.length - tail;
  const newEnd = after.length - tail;
  const startPosition = pointAt(before, start);
  return {
    edit: {
      startIndex: start,
      oldEndIndex: oldEnd,
      newEndIndex: newEnd,
      startPosition,
      oldEndPosition: pointAt(before, oldEnd, start, startPosition),
      newEndPosition: pointAt(after, newEnd, start, startPosition),
    },
    span: Math.max(oldEnd, newEnd) - start,
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Row and column (UTF-16 units) of `index`, optionally counting on from a known point. */
function pointAt(text: string, index: number, from = 0, fromPoint: Point = { row: 0, column: 0 }): Point {
  let row = fromPoint.row;
  let lineStart = from - fromPoint.column;
  for (let i = text.indexOf('\n', from); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: index - lineStart };
}
