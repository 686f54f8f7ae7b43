// sovcheck's performance benchmark (issue 7; budgets and findings in docs/PERFORMANCE.md).
// It PRINTS figures and never fails on one: shared 2-core machines are noisy, so budgets are
// read by people, not asserted. It exits non-zero only when it cannot measure at all.
//
//   node e2e/bench.mjs [DIST] [LOADS]
//
// Sections (each prints its details, then one summary table closes the run):
//   sizes       1. initial transfer (what index.html pulls in), raw / gzip -9 / brotli
//   load        2. navigation start to the first interactive control, LOADS (15) cold loads
//   journey     3. answer click -> updated live estimate over full 48-answer runs, and
//               6. peak JS heap + wasm memory over the same full journeys
//   steps       8. "Next" click -> next step in the document (step navigation), long notes
//   render      4. results and report render with 48 answers and 2,000-character notes
//   trace       (info) where the milliseconds go: main-thread time by kind, from a trace
//   core        5. `cargo bench -p sovcheck-core --bench evaluate` (divan), natively
//   lighthouse  7. Lighthouse scores per screen, desktop preset and mobile default
//
// Environment:
//   BENCH_ONLY=sizes,load,...   run only these sections
//   BENCH_JOURNEYS=3            full 48-answer journeys (each in a fresh context)
//   BENCH_RENDERS=12            fresh contexts for the results/report render timing
//   BENCH_JSON=FILE             also write every figure as JSON
//   BENCH_HEAVY_FILE=FILE       also write the long-notes assessment file (importable)
//   CHROMIUM / CHROME_PATH      the browser (default /usr/bin/chromium)
//   CARGO_TARGET_DIR            passed through to `cargo bench`
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] || 'dist');
const LOADS = Number(process.argv[3] || 15);
const JOURNEYS = Number(process.env.BENCH_JOURNEYS || 3);
const RENDERS = Number(process.env.BENCH_RENDERS || 12);
const CHROME = process.env.CHROMIUM || process.env.CHROME_PATH || '/usr/bin/chromium';
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
const wants = (section) => !ONLY || ONLY.has(section);

// The e2e harness's flags (e2e/harness.mjs), plus precise (unquantised) performance.memory.
const HARNESS_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];
const BROWSER_ARGS = ['--headless', ...HARNESS_FLAGS, '--enable-precise-memory-info'];

const tid = (id) => `[data-testid="${id}"]`;
// Walk indexes holding criteria (9 is SecNumCloud, 14 the results): docs/ARCHITECTURE.md.
const CRITERIA_STEPS = [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13];
const RESULTS_STEP = 14;

// ---------------------------------------------------------------- figures and printing

/** Every figure of the summary table, in order. */
const figures = [];
/** Records a figure: `ok` is true, false (OVER) or null (not measured / no budget). */
function figure(n, name, measured, budget, ok) {
  figures.push({ n, name, measured, budget, status: ok === null ? 'n/a' : ok ? 'ok' : 'OVER' });
}
const fmtInt = (v) => Math.round(v).toLocaleString('en-US');
const ms = (v) => (v == null || Number.isNaN(v) ? 'n/a' : `${v.toFixed(1)} ms`);
const mib = (b) => `${(b / 1048576).toFixed(1)} MiB`;
const sorted = (xs) => [...xs].sort((a, b) => a - b);
/** The q-quantile (0..1) by nearest rank: p95 of 144 samples is the 137th smallest. */
function quantile(xs, q) {
  const s = sorted(xs);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const median = (xs) => {
  const s = sorted(xs);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const spread = (xs) => `median ${ms(median(xs))} (min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))}, n=${xs.length})`;
const load = () => os.loadavg().map((v) => v.toFixed(2)).join(' ');
function section(title) {
  console.log(`\n== ${title}   [load average ${load()}]`);
}

// ---------------------------------------------------------------- 1. sizes

function sizes() {
  section('1. Initial transfer');
  const rows = [];
  // The release's own precompressed copies (NAME.gz, NAME.br, written by
  // crates/sovcheck-release) are what a precompressing host sends: their sizes are listed
  // beside the file rather than as files of their own.
  const copy = (name, ext) => {
    const f = path.join(dist, `${name}.${ext}`);
    return fs.existsSync(f) ? fs.statSync(f).size : null;
  };
  for (const name of fs.readdirSync(dist).sort()) {
    const file = path.join(dist, name);
    if (!fs.statSync(file).isFile() || /\.(gz|br)$/.test(name)) continue;
    const raw = fs.readFileSync(file);
    rows.push({
      name,
      raw: raw.length,
      gzip: zlib.gzipSync(raw, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      shippedGz: copy(name, 'gz'),
      shippedBr: copy(name, 'br'),
    });
  }
  // What index.html pulls in: itself, its stylesheets, the module it imports (the
  // wasm-bindgen glue) and the wasm it preloads and instantiates.
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = new Set(['index.html']);
  for (const m of html.matchAll(/(?:href|src|from|module_or_path:)\s*=?\s*["']\.?\/?([^"'?#]+)["']/g)) {
    if (rows.some((r) => r.name === m[1])) refs.add(m[1]);
  }
  const pad = (s, n) => String(s).padStart(n);
  console.log(`  ${'file'.padEnd(44)} ${pad('raw', 9)} ${pad('gzip -9', 9)} ${pad('brotli', 9)} ${pad('.gz', 9)} ${pad('.br', 9)}  initial`);
  for (const r of rows) {
    console.log(`  ${r.name.padEnd(44)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)} ` +
      `${pad(r.shippedGz ?? '-', 9)} ${pad(r.shippedBr ?? '-', 9)}  ${refs.has(r.name) ? 'yes' : ''}`);
  }
  const initial = rows.filter((r) => refs.has(r.name));
  const sum = (k) => initial.reduce((a, r) => a + r[k], 0);
  console.log(`  initial transfer (${initial.length} files): raw ${fmtInt(sum('raw'))} B, gzip ${fmtInt(sum('gzip'))} B, brotli ${fmtInt(sum('brotli'))} B`);
  const gz = sum('gzip');
  figure('1', 'initial transfer, gzip -9 (html+js+wasm+css)',
    `${fmtInt(gz)} B (${(gz / 1000).toFixed(1)} KB)`, '≤ 300 KB (aim 200 KB)',
    gz <= 300_000);
  figure('1', 'initial transfer, raw / brotli',
    `${fmtInt(sum('raw'))} B / ${fmtInt(sum('brotli'))} B`, '(info)', null);
  // As a precompressing host sends it: each file's .br copy (else .gz, else the file).
  const sent = (k) => initial.reduce((a, r) => a + (r[k] ?? r.shippedGz ?? r.raw), 0);
  figure('1', 'initial transfer as sent from the release\'s .gz / .br copies',
    `${fmtInt(sent('shippedGz'))} B / ${fmtInt(sent('shippedBr'))} B`, '(info)', null);
  const wasm = rows.find((r) => r.name.endsWith('.wasm'));
  if (wasm) figure('1', 'of which the wasm, gzip -9', `${fmtInt(wasm.gzip)} B (${(wasm.gzip / 1000).toFixed(1)} KB)`, '(info)', null);
  return { rows, initial };
}

// ---------------------------------------------------------------- browser helpers

/** A fresh context (empty cache and storage) whose pages expose the wasm instance. */
async function freshPage(browser, { seed } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'en-GB' });
  await context.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => {
      window.__sovcheckWasm = e.detail.wasm;
      window.__wasmStarted = performance.now();
    });
  });
  if (seed) {
    // Runs before the app's script on the first document only: the app then starts on
    // the seeded workspace, as if the user had come back to it.
    await context.addInitScript((entries) => {
      if (!location.protocol.startsWith('http') || sessionStorage.getItem('__benchSeeded')) return;
      sessionStorage.setItem('__benchSeeded', '1');
      localStorage.clear();
      for (const [k, v] of entries) localStorage.setItem(k, v);
    }, Object.entries(seed));
  }
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  return { context, page, errors };
}

/** Goes to walk step `i` through the step list and waits until it is the current step. */
async function gotoStep(page, i) {
  await page.click(tid(`goto-${i}`));
  await page.waitForSelector(`${tid(`goto-${i}`)}[aria-current="step"]`);
}

/** JS heap (performance.memory, precise) and wasm linear memory, plus CDP's JS heap. */
async function memorySample(page, cdp, label) {
  const m = await page.evaluate(() => ({
    js: performance.memory?.usedJSHeapSize ?? NaN,
    wasm: window.__sovcheckWasm?.memory?.buffer?.byteLength ?? NaN,
  }));
  const metrics = await cdp.send('Performance.getMetrics');
  const cdpJs = metrics.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? NaN;
  return { label, js: m.js, wasm: m.wasm, cdpJs, sum: m.js + m.wasm };
}

// In the page: clicks the element and resolves with the time from just before the click to
// the first MutationObserver callback on the live estimate (and to the end of the next
// frame, as information). Null when the estimate did not change within 2 s.
function clickToEstimate(selector) {
  const el = document.querySelector(selector);
  const est = document.querySelector('aside.estimate');
  if (!el || !est) return Promise.resolve({ error: `missing ${el ? 'aside.estimate' : selector}` });
  return new Promise((resolve) => {
    let t0 = 0;
    let done = false;
    const timer = setTimeout(() => { if (!done) { done = true; obs.disconnect(); resolve({ mutation: null }); } }, 2000);
    const obs = new MutationObserver(() => {
      if (done) return;
      done = true;
      const mutation = performance.now() - t0;
      obs.disconnect();
      clearTimeout(timer);
      // rAF runs before the frame's style, layout and paint; a task posted from it runs after.
      requestAnimationFrame(() => setTimeout(() => resolve({ mutation, frame: performance.now() - t0 }), 0));
    });
    obs.observe(est, { subtree: true, attributes: true, childList: true, characterData: true });
    t0 = performance.now();
    el.click();
  });
}

// In the page: clicks `click` and resolves with the time until `wanted` is in the document
// (MutationObserver on the whole document), and to the end of the next frame.
function clickToElement([click, wanted]) {
  const el = document.querySelector(click);
  if (!el) return Promise.resolve({ error: `missing ${click}` });
  return new Promise((resolve) => {
    let t0 = 0;
    let done = false;
    const timer = setTimeout(() => { if (!done) { done = true; obs.disconnect(); resolve({ present: null }); } }, 5000);
    const obs = new MutationObserver(() => {
      if (done || !document.querySelector(wanted)) return;
      done = true;
      const present = performance.now() - t0;
      obs.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => setTimeout(() => resolve({ present, frame: performance.now() - t0 }), 0));
    });
    obs.observe(document, { subtree: true, childList: true });
    t0 = performance.now();
    el.click();
  });
}

// ---------------------------------------------------------------- 2. cold loads

async function coldLoads(browser, url) {
  section(`2. Navigation start to the first interactive control, ${LOADS} cold loads`);
  const first = [];
  const marks = { wasmResponse: [], wasmStarted: [], dcl: [] };
  for (let i = 0; i < LOADS; i++) {
    const { context, page } = await freshPage(browser);
    // "Interactive": the New-assessment button is in the DOM, enabled and visible. A
    // MutationObserver catches the render; a frame loop catches a late style change.
    await page.addInitScript(() => {
      const ready = () => {
        const el = document.querySelector('[data-testid="new-assessment"]');
        return !!el && !el.disabled && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      };
      const hit = () => {
        if (window.__firstControl === undefined && ready()) window.__firstControl = performance.now();
        return window.__firstControl !== undefined;
      };
      const obs = new MutationObserver(() => { if (hit()) obs.disconnect(); });
      obs.observe(document, { childList: true, subtree: true, attributes: true });
      const poll = () => { if (!hit()) requestAnimationFrame(poll); };
      requestAnimationFrame(poll);
    });
    await page.goto(url);
    await page.waitForFunction(() => window.__firstControl !== undefined, null, { timeout: 30_000 });
    const r = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      return {
        first: window.__firstControl,
        wasmResponse: wasm?.responseEnd,
        wasmStarted: window.__wasmStarted,
        dcl: nav?.domContentLoadedEventEnd,
      };
    });
    first.push(r.first);
    for (const k of Object.keys(marks)) if (r[k] != null) marks[k].push(r[k]);
    await context.close();
  }
  console.log(`  first interactive control: ${spread(first)}`);
  console.log(`  (info, medians) DOMContentLoaded ${ms(median(marks.dcl))}, wasm response end ${ms(median(marks.wasmResponse))}, ` +
    `wasm instantiated and started ${ms(median(marks.wasmStarted))}`);
  figure('2', `navigation start -> first interactive control (${LOADS} cold loads)`,
    `median ${ms(median(first))} (min ${ms(Math.min(...first))}, max ${ms(Math.max(...first))})`,
    '≤ 300 ms', median(first) <= 300);
  return { first, marks };
}

// ---------------------------------------------------------------- 3 + 6. full journeys

/**
 * One full journey in a fresh context: start, new assessment, every criterion answered by a
 * click (timed), results, report, export. Samples memory after every step.
 */
async function journey(browser, url) {
  const { context, page, errors } = await freshPage(browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const mem = [];
  const clicks = [];
  const rungs = {}; // criterion id -> number of rungs
  await page.goto(url);
  await page.waitForSelector(tid('new-assessment'));
  mem.push(await memorySample(page, cdp, 'start'));
  await page.click(tid('new-assessment'));
  await page.waitForSelector('#provider');
  await page.fill('#provider', 'Bench Cloud');
  await page.fill('#offer', 'Bench IaaS');
  mem.push(await memorySample(page, cdp, 'context'));
  for (const step of CRITERIA_STEPS) {
    await gotoStep(page, step);
    const ids = await page.$$eval('[data-testid^="criterion-"]',
      (els) => els.map((e) => e.dataset.testid.slice('criterion-'.length)));
    for (const id of ids) {
      const n = await page.locator(`[data-testid^="choice-${id}-"]:not([data-testid$="-unknown"])`).count();
      rungs[id] = n;
      // The best rung: from open to answered, the progress count and the score range's
      // lower bound change, so every click changes the estimate.
      const r = await page.evaluate(clickToEstimate, tid(`choice-${id}-${n - 1}`));
      if (r.error) throw new Error(`journey: ${r.error}`);
      clicks.push({ id, mutation: r.mutation, frame: r.frame });
      mem.push(await memorySample(page, cdp, `answer ${id}`));
    }
  }
  await gotoStep(page, RESULTS_STEP);
  await page.waitForSelector(tid('results'));
  mem.push(await memorySample(page, cdp, 'results'));
  await page.click(tid('open-report'));
  await page.waitForSelector(tid('report'));
  mem.push(await memorySample(page, cdp, 'report'));
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(tid('export'))]);
  const exported = fs.readFileSync(await dl.path(), 'utf8');
  mem.push(await memorySample(page, cdp, 'export'));
  await context.close();
  return { clicks, mem, rungs, exported, errors };
}

async function journeys(browser, url) {
  section(`3 and 6. Full journeys (start, 48 answers, results, report, export), ${JOURNEYS} x in fresh contexts`);
  const all = [];
  for (let i = 0; i < JOURNEYS; i++) all.push(await journey(browser, url));
  const clicks = all.flatMap((j) => j.clicks);
  const changed = clicks.filter((c) => c.mutation != null);
  const unchanged = clicks.length - changed.length;
  const m = changed.map((c) => c.mutation);
  const f = changed.map((c) => c.frame);
  console.log(`  answer clicks: ${clicks.length} (${all.map((j) => j.clicks.length).join(' + ')}), estimate unchanged after ${unchanged}`);
  console.log(`  click -> first mutation of the live estimate: p50 ${ms(quantile(m, 0.5))}, p95 ${ms(quantile(m, 0.95))}, max ${ms(Math.max(...m))}`);
  console.log(`  (info) click -> end of the next frame:        p50 ${ms(quantile(f, 0.5))}, p95 ${ms(quantile(f, 0.95))}, max ${ms(Math.max(...f))}`);
  all.forEach((j, k) => {
    const mm = j.clicks.filter((c) => c.mutation != null).map((c) => c.mutation);
    const slow = [...j.clicks].sort((a, b) => (b.mutation ?? 0) - (a.mutation ?? 0)).slice(0, 3)
      .map((c) => `${c.id} ${ms(c.mutation)}`).join(', ');
    console.log(`    journey ${k + 1}: p50 ${ms(quantile(mm, 0.5))}, p95 ${ms(quantile(mm, 0.95))}; slowest ${slow}`);
  });
  // Per position in the walk: does the time grow as the assessment fills?
  const byPos = [0, 12, 24, 36].map((s) => median(all.flatMap((j) => j.clicks.slice(s, s + 12).map((c) => c.mutation).filter((x) => x != null))));
  console.log(`  (info) median by quarter of the walk (answers 1-12, 13-24, 25-36, 37-48): ${byPos.map(ms).join(', ')}`);
  figure('3', `answer click -> live estimate, p95 (${m.length} clicks)`,
    `p50 ${ms(quantile(m, 0.5))}, p95 ${ms(quantile(m, 0.95))}, max ${ms(Math.max(...m))}`,
    'p95 ≤ 4 ms', unchanged === 0 && quantile(m, 0.95) <= 4);

  const peakOf = (k) => Math.max(...all.flatMap((j) => j.mem.map((s) => s[k])));
  const peakSample = all.flatMap((j) => j.mem).reduce((a, b) => (b.sum > a.sum ? b : a));
  console.log(`  memory samples per journey: ${all[0].mem.length} (after every step and answer)`);
  console.log(`  peak JS heap (performance.memory) ${mib(peakOf('js'))}, peak JS heap (CDP JSHeapUsedSize) ${mib(peakOf('cdpJs'))}, ` +
    `peak wasm linear memory ${mib(peakOf('wasm'))}`);
  console.log(`  peak JS heap + wasm memory: ${mib(peakSample.sum)} at "${peakSample.label}" ` +
    `(JS ${mib(peakSample.js)} + wasm ${mib(peakSample.wasm)})`);
  const start = all[0].mem[0];
  console.log(`  (info) at the start screen: JS ${mib(start.js)} + wasm ${mib(start.wasm)}`);
  figure('6', 'peak JS heap + wasm memory, full journey',
    `${mib(peakSample.sum)} (JS ${mib(peakSample.js)} + wasm ${mib(peakSample.wasm)})`,
    '≤ 32 MB', peakSample.sum <= 32 * 1e6);
  const errors = all.flatMap((j) => j.errors);
  if (errors.length) console.log(`  page errors during the journeys: ${errors.slice(0, 5).join(' | ')}`);
  return { all, clicks, rungs: all[0].rungs, exported: all[0].exported, peak: peakSample };
}

// ---------------------------------------------------------------- 4. heavy render

/** A long evidence note: `n` characters, some of them French. */
function longNote(id, n) {
  const s = `${id}: contrat cadre §4.2 et annexe de sécurité relus ; the provider's answer of 12 March ` +
    'was checked against the audit report, the subprocessor list and the key-management design. ';
  return s.repeat(Math.ceil(n / s.length)).slice(0, n);
}

/**
 * The journey's exported file, made heavy: every criterion answered (best, middle or worst+1
 * rung in turn, so there are gaps and binding criteria), 2,000 characters of note and full
 * evidence on each, an override, a target SEAL, every SecNumCloud requirement answered with
 * a note, and a long sign-off.
 */
function heavyDocument(exported, rungs) {
  const doc = JSON.parse(exported);
  const a = doc.assessment;
  a.meta = {
    title: 'Benchmark: every answer, long notes', provider: 'Bench Cloud', offer: 'Bench IaaS',
    serviceModels: ['iaas'], assessor: 'A. Assessor', date: '2026-11-22', sensitivity: 'high', targetSeal: 3,
  };
  const levels = ['declared', 'documented', 'audited', 'tested'];
  a.answers = {};
  Object.entries(rungs).forEach(([id, n], k) => {
    const rung = [n - 1, Math.floor(n / 2), Math.min(1, n - 1)][k % 3];
    a.answers[id] = {
      rung, note: longNote(id, 2000), source: `https://example.invalid/evidence/${id}.pdf`,
      evidenceLevel: levels[k % 4], validUntil: k % 2 ? '2027-06-30' : '2025-06-30',
    };
  });
  a.overrides = { 'SOV-5': { level: 2, justification: 'Firmware rebuilt and signed in the EU' } };
  let snc = [];
  try {
    const content = JSON.parse(fs.readFileSync(path.join(ROOT, 'crates/sovcheck-core/content/secnumcloud.json'), 'utf8'));
    snc = content.pillars.flatMap((p) => p.criteria.map((c) => c.id));
  } catch { /* the SecNumCloud answers are optional */ }
  const statuses = ['met', 'partly', 'not-met', 'unknown', 'not-applicable'];
  a.secnumcloud = {
    stage: 'j3', referentialVersion: '3.2', serviceModels: ['iaas'], servicesInScope: longNote('scope', 300),
    composition: false, lastAudit: '2026-01-15',
    criteria: Object.fromEntries(snc.map((id, k) => [id, { status: statuses[k % 5], note: longNote(id, 300) }])),
  };
  a.signoff = {
    decision: 'approve-with-conditions', rationale: longNote('rationale', 1500), conditions: longNote('conditions', 800),
    residualRisks: longNote('risks', 800),
    approvers: [{ name: 'Marie Curie', role: 'Chair of the board', date: '2026-11-22' }, { name: 'Jean Dupont', role: 'CISO' }],
    nextReview: '2027-11-22',
  };
  return { doc, text: `${JSON.stringify(doc, null, 2)}\n`, id: a.id, snc: snc.length };
}

async function renders(browser, url, heavy) {
  section(`4. Results and report render, 48 answers with 2,000-character notes (${fmtInt(heavy.text.length)} B file), ${RENDERS} fresh contexts`);
  const seed = {
    [`sovcheck.v1.a.${heavy.id}`]: heavy.text,
    'sovcheck.v1.ui': JSON.stringify({ lang: 'en', open: heavy.id, step: 13 }), // read by builds before routes
  };
  const cold = { results: [], report: [], resultsFrame: [], reportFrame: [] };
  const warm = { results: [], report: [] };
  let reportChars = 0;
  let peak = null;
  for (let i = 0; i < RENDERS; i++) {
    const { context, page, errors } = await freshPage(browser, { seed });
    await page.goto(`${url}#/a/${heavy.id}/step/13`);
    await page.waitForSelector(`${tid('goto-13')}[aria-current="step"]`, { timeout: 30_000 });
    if (await page.locator(tid('storage-notice')).count()) throw new Error('render: the seeded assessment was not readable (storage notice shown)');
    const r1 = await page.evaluate(clickToElement, [tid(`goto-${RESULTS_STEP}`), tid('results')]);
    const r2 = await page.evaluate(clickToElement, [tid('open-report'), tid('report')]);
    if (r1.present == null || r2.present == null) throw new Error(`render: timed out (${JSON.stringify([r1, r2])})`);
    cold.results.push(r1.present); cold.resultsFrame.push(r1.frame);
    cold.report.push(r2.present); cold.reportFrame.push(r2.frame);
    if (i === 0) {
      reportChars = await page.evaluate(() => document.querySelector('[data-testid="report"]').textContent.length);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      peak = await memorySample(page, cdp, 'report with long notes');
      // Warm renders: the same screens again in the same page.
      for (let k = 0; k < 5; k++) {
        await page.click(tid('back'));
        await page.waitForSelector(tid('results'));
        await gotoStep(page, 13);
        const w1 = await page.evaluate(clickToElement, [tid(`goto-${RESULTS_STEP}`), tid('results')]);
        const w2 = await page.evaluate(clickToElement, [tid('open-report'), tid('report')]);
        warm.results.push(w1.present); warm.report.push(w2.present);
      }
    }
    if (errors.length) console.log(`  page errors: ${errors.slice(0, 3).join(' | ')}`);
    await context.close();
  }
  console.log(`  report text: ${fmtInt(reportChars)} characters; SecNumCloud requirements answered: ${heavy.snc}`);
  console.log(`  goto-${RESULTS_STEP} click -> [data-testid="results"] present: ${spread(cold.results)}`);
  console.log(`  open-report click -> [data-testid="report"] present:  ${spread(cold.report)}`);
  console.log(`  (info) to the end of the next frame: results ${spread(cold.resultsFrame)}; report ${spread(cold.reportFrame)}`);
  console.log(`  (info) warm (same page, 5 repeats): results median ${ms(median(warm.results))}, report median ${ms(median(warm.report))}`);
  if (peak) console.log(`  (info) memory on the report with long notes: JS ${mib(peak.js)} + wasm ${mib(peak.wasm)} = ${mib(peak.sum)}`);
  figure('4', 'results view render, long notes (click -> present)',
    spread(cold.results).replace(/, n=\d+/, ''), '≤ 100 ms', median(cold.results) <= 100);
  figure('4', 'report render, long notes (click -> present)',
    spread(cold.report).replace(/, n=\d+/, ''), '≤ 100 ms', median(cold.report) <= 100);
  return { cold, warm, peak };
}

// ---------------------------------------------------------------- where the milliseconds go

/** Main-thread self time by kind, from a Chromium trace, between two console.timeStamp marks. */
function breakdown(events, startMark, endMark) {
  const mark = (m) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === m);
  const a = mark(startMark);
  const b = mark(endMark);
  if (!a || !b) return null;
  const main = events.filter((e) => e.pid === a.pid && e.tid === a.tid && e.ph === 'X' && e.dur != null &&
    e.ts >= a.ts && e.ts + e.dur <= b.ts + 1);
  main.sort((x, y) => x.ts - y.ts || y.dur - x.dur);
  const kind = (n) => {
    if (/GC|Sweep|Marking/i.test(n)) return 'gc';
    if (/^(EventDispatch|FunctionCall|RunMicrotasks|TimerFire|FireAnimationFrame|EvaluateScript|v8\.|V8\.|RunTask.*Microtask)/.test(n)) return 'script';
    if (/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|InvalidateLayout)/.test(n)) return 'style';
    if (/^(Layout|UpdateLayer|LayoutShift)/.test(n)) return 'layout';
    if (/^(Paint|PrePaint|Layerize|Commit|PaintImage|CompositeLayers|UpdateLayerTree|Rasterize)/.test(n)) return 'paint';
    return 'other';
  };
  const self = { script: 0, gc: 0, style: 0, layout: 0, paint: 0, other: 0 };
  const stack = [];
  for (const e of main) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.self -= Math.min(e.dur, parent.end - e.ts);
    const node = { end: e.ts + e.dur, self: e.dur, kind: kind(e.name) };
    stack.push(node);
    e.__node = node;
  }
  for (const e of main) self[e.__node.kind] += e.__node.self;
  const busy = Object.values(self).reduce((x, y) => x + y, 0);
  return { wall: (b.ts - a.ts) / 1000, busy: busy / 1000, ...Object.fromEntries(Object.entries(self).map(([k, v]) => [k, v / 1000])) };
}

async function traced(browser, page, action) {
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.console', 'blink.user_timing'],
  });
  await page.evaluate(action.fn, action.arg);
  const buf = await browser.stopTracing();
  return JSON.parse(buf.toString('utf8')).traceEvents;
}

// In the page: console.timeStamp around a click and the frame after it.
function markedClick([click, wait]) {
  return new Promise((resolve) => {
    const el = document.querySelector(click);
    console.timeStamp('bench-start');
    el.click();
    const check = () => {
      if (wait && !document.querySelector(wait)) { setTimeout(check, 0); return; }
      requestAnimationFrame(() => setTimeout(() => { console.timeStamp('bench-end'); resolve(); }, 0));
    };
    check();
  });
}

async function whereTheMillisecondsGo(browser, url, heavy) {
  section('(info) Where the milliseconds go: main-thread self time from a Chromium trace, click to the frame after it');
  const seed = {
    [`sovcheck.v1.a.${heavy.id}`]: heavy.text,
    'sovcheck.v1.ui': JSON.stringify({ lang: 'en', open: heavy.id, step: 13 }), // read by builds before routes
  };
  const rows = [];
  const runs = 3;
  for (let i = 0; i < runs; i++) {
    const { context, page } = await freshPage(browser, { seed });
    await page.goto(`${url}#/a/${heavy.id}/step/13`);
    await page.waitForSelector(`${tid('goto-13')}[aria-current="step"]`, { timeout: 30_000 });
    const ids = await page.$$eval('[data-testid^="criterion-"]', (els) => els.map((e) => e.dataset.testid.slice(10)));
    // Answered before the step opened, the criteria are folded to their line: "Change"
    // unfolds the two clicked below (not traced).
    for (const id of ids.slice(0, 2)) {
      await page.click(tid(`fold-${id}`));
      await page.waitForSelector(tid(`choice-${id}-0`));
    }
    const steps = [
      ['answer click (heavy assessment)', [tid(`choice-${ids[0]}-0`), null]],
      ['answer click again', [tid(`choice-${ids[1]}-0`), null]],
      ['results (goto-14)', [tid(`goto-${RESULTS_STEP}`), tid('results')]],
      ['report (open-report)', [tid('open-report'), tid('report')]],
    ];
    for (const [name, arg] of steps) {
      const ev = await traced(browser, page, { fn: markedClick, arg });
      const r = breakdown(ev, 'bench-start', 'bench-end');
      if (r) rows.push({ name, ...r });
    }
    await context.close();
  }
  const names = [...new Set(rows.map((r) => r.name))];
  const cols = ['wall', 'busy', 'script', 'gc', 'style', 'layout', 'paint', 'other'];
  console.log(`  medians of ${runs} traced runs (ms; wall = click to the end of the next frame, busy = main thread working)`);
  console.log(`  ${'action'.padEnd(34)} ${cols.map((c) => c.padStart(7)).join(' ')}`);
  const table = {};
  for (const n of names) {
    const rs = rows.filter((r) => r.name === n);
    table[n] = Object.fromEntries(cols.map((c) => [c, median(rs.map((r) => r[c]))]));
    console.log(`  ${n.padEnd(34)} ${cols.map((c) => table[n][c].toFixed(1).padStart(7)).join(' ')}`);
  }
  return table;
}

/**
 * Answer clicks on the long-notes assessment (every one of the 48 changes its rung): each
 * change is saved, so this is the walk's heaviest case. In fresh contexts.
 */
async function heavyClicks(browser, url, heavy) {
  section(`3b. Answer click -> live estimate with 2,000-character notes on all 48 answers, ${JOURNEYS} x 48 clicks`);
  // Without the override: an overridden objective's criteria change nothing shown.
  const doc = structuredClone(heavy.doc);
  doc.assessment.overrides = {};
  const seed = {
    [`sovcheck.v1.a.${heavy.id}`]: `${JSON.stringify(doc, null, 2)}\n`,
    'sovcheck.v1.ui': JSON.stringify({ lang: 'en', open: heavy.id, step: 1 }), // read by builds before routes
  };
  const answers = doc.assessment.answers;
  const times = [];
  let unchanged = 0;
  for (let i = 0; i < JOURNEYS; i++) {
    const { context, page } = await freshPage(browser, { seed });
    await page.goto(`${url}#/a/${heavy.id}/step/1`);
    await page.waitForSelector(`${tid('goto-1')}[aria-current="step"]`, { timeout: 30_000 });
    for (const step of CRITERIA_STEPS) {
      if (step !== 1) await gotoStep(page, step);
      const ids = await page.$$eval('[data-testid^="criterion-"]', (els) => els.map((e) => e.dataset.testid.slice(10)));
      for (const id of ids) {
        const rung = answers[id]?.rung === 0 ? 1 : 0;
        // An answered criterion is folded to its line: "Change" unfolds it (not timed).
        if (!(await page.locator(tid(`choice-${id}-${rung}`)).count())) {
          await page.click(tid(`fold-${id}`));
          await page.waitForSelector(tid(`choice-${id}-${rung}`));
        }
        const r = await page.evaluate(clickToEstimate, tid(`choice-${id}-${rung}`));
        if (r.error) throw new Error(`heavy clicks: ${r.error}`);
        if (r.mutation == null) unchanged++; else times.push(r.mutation);
      }
    }
    await context.close();
  }
  console.log(`  clicks: ${times.length + unchanged}, estimate unchanged after ${unchanged}`);
  console.log(`  click -> first mutation of the live estimate: p50 ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, max ${ms(Math.max(...times))}`);
  figure('3', `answer click -> live estimate, long notes, p95 (${times.length} clicks)`,
    `p50 ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, max ${ms(Math.max(...times))}`,
    'p95 ≤ 4 ms', unchanged === 0 && quantile(times, 0.95) <= 4);
  return times;
}

// ---------------------------------------------------------------- 8. step navigation

// In the page: clicks "Next" and resolves with the time until the next step is in the
// document: the step list marks it current and the step's heading has changed (one
// MutationObserver on the whole document), and to the end of the next frame.
function nextToStep(wanted) {
  const el = document.querySelector('[data-testid="next"]');
  const before = document.querySelector('main h1')?.textContent;
  if (!el) return Promise.resolve({ error: 'missing next' });
  return new Promise((resolve) => {
    let t0 = 0;
    let done = false;
    const timer = setTimeout(() => { if (!done) { done = true; obs.disconnect(); resolve({ present: null }); } }, 5000);
    const there = () => document.querySelector(wanted) && document.querySelector('main h1')?.textContent !== before;
    const obs = new MutationObserver(() => {
      if (done || !there()) return;
      done = true;
      const present = performance.now() - t0;
      obs.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => setTimeout(() => resolve({ present, frame: performance.now() - t0 }), 0));
    });
    obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    t0 = performance.now();
    el.click();
  });
}

/**
 * "Next" from the context step to the results, twice, on the long-notes assessment (every
 * answer given, 2,000-character notes): click to the next step in the document.
 */
async function stepNavigation(browser, url, heavy) {
  const rounds = 2;
  section(`8. Step navigation: "Next" click -> next step in the document, long notes, ${rounds} x ${RESULTS_STEP} steps per context, ${JOURNEYS} contexts`);
  const seed = {
    [`sovcheck.v1.a.${heavy.id}`]: heavy.text,
    'sovcheck.v1.ui': JSON.stringify({ lang: 'en', open: heavy.id, step: 0 }), // read by builds before routes
  };
  const times = [];
  const frames = [];
  const warm = {};
  for (let i = 0; i < JOURNEYS; i++) {
    const { context, page, errors } = await freshPage(browser, { seed });
    await page.goto(`${url}#/a/${heavy.id}/step/0`);
    await page.waitForSelector(`${tid('goto-0')}[aria-current="step"]`, { timeout: 30_000 });
    for (let r = 0; r < rounds; r++) {
      if (r > 0) await gotoStep(page, 0);
      for (let k = 1; k <= RESULTS_STEP; k++) {
        const res = await page.evaluate(nextToStep, `${tid(`goto-${k}`)}[aria-current="step"]`);
        if (res.error || res.present == null) throw new Error(`step navigation: ${res.error ?? `step ${k} not reached`}`);
        times.push(res.present);
        frames.push(res.frame);
      }
    }
    // The app's off-page builds of the walk's screens (src/warmup.rs), as User Timing
    // measures: what the first visit of each kind would otherwise wait for.
    for (const m of await page.evaluate(() => performance.getEntriesByType('measure')
      .filter((e) => e.name.startsWith('sovcheck warm-up: ')).map((e) => [e.name.slice(18), e.duration]))) {
      (warm[m[0]] ||= []).push(m[1]);
    }
    if (errors.length) console.log(`  page errors: ${errors.slice(0, 3).join(' | ')}`);
    await context.close();
  }
  if (Object.keys(warm).length) {
    console.log(`  (info) screens built off the page once the walk is drawn, before any visit (median of ${JOURNEYS}): ${
      Object.entries(warm).map(([k, v]) => `${k} ${ms(quantile(v, 0.5))}`).join(', ')}`);
  }
  console.log(`  Next -> next step present: p50 ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, max ${ms(Math.max(...times))} (n=${times.length})`);
  console.log(`  (info) Next -> end of the next frame: p50 ${ms(quantile(frames, 0.5))}, p95 ${ms(quantile(frames, 0.95))}`);
  figure('8', `step navigation, Next -> next step present, long notes (${times.length} steps)`,
    `p50 ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}`, 'p95 ≤ 16 ms', quantile(times, 0.95) <= 16);
  return { times, frames };
}

// ---------------------------------------------------------------- 5. core, natively

/** Parses divan's table: name -> { fastest, slowest, median, mean } in nanoseconds. */
function parseDivan(text) {
  const unit = { ps: 1e-3, ns: 1, 'µs': 1e3, 'μs': 1e3, us: 1e3, ms: 1e6, s: 1e9 };
  const out = {};
  for (const line of text.split('\n')) {
    const m = /^[├╰]─ (\S+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const cols = m[2].split('│').map((c) => c.trim());
    const t = (c) => {
      const v = /^([\d.]+)\s*(ps|ns|µs|μs|us|ms|s)$/.exec(c ?? '');
      return v ? Number(v[1]) * unit[v[2]] : NaN;
    };
    out[m[1]] = { fastest: t(cols[0]), slowest: t(cols[1]), median: t(cols[2]), mean: t(cols[3]) };
  }
  return out;
}

function core() {
  section('5. The core, natively: cargo bench -p sovcheck-core --bench evaluate (divan)');
  const args = ['bench', '--locked', '-p', 'sovcheck-core', '--bench', 'evaluate'];
  const target = process.env.CARGO_TARGET_DIR ? ` (CARGO_TARGET_DIR=${process.env.CARGO_TARGET_DIR})` : '';
  console.log(`  cargo ${args.join(' ')}${target}`);
  const r = spawnSync('cargo', args, { cwd: ROOT, env: process.env, encoding: 'utf8', maxBuffer: 16 << 20 });
  if (r.status !== 0) {
    console.log(`  cargo bench failed (${r.error?.message ?? `exit ${r.status}`}):\n${(r.stderr || '').split('\n').slice(-15).join('\n')}`);
    figure('5', 'core evaluate(), fully answered, natively', 'not measured (cargo bench failed)', '≤ 50 µs', null);
    return null;
  }
  const table = r.stdout.split('\n').filter((l) => /^(Timer|evaluate|[├╰│ ]\S*)/.test(l) && l.trim());
  for (const l of table) console.log(`    ${l}`);
  const b = parseDivan(r.stdout);
  const us = (ns) => (Number.isNaN(ns) || ns == null ? 'n/a' : ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(2)} µs`);
  const ev = b.evaluate_best;
  figure('5', 'core evaluate(), 48 best rungs + evidence + override',
    ev ? `median ${us(ev.median)}` : 'n/a', '≤ 50 µs', ev ? ev.median <= 50_000 : null);
  for (const [name, label] of [['evaluate_middle', 'core evaluate(), 48 middle rungs'],
    ['evaluate_half_open', 'core evaluate(), 24 answered, 24 open'],
    ['parse_document_full', 'core parse_document(), 110 KB export'],
    ['fingerprint_full', 'core fingerprint() of the same']]) {
    if (b[name]) figure('5', label, `median ${us(b[name].median)}`, name.startsWith('evaluate') ? '≤ 50 µs' : '(info)',
      name.startsWith('evaluate') ? b[name].median <= 50_000 : null);
  }
  return b;
}

// ---------------------------------------------------------------- 7. Lighthouse

const LH_START_RUNS = 3;
const LH_BUDGET = { performance: 95, accessibility: 100, 'best-practices': 95 };

/** The audits that cost points in a category: id, title, score, displayed value. */
function failing(lhr, cat) {
  return lhr.categories[cat].auditRefs
    .map((ref) => ({ ref, a: lhr.audits[ref.id] }))
    .filter(({ a }) => a && a.score !== null && a.score < 1 &&
      ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode))
    .sort((x, y) => (y.ref.weight || 0) - (x.ref.weight || 0))
    .map(({ ref, a }) => `${a.id} "${a.title}" score ${a.score}${a.displayValue ? ` (${a.displayValue})` : ''}${ref.weight ? ` weight ${ref.weight}` : ''}`);
}

/** A category's score in percent; for a snapshot or timespan step's performance, which
 * Lighthouse reports as a count (it has no load metrics), the passed/total of its scored
 * audits, as the flow report shows them. */
function score(lhr, cat) {
  const c = lhr.categories[cat];
  if (!c) return { text: 'n/a', value: null };
  if (c.score !== null && (lhr.gatherMode === 'navigation' || cat !== 'performance')) {
    return { text: String(Math.round(c.score * 100)), value: Math.round(c.score * 100) };
  }
  const scored = c.auditRefs.map((r) => lhr.audits[r.id])
    .filter((a) => a && a.score !== null && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode));
  const passed = scored.filter((a) => a.score >= 0.9).length;
  return { text: `${passed}/${scored.length} audits`, value: null, allPassed: passed === scored.length };
}

/** Whether a step meets the budgets (a count must have every audit passed). */
const withinBudget = (lhr, cat) => {
  const s = score(lhr, cat);
  return s.value !== null ? s.value >= LH_BUDGET[cat] : s.allPassed !== false;
};

async function lighthouseRuns(url, heavy) {
  section('7. Lighthouse (npm lighthouse, Debian Chromium): start screen and the other screens, desktop and mobile');
  let lh, chromeLauncher, puppeteer;
  try {
    lh = await import('lighthouse');
    chromeLauncher = await import('chrome-launcher');
    puppeteer = (await import('puppeteer-core')).default;
  } catch (e) {
    console.log(`  lighthouse is not installed (npm ci): ${e.message}`);
    figure('7', 'Lighthouse', 'not measured (npm ci first)', '', null);
    return null;
  }
  const { startFlow, desktopConfig } = lh;
  process.env.CHROME_PATH ||= CHROME;
  const chromeFlags = ['--headless=new', ...HARNESS_FLAGS];
  const categories = Object.keys(LH_BUDGET);
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version;
  console.log(`  lighthouse ${version}, CHROME_PATH=${process.env.CHROME_PATH}, chromeFlags ${chromeFlags.join(' ')}`);
  // A second assessment (the heavy one a year later, four answers moved) so that the start
  // screen lists two and the comparison and difference have something to show.
  const later = JSON.parse(heavy.text);
  later.assessment.id = `${heavy.id}-later`;
  later.assessment.meta.title = `${later.assessment.meta.title} (2027)`;
  for (const id of Object.keys(later.assessment.answers).slice(0, 4)) {
    const ans = later.assessment.answers[id];
    ans.rung = ans.rung > 0 ? ans.rung - 1 : ans.rung + 1;
  }
  const seed = {
    [`sovcheck.v1.a.${heavy.id}`]: heavy.text,
    [`sovcheck.v1.a.${later.assessment.id}`]: JSON.stringify(later, null, 2),
    'sovcheck.v1.ui': JSON.stringify({ lang: 'en' }),
  };
  const out = {};
  // The flow runs against e2e/serve.mjs as every other figure does: it sends the release's
  // precompressed copies, as docs/HOSTING.md's nginx does. One more cold start on a host
  // that does not compress at all is printed for information.
  const identity = await serve(dist, 0, '/', { compress: false });
  const identityUrl = `http://127.0.0.1:${identity.address().port}/`;
  for (const ff of ['desktop', 'mobile']) {
    const config = ff === 'desktop'
      ? { ...desktopConfig, settings: { ...desktopConfig.settings, onlyCategories: categories } }
      : { extends: 'lighthouse:default', settings: { onlyCategories: categories } };
    const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH, chromeFlags });
    let browser;
    try {
      browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
      const page = await browser.newPage();
      const flow = await startFlow(page, { name: `sovcheck, ${ff}`, config });
      // A cold load of the start screen (storage and cache reset by Lighthouse).
      // Lighthouse scores vary from run to run: the start screen's is the median of three.
      for (let k = 1; k <= LH_START_RUNS; k++) {
        await flow.navigate(url, { name: `start screen (cold load ${k})`, disableStorageReset: false });
      }
      // The results of a heavy assessment, opened directly after a reload.
      await page.evaluate((entries) => {
        localStorage.clear();
        for (const [k, v] of entries) localStorage.setItem(k, v);
      }, Object.entries(seed));
      // Away first: from the start screen, an address differing only in its fragment would
      // be followed inside the page, which has not read the assessments just stored.
      await page.goto('about:blank');
      await flow.navigate(`${url}#/a/${heavy.id}/step/${RESULTS_STEP}`, { name: 'results, 48 answers and long notes (reload, storage kept)', disableStorageReset: true });
      // Interactions, judged as timespans (TBT, INP, CLS): four answers changed on walk
      // step 1, then the results and the report of the heavy assessment rendered.
      await page.waitForSelector(tid('results'));
      await page.click(tid('goto-1'));
      await page.waitForSelector(`${tid('goto-1')}[aria-current="step"]`);
      await flow.startTimespan({ name: 'walk step 1: four answers changed (timespan)' });
      const ids = await page.$$eval('[data-testid^="criterion-"]', (els) => els.map((e) => e.dataset.testid.slice(10)));
      for (const id of ids.slice(0, 4)) {
        // Answered before the step opened, a criterion is folded to its line: "Change" first.
        if (!(await page.$(tid(`choice-${id}-0`)))) {
          await page.click(tid(`fold-${id}`));
          await page.waitForSelector(tid(`choice-${id}-0`));
        }
        await page.click(tid(`choice-${id}-0`));
        await new Promise((r) => setTimeout(r, 300));
      }
      await flow.endTimespan();
      await flow.snapshot({ name: 'walk step 1 (snapshot)' });
      await flow.startTimespan({ name: 'results, then report, long notes (timespan)' });
      await page.click(tid(`goto-${RESULTS_STEP}`));
      await page.waitForSelector(tid('open-report'));
      await new Promise((r) => setTimeout(r, 300));
      await page.click(tid('open-report'));
      await page.waitForSelector(tid('report'));
      await new Promise((r) => setTimeout(r, 300));
      await flow.endTimespan();
      await flow.snapshot({ name: 'report (snapshot)' });
      // The screens reached from the start screen: the workspace of two assessments (a
      // navigation with storage kept and nothing open), the comparison with its difference,
      // the fingerprint check and the accessibility statement (snapshots).
      await page.evaluate(() => localStorage.setItem('sovcheck.v1.ui', JSON.stringify({ lang: 'en' })));
      await flow.navigate(url, { name: 'start screen, two assessments (reload, storage kept)', disableStorageReset: true });
      await page.waitForSelector(tid('open-compare'));
      await page.click(tid('open-compare'));
      await page.waitForSelector(tid('diff-table'));
      await flow.snapshot({ name: 'comparison and difference (snapshot)' });
      await page.click(tid('back'));
      await page.waitForSelector(tid('open-verify'));
      await page.click(tid('open-verify'));
      await page.waitForSelector(tid('verify'));
      await flow.snapshot({ name: 'fingerprint check (snapshot)' });
      await page.click(tid('back'));
      await page.waitForSelector(tid('open-accessibility'));
      await page.click(tid('open-accessibility'));
      await page.waitForSelector(tid('accessibility'));
      await flow.snapshot({ name: 'accessibility statement (snapshot)' });
      // The same cold start from a host that sends every file uncompressed: information only.
      await flow.navigate(identityUrl, { name: 'start screen, uncompressed host (cold load, info)', disableStorageReset: false });
      const result = await flow.createFlowResult();
      const report = path.join(os.tmpdir(), `sovcheck-lighthouse-${ff}.html`);
      fs.writeFileSync(report, lh.generateReport(result, 'html'));
      out[ff] = result;
      console.log(`  ${ff}: flow report written to ${report}`);
      const printed = new Set(); // failing audits are listed once per screen
      for (const step of result.steps) {
        const lhr = step.lhr;
        const mode = lhr.gatherMode;
        const parts = categories.map((c) => `${c} ${score(lhr, c).text}`);
        console.log(`    [${mode}] ${step.name}: ${parts.join(', ')}`);
        if (mode === 'navigation') {
          const metric = (id) => lhr.audits[id]?.displayValue ?? 'n/a';
          console.log(`      FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, ` +
            `TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, SI ${metric('speed-index')}`);
          const lcp = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
          if (lcp) console.log(`      LCP element: ${lcp.selector ?? ''} ${String(lcp.snippet ?? '').slice(0, 80)}`);
        } else if (mode === 'timespan') {
          const metric = (id) => lhr.audits[id]?.displayValue ?? 'n/a';
          console.log(`      TBT ${metric('total-blocking-time')}, INP ${metric('interaction-to-next-paint')}, CLS ${metric('cumulative-layout-shift')}`);
        }
        const label = step.name.replace(/ \d+\)$/, ')');
        for (const c of categories) {
          if (withinBudget(lhr, c) || printed.has(`${label}/${c}`)) continue;
          printed.add(`${label}/${c}`);
          for (const f of failing(lhr, c)) console.log(`      ${c} below budget: ${f}`);
        }
      }
      // One summary row per screen; repeated runs (the start screen) give their median.
      const groups = new Map();
      for (const step of result.steps) {
        const label = step.name.replace(/ \((cold load|snapshot|timespan|reload)[^)]*\)$/, '').replace(/, 48 answers and long notes/, ' (long notes)');
        const key = `${label} [${step.lhr.gatherMode}]`;
        if (!groups.has(key)) groups.set(key, { info: step.name.includes('info'), lhrs: [] });
        groups.get(key).lhrs.push(step.lhr);
      }
      for (const [key, { info, lhrs }] of groups) {
        const short = { performance: 'perf', accessibility: 'a11y', 'best-practices': 'bp' };
        const parts = [];
        let ok = true;
        for (const c of categories) {
          const ss = lhrs.map((l) => score(l, c));
          if (ss.every((x) => x.value !== null)) {
            const vs = ss.map((x) => x.value);
            const med = median(vs);
            parts.push(`${short[c]} ${med}${Math.min(...vs) !== Math.max(...vs) ? ` (${Math.min(...vs)}-${Math.max(...vs)})` : ''}`);
            ok &&= med >= LH_BUDGET[c];
          } else {
            parts.push(`${short[c]} ${ss.map((x) => x.text).join(' / ')}`);
            ok &&= lhrs.every((l) => withinBudget(l, c));
          }
        }
        figure('7', `Lighthouse ${ff}, ${key}${lhrs.length > 1 ? `, median of ${lhrs.length}` : ''}`, parts.join(', '),
          info ? '(info)' : 'perf ≥ 95, a11y 100, bp ≥ 95', info ? null : ok);
      }
    } catch (e) {
      console.log(`  ${ff}: Lighthouse failed: ${e.stack || e.message}`);
      figure('7', `Lighthouse ${ff}`, `not measured (${e.message.split('\n')[0]})`, 'perf ≥ 95, a11y 100, bp ≥ 95', null);
    } finally {
      await browser?.disconnect().catch(() => {});
      await chrome.kill();
    }
  }
  identity.close();
  return out;
}

// ---------------------------------------------------------------- main

if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`bench: ${dist}/index.html is missing: build first (trunk build --release)`);
  process.exit(1);
}
const chromiumVersion = (spawnSync(CHROME, ['--version'], { encoding: 'utf8' }).stdout || '').trim();
const started = new Date();
console.log(`sovcheck benchmark: ${started.toISOString()}, dist ${dist}`);
console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), shared with other work; load average ${load()}; ` +
  `node ${process.version}; ${chromiumVersion}. Times are medians or quantiles of repeated runs.`);

const results = { started: started.toISOString(), chromium: chromiumVersion, cores: os.cpus().length };
if (wants('sizes')) results.sizes = sizes();

const server = await serve(dist, 0, '/');
const url = `http://127.0.0.1:${server.address().port}/`;
const needsBrowser = ['load', 'journey', 'steps', 'render', 'trace', 'lighthouse'].some(wants);
let heavy = null;
try {
  if (needsBrowser) {
    const browser = await chromium.launch({ executablePath: CHROME, args: BROWSER_ARGS });
    try {
      if (wants('load')) results.load = await coldLoads(browser, url);
      if (['journey', 'steps', 'render', 'trace', 'lighthouse'].some(wants)) {
        // The render and Lighthouse sections start from a journey's exported file.
        const j = wants('journey') ? await journeys(browser, url) : await (async () => {
          section('(one journey to get an exported file)');
          return journey(browser, url);
        })();
        if (wants('journey')) results.journey = { clicks: j.clicks, peak: j.peak };
        heavy = heavyDocument(j.exported, j.rungs);
        if (process.env.BENCH_HEAVY_FILE) fs.writeFileSync(process.env.BENCH_HEAVY_FILE, heavy.text);
      }
      if (wants('journey')) results.heavyClicks = await heavyClicks(browser, url, heavy);
      if (wants('steps')) results.steps = await stepNavigation(browser, url, heavy);
      if (wants('render')) results.render = await renders(browser, url, heavy);
      if (wants('trace')) results.trace = await whereTheMillisecondsGo(browser, url, heavy);
    } finally {
      await browser.close();
    }
  }
  if (wants('core')) results.core = core();
  if (wants('lighthouse')) await lighthouseRuns(url, heavy);
} finally {
  server.close();
}

// ---------------------------------------------------------------- summary table

const elapsed = ((Date.now() - started.getTime()) / 1000).toFixed(0);
console.log(`\n== Summary (${started.toISOString().slice(0, 10)}, ${chromiumVersion}, ${os.cpus().length} shared cores, ${elapsed} s)`);
const w = {
  n: 2,
  name: Math.max(...figures.map((f) => f.name.length), 6),
  measured: Math.max(...figures.map((f) => f.measured.length), 8),
  budget: Math.max(...figures.map((f) => f.budget.length), 6),
};
const line = (n, name, measured, budget, status) =>
  `  ${String(n).padEnd(w.n)}  ${name.padEnd(w.name)}  ${measured.padEnd(w.measured)}  ${budget.padEnd(w.budget)}  ${status}`;
console.log(line('#', 'figure', 'measured', 'budget', 'status'));
console.log(line('--', '-'.repeat(w.name), '-'.repeat(w.measured), '-'.repeat(w.budget), '------'));
for (const f of [...figures].sort((a, b) => Number(a.n) - Number(b.n))) console.log(line(f.n, f.name, f.measured, f.budget, f.status === 'n/a' ? '' : f.status));
const over = figures.filter((f) => f.status === 'OVER');
console.log(`  ${over.length ? `${over.length} figure(s) over budget: ${over.map((f) => `#${f.n} ${f.name}`).join('; ')}` : 'every measured figure is within its budget'}`);
if (process.env.BENCH_JSON) {
  fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify({ ...results, figures }, null, 1));
  console.log(`  figures written to ${process.env.BENCH_JSON}`);
}
