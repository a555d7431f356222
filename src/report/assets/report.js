// Draws the report from the embedded assessment: header, contents, summary,
// alliance, one section per member, the compliance timeline, the inputs.
// When every chart has settled, <html data-rendered="…"> says so (the browser
// test waits for it) with the number of charts and failures.
'use strict';
(function (R) {
  function readJson(id) {
    const node = document.getElementById(id);
    if (!node) return null;
    try {
      return JSON.parse(node.textContent);
    } catch (error) {
      console.error(`redoubt report: the embedded ${id} is not valid JSON:`, error);
      return null;
    }
  }

  function renderHeader(assessment) {
    const meta = document.getElementById('report-meta');
    const parts = [];
    if (assessment.as_of) parts.push('as of ' + assessment.as_of);
    if (R.isNum(assessment.seed)) parts.push('seed ' + assessment.seed);
    if (assessment.redoubt_version) parts.push('redoubt ' + assessment.redoubt_version);
    const alliance = R.allianceView(assessment);
    if (alliance && alliance.id) parts.unshift('alliance ' + alliance.id);
    meta.textContent = parts.join(' · ');
  }

  function renderContents(main) {
    const toc = document.getElementById('toc');
    const list = R.el('ul', {});
    main.querySelectorAll(':scope > section').forEach((section) => {
      const heading = section.querySelector('h2');
      if (heading) list.appendChild(R.el('li', {}, R.el('a', { href: '#' + section.id }, heading.textContent)));
    });
    toc.appendChild(list);
  }

  function render() {
    const main = document.getElementById('main');
    const assessment = readJson('redoubt-assessment');
    if (!assessment || assessment.format !== 'redoubt/assessment@1') {
      main.appendChild(R.el('p', { class: 'render-error' }, 'This file holds no redoubt assessment (format redoubt/assessment@1).'));
      document.documentElement.dataset.rendered = 'error';
      return;
    }
    const world = readJson('redoubt-world');
    R.guard(main, 'The header', () => renderHeader(assessment));
    R.guard(main, 'The summary', () => R.renderSummary(main, assessment));
    R.guard(main, 'The alliance view', () => R.renderAlliance(main, assessment));
    const members = R.members(assessment);
    members.forEach((member) => R.guard(main, 'The section of ' + member.code, () => R.renderMember(main, assessment, member, world)));
    R.guard(main, 'The compliance timeline', () => R.renderTimeline(main, assessment));
    R.guard(main, 'The inputs', () => R.renderInputs(main, assessment));
    renderContents(main);
    Promise.all(R.pending).then((results) => {
      const failed = results.filter((r) => r === null).length;
      document.documentElement.dataset.charts = String(results.length);
      document.documentElement.dataset.rendered = failed ? 'error' : 'ok';
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', render);
  else render();
})(window.Redoubt = window.Redoubt || {});
