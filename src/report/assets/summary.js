// The first screen (a summary for a decision-maker) and the last section (the
// inputs, seed and version, so that anyone can reproduce the report).
'use strict';
(function (R) {
  const levelRank = (levels, level) => (level ? levels.indexOf(level) : -1);

  // What the summary needs of one member. Findings, espionage, sabotage and
  // the kill-switch come from the figures part, per basis; without it (an
  // older assessment), from the alliance view, which is on the basis with
  // deadlines assumed met.
  R.memberFacts = function (assessment, member) {
    const alliance = R.allianceView(assessment);
    const figures = R.figuresView(assessment);
    const allied = alliance ? alliance.members.find((m) => m.code === member.code) || null : null;
    const facts = { member: member, bases: {} };
    if (figures) {
      figures.basisKeys.forEach((basis) => {
        const on = figures.of(member.code, basis);
        if (!on) return;
        const value = (set, figure) => figures.value(member.code, basis, set, figure);
        facts.bases[basis] = {
          own: on.findings ? on.findings.standard : null,
          baseline: on.findings ? on.findings.baseline : null,
          espionage: value('critical', 'espionage'),
          sabotage: value('critical', 'sabotage'),
          killSwitch: value('all', 'kill_switch_loss'),
        };
      });
    } else if (allied) {
      facts.bases.deadlines_met = { own: allied.own, baseline: allied.baseline, espionage: allied.espionage, sabotage: allied.sabotage, killSwitch: allied.resilienceLoss };
    }
    // The worst scenario: the most level-hours lost (the lowest level when
    // no loss is known), over the whole network.
    facts.worst = null;
    const badness = (w) => [R.isNum(w.loss) ? w.loss : -1, -w.min];
    R.forMember(assessment.resilience, member.code).map(R.resilienceView).filter(Boolean).forEach((scenario) => {
      scenario.networks.forEach((n) => {
        const min = n.minLevel && n.minLevel.mean;
        if (!R.isNum(min)) return;
        const t95 = n.recover[95];
        const candidate = { scenario: scenario.title, min: min, t95: t95 && t95.mean, t95Censored: !!(t95 && t95.censored), loss: n.loss && n.loss.mean };
        const [a, b] = [badness(candidate), facts.worst && badness(facts.worst)];
        if (!facts.worst || a[0] > b[0] || (a[0] === b[0] && a[1] > b[1])) facts.worst = candidate;
      });
    });
    // What the allies share with this member.
    facts.receives = null;
    if (alliance) {
      const levels = ['none'].concat(alliance.levels);
      const cells = alliance.sharing.cells.filter((c) => c.recipient === member.code && c.provider !== member.code);
      if (cells.length) {
        const lowest = cells.reduce((low, c) => (levelRank(levels, c.level) < levelRank(levels, low.level) ? c : low), cells[0]);
        const top = levels[levels.length - 1];
        facts.receives = { lowest: lowest.level, full: cells.filter((c) => c.level === top).length, providers: cells.length, top: top };
      }
    }
    return facts;
  };

  const compliantBadge = (counts) => {
    if (!counts) return R.el('span', { class: 'muted' }, 'not assessed');
    const total = R.severities.reduce((sum, s) => sum + (counts[s] || 0), 0);
    if (total === 0) return R.badge('compliant', 'ok');
    const parts = R.severities.filter((s) => counts[s] > 0).map((s) => R.badge(`${counts[s]} ${s}`, 'sev-' + s));
    return R.el('span', {}, parts.map((p, i) => [i ? ' ' : '', p]));
  };
  const shareCell = (share, badAbove) => {
    if (!R.isNum(share)) return R.el('span', { class: 'muted' }, '—');
    return R.el('span', { class: share > badAbove ? 'badge not-ok' : share > 0 ? 'badge sev-info' : 'badge ok' }, R.fmt.pct(share, 1));
  };

  // The basis keys of model/figures.hpp, and what the report calls a figure
  // when the assessment carries no definitions.
  const kBases = ['as_inventoried', 'deadlines_met'];
  const kFallback = {
    label: (figure, set) => `${figure.replace(/_/g, ' ')}, ${set} services`,
    phrase: (figure, set) => `${figure.replace(/_/g, ' ')} of ${set} services`,
    basisName: (basis) => (basis === 'as_inventoried' ? 'as inventoried' : 'with deadlines assumed met'),
  };
  const namer = (assessment) => R.figuresView(assessment) || kFallback;

  function findingsWords(counts) {
    const worst = R.worstSeverity(counts);
    return worst ? R.severities.filter((s) => counts[s]).map((s) => counts[s] + ' ' + s).join(', ') : 'none';
  }

  function headline(f, names) {
    const code = f.member.code;
    const parts = [];
    // Each basis in its own clause; the second names only what differs.
    const said = (b) => {
      const out = {};
      if (b.own) out.own = R.worstSeverity(b.own) ? `breaks its own standard (${findingsWords(b.own)})` : 'meets its own standard';
      if (b.baseline) out.baseline = R.worstSeverity(b.baseline) ? `${b.baseline.critical || 0} critical against the alliance baseline` : 'meets the alliance baseline';
      if (R.isNum(b.espionage)) out.espionage = `${names.phrase('espionage', 'critical')} ${R.fmt.pct(b.espionage, 1)}`;
      if (R.isNum(b.sabotage)) out.sabotage = `${names.phrase('sabotage', 'critical')} ${R.fmt.pct(b.sabotage, 1)}`;
      return out;
    };
    let previous = null;
    kBases.forEach((basis) => {
      if (!f.bases[basis]) return;
      const now = said(f.bases[basis]);
      const keys = Object.keys(now).filter((k) => !previous || previous[k] !== now[k]);
      if (keys.length) parts.push(`${names.basisName(basis)}, ${keys.map((k) => now[k]).join(', ')}`);
      else parts.push(`the same ${names.basisName(basis)}`);
      previous = now;
    });
    if (f.worst) parts.push(`worst scenario "${f.worst.scenario}"${R.isNum(f.worst.loss) ? ' costs ' + R.fmt.num(f.worst.loss, 1) + ' hours of full service and' : ''} drops it to ${R.fmt.pct(f.worst.min)} at its lowest (mean of the trials)${R.isNum(f.worst.t95) ? ', back to 95% after ' + (f.worst.t95Censored ? 'at least ' : '') + R.fmt.hours(f.worst.t95) : ''}`);
    if (!Object.keys(f.bases).length && names.basisKeys && names.basisKeys.length) parts.push('no figures (no valid posture)');
    if (f.receives) parts.push(f.receives.full === f.receives.providers ? `receives ${f.receives.top} from every ally` : `receives only ${f.receives.lowest} from at least one ally (${f.receives.top} from ${f.receives.full} of ${f.receives.providers})`);
    return R.el('li', {}, R.el('strong', {}, code), ' — ', parts.length ? parts.join('; ') + '.' : 'no result documents.');
  }

  function card(value, label, tone) {
    return R.el('div', { class: 'figure-card ' + (tone || '') }, R.el('span', { class: 'value' }, value), R.el('span', { class: 'label' }, label));
  }

  R.renderSummary = function (main, assessment) {
    const section = R.section(main, 'summary', 'Summary');
    const members = R.members(assessment);
    if (!members.length) { R.missing(section, 'Members'); return; }
    const facts = members.map((m) => R.memberFacts(assessment, m));
    const scenarios = R.list(assessment.inputs && assessment.inputs.scenarios);
    const fromPostures = !!(assessment.inputs && assessment.inputs.postures);
    section.appendChild(R.el('p', { class: 'lede' }, fromPostures
      ? `${members.length} member${members.length === 1 ? '' : 's'} assessed as of ${assessment.as_of || 'an unstated date'} from the signed postures they shared ` +
        '(see the provenance of the alliance view): compliance with minimum standards for high-risk suppliers, exposure of critical services, and what the allies can still share.'
      : `${members.length} member${members.length === 1 ? '' : 's'} assessed as of ${assessment.as_of || 'an unstated date'}: ` +
        'compliance with minimum standards for high-risk suppliers, exposure of critical services, ' +
        `resilience under ${scenarios.length || 'no'} simulated scenario${scenarios.length === 1 ? '' : 's'}, and what the allies can still share.`));

    const names = namer(assessment);
    const first = (f) => f.bases.as_inventoried || f.bases.deadlines_met || null;
    const firstBasis = (f) => (f.bases.as_inventoried ? 'as_inventoried' : 'deadlines_met');
    const cards = R.el('div', { class: 'figures' });
    const assessed = facts.filter((f) => first(f) && first(f).own);
    if (assessed.length) {
      const basis = names.basisName(firstBasis(assessed[0]));
      const compliant = assessed.filter((f) => !R.worstSeverity(first(f).own));
      cards.appendChild(card(`${compliant.length} of ${assessed.length}`, `members within their own standard, ${basis}`, compliant.length === assessed.length ? 'good' : 'bad'));
      const critical = assessed.reduce((sum, f) => sum + (first(f).own.critical || 0), 0);
      cards.appendChild(card(String(critical), `critical findings against national standards, ${basis}`, critical ? 'bad' : 'good'));
    }
    const exposed = facts.filter((f) => first(f) && R.isNum(first(f).espionage)).sort((a, b) => first(b).espionage - first(a).espionage)[0];
    if (exposed) {
      const share = first(exposed).espionage;
      cards.appendChild(card(R.fmt.pct(share, 1), `${names.label('espionage', 'critical')}: ${exposed.member.code}, ${names.basisName(firstBasis(exposed))} (the highest)`, share > 0.5 ? 'bad' : share > 0 ? 'warn' : 'good'));
    }
    const alliance = R.allianceView(assessment);
    if (alliance && alliance.levels.length) {
      const top = alliance.levels[alliance.levels.length - 1];
      const pairs = alliance.sharing.cells.filter((c) => c.provider !== c.recipient);
      const held = pairs.filter((c) => c.level !== top);
      cards.appendChild(card(`${held.length} of ${pairs.length}`, `ally pairs sharing below ${top}`, held.length ? 'warn' : 'good'));
    }
    const lossOf = (f) => (R.isNum(f.worst.loss) ? f.worst.loss : -1);
    const worst = facts.filter((f) => f.worst).sort((a, b) => lossOf(b) - lossOf(a) || a.worst.min - b.worst.min)[0];
    if (worst && R.isNum(worst.worst.loss)) cards.appendChild(card(`${R.fmt.num(worst.worst.loss, 1)} h`, `of full service lost in the worst scenario (${worst.member.code}, ${worst.worst.scenario}; lowest level ${R.fmt.pct(worst.worst.min)}, mean of the trials)`, worst.worst.loss >= 24 ? 'bad' : 'warn'));
    else if (worst) cards.appendChild(card(R.fmt.pct(worst.worst.min), `lowest mean service level (${worst.member.code}, ${worst.worst.scenario})`, worst.worst.min < 0.7 ? 'bad' : 'warn'));
    section.appendChild(cards);

    // One row per member and basis: a number is always on the row of the
    // basis it was measured on (the simulation runs on the inventories, the
    // sharing matrix is the alliance view with deadlines assumed met).
    const rows = [];
    facts.forEach((f) => kBases.forEach((basis) => { if (f.bases[basis]) rows.push({ f: f, basis: basis, b: f.bases[basis] }); }));
    // A member the assessment has no figures for (no valid posture) still has its row.
    facts.forEach((f, index) => { if (!Object.keys(f.bases).length) rows.splice(rows.filter((r) => facts.indexOf(r.f) < index).length, 0, { f: f, basis: null, b: {} }); });
    const columns = [
      { label: 'Member', value: (r) => R.memberLabel(r.f.member) },
      { label: 'Basis', value: (r) => (r.basis ? names.basisName(r.basis) : 'no figures') },
      { label: 'Own standard', render: (r) => compliantBadge(r.b.own) },
      { label: 'Alliance baseline', render: (r) => compliantBadge(r.b.baseline) },
      { label: names.label('espionage', 'critical'), render: (r) => shareCell(r.b.espionage, 0.25), num: true },
      { label: names.label('sabotage', 'critical'), render: (r) => shareCell(r.b.sabotage, 0.05), num: true },
      { label: names.label('kill_switch_loss', 'all'), render: (r) => shareCell(r.b.killSwitch, 0.05), num: true },
      { label: 'Worst scenario', render: (r) => (r.basis !== 'as_inventoried' || !r.f.worst ? null : R.el('span', {}, r.f.worst.scenario, R.el('br', {}), R.el('small', { class: 'muted' }, `${R.isNum(r.f.worst.loss) ? R.fmt.num(r.f.worst.loss, 1) + ' h lost, ' : ''}lowest level ${R.fmt.pct(r.f.worst.min)} (mean of the trials)`))) },
      { label: 'Shared with it (lowest)', render: (r) => (r.basis !== 'deadlines_met' || !r.f.receives ? null : R.badge(r.f.receives.lowest, r.f.receives.lowest === r.f.receives.top ? 'ok' : 'not-ok')) },
    ];
    const held = kBases.filter((basis) => facts.some((f) => f.bases[basis])).map((basis) => names.basisName(basis));
    const scorecard = R.table(columns, rows, `Scorecard: each member ${held.join(' and ') || 'as far as assessed'}`);
    scorecard.classList.add('scorecard');
    section.appendChild(scorecard);
    section.appendChild(definitionList(assessment));
    section.appendChild(R.el('p', { class: 'note' }, 'Worst scenario (simulated on the inventories): the one that loses the most hours of full service (the area above the curve of the whole network, mean over the trials). Shared with it (the alliance view, deadlines assumed met): the lowest level any ally still shares with the member.'));
    section.appendChild(R.el('h3', { id: 'summary-words' }, 'In a sentence each'));
    section.appendChild(R.el('ul', { class: 'headlines' }, facts.map((f) => headline(f, names))));
  };

  // The engine's definitions, verbatim: each figure, service set and basis.
  function definitionList(assessment) {
    const figures = R.figuresView(assessment);
    const dl = R.el('dl', { class: 'definitions' });
    if (!figures) return dl;
    [figures.figures, figures.scopes, figures.sets, figures.bases].forEach((table) => Object.values(table).forEach((d) => {
      const scope = d.scope && figures.scopes[d.scope] ? ` (over ${figures.scopes[d.scope].name})` : '';
      dl.appendChild(R.el('dt', {}, d.name));
      dl.appendChild(R.el('dd', {}, d.definition, scope ? R.el('span', { class: 'scope' }, scope) : null));
    }));
    return dl;
  }

  R.renderInputs = function (main, assessment) {
    const section = R.section(main, 'inputs', 'Inputs and reproducibility');
    const inputs = assessment.inputs || {};
    const rows = [
      ['redoubt version', assessment.redoubt_version],
      ['Assessed as of', assessment.as_of],
      ['Seed', assessment.seed],
      ['Alliance', inputs.alliance],
      ['Baseline standard', inputs.baseline],
      ['Standards', R.list(inputs.standards).join(', ')],
      ['Inventory files', R.list(inputs.files).join(', ')],
      ['Signed postures', inputs.postures],
      ['Scenarios', R.list(inputs.scenarios).join(', ')],
    ];
    const dl = R.el('dl', { class: 'inputs' });
    rows.forEach(([label, value]) => {
      if (value === undefined || value === null || value === '') return;
      dl.appendChild(R.el('dt', {}, label));
      dl.appendChild(R.el('dd', { class: 'mono' }, String(value)));
    });
    section.appendChild(dl);
    if (assessment.command) {
      section.appendChild(R.el('p', {}, 'To reproduce every number of this report (same inputs, same seed, same version):'));
      section.appendChild(R.el('pre', { class: 'command' }, assessment.command));
    }
    const digest = assessment.digest;
    const embedded = digest
      ? `This file embeds a digest of the assessment (element #redoubt-assessment): ${R.list(digest.cuts).length} long lists cut to their worst rows and ${R.list(digest.maps).length} crowded maps drawn as grid cells; every figure and total on this page counts every row, and the full assessment is in assessment.json and sites.geojson.`
      : 'The full assessment is embedded in this file (element #redoubt-assessment).';
    section.appendChild(R.el('p', { class: 'muted digest-summary' }, 'Re-render this page without re-running: redoubt report assessment.json -o report.html. ' + embedded));
  };
})(window.Redoubt = window.Redoubt || {});
