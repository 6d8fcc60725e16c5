// Reads the request time limits of the servers and proxies in front of an app from workspace files:
// gunicorn (config, command lines in Procfile/Dockerfile/compose/scripts), nginx, Vercel, Next.js,
// Amplify and CDK functions, Serverless and SAM Lambda functions. Text in, limits out; nothing is executed.

import * as path from 'path';
import type { Range } from '../types';

/** `proxy` and `platform`: set by the project config (`[server-limit]`) for what the files do not show. */
export type LimitKind = 'gunicorn' | 'nginx' | 'vercel' | 'nextjs' | 'cloudflare' | 'lambda' | 'proxy' | 'platform';

export interface ServerLimit {
  kind: LimitKind;
  seconds: number;
  /** Where it is set (or, for a default, the line that starts the server). */
  file: string;
  range: Range;
  /** `gunicorn --timeout 30`, `proxy_read_timeout 60s (nginx default)`… */
  label: string;
  /** gunicorn with an asyncio worker (uvicorn): its timeout is a heartbeat, so only a blocked loop hits it. */
  heartbeatOnly?: boolean;
  /** Next.js `maxDuration` and similar: applies to this source file only. */
  onlyFile?: string;
  /** Amplify Gen 2 functions: applies to the source files under this directory (the function's folder). */
  onlyDir?: string;
  /**
   * AWS CDK functions: applies to the Lambda's entry module only, a path without extension: absolute
   * (`path.join(__dirname, ...)` in the stack) or relative to the CDK app's root (matched as a path suffix).
   */
  onlyModule?: string;
  /** A gunicorn command line naming no worker class: the config file it reads (its `-c`, else `./gunicorn.conf.py`) may. */
  readsConfig?: string;
}

/** Amplify Gen 2 function resource: `amplify/functions/<name>/resource.ts` calling `defineFunction`. */
const AMPLIFY_RESOURCE = /(?:^|[\\/])amplify[\\/](?:.*[\\/])?resource\.[cm]?[jt]s$/;
/** Amplify's `defineFunction` timeout when `timeoutSeconds` is not set. */
const AMPLIFY_DEFAULT_S = 3;

/**
 * AWS CDK stacks: `lib/<name>-stack.ts` (the `cdk init` layout) or a file directly in a `cdk/` or `stacks/`
 * folder; only read when the text imports aws-cdk-lib or @aws-cdk/aws-lambda. Kept narrow: an edit to a limit
 * source re-reads every limit and rebuilds the JS index.
 */
const CDK_FILE = /(?:^|[\\/])(?:[^\\/]*stack|(?:cdk|stacks)[\\/][^\\/]+)\.[cm]?[jt]s$/i;
/** A Lambda function construct's timeout when `timeout` is not set (CDK, like CloudFormation: 3 s). */
const CDK_DEFAULT_S = 3;

/** True when `file`, without its extension, is the module `mod` (a limit's `onlyModule`). */
export function isModule(file: string, mod: string): boolean {
  const f = file.replace(/\\/g, '/').replace(/\.[cm]?[jt]sx?$/, '');
  const m = mod.replace(/\\/g, '/');
  return f === m || (!path.isAbsolute(m) && f.endsWith(`/${m}`));
}

/** The text of the parenthesised arguments starting at `open` (index of `(`), strings and comments skipped roughly. */
function argsText(text: string, open: number): string {
  let depth = 0;
  let quote = '';
  for (let i = open; i < text.length && i < open + 20_000; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      depth--;
      if (depth === 0) return text.slice(open, i + 1);
    }
  }
  return text.slice(open, open + 20_000);
}

/** A path written in a stack: `'lambda/chat.ts'` (from the app's root) or `path.join(__dirname, '../lambda', 'chat.ts')`. */
function cdkPath(stackFile: string, expr: string): string | undefined {
  const lit = /^\s*(['"`])([^'"`$]+)\1/.exec(expr);
  if (lit) return path.posix.normalize(lit[2].replace(/\\/g, '/')).replace(/^\.\//, '');
  const joined = /^\s*(?:path\.)?(?:join|resolve)\(\s*__dirname\s*((?:,\s*(['"`])[^'"`$]+\2\s*)+)\)/.exec(expr);
  if (!joined) return undefined;
  const parts = [...joined[1].matchAll(/(['"`])([^'"`$]+)\1/g)].map((x) => x[2]);
  return path.join(path.dirname(stackFile), ...parts);
}

/** Lambda functions an AWS CDK stack defines (`NodejsFunction` with `entry`, `lambda.Function` with `code` and `handler`), with their timeouts. */
function cdkLimits(file: string, text: string): ServerLimit[] {
  if (!CDK_FILE.test(file) || !/aws-cdk-lib|@aws-cdk\/aws-lambda/.test(text)) return [];
  const out: ServerLimit[] = [];
  const bareFunction = /import\s*\{[^}]*\bFunction\b[^}]*\}\s*from\s*['"](?:aws-cdk-lib\/aws-lambda|@aws-cdk\/aws-lambda)['"]/.test(text);
  const ctor = /\bnew\s+((?:[\w$]+\.)?)(NodejsFunction|Function)\s*\(/g;
  for (let m = ctor.exec(text); m; m = ctor.exec(text)) {
    if (m[2] === 'Function' && !m[1] && !bareFunction) continue; // `new Function('...')`: the JS built-in
    const args = argsText(text, m.index + m[0].length - 1);
    let module: string | undefined;
    if (m[2] === 'NodejsFunction') {
      const entry = /\bentry\s*:\s*/.exec(args);
      const p = entry ? cdkPath(file, args.slice(entry.index + entry[0].length)) : undefined;
      if (p) module = p.replace(/\.[cm]?[jt]sx?$/, '');
    } else {
      const handler = /\bhandler\s*:\s*(['"`])([\w./-]+)\.[\w$]+\1/.exec(args);
      const code = /\bCode\.fromAsset\(\s*/.exec(args);
      const dir = code ? cdkPath(file, args.slice(code.index + code[0].length)) : undefined;
      if (handler && dir) module = path.join(dir, handler[2]).replace(/\\/g, '/');
    }
    if (!module) continue;
    const t = /\btimeout\s*:\s*(?:[\w$]+\.)*Duration\.(seconds|minutes)\(\s*(\d+(?:\.\d+)?)\s*\)/.exec(args);
    const at = m.index;
    const range = lineRange(text, t ? at + m[0].length - 1 + t.index : at, t ? t[0].length : m[0].length);
    if (t) {
      const secs = Number(t[2]) * (t[1] === 'minutes' ? 60 : 1);
      out.push({ kind: 'lambda', seconds: secs, file, range, label: `CDK \`timeout: Duration.${t[1]}(${t[2]})\``, onlyModule: module });
    } else out.push({ kind: 'lambda', seconds: CDK_DEFAULT_S, file, range, label: `the CDK/CloudFormation default Lambda timeout (${CDK_DEFAULT_S} s)`, onlyModule: module });
  }
  return out;
}

/** True when `file` lies under `dir` (a limit's `onlyDir`). */
export function isUnderDir(file: string, dir: string): boolean {
  return file.startsWith(dir.endsWith('/') || dir.endsWith('\\') ? dir : `${dir}${file.includes('\\') && !file.includes('/') ? '\\' : '/'}`);
}

const GUNICORN_DEFAULT_S = 30;
/**
 * gunicorn worker classes whose timeout is a heartbeat, not a bound on a request: asyncio ones (uvicorn,
 * aiohttp) and the cooperative or threaded ones (gevent, eventlet, tornado, gthread). gunicorn's docs: for
 * the non-sync workers the timeout only means the worker still talks to the arbiter.
 */
const ASYNC_WORKER = /uvicorn|aiohttp|asyncio|gevent|eventlet|tornado|gthread/i;
const NGINX_DEFAULT_S = 60;

/** Files whose text can hold a server limit (besides Python and JS sources). */
export function isServerConfigFile(file: string): boolean {
  const base = path.basename(file).toLowerCase();
  return (
    base === 'procfile' ||
    base === 'dockerfile' ||
    base.startsWith('dockerfile.') ||
    base.endsWith('.dockerfile') ||
    /^(docker-)?compose(\.[\w-]+)?\.ya?ml$/.test(base) ||
    base === 'vercel.json' ||
    base === 'serverless.yml' ||
    base === 'serverless.yaml' ||
    base === 'template.yaml' ||
    base === 'template.yml' ||
    base === 'fly.toml' ||
    base === 'app.yaml' ||
    base === 'makefile' ||
    base.endsWith('.sh') ||
    (base.endsWith('.conf') && /nginx|site|default|proxy|conf\.d|sites-/.test(file.toLowerCase())) ||
    base === 'nginx.conf' ||
    AMPLIFY_RESOURCE.test(file) ||
    CDK_FILE.test(file)
  );
}

/** Between a command-line flag and its value: `=`, spaces, or `", "` in an exec-form list. */
const FLAG_VALUE = `(?:=["']?|["']?\\s*,\\s*["']|\\s+["']?)`;

/** Python files that configure gunicorn (`gunicorn.conf.py` and common variants). */
export function isGunicornConfig(file: string): boolean {
  return /^gunicorn[._-]?(conf|config|cfg)?\.py$/.test(path.basename(file).toLowerCase()) || /^gunicorn_conf\.py$/.test(path.basename(file).toLowerCase());
}

function lineRange(text: string, index: number, length: number): Range {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { start: { line, character: index - lineStart }, end: { line, character: index - lineStart + length } };
}

/** Seconds from nginx/YAML-ish values: `75s`, `2m`, `90`. */
function seconds(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? 's').toLowerCase();
  return unit === 'ms' ? n / 1000 : unit === 'm' ? n * 60 : unit === 'h' ? n * 3600 : n;
}

/** A file of the Next.js pages router (`pages/api/chat.ts`, `src/pages/...`), not of an `app/` folder below one. */
const PAGES_ROUTER = /(?:^|\/)pages\/(?!.*\/app\/)/;

/**
 * `export const config = { maxDuration: 60, runtime: 'edge' }` (typed `: PageConfig` or not): the match of
 * `maxDuration: N` inside that object, its index in the whole text.
 */
function pagesConfigMaxDuration(text: string): RegExpExecArray | null {
  const start = /export\s+const\s+config\s*(?::\s*[\w.]+\s*)?=\s*\{/.exec(text);
  if (!start) return null;
  const open = start.index + start[0].length - 1;
  let depth = 0;
  let end = text.length;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) {
      end = i;
      break;
    }
  }
  const m = /(?<![\w$])maxDuration\s*:\s*(\d+)/.exec(text.slice(open, end));
  if (m) m.index += open;
  return m;
}

/** A gunicorn config file's `worker_class`: true for an async or cooperative worker, false for another, undefined when unset. */
export function gunicornConfigHeartbeat(text: string): boolean | undefined {
  const worker = /^worker_class\s*=\s*["']([^"']+)["']/m.exec(text);
  return worker ? ASYNC_WORKER.test(worker[1]) : undefined;
}

/**
 * A gunicorn command line that names no worker class takes the one of the config file it reads: its `-c`,
 * or `gunicorn.conf.py` in the directory it is started from (gunicorn reads that file by default). The
 * command's directory stands for where it is started. Returns the limits with that worker applied.
 */
export function withConfigWorkers(limits: ServerLimit[], textOf: (file: string) => string | undefined): ServerLimit[] {
  return limits.map((l) => {
    if (!l.readsConfig || l.heartbeatOnly !== undefined) return l;
    const dir = path.dirname(l.file);
    const config = path.isAbsolute(l.readsConfig) ? l.readsConfig : path.join(dir, l.readsConfig);
    const text = isGunicornConfig(config) ? textOf(config) : undefined;
    const heartbeatOnly = text !== undefined ? gunicornConfigHeartbeat(text) : undefined;
    return heartbeatOnly !== undefined ? { ...l, heartbeatOnly } : l;
  });
}

/** Limits one file sets. */
export function limitsInFile(file: string, text: string): ServerLimit[] {
  const out: ServerLimit[] = [];
  const base = path.basename(file).toLowerCase();
  const add = (kind: LimitKind, secs: number, index: number, length: number, label: string, extra: Partial<ServerLimit> = {}) =>
    out.push({ kind, seconds: secs, file, range: lineRange(text, index, length), label, ...extra });

  if (isGunicornConfig(file)) {
    const m = /^timeout\s*=\s*(\d+(?:\.\d+)?)/m.exec(text);
    const heartbeatOnly = gunicornConfigHeartbeat(text);
    if (m) add('gunicorn', Number(m[1]), m.index, m[0].length, `gunicorn \`timeout = ${m[1]}\``, heartbeatOnly !== undefined ? { heartbeatOnly } : {});
    return out;
  }
  if (/\.py$|\.[cm]?[jt]sx?$/.test(base) && !/^(next|vercel)\b/.test(base)) {
    // Next.js: the app router reads the route segment config (`export const maxDuration = 60`), the pages
    // router the page's `config` export (`export const config = { maxDuration: 60 }`); each where it reads it.
    if (/\.[cm]?[jt]sx?$/.test(base) && text.includes('maxDuration')) {
      const pages = PAGES_ROUTER.test(file.replace(/\\/g, '/'));
      const m = pages ? pagesConfigMaxDuration(text) : /export\s+const\s+maxDuration\s*=\s*(\d+)/.exec(text);
      if (m) add('nextjs', Number(m[1]), m.index, m[0].length, pages ? `Next.js \`config.maxDuration = ${m[1]}\`` : `Next.js \`maxDuration = ${m[1]}\``, { onlyFile: file });
    }
    if (/\.[cm]?[jt]sx?$/.test(base)) {
      // Amplify Gen 2: `defineFunction({ timeoutSeconds: 30 })` bounds the Lambda whose code is in this folder.
      // (`defineFunction((scope) => new Function(...))` builds its own function: its limit is not read here.)
      const fn = AMPLIFY_RESOURCE.test(file) ? /\bdefineFunction\s*\(\s*(?:\{|\)|$)/m.exec(text) : null;
      if (fn) {
        const t = /\btimeoutSeconds\s*:\s*(\d+)/.exec(text.slice(fn.index));
        const onlyDir = path.dirname(file);
        if (t) add('lambda', Number(t[1]), fn.index + t.index, t[0].length, `Amplify \`timeoutSeconds: ${t[1]}\``, { onlyDir });
        else add('lambda', AMPLIFY_DEFAULT_S, fn.index, fn[0].length, `Amplify's default function timeout (${AMPLIFY_DEFAULT_S} s)`, { onlyDir });
      }
    }
    out.push(...cdkLimits(file, text));
    return out;
  }

  // gunicorn command lines anywhere (Procfile, Dockerfile CMD, compose command, scripts, Makefile).
  const gunicorn = /\bgunicorn\b[^\n]*/g;
  for (let m = gunicorn.exec(text); m; m = gunicorn.exec(text)) {
    const line = m[0];
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (/^\s*#/.test(text.slice(lineStart, m.index + 1))) continue; // commented out
    const fullLine = text.slice(lineStart, text.indexOf('\n', m.index) === -1 ? undefined : text.indexOf('\n', m.index));
    if (/pip\s+install|apt-get|apk add|poetry add|uv add|requirements|==\d/i.test(fullLine)) continue;
    // `--timeout 45`, `--timeout=45`, and the exec form `"--timeout", "45"` (Dockerfile CMD, compose lists).
    const t = new RegExp(`(?<![\\w-])(?:--timeout|-t)${FLAG_VALUE}(\\d+)`).exec(line);
    const conf = new RegExp(`(?<![\\w-])(?:-c|--config)${FLAG_VALUE}([\\w./-]+)`).exec(line);
    const heartbeatOnly = new RegExp(`(?<![\\w-])(?:-k|--worker-class)${FLAG_VALUE}[\\w.]*(?:${ASYNC_WORKER.source})`, 'i').test(line) ? true : undefined;
    const readsConfig = heartbeatOnly ? {} : { readsConfig: conf ? conf[1] : 'gunicorn.conf.py' };
    if (t) add('gunicorn', Number(t[1]), m.index, line.length, `gunicorn \`${/^--/.test(t[0]) ? '--timeout' : '-t'} ${t[1]}\``, heartbeatOnly ? { heartbeatOnly } : readsConfig);
    else if (!conf) add('gunicorn', GUNICORN_DEFAULT_S, m.index, Math.min(line.length, 200), `gunicorn's default \`--timeout 30\``, heartbeatOnly ? { heartbeatOnly } : {});
  }

  if (base.endsWith('.conf')) {
    const m = /\bproxy_read_timeout\s+([\w.]+)\s*;/.exec(text);
    const secs = m ? seconds(m[1]) : undefined;
    if (m && secs !== undefined) add('nginx', secs, m.index, m[0].length, `nginx \`${m[0]}\``);
    else {
      const pass = /\bproxy_pass\s+[^;]+;/.exec(text);
      if (pass) add('nginx', NGINX_DEFAULT_S, pass.index, pass[0].length, "nginx's default `proxy_read_timeout 60s`");
    }
  }
  if (base === 'vercel.json') {
    const m = /"maxDuration"\s*:\s*(\d+)/.exec(text);
    if (m) add('vercel', Number(m[1]), m.index, m[0].length, `Vercel \`maxDuration: ${m[1]}\``);
  }
  // A wrangler config sets no request limit: a Worker has no wall-clock limit while its client stays
  // connected (only CPU time, which waiting on an LLM does not use). Cloudflare's 100 s (a 524) is the
  // proxy read timeout between a proxied zone and its origin server, which no file here shows: a project
  // declares it with `proxy-timeout` in its config.
  if (base.startsWith('serverless.')) {
    const m = /^\s*timeout:\s*(\d+)/m.exec(text);
    if (m) add('lambda', Number(m[1]), m.index, m[0].length, `Lambda \`timeout: ${m[1]}\``);
    else if (/^\s*provider:/m.test(text)) add('lambda', 6, 0, 1, "Serverless's default Lambda timeout (6 s)");
  }
  if (base.startsWith('template.')) {
    const m = /^\s*Timeout:\s*(\d+)/m.exec(text);
    if (m && /AWS::Serverless::Function|AWS::Lambda::Function/.test(text)) add('lambda', Number(m[1]), m.index, m[0].length, `Lambda \`Timeout: ${m[1]}\``);
  }
  return out;
}

/** A function a Serverless or SAM config names as a Lambda handler: `handler: src/chat.reply`. */
export interface LambdaEntryPoint {
  /** The config file; `module` is relative to its directory. */
  config: string;
  /** Module path without extension (`src/chat`), `/`-separated. */
  module: string;
  /** Exported function (`reply`). */
  exportName: string;
  /** The function's key in the config (`chat`), shown as the route. */
  functionName: string;
}

/** Lambda handlers named in `serverless.yml` (`handler: path/file.export`) or a SAM template (`Handler:` with `CodeUri:`). */
export function lambdaEntryPoints(file: string, text: string): LambdaEntryPoint[] {
  const base = path.basename(file).toLowerCase();
  const sam = base.startsWith('template.');
  if (!base.startsWith('serverless.') && !sam) return [];
  if (sam && !/AWS::Serverless::Function|AWS::Lambda::Function/.test(text)) return [];
  const lines = text.split(/\r?\n/);
  const indent = (l: string) => l.length - l.trimStart().length;
  /** The nearest key line above `at` indented less than `than`. */
  const ownerKey = (at: number, than: number): { name: string; line: number; indent: number } | undefined => {
    for (let i = at - 1; i >= 0; i--) {
      const m = /^(\s*)([\w.-]+):\s*(?:#.*)?$/.exec(lines[i]);
      if (m && m[1].length < than) return { name: m[2], line: i, indent: m[1].length };
    }
    return undefined;
  };
  // `handler: src/chat.reply` (Serverless) or `Handler: app.lambdaHandler` (SAM).
  const handlerLine = new RegExp(`^(\\s*)${sam ? 'Handler' : 'handler'}:\\s*['"]?([\\w./@-]+)\\.(\\w+)['"]?\\s*(?:#.*)?$`);
  const out: LambdaEntryPoint[] = [];
  lines.forEach((line, i) => {
    const m = handlerLine.exec(line);
    if (!m) return;
    let module = m[2].replace(/^\.\//, '');
    // SAM: `Properties:` is the owner; the resource (function name) owns that.
    const owner = ownerKey(i, m[1].length);
    const fn = sam && owner?.name === 'Properties' ? ownerKey(owner.line, owner.indent) : owner;
    if (sam && owner) {
      // `CodeUri: src/` among the same properties.
      for (let j = owner.line + 1; j < lines.length && (lines[j].trim() === '' || indent(lines[j]) > owner.indent); j++) {
        const c = /^\s*CodeUri:\s*['"]?([\w./@-]+?)\/?['"]?\s*(?:#.*)?$/.exec(lines[j]);
        if (c && c[1] !== '.') module = `${c[1].replace(/^\.\//, '')}/${module}`;
      }
    }
    out.push({ config: file, module, exportName: m[3], functionName: fn?.name ?? m[3] });
  });
  return out;
}
