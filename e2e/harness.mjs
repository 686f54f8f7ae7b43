// The e2e harness: one static server and one headless Debian Chromium per test file, and
// pages that fail the test on any console error, page error, request to another origin,
// Content-Security-Policy violation or axe-core violation. Tests use `data-testid`
// selectors through small page helpers.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { serve } from './serve.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const DIST = path.resolve(process.env.SOVCHECK_DIST || 'dist');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];

/** Starts the server and the browser; call `stop()` when done. */
export async function start({ base = '/' } = {}) {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: run trunk build --release first`);
  }
  const server = await serve(DIST, 0, base);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    origin,
    url: origin + base,
    browser,
    /** The static server (node `http.Server`): its `request` events are what reached it. */
    server,
    /** A fresh context (empty storage) and a page with its recorder. */
    async page(options = {}) {
      const context = await browser.newContext({ acceptDownloads: true, ...options });
      const page = await context.newPage();
      const rec = record(page, origin);
      await recordViolations(context, rec);
      return { context, page, rec };
    },
    async stop() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/**
 * Records console errors, page errors and every request of a page; `violations` is filled by
 * `recordViolations` (which `page()` sets up for every context it makes).
 */
export function record(page, origin) {
  const rec = { errors: [], requests: [], foreign: [], violations: [] };
  page.on('console', (m) => { if (m.type() === 'error') rec.errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => rec.errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    rec.requests.push(u);
    if (!(u.startsWith(origin + '/') || u.startsWith('data:') || u.startsWith('blob:'))) {
      rec.foreign.push(u);
    }
  });
  return rec;
}

let bindings = 0;

/**
 * Records every Content-Security-Policy violation of the context's pages in
 * `rec.violations`, as `directive blocked what at where`: a `securitypolicyviolation`
 * listener installed before any page script runs (Chromium also logs most violations as
 * console errors, which `record` catches too).
 */
export async function recordViolations(context, rec) {
  rec.violations ??= [];
  const name = `__sovcheckCspViolation${bindings++}`;
  await context.exposeBinding(name, (_source, v) => { rec.violations.push(v); });
  await context.addInitScript((binding) => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window[binding](`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || e.documentURI}:${e.lineNumber}:${e.columnNumber}${e.sample ? ` "${e.sample}"` : ''}`);
    });
  }, name);
}

/** Fails on any console or page error, request to another origin or CSP violation so far. */
export function assertClean(rec) {
  assert.deepEqual(rec.errors, [], 'console or page errors');
  assert.deepEqual(rec.foreign, [], 'requests to another origin');
  assert.deepEqual(rec.violations ?? [], [], 'Content-Security-Policy violations');
}

/** Runs axe-core on the page as it is now; fails on any violation, naming each. */
export async function assertAccessible(page, label) {
  // evaluate() runs through the DevTools protocol, so a strict page CSP does not block it.
  await page.evaluate(AXE_SOURCE + '\n;undefined');
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ['violations'] }));
  const summary = result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(summary, [], `axe violations on ${label}`);
}

/** `[data-testid="..."]`. */
export const tid = (id) => `[data-testid="${id}"]`;

/** Unfolds criterion `id` when its answer folded it to one line (a rung chosen with the pointer folds it). */
export async function unfold(page, id) {
  if (await page.getAttribute(tid(`criterion-${id}`), 'data-folded') === 'true') await page.click(tid(`fold-${id}`));
}

/** Opens the app in a fresh context and waits for the start screen. */
export async function openApp(env, locale = 'en-GB') {
  const s = await env.page({ locale });
  await s.page.goto(env.url);
  await s.page.waitForSelector(tid('new-assessment'));
  return s;
}

/** The live estimate's SEAL range as `[lower, upper]` strings. */
export async function sealOf(page) {
  const el = page.locator(tid('seal-range'));
  return [await el.getAttribute('data-lower'), await el.getAttribute('data-upper')];
}

/** The live estimate's score range as `[lower, upper]` strings. */
export async function scoreOf(page) {
  const el = page.locator(tid('score-range'));
  return [await el.getAttribute('data-lower'), await el.getAttribute('data-upper')];
}

/** Clicks `selector` and returns the file it downloads: `{ name, text }`. */
export async function downloadOf(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

/** Every sovcheck key of the page's local storage, with its value. */
export async function storedOf(page) {
  return page.evaluate(() => Object.fromEntries(
    Object.keys(localStorage).filter((k) => k.startsWith('sovcheck.')).sort()
      .map((k) => [k, localStorage.getItem(k)])));
}

/** The walk index of the step holding criterion `id` (found by visiting the step list). */
export async function stepOf(page, id) {
  const n = await page.locator('[data-testid^="goto-"]').count();
  for (let i = 1; i < n; i++) {
    await page.click(tid(`goto-${i}`));
    if (await page.locator(tid(`criterion-${id}`)).count()) return i;
  }
  throw new Error(`no step holds ${id}`);
}

/**
 * From the start screen: a new assessment for `provider` with `answers` (`[id, rung]`
 * pairs); `extra` runs on the context step before going back to the start screen.
 */
export async function makeAssessment(page, provider, answers, extra = async () => {}) {
  await page.click(tid('new-assessment'));
  await page.fill('#provider', provider);
  for (const [id, rung] of answers) {
    await page.click(tid(`goto-${await stepOf(page, id)}`));
    await page.check(tid(`choice-${id}-${rung}`));
  }
  await page.click(tid('goto-0'));
  await extra();
  await page.click(tid('goto-0'));
  await page.click(tid('back'));
  await page.waitForSelector(tid('workspace'));
}

/**
 * From the start screen: names a provider, answers SOV-7.1 at rung 2, reloads, and checks
 * that the answer, the provider and the results (SEAL-0 to 2) survived the reload.
 */
export async function answerReloadAndCheck(page, provider) {
  await page.click(tid('new-assessment'));
  await page.fill('#provider', provider);
  await page.click(tid('next'));
  await page.check(tid('choice-SOV-7.1-2'));
  await page.reload();
  await page.waitForSelector(tid('criterion-SOV-7.1'));
  await unfold(page, 'SOV-7.1');
  assert.equal(await page.isChecked(tid('choice-SOV-7.1-2')), true);
  await page.click(tid('goto-0'));
  assert.equal(await page.inputValue('#provider'), provider);
  await page.click(tid('goto-14'));
  await page.waitForSelector(tid('results'));
  // SOV-7.1 at rung 2 grants SEAL-2; the criteria still open can reach SEAL-0 at worst.
  assert.deepEqual(await sealOf(page), ['0', '2']);
}

/**
 * Switches the app's language with its switch and waits until the page is in it (the
 * words of a language the page has not shown yet are loaded first).
 */
export async function switchLang(page, tag) {
  await page.click(tid(`lang-${tag}`));
  await page.waitForSelector(`html[lang="${tag}"]`);
}

/**
 * French written with ordinary spaces, as the app shows it: French typography binds the
 * space before `;` `?` `!` `»` and after `«` (narrow no-break space), before `:` and `%`
 * (no-break space). The same rule as `crates/sovcheck-core/src/typography.rs`.
 */
export function fr(text) {
  return text
    .replace(/ ([;?!»])/g, '\u202f$1')
    .replace(/« /g, '«\u202f')
    .replace(/ ([:%])/g, '\u00a0$1');
}
