// Resilience of one member: for each scenario, the share of service weight up
// over time (the mean of the trials, inside the 5–95% band of the whole
// network, for all services and per sector), then the table of every
// scenario: lowest level, recovery times, resilience loss and the services
// hurt most — means as well, so that the charts and the table say one thing.
'use strict';
(function (R) {
  // The one place that reads redoubt/resilience@1; null when `entry` holds
  // no such document. Curves are the share of service weight up
  // (`weight_level`); the estimates are those of the series "all".
  R.resilienceView = function (entry) {
    const doc = R.doc(entry, 'redoubt/resilience@1');
    if (!doc) return null;
    const scenario = doc.scenario || {};
    const estimate = (s) => (s && R.isNum(s.mean)
      ? { mean: s.mean, lo: R.list(s.ci95)[0], hi: R.list(s.ci95)[1], p5: s.p5, p50: s.p50, p95: s.p95, censored: s.censored || 0 }
      : null);
    return {
      id: scenario.id || entry.scenario,
      title: scenario.title || scenario.id || entry.scenario,
      horizon: scenario.horizon_hours,
      seed: doc.seed,
      trials: doc.trials,
      completed: R.isNum(doc.trials_completed) ? doc.trials_completed : doc.trials,
      partial: !!doc.partial,
      networks: R.list(doc.networks).filter((n) => n && typeof n === 'object').map((n) => {
        const series = R.list(n.series).filter((s) => s && typeof s === 'object');
        const all = series.find((s) => s.series === 'all') || series[0] || {};
        return {
          id: n.id,
          notes: R.list(n.notes),
          hours: R.list(n.checkpoints_hours),
          curves: series.map((s) => {
            const band = s.weight_level || s.service_level || {};
            return { sector: s.series || 'all', services: s.services, mean: R.list(band.mean), p05: R.list(band.p5), p50: R.list(band.p50), p95: R.list(band.p95) };
          }),
          loss: estimate(all.loss_hours),
          minLevel: estimate(all.min_level),
          recover: { 90: estimate(all.recover_90_hours), 95: estimate(all.recover_95_hours), 100: estimate(all.recover_100_hours) },
          hurtMost: R.list(n.services_hurt).filter(Boolean).map((h) => ({ service: h.id, sector: h.sector, share: h.down_share, hours: h.mean_down_hours })),
        };
      }),
    };
  };

  // Mean with its 95% confidence interval; a censored recovery time is a lower bound.
  const withCi = (s, format) => (s
    ? R.el('span', {}, (s.censored ? '≥ ' : '') + format(s.mean),
      R.isNum(s.lo) ? [R.el('br', {}), R.el('small', { class: 'muted' }, `${format(Math.max(0, s.lo))}–${format(s.hi)}`)] : null,
      s.censored ? [R.el('br', {}), R.el('small', { class: 'muted' }, `${s.censored} trial${s.censored === 1 ? '' : 's'} not back by the horizon`)] : null)
    : '—');

  function renderCurves(parent, scenario, network, multi) {
    const values = [];
    network.curves.forEach((c) => network.hours.forEach((h, i) => {
      const mean = c.mean[i];
      if (!R.isNum(mean)) return;
      values.push({
        sector: c.sector, hours: h, mean: mean, p50: R.isNum(c.p50[i]) ? c.p50[i] : null,
        p05: R.isNum(c.p05[i]) ? c.p05[i] : mean, p95: R.isNum(c.p95[i]) ? c.p95[i] : mean,
      });
    }));
    if (!values.length) { R.missing(parent, `Curves of ${scenario.title}`); return; }
    const sectors = network.curves.map((c) => c.sector);
    const colour = { field: 'sector', type: 'nominal', title: 'sector', sort: sectors, scale: { domain: sectors, range: sectors.map((s) => R.sectorColor[s] || '#999999') }, legend: { orient: 'bottom', columns: 4 } };
    const last = network.hours[network.hours.length - 1] || scenario.horizon || 1;
    const low = Math.min.apply(null, values.map((v) => v.p05));
    const floor = Math.max(0, Math.min(0.9, Math.floor(low * 10) / 10));
    R.chart(parent, {
      title: `${scenario.title}${multi ? ' — ' + network.id : ''}`,
      caption: `Share of service weight up, for all services and per sector: mean of ${scenario.completed || '?'} trials; the band is the 5th to the 95th percentile of the whole network. Time on a square-root scale, to show the first hours${scenario.partial ? ' (partial run)' : ''}.`,
      kind: 'line',
      spec: {
        width: 'container', height: 210,
        data: { values: values },
        encoding: {
          x: { field: 'hours', type: 'quantitative', title: 'hours after the event (square-root scale)', scale: { type: 'sqrt', domain: [0, last], nice: false },
            axis: { values: [0, 6, 24, 72, 168, 336, 720, 1440, 2160].filter((h) => h <= last) } },
          color: colour,
        },
        layer: [
          { transform: [{ filter: "datum.sector === 'all'" }], mark: { type: 'area', opacity: 0.18, color: '#000000' },
            encoding: { y: { field: 'p05', type: 'quantitative', title: 'weight up', axis: { format: '%' }, scale: { domain: [floor, 1] } }, y2: { field: 'p95' }, color: { value: '#000000' } } },
          { mark: { type: 'line', clip: true },
            encoding: {
              y: { field: 'mean', type: 'quantitative' },
              strokeWidth: { condition: { test: "datum.sector === 'all'", value: 2.6 }, value: 1.4 },
              strokeDash: { condition: { test: "datum.sector === 'all'", value: [1, 0] }, value: [5, 2] },
            } },
          // A point (with its tooltip) per checkpoint of the whole network
          // only: one per checkpoint and sector is about 1,000 SVG symbols a
          // chart, and with a hundred charts most of the page's drawing time.
          // Every sector's numbers are in the table of the chart.
          { transform: [{ filter: "datum.sector === 'all'" }], mark: { type: 'point', filled: true, size: 14, clip: true },
            encoding: {
              y: { field: 'mean', type: 'quantitative' },
              tooltip: [{ field: 'sector' }, { field: 'hours', title: 'hours' }, { field: 'mean', format: '.1%', title: 'mean' }, { field: 'p50', format: '.1%', title: 'median' },
                { field: 'p05', format: '.1%', title: '5th percentile' }, { field: 'p95', format: '.1%', title: '95th percentile' }],
            } },
        ],
      },
      table: R.table([
        { label: 'Hours', value: (h) => h.hours, num: true },
        { label: 'Sector', value: (h) => h.sector },
        { label: 'Mean', value: (h) => R.fmt.pct(h.mean, 1), num: true },
        { label: 'Median', value: (h) => R.fmt.pct(h.p50, 1), num: true },
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
    const pct = (x) => R.fmt.pct(x, 1);
    parent.appendChild(R.table([
      { label: 'Scenario', value: (r) => r.scenario.title + (r.scenario.networks.length > 1 ? ` — ${r.network.id}` : '') },
      { label: 'Lowest level', render: (r) => withCi(r.network.minLevel, pct), num: true },
      { label: 'Back to 90%', render: (r) => withCi(r.network.recover[90], R.fmt.hours), num: true },
      { label: 'Back to 95%', render: (r) => withCi(r.network.recover[95], R.fmt.hours), num: true },
      { label: 'Back to 100%', render: (r) => withCi(r.network.recover[100], R.fmt.hours), num: true },
      { label: 'Resilience loss', render: (r) => withCi(r.network.loss, (x) => R.fmt.num(x, 2) + ' h'), num: true },
      { label: 'Hurt most', value: (r) => r.network.hurtMost.slice(0, 3).map((h) => `${h.service} (${h.sector}, down in ${R.fmt.pct(h.share)} of trials, ${R.fmt.hours(h.hours)} on average)`).join('; ') || '—' },
    ], rows, 'Recovery, whole network: means of the trials, as in the charts above (95% confidence interval below). Resilience loss: the level-hours lost under the curve of the whole network (24 h = a day fully down). Times with ≥ are lower bounds: some trials had not recovered by the horizon.'));
  };
})(window.Redoubt = window.Redoubt || {});
