// Related information for Python findings: where the client behind a call was built.

import type { LlmCall } from '../model/python/calls';
import type { PyContext } from '../model/python/context';
import { rangeOf } from '../model/python/syntax';
import { shortName } from '../catalog/python-sdks';
import type { RelatedInfo } from '../types';

export function clientRelated(ctx: PyContext, call: LlmCall): RelatedInfo[] {
  const ctor = call.client?.ctor;
  if (!call.client) return [];
  const kind = call.client.hit.cls.async ? 'async' : 'synchronous';
  const message = `${kind} client \`${shortName(call.client.hit.cls.qname)}\` built here`;
  // Built in another module: its constructor there.
  if (!ctor) return call.client.origin ? [{ location: { file: call.client.origin.file, range: call.client.origin.range }, message }] : [];
  return [{ location: { file: ctx.file, range: rangeOf(ctor) }, message }];
}
