// Resilience of one member: for each scenario, the service level over time
// (mean line inside the 5–95% band of the trials) per sector, then the
// recovery-time table of every scenario.
'use strict';
(function (R) {
  // The one place that reads redoubt/resilience@1; null when `doc` is not one.
  R.resilienceView = function (entry) {
    const doc = R.doc(entry, 'redoubt/resilience@1');
    if (!doc) return null;
    const scenario = doc.scenario || {};
    const stat = (s) => (s && R.isNum(s.mean) ? { mean: s.mean, lo: R.list(s.ci95)[0], hi: R.list(s.ci95)[1] } : null);
    return {
      id: scenario.id || entry.scenario,
      title: scenario.title || scenario.id || entry.scenario,
      seed: doc.seed,
      trials: doc.trials,
      partial: !!doc.partial,
      networks: R.list(doc.networks).map((n) => {
        const m = n.metrics || {};
        const ttr = m.time_to_recover_hours || {};
        return {
          id: n.id,
          hours: R.list(n.checkpoints_hours),
          curves: R.list(n.curves).map((c) => ({ sector: c.sector || 'all', mean: R.list(c.mean), p05: R.list(c.p05), p50: R.list(c.p50), p95: R.list(c.p95) })),
          loss: stat(m.resilience_loss),
          minLevel: stat(m.min_level),
          recover: { 90: stat(ttr['90']), 95: stat(ttr['95']), 100: stat(ttr['100']) },
          hurtMost: R.list(n.hurt_most),
        };
      }),
    };
  };

  const withCi = (s, format) => (s ? R.el('span', {}, format(s.mean), R.isNum(s.lo) ? [R.el('br', {}), R.el('small', { class: 'muted' }, `${format(s.lo)}–${format(s.hi)}`)] : null) : '—');

  function renderCurves(parent, scenario, network, multi) {
    const values = [];
    network.curves.forEach((c) => network.hours.forEach((h, i) => {
      if (!R.isNum(c.mean[i])) return;
      values.push({ sector: c.sector, hours: h, mean: c.mean[i], p05: R.isNum(c.p05[i]) ? c.p05[i] : c.mean[i], p95: R.isNum(c.p95[i]) ? c.p95[i] : c.mean[i] });
    }));
    if (!values.length) { R.missing(parent, `Curves of ${scenario.title}`); return; }
    const sectors = network.curves.map((c) => c.sector);
    const colour = { field: 'sector', type: 'nominal', title: 'sector', sort: sectors, scale: { domain: sectors, range: sectors.map((s) => R.sectorColor[s] || '#999999') } };
    R.chart(parent, {
      title: `${scenario.title}${multi ? ' — ' + network.id : ''}`,
      caption: `Service level over time: mean of ${scenario.trials || '?'} trials, band from the 5th to the 95th percentile${scenario.partial ? ' (partial run)' : ''}.`,
      kind: 'line',
      spec: {
        width: 'container', height: 210,
        data: { values: values },
        encoding: {
          x: { field: 'hours', type: 'quantitative', title: 'hours after the event', scale: { type: 'sqrt', domain: [0, network.hours[network.hours.length - 1] || 1], nice: false } },
          color: colour,
        },
        layer: [
          { mark: { type: 'area', opacity: 0.16 }, encoding: { y: { field: 'p05', type: 'quantitative', title: 'service level', axis: { format: '%' }, scale: { domain: [0, 1] } }, y2: { field: 'p95' } } },
          { mark: { type: 'line', strokeWidth: 2.2, point: { size: 18 } }, encoding: { y: { field: 'mean', type: 'quantitative' }, strokeDash: { condition: { test: "datum.sector === 'all'", value: [1, 0] }, value: [5, 2] },
            tooltip: [{ field: 'sector' }, { field: 'hours', title: 'hours' }, { field: 'mean', format: '.1%' }, { field: 'p05', format: '.1%', title: '5th percentile' }, { field: 'p95', format: '.1%', title: '95th percentile' }] } },
        ],
      },
      table: R.table([
        { label: 'Hours', value: (h) => h.hours, num: true },
        { label: 'Sector', value: (h) => h.sector },
        { label: 'Mean', value: (h) => R.fmt.pct(h.mean, 1), num: true },
        { label: '5–95%', value: (h) => `${R.fmt.pct(h.p05, 1)}–${R.fmt.pct(h.p95, 1)}`, num: true },
      ], values),
    });
  }

  R.renderResilience = function (parent, assessment, member) {
    const scenarios = R.forMember(assessment.resilience, member.code).map(R.resilienceView).filter(Boolean);
    if (!scenarios.length) { R.missing(parent, 'Resilience simulation'); return; }
    const grid = R.el('div', { class: 'grid2' });
    parent.appendChild(grid);
    const rows = [];
    scenarios.forEach((scenario) => scenario.networks.forEach((network) => {
      const cell = R.el('div', {});
      grid.appendChild(cell);
      R.guard(cell, `The curves of ${scenario.title}`, () => renderCurves(cell, scenario, network, scenario.networks.length > 1));
      rows.push({ scenario: scenario, network: network });
    }));
    const pct = (x) => R.fmt.pct(x, 0);
    parent.appendChild(R.table([
      { label: 'Scenario', value: (r) => r.scenario.title + (r.scenario.networks.length > 1 ? ` — ${r.network.id}` : '') },
      { label: 'Lowest level', value: (r) => withCi(r.network.minLevel, pct), num: true },
      { label: 'Back to 90%', value: (r) => withCi(r.network.recover[90], R.fmt.hours), num: true },
      { label: 'Back to 95%', value: (r) => withCi(r.network.recover[95], R.fmt.hours), num: true },
      { label: 'Back to 100%', value: (r) => withCi(r.network.recover[100], R.fmt.hours), num: true },
      { label: 'Resilience loss', value: (r) => withCi(r.network.loss, (x) => R.fmt.num(x, 1)), num: true },
      { label: 'Hurt most', value: (r) => r.network.hurtMost.slice(0, 3).map((h) => `${h.service} (${h.sector}, down in ${R.fmt.pct(h.share_of_trials_down)} of trials)`).join('; ') },
    ], rows, 'Recovery times (mean, 95% confidence interval); resilience loss is the area lost under the service-level curve'));
  };
})(window.Redoubt = window.Redoubt || {});
