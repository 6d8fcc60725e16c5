// Everything the Python rules and fixes read about one file, computed once per analysis.

import type { Node } from '../../parse/parser';
import type { Handler } from './handlers';
import type { LlmCall } from './calls';
import type { PyModel, Scope } from './model';
import type { Evaluator } from './values';

export interface PyContext {
  file: string;
  text: string;
  model: PyModel;
  evaluator: Evaluator;
  handlers: Handler[];
  calls: LlmCall[];
  /** Handler by function scope node id. */
  handlerOf(scope: Scope): Handler | undefined;
  /** Identifier nodes by text, outside import statements (for "is this name used elsewhere"). */
  identifierUses(name: string): Node[];
}
