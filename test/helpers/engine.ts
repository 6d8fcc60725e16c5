// Shared engine instance for tests (grammars load once per mocha run).

import { Engine, defaultWasmDir, languageOf } from '../../src/engine/api';
import { Parsers } from '../../src/engine/parse/parser';

let engine: Promise<Engine> | undefined;
let parsers: Promise<Parsers> | undefined;

export function testEngine(): Promise<Engine> {
  engine ??= Engine.create(defaultWasmDir('/nonexistent'));
  return engine;
}

export function testParsers(): Promise<Parsers> {
  parsers ??= Parsers.load(defaultWasmDir('/nonexistent'));
  return parsers;
}

/** True when the text parses without ERROR or MISSING nodes in the language of `file`. */
export async function parsesCleanly(text: string, file = 'x.py'): Promise<boolean> {
  const p = await testParsers();
  const lang = languageOf(file) ?? 'python';
  const tree = p.parse(lang, text);
  try {
    return !tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}
