// Import edits for Python fixes, all through one place: make a module name available, or make a
// class importable under its async twin's name.

import type { Node } from '../parse/parser';
import type { PyModel } from '../model/python/model';
import { children, field, namedChildren } from '../model/python/syntax';
import type { TextEdit } from '../types';

/** Returns the local name under which `module` is reachable, adding `import module` if needed. */
export function ensureModuleImport(model: PyModel, file: string, module: string): { name: string; edits: TextEdit[] } {
  for (const [local, qname] of model.imports) {
    if (qname === module && model.moduleImports.has(local)) return { name: local, edits: [] };
  }
  const line = model.importInsertLine;
  return {
    name: module,
    edits: [{ file, range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `import ${module}\n` }],
  };
}

/** Local name of an imported member (`from openai import AsyncOpenAI` → `AsyncOpenAI`), if any. */
export function importedNameFor(model: PyModel, qname: string): string | undefined {
  for (const [local, q] of model.imports) if (q === qname && !model.moduleImports.has(local)) return local;
  return undefined;
}

/**
 * Makes `newQname` importable by its short name from the same `from X import ...` statement that
 * imports `oldQname` as `oldLocal`. When the old name has no other use, it is replaced in place.
 */
export function swapFromImport(model: PyModel, file: string, oldQname: string, oldLocal: string, newQname: string, oldStillUsed: boolean): { name: string; edits: TextEdit[] } | undefined {
  const existing = importedNameFor(model, newQname);
  if (existing) return { name: existing, edits: [] };
  const newShort = newQname.slice(newQname.lastIndexOf('.') + 1);
  const stmt = model.importNodes.find((n) => n.type === 'import_from_statement' && importsName(n, oldQname, oldLocal));
  if (!stmt) return undefined;
  const item = importItem(stmt, oldLocal);
  if (!item) return undefined;
  const newModule = newQname.slice(0, newQname.lastIndexOf('.'));
  const oldModule = oldQname.slice(0, oldQname.lastIndexOf('.'));
  if (newModule !== oldModule) return undefined;
  if (!oldStillUsed && item.type === 'dotted_name') {
    return { name: newShort, edits: [{ file, range: rangeOf(item), newText: newShort }] };
  }
  const names = children(stmt).filter((c) => c.type === 'dotted_name' || c.type === 'aliased_import');
  const last = names[names.length - 1];
  if (!last) return undefined;
  return { name: newShort, edits: [{ file, range: { start: pos(last.endPosition), end: pos(last.endPosition) }, newText: `, ${newShort}` }] };
}

function importsName(stmt: Node, qname: string, local: string): boolean {
  const moduleName = field(stmt, 'module_name')?.text;
  if (!moduleName || `${moduleName}.${qname.slice(qname.lastIndexOf('.') + 1)}` !== qname && !qname.startsWith(moduleName + '.')) return false;
  return importItem(stmt, local) !== undefined;
}

function importItem(stmt: Node, local: string): Node | undefined {
  const moduleNode = field(stmt, 'module_name');
  for (const c of namedChildren(stmt)) {
    if (moduleNode && c.id === moduleNode.id) continue;
    if (c.type === 'dotted_name' && c.text === local) return c;
    if (c.type === 'aliased_import' && field(c, 'alias')?.text === local) return c;
  }
  return undefined;
}

function pos(p: { row: number; column: number }): { line: number; character: number } {
  return { line: p.row, character: p.column };
}

function rangeOf(n: Node) {
  return { start: pos(n.startPosition), end: pos(n.endPosition) };
}
