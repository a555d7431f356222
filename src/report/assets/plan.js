// The rip-and-replace plan of one member (assess --costs): swaps per month by
// domain, spending per year against the budget, disruption per sector (weight
// × hours of services down while swaps are under way), and the deadlines at
// risk — late swaps per rule with the days late, and the shortfall: the extra
// crews per pool and the extra budget per year that would meet them. Every
// number comes from the member's redoubt/plan@1 document; the captions say
// it in the words `redoubt plan` prints.
'use strict';
(function (R) {
  // As `redoubt plan` writes an amount (src/cli/plan.cpp, Money).
  const money = (amount, currency) => {
    if (!R.isNum(amount)) return '—';
    if (amount >= 1e9) return `${(amount / 1e9).toFixed(2)} bn ${currency}`;
    if (amount >= 1e6) return `${(amount / 1e6).toFixed(2)} m ${currency}`;
    return `${amount.toFixed(0)} ${currency}`;
  };

  // The one place that reads redoubt/plan@1; null when `entry` holds none.
  R.planView = function (entry) {
    const doc = R.doc(entry, 'redoubt/plan@1');
    if (!doc) return null;
    const summary = doc.summary || {};
    const bounds = doc.bounds || {};
    const shortfall = doc.shortfall || {};
    return {
      start: doc.start,
      standard: doc.standard,
      method: doc.method,
      provenOptimal: !!doc.proven_optimal,
      currency: (doc.costs || {}).currency || 'USD',
      costsFile: (doc.costs || {}).file,
      illustrative: !!(doc.costs || {}).illustrative,
      summary: summary,
      bounds: bounds,
      swaps: R.list(doc.swaps).filter((s) => s && typeof s === 'object'),
      deadlines: R.list(doc.deadlines).filter((d) => d && typeof d === 'object'),
      perYear: R.list(doc.cost_per_year).filter((y) => y && typeof y === 'object'),
      bySector: Object.entries(doc.disruption_by_sector || {}).map(([sector, weightHours]) => ({ sector: sector, weight_hours: weightHours })),
      extraCrews: R.list(shortfall.extra_crews).filter(Boolean),
      extraBudget: R.list(shortfall.extra_budget).filter(Boolean),
      unavoidable: R.list(shortfall.unavoidable).length,
    };
  };

  // "met, last swap …", "SLIPS: 2 of 3 swaps late, up to 14 days", as the CLI says it.
  const verdict = (d) => {
    if (!d.late_swaps && !d.unscheduled_swaps) return `met, last swap ${d.last_swap || '—'}`;
    if (d.unscheduled_swaps) return `NOT MET: ${d.unscheduled_swaps} swaps cannot be scheduled`;
    return `${d.overdue ? 'OVERDUE' : 'SLIPS'}: ${d.late_swaps} of ${d.swaps} swaps late, up to ${d.max_slip_days} days`;
  };

  function renderSwapsPerMonth(parent, plan) {
    const counts = new Map();
    plan.swaps.forEach((s) => {
      if (!s.night) return;
      const key = s.night.slice(0, 7) + '|' + (s.domain || 'other');
      counts.set(key, (counts.get(key) || 0) + 1);
    });
    const values = Array.from(counts, ([key, swaps]) => ({ month: key.split('|')[0], domain: key.split('|')[1], swaps: swaps }))
      .sort((a, b) => (a.month + a.domain).localeCompare(b.month + b.domain));
    if (!values.length) { R.missing(parent, 'Swaps per month'); return; }
    const s = plan.summary;
    R.chart(parent, {
      title: 'Swaps per month, by domain',
      caption: `plan from ${plan.start} against standard ${plan.standard}: ${s.swaps} swaps, method ${plan.method}${plan.provenOptimal ? ', proven optimal' : ''}${s.unscheduled_swaps ? `; ${s.unscheduled_swaps} cannot be scheduled` : ''}.`,
      kind: 'bar',
      spec: {
        width: 'container', height: 200,
        data: { values: values },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x: { field: 'month', type: 'ordinal', title: 'month of the swap night', axis: { labelAngle: -45 } },
          y: { field: 'swaps', type: 'quantitative', title: 'swaps', stack: 'zero', axis: { tickMinStep: 1 } },
          color: { field: 'domain', type: 'nominal', title: 'domain', scale: { range: R.palette }, legend: { orient: 'bottom' } },
          tooltip: [{ field: 'month' }, { field: 'domain' }, { field: 'swaps' }],
        },
      },
      table: R.table([
        { label: 'Month', value: (v) => v.month },
        { label: 'Domain', value: (v) => v.domain },
        { label: 'Swaps', value: (v) => v.swaps, num: true },
      ], values),
    });
  }

  function renderCost(parent, plan) {
    const values = plan.perYear.map((y) => ({ year: String(y.year), cost: y.cost, budget: R.isNum(y.budget) ? y.budget : null }));
    if (!values.length) { R.missing(parent, 'Spending per year'); return; }
    const years = values.map((v) => `${v.year}: ${money(v.cost, plan.currency)}${v.budget === null ? '' : ` of ${money(v.budget, plan.currency)} budget`}`).join('; ');
    R.chart(parent, {
      title: 'Cost per year against the budget',
      caption: `cost ${money(plan.summary.cost, plan.currency)} (bound ${money(plan.bounds.cost, plan.currency)}): ${years}${plan.illustrative ? ' (illustrative costs)' : ''}.`,
      kind: 'bar',
      spec: {
        width: 'container', height: 190,
        data: { values: values },
        encoding: { x: { field: 'year', type: 'ordinal', title: null, axis: { labelAngle: 0 } } },
        layer: [
          { mark: { type: 'bar', tooltip: true, color: '#0072B2' },
            encoding: { y: { field: 'cost', type: 'quantitative', title: `spent (${plan.currency})` }, tooltip: [{ field: 'year' }, { field: 'cost', format: ',.0f' }, { field: 'budget', format: ',.0f' }] } },
          { transform: [{ filter: 'datum.budget !== null' }], mark: { type: 'tick', color: '#D55E00', thickness: 3, size: 40 },
            encoding: { y: { field: 'budget', type: 'quantitative' } } },
        ],
      },
      table: R.table([
        { label: 'Year', value: (v) => v.year },
        { label: 'Spent', value: (v) => money(v.cost, plan.currency), num: true },
        { label: 'Budget', value: (v) => (v.budget === null ? 'unlimited' : money(v.budget, plan.currency)), num: true },
      ], values),
    });
  }

  function renderDisruption(parent, plan) {
    const values = plan.bySector.filter((v) => R.isNum(v.weight_hours));
    const s = plan.summary;
    const sentence = `disruption ${R.isNum(s.disruption_weight_hours) ? s.disruption_weight_hours.toFixed(1) : '—'} weight-hours (bound ${R.isNum(plan.bounds.disruption_weight_hours) ? plan.bounds.disruption_weight_hours.toFixed(1) : '—'}): the weight of services down × the hours they are down while swaps are under way.`;
    if (!values.length) { parent.appendChild(R.el('p', { class: 'muted' }, 'No service goes down during the swaps: ' + sentence)); return; }
    R.chart(parent, {
      title: 'Disruption per sector',
      caption: sentence,
      kind: 'bar',
      spec: {
        width: 'container', height: { step: 24 },
        data: { values: values },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          y: { field: 'sector', type: 'nominal', title: null, sort: R.sectors },
          x: { field: 'weight_hours', type: 'quantitative', title: 'weight × hours' },
          color: { field: 'sector', type: 'nominal', legend: null, scale: { domain: values.map((v) => v.sector), range: values.map((v) => R.sectorColor[v.sector] || '#999999') } },
          tooltip: [{ field: 'sector' }, { field: 'weight_hours', format: ',.1f', title: 'weight × hours' }],
        },
      },
      table: R.table([
        { label: 'Sector', value: (v) => v.sector },
        { label: 'Weight × hours', value: (v) => R.fmt.num(v.weight_hours, 1), num: true },
      ], values),
    });
  }

  function renderDeadlines(parent, plan) {
    const s = plan.summary;
    const lines = plan.deadlines.map((d) => `${d.rule} due ${d.deadline}: ${verdict(d)}`);
    const atRisk = plan.deadlines.filter((d) => d.late_swaps || d.unscheduled_swaps);
    const shortfall = plan.extraCrews.map((c) => `to meet the deadlines: pool ${c.pool} needs ${c.extra} more crews (${c.crews} → ${c.crews + c.extra})`)
      .concat(plan.extraBudget.map((b) => `to meet the deadlines: ${money(b.extra, plan.currency)} more budget in ${b.year}`))
      .concat(plan.unavoidable ? [`${plan.unavoidable} swaps cannot meet their deadline whatever the crews: equipment arrives later or the deadline has passed`] : []);
    const sentence = `lateness ${R.isNum(s.lateness_days) ? s.lateness_days.toFixed(0) : '—'} swap-days (bound ${R.isNum(plan.bounds.lateness_days) ? plan.bounds.lateness_days.toFixed(0) : '—'}); ${lines.join('; ')}${shortfall.length ? '; ' + shortfall.join('; ') : ''}.`;
    if (!atRisk.length) {
      parent.appendChild(R.el('p', {}, R.el('strong', {}, 'Deadlines at risk: none. '), sentence));
      return;
    }
    const values = atRisk.map((d) => ({ rule: d.rule, deadline: d.deadline, late: d.late_swaps || 0, unscheduled: d.unscheduled_swaps || 0, days: d.max_slip_days || 0, last: d.last_swap || '—' }));
    R.chart(parent, {
      title: 'Deadlines at risk',
      caption: sentence,
      kind: 'bar',
      spec: {
        width: 'container', height: { step: 26 },
        data: { values: values },
        encoding: { y: { field: 'rule', type: 'nominal', title: null, axis: { labelLimit: 360 } } },
        layer: [
          { mark: { type: 'bar', tooltip: true, color: '#D55E00' },
            encoding: { x: { field: 'late', type: 'quantitative', title: 'late swaps', axis: { tickMinStep: 1 } },
              tooltip: [{ field: 'rule' }, { field: 'deadline', title: 'due' }, { field: 'late', title: 'late swaps' }, { field: 'days', title: 'up to days late' }, { field: 'unscheduled' }] } },
          { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { x: { field: 'late', type: 'quantitative' }, text: { field: 'days', type: 'quantitative', format: 'd' } } },
        ],
      },
      table: R.table([
        { label: 'Rule', value: (v) => v.rule },
        { label: 'Due', value: (v) => v.deadline },
        { label: 'Late swaps', value: (v) => v.late, num: true },
        { label: 'Up to days late', value: (v) => v.days, num: true },
        { label: 'Cannot be scheduled', value: (v) => v.unscheduled, num: true },
        { label: 'Last swap', value: (v) => v.last },
      ], values),
    });
    const rows = plan.extraCrews.map((c) => ({ what: `crews, pool ${c.pool}`, now: String(c.crews), extra: `+${c.extra}` }))
      .concat(plan.extraBudget.map((b) => ({ what: `budget, ${b.year}`, now: '', extra: '+' + money(b.extra, plan.currency) })));
    if (rows.length) {
      parent.appendChild(R.table([
        { label: 'Shortfall', value: (r) => r.what },
        { label: 'Now', value: (r) => r.now, num: true },
        { label: 'Extra to meet the deadlines', value: (r) => r.extra, num: true },
      ], rows, shortfall.join('; ') + '.'));
    }
  }

  R.renderPlan = function (parent, assessment, member) {
    const plans = R.forMember(assessment.plan, member.code).map(R.planView).filter(Boolean);
    if (!plans.length) { R.missing(parent, 'The rip-and-replace plan'); return; }
    plans.forEach((plan) => {
      parent.appendChild(R.el('p', { class: 'muted' }, `Costs ${plan.costsFile || '—'}${plan.illustrative ? ' (illustrative)' : ''}; the plan meets every deadline it can, then disrupts services least, then costs least (redoubt plan).`));
      if (!plan.swaps.length) { parent.appendChild(R.el('p', {}, `plan from ${plan.start} against standard ${plan.standard}: 0 swaps — no dated rule forbids any element.`)); return; }
      const grid = R.el('div', { class: 'grid2' });
      parent.appendChild(grid);
      const cells = [0, 1, 2, 3].map(() => { const cell = R.el('div', {}); grid.appendChild(cell); return cell; });
      R.guard(cells[0], 'The swaps per month', () => renderSwapsPerMonth(cells[0], plan));
      R.guard(cells[1], 'The cost per year', () => renderCost(cells[1], plan));
      R.guard(cells[2], 'The disruption per sector', () => renderDisruption(cells[2], plan));
      R.guard(cells[3], 'The deadlines at risk', () => renderDeadlines(cells[3], plan));
    });
  };
})(window.Redoubt = window.Redoubt || {});
