// Stable fingerprints of findings for baselines: rule, file, enclosing function and the flagged code with
// its whitespace removed, plus an occurrence number; they survive lines moving up or down.

import * as crypto from 'crypto';
import type { Node, Tree } from '../parse/parser';
import type { Finding, Language } from '../types';

const FUNCTION_TYPES = new Set([
  'function_definition', // Python
  'class_definition',
  'function_declaration',
  'generator_function_declaration',
  'method_definition',
  'class_declaration',
  'function_expression',
  'arrow_function',
  'function',
]);

/** Dotted name of the functions and classes around `line:character` (`Service.ask`, `handler`), '' at module level. */
export function enclosingName(tree: Tree, line: number, character: number): string {
  let node: Node | null = tree.rootNode.descendantForPosition({ row: line, column: character });
  const names: string[] = [];
  for (; node; node = node.parent) {
    if (!FUNCTION_TYPES.has(node.type)) continue;
    const name = node.childForFieldName('name')?.text ?? assignedName(node);
    if (name) names.unshift(name);
  }
  return names.join('.');
}

/** `const handler = async () => …`, `export default function (…)`, `{ handler: () => … }`. */
function assignedName(node: Node): string | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === 'variable_declarator') return parent.childForFieldName('name')?.text;
  if (parent.type === 'pair') return parent.childForFieldName('key')?.text;
  if (parent.type === 'assignment_expression') return parent.childForFieldName('left')?.text;
  // A callback handed to a call: `app.post('/chat', async (req, res) => …)` is `app.post('/chat')`.
  if (parent.type === 'arguments' && parent.parent?.type === 'call_expression') {
    const callee = parent.parent.childForFieldName('function')?.text.replace(/\s+/g, '');
    const first = parent.namedChild(0);
    const label = first && first.type === 'string' ? first.text : '';
    return callee ? `${callee}(${label})` : undefined;
  }
  return undefined;
}

/** The flagged code with every whitespace character removed. */
export function normalizedCode(text: string, finding: Finding): string {
  const lines = text.split('\n');
  const { start, end } = finding.range;
  let code: string;
  if (start.line === end.line) code = (lines[start.line] ?? '').slice(start.character, end.character);
  else code = [(lines[start.line] ?? '').slice(start.character), ...lines.slice(start.line + 1, end.line), (lines[end.line] ?? '').slice(0, end.character)].join('\n');
  return code.replace(/\s+/g, '').slice(0, 500);
}

export interface FingerprintInput {
  rule: string;
  /** Path relative to the project root, `/`-separated. */
  file: string;
  function: string;
  code: string;
}

/**
 * Fingerprints of one file's findings, in order: sha1 of rule, file, function and code, then `:n` for the
 * n-th finding with the same four (two identical calls in one function stay two entries).
 */
export function fingerprints(inputs: FingerprintInput[]): string[] {
  const seen = new Map<string, number>();
  return inputs.map((i) => {
    const hash = crypto.createHash('sha1').update(`${i.rule}\u0000${i.file}\u0000${i.function}\u0000${i.code}`).digest('hex').slice(0, 20);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  });
}

export type { Language };
