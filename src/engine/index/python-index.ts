// The workspace's Python index: resolves imports to files (packages, src layouts, relative imports,
// `__init__` re-exports) and propagates facts across the call graph, with cycles cut:
// which functions run a blocking LLM call, which return an LLM coroutine, which are reached from the loop.

import { createHash } from 'crypto';
import * as path from 'path';
import type { Range } from '../types';
import type { CallEdge, FnFacts, HandlerRef, PyFileSummary } from './python-summary';
import { VIEW_METHODS, frameworkById } from '../catalog/python-frameworks';

export interface Hop {
  name: string;
  file: string;
  range: Range;
  /** For the last hop of an I/O chain: local file I/O (a judgement call). */
  minor?: true;
}

/** A route declared in another module's route table to a view of this file. */
export interface ExternalRoute {
  /** Function name, or class name for a class-based view. */
  name: string;
  view: 'function' | 'class';
  path: string;
  framework: string;
  /** The route table declaring it. */
  file: string;
}

interface FnRef {
  file: string;
  name: string;
}

/** A handler of the workspace that runs a function (itself, or through the helpers it calls). */
export interface ReachingHandler extends HandlerRef {
  file: string;
  name: string;
  range: Range;
}

/** Functions visited at most when looking for the handlers above one. */
const MAX_REACH = 64;

interface Caller {
  caller: FnRef;
  range: Range;
  usage: string;
  args?: Array<[string, string]>;
  iterates?: true;
  ownLoop?: true;
  /** The file whose call edge this is (an overlay works out again only the entries its file can change). */
  src: string;
}

/** Read by a call-graph entry that looked for a method's overrides: the workspace's subclass relation. */
const SUBCLASSES = '\u0000subclasses';
/** Read by a call-graph entry that looked up an object stored on an app (`app:chat.ask`): the classes stored so. */
const APP_CLASSES = '\u0000app';

/** An LLM call in another file that takes its timeout from a constructor of this one (`DirectCall.via`). */
export interface RemoteUse {
  file: string;
  range: Range;
  text: string;
  streaming: boolean;
}

/**
 * Per summary: the digest of its part of the clients fingerprint (null when it has none), the same in
 * every index unless it hands clients on as arguments ('per-index': their receivers are looked up in
 * each index). Summaries are not changed once made.
 */
const staticDigests = new WeakMap<PyFileSummary, Uint32Array | null | 'per-index'>();

/** SHA-1 of a fingerprint part as five 32-bit lanes; null for ''. */
function digestOf(print: string): Uint32Array | null {
  if (print === '') return null;
  const b = createHash('sha1').update(print).digest();
  return new Uint32Array([b.readUInt32BE(0), b.readUInt32BE(4), b.readUInt32BE(8), b.readUInt32BE(12), b.readUInt32BE(16)]);
}

const MAX_SUFFIX = 8;
const MAX_DEPTH = 32;
/**
 * Top-level modules of Python's standard library (3.12's `sys.stdlib_module_names`, private ones left out).
 * `import typing` runs the standard library's module, never a `typing.py` deep inside some package of the
 * workspace: only a module beside the importing file (a script's own directory leads `sys.path`) shadows it.
 */
const STDLIB_TOPS = new Set([
  'abc', 'aifc', 'argparse', 'array', 'ast', 'asynchat', 'asyncio', 'asyncore', 'atexit', 'audioop', 'base64', 'bdb',
  'binascii', 'bisect', 'builtins', 'bz2', 'cProfile', 'calendar', 'cgi', 'cgitb', 'chunk', 'cmath', 'cmd', 'code',
  'codecs', 'codeop', 'collections', 'colorsys', 'compileall', 'concurrent', 'configparser', 'contextlib',
  'contextvars', 'copy', 'copyreg', 'crypt', 'csv', 'ctypes', 'curses', 'dataclasses', 'datetime', 'dbm', 'decimal',
  'difflib', 'dis', 'distutils', 'doctest', 'email', 'encodings', 'ensurepip', 'enum', 'errno', 'faulthandler',
  'fcntl', 'filecmp', 'fileinput', 'fnmatch', 'fractions', 'ftplib', 'functools', 'gc', 'genericpath', 'getopt',
  'getpass', 'gettext', 'glob', 'graphlib', 'grp', 'gzip', 'hashlib', 'heapq', 'hmac', 'html', 'http', 'imaplib',
  'imghdr', 'imp', 'importlib', 'inspect', 'io', 'ipaddress', 'itertools', 'json', 'keyword', 'lib2to3', 'linecache',
  'locale', 'logging', 'lzma', 'mailbox', 'mailcap', 'marshal', 'math', 'mimetypes', 'mmap', 'modulefinder',
  'multiprocessing', 'netrc', 'nntplib', 'ntpath', 'numbers', 'opcode', 'operator', 'optparse', 'os', 'pathlib',
  'pdb', 'pickle', 'pickletools', 'pipes', 'pkgutil', 'platform', 'plistlib', 'poplib', 'posix', 'posixpath',
  'pprint', 'profile', 'pstats', 'pty', 'pwd', 'py_compile', 'pyclbr', 'pydoc', 'queue', 'quopri', 'random', 're',
  'readline', 'reprlib', 'resource', 'rlcompleter', 'runpy', 'sched', 'secrets', 'select', 'selectors', 'shelve',
  'shlex', 'shutil', 'signal', 'site', 'smtpd', 'smtplib', 'sndhdr', 'socket', 'socketserver', 'sqlite3', 'ssl',
  'stat', 'statistics', 'string', 'stringprep', 'struct', 'subprocess', 'sunau', 'symtable', 'sys', 'sysconfig',
  'syslog', 'tabnanny', 'tarfile', 'telnetlib', 'tempfile', 'termios', 'textwrap', 'threading', 'time', 'timeit',
  'tkinter', 'token', 'tokenize', 'tomllib', 'trace', 'traceback', 'tracemalloc', 'tty', 'types', 'typing',
  'unicodedata', 'unittest', 'urllib', 'uu', 'uuid', 'venv', 'warnings', 'wave', 'weakref', 'webbrowser', 'wsgiref',
  'xdrlib', 'xml', 'xmlrpc', 'zipapp', 'zipfile', 'zipimport', 'zlib', 'zoneinfo'
]);

export class PyIndex {
  private summaries = new SummaryMap();
  /** See `untypedAwaits`. */
  private awaitedUntyped?: Map<string, number>;
  private readonly bySuffix = new Map<string, string[]>();
  private blockingMemo = new Map<string, Hop[] | null>();
  private coroutineMemo = new Map<string, Hop[] | null>();
  private loopMemo = new Map<string, Hop[] | null>();
  private serverMemo = new Map<string, boolean>();
  private ioMemo = new Map<string, Hop[] | null>();
  private lazyMemo = new Map<string, Hop[] | null>();
  private lazyLoopMemo = new Map<string, Hop[] | null>();
  private callers: Map<string, Caller[]> | undefined;
  /**
   * Per file whose summary went into `callers`: the files (and `SUBCLASSES`, `APP_CLASSES`) whose summaries working out
   * its entries read. An overlay works out again only the entries of files that read its replaced file.
   */
  private callerReads: Map<string, string[]> | undefined;
  /** While working out call-graph entries or call targets: where the files whose summaries they read go. */
  private reads: string[] | undefined;
  private vias: Map<string, Map<string, RemoteUse[]>> | undefined;
  private routeTable: Map<string, ExternalRoute[]> | undefined;
  private reachMemo = new Map<string, ReachingHandler[]>();

  constructor(summaries: Iterable<PyFileSummary> = []) {
    for (const s of summaries) this.add(s);
  }

  /**
   * A copy with `summary` replacing its file's entry (the file being analysed now), listed last. When
   * the file is already listed here, the copy takes over this index's import resolutions that never
   * looked at that file (each file's analysis against a copy used to resolve the whole workspace's
   * imports again, which made a cold scan quadratic).
   */
  overlay(summary: PyFileSummary): PyIndex {
    const next = new PyIndex();
    if (this.summaries.has(summary.file)) {
      // The same files: the copy reads this index's summaries and module lists but for that one file.
      next.summaries = new SummaryMap(this.summaries, summary);
      next.shared = { base: this, file: summary.file };
      return next;
    }
    for (const s of this.summaries.values()) next.add(s);
    next.add(summary);
    return next;
  }

  /**
   * For an overlay: the index it copies, and the file it replaced. Both list the same files, so a
   * resolution there that found no module file equal to `file` (the only summary that differs, and
   * the only file whose place in the lists moved) resolves the same here.
   */
  private shared: { base: PyIndex; file: string } | undefined;

  get size(): number {
    return this.summaries.size;
  }

  summary(file: string): PyFileSummary | undefined {
    return this.summaries.get(file);
  }

  /** The files listed under a dotted module path (`b.c` for a/b/c.py), in the order listed here. */
  private filesBySuffix(dotted: string): string[] | undefined {
    if (!this.shared) return this.bySuffix.get(dotted);
    // An overlay: its base's lists, with the replaced file moved last in those naming it.
    let files = this.bySuffix.get(dotted);
    if (!files) {
      const { base, file } = this.shared;
      files = base.filesBySuffix(dotted);
      if (!files) return undefined;
      if (suffixKeys(file).includes(dotted)) files = [...files.filter((f) => f !== file), file];
      this.bySuffix.set(dotted, files);
    }
    return files;
  }

  private add(s: PyFileSummary): void {
    this.summaries.set(s.file, s);
    for (const key of suffixKeys(s.file)) {
      const list = this.bySuffix.get(key);
      if (list) list.push(s.file);
      else this.bySuffix.set(key, [s.file]);
    }
  }

  /**
   * Resolutions by the importing file's directory, then by name; with each, the module files found on
   * the way (whose summaries and places in the lists it read).
   */
  private readonly resolveMemo = new Map<string, Map<string, Resolution>>();
  private readonly dirs = new Map<string, string>();
  /** While resolving: where the module files found are collected. */
  private foundSink: string[] | undefined;

  private dirOf(file: string): string {
    let dir = this.dirs.get(file);
    if (dir === undefined) this.dirs.set(file, (dir = path.dirname(file)));
    return dir;
  }

  /** Resolves an imported qualified name, as seen from `fromFile`, to a file and a top-level name. */
  resolve(fromFile: string, qname: string, depth = 0): { file: string; name?: string } | undefined {
    // Relative and absolute names alike resolve from the importing file's directory only.
    const where = this.dirOf(fromFile);
    let byName = this.resolveMemo.get(where);
    if (!byName) this.resolveMemo.set(where, (byName = new Map()));
    let memo = byName.get(qname);
    if (memo === undefined && this.shared) {
      // An overlay: the base's resolution holds unless it found the replaced file on the way.
      const base = this.shared.base.resolution(fromFile, qname, depth);
      if (!base.found?.includes(this.shared.file)) byName.set(qname, (memo = base));
    }
    if (memo === undefined) {
      const outer = this.foundSink;
      const found: string[] = [];
      this.foundSink = found;
      let result: { file: string; name?: string } | undefined;
      try {
        result = this.resolveUncached(fromFile, qname, depth);
      } finally {
        this.foundSink = outer;
      }
      byName.set(qname, (memo = { result: result ?? null, found: found.length > 0 ? found : undefined }));
    }
    if (memo.found) {
      if (this.foundSink) this.foundSink.push(...memo.found);
      else if (this.reads) for (const f of memo.found) this.reads.push(f);
    }
    return memo.result ?? undefined;
  }

  /** `resolve`, with the module files found on the way. */
  private resolution(fromFile: string, qname: string, depth: number): Resolution {
    this.resolve(fromFile, qname, depth);
    return this.resolveMemo.get(this.dirOf(fromFile))!.get(qname)!;
  }

  private resolveUncached(fromFile: string, qname: string, depth: number): { file: string; name?: string } | undefined {
    if (depth > 6) return undefined;
    let level = 0;
    while (qname.charCodeAt(level) === 46 /* . */) level++;
    const segs = qname.slice(level).split('.').filter(Boolean);
    // Dotted prefixes of the name, longest last (`a`, `a.b`, `a.b.c`).
    const prefixes: string[] = [];
    if (level === 0) for (let k = 0; k < segs.length; k++) prefixes.push(k === 0 ? segs[0] : `${prefixes[k - 1]}.${segs[k]}`);
    for (let k = segs.length; k >= (level > 0 ? 0 : 1); k--) {
      const file = level > 0 ? this.relativeModule(fromFile, level, segs.slice(0, k)) : this.absoluteModule(fromFile, prefixes[k - 1]);
      if (!file) continue;
      this.foundSink?.push(file);
      const rest = segs.slice(k);
      if (rest.length === 0) return { file };
      const name = rest.join('.');
      const s = this.summaries.get(file)!;
      // `resources.client` where that module stores a client on its object `resources` (`PyFileSummary.clients`).
      if (rest.length === 2 && s.clients[name]) return { file, name };
      // `service.ask` where `service = Service()` in that module: the method `Service.ask`.
      const cls = s.instances?.[rest[0]];
      if (cls && rest.length > 1) {
        if (cls.startsWith('import:')) return this.resolve(file, `${cls.slice(7)}.${rest.slice(1).join('.')}`, depth + 1);
        return { file, name: `${cls}.${rest.slice(1).join('.')}` };
      }
      if (s.functions[name] || s.clients[rest[0]] || s.factories[name] || s.functions[rest[0]]) return { file, name };
      // Re-exported from a package `__init__` or another module.
      const reexport = s.imports[rest[0]];
      if (reexport) return this.resolve(file, reexport + (rest.length > 1 ? '.' + rest.slice(1).join('.') : ''), depth + 1);
      return { file, name };
    }
    return undefined;
  }

  private relativeModule(fromFile: string, level: number, segs: string[]): string | undefined {
    let dir = this.dirOf(fromFile);
    for (let i = 1; i < level; i++) dir = this.dirOf(dir);
    // `path.join`, without its normalizing pass when the directory is already normal (the usual case:
    // the segments are identifiers, so joining them keeps it normal).
    const fast = this.isNormal(dir) && !dir.endsWith(path.sep);
    const base = fast ? (segs.length === 0 ? dir : dir + path.sep + segs.join(path.sep)) : path.join(dir, ...segs);
    if (this.summaries.has(base + '.py')) return base + '.py';
    const init = fast ? base + path.sep + '__init__.py' : path.join(base, '__init__.py');
    return this.summaries.has(init) ? init : undefined;
  }

  private readonly normal = new Map<string, boolean>();

  private isNormal(dir: string): boolean {
    let v = this.normal.get(dir);
    if (v === undefined) this.normal.set(dir, (v = dir.length > 0 && path.normalize(dir) === dir));
    return v;
  }

  private absoluteModule(fromFile: string, dotted: string): string | undefined {
    const dot = dotted.indexOf('.');
    if (STDLIB_TOPS.has(dot === -1 ? dotted : dotted.slice(0, dot))) return this.relativeModule(fromFile, 1, dotted.split('.'));
    const files = this.filesBySuffix(dotted);
    if (!files || files.length === 0) return undefined;
    if (files.length === 1) return files[0];
    // Several files end with this module path: prefer the one nearest the importing file (the longest
    // common prefix of their directories; the first listed among equals).
    const from = this.dirOf(fromFile);
    if (files.length <= 8) {
      let best = files[0];
      let bestShared = -1;
      for (const f of files) {
        const shared = commonPrefixLength(this.dirOf(f), from);
        if (shared > bestShared) {
          best = f;
          bestShared = shared;
        }
      }
      return best;
    }
    // Many (the same module name in many packages or copies): a scan per lookup made resolving every
    // import of a big workspace quadratic. In the directories sorted, those sharing the longest prefix
    // with `from` sit around its place, in one run: found by binary search, the first listed among them wins.
    let sorted = this.sortedDirs.get(dotted);
    if (!sorted || sorted.length !== files.length) {
      sorted = files.map((f, i) => ({ dir: this.dirOf(f), i })).sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : a.i - b.i));
      this.sortedDirs.set(dotted, sorted);
    }
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].dir < from) lo = mid + 1;
      else hi = mid;
    }
    const shared = (k: number): number => (k >= 0 && k < sorted!.length ? commonPrefixLength(sorted![k].dir, from) : -1);
    const longest = Math.max(shared(lo - 1), shared(lo));
    let best = Number.MAX_SAFE_INTEGER;
    for (let k = lo - 1; k >= 0 && shared(k) === longest; k--) best = Math.min(best, sorted[k].i);
    for (let k = lo; k < sorted.length && shared(k) === longest; k++) best = Math.min(best, sorted[k].i);
    return files[best];
  }

  /** Per dotted module path listed by many files: their directories, sorted, with their place in the list. */
  private readonly sortedDirs = new Map<string, Array<{ dir: string; i: number }>>();

  private resolveTarget(fromFile: string, target: string): FnRef | undefined {
    if (target.startsWith('local:')) return { file: fromFile, name: target.slice(6) };
    if (target.startsWith('app:')) return this.appMethod(target.slice(4));
    const r = this.resolve(fromFile, target.slice(7));
    return r?.name ? { file: r.file, name: r.name } : undefined;
  }

  /** Call targets by file and target, with the files whose summaries working them out read. */
  private readonly targetsMemo = new Map<string, { refs: FnRef[]; reads: string[] }>();
  private appClasses: Map<string, FnRef> | undefined;
  /** The files whose summaries building `appClasses` read (those storing objects on an app, those the classes resolved through). */
  private appReads: Set<string> | undefined;

  /**
   * Builds a workspace-wide relation (subclasses, objects stored on an app): `build` adds the files whose
   * summaries it read to the list it is given, and the files its lookups read are recorded there too.
   */
  private recordingReads(build: (reads: string[]) => void): Set<string> {
    const outer = this.reads;
    const reads: string[] = [];
    this.reads = reads;
    try {
      build(reads);
    } finally {
      this.reads = outer;
    }
    return new Set(reads);
  }

  /** `chat.ask` of `app:chat.ask`: the method of the class an app factory stores as `app.chat` (the first module found). */
  private appMethod(attrMethod: string): FnRef | undefined {
    this.reads?.push(APP_CLASSES);
    if (!this.appClasses) {
      const classes = (this.appClasses = new Map<string, FnRef>());
      this.appReads = this.recordingReads((reads) => {
        for (const s of this.summaries.values()) {
          for (const [attr, c] of Object.entries(s.appAttributes ?? {})) {
            const cls = classes.has(attr) ? undefined : this.classRef(s.file, c);
            if (cls) classes.set(attr, cls);
          }
          if (s.appAttributes && Object.keys(s.appAttributes).length > 0) reads.push(s.file);
        }
      });
    }
    const dot = attrMethod.lastIndexOf('.');
    const cls = dot > 0 ? this.appClasses.get(attrMethod.slice(0, dot)) : undefined;
    return cls ? { file: cls.file, name: `${cls.name}.${attrMethod.slice(dot + 1)}` } : undefined;
  }

  /**
   * The functions a call edge can run: its target; for a method with no behaviour of its own (abstract),
   * the overrides of the subclasses in the workspace; for a method called on what a factory returns
   * (`get_backend().chat(...)`), that method of each class the factory builds; for a method a class
   * inherits, the base class's.
   */
  targetsOf(fromFile: string, target: string): FnRef[] {
    const key = `${fromFile}\u0000${target}`;
    let memo = this.targetsMemo.get(key);
    if (!memo && this.shared) {
      // An overlay: the base's targets hold unless working them out read the replaced file (or the
      // subclass relation, when the replaced file's classes may have changed it).
      const base = this.shared.base.targetsMemo.get(key);
      if (base && !this.staleFor(base.reads)) this.targetsMemo.set(key, (memo = base));
    }
    if (!memo) {
      const outer = this.reads;
      const reads: string[] = [];
      this.reads = reads;
      try {
        const r = this.resolveTarget(fromFile, target);
        memo = { refs: r ? this.dispatch(r, 0) : [], reads: reads.length > 1 ? [...new Set(reads)] : reads };
      } finally {
        this.reads = outer;
      }
      this.targetsMemo.set(key, memo);
    }
    if (this.reads) for (const f of memo.reads) this.reads.push(f);
    return memo.refs;
  }

  private dispatch(ref: FnRef, depth: number): FnRef[] {
    const facts = this.facts(ref);
    if (facts && !facts.abstract) return [ref];
    const dot = facts ? ref.name.lastIndexOf('.') : ref.name.indexOf('.');
    if (dot < 0 || depth > 4) return [ref];
    const head = ref.name.slice(0, dot);
    const method = ref.name.slice(dot + 1);
    if (facts) {
      const overrides = this.overridesOf({ file: ref.file, name: head }, method);
      return overrides.length > 0 ? overrides : [ref];
    }
    if (method.includes('.')) return [ref];
    this.reads?.push(ref.file);
    const s = this.summaries.get(ref.file);
    const made = s?.functions[head]?.returnsInstances;
    if (made) {
      const out: FnRef[] = [];
      for (const c of made) {
        const cls = this.classRef(ref.file, c);
        if (cls) for (const t of this.dispatch({ file: cls.file, name: `${cls.name}.${method}` }, depth + 1)) if (this.facts(t)) out.push(t);
      }
      return out.length > 0 ? out : [ref];
    }
    // Inherited: the first base class (in order) that has the method.
    for (const b of s?.bases?.[head] ?? []) {
      const cls = this.classRef(ref.file, b);
      if (!cls || (cls.file === ref.file && cls.name === head)) continue;
      const sub = this.dispatch({ file: cls.file, name: `${cls.name}.${method}` }, depth + 1);
      if (sub.some((t) => this.facts(t))) return sub;
    }
    return [ref];
  }

  /** A class named in a summary (`Cls` of `file`, `import:q`) as a file and a class name. */
  private classRef(file: string, c: string): FnRef | undefined {
    if (!c.startsWith('import:')) return { file, name: c };
    const r = this.resolve(file, c.slice(7));
    return r?.name ? { file: r.file, name: r.name } : undefined;
  }

  private subclasses: Map<string, FnRef[]> | undefined;
  /** The files whose summaries building `subclasses` read (those declaring base classes, those the bases resolved through). */
  private subclassReads: Set<string> | undefined;
  private relationsMoved: { subclasses: boolean; app: boolean } | undefined;

  /**
   * For an overlay: whether something worked out in its base, having read `reads`, may differ here: it
   * read the replaced file, or a workspace-wide relation the replaced file may change (it declares base
   * classes or stores objects on an app, in either version, or building the base's relation resolved
   * through it).
   */
  private staleFor(reads: string[]): boolean {
    const { base, file } = this.shared!;
    if (reads.includes(file)) return true;
    if (!this.relationsMoved) {
      const before = base.summary(file);
      const now = this.summaries.get(file);
      const any = (r: Record<string, unknown> | undefined): boolean => !!r && Object.keys(r).length > 0;
      this.relationsMoved = {
        subclasses: any(before?.bases) || any(now?.bases) || (base.subclassReads?.has(file) ?? false),
        app: any(before?.appAttributes) || any(now?.appAttributes) || (base.appReads?.has(file) ?? false),
      };
    }
    return (this.relationsMoved.subclasses && reads.includes(SUBCLASSES)) || (this.relationsMoved.app && reads.includes(APP_CLASSES));
  }

  /** The concrete `method` of every subclass (at any depth) of class `cls` in the workspace. */
  private overridesOf(cls: FnRef, method: string): FnRef[] {
    this.reads?.push(SUBCLASSES);
    if (!this.subclasses) {
      const subclasses = (this.subclasses = new Map<string, FnRef[]>());
      this.subclassReads = this.recordingReads((reads) => {
        for (const s of this.summaries.values()) {
          for (const [name, bases] of Object.entries(s.bases ?? {})) {
            for (const b of bases) {
              const base = this.classRef(s.file, b);
              if (!base) continue;
              const k = `${base.file}#${base.name}`;
              const list = subclasses.get(k) ?? [];
              list.push({ file: s.file, name });
              subclasses.set(k, list);
            }
          }
          if (s.bases && Object.keys(s.bases).length > 0) reads.push(s.file);
        }
      });
    }
    const out: FnRef[] = [];
    const seen = new Set<string>([`${cls.file}#${cls.name}`]);
    const queue = [cls];
    while (queue.length > 0 && seen.size <= MAX_DEPTH) {
      const c = queue.shift()!;
      for (const sub of this.subclasses.get(`${c.file}#${c.name}`) ?? []) {
        const k = `${sub.file}#${sub.name}`;
        if (seen.has(k)) continue;
        seen.add(k);
        queue.push(sub);
        const m = { file: sub.file, name: `${sub.name}.${method}` };
        const f = this.facts(m);
        if (f && !f.abstract) out.push(m);
      }
    }
    return out;
  }

  facts(ref: FnRef): FnFacts | undefined {
    this.reads?.push(ref.file);
    return this.summaries.get(ref.file)?.functions[ref.name];
  }

  /** What an imported name is bound to in the workspace: a client, a client factory, an SDK function alias. */
  bindingOf(fromFile: string, qname: string): { client?: string; factory?: string; alias?: string; blocking?: string; subclass?: string } | undefined {
    const r = this.resolve(fromFile, qname);
    if (!r?.name) return undefined;
    const s = this.summaries.get(r.file);
    if (!s) return undefined;
    return { client: s.clients[r.name], factory: s.factories[r.name], alias: s.aliases?.[r.name], blocking: s.blocking?.[r.name], subclass: this.clientSubclassOf(r.file, r.name, 0) };
  }

  /**
   * A workspace class deriving from an SDK client class, in `PyFileSummary.clientClasses` form: as its file
   * says, or through base classes imported from other workspace files (a subclass of a subclass).
   */
  private clientSubclassOf(file: string, name: string, depth: number): string | undefined {
    const s = this.summaries.get(file);
    if (!s || depth > 4) return undefined;
    const own = s.clientClasses?.[name];
    if (own) return own;
    for (const b of s.bases?.[name] ?? []) {
      if (!b.startsWith('import:')) continue;
      const r = this.resolve(file, b.slice(7));
      const base = r?.name ? this.clientSubclassOf(r.file, r.name, depth + 1) : undefined;
      if (!base) continue;
      const [encoded, judged, methods] = base.split('\u0002');
      const mine = Object.keys(s.functions).filter((k) => k.startsWith(`${name}.`) && k.indexOf('.', name.length + 1) === -1).map((k) => k.slice(name.length + 1));
      const all = [...new Set([...mine, ...(methods ? methods.split(',') : [])])];
      // Its own `__init__` may not hand the caller's options on: not judged like the SDK class's then.
      return `${encoded}\u0002${judged === '1' && !mine.includes('__init__') ? 1 : 0}\u0002${all.join(',')}`;
    }
    return undefined;
  }

  /** Client class of an imported name (a module-level client in another file), if any. */
  clientOf(fromFile: string, qname: string): string | undefined {
    const r = this.resolve(fromFile, qname);
    return r?.name ? this.summaries.get(r.file)?.clients[r.name] : undefined;
  }

  /** An SDK function re-bound under another name in a workspace module (`completion = litellm.completion`). */
  aliasOf(fromFile: string, qname: string): string | undefined {
    const r = this.resolve(fromFile, qname);
    return r?.name ? this.summaries.get(r.file)?.aliases?.[r.name] : undefined;
  }

  /** A client stored as `app.state.<name>` in any workspace file. */
  stateClient(name: string): string | undefined {
    for (const s of this.summaries.values()) {
      const c = s.state?.[name];
      if (c) return c;
    }
    return undefined;
  }

  /** Client class returned by an imported factory function (or by a method of an imported class), if any. */
  factoryOf(fromFile: string, qname: string): string | undefined {
    const r = this.resolve(fromFile, qname);
    if (!r?.name) return undefined;
    const factories = this.summaries.get(r.file)?.factories;
    if (!factories) return undefined;
    if (factories[r.name]) return factories[r.name];
    // An imported class with a method returning a client (`ModelProvider().get_model()`).
    const prefix = `${r.name}.`;
    for (const [name, cls] of Object.entries(factories)) if (name.startsWith(prefix)) return cls;
    return undefined;
  }

  /** Imported function facts, if the name resolves to a function in the workspace. */
  functionOf(fromFile: string, qname: string): (FnRef & { facts: FnFacts }) | undefined {
    const r = this.resolve(fromFile, qname);
    if (!r?.name) return undefined;
    const facts = this.facts({ file: r.file, name: r.name });
    return facts ? { file: r.file, name: r.name, facts } : undefined;
  }

  /**
   * Shared walk of the three chain searches: memoized per function, with the functions on the
   * current path cut (cycles) and a depth bound. `step` sees the function's facts and its own hop.
   */
  private search(memo: Map<string, Hop[] | null>, ref: FnRef, visiting: Set<string>, accept: (f: FnFacts) => boolean, step: (f: FnFacts, self: Hop) => Hop[] | undefined): Hop[] | undefined {
    const key = `${ref.file}#${ref.name}`;
    const known = memo.get(key);
    if (known !== undefined) return known ?? undefined;
    const facts = this.facts(ref);
    if (!facts || !accept(facts) || visiting.has(key) || visiting.size > MAX_DEPTH) return undefined;
    visiting.add(key);
    const result = step(facts, { name: facts.name, file: ref.file, range: facts.range });
    visiting.delete(key);
    memo.set(key, result ?? null);
    return result;
  }

  /** The first callee chain found through `facts.calls`, prefixed with `self`. */
  private throughCalls(ref: FnRef, facts: FnFacts, self: Hop, next: (target: FnRef, usage: string, edge: CallEdge) => Hop[] | undefined): Hop[] | undefined {
    for (const edge of facts.calls) {
      for (const target of this.targetsOf(ref.file, edge.target)) {
        const sub = next(target, edge.usage, edge);
        if (sub) return [self, ...sub];
        if (!edge.fnArgs) continue;
        // A function passed to a callee that calls it (`best_match(q, self.db.similar_rows)`): it runs here.
        for (const passed of this.passedAndCalled(ref.file, edge.fnArgs, target)) {
          const via = next(passed, 'dropped', { target: '', range: edge.range, usage: 'dropped' });
          if (via) return [self, ...via];
        }
      }
    }
    return undefined;
  }

  /** The functions passed as arguments (`CallEdge.fnArgs`) that the callee `target` calls (its `paramCalls`). */
  passedAndCalled(file: string, fnArgs: Array<[string, string]> | undefined, target: FnRef): FnRef[] {
    const called = this.facts(target)?.paramCalls;
    if (!called || !fnArgs) return [];
    const out: FnRef[] = [];
    for (const [key, t] of fnArgs) {
      if (!called.includes(key)) continue;
      const r = this.resolveTarget(file, t);
      if (r && this.facts(r)) out.push(r);
    }
    return out;
  }

  /** Hops from the function down to a synchronous LLM call it runs (directly or through helpers). */
  blockingChain(ref: FnRef, visiting = new Set<string>()): Hop[] | undefined {
    return this.search(this.blockingMemo, ref, visiting, () => true, (facts, self) => {
      // A lazy SDK generator it does not iterate sends nothing here.
      const direct = facts.direct.find((d) => !d.async && !d.lazy);
      if (direct) return [self, { name: direct.text, file: ref.file, range: direct.range }];
      return this.throughCalls(ref, facts, self, (target, usage, edge) => {
        const tf = this.facts(target);
        // An async helper's body runs only when its coroutine does; a generator's when it is iterated
        // (a sync generator iterated here runs its body here, chunk by chunk).
        if (!tf || !runsBody(tf, usage, edge.iterates)) return undefined;
        return this.blockingChain(target, visiting) ?? (edge.iterates ? this.lazyChain(target) : undefined);
      });
    });
  }

  /**
   * For a sync function returning a lazy SDK generator (`return client.models.generate_content_stream(...)`),
   * directly or as the result of another such function: the hops down to that SDK call, whose request goes
   * out where the returned generator is iterated.
   */
  lazyChain(ref: FnRef, visiting = new Set<string>()): Hop[] | undefined {
    return this.search(this.lazyMemo, ref, visiting, (f) => !f.isAsync && !f.isGenerator, (facts, self) => {
      const direct = facts.direct.find((d) => d.lazy === 'returned');
      if (direct) return [self, { name: direct.text, file: ref.file, range: direct.range }];
      return this.throughCalls(ref, facts, self, (target, usage) => (usage === 'returned' ? this.lazyChain(target, visiting) : undefined));
    });
  }

  /**
   * For a sync function returning a lazy SDK generator: hops from an `async def` that iterates its result
   * (directly, or through sync helpers that iterate it or call such a helper) down to it.
   */
  lazyLoopChain(ref: FnRef, visiting = new Set<string>()): Hop[] | undefined {
    return this.search(this.lazyLoopMemo, ref, visiting, (f) => !f.isAsync && !f.isGenerator, (_facts, self) => {
      for (const c of this.callersOf(`${ref.file}#${ref.name}`)) {
        const cf = this.facts(c.caller);
        if (!cf) continue;
        // Returned on by a sync function: whoever iterates that one's result makes the request.
        let up: Hop[] | undefined;
        if (!c.iterates) up = c.usage === 'returned' && !cf.isAsync ? this.lazyLoopChain(c.caller, visiting) : undefined;
        else if (cf.isAsync) up = this.onServer(c.caller) ? [{ name: cf.name, file: c.caller.file, range: cf.range }] : undefined;
        else up = this.loopChain(c.caller);
        if (up) return [...up, self];
      }
      return undefined;
    });
  }

  /**
   * Hops from a function down to blocking work other than an LLM call (sleep, sync HTTP or DB, file
   * I/O) that it runs on its caller's thread: directly, or through helpers, as `blockingChain` does.
   */
  ioChain(ref: FnRef, visiting = new Set<string>()): Hop[] | undefined {
    return this.search(this.ioMemo, ref, visiting, () => true, (facts, self) => {
      // The worst of its blocking calls: network or model loading before local file I/O.
      const direct = facts.io?.find((i) => !i.minor) ?? facts.io?.[0];
      if (direct) return [self, { name: direct.text, file: ref.file, range: direct.range, minor: direct.minor }];
      return this.throughCalls(ref, facts, self, (target, usage, edge) => {
        const tf = this.facts(target);
        if (!tf || !runsBody(tf, usage, edge.iterates)) return undefined;
        return this.ioChain(target, visiting);
      });
    });
  }

  /** For an `async def`: hops down to the LLM call that makes its coroutine an LLM coroutine. */
  coroutineChain(ref: FnRef, visiting = new Set<string>()): Hop[] | undefined {
    return this.search(this.coroutineMemo, ref, visiting, (f) => f.isAsync, (facts, self) => {
      const direct = facts.direct.find((d) => !d.lazy);
      if (direct) return [self, { name: direct.text, file: ref.file, range: direct.range }];
      return this.throughCalls(ref, facts, self, (target) => this.coroutineChain(target, visiting) ?? (this.facts(target)?.isAsync ? undefined : this.blockingChain(target)));
    });
  }

  /** For a sync function: hops from an `async def` that calls it (directly or via sync helpers) down to it. */
  loopChain(ref: FnRef, visiting = new Set<string>()): Hop[] | undefined {
    return this.search(this.loopMemo, ref, visiting, (f) => !f.isAsync, (facts, self) => {
      if (facts.onLoop) return [self];
      for (const c of this.callersOf(`${ref.file}#${ref.name}`)) {
        // A sync generator's body runs where it is iterated, not where it is called.
        if (facts.isGenerator && !c.iterates) continue;
        const cf = this.facts(c.caller);
        if (!cf) continue;
        if (cf.isAsync) {
          if (this.onServer(c.caller)) return [{ name: cf.name, file: c.caller.file, range: cf.range }, self];
          continue;
        }
        const up = this.loopChain(c.caller, visiting);
        if (up) return [...up, self];
      }
      return undefined;
    });
  }

  /**
   * Whether an `async def` may run on a server's event loop. False only on clear evidence: every
   * caller runs it on a loop of its own (`asyncio.run(f())` from sync code) or is itself an async
   * function off any server; or nothing calls it and its module is a script. Handlers are decided by
   * the file analysing them (a handler is always on the server).
   */
  onServer(ref: FnRef, visiting = new Set<string>()): boolean {
    const key = `${ref.file}#${ref.name}`;
    const known = this.serverMemo.get(key);
    if (known !== undefined) return known;
    if (visiting.has(key) || visiting.size > MAX_DEPTH) return false;
    visiting.add(key);
    let result = false;
    const callers = this.callersOf(key);
    if (callers.length === 0) result = !this.summaries.get(ref.file)?.script;
    for (const c of callers) {
      if (c.ownLoop) continue;
      const cf = this.facts(c.caller);
      // A sync caller that does not run it on a loop of its own hands the coroutine on: unknown.
      if (!cf || !cf.isAsync || this.onServer(c.caller, visiting)) {
        result = true;
        break;
      }
    }
    visiting.delete(key);
    if (visiting.size === 0 || result) this.serverMemo.set(key, result);
    return result;
  }

  /**
   * True when an `async def` of the workspace runs this coroutine function (awaits it, returns or
   * passes its coroutine): it is then an intermediate hop, not where the loop enters the chain.
   */
  runByAsyncCaller(ref: FnRef): boolean {
    // Calling an async generator function runs nothing: its body runs where it is iterated. Handed to the
    // framework (a streamed response), its own calls are where the loop enters the chain; iterated with
    // `async for` by an async function, that function drives it (its `async for` is the call site).
    if (this.facts(ref)?.isGenerator) {
      return this.callersOf(`${ref.file}#${ref.name}`).some((c) => c.usage === 'async-iterated' && this.facts(c.caller)?.isAsync === true);
    }
    for (const c of this.callersOf(`${ref.file}#${ref.name}`)) {
      if (runsCoroutine(c.usage) && this.facts(c.caller)?.isAsync) return true;
    }
    // Awaited through a parameter with no annotation (`await service.execute_chat(...)`): the one workspace
    // class with an async method of that name is what such a caller runs.
    const dot = ref.name.lastIndexOf('.');
    return dot > 0 && this.facts(ref)?.isAsync === true && this.untypedAwaits().get(ref.name.slice(dot + 1)) === 1;
  }

  /**
   * Per method name awaited on an untyped parameter by some async function: how many workspace classes
   * define an async method of that name. An overlay derives it from its base's, changed by its one file.
   */
  private untypedAwaits(): Map<string, number> {
    if (this.awaitedUntyped) return this.awaitedUntyped;
    const base = this.shared?.base;
    if (base && !base.shared) {
      const before = base.summaries.get(this.shared!.file);
      const after = this.summaries.get(this.shared!.file);
      const counts = base.untypedAwaits();
      // The same awaits and async methods in the replaced file: the same answer.
      if (untypedKey(before) === untypedKey(after)) return (this.awaitedUntyped = counts);
    }
    const awaited = new Map<string, number>();
    for (const s of this.summaries.values()) for (const fn of Object.values(s.functions)) for (const m of fn.awaitsUntyped ?? []) awaited.set(m, 0);
    if (awaited.size > 0) {
      for (const s of this.summaries.values()) {
        for (const fn of Object.values(s.functions)) {
          const dot = fn.name.lastIndexOf('.');
          const m = dot > 0 && fn.isAsync ? fn.name.slice(dot + 1) : undefined;
          if (m && awaited.has(m)) awaited.set(m, awaited.get(m)! + 1);
        }
      }
    }
    return (this.awaitedUntyped = awaited);
  }

  private callersOf(key: string): Caller[] {
    if (!this.callers) {
      const base = this.shared?.base;
      if (base && !base.shared) return this.overlayCallersOf(base, this.shared!.file, key);
      this.callers = new Map();
      this.callerReads = new Map();
      const add = (k: string, c: Caller): void => {
        const list = this.callers!.get(k);
        if (list) list.push(c);
        else this.callers!.set(k, [c]);
      };
      const outer = this.reads;
      try {
        for (const s of this.summaries.values()) {
          const reads: string[] = [];
          this.reads = reads;
          this.callerEntries(s, add);
          this.callerReads.set(s.file, reads);
        }
      } finally {
        this.reads = outer;
      }
    }
    return this.callers.get(key) ?? [];
  }

  /** The call-graph entries one file's call edges make, in order: callee key and caller. */
  private callerEntries(s: PyFileSummary, add: (key: string, c: Caller) => void): void {
    const moduleLevel = s.moduleCalls ? [{ name: '<module>', calls: s.moduleCalls }] : [];
    for (const fn of [...Object.values(s.functions), ...moduleLevel]) {
      for (const edge of fn.calls) {
        const caller: Caller = { caller: { file: s.file, name: fn.name }, range: edge.range, usage: edge.usage, args: edge.args, iterates: edge.iterates, ownLoop: edge.ownLoop, src: s.file };
        for (const t of this.targetsOf(s.file, edge.target)) {
          for (const name of [t.name, `${t.name}.__init__`]) {
            // An imported class called as a constructor: its `__init__` is what runs.
            if (name !== t.name) {
              this.reads?.push(t.file);
              if (!this.summaries.get(t.file)?.functions[name]) continue;
            }
            add(`${t.file}#${name}`, caller);
          }
        }
        // A function passed to the callee, which calls it: the callee is its caller.
        if (edge.fnArgs) {
          for (const t of this.targetsOf(s.file, edge.target)) {
            for (const passed of this.passedAndCalled(s.file, edge.fnArgs, t)) add(`${passed.file}#${passed.name}`, { caller: t, range: edge.range, usage: 'dropped', src: s.file });
          }
        }
      }
    }
  }

  /**
   * An overlay's callers of `key`: its base's, but for the entries of the files whose entries may change
   * (the replaced file, the files whose entries read it) worked out again here. Same order as a full
   * build: by file in the overlay's order (the base's, with the replaced file last), then as made.
   */
  private overlayCallersOf(base: PyIndex, file: string, key: string): Caller[] {
    if (!this.overlayCallers) {
      base.callersOf('');
      const affected = new Set<string>([file]);
      for (const [src, reads] of base.callerReads!) if (this.staleFor(reads)) affected.add(src);
      const own = new Map<string, Caller[]>();
      const add = (k: string, c: Caller): void => {
        const list = own.get(k);
        if (list) list.push(c);
        else own.set(k, [c]);
      };
      // In the overlay's order: the base's, with the replaced file last.
      for (const s of this.summaries.values()) if (affected.has(s.file)) this.callerEntries(s, add);
      this.overlayCallers = { affected, own, merged: new Map() };
    }
    const { affected, own, merged } = this.overlayCallers;
    let out = merged.get(key);
    if (!out) {
      const kept = base.callersOf(key).filter((c) => !affected.has(c.src));
      const mine = own.get(key) ?? [];
      if (mine.length === 0) out = kept;
      else if (kept.length === 0) out = mine;
      else {
        const order = base.fileOrder();
        const at = (c: Caller): number => (c.src === file ? Number.MAX_SAFE_INTEGER : order.get(c.src)!);
        out = [];
        let i = 0;
        let j = 0;
        while (i < kept.length || j < mine.length) {
          if (j >= mine.length || (i < kept.length && at(kept[i]) < at(mine[j]))) out.push(kept[i++]);
          else out.push(mine[j++]);
        }
      }
      merged.set(key, out);
    }
    return out;
  }

  private overlayCallers: { affected: Set<string>; own: Map<string, Caller[]>; merged: Map<string, Caller[]> } | undefined;
  private order: Map<string, number> | undefined;

  /** Each listed file's place in the list. */
  private fileOrder(): Map<string, number> {
    if (!this.order) {
      this.order = new Map();
      for (const f of this.summaries.keys()) this.order.set(f, this.order.size);
    }
    return this.order;
  }

  /** How a framework runs `ref` when it is a handler: routed by its own module, or by another's route table. */
  private handlerAt(ref: FnRef): HandlerRef | undefined {
    const own = this.summaries.get(ref.file)?.handlers?.[ref.name];
    if (own) return own;
    const facts = this.facts(ref);
    if (!facts) return undefined;
    const dot = ref.name.lastIndexOf('.');
    for (const r of this.routesTo(ref.file)) {
      const method = r.view === 'function' ? (r.name === ref.name ? 'GET' : undefined) : dot > 0 && ref.name.slice(0, dot) === r.name ? VIEW_METHODS[ref.name.slice(dot + 1)] : undefined;
      const framework = method ? frameworkById(r.framework) : undefined;
      if (framework) return { framework: framework.id, runsOn: facts.isAsync ? 'event-loop' : framework.syncRunsOn, route: `${method} ${r.path}` };
    }
    return undefined;
  }

  /**
   * The handlers, in any module, whose requests run `ref`: itself when it is one, else the handlers
   * calling it directly or through helpers (an async helper when they run its coroutine, a generator
   * when they iterate it). The nearest handlers on each path; a bounded walk up the callers.
   */
  handlersReaching(ref: FnRef): ReachingHandler[] {
    const key = `${ref.file}#${ref.name}`;
    const known = this.reachMemo.get(key);
    if (known) return known;
    const out: ReachingHandler[] = [];
    const seen = new Set<string>([key]);
    const queue: FnRef[] = [ref];
    while (queue.length > 0) {
      const r = queue.shift()!;
      const facts = this.facts(r);
      if (!facts) continue;
      const h = this.handlerAt(r);
      if (h) {
        out.push({ ...h, file: r.file, name: r.name, range: facts.range });
        continue;
      }
      for (const c of this.callersOf(`${r.file}#${r.name}`)) {
        if (!runsBody(facts, c.usage, c.iterates)) continue;
        const k = `${c.caller.file}#${c.caller.name}`;
        if (seen.has(k) || seen.size > MAX_REACH) continue;
        seen.add(k);
        queue.push(c.caller);
      }
    }
    this.reachMemo.set(key, out);
    return out;
  }

  /**
   * Calls in other files whose timeout comes from a client built in `file` without one, by the
   * constructor's `line:character` there.
   */
  usesOfClientsIn(file: string): Map<string, RemoteUse[]> | undefined {
    if (this.shared && !this.shared.base.shared) return this.overlayUsesOf(this.shared.base, this.shared.file, file);
    if (!this.vias) {
      this.vias = new Map();
      for (const s of this.summaries.values()) viasOf(s, this.vias);
    }
    return this.vias.get(file);
  }

  /**
   * An overlay's `usesOfClientsIn`: its base's, without the uses its replaced file made there, with the
   * uses it makes now (that file being listed last, its uses come last).
   */
  private overlayUsesOf(base: PyIndex, replaced: string, file: string): Map<string, RemoteUse[]> | undefined {
    if (!this.vias) viasOf(this.summaries.get(replaced)!, (this.vias = new Map()));
    let out = this.overlayVias.get(file);
    if (out === undefined) {
      const before = base.usesOfClientsIn(file);
      const mine = this.vias.get(file);
      let merged: Map<string, RemoteUse[]> | undefined;
      if (before) {
        for (const [at, uses] of before) {
          const kept = uses.filter((u) => u.file !== replaced);
          if (kept.length > 0) (merged ??= new Map()).set(at, kept);
        }
      }
      for (const [at, uses] of mine ?? []) {
        merged ??= new Map();
        merged.set(at, [...(merged.get(at) ?? []), ...uses]);
      }
      this.overlayVias.set(file, (out = merged ?? null));
    }
    return out ?? undefined;
  }

  private readonly overlayVias = new Map<string, Map<string, RemoteUse[]> | null>();

  /**
   * Files whose findings depend on `file` without an import between them: the constructors of clients it
   * calls through (their findings name its calls), and the classes of the app attributes it calls
   * (`current_app.chat.reply(...)`: their calls are judged by its handlers' limits).
   */
  clientFilesUsedBy(file: string): string[] {
    const out = new Set<string>();
    for (const fn of Object.values(this.summaries.get(file)?.functions ?? {})) {
      for (const d of fn.direct) {
        const m = d.via ? /^(.*):\d+:\d+$/.exec(d.via) : null;
        if (m && m[1] !== file) out.add(m[1]);
      }
      for (const e of fn.calls) {
        if (!e.target.startsWith('app:')) continue;
        const t = this.resolveTarget(file, e.target);
        if (t && t.file !== file) out.add(t.file);
      }
    }
    return [...out];
  }

  /**
   * The client the callers of `file`'s function `name` pass for one parameter (by position `#n` or by
   * keyword), encoded with its origin; '' when none does.
   */
  argumentClient(file: string, name: string, position: string, keyword: string): string {
    if (!this.argsByCallee) {
      // Only the edges that pass clients (few), not the whole call graph.
      this.argsByCallee = new Map();
      for (const s of this.summaries.values()) {
        for (const fn of [...Object.values(s.functions), { calls: s.moduleCalls ?? [] }]) {
          for (const edge of fn.calls) {
            if (!edge.args) continue;
            const t = this.resolveTarget(s.file, edge.target);
            if (!t) continue;
            // A class called as a constructor hands its arguments to `__init__` (kept even while that
            // module is not summarized yet: its own summary asks for them).
            for (const callee of [t.name, `${t.name}.__init__`]) {
              const k = `${t.file}#${callee}`;
              const list = this.argsByCallee.get(k) ?? [];
              list.push(...edge.args);
              this.argsByCallee.set(k, list);
            }
          }
        }
      }
    }
    for (const [k, client] of this.argsByCallee.get(`${file}#${name}`) ?? []) if (k === position || k === keyword) return client;
    return '';
  }

  /** True when some summarized function is handed a client as an argument. */
  passesClients(): boolean {
    this.argumentClient('', '', '', '');
    return this.argsByCallee!.size > 0;
  }

  private argsByCallee: Map<string, Array<[string, string]>> | undefined;

  private clientsHash: string | undefined;

  /**
   * Changes whenever any workspace file's module-level clients, client factories, `app.state` clients,
   * SDK aliases, blocking clients or clients handed on as arguments change: the sum, lane by lane, of
   * each summary's part's SHA-1 (order-free, so no sort of the workspace per index; a summary handing no
   * client on has the same part in every index and is digested once). '' when no summary has any.
   */
  clientsFingerprintHash(): string {
    if (this.clientsHash === undefined) {
      const sum = new Uint32Array(5);
      let any = false;
      for (const s of this.summaries.values()) {
        let d = staticDigests.get(s);
        if (d === undefined) {
          const handsOn = (s.moduleCalls?.length ?? 0) > 0 || Object.values(s.functions).some((fn) => fn.calls.some((e) => e.args));
          d = handsOn ? 'per-index' : digestOf(this.clientsPrintOf(s));
          staticDigests.set(s, d);
        }
        if (d === 'per-index') d = digestOf(this.clientsPrintOf(s));
        if (!d) continue;
        any = true;
        for (let i = 0; i < 5; i++) sum[i] = (sum[i] + d[i]) >>> 0;
      }
      this.clientsHash = any ? Array.from(sum, (x) => x.toString(16).padStart(8, '0')).join('') : '';
    }
    return this.clientsHash;
  }

  /** The summarized function a call edge's arguments go to (`file#name`, a class's `__init__`), '' when none. */
  private receiverOf(file: string, target: string): string {
    const t = this.resolveTarget(file, target);
    if (!t) return '';
    const fns = this.summaries.get(t.file)?.functions;
    return fns?.[`${t.name}.__init__`] ? `${t.file}#${t.name}.__init__` : fns?.[t.name] ? `${t.file}#${t.name}` : '';
  }

  /** One summary's part of the clients fingerprint ('' when it has none). */
  private clientsPrintOf(s: PyFileSummary): string {
    const c = Object.entries(s.clients).concat(Object.entries(s.factories), Object.entries(s.state ?? {}), Object.entries(s.aliases ?? {}), Object.entries(s.blocking ?? {}));
    // Clients passed as arguments: the callees' parameters hold them.
    // Where each lands too: a callee module summarized later (its `__init__` listed now) receives them from then on.
    for (const fn of Object.values(s.functions)) for (const e of fn.calls) if (e.args) c.push([`${fn.name}>${e.target}>${this.receiverOf(s.file, e.target)}`, e.args.map(([k, v]) => `${k}=${v}`).join(';')]);
    for (const e of s.moduleCalls ?? []) c.push([`<module>>${e.target}>${this.receiverOf(s.file, e.target)}`, e.args!.map(([k, v]) => `${k}=${v}`).join(';')]);
    return c.length ? `${s.file}:${c.map(([k, v]) => `${k}=${v}`).join(',')}` : '';
  }

  /** True when `file` imports a module of the workspace (so helpers or clients may come from it). */
  importsWorkspaceCode(file: string): boolean {
    const s = this.summaries.get(file);
    if (!s) return false;
    return Object.values(s.imports).some((q) => {
      const r = this.resolve(file, q);
      return r !== undefined && r.file !== file;
    });
  }

  /**
   * Whether a file that names no SDK or framework can still get findings: it makes LLM calls through
   * an imported client, calls a helper that blocks or returns an LLM coroutine, or is reached from the loop.
   */
  mayHaveFindings(file: string): boolean {
    const s = this.summaries.get(file);
    if (!s) return false;
    for (const [name, fn] of Object.entries(s.functions)) {
      if (fn.direct.length > 0) return true;
      for (const edge of fn.calls) {
        for (const t of this.targetsOf(file, edge.target)) if (this.blockingChain(t) || this.coroutineChain(t) || (edge.iterates && this.lazyChain(t))) return true;
      }
      // Blocking work other than LLM calls: in a sync helper reached from the loop, or behind a helper an async def calls.
      if (!fn.isAsync && (fn.io?.length ?? 0) > 0 && this.loopChain({ file, name })) return true;
      if (fn.isAsync) {
        // An `async def` of a plain module doing blocking work itself, when a server's loop may run it.
        if ((fn.io?.length ?? 0) > 0 && this.onServer({ file, name })) return true;
        for (const edge of fn.calls) {
          for (const t of this.targetsOf(file, edge.target)) if (this.ioChain(t)) return true;
        }
        // Through a function it passes to a helper that calls it (`best(q, rows.similar)`).
        if (fn.calls.some((e) => e.fnArgs) && this.ioChain({ file, name })) return true;
      }
    }
    return false;
  }

  /** Routes other modules' route tables (Django `urlpatterns`) declare to views of `file`, with include prefixes. */
  routesTo(file: string): ExternalRoute[] {
    if (this.shared && !this.shared.base.shared && !this.routesMoved()) return this.shared.base.routesTo(file);
    if (!this.routeTable) {
      this.routeTable = new Map();
      const outer = this.reads;
      const reads: string[] = [];
      this.reads = reads;
      try {
        for (const s of this.summaries.values()) {
          if (s.routes?.length || s.includes?.length) reads.push(s.file);
          if (!s.routes) continue;
          const prefix = this.includePrefix(s.file, 0, new Set());
          for (const r of s.routes) {
            const target = this.resolve(s.file, r.target);
            if (!target?.name) continue;
            const list = this.routeTable.get(target.file) ?? [];
            list.push({ name: target.name, view: r.view, path: joinRoute(prefix, r.path), framework: r.framework, file: s.file });
            this.routeTable.set(target.file, list);
          }
        }
      } finally {
        this.reads = outer;
      }
      this.routeReads = new Set(reads);
    }
    return this.routeTable.get(file) ?? [];
  }

  /** The files whose summaries building `routeTable` read (route tables, includes, the modules they resolved through). */
  private routeReads: Set<string> | undefined;

  /** For an overlay: whether the replaced file may change the route tables (it declares or includes routes, or was resolved through). */
  private routesMoved(): boolean {
    const { base, file } = this.shared!;
    const before = base.summary(file);
    const now = this.summaries.get(file);
    if (before?.routes?.length || before?.includes?.length || now?.routes?.length || now?.includes?.length) return true;
    base.routesTo('');
    return base.routeReads!.has(file);
  }

  /** Summaries with `include()`s, in order (worked out once: every route table looks for its includers). */
  private includers: PyFileSummary[] | undefined;

  /** The path prefix under which other route tables `include()` this one (the first found). */
  private includePrefix(file: string, depth: number, seen: Set<string>): string {
    if (depth > 4 || seen.has(file)) return '';
    seen.add(file);
    this.includers ??= [...this.summaries.values()].filter((s) => s.includes && s.includes.length > 0);
    for (const s of this.includers) {
      for (const inc of s.includes!) {
        const r = this.resolve(s.file, inc.module);
        if (r && !r.name && r.file === file) return joinRoute(this.includePrefix(s.file, depth + 1, seen), inc.prefix);
      }
    }
    return '';
  }

  /** True when an import statement's module path names a workspace module. */
  hasModule(fromFile: string, moduleQname: string): boolean {
    return this.resolve(fromFile, moduleQname) !== undefined;
  }

  /**
   * What the analysis of `file` reads from other files, as a string: equal strings mean equal
   * cross-file facts, so a cached analysis can be reused.
   */
  fingerprint(file: string): string {
    const s = this.summaries.get(file);
    if (!s) return '';
    const parts: string[] = [];
    for (const [local, qname] of Object.entries(s.imports)) {
      const r = this.resolve(file, qname);
      if (!r || r.file === file) continue;
      const target = this.summaries.get(r.file);
      parts.push(`${local}=${r.file}:${r.name ?? ''}:${target?.clients[r.name ?? ''] ?? ''}:${target?.factories[r.name ?? ''] ?? ''}:${target?.instances[r.name ?? ''] ?? ''}:${target?.blocking?.[r.name ?? ''] ?? ''}:${r.name ? this.clientSubclassOf(r.file, r.name, 0) ?? '' : ''}`);
      // Clients stored on that object (`bp.llm = AsyncOpenAI(...)`): `bp.llm` reads them.
      if (r.name && target) for (const [k, c] of Object.entries(target.clients)) if (k.startsWith(`${r.name}.`)) parts.push(`${local}.${k}=${c}`);
      // What calls through this name can reach: the function itself, a class's methods (or an
      // instance's class's), or every function of an imported module.
      const cls = r.name ? target?.instances[r.name] : undefined;
      const prefix = cls && !cls.startsWith('import:') ? cls : r.name;
      for (const [name, fn] of Object.entries(target?.functions ?? {})) {
        if (prefix !== undefined && name !== prefix && !name.startsWith(prefix + '.')) continue;
        parts.push(`${name}:b${hops(this.blockingChain({ file: r.file, name }))}c${hops(this.coroutineChain({ file: r.file, name }))}i${hops(this.ioChain({ file: r.file, name }))}z${hops(this.lazyChain({ file: r.file, name }))}a${fn.isAsync}`);
      }
    }
    for (const [name, fn] of Object.entries(s.functions)) {
      // Calls dispatched to overrides or to the classes a factory returns: what those can reach.
      for (const edge of fn.calls) {
        const ts = this.targetsOf(file, edge.target);
        if (ts.length === 1 && ts[0].name === this.resolveTarget(file, edge.target)?.name && !edge.target.startsWith('app:')) continue;
        for (const t of ts) parts.push(`d${t.file}:${t.name}:b${hops(this.blockingChain(t))}c${hops(this.coroutineChain(t))}i${hops(this.ioChain(t))}z${hops(this.lazyChain(t))}`);
      }
      // The handlers (in any module) whose requests run its LLM calls: the server limits in front of them apply.
      if (fn.direct.length > 0) {
        const reach = this.handlersReaching({ file, name });
        if (reach.length > 0) parts.push(`h${name}:${reach.map((h) => `${h.file}:${h.name}:${h.framework}:${h.runsOn}:${h.route}:${h.range.start.line}`).join(',')}`);
      }
      if (fn.isAsync) {
        if (this.runByAsyncCaller({ file, name })) parts.push(`w${name}`);
        if (!this.onServer({ file, name })) parts.push(`o${name}`);
        continue;
      }
      const chain = this.loopChain({ file, name });
      if (chain) parts.push(`l${name}:${hops(chain)}`);
      if (fn.direct.some((d) => d.lazy === 'returned')) parts.push(`y${name}:${hops(this.lazyLoopChain({ file, name }))}`);
    }
    for (const r of this.routesTo(file)) parts.push(`r${r.name}:${r.view}:${r.path}`);
    if (this.passesClients()) {
      for (const name of Object.keys(s.functions)) {
        const passed = this.argsByCallee!.get(`${file}#${name}`);
        if (passed) parts.push(`a${name}:${passed.map(([k, v]) => `${k}=${v}`).join(';')}`);
      }
    }
    for (const [at, uses] of this.usesOfClientsIn(file) ?? []) parts.push(`v${at}:${uses.map((u) => `${u.file}:${u.range.start.line}:${u.range.start.character}:${u.text}:${u.streaming}`).join(',')}`);
    return parts.join('|');
  }
}

/** Adds the LLM calls of `s` taking their timeout from a client built in another file to `vias` (by that file, then constructor position). */
function viasOf(s: PyFileSummary, vias: Map<string, Map<string, RemoteUse[]>>): void {
  for (const fn of Object.values(s.functions)) {
    for (const d of fn.direct) {
      if (!d.via) continue;
      const m = /^(.*):(\d+):(\d+)$/.exec(d.via);
      if (!m) continue;
      let byCtor = vias.get(m[1]);
      if (!byCtor) vias.set(m[1], (byCtor = new Map()));
      const at = `${m[2]}:${m[3]}`;
      const list = byCtor.get(at) ?? [];
      list.push({ file: s.file, range: d.range, text: d.text, streaming: !!d.stream });
      byCtor.set(at, list);
    }
  }
}

/** A remembered resolution, and the module files found on the way to it (none when no module was found). */
interface Resolution {
  result: { file: string; name?: string } | null;
  found?: string[];
}

/** Django-style route joining: prefixes end with `/`, paths are relative; the result starts with `/`. */
function joinRoute(prefix: string, route: string): string {
  const joined = `${prefix}${route}`.replace(/^\^/, '').replace(/\$$/, '').replace(/\/\^/g, '/');
  return joined.startsWith('/') ? joined : `/${joined}`;
}

function hops(chain: Hop[] | undefined): string {
  return chain ? chain.map((h) => `${h.file}:${h.name}:${h.range.start.line}`).join('>') : '-';
}

/** Usage kinds under which an awaited-style coroutine actually runs. */
/**
 * Whether a call (its usage, and whether its result is iterated there) runs the body of the function
 * with these facts: an async function's when its coroutine runs, a sync generator's when iterated, an
 * async generator's when driven with `async for`.
 */
export function runsBody(facts: { isAsync: boolean; isGenerator: boolean }, usage: string, iterated: boolean | undefined): boolean {
  if (facts.isGenerator) return facts.isAsync ? usage === 'async-iterated' : !!iterated;
  return !facts.isAsync || runsCoroutine(usage);
}

export function runsCoroutine(usage: string): boolean {
  return usage === 'awaited' || usage === 'argument' || usage === 'returned' || usage === 'assigned' || usage === 'stored' || usage === 'yielded' || usage === 'other';
}

const suffixMemo = new Map<string, string[]>();

/** The dotted module paths a file can be imported as (`c`, `b.c`, `a.b.c` for a/b/c.py), remembered per path. */
function suffixKeys(file: string): string[] {
  let keys = suffixMemo.get(file);
  if (!keys) {
    const segs = moduleSegments(file);
    keys = [];
    for (let k = 1; k <= Math.min(MAX_SUFFIX, segs.length); k++) keys.push(segs.slice(segs.length - k).join('.'));
    if (suffixMemo.size > 200_000) suffixMemo.clear();
    suffixMemo.set(file, keys);
  }
  return keys;
}

function moduleSegments(file: string): string[] {
  const noExt = file.replace(/\.py$/, '');
  const segs = noExt.split(/[\\/]+/).filter(Boolean);
  if (segs[segs.length - 1] === '__init__') segs.pop();
  return segs;
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** What a file's summary adds to `untypedAwaits`: the methods it awaits untyped, and its async methods. */
function untypedKey(s: PyFileSummary | undefined): string {
  if (!s) return '';
  const parts: string[] = [];
  for (const fn of Object.values(s.functions)) {
    if (fn.awaitsUntyped) parts.push(`a${fn.awaitsUntyped.join(',')}`);
    if (fn.isAsync && fn.name.includes('.')) parts.push(`m${fn.name.slice(fn.name.lastIndexOf('.') + 1)}`);
  }
  return parts.join('|');
}

/**
 * Summaries by file, in the order listed. An overlay's shares its base's and replaces one file's
 * summary, that file listed last (as a copy adding the others, then it, would list them).
 */
class SummaryMap {
  private readonly own = new Map<string, PyFileSummary>();

  constructor(
    private readonly base?: SummaryMap,
    private readonly replaced?: PyFileSummary,
  ) {}

  get size(): number {
    return this.base ? this.base.size : this.own.size;
  }

  get(file: string): PyFileSummary | undefined {
    if (!this.base) return this.own.get(file);
    return file === this.replaced!.file ? this.replaced : this.base.get(file);
  }

  has(file: string): boolean {
    return this.base ? this.base.has(file) : this.own.has(file);
  }

  set(file: string, s: PyFileSummary): void {
    if (this.base) throw new Error('an overlay\'s summaries are fixed');
    this.own.set(file, s);
  }

  values(): IterableIterator<PyFileSummary> {
    return this.base ? this.layered() : this.own.values();
  }

  keys(): IterableIterator<string> {
    return this.base ? this.layeredKeys() : this.own.keys();
  }

  private *layered(): IterableIterator<PyFileSummary> {
    const file = this.replaced!.file;
    for (const s of this.base!.values()) if (s.file !== file) yield s;
    yield this.replaced!;
  }

  private *layeredKeys(): IterableIterator<string> {
    for (const s of this.layered()) yield s.file;
  }
}
