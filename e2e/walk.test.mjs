// The walk with less work per step: answered criteria fold to one line and unfold to change,
// the step's progress, "I don't know" for every open criterion of a step (never over an
// answer), SecNumCloud pillars that fold with their bulk actions and a note per requirement,
// the provider's answer recorded on its question's step (surviving export and import), and
// the SecNumCloud facts questions 1, 2 and 8 ask for, edited there and shown on the
// SecNumCloud step (one record).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertClean, assertAccessible, tid, openApp, downloadOf, storedOf } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const folded = (page, id) => page.getAttribute(tid(`criterion-${id}`), 'data-folded');
const progress = (page) => page.textContent(tid('step-progress'));
const focused = (page) => page.evaluate(() => document.activeElement?.dataset?.testid || document.activeElement?.id);

test('answered criteria fold and unfold; the step counts its answers; "I don\'t know" for the rest keeps the answers', async () => {
  const { page, rec, context } = await openApp(env);
  await page.click(tid('new-assessment'));
  await page.fill('#provider', 'Fold SAS');
  await page.click(tid('goto-5'));
  await page.waitForSelector(tid('criterion-SOV-5.1'));
  assert.equal(await progress(page), '0 of 10 criteria answered in this step');
  assert.equal(await page.textContent(`${tid('criterion-SOV-5.1')} .cnum`), 'Criterion 1 of 10');
  assert.equal(await page.textContent(`${tid('criterion-SOV-6.5')} .cnum`), 'Criterion 10 of 10');

  // A rung chosen with the pointer folds the card to its answer and SEAL; focus on "Change".
  await page.check(tid('choice-SOV-5.1-0'));
  assert.equal(await folded(page, 'SOV-5.1'), 'true');
  assert.match(await page.textContent(tid('answer-line-SOV-5.1')), / · grants SEAL-\d$/);
  assert.equal(await page.isVisible(tid('choice-SOV-5.1-0')), false);
  assert.equal(await page.getAttribute(tid('fold-SOV-5.1'), 'aria-expanded'), 'false');
  assert.equal(await page.getAttribute(tid('fold-SOV-5.1'), 'aria-label'), 'Change SOV-5.1');
  assert.equal(await focused(page), 'fold-SOV-5.1');
  assert.equal(await progress(page), '1 of 10 criteria answered in this step');
  await assertAccessible(page, 'a folded criterion');

  // Unfold by keyboard: the choices come back, focus on the chosen one; change the answer.
  await page.keyboard.press('Enter');
  assert.equal(await folded(page, 'SOV-5.1'), 'false');
  assert.equal(await page.getAttribute(tid('fold-SOV-5.1'), 'aria-expanded'), 'true');
  assert.equal(await focused(page), 'choice-SOV-5.1-0');
  await assertAccessible(page, 'an unfolded answered criterion');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.isChecked(tid('choice-SOV-5.1-1')), true);
  assert.equal(await folded(page, 'SOV-5.1'), 'false', 'a rung chosen with the keyboard keeps the card open');
  await page.click(tid('fold-SOV-5.1'));
  assert.equal(await folded(page, 'SOV-5.1'), 'true');

  // Two more answers, then "I don't know" for the seven still open.
  await page.check(tid('choice-SOV-5.4-2'));
  await page.check(tid('choice-SOV-6.5-unknown'));
  assert.equal(await page.textContent(tid('answer-line-SOV-6.5')), "I don't know");
  assert.equal(await progress(page), '3 of 10 criteria answered in this step');
  await page.click(tid('all-unknown'));
  assert.equal(await progress(page), '10 of 10 criteria answered in this step');
  assert.equal(await page.locator(tid('all-unknown')).count(), 0);
  // The button went: the focus is not left on nothing, it goes on to "Next".
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'next');
  assert.equal(await page.locator('[data-folded="true"]').count(), 10, 'the answers given by the bulk action fold too');
  assert.equal(await page.isChecked(tid('choice-SOV-5.1-1')), true, 'an answer is never overwritten');
  assert.equal(await page.isChecked(tid('choice-SOV-5.4-2')), true);
  for (const id of ['SOV-5.2', 'SOV-5.3', 'SOV-5.5', 'SOV-6.1', 'SOV-6.4']) {
    assert.equal(await page.isChecked(tid(`choice-${id}-unknown`)), true, id);
  }
  // Coming back to the step, every answered criterion is folded.
  await page.click(tid('goto-4'));
  await page.click(tid('goto-5'));
  await page.waitForSelector(tid('criterion-SOV-5.1'));
  assert.equal(await page.locator('[data-folded="true"]').count(), 10);
  await assertAccessible(page, 'a step fully answered, folded');
  assertClean(rec);
  await context.close();
});

test('SecNumCloud: pillars fold, "met" for all only when qualified, "unknown" for the rest, a note per requirement', async () => {
  const { page, rec, context } = await openApp(env);
  await page.click(tid('new-assessment'));
  await page.fill('#provider', 'Pillar SAS');
  await page.click(tid('goto-9'));
  await page.waitForSelector(tid('snc-bulk'));
  const ids = await page.$$eval('[data-testid^="snc-SNC-"]', (els) => els.map((e) => e.dataset.testid.slice(4)));
  assert.equal(ids.length, 36);
  const sel = (id) => `#${id.replaceAll('.', '_')}`;
  assert.equal(await page.locator('details.pillar[open]').count(), 4);
  assert.equal(await page.textContent(tid('snc-pillar-organisational-count')), '0 of 9 set');
  assert.equal(await page.locator(tid('snc-all-met')).count(), 0, 'not qualified: no "met" for all');

  // A pillar folds and unfolds from its summary.
  await page.click(`${tid('snc-pillar-physical')} > summary`);
  assert.equal(await page.locator(`${tid('snc-pillar-physical')}[open]`).count(), 0);
  await page.focus(`${tid('snc-pillar-physical')} > summary`);
  await page.keyboard.press('Enter');
  assert.equal(await page.locator(`${tid('snc-pillar-physical')}[open]`).count(), 1);

  // One answered, one with a note only; then qualified: "met" for the rest.
  await page.selectOption(sel(ids[0]), 'not-met');
  await page.click(`${tid(`snc-${ids[1]}`)} details.evidence > summary`);
  await page.fill(`${sel(ids[1])}-note`, 'Audit report 2026, finding 3 closed');
  await page.check('#snc-stage-j3');
  await page.waitForSelector(tid('snc-all-met'));
  await assertAccessible(page, 'SecNumCloud step, qualified, with its bulk actions');
  await page.click(tid('snc-all-met'));
  assert.equal(await page.inputValue(sel(ids[0])), 'not-met', 'an answer is never overwritten');
  for (const id of ids.slice(1)) assert.equal(await page.inputValue(sel(id)), 'met', id);
  assert.equal(await page.inputValue(`${sel(ids[1])}-note`), 'Audit report 2026, finding 3 closed');
  assert.equal(await page.textContent(tid('snc-pillar-organisational-count')), '9 of 9 set');
  // Every requirement set: the pillars fold and the bulk actions are gone; the focus goes to
  // the first pillar, to review what was set.
  assert.equal(await page.locator('details.pillar[open]').count(), 0);
  assert.equal(await page.locator(tid('snc-bulk')).count(), 0);
  await page.waitForFunction(() => document.activeElement?.closest('details.pillar')?.dataset.testid === 'snc-pillar-organisational');
  await assertAccessible(page, 'SecNumCloud step, every pillar folded');

  // "Unknown" for every requirement not set, in another assessment (not qualified).
  await page.click(tid('goto-0'));
  await page.click(tid('back'));
  await page.click(tid('new-assessment'));
  await page.fill('#provider', 'Unknown SAS');
  await page.click(tid('goto-9'));
  await page.selectOption(sel(ids[5]), 'partly');
  await page.click(tid('snc-all-unknown'));
  assert.equal(await page.inputValue(sel(ids[5])), 'partly');
  const statuses = await Promise.all(ids.map((id) => page.inputValue(sel(id))));
  assert.equal(statuses.filter((s) => s === 'unknown').length, 35);
  assertClean(rec);
  await context.close();
});

test("the provider's answer and the SecNumCloud facts on questions 1, 2 and 8: shown on the SecNumCloud step, through export and import", async () => {
  const { page, rec, context } = await openApp(env);
  await page.click(tid('new-assessment'));
  await page.fill('#provider', 'Answer SAS');
  await page.click(tid('goto-1'));
  await page.waitForSelector(tid('provider-answer-q1'));
  await page.fill(tid('dd-q1-note'), 'Compute and object storage, not the managed Kubernetes');
  await page.fill(tid('dd-q1-source'), 'Contract annex 3');
  // The evidence level and the date received are folded until wanted.
  assert.equal(await page.locator(tid('dd-q1-level')).count(), 0);
  await page.click(`${tid('dd-q1-more')} summary`);
  await page.selectOption(tid('dd-q1-level'), 'documented');
  await page.fill(tid('dd-q1-received'), '2026-11-20');
  assert.equal(await page.locator(tid('facts-q1')).count(), 1);
  await page.fill('#snc-scope', 'Compute, object storage');
  await page.fill('#snc-qualified-on', '2024-12-05');
  await page.fill('#snc-expires-on', '2027-12-05');
  await assertAccessible(page, 'question 1 with the answer and the facts');
  await page.click(tid('goto-2'));
  await page.check('#snc-composition-yes');
  await page.fill('#snc-base', 'Base IaaS qualifiée');
  await page.click(tid('goto-3'));
  assert.equal(await page.locator(tid('snc-facts')).count(), 0, 'question 3 asks for no SecNumCloud fact');
  await page.click(tid('goto-8'));
  await page.fill('#snc-audit', '2026-09-15');
  await page.check('#snc-stage-j3');
  // The same record on the SecNumCloud step.
  await page.click(tid('goto-9'));
  await page.waitForSelector(tid('snc-bulk'));
  assert.equal(await page.inputValue('#snc-scope'), 'Compute, object storage');
  assert.equal(await page.inputValue('#snc-qualified-on'), '2024-12-05');
  assert.equal(await page.inputValue('#snc-expires-on'), '2027-12-05');
  assert.ok(await page.isChecked('#snc-composition-yes'), 'composition: yes');
  assert.equal(await page.inputValue('#snc-base'), 'Base IaaS qualifiée');
  assert.equal(await page.inputValue('#snc-audit'), '2026-09-15');
  assert.ok(await page.isChecked('#snc-stage-j3'), 'stage: J3');
  // The questions for the provider list the seven still unanswered.
  await page.click(tid('goto-14'));
  const questions = await page.inputValue(tid('open-questions'));
  assert.match(questions, /\nDue-diligence questions not answered yet\n- Q2 Composition and third-party layers: /);
  assert.equal((questions.match(/^- Q\d /gm) || []).length, 7);
  assert.doesNotMatch(questions, /^- Q1 /m);

  const file = await downloadOf(page, tid('export'));
  const doc = JSON.parse(file.text);
  const a = doc.assessment || doc.assessments[0];
  assert.deepEqual(a.dueDiligence, { q1: {
    note: 'Compute and object storage, not the managed Kubernetes', source: 'Contract annex 3',
    evidenceLevel: 'documented', received: '2026-11-20',
  } });
  assert.equal(a.secnumcloud.lastAudit, '2026-09-15');
  assert.equal(a.secnumcloud.servicesInScope, 'Compute, object storage');
  assertClean(rec);
  await context.close();

  // Into a fresh browser context.
  const fresh = await openApp(env);
  const chooser = fresh.page.waitForEvent('filechooser');
  await fresh.page.click(tid('import'));
  await (await chooser).setFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await fresh.page.waitForSelector(tid('import-done'));
  await fresh.page.locator(tid('assessment-row')).filter({ hasText: 'Answer SAS' }).locator(tid('row-open')).click();
  await fresh.page.click(tid('goto-1'));
  assert.equal(await fresh.page.inputValue(tid('dd-q1-note')), 'Compute and object storage, not the managed Kubernetes');
  assert.equal(await fresh.page.inputValue(tid('dd-q1-source')), 'Contract annex 3');
  assert.equal(await fresh.page.inputValue(tid('dd-q1-level')), 'documented');
  assert.equal(await fresh.page.inputValue(tid('dd-q1-received')), '2026-11-20');
  assert.equal(await fresh.page.inputValue('#snc-expires-on'), '2027-12-05');
  await fresh.page.click(tid('goto-8'));
  assert.equal(await fresh.page.inputValue('#snc-audit'), '2026-09-15');
  assertClean(fresh.rec);
  await fresh.context.close();
});

test("the walk's other screens are built once off the page, changing nothing; the results are drawn top first", async () => {
  const { page, rec, context } = await openApp(env);
  await page.click(tid('new-assessment'));
  await page.fill('#provider', 'Warm SAS');
  // Once the context step is drawn, one screen of each other kind is built off the page
  // (docs/PERFORMANCE.md, step navigation): a User Timing measure each, in this order.
  await page.waitForFunction(() => performance.getEntriesByType('measure')
    .filter((m) => m.name.startsWith('sovcheck warm-up: ')).length === 3);
  const builds = await page.evaluate(() => performance.getEntriesByType('measure')
    .filter((m) => m.name.startsWith('sovcheck warm-up: ')).map((m) => m.name.slice(18)));
  assert.deepEqual(builds, ['question step', 'SecNumCloud', 'results']);
  // Nothing of them reached the document, the focus or the assessment.
  await page.waitForTimeout(100);
  assert.equal(await page.locator('main h1').count(), 1);
  assert.equal(await page.locator(tid('results')).count(), 0);
  assert.equal(await page.locator('#snc-stage, [data-testid^="criterion-"]').count(), 0);
  assert.equal(await page.inputValue('#provider'), 'Warm SAS');
  const stored = Object.entries(await storedOf(page)).filter(([k]) => k.startsWith('sovcheck.v1.a.'));
  assert.equal(stored.length, 1);
  const doc = JSON.parse(stored[0][1]);
  assert.equal(doc.assessment.meta.provider, 'Warm SAS');
  assert.deepEqual(doc.assessment.answers ?? {}, {});

  // "Next" to the results: the top (heading, SEAL, summary) is in the document first, the
  // lower part (from the score down: the action plan among it) once that is drawn.
  await page.click(tid('goto-13'));
  await page.waitForSelector(`${tid('goto-13')}[aria-current="step"]`);
  const seen = await page.evaluate(() => new Promise((resolve) => {
    const obs = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="results"] h1')) return;
      obs.disconnect();
      const first = {
        seal: !!document.querySelector('[data-testid="results-seal"]'),
        plan: !!document.querySelector('[data-testid="action-plan"]'),
      };
      requestAnimationFrame(() => setTimeout(() => setTimeout(() => resolve({
        first, later: !!document.querySelector('[data-testid="action-plan"]'),
      }), 0), 0));
    });
    obs.observe(document, { subtree: true, childList: true });
    document.querySelector('[data-testid="next"]').click();
  }));
  assert.deepEqual(seen, { first: { seal: true, plan: false }, later: true });
  await page.waitForSelector('#overrides-title');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  await assertAccessible(page, 'the results, whole');
  assertClean(rec);
  await context.close();
});
