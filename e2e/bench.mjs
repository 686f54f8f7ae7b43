// Prints sovcheck's size and load-time figures. It never fails on a threshold: budgets are
// read by people (docs/PERFORMANCE.md), not asserted, because shared machines are noisy.
//
//   node e2e/bench.mjs [DIST] [RUNS]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const dist = path.resolve(process.argv[2] || 'dist');
const runs = Number(process.argv[3] || 15);

const rows = [];
for (const name of fs.readdirSync(dist).sort()) {
  const file = path.join(dist, name);
  if (!fs.statSync(file).isFile()) continue;
  const raw = fs.readFileSync(file);
  rows.push({
    name,
    raw: raw.length,
    gzip: zlib.gzipSync(raw, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
const pad = (s, n) => String(s).padStart(n);
console.log('Files in dist/ (bytes):');
console.log(`  ${'file'.padEnd(44)} ${pad('raw', 9)} ${pad('gzip -9', 9)} ${pad('brotli', 9)}`);
for (const r of rows) console.log(`  ${r.name.padEnd(44)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)}`);
// The initial transfer is what index.html pulls in: html, js, wasm, css (not app.html etc.).
const initial = rows.filter((r) => /^(index\.html|.*\.(js|wasm|css))$/.test(r.name));
const sum = (k) => initial.reduce((a, r) => a + r[k], 0);
console.log(`Initial transfer (html+js+wasm+css): raw ${sum('raw')} B, gzip ${sum('gzip')} B (${(sum('gzip') / 1024).toFixed(1)} KiB), brotli ${sum('brotli')} B`);

const server = await serve(dist, 0, '/');
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-quic'],
});
const times = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext(); // cold: empty cache and storage
  const page = await context.newPage();
  // Record when the first interactive control (the "new assessment" button) appears.
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-testid="new-assessment"]')) {
        window.__firstControl = performance.now();
        obs.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  await page.waitForSelector('[data-testid="new-assessment"]');
  times.push(await page.evaluate(() => window.__firstControl));
  await context.close();
}
await browser.close();
server.close();
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`Navigation start to first interactive control, ${runs} cold loads: median ${median.toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)})`);
