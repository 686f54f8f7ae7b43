// The compare and verify journeys: assessments built through the UI, compared side by side
// (exact SEAL ranges worked out from the content's rungs), an answer-by-answer difference
// with each change's effect on the SEAL, printing, and the check of an exported file against
// its printed SHA-256 fingerprint. Every screen state is checked with axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  start, assertClean, assertAccessible, tid, openApp, downloadOf, storedOf,
  makeAssessment, stepOf, switchLang, fr } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

// The content the engine is compiled from: rung labels are read here, never retyped.
const CONTENT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'crates/sovcheck-core/content/objectives');
const criterion = (id) => {
  const file = JSON.parse(fs.readFileSync(path.join(CONTENT, `${id.split('.')[0]}.json`), 'utf8'));
  return file.criteria.find((c) => c.id === id);
};
const label = (id, rung, lang = 'en') => criterion(id).rungs[rung].label[lang];

const row = (page, text) => page.locator(tid('assessment-row')).filter({ hasText: text });
const sha256 = (text) => crypto.createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

/** The id of the assessment named `name` in the compare screen's list. */
async function pickIdOf(page, name) {
  const n = await page.locator('[data-testid^="compare-pick-"]').count();
  for (let i = 0; i < n; i++) {
    if (await page.textContent(`label[for="compare-pick-${i}"]`) === name) {
      return page.getAttribute(tid(`compare-pick-${i}`), 'data-id');
    }
  }
  throw new Error(`no assessment named ${name}`);
}

/** The assessments stored in the page's local storage. */
async function assessmentsOf(page) {
  const all = await storedOf(page);
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('sovcheck.v1.a.')));
}

/** `[data-lower, data-upper]` of an element. */
async function rangeOf(page, testid) {
  const el = page.locator(tid(testid));
  return [await el.getAttribute('data-lower'), await el.getAttribute('data-upper')];
}

/** The three assessments of the compare journeys, newest last. */
async function makeThree(page) {
  // Alpha: SOV-7.1 rung 2 grants SEAL-2; the other open criteria reach SEAL-0 at worst.
  await makeAssessment(page, 'Alpha Cloud', [['SOV-7.1', 2]]);
  // Beta: SOV-1.1 rung 0 grants SEAL-1, SOV-7.1 rung 4 grants SEAL-4; qualified (J3).
  await makeAssessment(page, 'Beta Hosting', [['SOV-1.1', 0], ['SOV-7.1', 4]], async () => {
    await page.click(tid('goto-9'));
    await page.selectOption('#snc-stage', 'j3');
  });
  // Gamma: all four SOV-8 criteria answered (SEAL 4, 3, 3, 4): SOV-8 is exactly SEAL-3;
  // calculator weights.
  await makeAssessment(page, 'Gamma Green',
    [['SOV-8.1', 2], ['SOV-8.2', 2], ['SOV-8.3', 3], ['SOV-8.4', 0]],
    async () => { await page.selectOption('#weights', 'calculator'); });
}

test('compare: pick assessments, exact SEALs side by side, the error below two, print', async () => {
  const { page, rec, context } = await openApp(env);
  await makeThree(page);
  await page.click(tid('open-compare'));
  await page.waitForSelector(tid('compare-table'));
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');

  // Newest first, like the start screen; the first two are picked on arrival.
  const names = [];
  for (let i = 0; i < 3; i++) names.push(await page.textContent(`label[for="compare-pick-${i}"]`));
  assert.deepEqual(names, ['Gamma Green', 'Beta Hosting', 'Alpha Cloud']);
  assert.deepEqual(
    await Promise.all([0, 1, 2].map((i) => page.isChecked(tid(`compare-pick-${i}`)))),
    [true, true, false]);
  const ids = await Promise.all([0, 1, 2].map((i) => page.getAttribute(tid(`compare-pick-${i}`), 'data-id')));
  assert.equal(new Set(ids).size, 3);
  await assertAccessible(page, 'compare, two picked');

  await page.check(tid('compare-pick-2'));
  assert.deepEqual(await page.locator(`${tid('compare-table')} thead th[scope="col"]`).allTextContents(),
    ['Assessment', 'Gamma Green', 'Beta Hosting', 'Alpha Cloud']);
  for (let i = 0; i < 3; i++) {
    assert.equal(await page.getAttribute(tid(`compare-col-${i}`), 'data-id'), ids[i]);
  }
  // Overall SEAL: Gamma 0 to 3 (SOV-8 caps the upper bound), Beta 0 to 1, Alpha 0 to 2.
  assert.deepEqual(await rangeOf(page, 'compare-seal-0'), ['0', '3']);
  assert.deepEqual(await rangeOf(page, 'compare-seal-1'), ['0', '1']);
  assert.deepEqual(await rangeOf(page, 'compare-seal-2'), ['0', '2']);
  assert.equal(await page.textContent(tid('compare-seal-1')), 'SEAL-0 to SEAL-1');
  // Objective rows: SOV-8 of Gamma is exact; its points 125 + 125 + 187.5 + 0 = 437.5 / 1000.
  assert.deepEqual(await rangeOf(page, 'compare-SOV-8-0'), ['3', '3']);
  assert.equal(await page.getAttribute(tid('compare-SOV-8-0'), 'data-score-lower'), '43.75');
  assert.equal(await page.getAttribute(tid('compare-SOV-8-0'), 'data-score-upper'), '43.75');
  assert.match(await page.textContent(tid('compare-SOV-8-0')), /^SEAL-343\.75%$/);
  // SOV-7 of Alpha: rung 2 (71.50 points) plus six open criteria at 0 or 143 points each.
  assert.deepEqual(await rangeOf(page, 'compare-SOV-7-2'), ['0', '2']);
  assert.equal(await page.getAttribute(tid('compare-SOV-7-2'), 'data-score-lower'), '7.15');
  assert.equal(await page.getAttribute(tid('compare-SOV-7-2'), 'data-score-upper'), '92.95');
  assert.deepEqual(await rangeOf(page, 'compare-SOV-1-1'), ['0', '1']);
  assert.deepEqual(await rangeOf(page, 'compare-SOV-7-1'), ['0', '4']);
  assert.match(await page.textContent(tid('compare-row-SOV-1')), /^SOV-1 Strategic sovereignty/);
  assert.equal(await page.textContent(tid('compare-stage-1')), 'J3 – Qualified');
  assert.equal(await page.textContent(tid('compare-stage-0')), 'Not recorded');
  assert.equal(await page.textContent(tid('compare-weights-0')),
    'Calculator example (June 2026) (20/10/10/15/10/15/15/5)');
  assert.equal(await page.textContent(tid('compare-weights-1')),
    'Framework v1.2.1 (default) (15/10/10/15/20/15/10/5)');
  assert.equal(await page.textContent(tid('compare-aggregation-2')), 'Weakest link (official)');
  // Gamma uses other weights: the scores are not computed the same way.
  assert.match(await page.textContent(tid('compare-mixed')), /do not all use the same weights/);
  assert.equal(await page.locator(`${tid('compare-table')} caption`).textContent(), 'Results side by side');
  await assertAccessible(page, 'compare, three columns');

  // Without Gamma the rules are the same.
  await page.uncheck(tid('compare-pick-0'));
  assert.equal(await page.locator(tid('compare-mixed')).count(), 0);
  assert.deepEqual(await rangeOf(page, 'compare-seal-0'), ['0', '1']);

  // One picked: the engine's error, as an alert, and no table; in French too.
  await page.uncheck(tid('compare-pick-1'));
  assert.equal(await page.locator(tid('compare-table')).count(), 0);
  assert.equal(await page.getAttribute(tid('compare-error'), 'role'), 'alert');
  assert.equal(await page.textContent(tid('compare-error')),
    'A comparison needs at least 2 assessments; 1 given.');
  await assertAccessible(page, 'compare error');
  await switchLang(page, 'fr');
  assert.equal(await page.textContent(tid('compare-error')),
    fr('Une comparaison demande au moins 2 évaluations ; 1 fournie.'));
  assert.equal(await page.textContent('h1'), 'Comparer des évaluations');
  await assertAccessible(page, 'compare error in French');
  await switchLang(page, 'en');
  await page.check(tid('compare-pick-0'));
  await page.waitForSelector(tid('compare-table'));

  // Print: the browser's dialog is asked for; in print, pickers and buttons are hidden.
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.click(tid('print'));
  assert.equal(await page.evaluate(() => window.__printed), 1);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible(tid('compare-table')), true);
  assert.equal(await page.isVisible(tid('diff-summary')), true);
  for (const hidden of ['compare-pick-0', 'print', 'back', 'diff-old', 'lang-en']) {
    assert.equal(await page.isVisible(tid(hidden)), false, `${hidden} is hidden in print`);
  }
  // The disclaimer is printed with the comparison (on screen it is in the page footer).
  assert.equal(await page.isVisible('.compare-screen .print-only'), true);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.isVisible('.compare-screen .print-only'), false);

  // Back to the start screen; nothing was changed.
  const stored = await assessmentsOf(page);
  assert.equal(Object.keys(stored).length, 3);
  await page.click(tid('back'));
  await page.waitForSelector(tid('workspace'));
  assert.deepEqual(await assessmentsOf(page), stored);
  assertClean(rec);
  await context.close();
});

test('diff: every changed answer in words, its effect on the SEAL, other changes, no difference', async () => {
  const { page, rec, context } = await openApp(env);
  await makeThree(page);
  await page.click(tid('open-compare'));
  await page.waitForSelector(tid('diff-old'));
  const idOf = (name) => pickIdOf(page, name);
  const alpha = await idOf('Alpha Cloud');
  const beta = await idOf('Beta Hosting');
  // By default: the second of the list (earlier) to the first (later).
  assert.equal(await page.inputValue(tid('diff-old')), beta);
  await page.selectOption(tid('diff-old'), alpha);
  await page.selectOption(tid('diff-new'), beta);
  await page.waitForSelector(tid('diff-table'));

  const rows = page.locator(`${tid('diff-table')} tbody tr`);
  assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.testid)),
    ['diff-row-SOV-1.1', 'diff-row-SOV-7.1']);
  const cells = async (id) => {
    const r = page.locator(tid(`diff-row-${id}`));
    return {
      before: await r.locator(tid('diff-before')).textContent(),
      after: await r.locator(tid('diff-after')).textContent(),
      fields: await r.locator(tid('diff-fields')).textContent(),
      effect: await r.locator('td').last().textContent(),
      range: await r.locator('td').last().evaluate((td) =>
        [td.dataset.oldLower, td.dataset.oldUpper, td.dataset.newLower, td.dataset.newUpper]),
    };
  };
  // SOV-1.1: unanswered → rung 0 (SEAL-1); alone it lowers Alpha's 0 to 2 to 0 to 1.
  assert.deepEqual(await cells('SOV-1.1'), {
    before: 'unanswered',
    after: label('SOV-1.1', 0),
    fields: 'answer',
    effect: 'Overall: SEAL-0 to SEAL-2 → SEAL-0 to SEAL-1SOV-1: SEAL-0 to SEAL-4 → SEAL-0 to SEAL-1',
    range: ['0', '2', '0', '1'],
  });
  // SOV-7.1: rung 2 (SEAL-2) → rung 4 (SEAL-4); alone it lifts Alpha to 0 to 4.
  assert.deepEqual(await cells('SOV-7.1'), {
    before: label('SOV-7.1', 2),
    after: label('SOV-7.1', 4),
    fields: 'answer',
    effect: 'Overall: SEAL-0 to SEAL-2 → SEAL-0 to SEAL-4SOV-7: SEAL-0 to SEAL-2 → SEAL-0 to SEAL-4',
    range: ['0', '2', '0', '4'],
  });
  assert.equal(await page.textContent(tid('diff-stage')), 'SecNumCloud stage: Not recorded → J3 – Qualified');
  assert.equal(await page.textContent(tid('diff-summary-seal')), 'SEAL-0 to SEAL-2 → SEAL-0 to SEAL-1');
  assert.deepEqual(
    await page.locator(tid('diff-summary')).evaluate((dl) =>
      [dl.dataset.oldLower, dl.dataset.oldUpper, dl.dataset.newLower, dl.dataset.newUpper]),
    ['0', '2', '0', '1']);
  assert.equal(await page.locator(tid('diff-none')).count(), 0);
  await assertAccessible(page, 'diff of two assessments');

  // In French, the answers read in French.
  await switchLang(page, 'fr');
  assert.equal(await page.locator(tid('diff-row-SOV-1.1')).locator(tid('diff-after')).textContent(),
    label('SOV-1.1', 0, 'fr'));
  assert.equal(await page.locator(tid('diff-row-SOV-1.1')).locator(tid('diff-before')).textContent(),
    'sans réponse');
  await switchLang(page, 'en');

  // Gamma against Alpha: weights and four SOV-8 answers differ.
  const gamma = await idOf('Gamma Green');
  await page.selectOption(tid('diff-new'), gamma);
  assert.equal(await rows.count(), 5);
  assert.equal(await page.textContent(tid('diff-weights')),
    'Weight profile: Framework v1.2.1 (default) (15/10/10/15/20/15/10/5) → Calculator example (June 2026) (20/10/10/15/10/15/15/5)');
  // SOV-8.4 rung 0 grants SEAL-4: alone it moves nothing.
  assert.match((await cells('SOV-8.4')).effect, /no effect on the SEAL$/);

  // The same assessment on both sides: nothing differs, and it says so.
  await page.selectOption(tid('diff-new'), alpha);
  assert.match(await page.textContent(tid('diff-none')), /^No difference: .* The same assessment is chosen on both sides\.$/);
  assert.equal(await page.locator(tid('diff-table')).count(), 0);
  await assertAccessible(page, 'diff with no difference');

  // A duplicate differs only in metadata, which the diff does not compare.
  await page.click(tid('back'));
  await row(page, 'Alpha Cloud').locator(tid('row-duplicate')).click();
  await page.waitForSelector('#provider');
  await page.click(tid('back'));
  await page.click(tid('open-compare'));
  const copy = await idOf('Alpha Cloud (copy)');
  await page.selectOption(tid('diff-old'), alpha);
  await page.selectOption(tid('diff-new'), copy);
  assert.match(await page.textContent(tid('diff-none')), /^No difference: the answers, overrides, weights, aggregation and SecNumCloud stage are the same, so the results are the same\.$/);
  assertClean(rec);
  await context.close();
});

/** Drops a file named `name` holding `text` on the verify section, as a user's drag would. */
async function dropFile(page, name, text) {
  await page.evaluate(([n, t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: 'application/json' }));
    const zone = document.querySelector('[data-testid="verify"]');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, text]);
}

/** Waits for the verify result whose `data-kind` is `kind`, and returns it. */
async function resultOf(page, kind) {
  const sel = `${tid('verify-result')}[data-kind="${kind}"]`;
  await page.waitForSelector(sel);
  const el = page.locator(sel);
  return { match: await el.getAttribute('data-match'), text: await el.textContent() };
}

test('verify: the exported file matches its SHA-256; a changed byte, a bad fingerprint and a foreign file do not', async () => {
  const { page, rec, context } = await openApp(env);
  await makeAssessment(page, 'Proof SA', [['SOV-7.1', 3]]);
  const exported = await downloadOf(page, `${tid('assessment-row')} ${tid('row-export')}`);
  const sha = sha256(exported.text);
  const stored = await assessmentsOf(page);

  await page.click(tid('open-verify'));
  await page.waitForSelector(tid('verify-expected'));
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  await assertAccessible(page, 'verify, empty');

  // As printed: upper case, in groups of eight.
  await page.fill(tid('verify-expected'), sha.toUpperCase().match(/.{8}/g).join(' '));
  assert.equal(await page.textContent(tid('verify-waiting')), 'Now choose the file to check.');
  await page.setInputFiles(tid('verify-file'), {
    name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text, 'utf8'),
  });
  let r = await resultOf(page, 'bytes');
  assert.equal(r.match, 'true');
  assert.equal(r.text, '✓ Match: this is exactly the file whose fingerprint was printed.');
  assert.equal(await page.getAttribute(tid('verify-file-sha'), 'data-value'), sha);
  await assertAccessible(page, 'verify, match');

  // One byte changed (rung 3 → 2): no match, both values shown.
  const altered = exported.text.replace('"rung": 3', '"rung": 2');
  assert.equal(altered.length, exported.text.length);
  assert.notEqual(altered, exported.text);
  const chooser = page.waitForEvent('filechooser');
  await page.click(tid('verify-pick'));
  await (await chooser).setFiles({ name: 'altered.json', mimeType: 'application/json', buffer: Buffer.from(altered, 'utf8') });
  r = await resultOf(page, 'mismatch');
  assert.equal(r.match, 'false');
  assert.match(r.text, /^✗ No match: this file is not the one whose fingerprint was printed/);
  assert.equal(await page.getAttribute(tid('verify-expected-value'), 'data-value'), sha);
  assert.equal(await page.getAttribute(tid('verify-file-sha'), 'data-value'), sha256(altered));
  // The groups of eight that differ from the printed value are marked.
  assert.ok(await page.locator(`${tid('verify-file-sha')} mark`).count() > 0);
  await assertAccessible(page, 'verify, no match');

  // Re-formatted (same assessment, other bytes): the content matches.
  await dropFile(page, 'compact.json', JSON.stringify(JSON.parse(exported.text)));
  r = await resultOf(page, 'content');
  assert.equal(r.match, 'true');
  assert.match(r.text, /The content matches, but the file was re-saved or re-formatted/);

  // Dropped unchanged: a match again.
  await dropFile(page, exported.name, exported.text);
  assert.equal((await resultOf(page, 'bytes')).match, 'true');

  // Not a sovcheck document: the engine's message.
  await dropFile(page, 'list.json', '[1, 2]');
  r = await resultOf(page, 'not-sovcheck');
  assert.equal(r.match, 'false');
  assert.match(r.text, /No match, and this file is not a sovcheck document: a sovcheck file is a JSON object/);
  await assertAccessible(page, 'verify, not a sovcheck file');

  // The printed report instead of the exported assessment: said so, with what to check.
  await dropFile(page, 'report.pdf', '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
  r = await resultOf(page, 'report-not-assessment');
  assert.equal(r.match, 'false');
  assert.match(r.text, /This is a PDF, not an assessment file\. The fingerprint printed in the report is that of the exported assessment \(\.json\)/);

  // A bad fingerprint: one character short, then not hexadecimal; in French too.
  await page.fill(tid('verify-expected'), sha.slice(0, 63));
  r = await resultOf(page, 'bad-fingerprint');
  assert.equal(r.match, 'false');
  assert.equal(r.text, '✗ This is not a valid fingerprint: a fingerprint has 64 characters; this one has 63.');
  assert.equal(await page.getAttribute(tid('verify-expected'), 'aria-invalid'), 'true');
  await assertAccessible(page, 'verify, bad fingerprint');
  await page.fill(tid('verify-expected'), `sha256:${sha}`);
  await switchLang(page, 'fr');
  r = await resultOf(page, 'bad-fingerprint');
  assert.equal(r.text, fr("✗ Ce n'est pas une empreinte valide : « s » n'est pas un caractère hexadécimal (0-9, a-f)."));
  await assertAccessible(page, 'verify, bad fingerprint, French');

  // Nothing was stored or changed; back to the start screen.
  assert.deepEqual(await assessmentsOf(page), stored);
  await page.click(tid('back'));
  await page.waitForSelector(tid('workspace'));
  assertClean(rec);
  await context.close();
});

test('verify: a bad fingerprint is reported without a file once typed in', async () => {
  const { page, rec, context } = await openApp(env);
  await page.click(tid('open-verify'));
  await page.fill(tid('verify-expected'), 'not a fingerprint');
  // While typing, nothing is reported; leaving the field commits the value.
  assert.equal(await page.locator(tid('verify-result')).count(), 0);
  await page.press(tid('verify-expected'), 'Tab');
  const r = await resultOf(page, 'bad-fingerprint');
  assert.equal(r.match, 'false');
  assert.equal(r.text, '✗ This is not a valid fingerprint: “n” is not a hexadecimal character (0-9, a-f).');
  await assertAccessible(page, 'verify, bad fingerprint without a file');
  assert.deepEqual(await storedOf(page), {});
  assertClean(rec);
  await context.close();
});
