// Everything the Python rules and fixes read about one file, computed once per analysis.

import type { Node } from '../../parse/parser';
import type { Handler } from './handlers';
import type { LlmCall } from './calls';
import type { PyModel, Scope } from './model';
import type { Evaluator } from './values';
import type { PyIndex } from '../../index/python-index';
import type { PyFileSummary } from '../../index/python-summary';
import type { ServerLimit } from '../../limits/server-limits';

export interface PyContext {
  file: string;
  text: string;
  model: PyModel;
  evaluator: Evaluator;
  handlers: Handler[];
  calls: LlmCall[];
  /** Handler by function scope node id. */
  handlerOf(scope: Scope): Handler | undefined;
  /** True for a function the framework runs once at startup or shutdown (lifespan, startup hooks). */
  isLifecycleHook(scope: Scope): boolean;
  /** Identifier nodes by text, outside import statements (for "is this name used elsewhere"). */
  identifierUses(name: string): Node[];
  /** LLM calls made directly in a scope. */
  callsIn(scope: Scope): LlmCall[];
  /** LLM calls made through the client built by this constructor call. */
  callsThrough(ctor: Node): LlmCall[];
  /** The workspace index with this file's summary in it (just this file when analysed alone). */
  index: PyIndex;
  summary: PyFileSummary;
  /** Request time limits of the servers and proxies in front of the app (workspace config files). */
  limits: ServerLimit[];
  /** Seconds the timeout quick fixes write (`loopsafe.fix.timeoutSeconds`). */
  fixTimeoutSeconds: number;
  /** Memo for fixes shared by many findings (the async-client fix of one client). */
  memo<T>(key: string, build: () => T): T;
}
