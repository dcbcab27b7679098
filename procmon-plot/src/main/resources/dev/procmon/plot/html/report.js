// procmon's interactive report. Reads the JSON data block (text only: every string from the log is
// put into the page with textContent or drawn on a canvas, never parsed as markup), decodes the
// columns ColumnCodec wrote, and draws one uPlot chart per panel. Each view shows, per pixel column,
// the samples holding every series' minimum and maximum there (so no peak is lost at any zoom), and
// every sample once the view holds few enough of them.
(function () {
  'use strict';
  const status = document.getElementById('status');
  status.dataset.scriptMs = performance.now().toFixed(1);
  const byId = (id) => document.getElementById(id);
  // A lone surrogate (a log may hold one) cannot be shown; it becomes U+FFFD like any broken text.
  const wellFormed = (s) => (typeof s.toWellFormed === 'function' ? s.toWellFormed() : s);
  function make(tag, text, cls) {
    const e = document.createElement(tag);
    if (text != null) e.textContent = wellFormed(String(text));
    if (cls) e.className = cls;
    return e;
  }
  function fail(message) {
    status.dataset.error = message;
    const p = make('p', 'The report could not be drawn: ' + message, 'error');
    document.body.insertBefore(p, document.body.firstChild);
  }
  window.addEventListener('error', (e) => fail(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => fail(String(e.reason)));

  const data = JSON.parse(byId('procmon-data').textContent);
  document.title = wellFormed(data.title);
  byId('title').textContent = wellFormed(data.title);

  // --- decoding (the inverse of ColumnCodec) ---
  function fromBase64(base64) {
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64);
    const text = atob(base64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }
  async function inflate(base64) {
    const bytes = fromBase64(base64);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }
  async function decodeColumn(col, n) {
    const planes = await inflate(col.data);
    const out = new Float64Array(n);
    const w = col.width;
    const step = col.step, base = col.min - 1, delta = col.delta;
    let code = 0;
    for (let i = 0; i < n; i++) {
      let v = planes[i];
      if (w > 1) {
        v += planes[n + i] * 256;
        if (w > 2) {
          v += planes[2 * n + i] * 65536;
          if (w > 3) v += planes[3 * n + i] * 16777216;
        }
      }
      code = delta ? code + (v % 2 === 1 ? -(v + 1) / 2 : v / 2) : v;
      out[i] = code === 0 ? NaN : (code + base) * step;
    }
    return out;
  }
  const decimals = (step) => Math.max(0, Math.min(6, Math.ceil(-Math.log10(step) - 1e-9)));

  // A run as the charts use it. `overview` true: only the first view's samples (run.overview, small,
  // decoded at once); false: every sample. `sample[i]` is the sample number (0-based) of row i.
  async function loadRun(run, r, overview) {
    const part = overview ? run.overview : null;
    const n = overview ? part.count : run.n;
    const columns = overview ? [part.at, part.elapsed, part.clockOffset, run.labelAt].concat(part.values)
      : [null, run.elapsed, run.clockOffset, run.labelAt].concat(run.series.map((s) => s.values));
    const decoded = await Promise.all(columns.map((col, k) =>
      (col ? decodeColumn(col, k === 3 ? run.labelCount : n) : null)));
    const [rows, t, offset, at] = decoded;
    const sample = new Int32Array(n);
    const x = new Float64Array(n);
    const clock = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sample[i] = rows ? Math.round(rows[i]) : i;
      x[i] = t[i] - run.offset;
      clock[i] = offset[i] + t[i];
    }
    const series = run.series.map((s, k) => ({ name: s.name, color: s.color, width: s.width, panel: s.panel, spanGaps: s.spanGaps,
      values: decoded[4 + k], decimals: decimals(s.values.step) }));
    // Labels by row; the overview holds every labelled sample.
    const labels = new Map();
    for (let k = 0; k < run.labelCount; k++) {
      const i = rows ? lowerBound(sample, Math.round(at[k])) : Math.round(at[k]);
      const text = run.labelText[k];
      labels.set(i, labels.has(i) ? labels.get(i) + '\n' + text : text);
    }
    return { index: r, name: run.name, n, sample, x, t, clock, series, labels, phases: run.phases, total: run.n };
  }

  // --- choosing the samples a view shows ---
  function lowerBound(x, v) {
    let lo = 0, hi = x.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (x[m] < v) lo = m + 1; else hi = m; }
    return lo;
  }
  // Indices of run's samples to draw for [x0, x1] in `buckets` pixel columns: all of them when few,
  // else in each column the samples holding each series' minimum and maximum.
  function pick(run, series, x0, x1, buckets) {
    const start = Math.max(0, lowerBound(run.x, x0) - 1);
    const end = Math.min(run.n, lowerBound(run.x, x1) + 1);
    const count = end - start;
    if (count <= 2 * buckets) {
      const all = new Int32Array(Math.max(0, count));
      for (let k = 0; k < count; k++) all[k] = start + k;
      return all;
    }
    const out = [];
    const size = count / buckets;
    const marks = [];
    for (let b = 0; b < buckets; b++) {
      const a = start + Math.floor(b * size);
      const e = b === buckets - 1 ? end : start + Math.floor((b + 1) * size);
      marks.length = 0;
      for (const s of series) {
        const v = s.values;
        let lo = -1, hi = -1;
        for (let i = a; i < e; i++) {
          const y = v[i];
          if (y !== y) continue;
          if (lo < 0 || y < v[lo]) lo = i;
          if (hi < 0 || y > v[hi]) hi = i;
        }
        if (lo >= 0) marks.push(lo, hi);
      }
      marks.sort((p, q) => p - q);
      for (let k = 0; k < marks.length; k++) if (k === 0 || marks[k] !== marks[k - 1]) out.push(marks[k]);
    }
    out.push(end - 1);
    return Int32Array.from(out);
  }

  // --- formatting ---
  function clockText(seconds) {
    if (!(seconds === seconds)) return '';
    // Timestamps are local time stored as if UTC: printed as they were logged, no zone shift.
    const date = new Date(Math.round(seconds * 1000));
    // An absurd elapsed_time (1e308 s) puts the clock past any date: toISOString would throw.
    if (isNaN(date.getTime())) return '';
    return date.toISOString().replace('T', ' ').replace('Z', '');
  }
  const num = (v, d) => (v == null || v !== v ? '--' : v.toFixed(d));

  // --- the charts ---
  const panelTitles = new Map(data.panels.map((p) => [p.id, p.title]));
  let runs = [];
  let panels = [];
  let full = [0, 1];
  let view = [0, 1];
  let updating = false;

  function chartWidth() { return Math.max(400, byId('charts').clientWidth || window.innerWidth - 40); }

  function buildView(panel, x0, x1) {
    const buckets = Math.max(50, Math.floor(chartWidth() - 120));
    const points = [];
    runs.forEach((run) => {
      const idx = pick(run, panel.series.filter((s) => s.r === run.index).map((s) => run.series[s.k]), x0, x1, buckets);
      for (const i of idx) points.push([run.x[i], run.index, i]);
    });
    if (runs.length > 1) points.sort((p, q) => p[0] - q[0]);
    const xs = new Float64Array(points.length);
    const columns = [xs];
    points.forEach((p, k) => { xs[k] = p[0]; });
    for (const s of panel.series) {
      const col = new Array(points.length);
      const values = runs[s.r].series[s.k].values;
      points.forEach((p, k) => {
        const v = p[1] === s.r ? values[p[2]] : NaN;
        col[k] = v === v ? v : null;
      });
      columns.push(col);
    }
    panel.points = points;
    return columns;
  }

  function drawPhases(u, panel) {
    const ctx = u.ctx;
    const top = u.bbox.top, height = u.bbox.height;
    const colors = ['rgba(255, 193, 7, 0.13)', 'rgba(3, 169, 244, 0.11)', 'rgba(139, 195, 74, 0.13)', 'rgba(233, 30, 99, 0.09)'];
    ctx.save();
    ctx.font = Math.round(11 * devicePixelRatio) + 'px sans-serif';
    runs.forEach((run) => run.phases.forEach((p, k) => {
      const a = u.valToPos(p.start, 'x', true);
      const b = u.valToPos(p.end, 'x', true);
      const left = Math.max(a, u.bbox.left), right = Math.min(b, u.bbox.left + u.bbox.width);
      if (right <= left) return;
      ctx.fillStyle = colors[k % colors.length];
      ctx.fillRect(left, top, Math.max(1, right - left), height);
      if (panel === panels[0] && right - left > 30) {
        ctx.fillStyle = '#555';
        ctx.fillText(p.name, left + 3, top + 12 * devicePixelRatio, right - left - 6);
      }
    }));
    ctx.restore();
  }

  // One dashed line per pixel column that holds labels, all in one path; where labels are denser than
  // one per 8 pixels, a short tick at the top instead (full-height lines would hide the chart).
  function drawLabels(u) {
    const ctx = u.ctx;
    const columns = new Set();
    runs.forEach((run) => run.labels.forEach((text, i) => {
      const x = run.x[i];
      if (x >= view[0] && x <= view[1]) columns.add(Math.round(u.valToPos(x, 'x', true)));
    }));
    if (columns.size === 0) return;
    const dense = columns.size * 8 * devicePixelRatio > u.bbox.width;
    const bottom = dense ? u.bbox.top + 6 * devicePixelRatio : u.bbox.top + u.bbox.height;
    ctx.save();
    ctx.strokeStyle = '#555';
    ctx.lineWidth = devicePixelRatio;
    if (!dense) ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
    ctx.beginPath();
    for (const px of columns) {
      ctx.moveTo(px + 0.5, u.bbox.top);
      ctx.lineTo(px + 0.5, bottom);
    }
    ctx.stroke();
    ctx.restore();
  }

  const tip = byId('label-tip');
  let hovered = null;
  // The cursor is synced across panels: the tip belongs to the panel under the mouse (the first
  // panel when the pointer was placed by #at).
  function labelTip(u) {
    if (u !== (hovered || panels[0].plot)) return;
    const left = u.cursor.left;
    if (left == null || left < 0) { tip.hidden = true; return; }
    const texts = [];
    runs.forEach((run) => run.labels.forEach((text, i) => {
      if (Math.abs(u.valToPos(run.x[i], 'x') - left) <= 5) texts.push((runs.length > 1 ? run.name + ': ' : '') + text);
    }));
    if (texts.length === 0) { tip.hidden = true; return; }
    const box = u.over.getBoundingClientRect();
    const MAX_TIP = 12;
    const more = texts.length > MAX_TIP ? '\n… and ' + (texts.length - MAX_TIP) + ' more (zoom in)' : '';
    tip.textContent = wellFormed(texts.slice(0, MAX_TIP).join('\n') + more);
    tip.style.left = Math.min(window.innerWidth - 320, box.left + left + 12) + 'px';
    tip.style.top = (box.top + 8) + 'px';
    tip.hidden = false;
  }

  function xValue(panel, idx) {
    const p = idx == null ? null : panel.points[idx];
    if (!p) return '--';
    const run = runs[p[1]];
    const wall = clockText(run.clock[p[2]]);
    return num(p[0], 3) + ' s' + (wall ? ' · ' + wall : '') + ' · sample ' + (run.sample[p[2]] + 1) + (runs.length > 1 ? ' of ' + run.name : '');
  }

  function makePanel(id) {
    const panel = { id, series: [], points: [] };
    runs.forEach((run) => run.series.filter((s) => s.panel === id).forEach((s) => {
      // By position: the runs are replaced once every sample is decoded.
      panel.series.push({ r: run.index, k: run.series.indexOf(s), run, source: s });
    }));
    if (panel.series.length === 0) return null;
    const dashes = [[], [8, 4], [2, 3], [12, 3, 2, 3]];
    const opts = {
      title: panelTitles.get(id),
      width: chartWidth(),
      height: id === 'memory' ? 320 : 260,
      scales: { x: { time: false }, y: { range: (u, mn, mx) => [0, mx > 0 ? mx * 1.05 : 1] } },
      series: [{ label: 'Time', value: (u, v, si, idx) => xValue(panel, idx) }].concat(panel.series.map((s) => ({
        label: (runs.length > 1 ? s.run.name + ': ' : '') + s.source.name,
        stroke: s.source.color,
        width: s.source.width,
        dash: dashes[s.run.index % dashes.length],
        spanGaps: runs.length > 1 || !!s.source.spanGaps,
        value: (u, v) => num(v, s.source.decimals),
      }))),
      axes: [{ label: 'Elapsed time (s)' + (runs.length > 1 ? ', aligned' : '') }, { label: panelTitles.get(id), size: 64 }],
      cursor: {
        sync: { key: 'procmon' },
        drag: { x: true, y: false, setScale: false },
        bind: { dblclick: () => () => { setRange(full[0], full[1]); return null; } },
      },
      legend: { live: true },
      hooks: {
        drawClear: [(u) => drawPhases(u, panel)],
        draw: [drawLabels],
        setCursor: [labelTip],
        setSelect: [(u) => {
          if (u.select.width > 3) {
            setRange(u.posToVal(u.select.left, 'x'), u.posToVal(u.select.left + u.select.width, 'x'));
          }
          u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
        }],
      },
    };
    const host = make('div', null, 'panel');
    byId('charts').appendChild(host);
    // Drawn empty here; setRange fills every panel with its first view.
    panel.plot = new uPlot(opts, [[]].concat(panel.series.map(() => [])), host);
    panel.plot.over.addEventListener('wheel', (e) => {
      e.preventDefault();
      const at = panel.plot.posToVal(e.offsetX, 'x');
      const f = e.deltaY < 0 ? 0.75 : 1 / 0.75;
      setRange(at - (at - view[0]) * f, at + (view[1] - at) * f);
    }, { passive: false });
    panel.plot.over.addEventListener('mouseenter', () => { hovered = panel.plot; });
    panel.plot.over.addEventListener('mouseleave', () => { hovered = null; tip.hidden = true; });
    return panel;
  }

  function setRange(a, b) {
    if (updating) return;
    a = Number(a); b = Number(b);
    if (!(a === a) || !(b === b)) return;
    if (a > b) [a, b] = [b, a];
    a = Math.max(full[0], a); b = Math.min(full[1], b);
    if (b - a < 1e-3) { const c = (a + b) / 2; a = c - 5e-4; b = c + 5e-4; }
    view = [a, b];
    updating = true;
    try {
      for (const p of panels) {
        p.plot.batch(() => {
          p.plot.setData(buildView(p, a, b), false);
          p.plot.setScale('x', { min: a, max: b });
        });
      }
    } finally {
      updating = false;
    }
    byId('from').value = a.toFixed(3);
    byId('to').value = b.toFixed(3);
    showSamples();
    showLabels();
    status.dataset.view = a + ',' + b;
    status.dataset.points = String(panels[0].points.length);
  }

  // --- the tables ---
  function table(host, columns, rows) {
    const head = make('tr');
    columns.forEach((c) => head.appendChild(make('th', c)));
    host.replaceChildren(head);
    rows.forEach((r) => {
      const tr = make('tr');
      r.forEach((c) => tr.appendChild(make('td', c)));
      host.appendChild(tr);
    });
    return host;
  }

  const MAX_SAMPLE_ROWS = 100;
  function showSamples() {
    const section = byId('samples');
    const rows = [];
    const names = [];
    runs.forEach((run) => {
      const a = lowerBound(run.x, view[0]);
      const b = lowerBound(run.x, view[1] + 1e-9);
      for (let i = a; i < b && rows.length <= MAX_SAMPLE_ROWS; i++) {
        rows.push([String(run.sample[i] + 1)].concat(runs.length > 1 ? [run.name] : [], [num(run.x[i], 3), clockText(run.clock[i])],
          run.series.map((s) => num(s.values[i], s.decimals)), [run.labels.get(i) || '']));
      }
    });
    if (rows.length === 0 || rows.length > MAX_SAMPLE_ROWS) { section.hidden = true; return; }
    runs[0].series.forEach((s) => names.push(s.name));
    table(byId('sample-table'), ['Sample'].concat(runs.length > 1 ? ['Run'] : [], ['Elapsed (s)', 'Wall clock'], names, ['Label']), rows);
    section.hidden = false;
  }

  function showTables() {
    const host = byId('tables');
    for (const t of data.tables) {
      host.appendChild(make('h2', t.title));
      host.appendChild(table(make('table', null, 'report-table'), t.columns, t.rows));
    }
  }

  const MAX_LABEL_ROWS = 1000;
  // The labels in view (all of them at first), each row a link that zooms to its label.
  function showLabels() {
    const rows = [];
    const at = [];
    let total = 0;
    runs.forEach((run) => run.labels.forEach((text, i) => {
      const x = run.x[i];
      if (x < view[0] || x > view[1]) return;
      total++;
      if (rows.length >= MAX_LABEL_ROWS) return;
      rows.push([num(x, 3), clockText(run.clock[i])].concat(runs.length > 1 ? [run.name] : [], [text]));
      at.push(x);
    }));
    const section = byId('labels-section');
    section.hidden = total === 0;
    byId('labels-note').textContent = total > rows.length ? 'The first ' + rows.length + ' of ' + total + ' labels in view; zoom in to list the others.' : '';
    const t = table(byId('label-table'), ['Elapsed (s)', 'Wall clock'].concat(runs.length > 1 ? ['Run'] : [], ['Label']), rows);
    Array.from(t.rows).slice(1).forEach((tr, k) => {
      tr.className = 'clickable';
      tr.addEventListener('click', () => {
        const half = Math.max(1e-3, (view[1] - view[0]) / 20);
        setRange(at[k] - half, at[k] + half);
      });
    });
  }

  function hashParams() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    const range = (params.get('range') || '').split(',').map(Number);
    const at = params.has('at') ? Number(params.get('at')) : NaN;
    return { range: range.length === 2 && range.every((v) => v === v) ? range : null, probe: params.get('probe'),
      at: at === at ? at : null };
  }

  // Whether the first panel currently draws sample `i` of run `r`.
  function shown(r, i) { return panels[0].points.some((p) => p[1] === r && runs[r].sample[p[2]] === i); }

  function fullRange() {
    let lo = Infinity, hi = -Infinity;
    for (const run of runs) {
      for (let i = 0; i < run.n; i++) { const v = run.x[i]; if (v < lo) lo = v; if (v > hi) hi = v; }
    }
    return lo <= hi ? [lo, hi > lo ? hi : lo + 1] : [0, 1];
  }

  async function main() {
    // First the whole run from the embedded first view, then every sample.
    runs = await Promise.all(data.runs.map((run, r) => loadRun(run, r, true)));
    full = fullRange();
    view = full.slice();
    byId('subtitle').textContent = wellFormed(runs.map((r) => r.name + ': ' + r.total + ' samples over '
      + num(r.t[r.n - 1] - r.t[0], 1) + ' s').join(' · '));
    // The panels in the data's order; one without series in this log is left out.
    panels = data.panels.map((p) => p.id).map(makePanel).filter((p) => p);
    setRange(full[0], full[1]);
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    status.dataset.firstChartMs = performance.now().toFixed(1);
    showTables();
    runs = await Promise.all(data.runs.map((run, r) => loadRun(run, r, false)));
    status.dataset.decodedMs = performance.now().toFixed(1);
    setRange(view[0], view[1]);
    byId('whole').addEventListener('click', () => setRange(full[0], full[1]));
    byId('zoom-out').addEventListener('click', () => {
      const c = (view[0] + view[1]) / 2, w = view[1] - view[0];
      setRange(c - w, c + w);
    });
    byId('from').addEventListener('change', () => setRange(byId('from').value, view[1]));
    byId('to').addEventListener('change', () => setRange(view[0], byId('to').value));
    window.addEventListener('resize', () => {
      for (const p of panels) p.plot.setSize({ width: chartWidth(), height: p.plot.height });
      setRange(view[0], view[1]);
    });
    status.dataset.samples = String(runs.reduce((s, r) => s + r.n, 0));
    const hash = hashParams();
    const probe = hash.probe == null ? -1 : Number(hash.probe) - 1;
    if (probe >= 0) status.dataset.probeFirst = String(shown(0, probe));
    if (hash.range) setRange(hash.range[0], hash.range[1]);
    if (probe >= 0) status.dataset.probe = String(shown(0, probe));
    // #at=SECONDS: the pointer at that time, as if hovering there (values, wall clock, label text).
    if (hash.at != null) {
      for (const p of panels) p.plot.setCursor({ left: p.plot.valToPos(hash.at, 'x'), top: 10 });
    }
    status.dataset.ready = 'true';
  }

  window.procmonReport = {
    setRange: (a, b) => setRange(a, b),
    view: () => view.slice(),
    shown,
  };
  main().catch((e) => fail(String(e && e.stack || e)));
})();
