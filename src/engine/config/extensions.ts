// The project config's extension points: the team's own blocking functions and LLM client wrappers are
// added to the catalogs (and taken out again when the config changes), so the analysis treats them alike.

import { BLOCKING_FUNCTIONS, refreshBlockingNames } from '../catalog/python-blocking';
import { PYTHON_SDKS, refreshSdkIndexes, type PySdk } from '../catalog/python-sdks';
import { refreshPythonSdkTops } from '../engine';
import { clearQnameValues } from '../model/python/values';
import type { BlockingFunctionSpec, LlmClientSpec, ProjectConfig } from './project-config';
import { setJsProjectBlocking } from '../catalog/js-blocking';
import { setJsProjectSdks, type JsSdk } from '../catalog/js-sdks';
import { isRelativeName, setJsProjectNames } from '../catalog/js-project';

export interface CatalogExtensions {
  blockingFunctions: BlockingFunctionSpec[];
  llmClients: LlmClientSpec[];
}

let current = '';
let addedBlocking: string[] = [];
let addedSdks = new Set<PySdk>();

/** The extension points of every config: qualified names cannot collide, so they are simply combined. */
export function extensionsOf(configs: ProjectConfig[]): CatalogExtensions {
  const blocking = new Map<string, BlockingFunctionSpec>();
  const clients = new Map<string, LlmClientSpec>();
  for (const c of configs) {
    // Relative JS/TS names of two configs may name different modules: they are told apart by their key.
    for (const b of c.blockingFunctions) if (!blocking.has(b.jsKey)) blocking.set(b.jsKey, b);
    for (const l of c.llmClients) if (!clients.has(l.jsKey)) clients.set(l.jsKey, l);
  }
  return { blockingFunctions: [...blocking.values()].sort((a, b) => a.jsKey.localeCompare(b.jsKey)), llmClients: [...clients.values()].sort((a, b) => a.jsKey.localeCompare(b.jsKey)) };
}

/**
 * Puts these extensions into the catalogs in place of the previous ones. Returns true when that changed
 * anything (then every remembered analysis is stale: `Engine.forgetAll`, `Workspace.catalogChanged`).
 */
export function setCatalogExtensions(ext: CatalogExtensions): boolean {
  const key = JSON.stringify(ext);
  if (key === current) return false;
  current = key;
  for (const q of addedBlocking) delete BLOCKING_FUNCTIONS[q];
  addedBlocking = [];
  // Python: names a Python import can spell (no `/`, `@`, `-`).
  const python = (q: string): boolean => /^[A-Za-z_][\w.]*$/.test(q);
  for (const b of ext.blockingFunctions) {
    if (!python(b.qname) || BLOCKING_FUNCTIONS[b.qname]) continue; // the catalog's own entry stays
    BLOCKING_FUNCTIONS[b.qname] = { what: b.what, instead: b.instead };
    addedBlocking.push(b.qname);
  }
  for (let i = PYTHON_SDKS.length - 1; i >= 0; i--) if (addedSdks.has(PYTHON_SDKS[i])) PYTHON_SDKS.splice(i, 1);
  addedSdks = new Set(ext.llmClients.filter((c) => python(c.qname)).map((c) => sdkOf(c, ext.llmClients)));
  // JS/TS: every name (a dotted Python-looking one may be a package `mycompany.llm` too).
  setJsProjectBlocking(new Map(ext.blockingFunctions.map((b) => [b.jsKey, { what: jsWhat(b), instead: b.instead }])));
  setJsProjectSdks(ext.llmClients.map(jsSdkOf));
  setJsProjectNames([...ext.blockingFunctions, ...ext.llmClients].map((x) => ({ key: x.jsKey, written: x.qname })));
  PYTHON_SDKS.push(...addedSdks);
  refreshBlockingNames();
  refreshSdkIndexes();
  refreshPythonSdkTops();
  clearQnameValues();
  return true;
}

/** A catalog row for one project client: its class (or the factory's result) with the given nature and defaults. */
function sdkOf(c: LlmClientSpec, all: LlmClientSpec[]): PySdk {
  const modulePath = c.qname.slice(0, c.qname.lastIndexOf('.'));
  const twin = c.asyncTwin ? all.find((x) => x.qname === c.asyncTwin) : undefined;
  const classes = [{ qname: c.qname, async: c.async, asyncTwin: !c.async && twin && !twin.factory && !c.factory ? twin.qname : undefined }];
  return {
    // Unique, and what messages call it: "(mycompany.llm.LLMClient `LLMClient`)".
    id: c.qname,
    modules: [modulePath],
    classes,
    clientReturning: [],
    nonApiMethods: ['close', 'aclose'],
    asyncContextManagers: [],
    asyncGenerators: [],
    moduleSync: [],
    moduleAsync: [],
    defaults: { timeoutSeconds: c.timeoutSeconds, retries: c.retries },
    callMethods: c.methods,
    timeoutArg: c.timeoutArg === null ? null : { key: c.timeoutArg, form: c.timeoutUnit ?? 's' },
    factories: c.factory ? [{ qname: c.qname, cls: c.qname }] : undefined,
  };
}

/** The kind of work JS/TS messages name ("Synchronous {what} call"): the config's description in brackets. */
function jsWhat(b: BlockingFunctionSpec): string {
  return b.what.startsWith('blocks (') ? 'blocking (named in the project config)' : `blocking (${b.what})`;
}

/** A JS/TS catalog row for one project client: a class (or factory) whose calls return promises or block. */
function jsSdkOf(c: LlmClientSpec): JsSdk {
  const key = c.jsKey;
  const name = key.slice(key.lastIndexOf('.') + 1);
  const unit = c.timeoutUnit ?? 'ms';
  const sample = unit === 'ms' ? '30_000' : '30';
  return {
    id: c.qname,
    packages: isRelativeName(c.qname) ? [] : [c.qname.slice(0, c.qname.lastIndexOf('.'))],
    project: true,
    classes: [{ name, qnames: c.factory ? [] : [key], ...(c.methods ? { callMethods: c.methods } : {}), ...(c.async ? {} : { blocking: true }) }],
    ...(c.factory ? { factories: [{ qname: key, cls: name }] } : {}),
    nonApi: ['close', 'destroy', 'toString', 'toJSON'],
    defaults: { timeoutMs: c.timeoutSeconds === null ? null : c.timeoutSeconds * 1000, retries: c.retries },
    // The constructor's (or factory's) options object takes the timeout under `timeout-arg`, the retry count under `retries-arg`.
    options: {
      ...(c.timeoutArg === null ? {} : { ctorTimeout: { path: [c.timeoutArg], unit }, ctorTimeoutText: `${c.timeoutArg}: ${sample}` }),
      ...(c.retriesArg ? { ctorRetries: [c.retriesArg] } : {}),
    },
  };
}
