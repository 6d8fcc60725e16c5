// Quick fixes that switch one call to its SDK's async variant on the same object: a method pair
// (`invoke` → `ainvoke`, `complete` → `complete_async`), a module function pair (`litellm.completion`
// → `litellm.acompletion`), or an async view attribute (google-genai `client.aio`).

import type { Node } from '../parse/parser';
import type { LlmCall } from '../model/python/calls';
import type { PyContext } from '../model/python/context';
import { field, rangeOf } from '../model/python/syntax';
import type { Fix, TextEdit } from '../types';

function awaitPrefix(ctx: PyContext, call: LlmCall): TextEdit[] | undefined {
  const v = call.usage.valueNode;
  const at = { line: v.startPosition.row, character: v.startPosition.column };
  switch (call.usage.kind) {
    case 'awaited':
      return [];
    case 'attribute':
    case 'subscript':
      if (v.type === 'parenthesized_expression') return [{ file: ctx.file, range: { start: { line: at.line, character: at.character + 1 }, end: { line: at.line, character: at.character + 1 } }, newText: 'await ' }];
      return [
        { file: ctx.file, range: { start: at, end: at }, newText: '(await ' },
        { file: ctx.file, range: { start: { line: v.endPosition.row, character: v.endPosition.column }, end: { line: v.endPosition.row, character: v.endPosition.column } }, newText: ')' },
      ];
    case 'iterated':
    case 'async-iterated':
    case 'context':
    case 'async-context':
      return undefined; // streams change shape between the sync and async variants
    default:
      return [{ file: ctx.file, range: { start: at, end: at }, newText: 'await ' }];
  }
}

/** Fix for a sync call inside `async def` whose SDK has an async variant on the same object. */
export function asyncVariantFix(ctx: PyContext, call: LlmCall): Fix | undefined {
  if (call.scope.kind !== 'function' || !call.scope.isAsync || call.async) return undefined;
  const callee = field(call.node, 'function');
  if (!callee) return undefined;
  const awaitEdits = awaitPrefix(ctx, call);
  if (!awaitEdits) return undefined;
  const sdk = call.sdk;

  if (callee.type === 'attribute') {
    const nameNode = field(callee, 'attribute');
    const method = nameNode?.text ?? '';
    // Method pair on the same object.
    const pair = sdk.asyncPairs?.[method];
    if (nameNode && pair && pair !== method && call.client) {
      return {
        title: `Use \`${pair}\` and await`,
        safety: 'safe',
        preferred: true,
        edits: [{ file: ctx.file, range: rangeOf(nameNode), newText: pair }, ...awaitEdits],
      };
    }
    // Async view attribute: insert `.aio` right after the client expression.
    if (sdk.asyncAttr && call.client && !call.client.hit.cls.async) {
      const clientExpr = clientExpression(callee, ctx, call);
      if (clientExpr) {
        const end = { line: clientExpr.endPosition.row, character: clientExpr.endPosition.column };
        return {
          title: `Use \`${clientExpr.text}.${sdk.asyncAttr}\` and await`,
          safety: 'safe',
          preferred: true,
          edits: [{ file: ctx.file, range: { start: end, end }, newText: `.${sdk.asyncAttr}` }, ...awaitEdits],
        };
      }
    }
  }
  // Module function pair: `litellm.completion` → `litellm.acompletion`, `completion` → `acompletion`.
  if (sdk.modulePairs && !call.client) {
    const target = callee.type === 'attribute' ? field(callee, 'attribute') : callee.type === 'identifier' ? callee : null;
    if (!target) return undefined;
    const qname = Object.keys(sdk.modulePairs).find((q) => q.endsWith('.' + target.text));
    if (!qname) return undefined;
    const asyncName = sdk.modulePairs[qname].slice(sdk.modulePairs[qname].lastIndexOf('.') + 1);
    const edits: TextEdit[] = [...awaitEdits];
    if (callee.type === 'identifier') {
      // `from litellm import completion`: import the async name next to it.
      const stmt = ctx.model.importNodes.find((n) => n.type === 'import_from_statement' && n.text.includes(target.text) && ctx.model.imports.get(target.text) === qname);
      if (!stmt) return undefined;
      if (!ctx.model.imports.has(asyncName)) {
        // Right after the last imported name: a trailing comma or a comment before `)` stays valid.
        const moduleNode = field(stmt, 'module_name');
        const names = stmt.namedChildren.filter((c): c is Node => c !== null && c.id !== moduleNode?.id && (c.type === 'dotted_name' || c.type === 'aliased_import'));
        const last = names[names.length - 1];
        if (!last) return undefined;
        const at = { line: last.endPosition.row, character: last.endPosition.column };
        edits.push({ file: ctx.file, range: { start: at, end: at }, newText: `, ${asyncName}` });
      }
    }
    edits.push({ file: ctx.file, range: rangeOf(target), newText: asyncName });
    return { title: `Use \`${asyncName}\` and await`, safety: 'safe', preferred: true, edits };
  }
  return undefined;
}

/** The sub-expression of the callee that evaluates to the client (`client` in `client.models.generate_content`). */
function clientExpression(callee: Node, ctx: PyContext, call: LlmCall): Node | undefined {
  let n: Node | null = callee;
  while (n && n.type === 'attribute') {
    const obj = field(n, 'object');
    if (!obj) return undefined;
    const v = ctx.evaluator.evaluate(obj, call.scope);
    if (v?.kind === 'client') return obj;
    n = obj;
  }
  return undefined;
}
