// What other files need to know about one JS/TS file (for the workspace index): its relative imports,
// and for each exported function whether it returns an LLM promise or does blocking work per call.
// Plain serializable data, computed from the per-file context.

import type { JsContext } from './context';
import type { JsScope } from './model';
import { unwrap } from './syntax';

export interface JsExportFacts {
  /** The exported function is `async` (or returns a promise). */
  async: boolean;
  /** The LLM call whose promise it returns: `client.chat.completions.create (openai)`. */
  llmPromise?: string;
  /** Blocking calls it makes, directly or through local helpers: `fs.readFileSync`. */
  blocking: string[];
  /** 0-based line of the function's name, for chains. */
  line: number;
}

export interface JsFileSummary {
  /** Local name → where it comes from, for imports of workspace files (relative or aliased specifiers). */
  imports: Record<string, { source: string; imported: string }>;
  exports: Record<string, JsExportFacts>;
}

export function summarizeJs(ctx: JsContext): JsFileSummary {
  const imports: JsFileSummary['imports'] = {};
  for (const [local, imp] of ctx.model.imports) {
    // Packages are the catalogs' business; anything else may be a workspace file (relative, tsconfig alias).
    if (imp.source.includes(':') || (/^[a-z@][\w.-]*(?:\/[\w.-]+)?$/.test(imp.source) && !imp.source.startsWith('@/'))) continue;
    imports[local] = { source: imp.source, imported: imp.imported };
  }
  const exports: JsFileSummary['exports'] = {};
  for (const [name, value] of ctx.model.exports) {
    const scope = ctx.model.scopeByNode.get(unwrap(value).id) ?? (() => {
      const v = ctx.evaluator.evaluate(value, ctx.model.module);
      return v?.kind === 'function' ? v.scope : undefined;
    })();
    if (!scope || scope.kind !== 'function') continue;
    const chain = ctx.llmChainOf(scope);
    const last = chain?.[chain.length - 1];
    exports[name] = {
      async: scope.isAsync || chain !== undefined,
      llmPromise: last ? `${last.calleeText}${last.sdk ? ` (${last.sdk.id})` : last.http ? ` (${last.http.lib.id})` : ''}` : undefined,
      blocking: blockingReached(ctx, scope),
      line: (scope.nameNode ?? scope.node).startPosition.row,
    };
  }
  return { imports, exports };
}

/** Blocking calls made by a function, the functions nested in it and the local helpers it calls. */
function blockingReached(ctx: JsContext, start: JsScope): string[] {
  const out = new Set<string>();
  const seen = new Set<JsScope>([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const s = queue[i];
    for (const c of ctx.callsIn(s)) {
      if (c.kind === 'blocking' && c.blocking) out.add(c.blocking.qname);
      if (c.kind === 'helper' && c.target && !seen.has(c.target)) {
        seen.add(c.target);
        queue.push(c.target);
      }
    }
    for (const f of s.functions) if (!seen.has(f)) (seen.add(f), queue.push(f));
  }
  return [...out];
}
