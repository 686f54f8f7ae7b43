// A full assessment by keyboard only: Tab, Shift+Tab, Enter, Space and arrow keys, from the
// start screen through all 48 criteria to the results and the export. The DOM is read to
// know where things are, never clicked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertClean, assertAccessible, tid, openApp, sealOf, scoreOf } from './harness.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const focused = (page, selector) =>
  page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

/** Presses Tab until `selector` has the focus; fails after `max` presses. */
async function tabTo(page, selector, max = 300) {
  for (let i = 0; i < max; i++) {
    if (await focused(page, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Whether the focused element shows a focus outline. */
const focusVisible = (page) => page.evaluate(() => {
  const s = getComputedStyle(document.activeElement);
  return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
});

for (const [locale, words] of [['en-GB', { report: 'Executive summary' }], ['fr-FR', { report: 'Synthèse' }]]) test(`a full assessment by keyboard only, from start to the printed report (${locale})`, async () => {
  const { page, rec, context } = await openApp(env, locale);
  await tabTo(page, tid('new-assessment'));
  assert.equal(await focusVisible(page), true, 'visible focus on the first button');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#provider');
  // The focus moves to the new heading before the new screen's first frame is drawn.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  await tabTo(page, '#provider');
  await page.keyboard.type('Keyboard SA');
  await tabTo(page, '#offer');
  await page.keyboard.type('Clavier IaaS');

  const expected = {};
  let k = 0;
  for (;;) {
    await tabTo(page, tid('next'));
    await page.keyboard.press('Enter');
    if (await page.locator(tid('results')).count()) break;
    const ids = await page.$$eval('[data-testid^="criterion-"]',
      (els) => els.map((e) => e.dataset.testid.slice('criterion-'.length)));
    for (const id of ids) {
      const rungs = await page.locator(`[data-testid^="choice-${id}-"]:not([data-testid$="-unknown"])`).count();
      const r = k++ % rungs;
      await tabTo(page, tid(`choice-${id}-0`));
      if (r === 0) await page.keyboard.press('Space');
      for (let i = 0; i < r; i++) await page.keyboard.press('ArrowDown');
      assert.equal(await page.isChecked(tid(`choice-${id}-${r}`)), true, `${id} rung ${r}`);
      expected[id] = { rung: r };
      if (k === 1) {
        // Evidence: open the details with Enter and type a note.
        assert.equal(await focusVisible(page), true, 'visible focus on a radio');
        await tabTo(page, `${tid(`evidence-${id}`)} summary`);
        await page.keyboard.press('Enter');
        await tabTo(page, `#${id.replace('.', '_')}-note`);
        await page.keyboard.type('Typed without a mouse');
        expected[id].note = 'Typed without a mouse';
      }
    }
  }
  assert.equal(k, 48, 'every criterion was answered');
  // Fully answered: no uncertainty left.
  const [lo, hi] = await sealOf(page);
  assert.equal(lo, hi);
  const [slo, shi] = await scoreOf(page);
  assert.equal(slo, shi);
  await assertAccessible(page, 'results after a keyboard journey');

  await tabTo(page, tid('export'));
  const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const file = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  assert.deepEqual(file.assessment.answers, expected);
  assert.equal(file.assessment.meta.provider, 'Keyboard SA');
  assert.equal(file.assessment.meta.offer, 'Clavier IaaS');

  // On to the report, and print it.
  await tabTo(page, tid('open-report'), 400);
  await page.keyboard.press('Enter');
  await page.waitForSelector(tid('report'));
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  await tabTo(page, '#rationale');
  await page.keyboard.type('Typed at the keyboard');
  await tabTo(page, tid('print'));
  assert.equal(await focusVisible(page), true, 'visible focus on print');
  await assertAccessible(page, `report (${locale})`);
  const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sovcheck-kb-')), 'report.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  for (const needle of ['Keyboard SA', words.report, 'Typed at the keyboard']) {
    assert.ok(text.includes(needle), `the printed report holds ${needle}`);
  }
  assertClean(rec);
  await context.close();
});
