// Shared helpers of the report: DOM building, number formats, the palette,
// charts with their table alternatives, and lookups into the assessment.
// Every section renderer lives on window.Redoubt and reads the assessment
// (redoubt/assessment@1) only.
'use strict';
(function (R) {
  // Okabe & Ito (2008), "Color Universal Design": safe for the common colour-vision deficiencies.
  R.palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
  R.severities = ['critical', 'high', 'medium', 'low', 'info'];
  R.severityColor = {
    critical: '#D55E00', high: '#E69F00', medium: '#F0E442', low: '#56B4E9', info: '#999999', none: '#BBBBBB',
  };
  R.riskColor = { high: '#D55E00', medium: '#E69F00', low: '#0072B2', unknown: '#999999' };
  R.sectors = ['health', 'energy', 'transport', 'manufacturing', 'defence', 'government', 'public'];
  R.sectorColor = {
    all: '#000000', health: '#009E73', energy: '#E69F00', transport: '#56B4E9', manufacturing: '#B59F00',
    defence: '#0072B2', government: '#CC79A7', public: '#D55E00',
  };
  R.font = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

  R.pending = [];     // promises of every chart, so the page can say when it is drawn
  R.chartCount = 0;

  // el('p', {class: 'x'}, 'text', child, ...): an element; attributes whose value is
  // null/undefined/false are skipped, children that are strings become text.
  R.el = function (tag, attrs) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'text') node.textContent = value;
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (let i = 2; i < arguments.length; i++) R.append(node, arguments[i]);
    return node;
  };
  R.append = function (node, child) {
    if (child === null || child === undefined || child === false) return node;
    if (Array.isArray(child)) child.forEach((item) => R.append(node, item));
    else node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
    return node;
  };

  const isNum = (x) => typeof x === 'number' && isFinite(x);
  R.fmt = {
    pct: (x, digits) => (isNum(x) ? (100 * x).toFixed(digits === undefined ? (x > 0 && x < 0.1 ? 1 : 0) : digits) + '%' : '—'),
    num: (x, digits) => (isNum(x) ? x.toLocaleString('en-GB', { maximumFractionDigits: digits === undefined ? 1 : digits }) : '—'),
    int: (x) => (isNum(x) ? Math.round(x).toLocaleString('en-GB') : '—'),
    hours: (x) => (isNum(x) ? (x >= 48 ? (x / 24).toFixed(1) + ' d' : x.toFixed(x < 10 ? 1 : 0) + ' h') : '—'),
    list: (items, max) => {
      const list = (items || []).map(String);
      const limit = max || 6;
      return list.length > limit ? list.slice(0, limit).join(', ') + ` and ${list.length - limit} more` : list.join(', ');
    },
  };
  R.isNum = isNum;

  R.badge = function (text, cls) { return R.el('span', { class: 'badge ' + (cls || '') }, text); };
  R.severityBadge = function (severity) { return R.badge(severity || 'none', 'sev-' + (severity || 'none')); };

  // A section with an id for the table of contents.
  R.section = function (parent, id, title, level, cls) {
    const section = R.el('section', { id: id, class: cls, 'aria-labelledby': id + '-h' });
    section.appendChild(R.el('h' + (level || 2), { id: id + '-h' }, title));
    parent.appendChild(section);
    return section;
  };

  R.missing = function (parent, what) {
    return R.append(parent, R.el('p', { class: 'missing' }, `${what}: not part of this assessment.`));
  };

  // columns: [{label, value: row => x, num: bool, render: row => node}]
  R.table = function (columns, rows, caption) {
    const table = R.el('table', {});
    if (caption) table.appendChild(R.el('caption', {}, caption));
    const head = R.el('tr', {});
    columns.forEach((c) => head.appendChild(R.el('th', { scope: 'col', class: c.num ? 'num' : null }, c.label)));
    table.appendChild(R.el('thead', {}, head));
    const body = R.el('tbody', {});
    rows.forEach((row) => {
      const tr = R.el('tr', {});
      columns.forEach((c, index) => {
        const cell = R.el(index === 0 ? 'th' : 'td', { class: c.num ? 'num' : null, scope: index === 0 ? 'row' : null });
        const value = c.render ? c.render(row) : c.value(row);
        R.append(cell, value === undefined || value === null || value === '' ? '—' : value);
        tr.appendChild(cell);
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
    return table;
  };

  // The Vega-Lite config every chart shares: system fonts, Okabe-Ito categories.
  R.config = {
    font: R.font,
    background: null,
    view: { stroke: null },
    range: { category: R.palette },
    axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 600, labelColor: '#1d2327', titleColor: '#1d2327', gridColor: '#e6e9ec', domainColor: '#8a949c', tickColor: '#8a949c' },
    legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 600, orient: 'bottom', direction: 'horizontal' },
    title: { fontSize: 13, anchor: 'start' },
  };

  // A chart: a <figure> with a caption, the Vega-Lite view (role img, labelled) and,
  // after it, the same numbers as a table in a <details>. Returns the embed promise
  // (resolving to vega-embed's result, or null when it failed).
  R.chart = function (parent, options) {
    R.chartCount++;
    const id = 'chart-' + R.chartCount;
    const figure = R.el('figure', { class: 'chart', 'aria-labelledby': id + '-cap' });
    figure.appendChild(R.el('figcaption', { id: id + '-cap' }, R.el('strong', {}, options.title), options.caption || null));
    const vis = R.el('div', { class: 'vis', id: id, role: 'img', 'aria-label': options.title + (options.caption ? '. ' + options.caption : ''), 'data-chart': options.kind || 'chart' });
    figure.appendChild(vis);
    if (options.table) {
      figure.appendChild(R.el('details', { class: 'alt' }, R.el('summary', {}, 'Table of this chart'), options.table));
    }
    parent.appendChild(figure);
    const spec = Object.assign({}, options.spec);
    spec.config = Object.assign({}, R.config, options.spec.config || {});
    const promise = vegaEmbed(vis, spec, { mode: 'vega-lite', actions: false, renderer: 'svg' })
      .then((result) => {
        if (options.onView) options.onView(result.view);
        return result;
      })
      .catch((error) => {
        vis.appendChild(R.el('p', { class: 'render-error' }, 'This chart could not be drawn: ' + error.message));
        console.error('redoubt report: chart "' + options.title + '" failed:', error);
        return null;
      });
    R.pending.push(promise);
    return promise;
  };

  // Runs one section renderer; a failure shows in place (and on the console)
  // instead of stopping the rest of the report.
  R.guard = function (parent, what, render) {
    try {
      render();
    } catch (error) {
      parent.appendChild(R.el('p', { class: 'render-error' }, `${what} could not be rendered: ${error.message}`));
      console.error('redoubt report: ' + what + ' failed:', error);
    }
  };

  // ---- lookups into the assessment ---------------------------------------
  R.list = (x) => (Array.isArray(x) ? x : []);
  R.doc = (entry, format) => (entry && entry.document && entry.document.format === format ? entry.document : null);
  R.forMember = (list, code) => R.list(list).filter((entry) => entry && entry.member === code);

  // Members of the assessment, completed by the alliance document's.
  R.members = function (assessment) {
    const members = R.list(assessment.members).map((m) => ({ code: m.code, name: m.name || m.code, networks: R.list(m.networks) }));
    const alliance = R.allianceView(assessment);
    if (alliance) {
      alliance.members.forEach((m) => {
        if (!members.some((known) => known.code === m.code)) members.push({ code: m.code, name: m.name || m.code, networks: [] });
      });
    }
    return members;
  };
  R.inventoryNetworks = function (assessment, member) {
    const inventory = assessment.inventory;
    if (!inventory || inventory.format !== 'redoubt/inventory-summary@1') return [];
    return R.list(inventory.networks).filter((n) => member.networks.includes(n.id));
  };
  R.memberLabel = (m) => (m.name && m.name !== m.code ? `${m.code} — ${m.name}` : m.code);
  R.slug = (text) => String(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

  // The one reader of the assessment's headline figures (its `figures` part,
  // model/figures.hpp in the engine): every number of the summary and of the
  // postures table comes from here, with the name and the sentence of
  // definition the engine gives it. Null when the assessment has none.
  R.figuresView = function (assessment) {
    const doc = assessment && assessment.figures;
    if (!doc || !doc.definitions || !Array.isArray(doc.members)) return null;
    const byKey = (list) => {
      const out = {};
      R.list(list).forEach((d) => { if (d && d.key) out[d.key] = d; });
      return out;
    };
    const figures = byKey(doc.definitions.figures);
    const scopes = byKey(doc.definitions.scopes);
    const sets = byKey(doc.definitions.service_sets);
    const bases = byKey(doc.definitions.bases);
    const name = (table, key) => (table[key] ? table[key].name : key);
    return {
      figures: figures,
      scopes: scopes,
      sets: sets,
      bases: bases,
      basisKeys: R.list(doc.definitions.bases).map((b) => b.key),
      // "espionage share, critical services", as the engine's Label().
      label: (figure, set) => `${name(figures, figure)}, ${name(sets, set)}`,
      // "espionage share of critical services", for sentences.
      phrase: (figure, set) => `${name(figures, figure)} of ${name(sets, set)}`,
      basisName: (basis) => name(bases, basis),
      // {findings: {standard, baseline}, all: {...}, critical: {...}} or null.
      of: (code, basis) => {
        const member = doc.members.find((m) => m && m.code === code);
        return (member && member[basis]) || null;
      },
      value: (code, basis, set, figure) => {
        const member = doc.members.find((m) => m && m.code === code);
        const x = member && member[basis] && member[basis][set] ? member[basis][set][figure] : null;
        return isNum(x) ? x : null;
      },
    };
  };

  // Findings by severity over a member's findings@1 documents, per standard.
  R.findingCounts = function (assessment, code) {
    return R.forMember(assessment.findings, code).map((entry) => {
      const doc = R.doc(entry, 'redoubt/findings@1');
      const counts = { critical: 0, high: 0, medium: 0, low: 0, info: 0, total: 0 };
      if (doc) {
        R.list(doc.networks).forEach((n) => {
          const by = (n.summary && n.summary.by_severity) || {};
          R.severities.forEach((s) => { counts[s] += by[s] || 0; });
          counts.total += (n.summary && n.summary.findings) || 0;
        });
      }
      return { standard: entry.standard || (doc && doc.standard && doc.standard.id) || '?', title: doc && doc.standard ? doc.standard.title : '', compliant: doc ? doc.compliant : null, counts: counts, doc: doc };
    });
  };
  R.worstSeverity = (counts) => R.severities.find((s) => counts && counts[s] > 0) || null;
})(window.Redoubt = window.Redoubt || {});
