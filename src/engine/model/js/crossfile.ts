// What the analysis of one JS/TS file may ask about the rest of the workspace: the function or client an
// imported name refers to, as summarized in its defining file (the workspace index answers; see index/js-index).

import type { JsEntry, JsExportFacts, JsExportedClient } from './summary';
import type { JsObjectShape } from './shapes';

export interface JsExternalFn {
  /** The defining file and the exported name there. */
  file: string;
  name: string;
  facts: JsExportFacts;
}

export interface JsCrossFile {
  /**
   * What an imported qualified name refers to: `./llm.askLLM` (a named import), `./llm` (a default
   * import), `@/lib/ai.openai`; undefined for packages and names the workspace does not define.
   */
  lookup(qname: string): { fn?: JsExternalFn; client?: JsExportedClient; object?: JsObjectShape } | undefined;
  /**
   * True when this file imports a workspace module holding LLM facts, or other files' handlers reach its
   * functions (its own text may name no SDK or framework).
   */
  importsLlmFacts: boolean;
  /** True when some workspace file asks a dependency injector for this token (`openai.OpenAI`, see providers.ts). */
  injected?(token: string): boolean;
  /** Routes of other files that run this file's exported functions: export name → how (the shortest way). */
  entries: Map<string, JsEntry>;
}
