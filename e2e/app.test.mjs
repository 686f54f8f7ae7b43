// End-to-end journeys against the release build in dist/, served on 127.0.0.1.
// Every page is checked for console errors, foreign requests and axe-core violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertClean, assertAccessible, tid, openApp, sealOf, downloadOf, switchLang, unfold } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const open = (locale) => openApp(env, locale);
const seal = sealOf;

test('start screen names sovcheck, promises privacy and is accessible', async () => {
  const { page, rec, context } = await open();
  assert.match(await page.title(), /sovcheck/);
  assert.match(await page.textContent('main'), /Nothing leaves this browser/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await assertAccessible(page, 'start');
  assertClean(rec);
  await context.close();
});

test('walk: context, a criterion with evidence, live estimate, results', async () => {
  const { page, rec, context } = await open();
  await page.click(tid('new-assessment'));
  await page.fill('#provider', 'Acme Cloud');
  await page.fill('#offer', 'Sovereign IaaS');
  await assertAccessible(page, 'context step');
  assert.deepEqual(await seal(page), ['0', '4']);
  await page.click(tid('next'));
  // q1: the scope question holds SOV-7.1.
  await page.waitForSelector(tid('criterion-SOV-7.1'));
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  await page.check(tid('choice-SOV-7.1-0'));
  // SOV-7.1 worst rung grants SEAL-1; other criteria still open at worst can reach 0.
  assert.deepEqual(await seal(page), ['0', '1']);
  await unfold(page, 'SOV-7.1');
  await page.check(tid('choice-SOV-7.1-4'));
  assert.deepEqual(await seal(page), ['0', '4']);
  await unfold(page, 'SOV-7.1');
  await page.click(`${tid('evidence-SOV-7.1')} summary`);
  await page.fill('#SOV-7_1-note', 'EUCC certificate <script>alert(1)</script> 🚀');
  await assertAccessible(page, 'criterion step with evidence open');
  await page.check(tid('choice-SOV-7.1-unknown'));
  assert.deepEqual(await seal(page), ['0', '4']);
  await page.click(tid('goto-9'));
  await page.waitForSelector('h1:text("SecNumCloud")');
  await assertAccessible(page, 'SecNumCloud step');
  // Results via the step list, with an override draft showing its error.
  await page.click(tid('goto-14'));
  await page.waitForSelector(tid('results'));
  await assertAccessible(page, 'results');
  const questions = await page.inputValue(tid('open-questions'));
  assert.match(questions, /^Questions for Acme Cloud — Sovereign IaaS\n\nDue-diligence questions not answered yet\n- Q1 Scope of the qualification: Which of your services/);
  assert.equal((questions.match(/^- Q\d /gm) || []).length, 8, 'no due-diligence question is answered yet');
  assert.match(questions, /\n\nScope of the qualification\n- SOV-7\.1 /);
  assert.equal((questions.match(/^- SOV-/gm) || []).length, 48, 'every criterion is still open');
  assert.equal(await page.locator(`${tid('radar')} svg[role="img"] polygon.lower`).count(), 1);
  await page.click(`${tid('override-SOV-5')} summary`);
  await page.selectOption(tid('override-SOV-5-level'), '1');
  assert.equal(await page.getAttribute(tid('override-SOV-5-justification'), 'aria-invalid'), 'true');
  await assertAccessible(page, 'override with its error');
  await page.fill(tid('override-SOV-5-justification'), 'Sole supplier outside the EU; accepted by the board');
  assert.deepEqual(await seal(page), ['0', '1']);
  assertClean(rec);
  await context.close();
});

test('reload mid-way resumes on the same step with answers and notes intact', async () => {
  const { page, rec, context } = await open();
  await page.click(tid('new-assessment'));
  await page.fill('#provider', 'Resume SA');
  await page.click(tid('next'));
  await page.click(tid('next'));
  await page.check(tid('choice-SOV-4.6-3'));
  await unfold(page, 'SOV-4.6');
  await page.click(`${tid('evidence-SOV-4.6')} summary`);
  await page.fill('#SOV-4_6-note', 'Exit plan v2, § 4');
  await page.reload();
  await page.waitForSelector(tid('criterion-SOV-4.6'));
  // Answered before the step opened: folded to its line, its body built on "Change".
  assert.equal(await page.getAttribute(tid('criterion-SOV-4.6'), 'data-folded'), 'true');
  assert.equal(await page.locator(tid('choice-SOV-4.6-3')).count(), 0);
  await unfold(page, 'SOV-4.6');
  assert.equal(await page.isChecked(tid('choice-SOV-4.6-3')), true);
  assert.equal(await page.inputValue('#SOV-4_6-note'), 'Exit plan v2, § 4');
  await page.click(tid('goto-0'));
  assert.equal(await page.inputValue('#provider'), 'Resume SA');
  assertClean(rec);
  await context.close();
});

test('corrupted storage is kept aside with a message, never wiped', async () => {
  const { page, rec, context } = await open();
  // One good assessment and one damaged by hand: the good one stays, the damaged one is
  // moved aside byte for byte and listed on the start screen.
  await page.click(tid('new-assessment'));
  await page.fill('#provider', 'Intact SA');
  const damaged = '{"formatVersion": 1, "assessment": {"answers": {"SOV-1.1": {"rung": 9';
  await page.evaluate((d) => localStorage.setItem('sovcheck.v1.a.broken', d), damaged);
  await page.reload();
  await page.waitForSelector(`${tid('storage-notice')}[data-kind="set-aside"]`);
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sovcheck.v1.kept.')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept, [damaged]);
  assert.equal(await page.evaluate(() => localStorage.getItem('sovcheck.v1.a.broken')), null);
  assert.equal(await page.inputValue('#provider'), 'Intact SA');
  await page.click(tid('goto-0'));
  await page.click(tid('back'));
  const copy = await downloadOf(page, tid('kept-download'));
  assert.equal(copy.text, damaged);
  await assertAccessible(page, 'storage notice');
  assertClean(rec);
  await context.close();
});

test('language switch mid-way changes every text and <html lang>, and is remembered', async () => {
  const { page, rec, context } = await open();
  await page.click(tid('new-assessment'));
  await switchLang(page, 'fr');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.match(await page.textContent('h1'), /Contexte/);
  assert.match(await page.textContent(tid('next')), /Suivant/);
  await page.reload();
  await page.waitForSelector(tid('next'));
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await assertAccessible(page, 'context step in French');
  assertClean(rec);
  await context.close();
});

test('a French browser starts in French', async () => {
  const { page, rec, context } = await open('fr-FR');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.match(await page.textContent('main'), /Rien ne quitte ce navigateur/);
  assertClean(rec);
  await context.close();
});

test('storage refused (private browsing, full): a warning, work goes on in memory, export offered', async () => {
  const s = await env.page({ locale: 'en-GB' });
  await s.context.addInitScript(() => {
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
  });
  const { page, rec, context } = s;
  await page.goto(env.url);
  await page.click(tid('new-assessment'));
  await page.waitForSelector(tid('unsaved-notice'));
  assert.equal(await page.textContent(`${tid('unsaved-notice')} p`),
    'Not saved: \u2068Untitled assessment\u2069. Storage is full, so this change exists only in this tab. Export it now, or it is lost when the tab closes; then make room by deleting assessments you have exported.');
  assert.equal(await page.textContent(tid('saved-indicator')), 'Not saved');
  await page.fill('#provider', 'In Memory SA');
  await page.click(tid('next'));
  await page.check(tid('choice-SOV-7.1-2'));
  const file = await downloadOf(page, tid('export-unsaved'));
  assert.match(file.name, /^sovcheck-not-saved-\d{4}-\d\d-\d\d\.json$/);
  const [a] = JSON.parse(file.text).assessments;
  assert.equal(a.meta.provider, 'In Memory SA');
  assert.deepEqual(a.answers, { 'SOV-7.1': { rung: 2 } });
  await assertAccessible(page, 'storage unavailable');
  assertClean(rec);
  await context.close();
});
