// The workspace's JavaScript/TypeScript index: resolves import specifiers to files (relative, index and
// extension probing, tsconfig paths) and names to the exported functions and clients summarized there,
// through re-exports (`export * from`, barrels); answers each file's cross-file questions.

import * as path from 'path';
import { resolveJsImport, type TsPaths } from '../model/js/resolve';
import type { JsEntry, JsExportFacts, JsExportedClient, JsFileSummary } from '../model/js/summary';
import type { JsCrossFile, JsExternalFn } from '../model/js/crossfile';
import type { LambdaEntryPoint } from '../limits/server-limits';
import { RUNTIMES } from '../catalog/js-frameworks';
import { shapeMember, type JsObjectShape } from '../model/js/shapes';

type Target = { fn?: JsExternalFn; client?: JsExportedClient; object?: JsObjectShape };

const MAX_DEPTH = 8;

export class JsIndex {
  private readonly summaries = new Map<string, JsFileSummary>();
  private readonly moduleMemo = new Map<string, string | null>();
  private readonly lookupMemo = new Map<string, Target | null>();
  private readonly importsMemo = new Map<string, string[]>();
  private entryMap: Map<string, Map<string, JsEntry>> | undefined;

  /**
   * `exists` tells which files the workspace holds (resolution probes against it); `tsPaths` gives the
   * tsconfig/jsconfig `baseUrl` and `paths` that apply to a file.
   */
  constructor(
    summaries: Iterable<JsFileSummary>,
    private readonly exists: (file: string) => boolean,
    private readonly tsPaths: (file: string) => TsPaths | undefined,
    /** Lambda handlers that Serverless or SAM configs name (`handler: src/chat.reply`). */
    private readonly lambdas: LambdaEntryPoint[] = [],
  ) {
    for (const s of summaries) this.summaries.set(s.file, s);
  }

  summary(file: string): JsFileSummary | undefined {
    return this.summaries.get(file);
  }

  /** The workspace file `specifier` names when imported from `fromFile`. */
  resolveModule(fromFile: string, specifier: string): string | undefined {
    if (specifier.includes(':')) return undefined;
    const relative = specifier.startsWith('.');
    const key = `${relative ? path.dirname(fromFile) : ''}\u0000${specifier}\u0000${relative ? '' : this.configKey(fromFile)}`;
    const known = this.moduleMemo.get(key);
    if (known !== undefined) return known ?? undefined;
    const r = resolveJsImport(fromFile, specifier, this.exists, relative ? undefined : this.tsPaths(fromFile));
    this.moduleMemo.set(key, r ?? null);
    return r;
  }

  private configKey(file: string): string {
    const p = this.tsPaths(file);
    return p ? p.baseUrl : '';
  }

  /** Workspace files `file` imports, requires or re-exports from. */
  importsOf(file: string): string[] {
    const known = this.importsMemo.get(file);
    if (known) return known;
    const s = this.summaries.get(file);
    const out = new Set<string>();
    for (const m of s?.modules ?? []) {
      const r = this.resolveModule(file, m);
      if (r && r !== file) out.add(r);
    }
    const list = [...out];
    this.importsMemo.set(file, list);
    return list;
  }

  /** What an imported qualified name (as the file's model spells it) refers to. */
  lookup(fromFile: string, qname: string): Target | undefined {
    if (qname.includes(':')) return undefined;
    const key = `${fromFile}\u0000${qname}`;
    const known = this.lookupMemo.get(key);
    if (known !== undefined) return known ?? undefined;
    let result: Target | undefined;
    // The specifier may itself contain dots (`./llm.js`, `../x.service`): longest resolvable prefix wins.
    const firstDot = qname.lastIndexOf('/') + 1;
    const cuts: number[] = [qname.length];
    for (let i = qname.length - 1; i >= firstDot; i--) if (qname[i] === '.') cuts.push(i);
    for (const cut of cuts) {
      const spec = qname.slice(0, cut);
      if (!spec) continue;
      const file = this.resolveModule(fromFile, spec);
      if (!file) continue;
      const member = cut < qname.length ? qname.slice(cut + 1).split('.') : ['default'];
      result = this.exported(file, member, 0);
      break;
    }
    this.lookupMemo.set(key, result ?? null);
    return result;
  }

  /** The export `member[0]` of `file` (through re-exports); a namespace re-export takes the next name. */
  private exported(file: string, member: string[], depth: number): Target | undefined {
    const s = this.summaries.get(file);
    if (!s || depth > MAX_DEPTH || member.length === 0) return undefined;
    const [name, ...rest] = member;
    // Methods of an exported instance are summarized as `instance.method`.
    if (rest.length === 1 && s.exports[`${name}.${rest[0]}`]) return { fn: { file, name: `${name}.${rest[0]}`, facts: s.exports[`${name}.${rest[0]}`] } };
    if (rest.length === 0) {
      const facts = s.exports[name];
      if (facts) return { fn: { file, name, facts } };
      // A member of the default-exported object: `import ai from './ai'; ai.ask()`.
      const member = s.exports[`default.${name}`];
      if (member) return { fn: { file, name: `default.${name}`, facts: member } };
      const client = s.clients[name];
      if (client) return { client };
    } else if (s.clients[name]) return undefined; // a method of a client: the SDK's business
    // A constant object of settings, or a nested object of it (`config.llm.openai`).
    let object = s.objects?.[name];
    for (const key of rest) object = object && shapeMember(object, key);
    if (object) return { object };
    for (const r of s.reexports) {
      const target = this.resolveModule(file, r.source);
      if (!target) continue;
      if (r.exported === name && r.imported !== '*') {
        const hit = this.exported(target, [r.imported, ...rest], depth + 1);
        if (hit) return hit;
      } else if (r.exported === name && r.imported === '*') {
        const hit = this.exported(target, rest, depth + 1);
        if (hit) return hit;
      } else if (r.exported === '*' && name !== 'default') {
        const hit = this.exported(target, member, depth + 1);
        if (hit) return hit;
      }
    }
    return undefined;
  }

  /**
   * Per file, per exported name: the route of another file that runs it, preferring a route whose
   * handler it is, then the shortest chain of calls (deterministic, so summary rounds settle).
   */
  entriesTo(file: string): Map<string, JsEntry> {
    if (!this.entryMap) {
      const entryMap = new Map<string, Map<string, JsEntry>>();
      this.entryMap = entryMap;
      const rank = (e: JsEntry) => `${String(e.hops.length).padStart(4, '0')}${e.sharedLoop ? 0 : 1}${e.hops.map((h) => `${h.file}:${h.range.start.line}`).join('>')}${e.method} ${e.path}`;
      const offer = (e: JsEntry): void => {
        let byName = entryMap.get(e.file);
        if (!byName) entryMap.set(e.file, (byName = new Map()));
        const known = byName.get(e.name);
        if (!known || rank(e) < rank(known)) byName.set(e.name, e);
      };
      for (const s of this.summaries.values()) {
        for (const e of s.entries) {
          if (e.file === s.file && e.hops.length > 0) continue;
          if (e.hops.some((h) => h.file === e.file && h.name === e.name)) continue; // a cycle back into the target
          offer(e);
        }
      }
      for (const l of this.lambdas) {
        const target = this.resolveModule(l.config, `./${l.module}`);
        if (target) offer({ file: target, name: l.exportName, frameworkId: RUNTIMES.lambda.id, framework: RUNTIMES.lambda.displayName, method: '*', path: l.functionName, sharedLoop: false, awaitsResult: true, hops: [] });
      }
    }
    return this.entryMap.get(file) ?? new Map();
  }

  /** True when the file's imports lead to a function returning an LLM promise or blocking, or to a client. */
  importsLlmFacts(file: string): boolean {
    if (this.entriesTo(file).size > 0) return true;
    for (const f of this.importsOf(file)) {
      const s = this.summaries.get(f);
      if (!s) continue;
      if (Object.keys(s.clients).length > 0 || s.reexports.length > 0) return true;
      if (Object.values(s.exports).some(interesting)) return true;
    }
    return false;
  }

  private injectedTokens: Set<string> | undefined;

  /** True when some summarized file asks a dependency injector for `token` (an SDK client class). */
  injected(token: string): boolean {
    if (!this.injectedTokens) {
      this.injectedTokens = new Set();
      for (const s of this.summaries.values()) for (const t of s.injects ?? []) this.injectedTokens.add(t);
    }
    return this.injectedTokens.has(token);
  }

  /** The cross-file view the analysis of `file` reads. */
  view(file: string): JsCrossFile {
    return { lookup: (qname) => this.lookup(file, qname), importsLlmFacts: this.importsLlmFacts(file), entries: this.entriesTo(file), injected: (t) => this.injected(t) };
  }

  /**
   * What the analysis of `file` reads from other files, as a string: equal strings mean equal
   * cross-file facts, so a cached analysis or summary can be reused.
   */
  fingerprint(file: string): string {
    const parts: string[] = [];
    const seen = new Set<string>([file]);
    const visit = (f: string, depth: number): void => {
      for (const dep of this.importsOf(f)) {
        if (seen.has(dep)) continue;
        seen.add(dep);
        const s = this.summaries.get(dep);
        if (!s) {
          parts.push(`${dep}:-`);
          continue;
        }
        parts.push(`${dep}:${JSON.stringify(s.exports)}${JSON.stringify(s.clients)}${s.objects ? JSON.stringify(s.objects) : ''}`);
        // Barrels hand on their sources' exports.
        if (s.reexports.length > 0 && depth < MAX_DEPTH) visit(dep, depth + 1);
      }
    };
    visit(file, 0);
    // A provider's findings depend on whether any file injects it.
    const provides = this.summaries.get(file)?.provides;
    if (provides) parts.push(`provides:${provides.map((t) => `${t}=${this.injected(t) ? 1 : 0}`).join(',')}`);
    const entries = [...this.entriesTo(file)].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    if (entries.length) parts.push(`entries:${JSON.stringify(entries)}`);
    return parts.join('|');
  }
}

function interesting(f: JsExportFacts): boolean {
  return f.llmChain !== undefined || f.blockingChain !== undefined;
}
