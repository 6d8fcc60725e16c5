// The project config's extension points: the team's own blocking functions and LLM client wrappers are
// added to the catalogs (and taken out again when the config changes), so the analysis treats them alike.

import { BLOCKING_FUNCTIONS, refreshBlockingNames } from '../catalog/python-blocking';
import { PYTHON_SDKS, refreshSdkIndexes, type PySdk } from '../catalog/python-sdks';
import { refreshPythonSdkTops } from '../engine';
import { clearQnameValues } from '../model/python/values';
import type { BlockingFunctionSpec, LlmClientSpec, ProjectConfig } from './project-config';

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
    for (const b of c.blockingFunctions) if (!blocking.has(b.qname)) blocking.set(b.qname, b);
    for (const l of c.llmClients) if (!clients.has(l.qname)) clients.set(l.qname, l);
  }
  return { blockingFunctions: [...blocking.values()].sort((a, b) => a.qname.localeCompare(b.qname)), llmClients: [...clients.values()].sort((a, b) => a.qname.localeCompare(b.qname)) };
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
  for (const b of ext.blockingFunctions) {
    if (BLOCKING_FUNCTIONS[b.qname]) continue; // the catalog's own entry stays
    BLOCKING_FUNCTIONS[b.qname] = { what: b.what, instead: b.instead };
    addedBlocking.push(b.qname);
  }
  for (let i = PYTHON_SDKS.length - 1; i >= 0; i--) if (addedSdks.has(PYTHON_SDKS[i])) PYTHON_SDKS.splice(i, 1);
  addedSdks = new Set(ext.llmClients.map((c) => sdkOf(c, ext.llmClients)));
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
    timeoutArg: c.timeoutArg === null ? null : { key: c.timeoutArg, form: 's' },
    factories: c.factory ? [{ qname: c.qname, cls: c.qname }] : undefined,
  };
}
