// Storage that fails: entries that cannot be read (set aside, listed until deleted, named
// by the wipe), storage filled to its quota (every refused write reported at once, whatever
// else is on screen, with an export of everything not saved; an import that would not fit
// refused before it claims success), storage near its limit said in words, and the quiet
// "Saved" indicator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  start, assertClean, assertAccessible, tid, openApp, makeAssessment, storedOf, downloadOf,
  switchLang, fr,
} from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** Chromium's local storage per origin, in UTF-16 code units of keys and values. */
const QUOTA = 5 * 1024 * 1024;

/**
 * Fills the origin's storage under another application's key (`other.app`) so that about
 * `free` code units are left; returns the filler's length.
 */
async function fillStorage(page, free) {
  return page.evaluate(([free, quota]) => {
    localStorage.removeItem('other.app');
    let used = 0;
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      used += k.length + localStorage.getItem(k).length;
    }
    let n = quota - used - 'other.app'.length - free;
    for (;;) {
      try { localStorage.setItem('other.app', 'x'.repeat(n)); return n; } catch { n -= 16; }
    }
  }, [free, QUOTA]);
}

/** After a reload the app resumes the open assessment: back to the start screen. */
async function toStart(page) {
  await page.waitForSelector(`${tid('workspace')}, ${tid('back')}`);
  if (!(await page.locator(tid('workspace')).count())) await page.click(tid('back'));
  await page.waitForSelector(tid('workspace'));
}

const NEWER = '{"formatVersion": 99, "assessment": {}}';
const BROKEN = ['{"formatVersion": 2, "assessment": {"answers": {"SOV-1.1": {"rung": 9}}}}', 'not json at all'];

test('entries set aside stay listed across reloads, with why, when and a download, until deleted; the wipe names them', async () => {
  const { page, rec, context } = await openApp(env);
  await makeAssessment(page, 'Good One', [['SOV-7.1', 1]]);
  await page.evaluate(([b, n]) => {
    localStorage.setItem('sovcheck.v1.a.bad-1', b[0]);
    localStorage.setItem('sovcheck.v1.a.bad-2', b[1]);
    localStorage.setItem('sovcheck.v1.a.newer', n);
  }, [BROKEN, NEWER]);
  await page.reload();
  await page.waitForSelector(`${tid('storage-notice')}[data-kind="set-aside"]`);
  await toStart(page);
  // All three are announced, not only the first.
  assert.equal(await page.textContent(`${tid('storage-notice')} p`),
    '3 saved assessments could not be read (damaged, or written by a newer version of sovcheck). They are set aside, untouched: see “Set aside” on the start screen.');
  const entries = page.locator(tid('kept-entry'));
  assert.equal(await entries.count(), 3);
  const texts = await entries.locator('p').allTextContents();
  assert.deepEqual(texts.sort(), [
    'Why: assessment.answers["SOV-1.1"].rung: 9 is out of range 0..3',
    'Why: formatVersion: format version 99 was written by a newer sovcheck (this one reads up to 2); update sovcheck to open it',
    'Why: not valid JSON at line 1, column 2 (a value was expected)',
  ]);
  assert.match(await entries.first().locator('h3').textContent(), /^Set aside on \w{3} \d+, \d{4}, \d+:\d\d\s[AP]M$/);
  await assertAccessible(page, 'entries set aside');

  // Still there after another reload (no notice this time: nothing new was set aside).
  await page.reload();
  await toStart(page);
  assert.equal(await page.locator(tid('storage-notice')).count(), 0);
  assert.equal(await entries.count(), 3);
  const newer = entries.filter({ hasText: 'newer sovcheck' });
  assert.equal((await downloadOf(page, `${tid('kept-entry')}[data-key="${await newer.getAttribute('data-key')}"] ${tid('kept-download')}`)).text, NEWER);

  // Deleted only when the user says so.
  await newer.locator(tid('kept-delete')).click();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'kept-delete-confirm');
  await assertAccessible(page, 'delete a kept entry');
  await page.click(tid('kept-delete-confirm'));
  assert.equal(await entries.count(), 2);
  await page.reload();
  await toStart(page);
  assert.equal(await entries.count(), 2);
  const keys = Object.keys(await storedOf(page));
  assert.equal(keys.filter((k) => k.startsWith('sovcheck.v1.kept.')).length, 2);

  // In French, and the wipe names them before removing them.
  await switchLang(page, 'fr');
  assert.match(await entries.first().locator('h3').textContent(), /^Mis de côté le \d+ \S+ \d{4}/);
  await page.click(tid('wipe-all'));
  assert.equal(await page.textContent(tid('wipe-kept')), fr('Cela supprime aussi les 2 données mises de côté, listées sous « Mis de côté ».'));
  await assertAccessible(page, 'wipe naming the entries set aside');
  await page.click(tid('wipe-confirm'));
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.equal(await page.locator(tid('kept-list')).count(), 0);
  assertClean(rec);
  await context.close();
});

test('a damaged entry too big to copy aside is left where it is, said so, and never written over', async () => {
  const { page, rec, context } = await openApp(env);
  const big = `{"formatVersion": 2, "assessment": {"meta": {"provider": "${'y'.repeat(3_000_000)}"`;
  await page.evaluate((b) => localStorage.setItem('sovcheck.v1.a.big', b), big);
  await fillStorage(page, 1000);
  await page.reload();
  await page.waitForSelector(tid('kept-entry'));
  assert.equal(await page.textContent(`${tid('kept-entry')} h3`), 'There was no room to copy it aside: it is left where it was, and sovcheck does not change it.');
  assert.equal(await page.getAttribute(tid('kept-entry'), 'data-key'), 'sovcheck.v1.a.big');
  assert.equal(await page.evaluate(() => localStorage.getItem('sovcheck.v1.a.big').length), big.length);
  await page.evaluate(() => localStorage.removeItem('other.app'));
  assertClean(rec);
  await context.close();
});

test('a refused write is reported at once, even beside another notice, with an export of everything not saved', async () => {
  const { page, rec, context } = await openApp(env);
  await makeAssessment(page, 'First Cloud', []);
  await makeAssessment(page, 'Second Cloud', []);
  await page.evaluate((b) => localStorage.setItem('sovcheck.v1.a.bad', b), BROKEN[1]);
  await page.reload();
  await page.waitForSelector(`${tid('storage-notice')}[data-kind="set-aside"]`);
  await toStart(page);
  assert.equal(await page.textContent(tid('saved-indicator')), '');
  await fillStorage(page, 300);
  const row = (name) => page.locator(tid('assessment-row')).filter({ hasText: name });
  const note = 'n'.repeat(2000);
  await row('First Cloud').locator(tid('row-open')).click();
  await page.fill('#assessor', note);
  await page.waitForSelector(tid('unsaved-notice'));
  // Both notices at once, and how full storage is; the indicator says it too.
  assert.equal(await page.locator(`${tid('storage-notice')}[data-kind="set-aside"]`).count(), 1);
  assert.match(await page.textContent(tid('storage-usage')), /^Storage is (99|100)% full/);
  assert.equal(await page.textContent(tid('saved-indicator')), 'Not saved');
  await page.click(tid('goto-0'));
  await page.click(tid('back'));
  await row('Second Cloud').locator(tid('row-open')).click();
  await page.fill('#assessor', note);
  await page.waitForFunction(() => document.querySelector('[data-testid="unsaved-notice"] p').textContent.includes('2 assessments'));
  assert.equal(await page.textContent(`${tid('unsaved-notice')} p`),
    'Not saved: 2 assessments (\u2068First Cloud\u2069, \u2068Second Cloud\u2069). Storage is full, so these changes exist only in this tab. Export them now, or they are lost when the tab closes; then make room by deleting assessments you have exported.');
  await assertAccessible(page, 'not saved, beside a notice');
  // The export holds everything not saved, and only that.
  const file = JSON.parse((await downloadOf(page, tid('export-unsaved'))).text);
  assert.deepEqual(file.assessments.map((a) => [a.meta.provider, a.meta.assessor.length]).sort(),
    [['First Cloud', 2000], ['Second Cloud', 2000]]);
  // Room again: the next change saves everything pending, and the notice goes.
  await page.evaluate(() => localStorage.removeItem('other.app'));
  await page.fill('#offer', 'IaaS');
  await page.waitForSelector(tid('unsaved-notice'), { state: 'detached' });
  assert.match(await page.textContent(tid('saved-indicator')), /^Saved at (1[0-2]|[1-9]):[0-5]\d [AP]M$/);
  assert.equal(await page.locator(tid('storage-usage')).count(), 0, 'measured again once saving works');
  const stored = Object.values(await storedOf(page)).filter((v) => v.includes('"assessor"'));
  assert.equal(stored.length, 2);
  assertClean(rec);
  await context.close();
});

test('an import that cannot be stored is refused before it claims success, with the limit in words', async () => {
  const { page, rec, context } = await openApp(env);
  await makeAssessment(page, 'Already Here', []);
  const before = await storedOf(page);
  await fillStorage(page, 20_000);
  const doc = { formatVersion: 2, assessment: { id: 'big', meta: { provider: 'Big Notes' }, answers: { 'SOV-1.1': { rung: 1, note: 'z'.repeat(90_000) } } } };
  await page.setInputFiles(tid('import-file'), { name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.waitForSelector(tid('import-error'));
  assert.equal(await page.textContent(`${tid('import-error')} p`),
    'big.json — not imported, nothing was changed. This browser keeps at most about 5.2 million characters for sovcheck; storing this file would take about 2% of that, and 0% is free. Make room by exporting and deleting assessments, or import fewer at once.');
  assert.equal(await page.locator(tid('import-done')).count(), 0);
  await page.evaluate(() => localStorage.removeItem('other.app'));
  assert.deepEqual(await storedOf(page), before);
  await switchLang(page, 'fr');
  await fillStorage(page, 20_000);
  await page.setInputFiles(tid('import-file'), { name: 'gros.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.waitForFunction(() => document.querySelector('[data-testid="import-error"]')?.textContent.startsWith('gros.json'));
  assert.equal(await page.textContent(`${tid('import-error')} p`), fr(
    'gros.json — non importé, rien n\'a été modifié. Ce navigateur garde au plus environ 5,2 millions de caractères pour sovcheck ; enregistrer ce fichier en prendrait environ 2 %, et 0 % est libre. Faites de la place en exportant puis supprimant des évaluations, ou importez-en moins à la fois.'));
  await page.evaluate(() => localStorage.removeItem('other.app'));
  await page.reload();
  await toStart(page);
  assert.equal(await page.locator(tid('assessment-row')).count(), 1);
  assertClean(rec);
  await context.close();
});

test('storage near its limit is said in words; the Saved indicator is quiet', async () => {
  const { page, rec, context } = await openApp(env);
  await page.evaluate((n) => localStorage.setItem('other.app', 'x'.repeat(n)), Math.round(QUOTA * 0.85));
  await page.reload();
  await page.waitForSelector(tid('storage-usage'));
  assert.equal(await page.textContent(tid('storage-usage')),
    'Storage is 85% full: about 4.5 of 5.2 million characters. Export and delete the assessments you no longer need here before it runs out.');
  assert.equal(await page.textContent(tid('workspace-usage')), await page.textContent(tid('storage-usage')));
  assert.equal(await page.getAttribute(tid('storage-usage'), 'role'), 'status');
  // The indicator: empty before any change, then the minute of the last save, the same
  // text for every keystroke of a burst (a status that a screen reader reads once).
  assert.equal(await page.textContent(tid('saved-indicator')), '');
  await page.click(tid('new-assessment'));
  const seen = new Set();
  for (const ch of 'Typing Cloud') {
    await page.type('#provider', ch);
    seen.add(await page.textContent(tid('saved-indicator')));
  }
  assert.ok(seen.size <= 2, [...seen].join(' | '));
  assert.match([...seen].pop(), /^Saved at (1[0-2]|[1-9]):[0-5]\d [AP]M$/);
  assert.equal(await page.getAttribute(tid('saved-indicator'), 'role'), 'status');
  await assertAccessible(page, 'storage near its limit');
  await page.evaluate(() => localStorage.removeItem('other.app'));
  assertClean(rec);
  await context.close();
});
