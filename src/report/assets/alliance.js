// The alliance view: the sharing matrix (heat map; hover for the reasons, click
// for the full explanation), divergence between members, and their postures.
'use strict';
(function (R) {
  // The one place that reads redoubt/alliance-assessment@1; everything else
  // uses the view it returns (null when the assessment has no alliance part).
  R.allianceView = function (assessment) {
    const doc = assessment.alliance;
    if (!doc || doc.format !== 'redoubt/alliance-assessment@1') return null;
    const levels = R.list(doc.levels);
    const sharing = doc.sharing || {};
    const divergence = doc.divergence || {};
    return {
      id: doc.id,
      asOf: doc.as_of,
      levels: levels,
      members: R.list(doc.members).map((m) => {
        const posture = m.posture || {};
        const compliance = m.compliance || {};
        return {
          code: m.code,
          name: m.name || m.code,
          baseline: compliance.baseline || null,
          own: compliance.own || null,
          untrusted: posture.untrusted_share_by_domain || {},
          espionage: R.isNum(posture.espionage_weight_share) ? posture.espionage_weight_share : null,
          sabotage: R.isNum(posture.sabotage_weight_share) ? posture.sabotage_weight_share : null,
          resilienceLoss: R.isNum(posture.resilience_loss) ? posture.resilience_loss : null,
        };
      }),
      divergence: { members: R.list(divergence.members), matrix: R.list(divergence.matrix) },
      sharing: {
        members: R.list(sharing.members),
        cells: R.list(sharing.cells).map((c) => ({
          provider: c.provider,
          recipient: c.recipient,
          level: c.level || 'none',
          blocked: c.blocked_level || null,
          reasons: R.list(c.reasons).map((r) => ({ condition: r.condition || '', rule: r.rule || '', summary: r.summary || '', elements: r.elements || 0 })),
        })),
      },
    };
  };

  function explain(panel, cell) {
    panel.textContent = '';
    panel.appendChild(R.el('p', {}, R.el('strong', {}, `${cell.provider} → ${cell.recipient}: shares up to ${cell.level}`)));
    if (!cell.blocked) {
      panel.appendChild(R.el('p', {}, 'Nothing is held back: every condition of the highest level is met.'));
      return;
    }
    panel.appendChild(R.el('p', {}, `${cell.blocked} is withheld because:`));
    panel.appendChild(R.el('ul', {}, cell.reasons.map((r) => R.el('li', {},
      R.el('strong', {}, r.condition), r.rule ? [' (rule ', R.el('code', {}, r.rule), ')'] : '', ': ', r.summary,
      r.elements ? ` — ${r.elements} element${r.elements === 1 ? '' : 's'}` : ''))));
  }

  function renderSharing(section, view) {
    const levels = ['none'].concat(view.levels.filter((l) => l !== 'none'));
    const order = view.sharing.members.length ? view.sharing.members : view.members.map((m) => m.code);
    const values = view.sharing.cells.map((c) => Object.assign({}, c, {
      rank: levels.indexOf(c.level),
      because: c.reasons.map((r) => r.summary).join('; ') || '—',
      withheld: c.blocked || '—',
    }));
    const panel = R.el('div', { class: 'explain', 'aria-live': 'polite' }, R.el('p', { class: 'muted' }, 'Click a cell of the matrix for the explanation of what holds it down.'));
    const size = Math.max(48, Math.min(84, 460 / Math.max(1, order.length)));
    const row = R.el('div', { class: 'side-by-side' });
    const left = R.el('div', {});
    row.appendChild(left);
    row.appendChild(panel);
    section.appendChild(row);
    // The most restricted pair is explained from the start.
    const worst = view.sharing.cells.filter((c) => c.blocked).sort((a, b) => levels.indexOf(a.level) - levels.indexOf(b.level))[0];
    if (worst) explain(panel, worst);
    const encodeXY = {
      x: { field: 'recipient', type: 'nominal', sort: order, title: 'recipient (who receives)', axis: { orient: 'top', labelAngle: 0 } },
      y: { field: 'provider', type: 'nominal', sort: order, title: 'provider (who shares)' },
      tooltip: [
        { field: 'provider', title: 'provider' }, { field: 'recipient', title: 'recipient' },
        { field: 'level', title: 'shares up to' }, { field: 'withheld', title: 'withheld' }, { field: 'because', title: 'held down by' },
      ],
    };
    R.chart(left, {
      title: 'Intelligence-sharing matrix',
      caption: 'Highest classification each provider (row) shares with each recipient (column). Hover for the reasons; click for the full explanation.',
      kind: 'heatmap',
      spec: {
        width: size * order.length,
        height: size * order.length,
        data: { values: values },
        encoding: encodeXY,
        layer: [
          {
            mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 2, cursor: 'pointer' },
            encoding: {
              color: { field: 'level', type: 'ordinal', title: 'level shared', scale: { domain: levels, scheme: 'blues' }, legend: { orient: 'right', direction: 'vertical' } },
            },
          },
          {
            mark: { type: 'text', fontSize: 12, fontWeight: 600, cursor: 'pointer' },
            encoding: {
              text: { field: 'level' },
              color: { condition: { test: `datum.rank >= ${Math.ceil(levels.length / 2)}`, value: '#ffffff' }, value: '#1d2327' },
            },
          },
        ],
      },
      table: R.table([
        { label: 'Provider → recipient', value: (c) => `${c.provider} → ${c.recipient}` },
        { label: 'Shares up to', value: (c) => c.level },
        { label: 'Withheld', value: (c) => c.blocked },
        { label: 'Because', value: (c) => c.reasons.map((r) => `${r.condition}: ${r.summary}`).join('; ') },
      ], view.sharing.cells),
      onView: (vegaView) => vegaView.addEventListener('click', (event, item) => {
        if (item && item.datum && item.datum.provider) explain(panel, item.datum);
      }),
    });
  }

  function renderDivergence(parent, view) {
    const members = view.divergence.members;
    const values = [];
    members.forEach((a, i) => members.forEach((b, j) => {
      const v = (view.divergence.matrix[i] || [])[j];
      if (R.isNum(v)) values.push({ a: a, b: b, divergence: v });
    }));
    if (!values.length) { R.missing(parent, 'Divergence'); return; }
    const size = Math.max(40, Math.min(80, 360 / members.length));
    R.chart(parent, {
      title: 'How far apart the postures are',
      caption: 'Pairwise divergence of members\' postures (0 = identical).',
      kind: 'heatmap',
      spec: {
        width: size * members.length, height: size * members.length,
        data: { values: values },
        encoding: {
          x: { field: 'b', type: 'nominal', sort: members, title: null, axis: { orient: 'top', labelAngle: 0 } },
          y: { field: 'a', type: 'nominal', sort: members, title: null },
          tooltip: [{ field: 'a', title: 'member' }, { field: 'b', title: 'and' }, { field: 'divergence', format: '.2f' }],
        },
        layer: [
          { mark: { type: 'rect', stroke: '#fff', strokeWidth: 2 }, encoding: { color: { field: 'divergence', type: 'quantitative', scale: { scheme: 'oranges', domain: [0, 1] }, legend: { orient: 'right', direction: 'vertical' } } } },
          { mark: { type: 'text', fontSize: 11 }, encoding: { text: { field: 'divergence', format: '.2f' }, color: { condition: { test: 'datum.divergence > 0.6', value: '#fff' }, value: '#1d2327' } } },
        ],
      },
      table: R.table([{ label: 'Pair', value: (v) => `${v.a} – ${v.b}` }, { label: 'Divergence', value: (v) => v.divergence.toFixed(2), num: true }], values.filter((v) => v.a < v.b)),
    });
  }

  function renderPosture(parent, view) {
    const values = [];
    view.members.forEach((m) => Object.entries(m.untrusted).forEach(([domain, share]) => {
      const v = share && R.isNum(share.elements) ? share.elements : R.isNum(share) ? share : null;
      if (v !== null) values.push({ member: m.code, domain: domain, share: v, sites: share && share.sites });
    }));
    if (!values.length) { R.missing(parent, 'Postures'); return; }
    R.chart(parent, {
      title: 'Untrusted equipment by domain',
      caption: 'Share of each member\'s elements, per network domain, from untrusted vendors.',
      kind: 'bar',
      spec: {
        width: 'container', height: 200,
        data: { values: values },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x: { field: 'domain', type: 'nominal', title: null, axis: { labelAngle: 0 }, sort: ['ran', 'transport', 'core', 'management', 'edge'] },
          xOffset: { field: 'member', sort: view.members.map((m) => m.code) },
          y: { field: 'share', type: 'quantitative', title: 'untrusted share', axis: { format: '%' }, scale: { domain: [0, 1] } },
          color: { field: 'member', type: 'nominal', title: 'member', sort: view.members.map((m) => m.code) },
          tooltip: [{ field: 'member' }, { field: 'domain' }, { field: 'share', format: '.1%', title: 'share of elements' }, { field: 'sites', format: '.1%', title: 'share of sites' }],
        },
      },
      table: R.table([{ label: 'Member', value: (v) => v.member }, { label: 'Domain', value: (v) => v.domain }, { label: 'Elements', value: (v) => R.fmt.pct(v.share), num: true }, { label: 'Sites', value: (v) => R.fmt.pct(v.sites), num: true }], values),
    });
  }

  function renderCompliance(parent, view) {
    const values = [];
    view.members.forEach((m) => [['alliance baseline', m.baseline], ['own standard', m.own]].forEach(([which, counts]) => {
      if (!counts) return;
      R.severities.forEach((s, rank) => values.push({ row: `${m.code} · ${which}`, member: m.code, which: which, severity: s, rank: rank, count: counts[s] || 0 }));
    }));
    if (!values.length) { R.missing(parent, 'Compliance of the members'); return; }
    R.chart(parent, {
      title: 'Findings per member',
      caption: 'Against the alliance baseline and against each member\'s own standard, by severity.',
      kind: 'bar',
      spec: {
        width: 'container', height: { step: 20 },
        data: { values: values },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          y: { field: 'row', type: 'nominal', title: null, sort: null },
          x: { field: 'count', type: 'quantitative', title: 'findings', axis: { tickMinStep: 1 } },
          color: { field: 'severity', type: 'nominal', scale: { domain: R.severities, range: R.severities.map((s) => R.severityColor[s]) } },
          order: { field: 'rank', type: 'quantitative' },
          tooltip: [{ field: 'member' }, { field: 'which', title: 'standard' }, { field: 'severity' }, { field: 'count' }],
        },
      },
      table: R.table([{ label: 'Member', value: (m) => m.code },
        { label: 'Baseline', value: (m) => (m.baseline ? R.severities.map((s) => `${m.baseline[s] || 0} ${s}`).join(', ') : null) },
        { label: 'Own standard', value: (m) => (m.own ? R.severities.map((s) => `${m.own[s] || 0} ${s}`).join(', ') : null) }], view.members),
    });
  }

  R.renderAlliance = function (main, assessment) {
    const section = R.section(main, 'alliance', 'Between allies');
    const view = R.allianceView(assessment);
    if (!view) { R.missing(section, 'The alliance view'); return; }
    section.appendChild(R.el('p', { class: 'lede' }, 'Which intelligence each ally can still share with which other, and why. A cell below the top level is held down by the recipient\'s findings or posture; the explanation names them.'));
    R.guard(section, 'The sharing matrix', () => renderSharing(section, view));
    const grid = R.el('div', { class: 'grid2' });
    section.appendChild(grid);
    const left = R.el('div', {});
    const right = R.el('div', {});
    grid.appendChild(left);
    grid.appendChild(right);
    R.guard(left, 'The compliance of the members', () => renderCompliance(left, view));
    R.guard(right, 'The divergence', () => renderDivergence(right, view));
    R.guard(section, 'The postures', () => renderPosture(section, view));
  };
})(window.Redoubt = window.Redoubt || {});
