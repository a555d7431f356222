// Seconds from opening a report.html in headless Chromium to its
// <html data-rendered> (every chart settled), and what it says then.
//
//   node bench/report_render.js REPORT.html [REPORT.html ...]
//
// Uses playwright-core from node_modules/ (scripts/setup) and /usr/bin/chromium
// (or $REDOUBT_CHROMIUM); nothing is fetched: the report is self-contained.
'use strict';
const path = require('path');
const url = require('url');
const { chromium } = require(path.join(__dirname, '..', 'node_modules', 'playwright-core'));

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.REDOUBT_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'], headless: true });
  try {
    for (const file of process.argv.slice(2)) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
      const start = Date.now();
      await page.goto(url.pathToFileURL(path.resolve(file)).href, { timeout: 600000 });
      await page.waitForFunction(() => document.documentElement.dataset.rendered, null, { timeout: 600000, polling: 100 });
      const seconds = (Date.now() - start) / 1000;
      const state = await page.evaluate(() => ({ rendered: document.documentElement.dataset.rendered, charts: Number(document.documentElement.dataset.charts) }));
      console.log(`${file}: ${seconds.toFixed(1)} s to rendered=${state.rendered}, ${state.charts} charts${errors.length ? `, ${errors.length} errors: ${errors[0]}` : ''}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
