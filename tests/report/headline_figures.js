// Every headline number of a rendered report equals the figure in the
// assessment it was rendered from: the data embedded in the page is the
// assessment (or its digest, with every part but the cut lists the
// assessment's), the scorecard (one row per member and basis), the summary's
// cards and the postures table print the `figures` part of assessment.json,
// and every caption uses the engine's names and definitions verbatim.
//
//   const { checkHeadlineFigures } = require('./headline_figures');
//   await checkHeadlineFigures(page, assessment, check, 'full');
//
// `check(condition, message)` records a failure; the page must have rendered.
'use strict';

const kSeverities = ['critical', 'high', 'medium', 'low', 'info'];

// As the report formats a share (R.fmt.pct(x, 1)); null is "—".
const pct = (x) => (typeof x === 'number' && isFinite(x) ? (100 * x).toFixed(1) + '%' : '—');
// As the report's findings badges read: "3 critical 38 high", or "compliant".
const badges = (counts) => {
  const parts = kSeverities.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return parts.length ? parts.join(' ') : 'compliant';
};

async function readTable(page, selector) {
  return page.$$eval(selector, (tables) => tables.map((table) => ({
    caption: table.caption ? table.caption.textContent : '',
    headers: Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent.trim()),
    rows: Array.from(table.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map((cell) => cell.textContent.trim())),
  }))[0] || null);
}

async function checkHeadlineFigures(page, assessment, check, name) {
  const embedded = await page.evaluate(() => JSON.parse(document.getElementById('redoubt-assessment').textContent));
  if (!embedded.digest) {
    check(JSON.stringify(embedded) === JSON.stringify(assessment), `${name}: the embedded data is not assessment.json`);
  } else {
    // A digest (report/digest.hpp) cuts lists of exposure, findings, timeline,
    // the alliance members' references to findings and the sites; every
    // other part, the figures above all, is assessment.json's.
    const cutParts = ['exposure', 'findings', 'timeline', 'alliance', 'sites', 'digest'];
    Object.keys(assessment).forEach((key) => {
      if (!cutParts.includes(key)) check(JSON.stringify(embedded[key]) === JSON.stringify(assessment[key]), `${name}: the digest's ${key} is not assessment.json's`);
    });
    const withoutRefs = (alliance) => JSON.stringify(Object.assign({}, alliance, { members: (alliance.members || []).map((m) => Object.assign({}, m, { compliance: Object.assign({}, m.compliance, { findings: null }) })) }));
    if (assessment.alliance) check(withoutRefs(embedded.alliance) === withoutRefs(assessment.alliance), `${name}: the digest's alliance view differs from assessment.json's beyond its references to findings`);
    check(Array.isArray(embedded.digest.cuts) && embedded.digest.cuts.length + embedded.digest.maps.length > 0, `${name}: a digest that cut nothing`);
  }
  const figures = assessment.figures;
  if (!check(figures && Array.isArray(figures.members), `${name}: the assessment has no figures part`)) return;
  const define = {};
  ['figures', 'scopes', 'service_sets', 'bases'].forEach((kind) => figures.definitions[kind].forEach((d) => { define[d.key] = d; }));
  const label = (figure, set) => `${define[figure].name}, ${define[set].name}`;
  const members = assessment.members.filter((m) => figures.members.some((f) => f.code === m.code));
  // The bases the assessment holds (one, from postures), and the members with figures on each.
  const bases = figures.definitions.bases.map((b) => b.key);
  const on = (basis) => figures.members.filter((f) => f[basis]);
  const memberLabel = (m) => (m.name && m.name !== m.code ? `${m.code} — ${m.name}` : m.code);

  // Every definition, verbatim.
  const definitions = await page.$$eval('dl.definitions dt, dl.definitions dd', (nodes) => nodes.map((n) => n.firstChild ? n.firstChild.textContent : ''));
  Object.values(define).forEach((d) => {
    check(definitions.includes(d.name) && definitions.includes(d.definition), `${name}: the definition of "${d.name}" is not shown verbatim`);
  });

  // The scorecard: one row per member and basis, each number the figure's.
  const scorecard = await readTable(page, 'table.scorecard');
  if (check(scorecard, `${name}: no scorecard`)) {
    const column = (header) => scorecard.headers.indexOf(header);
    const columns = {
      basis: column('Basis'), own: column('Own standard'), baseline: column('Alliance baseline'),
      espionage: column(label('espionage', 'critical')), sabotage: column(label('sabotage', 'critical')),
      kill: column(label('kill_switch_loss', 'all')),
    };
    Object.entries(columns).forEach(([key, index]) => check(index >= 0, `${name}: the scorecard has no column for ${key} (${scorecard.headers.join(' | ')})`));
    const expected = members.reduce((n, m) => n + Math.max(1, bases.filter((b) => figures.members.find((f) => f.code === m.code)[b]).length), 0);
    check(scorecard.rows.length === expected, `${name}: ${scorecard.rows.length} scorecard rows, expected ${expected} (${members.length} members on ${bases.join(', ')})`);
    members.forEach((member) => {
      const figure = figures.members.find((f) => f.code === member.code);
      if (!bases.some((b) => figure[b])) {
        const row = scorecard.rows.find((r) => r[0] === memberLabel(member));
        check(row && row[columns.basis] === 'no figures' && row[columns.own] === 'not assessed', `${name}: scorecard ${member.code} without figures reads ${JSON.stringify(row)}`);
      }
      bases.filter((b) => figure[b]).forEach((basis) => {
        const row = scorecard.rows.find((r) => r[0] === memberLabel(member) && r[columns.basis] === define[basis].name);
        const where = `${name}: scorecard ${member.code} ${basis}`;
        if (!check(row, `${where}: no row`)) return;
        const on = figure[basis];
        check(row[columns.own] === badges(on.findings.standard), `${where}: own standard "${row[columns.own]}", figures say "${badges(on.findings.standard)}"`);
        check(row[columns.baseline] === badges(on.findings.baseline), `${where}: baseline "${row[columns.baseline]}", figures say "${badges(on.findings.baseline)}"`);
        check(row[columns.espionage] === pct(on.critical.espionage), `${where}: espionage ${row[columns.espionage]}, figures say ${pct(on.critical.espionage)}`);
        check(row[columns.sabotage] === pct(on.critical.sabotage), `${where}: sabotage ${row[columns.sabotage]}, figures say ${pct(on.critical.sabotage)}`);
        check(row[columns.kill] === pct(on.all.kill_switch_loss), `${where}: kill-switch ${row[columns.kill]}, figures say ${pct(on.all.kill_switch_loss)}`);
      });
    });
  }

  // The cards of the first screen (as inventoried, or on the one basis held).
  const cards = await page.$$eval('.figure-card', (nodes) => nodes.map((n) => ({ value: n.querySelector('.value').textContent, label: n.querySelector('.label').textContent })));
  const card = (start) => cards.find((c) => c.label.startsWith(start));
  const first = bases.includes('as_inventoried') ? 'as_inventoried' : 'deadlines_met';
  const inventoried = on(first).map((f) => f[first]);
  const critical = card(`critical findings against national standards, ${define[first].name}`);
  if (check(critical, `${name}: no card of critical findings`)) {
    const sum = inventoried.reduce((total, on) => total + (on.findings.standard.critical || 0), 0);
    check(critical.value === String(sum), `${name}: the card says ${critical.value} critical findings, figures say ${sum}`);
  }
  const within = card(`members within their own standard, ${define[first].name}`);
  if (check(within, `${name}: no card of members within their own standard`)) {
    const compliant = inventoried.filter((on) => kSeverities.every((s) => !on.findings.standard[s])).length;
    check(within.value === `${compliant} of ${inventoried.length}`, `${name}: the card says ${within.value} within their standard, figures say ${compliant} of ${inventoried.length}`);
  }
  const exposed = card(label('espionage', 'critical'));
  const shares = inventoried.map((on) => on.critical.espionage).filter((x) => typeof x === 'number');
  if (shares.length && check(exposed, `${name}: no card of the highest espionage share`)) {
    check(exposed.value === pct(Math.max.apply(null, shares)), `${name}: the espionage card says ${exposed.value}, figures say ${pct(Math.max.apply(null, shares))}`);
  }

  // The postures table: the alliance view, which is the basis with deadlines met.
  const postures = await readTable(page, 'table.postures');
  const allied = assessment.alliance && Array.isArray(assessment.alliance.members) ? assessment.alliance.members : [];
  if (allied.length && check(postures, `${name}: no postures table`)) {
    check(postures.caption.includes(define.deadlines_met.name), `${name}: the postures table does not say its basis ("${postures.caption}")`);
    const column = (header) => postures.headers.indexOf(header);
    const cols = {
      services: column('Critical services'),
      espionage: column(label('espionage', 'critical')), sabotage: column(label('sabotage', 'critical')),
      allEspionage: column(label('espionage', 'all')), allSabotage: column(label('sabotage', 'all')),
      kill: column(label('kill_switch_loss', 'all')),
    };
    Object.entries(cols).forEach(([key, index]) => check(index >= 0, `${name}: the postures table has no column for ${key}`));
    allied.forEach((m) => {
      const figure = figures.members.find((f) => f.code === m.code);
      const row = postures.rows.find((r) => r[0] === memberLabel(m));
      const where = `${name}: postures ${m.code}`;
      if (!check(figure && row, `${where}: no row or no figures`)) return;
      const met = figure.deadlines_met;
      if (!met) {  // a member without a valid posture
        check(row[cols.espionage] === '—' && row[cols.kill] === '—', `${where}: shows figures it does not have (${row.join(' | ')})`);
        return;
      }
      check(row[cols.services] === String(met.critical.services), `${where}: ${row[cols.services]} critical services, figures say ${met.critical.services}`);
      check(row[cols.espionage] === pct(met.critical.espionage), `${where}: espionage ${row[cols.espionage]}, figures say ${pct(met.critical.espionage)}`);
      check(row[cols.sabotage] === pct(met.critical.sabotage), `${where}: sabotage ${row[cols.sabotage]}, figures say ${pct(met.critical.sabotage)}`);
      check(row[cols.allEspionage] === pct(met.all.espionage), `${where}: espionage (all) ${row[cols.allEspionage]}, figures say ${pct(met.all.espionage)}`);
      check(row[cols.allSabotage] === pct(met.all.sabotage), `${where}: sabotage (all) ${row[cols.allSabotage]}, figures say ${pct(met.all.sabotage)}`);
      check(row[cols.kill] === pct(met.all.kill_switch_loss), `${where}: kill-switch ${row[cols.kill]}, figures say ${pct(met.all.kill_switch_loss)}`);
      // And the alliance document says the same.
      check(pct(m.posture.espionage) === pct(met.critical.espionage) && pct(m.posture.sabotage) === pct(met.critical.sabotage),
        `${where}: the alliance document's posture differs from the figures`);
    });
  }
}

module.exports = { checkHeadlineFigures };
