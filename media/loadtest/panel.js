// Loopsafe load-test panel (webview script, also inlined into saved HTML reports): renders the run's
// progress, live charts, the stall-probe verdict, the final report and its buttons. Plain DOM + SVG.
(function () {
  'use strict';
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  const standalone = !vscode;
  let state = (standalone ? window.LOOPSAFE_STATE : vscode.getState()) || { progress: [], running: false };
  const app = document.getElementById('app');
  const SVG = 'http://www.w3.org/2000/svg';

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined) node.setAttribute(k, String(v));
    for (const c of children.flat()) if (c) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }

  function ms(v) {
    if (v === null || v === undefined) return '—';
    if (v >= 1000) return (v / 1000).toFixed(v >= 10000 ? 0 : 1) + ' s';
    if (v >= 10) return Math.round(v) + ' ms';
    return (Math.round(v * 10) / 10) + ' ms';
  }

  function send(message) {
    if (vscode) vscode.postMessage(message);
  }

  /** A line chart of one or more series of [x, y] points; x in ms since start. */
  function lineChart(title, series, opts) {
    const W = 560, H = 150, L = 46, R = 8, T = 10, B = 22;
    const all = series.flatMap((s) => s.points);
    const box = el('figure', { class: 'chart' }, el('figcaption', {}, title));
    if (all.length === 0) {
      box.append(el('div', { class: 'empty' }, opts && opts.empty ? opts.empty : 'waiting for data…'));
      return box;
    }
    const maxX = Math.max(1, ...all.map((p) => p[0]));
    const maxY = Math.max(opts && opts.minY ? opts.minY : 1, ...all.map((p) => p[1])) * 1.1;
    const x = (v) => L + (v / maxX) * (W - L - R);
    const y = (v) => T + (1 - v / maxY) * (H - T - B);
    const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title });
    for (const f of [0, 0.5, 1]) {
      const v = maxY * f;
      root.append(svg('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid' }));
      root.append(svg('text', { x: L - 6, y: y(v) + 4, class: 'tick', 'text-anchor': 'end' }, opts && opts.unit === 'rps' ? String(Math.round(v)) : ms(v)));
    }
    root.append(svg('text', { x: W - R, y: H - 6, class: 'tick', 'text-anchor': 'end' }, ms(maxX)));
    root.append(svg('text', { x: L, y: H - 6, class: 'tick' }, '0'));
    for (const s of series) {
      if (s.points.length === 0) continue;
      const d = s.points.map((p, i) => `${i ? 'L' : 'M'}${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join(' ');
      root.append(svg('path', { d, class: `series ${s.cls}` }));
      if (s.points.length < 40) for (const p of s.points) root.append(svg('circle', { cx: x(p[0]), cy: y(p[1]), r: 2.2, class: `dot ${s.cls}` }));
    }
    if (opts && opts.refLine !== undefined) {
      root.append(svg('line', { x1: L, x2: W - R, y1: y(opts.refLine), y2: y(opts.refLine), class: 'ref' }));
      root.append(svg('text', { x: W - R - 4, y: y(opts.refLine) - 4, class: 'tick ref-label', 'text-anchor': 'end' }, opts.refLabel || ''));
    }
    box.append(root);
    if (series.length > 1) box.append(el('div', { class: 'legend' }, series.map((s) => el('span', { class: `key ${s.cls}` }, s.name))));
    return box;
  }

  function histogram(buckets) {
    const box = el('figure', { class: 'chart' }, el('figcaption', {}, 'Latency distribution (completed requests)'));
    if (!buckets || buckets.length === 0) {
      box.append(el('div', { class: 'empty' }, 'no completed requests'));
      return box;
    }
    const W = 560, H = 150, L = 8, B = 24, T = 8;
    const max = Math.max(...buckets.map((b) => b[1]));
    const bw = (W - L * 2) / buckets.length;
    const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'latency histogram' });
    buckets.forEach(([bound, count], i) => {
      const h = Math.max(1, (count / max) * (H - T - B));
      const bx = L + i * bw + 2;
      root.append(svg('rect', { x: bx, y: H - B - h, width: Math.max(2, bw - 4), height: h, class: 'bar' }, svg('title', {}, `≤ ${ms(bound)}: ${count}`)));
      root.append(svg('text', { x: bx + (bw - 4) / 2, y: H - 8, class: 'tick', 'text-anchor': 'middle' }, bound === null || !isFinite(bound) ? '>' : '≤' + ms(bound)));
    });
    box.append(root);
    return box;
  }

  function verdict(report, scenario) {
    const probe = report && report.probe;
    if (!probe) return el('section', { class: 'verdict neutral' }, el('h2', {}, 'No stall probe'), el('p', {}, 'Set loopsafe.loadTest.probePath to time a cheap endpoint during the load.'));
    if (probe.error) return el('section', { class: 'verdict neutral' }, el('h2', {}, 'Probe unavailable'), el('p', {}, probe.verdict || probe.error));
    const text = (probe.verdict || '') + (probe.stalled ? topRow(report, scenario && scenario.root) : '');
    if (probe.stalled) {
      return el(
        'section',
        { class: 'verdict stalled', 'data-testid': 'verdict' },
        el('h2', {}, '✖ ' + text.charAt(0).toUpperCase() + text.slice(1)),
        el('p', {}, 'A cheap endpoint slowed down with the load: something in a handler blocks the event loop, so every request on this worker waits for it.'),
      );
    }
    return el('section', { class: 'verdict ok', 'data-testid': 'verdict' }, el('h2', {}, '✔ ' + text.charAt(0).toUpperCase() + text.slice(1)), el('p', {}, 'The server kept answering other requests while this endpoint was under load.'));
  }

  function relPath(file, root) {
    if (root && file.startsWith(root.replace(/[\\/]+$/, '') + '/')) return file.slice(root.replace(/[\\/]+$/, '').length + 1);
    return file;
  }

  function pctOf(share) {
    const p = share * 100;
    return (p >= 10 ? Math.round(p) : Math.round(p * 10) / 10) + '%';
  }

  /** "96% of the blocked time in `requests.post` at app/llm.py:23", for the verdict line. */
  function topRow(report, root) {
    const rows = report.blockedAt || [];
    if (!rows.length) return '';
    const total = rows.reduce((a, r) => a + r.ms, 0);
    const top = rows[0];
    return ` — ${total > 0 ? Math.round((100 * top.ms) / total) : 100}% of the blocked time in \`${top.call || top.function}\` at ${relPath(top.file, root)}:${top.line}`;
  }

  /** "Where the loop was blocked": one row per code location, sorted by blocked time, with links. */
  function blockedAt(report, scenario) {
    const a = report.attribution;
    if (!a) return null;
    const root = scenario && scenario.root;
    if (!a.available) return el('section', { class: 'blocked missing', 'data-testid': 'blocked-at' }, el('h3', {}, 'Where the loop was blocked'), el('p', {}, a.note || 'no attribution'));
    const rows = (report.blockedAt || []).slice().sort((x, y) => y.ms - x.ms);
    const head = el('h3', {}, 'Where the loop was blocked', el('span', { class: 'sub' }, ` ${ms(a.blockedMs)} of ${ms(a.measuredMs)} measured${a.loops > 1 ? ' across ' + a.loops + ' event loops' : ''} (${pctOf(a.blockedShare)})`));
    if (!rows.length) return el('section', { class: 'blocked', 'data-testid': 'blocked-at' }, head, el('p', {}, 'The event loop was never blocked for 20 ms or more.'), a.note ? el('p', { class: 'note' }, a.note) : '');
    const table = el(
      'table',
      { class: 'blocked-rows' },
      el('tr', {}, ['Location', 'Function', 'Total', 'Share', 'Longest', 'Blocks'].map((h) => el('th', {}, h))),
      rows.map((r) =>
        el(
          'tr',
          { 'data-testid': 'blocked-row' },
          el(
            'td',
            {},
            el('a', { href: '#', class: 'location', title: r.file, onclick: (e) => { e.preventDefault(); send({ type: 'openFinding', file: r.file, line: r.line - 1 }); } }, `${relPath(r.file, root)}:${r.line}`),
            el('div', { class: 'tag' }, r.predicted ? el('span', { class: 'predicted' }, 'predicted by ', el('code', {}, r.predicted)) : el('span', { class: 'unpredicted' }, 'not predicted')),
          ),
          el('td', {}, el('code', {}, r.function), r.call ? el('span', { class: 'call' }, ' → ', el('code', {}, r.call)) : ''),
          el('td', { class: 'num' }, ms(r.ms)),
          el('td', { class: 'num' }, pctOf(r.share)),
          el('td', { class: 'num' }, ms(r.maxMs)),
          el('td', { class: 'num' }, '×' + r.count),
        ),
      ),
    );
    return el('section', { class: 'blocked', 'data-testid': 'blocked-at' }, head, table, a.note ? el('p', { class: 'note' }, a.note) : '');
  }

  function findingsList(scenario) {
    const t = scenario && scenario.target;
    if (!t || !t.findings || t.findings.length === 0) return null;
    return el(
      'section',
      { class: 'findings' },
      el('h3', {}, `Loopsafe predicted this (${t.handler})`),
      el(
        'ul',
        {},
        t.findings.map((f) =>
          el(
            'li',
            {},
            el('a', { href: '#', class: 'finding', onclick: (e) => { e.preventDefault(); send({ type: 'openFinding', file: t.file, line: f.line }); } }, `line ${f.line + 1}`),
            el('code', {}, f.rule),
            ' ',
            f.message,
          ),
        ),
      ),
    );
  }

  function thresholdActual(t) {
    if (t.actual === null || t.actual === undefined) return /^\s*blocked/i.test(t.expr) ? 'n/a (no runtime attribution)' : 'n/a';
    if (/^\s*stall/i.test(t.expr)) return t.actual ? 'stalled' : 'no stall';
    if (/^\s*blocked/i.test(t.expr)) return t.actual + '%';
    return t.actual;
  }

  function kpis(report) {
    const errors = Object.values(report.errors || {}).reduce((a, b) => a + b, 0);
    const cells = [
      ['Throughput', `${report.throughputRps} req/s`],
      ['p50', ms(report.latencyMs.p50)],
      ['p95', ms(report.latencyMs.p95)],
      ['p99', ms(report.latencyMs.p99)],
      ['Completed', String(report.completed)],
      ['Errors', String(errors)],
      ['In flight at end', report.inFlightAtEnd ? `${report.inFlightAtEnd} (oldest ${ms(report.oldestInFlightMs)})` : '0'],
    ];
    if (report.ttftMs) cells.push(['First token p50', ms(report.ttftMs.p50)]);
    if (report.model === 'closed' && report.perConnection.starved) cells.push(['Starved connections', String(report.perConnection.starved)]);
    return el('div', { class: 'kpis' }, cells.map(([k, v]) => el('div', { class: 'kpi' }, el('div', { class: 'k' }, k), el('div', { class: 'v' }, v))));
  }

  function render() {
    const s = state;
    const sc = s.scenario;
    const report = s.report;
    const progress = s.progress || [];
    app.replaceChildren();
    const header = el(
      'header',
      {},
      el('h1', {}, sc ? `Load test · ${sc.title}` : 'Loopsafe load test'),
      sc ? el('div', { class: 'scenario' }, `${sc.method} ${sc.url} · ${sc.rate ? sc.rate + ' req/s' : sc.connections + ' connections'} · ${ms(sc.durationMs)}${sc.probeUrl ? ' · probe ' + new URL(sc.probeUrl).pathname : ''}${sc.mockLlm ? ' · mock LLM ' + sc.mockLlm : ''}`) : el('div', { class: 'scenario' }, 'Click “Load test” above a route, or run “Loopsafe: Load Test Endpoint…”.'),
    );
    app.append(header);

    if (!standalone) {
      app.append(
        el(
          'div',
          { class: 'toolbar' },
          s.running ? el('button', { class: 'danger', 'data-testid': 'stop', onclick: () => send({ type: 'stop' }) }, 'Stop') : el('button', { 'data-testid': 'rerun', onclick: () => send({ type: 'rerun' }), disabled: !sc }, 'Re-run'),
          el('button', { class: 'secondary', onclick: () => send({ type: 'save', format: 'json' }), disabled: !report }, 'Save JSON'),
          el('button', { class: 'secondary', onclick: () => send({ type: 'save', format: 'html' }), disabled: !report }, 'Save HTML'),
          el('button', { class: 'secondary', onclick: () => send({ type: 'exportK6' }), disabled: !sc }, 'Export k6 script'),
        ),
      );
    }

    if (s.running) {
      const last = progress[progress.length - 1];
      const pct = last ? Math.min(100, Math.round((100 * last.elapsedMs) / Math.max(1, last.totalMs))) : 0;
      const bar = el('div', { class: 'bar-fill' });
      bar.style.width = pct + '%';
      app.append(el('section', { class: 'running' }, el('div', { class: 'status', 'data-testid': 'status' }, s.status || (last ? `${last.phase} · ${pct}% · ${last.completed} done · ${last.inFlight} in flight${last.probeMs !== null ? ' · probe ' + ms(last.probeMs) : ''}` : 'starting…')), el('div', { class: 'progress' }, bar)));
    }
    if (s.error) app.append(el('section', { class: 'error', 'data-testid': 'error' }, el('h2', {}, 'The run failed'), el('pre', {}, s.error)));
    if (report) {
      if (report.stoppedReason) app.append(el('section', { class: 'warning' }, `Stopped early: ${report.stoppedReason}. Partial results below.`));
      app.append(verdict(report, sc));
      app.append(blockedAt(report, sc) || '');
      app.append(findingsList(sc) || '');
      app.append(kpis(report));
      if (report.thresholds && report.thresholds.length) {
        app.append(
          el(
            'section',
            { class: 'thresholds' },
            // A run stopped early fails as a whole, whatever its partial figures say: say why.
            el('h3', {}, report.pass ? 'Thresholds: PASS' : report.stoppedReason && report.thresholds.every((t) => t.pass) ? 'Thresholds: FAIL (the run stopped early)' : 'Thresholds: FAIL'),
            el('ul', {}, report.thresholds.map((t) => el('li', { class: t.pass ? 'pass' : 'fail' }, `${t.pass ? '✔' : '✖'} ${t.expr}`, el('span', { class: 'actual' }, ` actual ${thresholdActual(t)}`)))),
          ),
        );
      }
    } else if (!s.running && !s.error && sc) {
      app.append(findingsList(sc) || '');
    }

    const t = (p) => p.elapsedMs;
    const charts = el('div', { class: 'charts' });
    charts.append(lineChart('Throughput (req/s)', [{ name: 'req/s', cls: 's1', points: progress.map((p) => [t(p), p.rps]) }], { unit: 'rps' }));
    charts.append(
      lineChart('Latency', [
        { name: 'p50', cls: 's1', points: progress.filter((p) => p.p50 !== null).map((p) => [t(p), p.p50]) },
        { name: 'p95', cls: 's2', points: progress.filter((p) => p.p95 !== null).map((p) => [t(p), p.p95]) },
      ]),
    );
    const probeSamples = report && report.probe && report.probe.samples && report.probe.samples.length ? report.probe.samples : progress.filter((p) => p.probeMs !== null).map((p) => [t(p), p.probeMs]);
    const idle = report && report.probe && !report.probe.error ? report.probe.idleMs.p50 : undefined;
    charts.append(lineChart('Stall probe latency', [{ name: 'probe', cls: report && report.probe && report.probe.stalled ? 's3' : 's4', points: probeSamples }], { refLine: idle, refLabel: idle !== undefined ? 'idle p50 ' + ms(idle) : '', minY: 10, empty: sc && !sc.probeUrl ? 'no probe configured' : 'waiting for data…' }));
    if (report) charts.append(histogram(report.histogram));
    app.append(charts);

    if (report) {
      const rows = [
        ['Requests', `sent ${report.sent} · completed ${report.completed}${report.dropped ? ' · dropped ' + report.dropped : ''}`],
        ['Latency', `p50 ${ms(report.latencyMs.p50)} · p90 ${ms(report.latencyMs.p90)} · p95 ${ms(report.latencyMs.p95)} · p99 ${ms(report.latencyMs.p99)} · max ${ms(report.latencyMs.max)}`],
        ['Time to first byte', `p50 ${ms(report.ttfbMs.p50)} · p95 ${ms(report.ttfbMs.p95)} · max ${ms(report.ttfbMs.max)}`],
      ];
      if (report.ttftMs) rows.push(['Time to first token', `p50 ${ms(report.ttftMs.p50)} · p95 ${ms(report.ttftMs.p95)}`]);
      if (report.interTokenMs) rows.push(['Inter-token', `p50 ${ms(report.interTokenMs.p50)} · p95 ${ms(report.interTokenMs.p95)}`]);
      if (report.model === 'closed') rows.push(['Per connection', `min ${report.perConnection.min} · median ${report.perConnection.median} · max ${report.perConnection.max} · starved ${report.perConnection.starved}`]);
      const errs = Object.entries(report.errors || {});
      if (errs.length) rows.push(['Errors', errs.map(([k, v]) => (/^\d{3}$/.test(k) ? 'HTTP ' + k : k) + ' ×' + v).join(' · ')]);
      if (report.probe && !report.probe.error) rows.push(['Probe', `idle p50 ${ms(report.probe.idleMs.p50)} · load p50 ${ms(report.probe.loadMs.p50)} · p99 ${ms(report.probe.loadMs.p99)} · max ${ms(report.probe.loadMs.max)}${report.probe.unansweredAtEnd ? ' · ' + report.probe.unansweredAtEnd + ' unanswered' : ''}`]);
      app.append(el('table', { class: 'details' }, rows.map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v)))));
    }
    if (standalone) app.append(el('footer', {}, 'Saved from Loopsafe.'));
  }

  function save() {
    if (vscode) vscode.setState(state);
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'state') state = m.state;
    else if (m.type === 'progress') {
      state.progress = (state.progress || []).concat([m.progress]).slice(-2400);
      state.status = undefined;
    } else if (m.type === 'status') state.status = m.status;
    else return;
    save();
    render();
  });

  render();
  send({ type: 'ready' });
})();
