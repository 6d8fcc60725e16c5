// Quick fix for raw HTTP to an LLM API without retry: a small module-level helper (written once per
// module) that retries 429/5xx and connection errors with exponential backoff and jitter, honouring
// Retry-After; the call is routed through it.

import type { LlmCall } from '../model/python/calls';
import type { PyContext } from '../model/python/context';
import type { Fix, TextEdit } from '../types';
import { ensureModuleImport } from './python-imports';

const RETRY_STATUSES = '(408, 409, 429, 500, 502, 503, 504, 529)';

/** Exceptions worth another attempt: connection errors (requests' are `OSError`s; httpx has its own). */
function errorsTuple(httpx: string | undefined): string {
  return httpx ? `(OSError, ${httpx}.TransportError)` : '(OSError,)';
}

function helperSource(name: string, isAsync: boolean, time: string, random: string, asyncio: string, errors: string): string {
  const aw = isAsync ? 'await ' : '';
  const sleep = isAsync ? `await ${asyncio}.sleep` : `${time}.sleep`;
  return [
    `${isAsync ? 'async ' : ''}def ${name}(send, *args, attempts=3, **kwargs):`,
    '    """Sends an LLM API request, retrying 429 and 5xx answers and connection errors with exponential',
    '    backoff and jitter, and honouring Retry-After (added by Loopsafe)."""',
    '    for attempt in range(attempts):',
    '        last = attempt == attempts - 1',
    '        try:',
    `            response = ${aw}send(*args, **kwargs)`,
    `        except ${errors}:`,
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

/** The wait shared by the tenacity helpers: Retry-After when the server sends it, else backoff with jitter. */
function tenacityWaitSource(t: string): string {
  return [
    `_llm_backoff = ${t}.wait_random_exponential(multiplier=0.5, max=8)`,
    '',
    '',
    'def _llm_retry_wait(state):',
    '    """Waits as long as the server asks (Retry-After), else exponential backoff with jitter (added by Loopsafe)."""',
    '    outcome = state.outcome',
    '    if outcome is not None and not outcome.failed:',
    '        retry_after = outcome.result().headers.get("retry-after", "")',
    '        if retry_after.replace(".", "", 1).isdigit():',
    '            return min(float(retry_after), 30.0)',
    '    return _llm_backoff(state)',
    '',
  ].join('\n');
}

function tenacityHelperSource(name: string, isAsync: boolean, t: string, errors: string): string {
  return [
    `@${t}.retry(`,
    `    retry=${t}.retry_if_exception_type(${errors}) | ${t}.retry_if_result(lambda r: r.status_code in ${RETRY_STATUSES}),`,
    '    wait=_llm_retry_wait,',
    `    stop=${t}.stop_after_attempt(3),`,
    '    retry_error_callback=lambda state: state.outcome.result(),',
    ')',
    `${isAsync ? 'async ' : ''}def ${name}(send, *args, **kwargs):`,
    '    """Sends an LLM API request; tenacity retries 429 and 5xx answers and connection errors (added by Loopsafe)."""',
    `    return ${isAsync ? 'await ' : ''}send(*args, **kwargs)`,
    '',
  ].join('\n');
}

/** Whether the project already uses tenacity: this module, or a workspace module it imports, imports it. */
function usesTenacity(ctx: PyContext): boolean {
  const imports = (names: Iterable<string>) => [...names].some((q) => q === 'tenacity' || q.startsWith('tenacity.'));
  if (imports(ctx.model.imports.values())) return true;
  for (const q of ctx.model.imports.values()) {
    const target = ctx.index.resolve(ctx.file, q);
    const summary = target && target.file !== ctx.file ? ctx.index.summary(target.file) : undefined;
    if (summary && imports(Object.values(summary.imports))) return true;
  }
  return false;
}

/** Line after the module's last top-level import (where the helper goes). */
function afterImports(ctx: PyContext): number {
  let line = ctx.model.importInsertLine;
  for (const n of ctx.model.importNodes) if (n.parent?.type === 'module') line = Math.max(line, n.endPosition.row + 1);
  return line;
}

/**
 * "Retry 429/5xx": routes the call through a module-level helper, written once per module. With
 * tenacity in the project the helper is a tenacity `@retry` (its wait honours Retry-After); otherwise a
 * small loop with no dependency. Both are offered when tenacity is there, tenacity preferred.
 */
export function retryHelperFixes(ctx: PyContext, call: LlmCall): Fix[] {
  if (call.sdk.id !== 'requests' && call.sdk.id !== 'httpx') return [];
  const awaited = call.usage.kind === 'awaited';
  if (call.async && !awaited) return [];
  const callee = call.node.childForFieldName('function');
  const args = call.node.childForFieldName('arguments');
  if (!callee || !args || args.type !== 'argument_list') return [];
  const name = awaited ? '_llm_retry_async' : '_llm_retry';
  const has = (n: string) => ctx.model.module.assignments.has(n);
  const at = { line: afterImports(ctx), character: 0 };
  const insert = (text: string): TextEdit => ({ file: ctx.file, range: { start: at, end: at }, newText: `\n${text}\n` });
  const httpxImported = [...ctx.model.imports.values()].some((q) => q === 'httpx' || q.startsWith('httpx.'));
  const httpx = httpxImported ? ensureModuleImport(ctx.model, ctx.file, 'httpx') : undefined;
  const errors = errorsTuple(httpx?.name);
  const callSite: TextEdit = {
    file: ctx.file,
    range: { start: { line: callee.startPosition.row, character: callee.startPosition.column }, end: { line: args.startPosition.row, character: args.startPosition.column + 1 } },
    newText: `${name}(${callee.text}${args.namedChildCount === 0 ? '' : ', '}`,
  };
  const fixes: Fix[] = [];
  const tenacity = usesTenacity(ctx);
  if (tenacity) {
    const edits: TextEdit[] = [];
    if (!has(name)) {
      const t = ensureModuleImport(ctx.model, ctx.file, 'tenacity');
      edits.push(...t.edits, ...(httpx?.edits ?? []));
      edits.push(insert(`${has('_llm_retry_wait') ? '' : `${tenacityWaitSource(t.name)}\n\n`}${tenacityHelperSource(name, awaited, t.name, errors)}`));
    }
    edits.push(callSite);
    fixes.push({ title: `Retry 429/5xx with tenacity, honouring Retry-After (\`${name}\` helper)`, safety: 'unsafe', preferred: true, edits: dedupeImports(edits) });
  }
  // The dependency-free helper (another name when a tenacity one already took `_llm_retry`).
  const plain = has(name) && tenacity ? undefined : name;
  if (plain) {
    const edits: TextEdit[] = [];
    if (!has(plain)) {
      const time = awaited ? undefined : ensureModuleImport(ctx.model, ctx.file, 'time');
      const random = ensureModuleImport(ctx.model, ctx.file, 'random');
      const asyncio = awaited ? ensureModuleImport(ctx.model, ctx.file, 'asyncio') : undefined;
      for (const imp of [time, random, asyncio, httpx]) if (imp) edits.push(...imp.edits);
      edits.push(insert(helperSource(plain, awaited, time?.name ?? 'time', random.name, asyncio?.name ?? 'asyncio', errors)));
    }
    edits.push(callSite);
    fixes.push({ title: `Retry 429/5xx with backoff and Retry-After (\`${plain}\` helper)`, safety: 'unsafe', preferred: !tenacity, edits: dedupeImports(edits) });
  }
  return fixes;
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
