// Quick fix for raw HTTP to an LLM API without retry: a small module-level helper (written once per
// module) that retries 429/5xx and connection errors with exponential backoff and jitter, honouring
// Retry-After; the call is routed through it.

import type { LlmCall } from '../model/python/calls';
import type { PyContext } from '../model/python/context';
import type { Fix, TextEdit } from '../types';
import { ensureModuleImport } from './python-imports';

const RETRY_STATUSES = '(408, 409, 429, 500, 502, 503, 504, 529)';

function helperSource(name: string, isAsync: boolean, time: string, random: string, asyncio: string): string {
  const aw = isAsync ? 'await ' : '';
  const sleep = isAsync ? `await ${asyncio}.sleep` : `${time}.sleep`;
  return [
    '',
    '',
    `${isAsync ? 'async ' : ''}def ${name}(send, *args, attempts=3, **kwargs):`,
    '    """Sends an LLM API request, retrying 429 and 5xx answers and connection errors with exponential',
    '    backoff and jitter, and honouring Retry-After (added by Loopsafe)."""',
    '    for attempt in range(attempts):',
    '        last = attempt == attempts - 1',
    '        try:',
    `            response = ${aw}send(*args, **kwargs)`,
    '        except OSError:',
    '            if last:',
    '                raise',
    '        else:',
    `            if response.status_code not in ${RETRY_STATUSES} or last:`,
    '                return response',
    '            retry_after = response.headers.get("retry-after", "")',
    '            if retry_after.replace(".", "", 1).isdigit():',
    `                ${sleep}(min(float(retry_after), 30.0))`,
    '                continue',
    `        ${sleep}(min(8.0, 0.5 * 2**attempt) * (1 + ${random}.random()))`,
    '',
  ].join('\n');
}

/** Line after the module's last top-level import (where the helper goes). */
function afterImports(ctx: PyContext): number {
  let line = ctx.model.importInsertLine;
  for (const n of ctx.model.importNodes) if (n.parent?.type === 'module') line = Math.max(line, n.endPosition.row + 1);
  return line;
}

export function retryHelperFix(ctx: PyContext, call: LlmCall): Fix | undefined {
  if (call.sdk.id !== 'requests' && call.sdk.id !== 'httpx') return undefined;
  const awaited = call.usage.kind === 'awaited';
  if (call.async && !awaited) return undefined;
  const callee = call.node.childForFieldName('function');
  const args = call.node.childForFieldName('arguments');
  if (!callee || !args || args.type !== 'argument_list') return undefined;
  const name = awaited ? '_llm_retry_async' : '_llm_retry';
  const edits: TextEdit[] = [];
  if (!ctx.model.module.assignments.has(name)) {
    const time = awaited ? undefined : ensureModuleImport(ctx.model, ctx.file, 'time');
    const random = ensureModuleImport(ctx.model, ctx.file, 'random');
    const asyncio = awaited ? ensureModuleImport(ctx.model, ctx.file, 'asyncio') : undefined;
    for (const imp of [time, random, asyncio]) if (imp) edits.push(...imp.edits);
    const at = { line: afterImports(ctx), character: 0 };
    edits.push({ file: ctx.file, range: { start: at, end: at }, newText: helperSource(name, awaited, time?.name ?? 'time', random.name, asyncio?.name ?? 'asyncio').slice(1) + '\n' });
  }
  const empty = args.namedChildCount === 0;
  edits.push({
    file: ctx.file,
    range: { start: { line: callee.startPosition.row, character: callee.startPosition.column }, end: { line: args.startPosition.row, character: args.startPosition.column + 1 } },
    newText: `${name}(${callee.text}${empty ? '' : ', '}`,
  });
  return { title: `Retry 429/5xx with backoff and Retry-After (\`${name}\` helper)`, safety: 'unsafe', preferred: true, edits: dedupeImports(edits) };
}

/** Two `import x` insertions at the same line stay two lines; identical ones collapse. */
function dedupeImports(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const key = `${e.range.start.line}:${e.range.start.character}:${e.newText}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
