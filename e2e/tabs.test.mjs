// Two tabs of sovcheck in one browser (two pages of one context, sharing local storage):
// what one tab saves reaches the other at once; edits to different fields both survive; the
// same field changed in both is a visible conflict in the tab that would lose, with both
// values and a choice; a delete, a rename, an import or a wipe in one tab is applied in the
// other before it can write again. The single file from file:// does the same.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import {
  start, record, recordViolations, assertClean, assertAccessible, tid, makeAssessment, stepOf,
  storedOf, downloadOf, switchLang, fr, CHROMIUM_ARGS, unfold } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/**
 * One context, two pages on the start screen; `hold` (for the page named) installs a gate on
 * the `storage` event, so that a test can hold another tab's news back, as a busy process
 * would, and let it through later.
 */
async function twoTabs(locale = 'en-GB') {
  const s = await env.page({ locale });
  await s.context.addInitScript(() => {
    const add = EventTarget.prototype.addEventListener;
    window.__held = [];
    window.__hold = false;
    EventTarget.prototype.addEventListener = function (type, fn, opts) {
      if (type !== 'storage') return add.call(this, type, fn, opts);
      const gated = (e) => (window.__hold ? window.__held.push(() => fn.call(this, e)) : fn.call(this, e));
      return add.call(this, type, gated, opts);
    };
    window.__release = () => { window.__hold = false; const q = window.__held.splice(0); q.forEach((f) => f()); };
  });
  const a = s.page;
  await a.goto(env.url);
  await a.waitForSelector(tid('new-assessment'));
  const b = await s.context.newPage();
  const recB = record(b, env.origin);
  recB.violations = s.rec.violations;
  await b.goto(env.url);
  await b.waitForSelector(tid('new-assessment'));
  return { a, b, recA: s.rec, recB, context: s.context };
}

/** Opens a criterion's evidence fields (unless they are open already). */
async function evidence(page, id) {
  await unfold(page, id);
  if (!(await page.locator(`${tid(`evidence-${id}`)}[open]`).count())) await page.click(`${tid(`evidence-${id}`)} summary`);
}

const rows = (page) => page.locator(`${tid('assessment-row')} h3`).allTextContents();
const stored = async (page, id) => JSON.parse((await storedOf(page))[`sovcheck.v1.a.${id}`]).assessment;
const idOf = (page) => page.locator(tid('assessment-row')).first().getAttribute('data-id');

/** Opens the (first) assessment of the list in `page` at the walk step holding `criterion`. */
async function openAt(page, criterion) {
  await page.click(`${tid('assessment-row')} ${tid('row-open')}`);
  await page.click(tid(`goto-${await stepOf(page, criterion)}`));
}

test('edits to different fields in two tabs both survive, and each tab shows the other\'s', async () => {
  const { a, b, recA, recB, context } = await twoTabs();
  await makeAssessment(a, 'Shared Offer', []);
  await b.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-row"]').length === 1);
  const id = await idOf(a);
  await openAt(a, 'SOV-1.1');
  await openAt(b, 'SOV-2.2');
  await a.check(tid('choice-SOV-1.1-2'));
  await evidence(b, 'SOV-2.2');
  await b.fill('#SOV-2_2-note', 'B wrote this');
  // Storage holds both; each tab shows the other's change without a reload.
  const s = await stored(a, id);
  assert.deepEqual(s.answers, { 'SOV-1.1': { rung: 2 }, 'SOV-2.2': { note: 'B wrote this' } });
  await b.click(tid(`goto-${await stepOf(b, 'SOV-1.1')}`));
  await unfold(b, 'SOV-1.1');
  assert.equal(await b.isChecked(tid('choice-SOV-1.1-2')), true);
  await a.click(tid(`goto-${await stepOf(a, 'SOV-2.2')}`));
  await evidence(a, 'SOV-2.2');
  assert.equal(await a.inputValue('#SOV-2_2-note'), 'B wrote this');
  // The other order: B answers, then A writes a note; and the saved indicator says so.
  await b.click(tid(`goto-${await stepOf(b, 'SOV-4.6')}`));
  await b.check(tid('choice-SOV-4.6-1'));
  await a.fill('#SOV-2_2-note', 'A rewrote it');
  const t = await stored(a, id);
  assert.deepEqual(t.answers, { 'SOV-1.1': { rung: 2 }, 'SOV-2.2': { note: 'A rewrote it' }, 'SOV-4.6': { rung: 1 } });
  assert.match(await a.textContent(tid('saved-indicator')), /^Saved at (1[0-2]|[1-9]):[0-5]\d [AP]M$/);
  assert.equal(await a.locator(tid('tab-conflict')).count(), 0);
  assert.equal(await b.locator(tid('tab-conflict')).count(), 0);
  assertClean(recA);
  assertClean(recB);
  await context.close();
});

test('the same field changed in two tabs: the tab that would lose shows both values and lets the user choose', async () => {
  const { a, b, recA, recB, context } = await twoTabs();
  await makeAssessment(a, 'Original Provider', []);
  await b.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-row"]').length === 1);
  const id = await idOf(a);
  for (const p of [a, b]) await p.click(`${tid('assessment-row')} ${tid('row-open')}`);
  // B does not hear of A's change in time (as when the two tabs run in busy processes).
  await b.evaluate(() => { window.__hold = true; });
  await a.fill('#provider', 'Provider from A');
  await b.fill('#provider', 'Provider from B');
  // B found A's version in storage before writing: A's value is the saved one, B's is kept
  // on screen in the conflict, and nothing was written from B's stale copy.
  await b.waitForSelector(tid('tab-conflict'));
  assert.equal((await stored(a, id)).meta.provider, 'Provider from A');
  assert.equal(await b.textContent(`${tid('tab-conflict')} p strong`), 'Changed in another tab too: Provider of “\u2068Provider from A\u2069”');
  assert.equal(await b.textContent(tid('conflict-theirs')), 'Provider from A');
  assert.equal(await b.textContent(tid('conflict-mine')), 'Provider from B');
  assert.equal(await b.inputValue('#provider'), 'Provider from A');
  assert.equal(await a.locator(tid('tab-conflict')).count(), 0, 'the tab that saved first has nothing to decide');
  await assertAccessible(b, 'two-tab conflict');
  await b.evaluate(() => window.__release());
  // Keep this tab's value: it is saved, and A takes it in.
  await b.click(tid('keep-mine'));
  assert.equal(await b.locator(tid('tab-conflict')).count(), 0);
  assert.equal(await b.inputValue('#provider'), 'Provider from B');
  await a.waitForFunction(() => document.querySelector('#provider').value === 'Provider from B');
  assert.equal((await stored(a, id)).meta.provider, 'Provider from B');

  // Again, in French, choosing the saved value.
  await switchLang(b, 'fr');
  await b.evaluate(() => { window.__hold = true; });
  await a.fill('#offer', 'Offre A');
  await b.fill('#offer', 'Offre B');
  await b.waitForSelector(tid('tab-conflict'));
  assert.equal(await b.textContent(`${tid('tab-conflict')} p strong`), fr('Modifié aussi dans un autre onglet : Offre de « \u2068\u2068Provider from B\u2069 — \u2068Offre A\u2069\u2069 »'));
  await b.evaluate(() => window.__release());
  await b.click(tid('keep-theirs'));
  assert.equal(await b.inputValue('#offer'), 'Offre A');
  assert.equal((await stored(a, id)).meta.offer, 'Offre A');
  assert.equal(await a.inputValue('#offer'), 'Offre A');
  assertClean(recA);
  assertClean(recB);
  await context.close();
});

test('a delete in one tab closes the assessment in the other, which cannot bring it back', async () => {
  const { a, b, recA, recB, context } = await twoTabs();
  await makeAssessment(a, 'Doomed Cloud', [['SOV-7.1', 2]]);
  await b.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-row"]').length === 1);
  const id = await idOf(a);
  await openAt(b, 'SOV-1.1');
  await a.click(`${tid('assessment-row')} ${tid('row-delete')}`);
  await a.click(tid('row-delete-confirm'));
  // B is back on the start screen, told why; nothing it does writes the assessment back.
  await b.waitForSelector(`${tid('storage-notice')}[data-kind="deleted"]`);
  assert.equal(await b.textContent(`${tid('storage-notice')} p`), '“\u2068Doomed Cloud\u2069” was deleted in another tab.');
  assert.equal(await b.locator(tid('workspace')).count(), 1);
  assert.deepEqual(await rows(b), []);
  await assertAccessible(b, 'deleted in another tab');
  await b.click(tid('new-assessment'));
  await b.fill('#provider', 'Fresh');
  const keys = Object.keys(await storedOf(b)).filter((k) => k.startsWith('sovcheck.v1.a.'));
  assert.equal(keys.length, 1);
  assert.notEqual(keys[0], `sovcheck.v1.a.${id}`);
  assertClean(recA);
  assertClean(recB);
  await context.close();
});

test('a rename in one tab shows in the other at once and survives its next edit', async () => {
  const { a, b, recA, recB, context } = await twoTabs();
  await makeAssessment(a, 'Named Cloud', []);
  await b.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-row"]').length === 1);
  const id = await idOf(a);
  await a.click(`${tid('assessment-row')} ${tid('row-rename')}`);
  await a.fill(tid('row-rename-input'), 'Named Cloud, 2027 review');
  await a.keyboard.press('Enter');
  await b.waitForFunction(() => document.querySelector('[data-testid="assessment-row"] h3')?.textContent === 'Named Cloud, 2027 review');
  await openAt(b, 'SOV-1.1');
  await b.check(tid('choice-SOV-1.1-3'));
  const s = await stored(b, id);
  assert.equal(s.meta.title, 'Named Cloud, 2027 review');
  assert.deepEqual(s.answers, { 'SOV-1.1': { rung: 3 } });
  assertClean(recA);
  assertClean(recB);
  await context.close();
});

test('an import in one tab reaches the other\'s list and its "Export all"', async () => {
  const { a, b, recA, recB, context } = await twoTabs();
  await makeAssessment(a, 'Local One', []);
  await b.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-row"]').length === 1);
  const workspace = {
    formatVersion: 2,
    assessments: [
      { id: 'imp-1', meta: { provider: 'Imported One' }, answers: {} },
      { id: 'imp-2', meta: { provider: 'Imported Two' }, answers: { 'SOV-7.1': { rung: 1 } } },
    ],
  };
  await a.setInputFiles(tid('import-file'), { name: 'workspace.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(workspace)) });
  await a.waitForSelector(tid('import-done'));
  await b.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-row"]').length === 3);
  assert.deepEqual((await rows(b)).sort(), ['Imported One', 'Imported Two', 'Local One']);
  const all = JSON.parse((await downloadOf(b, tid('export-all'))).text);
  assert.deepEqual(all.assessments.map((x) => x.meta.provider).sort(), ['Imported One', 'Imported Two', 'Local One']);
  assertClean(recA);
  assertClean(recB);
  await context.close();
});

test('a wipe in one tab empties the other, which writes nothing back, its place in the app included', async () => {
  // An English browser, the other tab in French with an assessment open: its place would
  // otherwise be remembered (the language differs from the browser's).
  const { a, b, recA, recB, context } = await twoTabs();
  await makeAssessment(a, 'Wiped Cloud', [['SOV-7.1', 1]]);
  await b.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-row"]').length === 1);
  await switchLang(b, 'fr');
  await openAt(b, 'SOV-1.1');
  await a.click(tid('wipe-all'));
  await a.click(tid('wipe-confirm'));
  await a.waitForSelector(tid('wiped'));
  await b.waitForSelector(`${tid('storage-notice')}[data-kind="wiped"]`);
  assert.equal(await b.textContent(`${tid('storage-notice')} p`),
    'Toutes les données de sovcheck ont été effacées dans un autre onglet. Rien d\'avant n\'est conservé ici.');
  assert.deepEqual(await rows(b), []);
  assert.equal(await b.locator(tid('resume')).count(), 0);
  // B moves around: nothing is stored again.
  await b.click(tid('open-verify'));
  await b.click(tid('back'));
  await b.click(tid('open-accessibility'));
  await b.click(tid('back'));
  assert.equal(await b.evaluate(() => localStorage.length), 0);
  assert.equal(await a.evaluate(() => localStorage.length), 0);
  // Until the user starts something again.
  await b.click(tid('new-assessment'));
  await b.fill('#provider', 'After the wipe');
  assert.equal(Object.keys(await storedOf(b)).filter((k) => k.startsWith('sovcheck.v1.a.')).length, 1);
  await a.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-row"]').length === 1);
  assertClean(recA);
  assertClean(recB);
  await context.close();
});

test('a wipe in this tab leaves nothing, even in another language than the browser\'s', async () => {
  const s = await env.page({ locale: 'en-GB' });
  const { page, rec, context } = s;
  await page.goto(env.url);
  await page.waitForSelector(tid('new-assessment'));
  await switchLang(page, 'fr');
  await makeAssessment(page, 'Local Only', []);
  await page.click(`${tid('assessment-row')} ${tid('row-open')}`);
  await page.click(tid('goto-0'));
  await page.click(tid('back'));
  assert.ok((await storedOf(page))['sovcheck.v1.ui']);
  await page.click(tid('wipe-all'));
  await page.click(tid('wipe-confirm'));
  await page.waitForSelector(tid('wiped'));
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  await page.click(tid('open-verify'));
  await page.click(tid('back'));
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assertClean(rec);
  await context.close();
});

test('the single file from file:// keeps two tabs in step too', async (t) => {
  const file = path.join(path.resolve(process.env.SOVCHECK_SINGLE || 'dist-single'), 'sovcheck.html');
  assert.ok(fs.existsSync(file), `${file} is missing: run ./x single first`);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  // Closed however the test ends: a browser left open keeps the file's process alive.
  t.after(() => browser.close());
  const context = await browser.newContext({ locale: 'en-GB' });
  const pages = [];
  for (let i = 0; i < 2; i++) {
    const page = await context.newPage();
    const rec = record(page, 'file://');
    await recordViolations(context, rec);
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector(tid('new-assessment'));
    pages.push({ page, rec });
  }
  const [{ page: a }, { page: b }] = pages;
  await makeAssessment(a, 'Offline Cloud', []);
  await b.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-row"]').length === 1);
  await openAt(b, 'SOV-1.1');
  await b.check(tid('choice-SOV-1.1-1'));
  await a.click(`${tid('assessment-row')} ${tid('row-open')}`);
  await a.click(tid(`goto-${await stepOf(a, 'SOV-1.1')}`));
  await unfold(a, 'SOV-1.1');
  assert.equal(await a.isChecked(tid('choice-SOV-1.1-1')), true);
  for (const { rec } of pages) assert.deepEqual(rec.errors, []);
});
