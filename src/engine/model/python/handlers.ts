// Finds the functions a web framework routes requests to (decorators, route constructors,
// registration calls) and how the framework runs them.

import type { Node } from '../../parse/parser';
import { PYTHON_FRAMEWORKS, type PyFramework, type RunsOn } from '../../catalog/python-frameworks';
import type { PyModel, Scope } from './model';
import type { Evaluator } from './values';
import { callArguments, field, stringValue, unparen } from './syntax';

export interface Handler {
  scope: Scope;
  framework: PyFramework;
  method: string;
  path: string;
  runsOn: RunsOn;
}

export function findHandlers(model: PyModel, evaluator: Evaluator): Handler[] {
  const imported = new Set<string>();
  for (const q of model.imports.values()) imported.add(q.split('.')[0]);
  const frameworks = PYTHON_FRAMEWORKS.filter((f) => f.modules.some((m) => imported.has(m)));
  if (frameworks.length === 0) return [];

  const handlers: Handler[] = [];
  const seen = new Set<number>();
  const add = (scope: Scope, framework: PyFramework, method: string, path: string, offloaded = false): void => {
    if (seen.has(scope.node.id)) return;
    seen.add(scope.node.id);
    handlers.push({ scope, framework, method, path, runsOn: scope.isAsync ? 'event-loop' : offloaded ? 'threadpool' : framework.syncRunsOn });
  };

  // Decorated functions: `@app.get("/x")`, `@router.post(...)`, `@app.route("/x", methods=[...])`.
  for (const fn of model.functions) {
    if (fn.kind !== 'function') continue;
    for (const dec of fn.decorators) {
      const expr = unparen(dec.namedChild(0) ?? dec);
      if (expr.type !== 'call') continue;
      const callee = field(expr, 'function');
      if (!callee) continue;
      // Function decorators: Litestar `@get("/x")`, `@post("/x", sync_to_thread=True)`.
      const decorated = evaluator.evaluate(callee, fn.parent ?? model.module);
      if (decorated && (decorated.kind === 'qname' || decorated.kind === 'module')) {
        const byFunction = frameworks.find((f) => f.functionDecorators?.[decorated.qname]);
        if (byFunction) {
          const { positional, keywords } = callArguments(expr);
          const verb = byFunction.functionDecorators![decorated.qname];
          const offload = byFunction.offloadKeyword ? keywords.get(byFunction.offloadKeyword)?.text === 'True' : false;
          const path = stringValue(positional[0] ?? keywords.get('path') ?? null) ?? '?';
          add(fn, byFunction, verb === '*' ? methodsKeyword(keywords.get('http_method') ?? keywords.get('methods')) : verb, path, offload);
          continue;
        }
      }
      if (callee.type !== 'attribute') continue;
      const receiver = field(callee, 'object');
      const methodName = field(callee, 'attribute')?.text ?? '';
      if (!receiver) continue;
      const framework = frameworkOfReceiver(receiver, fn.parent ?? model.module, frameworks, evaluator);
      if (!framework) continue;
      const verb = framework.decoratorMethods[methodName];
      if (!verb) continue;
      const { positional, keywords } = callArguments(expr);
      const path = stringValue(positional[0] ?? keywords.get('path') ?? null) ?? '?';
      add(fn, framework, verb === '*' ? methodsKeyword(keywords.get('methods')) : verb, path);
    }
  }

  // Route constructors and registration calls: `Route("/x", endpoint)`, `app.add_api_route("/x", fn)`.
  const scopes = [model.module, ...model.functions];
  for (const scope of scopes) {
    for (const call of scope.calls) {
      const callee = field(call, 'function');
      if (!callee) continue;
      let framework: PyFramework | undefined;
      if (callee.type === 'attribute') {
        const methodName = field(callee, 'attribute')?.text ?? '';
        const receiver = field(callee, 'object');
        if (!receiver) continue;
        const candidates = frameworks.filter((f) => f.registrationMethods.includes(methodName));
        if (candidates.length === 0) continue;
        framework = frameworkOfReceiver(receiver, scope, candidates, evaluator);
      } else {
        const v = evaluator.evaluate(callee, scope);
        if (v?.kind === 'qname') framework = frameworks.find((f) => f.routeConstructors.includes(v.qname));
      }
      if (!framework) continue;
      const { positional, keywords } = callArguments(call);
      const endpoint = keywords.get('endpoint') ?? positional[1];
      const path = stringValue(positional[0] ?? keywords.get('path') ?? null) ?? '?';
      if (!endpoint) continue;
      const target = endpointScope(endpoint, scope, evaluator);
      if (target) add(target, framework, methodsKeyword(keywords.get('methods')), path);
    }
  }
  return handlers;
}

function frameworkOfReceiver(receiver: Node, scope: Scope, frameworks: PyFramework[], evaluator: Evaluator): PyFramework | undefined {
  const v = evaluator.evaluate(receiver, scope);
  if (v && (v.kind === 'instance' || v.kind === 'qname')) {
    const hit = frameworks.find((f) => f.appClasses.includes(v.qname));
    if (hit) return hit;
    return undefined;
  }
  if (v) return undefined;
  // Unresolved receiver (an app imported from another module, a factory result): trust the name.
  const name = unparen(receiver).text.split('.').pop() ?? '';
  return frameworks.find((f) => f.receiverNameHint.test(name));
}

function endpointScope(endpoint: Node, scope: Scope, evaluator: Evaluator): Scope | undefined {
  const v = evaluator.evaluate(endpoint, scope);
  return v?.kind === 'function' ? v.scope : undefined;
}

function methodsKeyword(node: Node | undefined): string {
  if (!node) return 'GET';
  const first = node.namedChild(0);
  return stringValue(first)?.toUpperCase() ?? 'GET';
}
