// Quick fix "stream the answer" for a FastAPI/Starlette handler whose long non-streaming chat call is cut
// by a proxy that times out an idle upstream (nginx `proxy_read_timeout`, Cloudflare's 100 s): the call
// gets `stream=True` and the handler returns a `StreamingResponse` of the text deltas, so bytes flow
// while the model writes. The response turns from JSON into plain text: an unsafe fix, offered only
// when the answer's text is the one thing the handler uses from the result.

import type { Node } from '../parse/parser';
import type { LlmCall } from '../model/python/calls';
import type { PyContext } from '../model/python/context';
import type { Handler } from '../model/python/handlers';
import type { Fix, TextEdit } from '../types';
import { addKeywordEdit } from './python-args';
import { importedNameFor } from './python-imports';

/** How to read the text of a complete answer, and of one streamed chunk, per API shape. */
interface StreamShape {
  /** The answer's text, as accessed on the result: `.choices[0].message.content`. */
  text: RegExp;
  /** Lines of the generator body yielding the text of `chunk` (indented by the caller). */
  loop: (item: string) => string[];
}

const OPENAI_CHAT: StreamShape = {
  text: /^\.choices\[0\]\.message\.content$/,
  loop: (c) => [`if ${c}.choices and ${c}.choices[0].delta.content:`, `    yield ${c}.choices[0].delta.content`],
};

const ANTHROPIC_MESSAGES: StreamShape = {
  text: /^\.content\[0\]\.text$/,
  loop: (c) => [`if ${c}.type == "content_block_delta" and ${c}.delta.type == "text_delta":`, `    yield ${c}.delta.text`],
};

/** SDKs whose `chat.completions.create` streams OpenAI-style chunks with `stream=True`. */
const OPENAI_STYLE = new Set(['openai', 'groq', 'together', 'fireworks']);

function shapeOf(call: LlmCall): StreamShape | undefined {
  if (OPENAI_STYLE.has(call.sdk.id) && /(?:^|\.)chat\.completions\.create$/.test(call.calleeText)) return OPENAI_CHAT;
  if (call.sdk.id === 'anthropic' && /(?:^|\.)messages\.create$/.test(call.calleeText)) return ANTHROPIC_MESSAGES;
  return undefined;
}

const RESPONSES: Record<string, string> = { fastapi: 'fastapi.responses.StreamingResponse', starlette: 'starlette.responses.StreamingResponse' };

/** Identifiers named `name` under `node`. */
function usesOf(node: Node, name: string): Node[] {
  return node.descendantsOfType('identifier').filter((n): n is Node => n !== null && n.text === name);
}

/** The widest attribute/subscript chain starting at `id`: `reply.choices[0].message.content`. */
function chainFrom(id: Node): Node {
  let n = id;
  while (n.parent && ((n.parent.type === 'attribute' && n.parent.childForFieldName('object')?.id === n.id) || (n.parent.type === 'subscript' && n.parent.childForFieldName('value')?.id === n.id))) n = n.parent;
  return n;
}

/**
 * `timeout` bounds the wait for each chunk of a streamed answer, not the whole answer, so a timeout that
 * fits the limit (`fitTimeout`, an edit of the call or its client) goes with it.
 */
export function streamAnswerFix(ctx: PyContext, call: LlmCall, handler: Handler, fitTimeout: TextEdit[] | undefined): Fix | undefined {
  if (call.streaming) return undefined;
  const shape = shapeOf(call);
  const responseQname = RESPONSES[handler.framework.id];
  if (!shape || !responseQname) return undefined;
  const awaited = call.usage.kind === 'awaited';
  if (call.async !== awaited) return undefined; // a defect of its own; other rules fix it first
  // `name = [await] client.chat.completions.create(...)` as a statement of the handler's body...
  const value = awaited ? call.usage.consumer : call.node;
  const assign = value?.parent;
  const left = assign?.type === 'assignment' ? assign.childForFieldName('left') : null;
  const stmt = assign?.parent;
  const body = handler.scope.node.childForFieldName('body');
  if (!value || !assign || !left || left.type !== 'identifier' || assign.childForFieldName('right')?.id !== value.id || stmt?.type !== 'expression_statement' || !body || stmt.parent?.id !== body.id) return undefined;
  // ...followed by a final `return` whose only use of the result is the answer's text.
  const statements = body.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  const ret = statements[statements.length - 1];
  if (!ret || ret.type !== 'return_statement' || ret.startIndex < stmt.endIndex) return undefined;
  const name = left.text;
  const uses = usesOf(body, name).filter((n) => n.id !== left.id);
  if (uses.length !== 1 || uses[0].startIndex < ret.startIndex || uses[0].endIndex > ret.endIndex) return undefined;
  const chain = chainFrom(uses[0]);
  if (!shape.text.test(chain.text.slice(name.length).replace(/\s+/g, ''))) return undefined;

  const edits: TextEdit[] = [];
  let stream = addKeywordEdit(ctx.file, call.node, 'stream', 'True');
  if (!stream || !fitTimeout || (call.node.childForFieldName('arguments')?.namedChildCount ?? 0) === 0) return undefined;
  // A keyword inserted where `stream=True` goes becomes one edit, timeout first.
  const at = stream.range.start;
  for (const e of fitTimeout) {
    const samePlace = e.range.start.line === at.line && e.range.start.character === at.character && e.range.end.line === at.line && e.range.end.character === at.character;
    if (samePlace) stream = { ...stream, newText: e.newText + stream.newText };
    else edits.push(e);
  }
  edits.push(stream);
  let response = importedNameFor(ctx.model, responseQname);
  if (!response) {
    response = 'StreamingResponse';
    if (ctx.model.imports.has(response)) return undefined; // another `StreamingResponse` is in scope
    const module = responseQname.slice(0, responseQname.lastIndexOf('.'));
    const at = { line: ctx.model.importInsertLine, character: 0 };
    edits.push({ file: ctx.file, range: { start: at, end: at }, newText: `from ${module} import ${response}\n` });
  }
  const generator = ['tokens', '_tokens', 'answer_tokens'].find((g) => usesOf(body, g).length === 0 && !ctx.model.module.assignments.has(g));
  if (!generator) return undefined;
  const indent = ' '.repeat(ret.startPosition.column);
  const a = awaited ? 'async ' : '';
  const lines = [
    `${a}def ${generator}():`,
    `    ${a}for chunk in ${name}:`,
    ...shape.loop('chunk').map((l) => `        ${l}`),
    '',
    `return ${response}(${generator}(), media_type="text/plain")`,
  ];
  edits.push({
    file: ctx.file,
    // From the start of the line: a blank line, then the generator, at the return's indent.
    range: { start: { line: ret.startPosition.row, character: 0 }, end: { line: ret.endPosition.row, character: ret.endPosition.column } },
    newText: ['', ...lines].map((l) => (l === '' ? l : indent + l)).join('\n'),
  });
  return {
    title: 'Stream the answer with a timeout per chunk (`stream=True`, a `StreamingResponse` of the text): the response becomes plain text, not JSON',
    safety: 'unsafe',
    preferred: false,
    edits,
  };
}
