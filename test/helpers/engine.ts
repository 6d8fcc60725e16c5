// Shared engine instance for tests (grammars load once per mocha run).

import { Engine, defaultWasmDir } from '../../src/engine/api';
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

/** True when the Python text parses without ERROR or MISSING nodes. */
export async function parsesCleanly(text: string): Promise<boolean> {
  const p = await testParsers();
  const tree = p.parse('python', text);
  try {
    return !tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}
