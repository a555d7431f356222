// The first screen (a summary for a decision-maker) and the last section (the
// inputs, seed and version, so that anyone can reproduce the report).
'use strict';
(function (R) {
  const levelRank = (levels, level) => (level ? levels.indexOf(level) : -1);

  // What the summary needs of one member, from whichever documents exist.
  R.memberFacts = function (assessment, member) {
    const alliance = R.allianceView(assessment);
    const baselineId = (assessment.inputs && assessment.inputs.baseline) || (alliance && alliance.baseline) || null;
    const counts = R.findingCounts(assessment, member.code);
    const allied = alliance ? alliance.members.find((m) => m.code === member.code) || null : null;
    // A member whose own standard is the baseline (a host nation) has one
    // findings document: it counts for both.
    const standardId = allied && allied.standard;
    const base = counts.find((c) => baselineId && c.standard === baselineId) || null;
    const own = (standardId && counts.find((c) => c.standard === standardId)) || counts.find((c) => c.standard !== baselineId) || null;
    const facts = { member: member, own: own, ownCounts: own ? own.counts : allied && allied.own, baselineCounts: base ? base.counts : allied && allied.baseline };
    const totals = R.exposureTotals(assessment, member.code);
    facts.espionage = totals && totals.weight > 0 ? totals.exposed_weight / totals.weight : allied ? allied.espionage : null;
    facts.sabotage = totals && totals.weight > 0 ? totals.lost_weight / totals.weight : allied ? allied.sabotage : null;
    facts.exposure = totals;
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
    facts.resilienceLoss = allied ? allied.resilienceLoss : null;
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
    return R.el('span', { class: share > badAbove ? 'badge not-ok' : share > 0 ? 'badge sev-info' : 'badge ok' }, R.fmt.pct(share));
  };

  function headline(f) {
    const code = f.member.code;
    const parts = [];
    const own = f.ownCounts;
    if (own) {
      const worst = R.worstSeverity(own);
      parts.push(worst ? `breaks its own standard (${R.severities.filter((s) => own[s]).map((s) => own[s] + ' ' + s).join(', ')})` : 'meets its own standard');
    }
    if (f.baselineCounts) {
      const worst = R.worstSeverity(f.baselineCounts);
      parts.push(worst ? `${f.baselineCounts.critical || 0} critical against the alliance baseline` : 'meets the alliance baseline');
    }
    if (R.isNum(f.espionage)) parts.push(`${R.fmt.pct(f.espionage)} of critical-service weight crosses untrusted equipment`);
    if (R.isNum(f.sabotage)) parts.push(`${R.fmt.pct(f.sabotage)} goes dark if that equipment is switched off`);
    if (f.worst) parts.push(`worst scenario "${f.worst.scenario}"${R.isNum(f.worst.loss) ? ' costs ' + R.fmt.num(f.worst.loss, 1) + ' hours of full service and' : ''} drops it to ${R.fmt.pct(f.worst.min)}${R.isNum(f.worst.t95) ? ', back to 95% after ' + (f.worst.t95Censored ? 'at least ' : '') + R.fmt.hours(f.worst.t95) : ''}`);
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
    section.appendChild(R.el('p', { class: 'lede' },
      `${members.length} member${members.length === 1 ? '' : 's'} assessed as of ${assessment.as_of || 'an unstated date'}: ` +
      'compliance with minimum standards for high-risk suppliers, exposure of critical services, ' +
      `resilience under ${scenarios.length || 'no'} simulated scenario${scenarios.length === 1 ? '' : 's'}, and what the allies can still share.`));

    const figures = R.el('div', { class: 'figures' });
    const assessed = facts.filter((f) => f.ownCounts);
    const compliant = assessed.filter((f) => !R.worstSeverity(f.ownCounts));
    figures.appendChild(card(`${compliant.length} of ${assessed.length}`, 'members within their own standard', compliant.length === assessed.length ? 'good' : 'bad'));
    const critical = facts.reduce((sum, f) => sum + ((f.ownCounts && f.ownCounts.critical) || 0), 0);
    figures.appendChild(card(String(critical), 'critical findings against national standards', critical ? 'bad' : 'good'));
    const exposed = facts.filter((f) => R.isNum(f.espionage)).sort((a, b) => b.espionage - a.espionage)[0];
    if (exposed) figures.appendChild(card(R.fmt.pct(exposed.espionage), `of ${exposed.member.code}'s critical-service weight crosses untrusted equipment (highest)`, exposed.espionage > 0.5 ? 'bad' : exposed.espionage > 0 ? 'warn' : 'good'));
    const alliance = R.allianceView(assessment);
    if (alliance && alliance.levels.length) {
      const top = alliance.levels[alliance.levels.length - 1];
      const pairs = alliance.sharing.cells.filter((c) => c.provider !== c.recipient);
      const held = pairs.filter((c) => c.level !== top);
      figures.appendChild(card(`${held.length} of ${pairs.length}`, `ally pairs sharing below ${top}`, held.length ? 'warn' : 'good'));
    }
    const lossOf = (f) => (R.isNum(f.worst.loss) ? f.worst.loss : -1);
    const worst = facts.filter((f) => f.worst).sort((a, b) => lossOf(b) - lossOf(a) || a.worst.min - b.worst.min)[0];
    if (worst && R.isNum(worst.worst.loss)) figures.appendChild(card(`${R.fmt.num(worst.worst.loss, 1)} h`, `of full service lost in the worst scenario (${worst.member.code}, ${worst.worst.scenario}; lowest level ${R.fmt.pct(worst.worst.min)})`, worst.worst.loss >= 24 ? 'bad' : 'warn'));
    else if (worst) figures.appendChild(card(R.fmt.pct(worst.worst.min), `lowest mean service level (${worst.member.code}, ${worst.worst.scenario})`, worst.worst.min < 0.7 ? 'bad' : 'warn'));
    section.appendChild(figures);

    const columns = [
      { label: 'Member', value: (f) => R.memberLabel(f.member) },
      { label: 'Own standard', render: (f) => compliantBadge(f.ownCounts) },
      { label: 'Alliance baseline', render: (f) => compliantBadge(f.baselineCounts) },
      { label: 'Espionage exposure', render: (f) => shareCell(f.espionage, 0.25), num: true },
      { label: 'Sabotage exposure', render: (f) => shareCell(f.sabotage, 0.05), num: true },
      { label: 'Worst scenario', render: (f) => (f.worst ? R.el('span', {}, f.worst.scenario, R.el('br', {}), R.el('small', { class: 'muted' }, `${R.isNum(f.worst.loss) ? R.fmt.num(f.worst.loss, 1) + ' h lost, ' : ''}lowest ${R.fmt.pct(f.worst.min)}`)) : R.isNum(f.resilienceLoss) ? `resilience loss ${R.fmt.pct(f.resilienceLoss, 1)} (kill switch)` : null) },
      { label: 'Shared with it (lowest)', render: (f) => (f.receives ? R.badge(f.receives.lowest, f.receives.lowest === f.receives.top ? 'ok' : 'not-ok') : null) },
    ];
    const scorecard = R.table(columns, facts, 'Scorecard');
    scorecard.classList.add('scorecard');
    section.appendChild(scorecard);
    section.appendChild(R.el('p', { class: 'note' }, 'Espionage: share of critical-service weight whose traffic crosses untrusted equipment. Sabotage: share lost if that equipment is switched off. Worst scenario: the one that loses the most hours of full service (the area above the curve of the whole network, averaged over the trials). Shared with it: the lowest level any ally still shares with the member.'));
    section.appendChild(R.el('h3', { id: 'summary-words' }, 'In a sentence each'));
    section.appendChild(R.el('ul', { class: 'headlines' }, facts.map(headline)));
  };

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
    section.appendChild(R.el('p', { class: 'muted' }, 'Re-render this page without re-running: redoubt report assessment.json -o report.html. The full assessment is embedded in this file (element #redoubt-assessment).'));
  };
})(window.Redoubt = window.Redoubt || {});
