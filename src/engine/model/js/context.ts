// Everything the JavaScript/TypeScript rules and fixes read about one file, computed once per analysis.

import type { Language } from '../../types';
import type { JsCall } from './calls';
import type { ExternalHandlerRef, JsHandler } from './handlers';
import type { ChainStep } from '../../types';
import type { JsModel, JsScope } from './model';
import type { Evaluator } from './values';
import type { ServerLimit } from '../../limits/server-limits';

/** How a handler reaches a function: the functions from the handler down to it (handler first). */
export interface Reach {
  handler: JsHandler;
  chain: JsScope[];
  /**
   * When a route of another file runs this code: the hops from that handler down to the caller of
   * `chain[0]` (then `handler` stands in for the route, with `chain[0]` as its scope).
   */
  external?: ChainStep[];
}

export interface JsContext {
  file: string;
  text: string;
  language: Language;
  model: JsModel;
  evaluator: Evaluator;
  handlers: JsHandler[];
  /** Routes registered here whose handler is a function of another file. */
  externalHandlers: ExternalHandlerRef[];
  /** Every classified call: LLM calls, blocking calls, calls of local functions. */
  calls: JsCall[];
  handlerOf(scope: JsScope): JsHandler | undefined;
  /** Classified calls made directly in a scope. */
  callsIn(scope: JsScope): JsCall[];
  /** Functions that run inside a request: handlers, functions nested in them, local helpers they call. */
  reachOf(scope: JsScope): Reach | undefined;
  /**
   * For a local function that makes an LLM call and returns its promise (an `async` function, or one
   * returning the promise): the calls from it down to the LLM call.
   */
  llmChainOf(scope: JsScope): JsCall[] | undefined;
  /** Memo for fixes shared by many findings. */
  memo<T>(key: string, build: () => T): T;
  /** Request time limits of the servers and proxies in front (workspace config files). */
  limits?: ServerLimit[];
  /** Seconds a timeout quick fix writes (`loopsafe.fix.timeoutSeconds`); streaming calls get 4×. */
  fixTimeoutSeconds?: number;
}
