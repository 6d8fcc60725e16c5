// Loads the tree-sitter runtime and grammars (Microsoft's wasm builds) once, and hands out parsers.
// The wasm directory is a parameter: dist/ in the bundle, node_modules in tests.

import * as TS from '@vscode/tree-sitter-wasm';
import * as path from 'path';
import type { Language } from '../types';

export type Tree = TS.Tree;
export type Node = TS.Node;
export type TreeCursor = TS.TreeCursor;

const GRAMMAR_FILES: Record<Language, string> = {
  python: 'tree-sitter-python.wasm',
  javascript: 'tree-sitter-javascript.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
};

export class Parsers {
  private readonly parsers = new Map<Language, TS.Parser>();

  private constructor(private readonly languages: Map<Language, TS.Language>) {}

  static async load(wasmDir: string, wanted: Language[] = ['python', 'javascript', 'typescript', 'tsx']): Promise<Parsers> {
    await TS.Parser.init({ locateFile: (file: string) => path.join(wasmDir, file) });
    const languages = new Map<Language, TS.Language>();
    for (const lang of wanted) {
      languages.set(lang, await TS.Language.load(path.join(wasmDir, GRAMMAR_FILES[lang])));
    }
    return new Parsers(languages);
  }

  has(lang: Language): boolean {
    return this.languages.has(lang);
  }

  /** Parses `text` (incrementally when given the edited old tree); the caller owns the tree and must `delete()` it. */
  parse(lang: Language, text: string, oldTree?: Tree): Tree {
    let parser = this.parsers.get(lang);
    if (!parser) {
      const language = this.languages.get(lang);
      if (!language) throw new Error(`no grammar loaded for ${lang}`);
      parser = new TS.Parser();
      parser.setLanguage(language);
      this.parsers.set(lang, parser);
    }
    const tree = parser.parse(text, oldTree ?? null);
    if (!tree) throw new Error(`tree-sitter returned no tree for a ${lang} file`);
    return tree;
  }
}

/** Default wasm directory: next to the bundle (dist/), else the package in node_modules. */
export function defaultWasmDir(fromDir: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('fs') as typeof import('fs');
  const bundled = path.join(fromDir, 'wasm');
  if (fs.existsSync(path.join(bundled, 'tree-sitter.wasm'))) return bundled;
  return path.dirname(require.resolve('@vscode/tree-sitter-wasm/wasm/tree-sitter.wasm'));
}

/** Per language: whether a type name is also an anonymous token (`await`, `yield`, `lambda` keywords). */
const alsoAnonymous = new Map<TS.Language, Map<string, boolean>>();

function isAlsoAnonymous(language: TS.Language, type: string): boolean {
  let byType = alsoAnonymous.get(language);
  if (!byType) alsoAnonymous.set(language, (byType = new Map()));
  let known = byType.get(type);
  if (known === undefined) byType.set(type, (known = language.idForNodeType(type, false) !== null));
  return known;
}

/**
 * Every named node of one of `types` under `root` (root included), outer before inner, in source order,
 * with their offsets. One walk inside wasm (`descendantsOfType`, a cursor walk in C, about twice as fast
 * as a query) instead of a JS walk that crosses into wasm per node.
 */
export function nodesOfTypes(root: Node, types: readonly string[]): { nodes: Node[]; starts: number[]; ends: number[] } {
  const found = root.descendantsOfType(types as string[]);
  // `descendantsOfType` matches by name, so a type that is also a keyword token (`await`, `yield`,
  // `lambda`) brings the keywords too: nodes spelling such a keyword exactly are checked and dropped.
  const language = root.tree.language;
  const keywords = types.filter((t) => isAlsoAnonymous(language, t));
  const nodes: Node[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const n of found) {
    if (!n) continue;
    const start = n.startIndex;
    const end = n.endIndex;
    if (keywords.length > 0 && keywords.some((k) => k.length === end - start) && keywords.includes(n.text) && !n.isNamed) continue;
    nodes.push(n);
    starts.push(start);
    ends.push(end);
  }
  return { nodes, starts, ends };
}
