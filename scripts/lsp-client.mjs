// A generic LSP client in plain Node (no libraries), as any editor is one: it starts a server command over stdio,
// opens a file, prints the diagnostics, applies the first quick fix, hovers, and shuts the server down.
// Usage: node lsp-client.mjs <file> -- <server command...>

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const sep = process.argv.indexOf('--');
const file = path.resolve(process.argv[2] ?? '');
const command = sep > 0 ? process.argv.slice(sep + 1) : [];
if (!fs.existsSync(file) || command.length === 0) {
  console.error('usage: node lsp-client.mjs <file> -- <server command...>');
  process.exit(2);
}
const root = process.cwd();
const uri = pathToFileURL(file).href;
const languageId = /\.py$/.test(file) ? 'python' : /\.tsx?$/.test(file) ? 'typescript' : 'javascript';
const server = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
const timer = setTimeout(() => fail('no answer within 60 s'), 60_000);

let nextId = 1;
const waiting = new Map();
const notifications = [];
let notified = () => {};
let buffer = Buffer.alloc(0);

function fail(message) {
  console.error(`lsp-client: ${message}`);
  server.kill();
  process.exit(1);
}

function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  server.stdin.write(body);
}

function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve, reject) => waiting.set(id, { resolve, reject, method }));
}

const notify = (method, params) => send({ method, params });

server.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))?.[1]);
    if (!Number.isFinite(length) || buffer.length < end + 4 + length) return;
    const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
    buffer = buffer.subarray(end + 4 + length);
    if (message.id !== undefined && message.method === undefined) {
      const w = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error) w?.reject(new Error(`${w.method}: ${message.error.message}`));
      else w?.resolve(message.result);
    } else if (message.id !== undefined) {
      // A request from the server (registerCapability, workspace/configuration...): answered plainly.
      send({ id: message.id, result: message.method === 'workspace/configuration' ? (message.params?.items ?? []).map(() => null) : null });
    } else {
      notifications.push(message);
      notified();
    }
  }
});
server.on('exit', (code) => {
  if (!shuttingDown) fail(`the server exited (${code}) before shutdown`);
});
let shuttingDown = false;

/** The next diagnostics published for the file that satisfy `ok`. */
function diagnostics(ok) {
  return new Promise((resolve) => {
    const look = () => {
      for (let i = notifications.length - 1; i >= 0; i--) {
        const n = notifications[i];
        if (n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && ok(n.params.diagnostics)) {
          notifications.length = 0;
          return resolve(n.params.diagnostics);
        }
      }
      notified = look;
    };
    look();
  });
}

const show = (d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message.split(': ')[0].slice(0, 100)}`;
const offsetOf = (text, pos) => {
  const lines = text.split('\n');
  let off = 0;
  for (let i = 0; i < pos.line; i++) off += lines[i].length + 1;
  return off + pos.character;
};

let text = fs.readFileSync(file, 'utf8');
const init = await request('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(root).href,
  workspaceFolders: [{ uri: pathToFileURL(root).href, name: path.basename(root) }],
  capabilities: { textDocument: { publishDiagnostics: {}, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } }, hover: { contentFormat: ['markdown', 'plaintext'] } } },
  initializationOptions: { settings: { baseline: 'dim' } },
});
console.log(`initialize -> ${[init.serverInfo?.name ?? 'a server', init.serverInfo?.version].filter(Boolean).join(' ')}; codeActionProvider: ${!!init.capabilities.codeActionProvider}, hoverProvider: ${!!init.capabilities.hoverProvider}`);
notify('initialized', {});
notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
const first = await diagnostics((d) => d.length > 0);
console.log(`publishDiagnostics: ${first.length} for ${path.relative(root, file)}`);
for (const d of first) console.log(show(d));

// Quick fixes at the first finding that offers a workspace edit.
let fixed = false;
for (const d of first) {
  const actions = await request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
  const action = (actions ?? []).find((a) => a.edit?.changes?.[uri] || a.edit?.documentChanges);
  if (!action) continue;
  console.log(`codeAction at ${d.range.start.line + 1}: ${(actions ?? []).map((a) => `"${a.title}"`).join(', ')}`);
  const edits = action.edit.changes?.[uri] ?? action.edit.documentChanges.flatMap((c) => (c.textDocument?.uri === uri ? c.edits : []));
  // Every range refers to the text before the edits (LSP); edits at one position apply in their order.
  const spans = edits.map((e, i) => ({ start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end), newText: e.newText, i }));
  spans.sort((a, b) => a.start - b.start || a.i - b.i);
  let out = '';
  let at = 0;
  for (const sp of spans) {
    out += text.slice(at, sp.start) + sp.newText;
    at = Math.max(at, sp.end);
  }
  text = out + text.slice(at);
  console.log(`applied "${action.title}" (${edits.length} edit${edits.length === 1 ? '' : 's'})`);
  notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
  const after = await diagnostics((x) => x.length < first.length);
  console.log(`publishDiagnostics after the fix: ${after.length}`);
  for (const x of after) console.log(show(x));
  fixed = true;
  break;
}
if (!fixed) fail('no quick fix with an edit was offered');

// Hover on the first LLM call left (its effective timeout and retries).
const lines = text.split('\n');
const line = lines.findIndex((l) => /\.create\(|\.invoke\(|\.complete\(/.test(l));
if (line >= 0) {
  const character = lines[line].search(/\.create\(|\.invoke\(|\.complete\(/) + 1;
  const hover = await request('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  const value = typeof hover?.contents === 'string' ? hover.contents : (hover?.contents?.value ?? '');
  console.log(`hover at ${line + 1}:${character + 1}:`);
  for (const l of value.split('\n').filter(Boolean).slice(0, 6)) console.log(`  ${l}`);
}

shuttingDown = true;
await request('shutdown', null);
notify('exit', null);
const code = await new Promise((resolve) => server.on('exit', resolve));
clearTimeout(timer);
console.log(`shutdown, exit -> the server exited with code ${code}`);
fs.writeFileSync(file, text);
