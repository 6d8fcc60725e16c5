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

let runtime: Promise<void> | undefined;
const grammars = new Map<string, Promise<TS.Language>>();

export class Parsers {
  private readonly parsers = new Map<Language, TS.Parser>();

  private constructor(private readonly languages: Map<Language, TS.Language>) {}

  static async load(wasmDir: string, wanted: Language[] = ['python', 'javascript', 'typescript', 'tsx']): Promise<Parsers> {
    // The runtime is one wasm instance per process: initializing it again would orphan every parser,
    // language and tree made before (and throw away the optimized code of the warm one).
    runtime ??= TS.Parser.init({ locateFile: (file: string) => path.join(wasmDir, file) }).then(installNodeMemo);
    await runtime;
    const languages = new Map<Language, TS.Language>();
    for (const lang of wanted) {
      const file = path.join(wasmDir, GRAMMAR_FILES[lang]);
      let grammar = grammars.get(file);
      if (!grammar) grammars.set(file, (grammar = TS.Language.load(file)));
      languages.set(lang, await grammar);
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

/** Per tree: what was read from wasm about its nodes, by node id (unique within a tree). */
interface NodeMemo {
  type: Map<number, string>;
  end: Map<number, number>;
  endPosition: Map<number, TS.Point>;
  /** Per field id (below 256): by node id. */
  field: Array<Map<number, Node | null> | undefined>;
}

const MEMO = Symbol('loopsafe.nodeMemo');
const DELETED = Symbol('loopsafe.treeDeleted');
type MemoTree = TS.Tree & { [MEMO]?: NodeMemo; [DELETED]?: boolean };

function memoOf(tree: TS.Tree): NodeMemo {
  const t = tree as MemoTree;
  // Reading a node of a deleted tree would read freed wasm memory: fail loudly instead.
  if (t[DELETED]) throw new Error('read of a node whose tree was deleted');
  let m = t[MEMO];
  if (!m) t[MEMO] = m = { type: new Map(), end: new Map(), endPosition: new Map(), field: [] };
  return m;
}

let memoInstalled = false;

/**
 * Every property read of a web-tree-sitter node crosses into wasm (the node is copied into a transfer
 * buffer, a new Node object comes back), and the analyses read the same few properties of the same
 * nodes many times through fresh Node objects: `type`, `endIndex`, `endPosition` and
 * `childForFieldName` are remembered per tree and node id. A node's type, end and field children never
 * change within a tree, except through `Tree.edit`, which drops the tree's memo.
 */
function installNodeMemo(): void {
  if (memoInstalled) return;
  memoInstalled = true;
  const proto = TS.Node.prototype as unknown as Record<string, unknown>;
  const getter = (name: string): ((this: Node) => unknown) => {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (!d?.get) throw new Error(`tree-sitter Node has no ${name} getter`);
    return d.get as (this: Node) => unknown;
  };
  const typeOf = getter('type');
  const endOf = getter('endIndex');
  const endPositionOf = getter('endPosition');
  Object.defineProperty(proto, 'type', {
    configurable: true,
    get(this: Node): string {
      const m = memoOf(this.tree).type;
      let v = m.get(this.id);
      if (v === undefined) m.set(this.id, (v = typeOf.call(this) as string));
      return v;
    },
  });
  Object.defineProperty(proto, 'endIndex', {
    configurable: true,
    get(this: Node): number {
      const m = memoOf(this.tree).end;
      let v = m.get(this.id);
      if (v === undefined) m.set(this.id, (v = endOf.call(this) as number));
      return v;
    },
  });
  Object.defineProperty(proto, 'endPosition', {
    configurable: true,
    get(this: Node): TS.Point {
      const m = memoOf(this.tree).endPosition;
      let v = m.get(this.id);
      if (v === undefined) m.set(this.id, (v = endPositionOf.call(this) as TS.Point));
      // A copy: callers may keep or change the point they get.
      return { row: v.row, column: v.column };
    },
  });
  const childForFieldId = proto.childForFieldId as (this: Node, id: number) => Node | null;
  // Field ids by name, per language (a scan of the language's field list per call showed in profiles).
  const fieldIds = new WeakMap<TS.Language, Map<string, number>>();
  proto.childForFieldName = function (this: Node, name: string): Node | null {
    const language = this.tree.language;
    let ids = fieldIds.get(language);
    if (!ids) fieldIds.set(language, (ids = new Map()));
    let fieldId = ids.get(name);
    if (fieldId === undefined) ids.set(name, (fieldId = language.fields.indexOf(name)));
    if (fieldId === -1) return null;
    if (fieldId >= 256) return childForFieldId.call(this, fieldId);
    // One map per field keyed by the node id (a combined `id * 256 + field` key left the small-integer
    // range once node addresses passed 8 MB, and every lookup then hashed a heap number).
    const fields = memoOf(this.tree).field;
    const m = (fields[fieldId] ??= new Map());
    let v = m.get(this.id);
    if (v === undefined) m.set(this.id, (v = childForFieldId.call(this, fieldId)));
    return v;
  };
  const treeProto = TS.Tree.prototype as unknown as { edit(this: MemoTree, edit: TS.Edit): void; delete(this: MemoTree): void };
  const del = treeProto.delete;
  treeProto.delete = function (this: MemoTree): void {
    this[DELETED] = true;
    this[MEMO] = undefined;
    del.call(this);
  };
  const edit = treeProto.edit;
  treeProto.edit = function (this: MemoTree, e: TS.Edit): void {
    this[MEMO] = undefined;
    edit.call(this, e);
  };
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
