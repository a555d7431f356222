// The HTML report in a real browser: renders the fixture assessment with the
// built binary, opens it in headless Chromium (playwright-core driving
// /usr/bin/chromium) with every network request blocked, and checks that
// nothing failed, nothing was fetched, every chart drew and the map has
// countries and sites, and that every headline number is the figure of the
// assessment (headline_figures.js). Saves a full-page screenshot.
//
//   node tests/report/browser_test.js REDOUBT_BINARY SOURCE_DIR BUILD_DIR
//   node tests/report/browser_test.js REDOUBT_BINARY SOURCE_DIR BUILD_DIR --assess DATE
//
// With --assess, it runs `redoubt assess` on the bundled allies on DATE
// (a few trials of the kill-switch, and the sharing timeline 2019-2030) and
// checks that report instead, its "Sharing over time" small multiples
// included; it saves a screenshot of that section as well (and to
// $REDOUBT_SCREENSHOT_TIMELINE when set, for the README).
//
// Exit 0: pass; 1: fail; 77: skipped (no Chromium or no node_modules; run scripts/setup).
'use strict';
const childProcess = require('child_process');
const fs = require('fs');
const path = require('path');
const url = require('url');

const kSkip = 77;
const kChromium = process.env.REDOUBT_CHROMIUM || '/usr/bin/chromium';
const [binary, sourceDir, buildDir, mode, assessDate] = process.argv.slice(2);
if (!binary || !sourceDir || !buildDir) {
  console.error('usage: browser_test.js REDOUBT_BINARY SOURCE_DIR BUILD_DIR');
  process.exit(2);
}

function skip(why) {
  console.log(`SKIP: ${why} — run scripts/setup to install it`);
  process.exit(kSkip);
}
if (!fs.existsSync(kChromium)) skip(`${kChromium} is missing`);
const { checkHeadlineFigures } = require('./headline_figures');
let chromium;
try {
  ({ chromium } = require(path.join(sourceDir, 'node_modules', 'playwright-core')));
} catch (error) {
  skip('node_modules/playwright-core is missing');
}

const failures = [];
function check(condition, message) {
  if (!condition) failures.push(message);
  return condition;
}

function render(input, output, extra) {
  childProcess.execFileSync(binary, ['report', input, '-o', output].concat(extra || []), { stdio: 'inherit' });
  return fs.readFileSync(output, 'utf8');
}

// Nothing the browser would fetch: no external src/href, no CSS url()/@import of a remote file.
function checkStatic(name, html) {
  const fetching = /<(script|link|img|iframe|source|video|audio|embed|object)\b[^>]*\b(src|href|data)\s*=\s*["']?(https?:)?\/\//gi;
  check(!fetching.test(html), `${name}: an element loads a remote resource`);
  check(!/<script\b[^>]*\bsrc\s*=/i.test(html), `${name}: a <script src> (everything must be inlined)`);
  check(!/<link\b[^>]*rel\s*=\s*["']?stylesheet/i.test(html), `${name}: a <link rel=stylesheet> (styles must be inlined)`);
  check(!/url\(\s*["']?(https?:)?\/\//i.test(html.replace(/<script[\s\S]*?<\/script>/gi, '')), `${name}: a CSS url() of a remote file`);
  check(!/@import/i.test(html.replace(/<script[\s\S]*?<\/script>/gi, '')), `${name}: a CSS @import`);
  check(/<html lang="[a-z]{2}/.test(html), `${name}: <html> has no lang attribute`);
}

async function open(browser, name, file) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  const fetched = [];
  const fileUrl = url.pathToFileURL(file).href;
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.route('**/*', (route) => {
    const requested = route.request().url();
    if (requested === fileUrl) return route.continue();
    fetched.push(requested);
    return route.abort();
  });
  await page.goto(fileUrl);
  await page.waitForFunction(() => document.documentElement.dataset.rendered, null, { timeout: 30000 });
  const state = await page.evaluate(() => {
    const charts = Array.from(document.querySelectorAll('.vis')).map((vis) => {
      const svg = vis.querySelector('svg');
      return {
        id: vis.id,
        kind: vis.dataset.chart,
        label: vis.getAttribute('aria-label'),
        marks: svg ? svg.querySelectorAll('path, rect, text, line').length : (vis.querySelector('canvas') ? 1 : 0),
        paths: svg ? svg.querySelectorAll('path').length : 0,
        symbols: svg ? svg.querySelectorAll('.mark-symbol.role-mark path').length : 0,
        shapes: svg ? svg.querySelectorAll('.mark-shape.role-mark path').length : 0,
        width: vis.getBoundingClientRect().width,
      };
    });
    const levels = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((h) => Number(h.tagName[1]));
    return {
      rendered: document.documentElement.dataset.rendered,
      chartCount: Number(document.documentElement.dataset.charts || 0),
      charts: charts,
      levels: levels,
      missing: document.querySelectorAll('.missing').length,
      renderErrors: Array.from(document.querySelectorAll('.render-error')).map((e) => e.textContent),
      tables: document.querySelectorAll('figure.chart details.alt table').length,
    };
  });
  check(errors.length === 0, `${name}: console errors: ${errors.join(' | ')}`);
  check(fetched.length === 0, `${name}: network requests attempted: ${fetched.join(', ')}`);
  check(state.rendered === 'ok', `${name}: the page says rendered=${state.rendered}`);
  check(state.renderErrors.length === 0, `${name}: sections failed: ${state.renderErrors.join(' | ')}`);
  check(state.chartCount === state.charts.length, `${name}: ${state.chartCount} charts settled, ${state.charts.length} containers`);
  state.charts.forEach((c) => check(c.marks > 0, `${name}: chart "${c.label}" drew nothing`));
  check(state.tables === state.charts.length, `${name}: ${state.tables} table alternatives for ${state.charts.length} charts`);
  let previous = 0;
  state.levels.forEach((level) => {
    check(level <= previous + 1, `${name}: heading h${level} follows h${previous}`);
    previous = level;
  });
  check(state.levels[0] === 1, `${name}: the first heading is not h1`);
  return { page, state };
}

// "Sharing over time": one small matrix for the first date and for each date
// where a cell moves, the moved cells outlined, each move's cause listed as
// the assessment gives it.
async function checkSharingTimeline(page, assessment) {
  const steps = ((assessment.alliance || {}).timeline || []);
  check(steps.length > 1, `assess: the assessment has a sharing timeline of ${steps.length} steps`);
  const shown = steps.filter((step, index) => index === 0 || step.moves.length);
  const dates = await page.$$eval('#sharing-timeline table.mini-matrix', (tables) => tables.map((t) => t.dataset.date));
  check(JSON.stringify(dates) === JSON.stringify(shown.map((s) => s.date)),
    `assess: sharing timeline shows ${dates.join(', ')}, expected ${shown.map((s) => s.date).join(', ')}`);
  const expectedDates = ['2019-07-01', '2023-12-31', '2024-06-28', '2025-01-01', '2026-12-31', '2027-12-31', '2029-12-31'];
  check(JSON.stringify(dates) === JSON.stringify(expectedDates), `assess: the matrix moves on ${dates.join(', ')}`);
  const moves = shown.reduce((n, step) => n + step.moves.length, 0);
  const outlined = await page.$$eval('#sharing-timeline td.moved', (cells) => cells.length);
  check(outlined === moves, `assess: ${outlined} cells outlined for ${moves} moves`);
  const reasons = await page.$$eval('#sharing-timeline ul.moves li', (items) => items.map((li) => li.dataset.reason));
  const shownText = await page.$eval('#sharing-timeline', (node) => node.textContent);
  // Each move's cause and effect are on the page (moves with one cause share its line).
  reasons.forEach((reason) => {
    const [cause, effect] = reason.split(' \u2192 ');
    check(shownText.includes(cause) && shownText.includes(effect), `assess: "${reason}" is not shown`);
  });
  const expected = [].concat(...shown.map((step) => step.moves.map((m) => m.reason)));
  check(JSON.stringify(reasons) === JSON.stringify(expected), `assess: the moves listed differ from the assessment's (${reasons.length} vs ${expected.length})`);
  const canada = "2024-06-28: CA's deadline \u201cHuawei and ZTE 5G equipment removed by 28 June 2024\u201d passes and " +
    "CA's deadline \u201cThe management systems of Huawei and ZTE 5G equipment removed by 28 June 2024\u201d passes " +
    '\u2192 GB shares secret with CA (was restricted)';
  check(reasons.includes(canada),
    `assess: no "2024-06-28: … → GB shares secret with CA" among ${reasons.slice(0, 3).join(' | ')}`);
  // The first matrix: US → GB is confidential in 2019 (cells read row by row, diagonal blank).
  const first = await page.$eval('#sharing-timeline table.mini-matrix', (table) => Array.from(table.querySelectorAll('tbody tr')).map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent)));
  check(first.length === 6 && first[0][1] === 'C' && first[1][0] === 'S', `assess: the 2019 matrix reads ${JSON.stringify(first)}`);
  const section = await page.$('#sharing-timeline');
  if (section) {
    await page.addStyleTag({ content: 'nav#toc { display: none !important; }' });
    await section.screenshot({ path: path.join(buildDir, 'report-sharing-timeline.png') });
    if (process.env.REDOUBT_SCREENSHOT_TIMELINE) await section.screenshot({ path: process.env.REDOUBT_SCREENSHOT_TIMELINE });
  }
}

// The fixture rendered with tiny digest limits (3 rows a list, a map of cells
// past 5 sites): the cut tables say so, each member's map draws cells whose
// caption gives the totals of all its sites, every count printed is the full
// count, and the headline figures are still assessment.json's.
async function checkDigest(browser, assessment, html) {
  const report = await open(browser, 'digest', html);
  const page = report.page;
  const embedded = await page.evaluate(() => JSON.parse(document.getElementById('redoubt-assessment').textContent));
  check(embedded.digest && embedded.digest.cuts.length > 0, 'digest: the page embeds no digest');
  const notes = await page.$$eval('.digest-note', (nodes) => nodes.map((n) => n.textContent));
  const members = assessment.members.map((m) => m.code);
  // Per member: its findings and its single points (elements, sites) were
  // cut, and its services, whose table shows when one is exposed or would be lost.
  const withServices = assessment.exposure.filter((e) => e.document.networks.some((n) => n.services.some((x) => x.exposed || (x.up && !x.survives_untrusted_loss)))).length;
  const expected = 3 * members.length + withServices;
  check(notes.length === expected, `digest: ${notes.length} truncation sentences, expected ${expected}: ${notes.join(' | ')}`);
  notes.forEach((note) => check(/are (on this page|in assessment\.json)/.test(note) && /assessment\.json/.test(note), `digest: the sentence "${note}" does not say where the rest is`));
  const summary = await page.textContent('.digest-summary');
  check(/embeds a digest of the assessment/.test(summary), `digest: the inputs section says "${summary}"`);
  for (const code of members) {
    const section = `#member-${code.toLowerCase()}`;
    const features = assessment.sites.features.filter((f) => f.properties.member === code);
    const named = features.filter((f) => f.properties.findings > 0).length;
    const exposed = features.filter((f) => f.properties.exposed_weight > 0).length;
    const cells = embedded.sites.aggregated.find((a) => a.member === code);
    if (!check(cells, `digest: ${code}'s map is not aggregated`)) continue;
    const caption = await page.textContent(`${section} .vis[data-chart=map]`).then(() => page.$eval(`${section} figure.chart:has(.vis[data-chart=map]) figcaption`, (n) => n.textContent));
    check(caption.includes(`${features.length} sites, aggregated into ${cells.cells.length} cells`) && caption.includes(`${named} named by a finding, ${exposed} with untrusted equipment`),
      `digest: ${code}'s map caption reads "${caption}" (expected ${features.length} sites, ${named} named, ${exposed} exposed)`);
    const symbols = await page.$eval(`${section} .vis[data-chart=map]`, (vis) => vis.querySelectorAll('.mark-symbol.role-mark path').length);
    check(symbols === cells.cells.length, `digest: ${code}'s map drew ${symbols} symbols for ${cells.cells.length} cells`);
    // The findings chart counts every finding, not the 3 kept.
    const doc = assessment.findings.find((e) => e.member === code).document;
    const total = doc.networks.reduce((n, net) => n + net.findings.length, 0);
    const text = await page.textContent(`${section}-compliance`);
    check(text.includes(`${total} finding${total === 1 ? '' : 's'} on `), `digest: ${code}'s findings chart does not count all ${total} findings`);
  }
  await checkHeadlineFigures(page, assessment, check, 'digest');
  await page.screenshot({ path: path.join(buildDir, 'report-digest.png'), fullPage: true });
  console.log(`digest: ${report.state.charts.length} charts, ${notes.length} truncation sentences`);
  await page.close();
}

// A fresh assessment of the bundled allies: its report against its assessment.json.
async function mainAssess() {
  const outDir = path.join(buildDir, `report-figures-${assessDate}`);
  fs.rmSync(outDir, { recursive: true, force: true });
  childProcess.execFileSync(binary, ['assess', '-q', '-o', outDir, '--as-of', assessDate, '--trials', '2',
    '--scenario', path.join(sourceDir, 'data', 'scenarios', 'vendor-kill-switch.yaml'),
    '--sharing-timeline', '2019-07-01..2030-12-31'], { stdio: 'inherit' });
  const html = path.join(outDir, 'report.html');
  checkStatic('assess', fs.readFileSync(html, 'utf8'));
  const browser = await chromium.launch({ executablePath: kChromium, args: ['--no-sandbox'], headless: true });
  try {
    const report = await open(browser, 'assess', html);
    const assessment = JSON.parse(fs.readFileSync(path.join(outDir, 'assessment.json'), 'utf8'));
    await checkHeadlineFigures(report.page, assessment, check, `assess ${assessDate}`);
    await checkSharingTimeline(report.page, assessment);
  } finally {
    await browser.close();
  }
  if (failures.length) {
    failures.forEach((f) => console.error('FAIL: ' + f));
    process.exit(1);
  }
  console.log('PASS');
}

// An assessment made from signed postures (`assess --postures`) of the small
// alliance of tests/cases/bad-posture: US, GB and DE have one, LV none.
function posturesAssessment(outDir) {
  const cases = path.join(sourceDir, 'tests', 'cases', 'bad-posture');
  const dir = path.join(outDir, 'postures');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  ['US', 'GB', 'DE'].forEach((code) => {
    const key = path.join(outDir, code.toLowerCase() + '.key');
    fs.rmSync(key, { force: true });
    fs.copyFileSync(path.join(cases, 'keys', code.toLowerCase() + '.key'), key);
    fs.chmodSync(key, 0o600);
    childProcess.execFileSync(binary, ['posture', path.join(cases, 'alliance.yaml'), '--member', code, '--key', key,
      '--as-of', '2020-01-01', '--disclose', code === 'GB' ? 'elements' : 'counts', '-o', path.join(dir, code + '.posture.json')], { stdio: 'ignore' });
  });
  const out = path.join(outDir, 'from-postures');
  childProcess.execFileSync(binary, ['assess', path.join(cases, 'alliance.yaml'), '-q', '--as-of', '2020-01-01',
    '--postures', dir, '--allow-missing', '-o', out], { stdio: 'ignore' });
  return out;
}

// Its provenance section lists each posture as the assessment does, and LV
// as "no valid posture" with the reason.
async function checkProvenance(page, assessment) {
  const provenance = assessment.alliance.provenance;
  const rows = await page.$$eval('#provenance table', (tables) => tables.map((t) =>
    Array.from(t.querySelectorAll('tbody tr')).map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => c.textContent))));
  check(rows.length === 2, `postures: ${rows.length} provenance tables, expected 2 (postures, missing)`);
  const listed = rows[0] || [];
  check(listed.length === provenance.postures.length && listed.length === 3, `postures: ${listed.length} postures listed`);
  provenance.postures.forEach((p, i) => {
    const row = listed[i] || [];
    check(row[0] === p.member && row[1] === p.file && row[2] === p.as_of && row[3] === p.key_id && row[4].startsWith(p.disclosure),
      `postures: row ${i} reads ${JSON.stringify(row)}, expected ${p.member} ${p.file} ${p.as_of} ${p.key_id} ${p.disclosure}`);
  });
  const missing = (rows[1] || [])[0] || [];
  check(missing[0] === 'LV' && missing[1] === 'no valid posture' && missing[2] === provenance.missing[0].reason,
    `postures: the missing member reads ${JSON.stringify(missing)}`);
}

// The plan section on a report made with --costs, on the hand-built alliance
// of tests/cases/alliance/planned (GB's plan slips: one crew, Thursdays only).
async function checkPlan(browser) {
  const outDir = path.join(buildDir, 'report-plan');
  const planned = path.join(sourceDir, 'tests', 'cases', 'alliance', 'planned');
  childProcess.execFileSync(binary, ['assess', '-q', '-o', outDir, '--trials', '2',
    '--scenario', path.join(sourceDir, 'data', 'scenarios', 'vendor-kill-switch.yaml'),
    '--costs', path.join(planned, 'crews-1.yaml'), path.join(planned, 'alliance.yaml')], { stdio: 'inherit' });
  const html = path.join(outDir, 'report.html');
  checkStatic('plan', fs.readFileSync(html, 'utf8'));
  const report = await open(browser, 'plan', html);
  const section = '#member-gb-plan';
  const titles = await report.page.$$eval(`${section} figure.chart figcaption strong`, (nodes) => nodes.map((n) => n.textContent));
  ['Swaps per month, by domain', 'Cost per year against the budget', 'Disruption per sector', 'Deadlines at risk'].forEach((title) =>
    check(titles.includes(title), `plan: no chart "${title}" in GB's plan section (charts: ${titles.join(' | ')})`));
  const drawn = await report.page.$$eval(`${section} .vis svg`, (nodes) => nodes.map((n) => n.querySelectorAll('path, rect, text, line').length));
  check(drawn.length === 4 && drawn.every((marks) => marks > 0), `plan: GB's plan charts drew ${JSON.stringify(drawn)}`);
  const text = await report.page.textContent(section);
  // The numbers of GB's plan@1 document, in the words of `redoubt plan`.
  const assessment = JSON.parse(fs.readFileSync(path.join(outDir, 'assessment.json'), 'utf8'));
  const doc = assessment.plan.find((entry) => entry.member === 'GB').document;
  check(doc.summary.late_swaps === 2, `plan: GB's plan has ${doc.summary.late_swaps} late swaps, expected 2`);
  ['gb-core-exit due 2026-01-08: SLIPS: 2 of 3 swaps late, up to 14 days', 'lateness 21 swap-days (bound 21)',
    'to meet the deadlines: pool shared needs 2 more crews (1 → 3)', 'cost 330 EUR (bound 310 EUR)',
    'plan from 2026-01-05 against standard planned-gb: 3 swaps, method exact'].forEach((words) =>
    check(text.includes(words), `plan: GB's plan section does not say "${words}"`));
  await report.page.close();
}

async function main() {
  const outDir = path.join(buildDir, 'report-test');
  fs.mkdirSync(outDir, { recursive: true });
  const fixtures = path.join(sourceDir, 'tests', 'cases', 'report', 'fixtures');

  const fullHtml = path.join(outDir, 'report.html');
  checkStatic('full', render(path.join(fixtures, 'assessment.json'), fullHtml));
  // The least an assessment may hold: every section must say what is missing.
  const minimalJson = path.join(outDir, 'minimal.json');
  fs.writeFileSync(minimalJson, JSON.stringify({ format: 'redoubt/assessment@1', title: 'Empty', members: [{ code: 'GB', name: 'United Kingdom', networks: ['gb-sample'] }], alliance: null }));
  const digestHtml = path.join(outDir, 'digest.html');
  checkStatic('digest', render(path.join(fixtures, 'assessment.json'), digestHtml, ['--digest-rows', '3', '--digest-sites', '5']));
  const minimalHtml = path.join(outDir, 'minimal.html');
  checkStatic('minimal', render(minimalJson, minimalHtml));

  const browser = await chromium.launch({ executablePath: kChromium, args: ['--no-sandbox'], headless: true });
  try {
    const full = await open(browser, 'full', fullHtml);
    const kinds = full.state.charts.map((c) => c.kind);
    check(full.state.charts.length >= 10, `full: only ${full.state.charts.length} charts`);
    ['heatmap', 'map', 'line', 'bar'].forEach((kind) => check(kinds.includes(kind), `full: no ${kind} chart`));
    const map = full.state.charts.find((c) => c.kind === 'map');
    if (map) {
      check(map.shapes > 20, `full: the map drew ${map.shapes} country shapes`);
      check(map.symbols === 10, `full: the map drew ${map.symbols} sites, expected 10`);
      check(map.width > 400, `full: the map is ${map.width}px wide`);
    }
    const screenshot = path.join(buildDir, 'report-screenshot.png');
    await full.page.screenshot({ path: screenshot, fullPage: true });
    console.log(`full: ${full.state.charts.length} charts, screenshot ${screenshot}`);
    if (process.env.REDOUBT_SCREENSHOT_TOP) {
      // The first screen, for the README.
      await full.page.screenshot({ path: process.env.REDOUBT_SCREENSHOT_TOP, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1560 } });
    }

    // Clicking a cell of the sharing matrix explains it (US → GB is explained from the start).
    await full.page.click('.vis[data-chart=heatmap] .mark-rect.role-mark path[aria-label*="provider: GB"][aria-label*="recipient: US"]', { force: true });
    const explained = await full.page.textContent('.explain');
    check(/GB → US: shares up to confidential/.test(explained) && /secret is withheld because/.test(explained) && /classified_on_trusted_paths/.test(explained),
      `full: clicking the matrix explained "${explained}"`);
    // Every section of the real documents drew: sharing, divergence, postures, compliance, resilience.
    const labels = (await full.page.$$eval('figure.chart figcaption strong', (nodes) => nodes.map((n) => n.textContent))).join(' | ');
    ['Intelligence-sharing matrix', 'How far apart the postures are', 'Untrusted equipment by domain', 'Findings per member', 'A regional disaster'].forEach((title) =>
      check(labels.includes(title), `full: no chart "${title}" (charts: ${labels})`));
    await checkHeadlineFigures(full.page, JSON.parse(fs.readFileSync(path.join(fixtures, 'assessment.json'), 'utf8')), check, 'full');
    const scorecard = await full.page.textContent('table.scorecard');
    check(!/not assessed/.test(scorecard), 'full: a member of the scorecard is "not assessed"');
    check(/h lost, lowest/.test(scorecard), 'full: the scorecard has no worst scenario');

    const fullText = await full.page.textContent('main');
    check(/The rip-and-replace plan: not part of this assessment\./.test(fullText), 'full: the plan section does not say it was not part of this assessment');
    await checkPlan(browser);
    await checkDigest(browser, JSON.parse(fs.readFileSync(path.join(fixtures, 'assessment.json'), 'utf8')), digestHtml);

    const minimal = await open(browser, 'minimal', minimalHtml);
    check(minimal.state.missing >= 3, `minimal: only ${minimal.state.missing} "not part of this assessment" notes`);
    console.log(`minimal: ${minimal.state.missing} missing parts noted, ${minimal.state.charts.length} charts`);

    const fromPostures = posturesAssessment(outDir);
    checkStatic('postures', fs.readFileSync(path.join(fromPostures, 'report.html'), 'utf8'));
    const postures = await open(browser, 'postures', path.join(fromPostures, 'report.html'));
    const postureAssessment = JSON.parse(fs.readFileSync(path.join(fromPostures, 'assessment.json'), 'utf8'));
    await checkProvenance(postures.page, postureAssessment);
    await checkHeadlineFigures(postures.page, postureAssessment, check, 'postures');
    check(postures.state.missing >= 3, `postures: only ${postures.state.missing} "not part of this assessment" notes`);
    await postures.page.screenshot({ path: path.join(buildDir, 'report-postures.png'), fullPage: true });
    console.log(`postures: ${postures.state.charts.length} charts, provenance checked`);
  } finally {
    await browser.close();
  }
  if (failures.length) {
    failures.forEach((f) => console.error('FAIL: ' + f));
    process.exit(1);
  }
  console.log('PASS');
}

(mode === '--assess' ? mainAssess() : main()).catch((error) => {
  console.error('FAIL:', error);
  process.exit(1);
});
