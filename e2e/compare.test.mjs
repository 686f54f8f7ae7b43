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
    if (await page.textContent(`label[for="compare-pick-${i}"] .offer-name`) === name) {
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
    await page.check('#snc-stage-j3');
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
  // Each with its neutral letter.
  assert.deepEqual(names, ['Offer A Gamma Green', 'Offer B Beta Hosting', 'Offer C Alpha Cloud']);
  assert.deepEqual(
    await Promise.all([0, 1, 2].map((i) => page.isChecked(tid(`compare-pick-${i}`)))),
    [true, true, false]);
  const ids = await Promise.all([0, 1, 2].map((i) => page.getAttribute(tid(`compare-pick-${i}`), 'data-id')));
  assert.equal(new Set(ids).size, 3);
  await assertAccessible(page, 'compare, two picked');

  await page.check(tid('compare-pick-2'));
  assert.deepEqual(await page.locator(`${tid('compare-table')} thead th[scope="col"]`).allTextContents(),
    ['Assessment', 'Offer AGamma Green', 'Offer BBeta Hosting', 'Offer CAlpha Cloud']);
  for (let i = 0; i < 3; i++) {
    assert.equal(await page.getAttribute(tid(`compare-col-${i}`), 'data-id'), ids[i]);
  }
  // The picks are in the address: a reload shows the same comparison, and Back leaves the
  // comparison (picking corrects its entry instead of adding one per pick); Forward returns.
  const picks = `#/compare/${ids.map(encodeURIComponent).join('/')}`;
  await page.waitForFunction((h) => location.hash === h, picks);
  const checked = () => Promise.all([0, 1, 2].map((i) => page.isChecked(tid(`compare-pick-${i}`))));
  await page.reload();
  await page.waitForSelector(tid('compare-table'));
  assert.deepEqual(await checked(), [true, true, true]);
  await page.goBack();
  await page.waitForSelector(tid('workspace'));
  await page.goForward();
  await page.waitForSelector(tid('compare-table'));
  assert.equal(new URL(page.url()).hash, picks);
  assert.deepEqual(await checked(), [true, true, true]);
  // Overall SEAL: Gamma 0 to 3 (SOV-8 caps the upper bound), Beta 0 to 1, Alpha 0 to 2.
  assert.deepEqual(await rangeOf(page, 'compare-seal-0'), ['0', '3']);
  assert.deepEqual(await rangeOf(page, 'compare-seal-1'), ['0', '1']);
  assert.deepEqual(await rangeOf(page, 'compare-seal-2'), ['0', '2']);
  // Every lower end is SEAL-0: the row is marked equal, in words for screen readers.
  assert.equal(await page.textContent(tid('compare-seal-1')), 'SEAL-0 to SEAL-1\u00a0= (equal in every column)');
  assert.equal(await page.getAttribute(tid('compare-seal-1'), 'data-mark'), 'equal');
  // Alpha and Gamma answered 1 and 4 criteria: Gamma has the most; none is unknown.
  assert.deepEqual(await Promise.all([0, 1, 2].map((i) => page.getAttribute(tid(`compare-answered-${i}`), 'data-mark'))),
    ['best', 'none', 'none']);
  assert.deepEqual(await Promise.all([0, 1, 2].map((i) => page.getAttribute(tid(`compare-unknown-${i}`), 'data-mark'))),
    ['equal', 'equal', 'equal']);
  assert.equal(await page.textContent(tid('compare-target-0')), 'No target SEAL set');
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
  // Two offers by default: from the first of the list (A) to the second (B).
  assert.equal(await page.inputValue(tid('diff-old')), await idOf('Gamma Green'));
  assert.equal(await page.inputValue(tid('diff-new')), beta);
  await page.selectOption(tid('diff-old'), alpha);
  await page.selectOption(tid('diff-new'), beta);
  await page.waitForSelector(tid('diff-table'));

  const rows = page.locator(`${tid('diff-table')} tr[data-testid^="diff-row-"]`);
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

// ------------------------------------------------------------------ offers
// Two offers as files: the core's fixtures, given ids and a target SEAL-1. North is the mixed
// SecNumCloud IaaS (42 answered, 4 unknown, 2 unanswered; SEAL-0 to SEAL-1, score 51.91 % to
// 63.58 %: target undecided); South answers every criterion at its worst rung (48 answered;
// SEAL-0, score 0 %: target not met). Both use the framework weights.
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'crates/sovcheck-core/tests/fixtures');
function offerFile(fixture, id, provider, change = () => {}) {
  const doc = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${fixture}.json`), 'utf8'));
  doc.assessment.id = id;
  doc.assessment.meta.provider = provider;
  doc.assessment.meta.targetSeal = 1;
  doc.assessment.meta.offer = '';
  change(doc.assessment);
  return { name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc), 'utf8') };
}
const NORTH = () => offerFile('mixed-secnumcloud-iaas', 'north', 'North Cloud');
const SOUTH = () => offerFile('all-worst-framework', 'south', 'South Hosting');

/** Drops `files` (`{ name, buffer }`) on the workspace in one drop, as a user's drag would. */
async function dropFiles(page, files) {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const [n, t] of list) dt.items.add(new File([t], n, { type: 'application/json' }));
    const zone = document.querySelector('[data-testid="workspace"]');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files.map((f) => [f.name, f.buffer.toString('utf8')]));
}

/** The marks of a row, by column: `data-mark` and the words read out. */
async function marksOf(page, row, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const cell = page.locator(tid(`compare-${row}-${i}`));
    out.push([await cell.getAttribute('data-mark'),
      await cell.locator('.better-mark').count() ? await cell.locator('.better-mark').textContent() : '',
      await cell.locator('.visually-hidden').count() ? await cell.locator('.visually-hidden').textContent() : '']);
  }
  return out;
}

test('offers: two files in one picker action, letters, completeness and target rows, the better value marked', async () => {
  const { page, rec, context } = await openApp(env);
  assert.equal(await page.locator(tid('import-file')).evaluate((el) => el.multiple), true);
  await page.setInputFiles(tid('import-file'), [NORTH(), SOUTH()]);
  assert.equal(await page.textContent(`${tid('import-done')} p`), '2 assessments imported.');
  await page.click(tid('open-compare'));
  await page.waitForSelector(tid('compare-table'));

  // Neutral letters, in the list's order, in the picks and the column heads.
  const names = [0, 1].map((i) => page.textContent(`label[for="compare-pick-${i}"] .offer-name`));
  const order = await Promise.all(names);
  assert.deepEqual([...order].sort(), ['North Cloud', 'South Hosting']);
  assert.equal(await page.textContent('label[for="compare-pick-0"]'), `Offer A ${order[0]}`);
  assert.deepEqual(await page.locator(`${tid('compare-table')} thead th[scope="col"]`).allTextContents(),
    ['Assessment', `Offer A${order[0]}`, `Offer B${order[1]}`]);
  const n = order.indexOf('North Cloud');
  const s = 1 - n;
  const byOffer = (pairs) => (n === 0 ? pairs : [pairs[1], pairs[0]]);

  // Completeness: the verdict's counts; the target verdict against SEAL-1.
  const values = async (row) => Promise.all([0, 1].map((i) => page.getAttribute(tid(`compare-${row}-${i}`), 'data-value')));
  assert.deepEqual(await values('answered'), byOffer(['42', '48']));
  assert.deepEqual(await values('unknown'), byOffer(['4', '0']));
  assert.deepEqual(await values('unanswered'), byOffer(['2', '0']));
  assert.equal(await page.textContent(`${tid('compare-row-answered')} th`), 'Answered, of 48 criteria');
  assert.equal(await page.getAttribute(tid(`compare-target-${n}`), 'data-verdict'), 'undecided');
  assert.equal(await page.getAttribute(tid(`compare-target-${s}`), 'data-verdict'), 'not-met');
  assert.equal(await page.textContent(tid(`compare-target-${s}`)), 'SEAL-1: not met');

  // The better value: North's score and target; South's completeness; the SEALs' lower
  // ends are equal (SEAL-0). A sign to see, words to hear.
  const best = ['best', '★', ' (best of this row)'];
  const none = ['none', '', ''];
  const equal = ['equal', '=', ' (equal in every column)'];
  assert.deepEqual(await marksOf(page, 'seal', 2), [equal, equal]);
  assert.deepEqual(await marksOf(page, 'score', 2), byOffer([best, none]));
  assert.deepEqual(await marksOf(page, 'target', 2), byOffer([best, none]));
  for (const row of ['answered', 'unknown', 'unanswered']) {
    assert.deepEqual(await marksOf(page, row, 2), byOffer([none, best]), row);
  }
  assert.equal(await page.textContent(tid(`compare-target-${n}`)), 'SEAL-1: undecided\u00a0★ (best of this row)');
  assert.match(await page.textContent(tid('compare-legend')), /^★ marks the best value of a row, = a row where every column is equal\./);
  await assertAccessible(page, 'compare, two offers with marks');

  // In French: "Offre A", the same counts' words.
  await switchLang(page, 'fr');
  assert.equal(await page.textContent(tid('compare-col-0')), `Offre A${order[0]}`);
  assert.equal(await page.textContent(`${tid('compare-row-answered')} th`), fr('Répondus, sur 48 critères'));
  assert.equal(await page.textContent(tid(`compare-target-${s}`)), fr('SEAL-1 : non atteinte'));
  assert.equal(await page.locator(`${tid(`compare-score-${n}`)} .visually-hidden`).textContent(),
    ' (meilleure valeur de la ligne)');
  await assertAccessible(page, 'compare, two offers, French');
  await switchLang(page, 'en');
  // On a phone the table scrolls in its region; the page itself does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
  assertClean(rec);
  await context.close();
});

test('offers: the difference keeps the changes that move a SEAL, grouped by objective; versions read before / after', async () => {
  const { page, rec, context } = await openApp(env);
  // One drop with two files imports both.
  await dropFiles(page, [NORTH(), SOUTH()]);
  await page.waitForSelector(tid('import-done'));
  assert.equal(await page.textContent(`${tid('import-done')} p`), '2 assessments imported.');
  assert.equal(await page.locator(tid('assessment-row')).count(), 2);
  await page.click(tid('open-compare'));
  await page.waitForSelector(tid('diff-table'));

  // Two offers: A to B, neutral words, the filter on.
  assert.equal(await page.textContent('label[for="diff-old"]'), 'First offer');
  assert.equal(await page.textContent('label[for="diff-new"]'), 'Second offer');
  const a = await page.getAttribute(tid('compare-pick-0'), 'data-id');
  assert.equal(await page.inputValue(tid('diff-old')), a);
  assert.equal(await page.isChecked(tid('diff-moving-only')), true);
  assert.deepEqual(await page.locator(`${tid('diff-table')} thead th`).allTextContents(),
    ['Criterion', 'Offer A', 'Offer B', 'What changed', 'Effect of this change alone on the SEAL']);
  const shown = async () => {
    const el = page.locator(tid('diff-shown'));
    return [Number(await el.getAttribute('data-shown')), Number(await el.getAttribute('data-total'))];
  };
  const rows = () => page.locator(`${tid('diff-table')} tr[data-testid^="diff-row-"]`);
  const groupsOf = () => page.locator(`${tid('diff-table')} tbody`).evaluateAll((bodies) =>
    bodies.map((b) => [b.dataset.testid, Number(b.dataset.shown), Number(b.dataset.total)]));
  const [on, total] = await shown();
  // 47 answers differ; 10 of them move no SEAL (rungs granting the same SEAL, e.g. SOV-1.2
  // rung 3 against rung 0, both SEAL-4; SOV-5.1 differs in its evidence only).
  assert.deepEqual([on, total], [37, 47]);
  assert.equal(await rows().count(), on);
  assert.deepEqual(await rows().evaluateAll((trs) => [...new Set(trs.map((tr) => tr.dataset.moves))]), ['true']);
  const filtered = await groupsOf();
  assert.deepEqual(filtered, [['diff-group-SOV-1', 5, 8], ['diff-group-SOV-2', 5, 6],
    ['diff-group-SOV-3', 5, 5], ['diff-group-SOV-4', 6, 6], ['diff-group-SOV-5', 3, 6],
    ['diff-group-SOV-6', 4, 5], ['diff-group-SOV-7', 5, 7], ['diff-group-SOV-8', 4, 4]]);
  assert.equal(await page.textContent(tid('diff-shown')), `Changed answers shown: ${on} of ${total}.`);
  assert.equal(await page.textContent(tid('diff-group-head-SOV-1')), 'SOV-1 Strategic sovereignty (5 of 8 changes)');
  await assertAccessible(page, 'difference of two offers, filtered');

  // Unticked: every changed answer, still grouped, SOV-1 first.
  await page.uncheck(tid('diff-moving-only'));
  assert.deepEqual(await shown(), [total, total]);
  assert.equal(await rows().count(), total);
  const all = await groupsOf();
  assert.deepEqual(all.map((g) => g[0]), [1, 2, 3, 4, 5, 6, 7, 8].map((k) => `diff-group-SOV-${k}`));
  assert.ok(all.every(([, shownN, totalN]) => shownN === totalN));
  assert.equal(all.reduce((sum, g) => sum + g[1], 0), total);
  await assertAccessible(page, 'difference of two offers, unfiltered');
  await page.check(tid('diff-moving-only'));
  assert.deepEqual(await shown(), [on, total]);

  // A later version of North (one answer changed) kept beside it: the two read as versions.
  await page.click(tid('back'));
  const later = offerFile('mixed-secnumcloud-iaas', 'north', 'North Cloud', (x) => {
    x.answers['SOV-7.1'] = { rung: 4 };
  });
  later.name = 'north-later.json';
  await dropFiles(page, [later, SOUTH()]);
  await page.waitForSelector(tid('import-conflict'));
  // A second conflicting file waits its turn while the first question is asked.
  await page.setInputFiles(tid('import-file'), [SOUTH()]);
  await page.click(tid('import-keep-both'));
  await page.waitForSelector(tid('import-conflict'));
  await page.click(tid('import-cancel'));
  assert.equal(await page.locator(tid('assessment-row')).count(), 4);
  await page.click(tid('open-compare'));
  await page.waitForSelector(tid('diff-old'));
  await page.selectOption(tid('diff-old'), 'north');
  await page.selectOption(tid('diff-new'), 'north-2');
  assert.equal(await page.textContent('label[for="diff-old"]'), 'Earlier assessment (before)');
  assert.equal(await page.textContent('label[for="diff-new"]'), 'Later assessment (after)');
  // Versions: every changed answer by default.
  assert.equal(await page.isChecked(tid('diff-moving-only')), false);
  assert.deepEqual(await page.locator(`${tid('diff-table')} thead th`).allTextContents(),
    ['Criterion', 'Before', 'After', 'What changed', 'Effect of this change alone on the SEAL']);
  assert.deepEqual(await rows().evaluateAll((trs) => trs.map((tr) => tr.dataset.testid)), ['diff-row-SOV-7.1']);
  assert.equal(await page.textContent(tid('diff-group-head-SOV-7')), 'SOV-7 Security and compliance sovereignty (1 change)');
  await assertAccessible(page, 'difference of two versions');
  assertClean(rec);
  await context.close();
});

test('import: an encrypted file among several is refused with its clear message', async () => {
  const { page, rec, context } = await openApp(env);
  const sealed = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..',
    'crates/sovcheck-cli/tests/fixtures/response-encrypted.json'));
  await page.setInputFiles(tid('import-file'), [NORTH(),
    { name: 'sealed.json', mimeType: 'application/json', buffer: sealed }]);
  await page.waitForSelector(tid('import-error'));
  assert.equal(await page.textContent(tid('import-error')),
    'sealed.json — not imported, nothing was changed. Encrypted files are imported one at a time, each with its passphrase.Dismiss');
  assert.equal(await page.locator(tid('assessment-row')).count(), 0);
  assertClean(rec);
  await context.close();
});
