// Loopsafe's runtime sampler for Node apps that Loopsafe starts for a load test (loaded with --require through
// NODE_OPTIONS): where the event loop was blocked. Code locations and times only, into LOOPSAFE_SAMPLER_DIR.
//
// The inspector's CPU profiler samples the main thread at ~1 ms; a long run of samples whose innermost frame of
// the user's own code (not node_modules, not Node's internals) stays the same is a block. The profiler names a
// caller only by its function, so the synchronous APIs that block most (fs.*Sync, child_process.*Sync, zlib,
// crypto) are wrapped: a call that took long records the line it was called from. perf_hooks'
// monitorEventLoopDelay gives the totals. Every second the profile is read, and JSON lines are appended.
'use strict';

(function loopsafeSampler() {
  const dir = process.env.LOOPSAFE_SAMPLER_DIR;
  const KEY = Symbol.for('loopsafe.sampler');
  if (!dir || globalThis[KEY]) return;
  globalThis[KEY] = true;

  const fs = require('fs');
  const path = require('path');
  const { fileURLToPath } = require('url');
  const { performance, monitorEventLoopDelay } = require('perf_hooks');
  let inspector;
  try {
    inspector = require('inspector');
  } catch {
    inspector = undefined;
  }

  const SELF = __filename;
  const MIN_BLOCK_MS = Number(process.env.LOOPSAFE_SAMPLER_MIN_BLOCK_MS) || 5;
  const INTERVAL_US = Number(process.env.LOOPSAFE_SAMPLER_INTERVAL_US) || 1000;
  const file = path.join(dir, `node-${process.pid}.jsonl`);
  const appendFileSync = fs.appendFileSync;
  const note = (text) => {
    try {
      process.stderr.write(`loopsafe-sampler: ${text}\n`);
    } catch {
      // nothing to do
    }
  };

  let lines = [JSON.stringify({ v: 1, lang: 'node', pid: process.pid, start: Date.now(), intervalMs: INTERVAL_US / 1000 })];
  let failed = false;
  const flush = (loops, delay) => {
    if (failed) return;
    lines.push(JSON.stringify({ hb: Date.now(), loops, delayMaxMs: delay ? Math.round(delay.max / 1e4) / 100 : undefined }));
    const out = lines.join('\n') + '\n';
    lines = [];
    try {
      appendFileSync(file, out);
    } catch (err) {
      failed = true;
      note(`cannot write ${dir} (${err && err.code ? err.code : err}): no attribution from process ${process.pid}`);
    }
  };
  flush(0);
  if (failed) return;
  if (!inspector || typeof inspector.Session !== 'function') {
    lines.push(JSON.stringify({ error: 'this Node has no inspector module: the sampler needs its CPU profiler' }));
    flush(0);
    return;
  }

  // --- what is user code ---------------------------------------------------------------------------
  const userPaths = new Map();
  const userPath = (url) => {
    let known = userPaths.get(url);
    if (known !== undefined) return known;
    known = null;
    if (url && !url.startsWith('node:') && !url.includes('/node_modules/') && !url.includes('\\node_modules\\')) {
      let p = url;
      if (url.startsWith('file:')) {
        try {
          p = fileURLToPath(url);
        } catch {
          p = '';
        }
      }
      if (path.isAbsolute(p) && p !== SELF) known = p;
    }
    userPaths.set(url, known);
    return known;
  };

  // --- exact lines for the synchronous APIs that block most ---------------------------------------
  // A call that took long records where it was called from (the stack is read only then).
  const sites = [];
  const hrNowUs = () => Number(process.hrtime.bigint() / 1000n);
  const STACK_LINE = /\(?((?:file:\/\/)?\/[^():]+|[A-Za-z]:\\[^():]+):(\d+):(\d+)\)?$/;
  let depth = 0;
  const wrap = (owner, name, label) => {
    const original = owner && owner[name];
    if (typeof original !== 'function' || original[KEY]) return;
    const wrapped = function (...args) {
      // Only the outermost wrapped call records (readFileSync calls readSync: the user called readFileSync).
      if (depth > 0) return original.apply(this, args);
      const t0 = performance.now();
      depth++;
      try {
        return original.apply(this, args);
      } finally {
        depth--;
        const ms = performance.now() - t0;
        if (ms >= MIN_BLOCK_MS) {
          const holder = {};
          const limit = Error.stackTraceLimit;
          Error.stackTraceLimit = 30;
          Error.captureStackTrace(holder, wrapped);
          Error.stackTraceLimit = limit;
          for (const raw of String(holder.stack).split('\n').slice(1)) {
            const m = STACK_LINE.exec(raw.trim());
            const p = m ? userPath(m[1]) : null;
            if (!p) continue;
            const endUs = hrNowUs();
            sites.push({ file: p, line: Number(m[2]), call: label, startUs: endUs - ms * 1000, endUs });
            if (sites.length > 5000) sites.splice(0, 1000);
            break;
          }
        }
      }
    };
    Object.defineProperty(wrapped, 'name', { value: original.name });
    Object.defineProperty(wrapped, 'length', { value: original.length });
    wrapped[KEY] = true;
    owner[name] = wrapped;
  };
  for (const name of Object.keys(fs)) if (name.endsWith('Sync')) wrap(fs, name, `fs.${name}`);
  const childProcess = require('child_process');
  for (const name of ['execSync', 'execFileSync', 'spawnSync']) wrap(childProcess, name, `child_process.${name}`);
  const zlib = require('zlib');
  for (const name of Object.keys(zlib)) if (name.endsWith('Sync')) wrap(zlib, name, `zlib.${name}`);
  const crypto = require('crypto');
  for (const name of ['pbkdf2Sync', 'scryptSync', 'generateKeyPairSync', 'randomFillSync']) wrap(crypto, name, `crypto.${name}`);
  try {
    require('module').syncBuiltinESMExports(); // `import { execSync } from 'child_process'` sees the wrapper too
  } catch {
    // older Node: CommonJS callers only
  }

  // --- the profiler -------------------------------------------------------------------------------
  const session = new inspector.Session();
  try {
    session.connect();
  } catch (err) {
    lines.push(JSON.stringify({ error: `the inspector is not available (${err && err.message ? err.message : err})` }));
    flush(0);
    return;
  }
  const post = (method, params, cb) => {
    try {
      session.post(method, params || {}, cb || (() => undefined));
    } catch (err) {
      if (cb) cb(err);
    }
  };
  post('Profiler.enable');
  post('Profiler.setSamplingInterval', { interval: INTERVAL_US });
  post('Profiler.start');
  let delay;
  try {
    delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
  } catch {
    delay = undefined;
  }

  const locIds = new Map();
  let userSeen = false;
  const locationId = (loc) => {
    const key = `${loc.file}\0${loc.line}\0${loc.function}\0${loc.call}`;
    let id = locIds.get(key);
    if (id === undefined) {
      id = locIds.size;
      locIds.set(key, id);
      lines.push(JSON.stringify({ loc: id, ...loc }));
    }
    return id;
  };

  const analyze = (profile) => {
    const byId = new Map();
    for (const n of profile.nodes) byId.set(n.id, n);
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
    // Innermost user frame of a sampled stack, and the frame it called; null outside user code.
    const memo = new Map();
    const userOf = (id) => {
      if (memo.has(id)) return memo.get(id);
      let below = null;
      let result = null;
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const node = byId.get(at);
        if (!node) break;
        if (userPath(node.callFrame.url)) {
          result = { node, callee: below };
          break;
        }
        below = node;
      }
      memo.set(id, result);
      return result;
    };
    const gc = (id) => {
      const n = byId.get(id);
      return n && n.callFrame.functionName === '(garbage collector)';
    };
    const nowUs = hrNowUs();
    const epochOf = (us) => Date.now() - (nowUs - us) / 1000;
    const emit = (run) => {
      const ms = (run.lastUs - run.firstUs) / 1000 + INTERVAL_US / 1000;
      if (ms < MIN_BLOCK_MS) return;
      const frame = run.user.node.callFrame;
      const fileOf = userPath(frame.url);
      let line = frame.lineNumber + 1;
      let call = run.user.callee ? run.user.callee.callFrame.functionName || null : null;
      // A wrapped synchronous call inside the run names its exact line.
      const site = sites.find((s) => s.file === fileOf && s.endUs >= run.firstUs && s.startUs <= run.lastUs + INTERVAL_US);
      if (site) {
        line = site.line;
        call = site.call;
      } else if (!run.user.callee && run.user.node.positionTicks && run.user.node.positionTicks.length) {
        // The user's own code was the leaf: its most sampled line.
        line = run.user.node.positionTicks.reduce((a, b) => (b.ticks > a.ticks ? b : a)).line;
      }
      const id = locationId({ file: fileOf, line, function: frame.functionName || '(anonymous)', call });
      lines.push(`[${id},${Math.round(epochOf(run.firstUs))},${ms.toFixed(1)}]`);
    };
    let t = profile.startTime;
    let run = null;
    for (let i = 0; i < profile.samples.length; i++) {
      t += profile.timeDeltas[i] || 0;
      const id = profile.samples[i];
      if (gc(id)) continue;
      const user = userOf(id);
      if (user) userSeen = true;
      if (run && user && user.node === run.user.node) {
        run.lastUs = t;
        continue;
      }
      if (run) emit(run);
      run = user ? { user, firstUs: t, lastUs: t } : null;
    }
    if (run) emit(run);
    const horizon = nowUs - 5_000_000;
    while (sites.length && sites[0].endUs < horizon) sites.shift();
  };

  const cycle = () => {
    post('Profiler.stop', {}, (err, result) => {
      post('Profiler.start');
      if (!err && result && result.profile) {
        try {
          analyze(result.profile);
        } catch (e) {
          note(`profile not read: ${e && e.message ? e.message : e}`);
        }
      }
      flush(userSeen ? 1 : 0, delay);
      if (delay) delay.reset();
    });
  };
  const timer = setInterval(cycle, 1000);
  timer.unref();
  process.once('exit', () => {
    clearInterval(timer);
    cycle();
  });
  // Signals that would end the process without 'exit': flush first, then let the app's own handling (or the
  // default) proceed.
  for (const signal of ['SIGTERM', 'SIGINT']) {
    const onSignal = () => {
      cycle();
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.once(signal, onSignal);
  }
})();
