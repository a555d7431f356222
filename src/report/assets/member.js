// One section per member: findings by rule and severity with the worst
// offenders, the map, vendor shares per domain, espionage and sabotage
// exposure per sector, the vendor × sector loss matrix, single points of
// failure and resilience; then the compliance timeline of all members.
'use strict';
(function (R) {
  const sevScale = { domain: R.severities, range: R.severities.map((s) => R.severityColor[s]) };

  // A list the digest cut (report/digest.hpp) has `<key>_omitted` beside it:
  // {count, sums of what was left out}. Zero counts when nothing was cut.
  const omittedCount = (holder, key) => {
    const omitted = holder && holder[key + '_omitted'];
    return omitted && R.isNum(omitted.count) ? omitted.count : 0;
  };
  const severityWords = (bySeverity) => R.severities.filter((s) => bySeverity && bySeverity[s] > 0).map((s) => `${bySeverity[s]} ${s}`).join(', ');

  // `basis`: the name of the basis the findings documents are on (as inventoried).
  function renderFindings(parent, entry, basis) {
    const doc = entry.doc;
    const standard = doc.standard || {};
    const heading = R.el('h4', {}, `Against ${standard.title || entry.standard} `, doc.compliant ? R.badge('compliant', 'ok') : R.badge('not compliant', 'not-ok'));
    parent.appendChild(heading);
    const rules = [];
    const findings = [];
    let omitted = 0;
    const omittedBy = {};
    R.list(doc.networks).forEach((n) => {
      R.list(n.rules).forEach((rule) => rules.push(Object.assign({ network: n.id }, rule)));
      R.list(n.findings).forEach((f) => findings.push(f));
      omitted += omittedCount(n, 'findings');
      const by = (n.findings_omitted && n.findings_omitted.by_severity) || {};
      R.severities.forEach((sev) => { omittedBy[sev] = (omittedBy[sev] || 0) + (by[sev] || 0); });
    });
    // Every finding, also those the digest left out of this page.
    const total = findings.length + omitted;
    const hit = rules.filter((r) => r.findings > 0);
    if (hit.length) {
      R.chart(parent, {
        title: 'Findings by rule',
        caption: `${total} finding${total === 1 ? '' : 's'} on ${hit.length} of ${rules.length} rules, coloured by severity; ${basis}.`,
        kind: 'bar',
        spec: {
          width: 'container', height: { step: 22 },
          data: { values: hit.map((r) => ({ rule: r.title || r.id, id: r.id, severity: r.severity, findings: r.findings, effective: r.effective || 'always' })) },
          mark: { type: 'bar', tooltip: true },
          encoding: {
            y: { field: 'rule', type: 'nominal', title: null, sort: '-x', axis: { labelLimit: 460 } },
            x: { field: 'findings', type: 'quantitative', title: 'findings', axis: { tickMinStep: 1 } },
            color: { field: 'severity', type: 'nominal', scale: sevScale, legend: { orient: 'bottom' } },
            tooltip: [{ field: 'id', title: 'rule' }, { field: 'severity' }, { field: 'findings' }, { field: 'effective', title: 'binds from' }],
          },
        },
        table: R.table([
          { label: 'Rule', value: (r) => r.title || r.id },
          { label: 'Severity', render: (r) => R.severityBadge(r.severity) },
          { label: 'Binds from', value: (r) => r.effective || 'always' },
          { label: 'Findings', value: (r) => (r.evaluated === false ? 'not evaluated' : r.findings), num: true },
        ], rules),
      });
    } else {
      parent.appendChild(R.el('p', {}, `No findings on the ${rules.length} rules of this standard.`));
    }
    if (!findings.length) return;
    const rank = (s) => R.severities.indexOf(s);
    const worst = findings.slice().sort((a, b) => rank(a.severity) - rank(b.severity) || R.list(b.elements).length - R.list(a.elements).length).slice(0, 8);
    parent.appendChild(R.table([
      { label: 'Severity', render: (f) => R.severityBadge(f.severity) },
      { label: 'Rule', render: (f) => R.el('code', {}, f.rule) },
      { label: 'What', value: (f) => f.message },
      { label: 'Due', value: (f) => f.due },
      { label: 'Remedy', value: (f) => f.remedy },
    ], worst, 'Worst offenders (most severe first)'));
    if (omitted) {
      parent.appendChild(R.el('p', { class: 'note digest-note' }, `The worst offenders are the most severe of all ${total} findings; this page holds the ${findings.length} most severe of each network's, and the other ${omitted} (${severityWords(omittedBy)}) are in assessment.json.`));
    }
    // Elements named by the most findings, the most severe first: from the
    // digest when it cut the findings (it counts them all), else counted here.
    if (Array.isArray(doc.elements_named)) {
      parent.appendChild(R.table([
        { label: 'Element', render: (e) => R.el('code', {}, e.id) },
        { label: 'Worst', render: (e) => R.severityBadge(e.worst) },
        { label: 'Findings', value: (e) => e.findings, num: true },
        { label: 'Rules', value: (e) => R.list(e.rules).join(', ') },
      ], doc.elements_named.slice(0, 10), 'Elements named by the most findings'));
      return;
    }
    const byElement = new Map();
    findings.forEach((f) => R.list(f.elements).forEach((id) => {
      const e = byElement.get(id) || { id: id, findings: 0, worst: 'info', rules: new Set() };
      e.findings++;
      if (rank(f.severity) < rank(e.worst)) e.worst = f.severity;
      e.rules.add(f.rule);
      byElement.set(id, e);
    }));
    const elements = Array.from(byElement.values()).sort((a, b) => rank(a.worst) - rank(b.worst) || b.findings - a.findings || a.id.localeCompare(b.id)).slice(0, 10);
    parent.appendChild(R.table([
      { label: 'Element', render: (e) => R.el('code', {}, e.id) },
      { label: 'Worst', render: (e) => R.severityBadge(e.worst) },
      { label: 'Findings', value: (e) => e.findings, num: true },
      { label: 'Rules', value: (e) => Array.from(e.rules).join(', ') },
    ], elements, 'Elements named by the most findings'));
  }

  function renderVendors(parent, networks) {
    const values = [];
    networks.forEach((n) => R.list(n.domains).forEach((d) => R.list(d.vendors).forEach((v) => values.push({
      network: n.id, domain: d.domain, vendor: v.vendor, risk: v.risk || 'unknown',
      element_share: v.element_share, site_share: v.site_share, elements: v.elements, sites: v.sites,
    }))));
    if (!values.length) { R.missing(parent, 'Vendor shares'); return; }
    const multi = networks.length > 1;
    R.chart(parent, {
      title: 'Vendor shares per domain',
      caption: 'Share of each domain\'s elements by vendor; colour is the vendor\'s risk. Labels name the vendors.',
      kind: 'bar',
      spec: {
        width: 'container', height: { step: 26 },
        data: { values: values },
        transform: [{ calculate: multi ? "datum.network + ' · ' + datum.domain" : 'datum.domain', as: 'row' }],
        encoding: {
          y: { field: 'row', type: 'nominal', title: null, sort: null },
          x: { field: 'element_share', type: 'quantitative', title: 'share of elements', stack: 'zero', axis: { format: '%' }, scale: { domain: [0, 1] } },
          order: { field: 'element_share', type: 'quantitative', sort: 'descending' },
          tooltip: [{ field: 'network' }, { field: 'domain' }, { field: 'vendor' }, { field: 'risk' }, { field: 'element_share', format: '.1%', title: 'of elements' }, { field: 'site_share', format: '.1%', title: 'of sites' }],
        },
        layer: [
          { mark: { type: 'bar', stroke: '#fff', strokeWidth: 1.5 }, encoding: { color: { field: 'risk', type: 'nominal', title: 'vendor risk', scale: { domain: ['high', 'medium', 'low', 'unknown'], range: ['high', 'medium', 'low', 'unknown'].map((r) => R.riskColor[r]) } } } },
          { mark: { type: 'text', align: 'left', dx: 4, fontSize: 10.5 }, transform: [{ filter: 'datum.element_share >= 0.12' }],
            encoding: { text: { field: 'vendor' }, x: { field: 'element_share', type: 'quantitative', stack: 'zero', bandPosition: 0 }, color: { condition: { test: "datum.risk === 'low'", value: '#fff' }, value: '#1d2327' } } },
        ],
      },
      table: R.table([
        { label: 'Domain', value: (v) => (multi ? `${v.network} · ${v.domain}` : v.domain) },
        { label: 'Vendor', value: (v) => v.vendor },
        { label: 'Risk', value: (v) => v.risk },
        { label: 'Elements', value: (v) => `${v.elements} (${R.fmt.pct(v.element_share)})`, num: true },
        { label: 'Sites', value: (v) => `${v.sites} (${R.fmt.pct(v.site_share)})`, num: true },
      ], values),
    });
  }

  // Per sector and network, the shares the engine computed (exposure@1's
  // by_sector, under the member's own standard's definition of untrusted, on
  // the inventory as it is); nothing is summed here.
  function renderExposure(parent, docs) {
    const rows = [];
    docs.forEach((doc) => R.list(doc.networks).forEach((n) => R.list(n.by_sector).forEach((s) => rows.push(Object.assign({ network: (n.network || {}).id }, s)))));
    if (!rows.length) { R.missing(parent, 'Exposure per sector'); return; }
    const multi = new Set(rows.map((r) => r.network)).size > 1;
    const group = (r) => (multi ? `${r.network} · ${r.sector}` : r.sector);
    const values = [];
    rows.forEach((r) => {
      values.push({ sector: group(r), measure: 'espionage share: traffic crosses untrusted equipment', share: R.isNum(r.espionage) ? r.espionage : 0, services: r.exposed });
      values.push({ sector: group(r), measure: 'sabotage share: lost if it is switched off', share: R.isNum(r.sabotage) ? r.sabotage : 0, services: r.lost_without_untrusted });
    });
    const untrusted = docs.map((d) => d.untrusted).filter(Boolean).join('; ');
    R.chart(parent, {
      title: 'Espionage and sabotage shares per sector',
      caption: `Share of each sector's service weight on the member's networks, as inventoried; untrusted: ${untrusted || 'as its standard says'}.`,
      kind: 'bar',
      spec: {
        width: 'container', height: 190,
        data: { values: values },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x: { field: 'sector', type: 'nominal', sort: multi ? null : R.sectors, title: null, axis: { labelAngle: 0 } },
          xOffset: { field: 'measure' },
          y: { field: 'share', type: 'quantitative', title: 'share of weight', axis: { format: '%' }, scale: { domain: [0, 1] } },
          color: { field: 'measure', type: 'nominal', title: null, scale: { range: ['#0072B2', '#D55E00'] }, legend: { labelLimit: 400 } },
          tooltip: [{ field: 'sector' }, { field: 'measure' }, { field: 'share', format: '.1%' }, { field: 'services' }],
        },
      },
      table: R.table([
        { label: 'Sector', value: (r) => group(r) },
        { label: 'Services', value: (r) => r.services, num: true },
        { label: 'Espionage share', value: (r) => `${R.fmt.pct(r.espionage, 1)} (${R.fmt.int(r.exposed_weight)} of ${R.fmt.int(r.weight)})`, num: true },
        { label: 'Sabotage share', value: (r) => `${R.fmt.pct(r.sabotage, 1)} (${R.fmt.int(r.lost_without_untrusted_weight)} of ${R.fmt.int(r.weight)})`, num: true },
      ], rows),
    });
  }

  function renderLossMatrix(parent, docs) {
    const values = [];
    docs.forEach((doc) => R.list(doc.networks).forEach((n) => {
      const weights = {};
      R.list(n.by_sector).forEach((s) => { weights[s.sector] = s.weight; });
      R.list(n.by_vendor).forEach((v) => Object.keys(weights).forEach((sector) => {
        const lost = (v.lost_by_sector || {})[sector] || { services: 0, weight: 0 };
        values.push({ vendor: v.vendor + (v.untrusted ? ' (untrusted)' : ''), sector: sector, services: lost.services, weight: lost.weight, share: weights[sector] ? lost.weight / weights[sector] : 0 });
      }));
    }));
    if (!values.length) { R.missing(parent, 'The vendor × sector loss matrix'); return; }
    R.chart(parent, {
      title: 'What each vendor\'s loss would take down',
      caption: 'Share of each sector\'s weight lost if all of one vendor\'s equipment failed (kill-switch or sabotage); the number is services lost.',
      kind: 'heatmap',
      spec: {
        width: 'container', height: { step: 28 },
        data: { values: values },
        encoding: {
          x: { field: 'sector', type: 'nominal', sort: R.sectors, title: null, axis: { orient: 'top', labelAngle: 0 } },
          y: { field: 'vendor', type: 'nominal', title: null },
          tooltip: [{ field: 'vendor' }, { field: 'sector' }, { field: 'services', title: 'services lost' }, { field: 'weight', title: 'weight lost', format: ',.0f' }, { field: 'share', format: '.0%' }],
        },
        layer: [
          { mark: { type: 'rect', stroke: '#fff', strokeWidth: 1.5 }, encoding: { color: { condition: { test: 'datum.services === 0', value: '#f1f3f5' }, field: 'share', type: 'quantitative', title: 'weight lost', scale: { scheme: 'orangered', domain: [0, 1] }, legend: { format: '%' } } } },
          { mark: { type: 'text', fontSize: 11 }, transform: [{ filter: 'datum.services > 0' }], encoding: { text: { field: 'services' }, color: { condition: { test: 'datum.share > 0.5', value: '#fff' }, value: '#1d2327' } } },
        ],
      },
      table: R.table([{ label: 'Vendor', value: (v) => v.vendor }, { label: 'Sector', value: (v) => v.sector }, { label: 'Services lost', value: (v) => v.services, num: true }, { label: 'Weight lost', value: (v) => R.fmt.int(v.weight), num: true }],
        values.filter((v) => v.services > 0)),
    });
  }

  function renderSinglePoints(parent, docs) {
    const elements = [];
    const sites = [];
    docs.forEach((doc) => R.list(doc.networks).forEach((n) => {
      const sp = n.single_points || {};
      R.list(sp.elements).forEach((e) => elements.push(e));
      R.list(sp.sites).forEach((s) => sites.push(s));
    }));
    if (!elements.length && !sites.length) { parent.appendChild(R.el('p', {}, 'No single point of failure between a service and the core.')); return; }
    const top = elements.slice().sort((a, b) => b.weight - a.weight || b.services - a.services).slice(0, 12);
    let omittedPoints = 0;
    docs.forEach((doc) => R.list(doc.networks).forEach((n) => { omittedPoints += omittedCount(n.single_points, 'elements'); }));
    R.chart(parent, {
      title: 'Single points of failure',
      caption: 'Elements whose loss alone cuts services from the core, by the weight they would take down.',
      kind: 'bar',
      spec: {
        width: 'container', height: { step: 20 },
        data: { values: top },
        mark: { type: 'bar', color: '#CC79A7', tooltip: true },
        encoding: {
          y: { field: 'id', type: 'nominal', sort: '-x', title: null },
          x: { field: 'weight', type: 'quantitative', title: 'service weight cut off' },
          tooltip: [{ field: 'id', title: 'element' }, { field: 'services' }, { field: 'weight', format: ',.0f' }],
        },
      },
      table: R.table([{ label: 'Element', value: (e) => e.id }, { label: 'Services', value: (e) => e.services, num: true }, { label: 'Weight', value: (e) => R.fmt.int(e.weight), num: true }], top),
    });
    if (omittedPoints) {
      parent.appendChild(R.el('p', { class: 'note digest-note' }, `The heaviest of ${elements.length + omittedPoints} single points of failure; this page holds the ${elements.length} heaviest of each network's, and the other ${omittedPoints} are in assessment.json.`));
    }
    if (sites.length) {
      parent.appendChild(R.table([{ label: 'Site', render: (s) => R.el('code', {}, s.id) }, { label: 'Services', value: (s) => s.services, num: true }, { label: 'Weight', value: (s) => R.fmt.int(s.weight), num: true }],
        sites.slice().sort((a, b) => b.weight - a.weight).slice(0, 8), 'Sites whose loss alone cuts services'));
      let omittedSites = 0;
      docs.forEach((doc) => R.list(doc.networks).forEach((n) => { omittedSites += omittedCount(n.single_points, 'sites'); }));
      if (omittedSites) {
        parent.appendChild(R.el('p', { class: 'note digest-note' }, `The heaviest of ${sites.length + omittedSites} sites whose loss alone cuts services; this page holds the ${sites.length} heaviest of each network's, and the other ${omittedSites} are in assessment.json.`));
      }
    }
  }

  // The most exposed services (espionage, then sabotage, then weight: the
  // digest's order), with the full counts: the rows on this page plus those
  // the digest left out.
  function renderServices(parent, docs) {
    const rows = [];
    const all = { count: 0, weight: 0, exposed: 0, exposed_weight: 0, lost: 0 };
    const left = { count: 0, weight: 0, exposed_weight: 0 };
    const lost = (s) => s.up === true && s.survives_untrusted_loss === false;
    docs.forEach((doc) => R.list(doc.networks).forEach((n) => {
      R.list(n.services).forEach((s) => {
        rows.push(Object.assign({ network: (n.network || {}).id }, s));
        all.count++; all.weight += s.weight || 0;
        if (s.exposed) { all.exposed++; all.exposed_weight += s.weight || 0; }
        if (lost(s)) all.lost++;
      });
      const o = n.services_omitted;
      if (o) {
        ['count', 'weight', 'exposed', 'exposed_weight', 'lost'].forEach((k) => { all[k] += o[k] || 0; });
        ['count', 'weight', 'exposed_weight'].forEach((k) => { left[k] += o[k] || 0; });
      }
    }));
    const shown = rows.filter((s) => s.exposed || lost(s))
      .sort((a, b) => (b.exposed === true) - (a.exposed === true) || lost(b) - lost(a) || (b.weight || 0) - (a.weight || 0)).slice(0, 12);
    if (!shown.length) return;
    parent.appendChild(R.table([
      { label: 'Service', render: (s) => R.el('code', {}, s.id) },
      { label: 'Sector', value: (s) => s.sector },
      { label: 'Network', value: (s) => s.network },
      { label: 'Weight', value: (s) => R.fmt.int(s.weight), num: true },
      { label: 'Crosses untrusted', value: (s) => (s.exposed ? 'yes' : 'no') },
      { label: 'Lost if switched off', value: (s) => (lost(s) ? 'yes' : 'no') },
    ], shown, `The most exposed services (${all.exposed} of ${all.count} cross untrusted equipment, ${all.lost} would go down with it)`));
    if (left.count) {
      const share = (part, whole) => R.fmt.pct(whole > 0 ? part / whole : 0, 1);
      parent.appendChild(R.el('p', { class: 'note digest-note' }, `The ${rows.length} most exposed services of ${all.count} are on this page; the other ${left.count} ${left.count === 1 ? 'carries' : 'carry'} ${share(left.weight, all.weight)} of the weight (${share(left.exposed_weight, all.exposed_weight)} of the exposed weight) — all of them are in assessment.json.`));
    }
  }

  R.renderMember = function (main, assessment, member, world) {
    const id = 'member-' + R.slug(member.code);
    const section = R.section(main, id, R.memberLabel(member), 2, 'member');
    const networks = R.inventoryNetworks(assessment, member);
    const has = (list) => R.forMember(list, member.code).length > 0;
    const sites = R.memberSites(assessment, member);
    if (!networks.length && !has(assessment.findings) && !has(assessment.exposure) && !has(assessment.resilience) && !(sites && sites.length) && !R.memberCells(assessment, member)) {
      R.missing(section, `${member.code} appears in the alliance view only; its inventories, findings, exposure and resilience`);
      return;
    }
    if (networks.length) {
      section.appendChild(R.el('p', { class: 'muted' }, networks.map((n) => `${n.id}${n.name ? ' (' + n.name + ')' : ''}: ${(n.counts || {}).elements || 0} elements, ${(n.counts || {}).sites || 0} sites, ${(n.counts || {}).services || 0} services`).join(' · ')));
    }

    const compliance = R.section(section, id + '-compliance', 'Compliance', 3);
    const entries = R.findingCounts(assessment, member.code).filter((e) => e.doc);
    if (!entries.length) R.missing(compliance, 'Findings');
    const figures = R.figuresView(assessment);
    const basis = figures ? figures.basisName('as_inventoried') : 'as inventoried';
    entries.forEach((entry) => R.guard(compliance, 'The findings', () => renderFindings(compliance, entry, basis)));

    const where = R.section(section, id + '-map', 'Where', 3);
    R.guard(where, 'The map', () => R.renderMap(where, assessment, member, world));

    const supply = R.section(section, id + '-vendors', 'Suppliers', 3);
    R.guard(supply, 'The vendor shares', () => renderVendors(supply, networks));

    const exposure = R.section(section, id + '-exposure', 'Exposure of services', 3);
    const docs = R.forMember(assessment.exposure, member.code).map((e) => R.doc(e, 'redoubt/exposure@1')).filter(Boolean);
    if (!docs.length) {
      R.missing(exposure, 'Exposure');
    } else {
      R.guard(exposure, 'The exposure per sector', () => renderExposure(exposure, docs));
      R.guard(exposure, 'The loss matrix', () => renderLossMatrix(exposure, docs));
      R.guard(exposure, 'The single points of failure', () => renderSinglePoints(exposure, docs));
      R.guard(exposure, 'The most exposed services', () => renderServices(exposure, docs));
    }

    const resilience = R.section(section, id + '-resilience', 'Resilience', 3);
    R.guard(resilience, 'The resilience', () => R.renderResilience(resilience, assessment, member));

    const planned = R.section(section, id + '-plan', 'Rip-and-replace plan', 3);
    R.guard(planned, 'The plan', () => R.renderPlan(planned, assessment, member));
  };

  // The compliance timeline: findings in force as each rule's date passes,
  // from the assessment date on, and the deadlines that had already passed
  // by then (they bind from the first step), so none is hidden.
  R.renderTimeline = function (main, assessment) {
    const section = R.section(main, 'timeline', 'Compliance timeline');
    const values = [];
    const starts = [];
    const passed = [];
    const asOfDate = assessment.as_of || null;
    R.list(assessment.timeline).forEach((entry) => {
      const doc = R.doc(entry, 'redoubt/timeline@1');
      if (!doc) return;
      const titles = {};
      R.list(doc.rules).forEach((r) => { titles[r.id] = r.title || r.id; });
      const label = R.list(assessment.members).length > 1 || R.list(doc.networks).length > 1;
      R.list(doc.networks).forEach((n) => {
        const series = label ? `${entry.member} · ${n.id}` : n.id;
        R.list(n.steps).forEach((step) => {
          // Findings newly due: those listed plus those the digest left out.
          const due = R.list(step.due).length + omittedCount(step, 'due');
          values.push({ series: series, date: step.date, in_force: step.in_force, due: due, starts: R.list(step.starts).map((id) => titles[id] || id).join('; ') || '—' });
          starts.push({ series: series, date: step.date, starts: R.list(step.starts), due: due, ends: R.list(step.ends), in_force: step.in_force });
        });
      });
      // ISO dates compare as strings.
      R.list(doc.rules).forEach((r) => {
        if (!r.effective || !asOfDate || r.effective >= asOfDate) return;
        const known = passed.find((p) => p.date === r.effective && p.rule === r.id);
        if (known) { if (!known.members.includes(entry.member)) known.members.push(entry.member); return; }
        passed.push({ date: r.effective, rule: r.id, title: r.title || r.id, severity: r.severity || '', members: [entry.member] });
      });
    });
    if (!values.length) { R.missing(section, 'The compliance timeline'); return; }
    passed.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.rule < b.rule ? -1 : 1));
    passed.forEach((p) => { p.who = p.members.join(', '); });
    section.appendChild(R.el('p', { class: 'lede' }, 'How many findings bind as each rule\'s deadline passes, on the inventory as it stands. A step up is a deadline the network is not ready for. Deadlines that passed before the assessment date are marked along the bottom of the chart (open triangles): they bind from its first point.'));
    const asOf = asOfDate ? [{ date: asOfDate, label: 'assessed ' + asOfDate }] : [];
    R.chart(section, {
      title: 'Findings in force over time',
      caption: 'Each point is a date when a rule starts or ends; hover for the rules.',
      kind: 'line',
      spec: {
        width: 'container', height: 220,
        layer: [
          { data: { values: values }, mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2.5, point: { size: 60, filled: true } },
            encoding: {
              x: { field: 'date', type: 'temporal', title: 'year', axis: { format: '%Y', tickCount: { interval: 'year', step: 1 }, grid: true } },
              y: { field: 'in_force', type: 'quantitative', title: 'findings in force', axis: { tickMinStep: 1 } },
              color: { field: 'series', type: 'nominal', title: null },
              tooltip: [{ field: 'date', type: 'temporal' }, { field: 'in_force', title: 'in force' }, { field: 'due', title: 'newly due' }, { field: 'starts', title: 'rules starting' }],
            } },
          { data: { values: passed }, mark: { type: 'point', shape: 'triangle-up', size: 70, color: '#5b6770', filled: false, strokeWidth: 1.5 },
            encoding: {
              x: { field: 'date', type: 'temporal' }, y: { value: 212 },
              tooltip: [{ field: 'date', type: 'temporal', title: 'deadline (before the assessment)' }, { field: 'title', title: 'rule' }, { field: 'severity' }, { field: 'who', title: 'members' }],
            } },
          { data: { values: asOf }, mark: { type: 'rule', strokeDash: [4, 3], color: '#5b6770' }, encoding: { x: { field: 'date', type: 'temporal' } } },
          { data: { values: asOf }, mark: { type: 'text', align: 'left', dx: 4, dy: -4, baseline: 'bottom', color: '#5b6770', fontSize: 11 }, encoding: { x: { field: 'date', type: 'temporal' }, y: { value: 0 }, text: { field: 'label' } } },
        ],
      },
      table: R.table([
        { label: 'Date', value: (s) => s.date },
        { label: 'Network', value: (s) => s.series },
        { label: 'Rules starting', value: (s) => s.starts.join(', ') },
        { label: 'Findings newly due', value: (s) => s.due, num: true },
        { label: 'In force', value: (s) => s.in_force, num: true },
      ], starts),
    });
    if (passed.length) {
      section.appendChild(R.table([
        { label: 'Deadline', value: (p) => p.date },
        { label: 'Rule', value: (p) => `${p.rule}: ${p.title}` },
        { label: 'Severity', value: (p) => p.severity },
        { label: 'Members', value: (p) => p.who },
      ], passed, `Deadlines before the assessment date (${asOfDate}), marked by open triangles: binding from the first point`));
    }
  };
})(window.Redoubt = window.Redoubt || {});
