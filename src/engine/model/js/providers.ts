// Dependency-injection providers of SDK clients (NestJS `{ provide: OpenAI, useFactory: () => new OpenAI() }`):
// the token a client is provided under, and the tokens a file injects (constructor parameters and fields
// typed as the SDK class, `@Inject(OpenAI)`, `moduleRef.get(OpenAI)`). A provider nobody injects is never used.

import type { Node } from '../../parse/parser';
import type { JsContext } from './context';
import type { JsClassHit } from '../../catalog/js-sdks';
import { enclosingFunctionNode, keyName, lookupPath, parentOf } from './syntax';

const WRAPPERS = new Set(['parenthesized_expression', 'as_expression', 'await_expression', 'satisfies_expression']);

export function providerToken(hit: JsClassHit): string {
  return `${hit.sdk.id}.${hit.cls.name}`;
}

/**
 * The class token a client built by `ctor` is provided under, when it is built for a provider object whose
 * `provide` is the SDK class itself: as its `useValue`, or returned by its `useFactory`. String and symbol
 * tokens are not followed (the files injecting them need not name the SDK).
 */
export function providedAs(ctx: JsContext, ctor: Node): string | undefined {
  let n = ctor;
  let p = parentOf(n);
  while (p && WRAPPERS.has(p.type)) (n = p), (p = parentOf(p));
  let pair: Node | null = null;
  if (p?.type === 'pair' && keyName(p) === 'useValue') pair = p;
  else {
    const fn = p?.type === 'arrow_function' ? p : p?.type === 'return_statement' ? enclosingFunctionNode(p) : null;
    let q = fn ? parentOf(fn) : null;
    while (q && WRAPPERS.has(q.type)) q = parentOf(q);
    if (q?.type === 'pair' && keyName(q) === 'useFactory') pair = q;
  }
  const obj = pair ? parentOf(pair) : null;
  if (!obj || obj.type !== 'object') return undefined;
  const provide = lookupPath(obj, ['provide']);
  if (provide.kind !== 'value') return undefined;
  const v = ctx.evaluator.evaluate(provide.node, ctx.evaluator.scopeAt(obj));
  return v?.kind === 'clientClass' ? providerToken(v.hit) : undefined;
}

/** SDK client classes this file asks an injector for: typed constructor parameters and fields, `@Inject(X)`, `.get(X)`. */
export function injectedTokens(ctx: JsContext): string[] {
  const out = new Set<string>();
  const scope = ctx.model.module;
  for (const cls of ctx.model.classes) {
    for (const binds of cls.attributes.values()) {
      for (const b of binds) {
        const v = ctx.evaluator.evaluate(b.value, b.scope);
        if (v?.kind === 'client' && !v.ctor && !v.external && !v.instance) out.add(providerToken(v.hit));
      }
    }
    const ctor = cls.methods.get('constructor');
    for (const p of ctor?.params ?? []) {
      const v = p.type ? ctx.evaluator.typeValue(p.type, ctor!, 0) : undefined;
      if (v?.kind === 'client') out.add(providerToken(v.hit));
    }
  }
  // `@Inject(OpenAI)`, `moduleRef.get(OpenAI)`, `app.resolve(OpenAI)`.
  for (const m of ctx.text.matchAll(/(?:@Inject|\.get|\.resolve)\(\s*([\w$]+)\s*[,)]/g)) {
    const v = ctx.evaluator.lookup(m[1], scope, 0);
    if (v?.kind === 'clientClass') out.add(providerToken(v.hit));
  }
  return [...out];
}
