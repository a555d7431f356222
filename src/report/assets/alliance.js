// The alliance view: the sharing matrix (heat map; hover for the reasons, click
// for the full explanation), divergence between members, and their postures.
'use strict';
(function (R) {
  // The one place that reads redoubt/alliance-assessment@1; everything else
  // uses the view it returns (null when the assessment has no alliance part).
  R.allianceView = function (assessment) {
    const doc = assessment && assessment.alliance;
    if (!doc || doc.format !== 'redoubt/alliance-assessment@1') return null;
    const alliance = doc.alliance || {};
    const levels = R.list(alliance.levels).filter((l) => typeof l === 'string');
    const sharing = doc.sharing || {};
    const divergence = doc.divergence || {};
    const share = (x) => (R.isNum(x) ? x : null);
    const cells = R.list(sharing.cells).filter((c) => c && c.provider && c.recipient);
    // Members without a valid posture (a view from postures): nothing of them is known.
    const noPosture = {};
    R.list(doc.provenance && doc.provenance.missing).forEach((m) => { if (m && m.member) noPosture[m.member] = m.reason || 'no valid posture'; });
    return {
      id: alliance.id,
      title: alliance.title,
      baseline: alliance.baseline || null,
      asOf: doc.as_of,
      method: doc.method || {},
      levels: levels,
      members: R.list(doc.members).filter((m) => m && m.code).map((m) => {
        const unknown = m.code in noPosture;
        const posture = unknown ? {} : m.posture || {};
        const compliance = unknown ? {} : m.compliance || {};
        const untrusted = {};
        Object.entries(posture.untrusted || {}).forEach(([domain, d]) => {
          if (d && typeof d === 'object') {
            untrusted[domain] = { elements: share(d.element_share), sites: share(d.site_share), untrustedElements: d.untrusted_elements, totalElements: d.elements };
          }
        });
        return {
          code: m.code,
          name: m.name || m.code,
          standard: m.standard || null,
          networks: R.list(m.networks),
          baseline: compliance.baseline || null,
          own: compliance.standard || null,
          crossBorderFindings: compliance.cross_border_baseline_findings,
          notEvaluated: R.list(compliance.not_evaluated),
          untrusted: untrusted,
          criticalServices: posture.critical_services,
          allServices: posture.all_services || null,
          espionage: share(posture.espionage),
          sabotage: share(posture.sabotage),
          resilienceLoss: share(posture.resilience_loss),
          crossBorder: R.list(m.cross_border_services),
          deadlinesAssumed: R.list(m.deadlines_assumed_met),
          noPosture: unknown ? noPosture[m.code] : null,
        };
      }),
      divergence: {
        members: R.list(divergence.members),
        matrix: R.list(divergence.total),
        posture: R.list(divergence.posture),
        trust: R.list(divergence.trust),
        rules: R.list(divergence.rules),
        vendors: R.list(divergence.vendors),
      },
      // The sharing timeline (`redoubt assess --sharing-timeline`): the matrix on
      // each date a cell moves, with the cause of each move.
      timeline: R.list(doc.timeline).filter((step) => step && step.date).map((step) => ({
        date: step.date,
        matrix: R.list(step.matrix),
        moves: R.list(step.moves).filter(Boolean).map((m) => ({
          provider: m.provider, recipient: m.recipient, before: m.before || 'none', after: m.after || 'none',
          direction: m.direction, reason: m.reason || '', cellReason: m.cell_reason || '',
        })),
      })),
      sharing: {
        members: R.list(sharing.providers).length ? R.list(sharing.providers) : R.list(sharing.recipients),
        cells: cells.map((c) => ({
          provider: c.provider,
          recipient: c.recipient,
          level: c.level || 'none',
          blocked: c.withheld || null,
          sentence: c.reason || '',
          reasons: R.list(c.shortfalls).filter(Boolean).map((r) => ({
            level: r.level || '', condition: r.condition || '', source: r.source || '', summary: r.summary || '',
            plain: r.plain || '', host: r.host_networks === true, rationale: r.rationale || '',
            rules: R.list(r.rules), elements: r.elements || 0, details: R.list(r.details),
          })),
        })),
      },
    };
  };

  // The reasons for the withheld level first, then those of the levels above it.
  function explain(panel, cell) {
    panel.textContent = '';
    panel.appendChild(R.el('p', {}, R.el('strong', {}, `${cell.provider} → ${cell.recipient}: shares up to ${cell.level}`)));
    if (!cell.blocked) {
      panel.appendChild(R.el('p', {}, 'Nothing is held back: every condition of the highest level is met.'));
      return;
    }
    if (cell.sentence) panel.appendChild(R.el('p', { class: 'in-short' }, cell.sentence));
    const byLevel = [];
    cell.reasons.forEach((r) => {
      let group = byLevel.find((g) => g.level === r.level);
      if (!group) byLevel.push(group = { level: r.level, reasons: [] });
      group.reasons.push(r);
    });
    byLevel.forEach((group, index) => {
      panel.appendChild(R.el('p', {}, index === 0 ? `${group.level || cell.blocked} is withheld because:` : `and ${group.level} also needs:`));
      panel.appendChild(R.el('ul', {}, group.reasons.map((r) => R.el('li', {},
        r.host ? R.badge('host-nation exposure', 'host') : '', R.el('strong', {}, r.condition), r.source ? R.el('span', { class: 'muted' }, ` (${r.source})`) : '', ': ', r.summary,
        r.rationale ? R.el('div', { class: 'muted rationale' }, 'Why this condition: ' + r.rationale) : '',
        r.rules.length ? [' — rule ', r.rules.map((rule, i) => [i ? ', ' : '', R.el('code', {}, rule)])] : '',
        r.elements ? ` — ${r.elements} element${r.elements === 1 ? '' : 's'}` : '',
        r.details.length ? R.el('details', {}, R.el('summary', {}, 'details'), R.el('ul', {}, r.details.map((d) => R.el('li', { class: 'mono' }, d)))) : ''))));
    });
  }

  function renderSharing(section, view) {
    const levels = ['none'].concat(view.levels.filter((l) => l !== 'none'));
    const order = view.sharing.members.length ? view.sharing.members : view.members.map((m) => m.code);
    const values = view.sharing.cells.map((c) => Object.assign({}, c, {
      rank: levels.indexOf(c.level),
      because: c.reasons.filter((r) => r.level === c.blocked).map((r) => r.summary).join('; ') || '—',
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
        { label: 'Because', value: (c) => c.reasons.map((r) => `${r.level}: ${r.condition}: ${r.summary}`).join('; ') },
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
      const at = (matrix) => { const x = (matrix[i] || [])[j]; return R.isNum(x) ? x : null; };
      const v = at(view.divergence.matrix);
      if (v !== null) values.push({ a: a, b: b, divergence: v, posture: at(view.divergence.posture), trust: at(view.divergence.trust), rules: at(view.divergence.rules) });
    }));
    if (!values.length) { R.missing(parent, 'Divergence'); return; }
    const size = Math.max(40, Math.min(80, 360 / members.length));
    R.chart(parent, {
      title: 'How far apart the postures are',
      caption: 'Pairwise divergence (0 = identical, 1 = opposite): half the distance between the members\' postures, half the disagreement of their standards (on which vendors are untrusted, and on the rules binding now).',
      kind: 'heatmap',
      spec: {
        width: size * members.length, height: size * members.length,
        data: { values: values },
        encoding: {
          x: { field: 'b', type: 'nominal', sort: members, title: null, axis: { orient: 'top', labelAngle: 0 } },
          y: { field: 'a', type: 'nominal', sort: members, title: null },
          tooltip: [{ field: 'a', title: 'member' }, { field: 'b', title: 'and' }, { field: 'divergence', format: '.2f' },
            { field: 'posture', format: '.2f', title: 'posture distance' }, { field: 'trust', format: '.2f', title: 'untrusted vendors disagree' }, { field: 'rules', format: '.2f', title: 'rules differ' }],
        },
        layer: [
          { mark: { type: 'rect', stroke: '#fff', strokeWidth: 2 }, encoding: { color: { field: 'divergence', type: 'quantitative', scale: { scheme: 'oranges', domain: [0, 1] }, legend: { orient: 'right', direction: 'vertical' } } } },
          { mark: { type: 'text', fontSize: 11 }, encoding: { text: { field: 'divergence', format: '.2f' }, color: { condition: { test: 'datum.divergence > 0.6', value: '#fff' }, value: '#1d2327' } } },
        ],
      },
      table: R.table([{ label: 'Pair', value: (v) => `${v.a} – ${v.b}` }, { label: 'Divergence', value: (v) => v.divergence.toFixed(2), num: true },
        { label: 'Posture', value: (v) => R.fmt.num(v.posture, 2), num: true }, { label: 'Vendors', value: (v) => R.fmt.num(v.trust, 2), num: true }, { label: 'Rules', value: (v) => R.fmt.num(v.rules, 2), num: true }],
      values.filter((v) => members.indexOf(v.a) < members.indexOf(v.b))),
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

  // The alliance view is on one basis: each member's deadlines assumed met.
  // Names and definitions are the engine's (R.figuresView).
  function renderPostureTable(parent, view, assessment) {
    const share = (x) => (R.isNum(x) ? R.fmt.pct(x, 1) : '—');
    const figures = R.figuresView(assessment);
    const label = (figure, set) => (figures ? figures.label(figure, set) : `${figure.replace(/_/g, ' ')}, ${set} services`);
    const basis = figures ? figures.basisName('deadlines_met') : 'with deadlines assumed met';
    const all = (m, key) => (m.allServices ? m.allServices[key] : null);
    const table = R.table([
      { label: 'Member', value: (m) => R.memberLabel(m) },
      { label: 'Standard', value: (m) => m.standard },
      { label: 'Critical services', value: (m) => m.criticalServices, num: true },
      { label: label('espionage', 'critical'), value: (m) => share(m.espionage), num: true },
      { label: label('sabotage', 'critical'), value: (m) => share(m.sabotage), num: true },
      { label: label('espionage', 'all'), value: (m) => share(all(m, 'espionage')), num: true },
      { label: label('sabotage', 'all'), value: (m) => share(all(m, 'sabotage')), num: true },
      { label: label('kill_switch_loss', 'all'), value: (m) => share(m.resilienceLoss), num: true },
      { label: 'Cross-border services', value: (m) => m.crossBorder.map((c) => `${c.service} (in ${c.host}${c.exposed ? ', exposed' : ''})`).join('; ') },
      { label: 'Deadlines assumed met', value: (m) => m.deadlinesAssumed.map((d) => `${d.rule} (${d.effective})`).join('; ') },
    ], view.members, `Postures, ${basis}: the alliance view's numbers, which the divergence and the sharing matrix use. The summary's scorecard gives them as inventoried too.`);
    table.classList.add('postures');
    parent.appendChild(table);
  }

  function renderCompliance(parent, view) {
    const values = [];
    view.members.map((m) => {
      const ownIsBaseline = m.standard && m.standard === view.baseline;
      return [[ownIsBaseline ? 'baseline = own standard' : 'alliance baseline', m.baseline], [`own standard (${m.standard || '?'})`, ownIsBaseline ? null : m.own]];
    }).forEach((pairs, index) => pairs.forEach(([which, counts]) => {
      const m = view.members[index];
      if (!counts) return;
      R.severities.forEach((s, rank) => values.push({ row: `${m.code} · ${which}`, member: m.code, which: which, severity: s, rank: rank, count: counts[s] || 0 }));
    }));
    if (!values.length) { R.missing(parent, 'Compliance of the members'); return; }
    R.chart(parent, {
      title: 'Findings per member',
      caption: 'Against the alliance baseline and against each member\'s own standard, by severity, with each member\'s deadlines assumed met (the alliance view).',
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
        { label: 'Own standard', value: (m) => (m.own ? `${m.standard || '?'}: ` + R.severities.map((s) => `${m.own[s] || 0} ${s}`).join(', ') : null) }], view.members),
    });
  }

  // Small multiples: the matrix on the first date and on each date a cell
  // moves, plain tables (nothing to load), the moved cells outlined, and the
  // cause of every move under its matrix.
  function renderSharingTimeline(parent, view) {
    const section = R.section(parent, 'sharing-timeline', 'Sharing over time', 3);
    if (!view.timeline.length) { R.missing(section, 'The sharing timeline (run assess with --sharing-timeline)'); return; }
    const order = view.sharing.members.length ? view.sharing.members : view.members.map((m) => m.code);
    const levels = ['none'].concat(view.levels);
    const short = { none: '—', unclassified: 'U', restricted: 'R', confidential: 'C', secret: 'S', 'top-secret': 'TS' };
    const abbreviate = (level) => short[level] || level.slice(0, 4);
    const steps = view.timeline.filter((step, index) => index === 0 || step.moves.length);
    const moving = view.timeline.length - 1 - (steps.length - 1);
    section.appendChild(R.el('p', { class: 'lede' },
      `The sharing matrix on ${steps[0].date} and on each of the ${steps.length - 1} later dates where a cell moves ` +
      `(${moving} rule date${moving === 1 ? '' : 's'} moved nothing). Each member is assumed to meet its own deadlines. Moved cells are outlined.`));
    const grid = R.el('div', { class: 'multiples' });
    section.appendChild(grid);
    steps.forEach((step) => {
      const moved = new Set(step.moves.map((m) => `${m.provider}>${m.recipient}`));
      const head = R.el('tr', {}, R.el('th', { scope: 'col', class: 'corner' }, 'P \\ R'), order.map((code) => R.el('th', { scope: 'col' }, code)));
      const rows = order.map((provider, i) => R.el('tr', {}, R.el('th', { scope: 'row' }, provider), order.map((recipient, j) => {
        const level = i === j ? null : ((step.matrix[i] || [])[j] || 'none');
        if (level === null) return R.el('td', { class: 'self' }, '');
        const rank = levels.indexOf(level);
        const cls = `lvl lvl-${Math.max(0, rank)}${moved.has(`${provider}>${recipient}`) ? ' moved' : ''}`;
        return R.el('td', { class: cls, title: `${provider} → ${recipient}: ${level}` }, abbreviate(level));
      })));
      const table = R.el('table', { class: 'mini-matrix', 'data-date': step.date }, R.el('caption', {}, step.date), R.el('thead', {}, head), R.el('tbody', {}, rows));
      // Moves with the same cause are listed under it once ("cause → effect").
      const groups = [];
      step.moves.forEach((m) => {
        const text = m.reason || `${step.date}: ${m.provider} → ${m.recipient}: ${m.before} → ${m.after}`;
        const at = text.indexOf(' \u2192 ');
        const cause = at < 0 ? '' : text.slice(0, at);
        const effect = at < 0 ? text : text.slice(at + 3);
        let group = groups.find((g) => g.cause === cause);
        if (!group) groups.push(group = { cause: cause, effects: [] });
        group.effects.push(R.el('li', { class: m.direction === 'up' ? 'up' : 'down', 'data-reason': text }, effect));
      });
      const why = step.moves.length
        ? groups.map((g) => R.el('div', { class: 'cause' }, g.cause ? R.el('p', {}, g.cause + ' \u2192') : '', R.el('ul', { class: 'moves' }, g.effects)))
        : R.el('p', { class: 'muted' }, 'The starting point.');
      grid.appendChild(R.el('figure', { class: 'multiple' }, table, why));
    });
    section.appendChild(R.el('p', { class: 'muted legend' }, levels.map((level, rank) => R.el('span', { class: `lvl lvl-${rank} swatch` }, `${abbreviate(level)} = ${level}`))));
  }

  // Where the alliance view comes from. From signed postures: each posture
  // listed with its member, file, date, key fingerprint and disclosure level,
  // and each member without a valid one with the reason; the parts that need
  // the inventories are named. Otherwise: the members' inventories.
  function renderProvenance(parent, assessment) {
    const section = R.section(parent, 'provenance', 'Provenance of the alliance view', 3);
    const provenance = assessment.alliance && assessment.alliance.provenance;
    if (!provenance || provenance.source !== 'postures') {
      section.appendChild(R.el('p', {}, 'Built from the members\' own inventories, as the alliance file names them, read by this run.'));
      return;
    }
    const postures = R.list(provenance.postures);
    const missing = R.list(provenance.missing);
    section.appendChild(R.el('p', { class: 'lede' },
      `Built from ${postures.length} signed posture${postures.length === 1 ? '' : 's'}, each verified against its member's key in the alliance file; no inventory was read. ` +
      'Findings, exposure, resilience and the map need the inventories, which stay with each member.'));
    section.appendChild(R.table([
      { label: 'Member', value: (p) => p.member },
      { label: 'Posture', render: (p) => R.el('code', {}, p.file) },
      { label: 'Dated', value: (p) => p.as_of },
      { label: 'Key fingerprint', render: (p) => R.el('code', { class: 'fingerprint' }, p.key_id) },
      { label: 'Disclosure', value: (p) => (p.disclosure === 'elements' ? 'elements (ids behind each shortfall)' : 'counts (no element ids)') },
      { label: 'Resilience', value: (p) => (p.resilience ? `${p.resilience.scenario}, ${p.resilience.trials} trials, seed ${p.resilience.seed}` : 'not stated') },
    ], postures, 'Postures'));
    if (missing.length) {
      section.appendChild(R.table([
        { label: 'Member', value: (m) => m.member },
        { label: 'Status', render: (m) => R.badge(m.status, 'not-ok') },
        { label: 'Reason', value: (m) => m.reason },
      ], missing, 'Members without a valid posture: their cells are none'));
    }
  }

  R.renderAlliance = function (main, assessment) {
    const section = R.section(main, 'alliance', 'Between allies');
    const view = R.allianceView(assessment);
    if (!view) { R.missing(section, 'The alliance view'); return; }
    section.appendChild(R.el('p', { class: 'lede' }, 'Which intelligence each ally can still share with which other, and why. A cell below the top level is held down by the recipient\'s findings or posture; the explanation names them.'));
    R.guard(section, 'The provenance', () => renderProvenance(section, assessment));
    R.guard(section, 'The sharing matrix', () => renderSharing(section, view));
    R.guard(section, 'The sharing timeline', () => renderSharingTimeline(section, view));
    const grid = R.el('div', { class: 'grid2' });
    section.appendChild(grid);
    const left = R.el('div', {});
    const right = R.el('div', {});
    grid.appendChild(left);
    grid.appendChild(right);
    R.guard(left, 'The compliance of the members', () => renderCompliance(left, view));
    R.guard(right, 'The divergence', () => renderDivergence(right, view));
    R.guard(section, 'The postures', () => renderPosture(section, view));
    R.guard(section, 'The posture table', () => renderPostureTable(section, view, assessment));
  };
})(window.Redoubt = window.Redoubt || {});
