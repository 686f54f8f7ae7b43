// Many hands, one assessment: the CISO prepares two questionnaires (the provider's, and an
// encrypted one for the legal team), each is answered in a fresh browser profile (the legal
// one from the single file, offline), both responses land in one drop, a conflict is decided
// side by side, and the report shows who answered what and the decision log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  start, assertClean, assertAccessible, tid, openApp, downloadOf, storedOf, makeAssessment,
  recordViolations, switchLang, fr,
} from './harness.mjs';

const SINGLE = pathToFileURL(path.join(path.resolve(process.env.SOVCHECK_SINGLE || 'dist-single'), 'sovcheck.html')).href;
const SHOTS = process.env.SOVCHECK_SHOTS;

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

async function shot(page, name) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Drops files (`[name, text]` pairs) on the workspace in one drop, as a user's drag would. */
async function drop(page, files) {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const [n, t] of list) dt.items.add(new File([t], n, { type: 'application/json' }));
    const zone = document.querySelector('[data-testid="workspace"]');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

/** Opens the questionnaire screen for the assessment of `provider` and prepares one. */
async function prepare(page, { name, role, questions, share = false, message = '', encrypt = null }) {
  await page.locator(tid('assessment-row')).first().locator(tid('row-questionnaire')).click();
  await page.waitForSelector(tid('questionnaire'));
  await page.fill(tid('qn-respondent'), name);
  await page.selectOption(tid('qn-role'), role);
  for (const q of questions) await page.check(tid(`qn-q-${q}`));
  if (share) await page.check(tid('qn-share-answers'));
  if (message) await page.fill(tid('qn-message'), message);
  let file;
  if (encrypt) {
    await page.click(tid('qn-encrypt'));
    await page.fill(tid('qn-passphrase'), encrypt);
    await page.fill(tid('qn-passphrase-repeat'), encrypt);
    file = await downloadOf(page, tid('qn-encrypt-download'));
  } else {
    file = await downloadOf(page, tid('qn-download'));
  }
  await page.waitForSelector(`${tid('qn-sent-row')}`);
  return file;
}

test('two questionnaires out, two responses in, one conflict decided, provenance and log in the report', async () => {
  // --- The CISO's browser: an assessment with two answers of its own.
  const ciso = await openApp(env);
  const { page } = ciso;
  await makeAssessment(page, 'Acme Cloud', [['SOV-1.1', 1], ['SOV-7.1', 4]], async () => {
    await page.fill('#assessor', 'C. Iso');
  });

  // The provider's questionnaire: q1 and q6, nothing shared.
  const provider = await prepare(page, { name: 'Acme KAM', role: 'provider', questions: ['q1', 'q6'], message: 'Please answer by Friday.' });
  assert.equal(await page.textContent(tid('qn-covers')), 'Covers 2 criteria.');
  assert.equal(await page.textContent(tid('qn-note')), 'Questionnaire downloaded and recorded in this assessment: its response can be landed here.');
  assert.match(provider.name, /^sovcheck-questionnaire-acme-kam\.json$/);
  const pq = JSON.parse(provider.text).questionnaire;
  assert.deepEqual(pq.scope, { questions: ['q1', 'q6'], criteria: ['SOV-3.1', 'SOV-7.1'] });
  assert.equal(pq.answers, undefined, 'nothing shared unless chosen');
  assert.ok(!provider.text.includes('"rung"'));
  await shot(page, 'prepare');
  await assertAccessible(page, 'questionnaire screen');
  await page.click(tid('back'));

  // The legal questionnaire: q4, current answers shared, encrypted.
  const legal = await prepare(page, { name: 'M. Law', role: 'legal', questions: ['q4'], share: true, encrypt: 'correct horse battery' });
  assert.match(legal.text, /"sovcheckEncrypted": 1/);
  assert.equal(await page.locator(tid('qn-sent-row')).count(), 2);
  await page.click(tid('back'));

  // --- The provider, in a fresh profile (hosted app): drops the questionnaire.
  const kam = await openApp(env);
  await drop(kam.page, [[provider.name, provider.text]]);
  await kam.page.waitForSelector(tid('respond'));
  const p2 = kam.page;
  // Only the scope: q1 and q6 and their criteria; nothing of the CISO's answers.
  assert.equal(await p2.locator('[data-testid^="rs-criterion-"]').count(), 2);
  assert.equal(await p2.locator(tid('rs-criterion-SOV-1.1')).count(), 0);
  assert.equal(await p2.locator('[data-testid^="rs-shared-"]').count(), 0);
  assert.equal(await p2.textContent(tid('rs-from')), 'C. Iso');
  assert.equal(await p2.textContent(tid('rs-message')), 'Please answer by Friday.');
  await p2.fill(tid('rs-name'), 'Acme KAM');
  await p2.check(tid('rs-choice-SOV-3.1-3'));
  await p2.fill(tid('rs-SOV-3.1-source'), 'KMS contract, annex 2');
  await p2.check(tid('rs-choice-SOV-7.1-4'));
  await p2.fill(tid('rs-q6-note'), 'Keys in an HSM we operate in Paris');
  assert.equal(await p2.textContent(tid('rs-progress')), '3 of 4 answered');
  await shot(p2, 'respond');
  await assertAccessible(p2, 'respondent screen');
  // Kept locally: a reload, then "Continue", finds the answers.
  await p2.reload();
  await p2.waitForSelector(tid('respond-list'));
  const keys = Object.keys(await storedOf(p2));
  assert.ok(keys.some((k) => k.startsWith('sovcheck.v1.q.')) && keys.some((k) => k.startsWith('sovcheck.v1.r.')), keys.join());
  assert.ok(!keys.some((k) => k.startsWith('sovcheck.v1.a.')), 'the respondent has no assessment');
  await assertAccessible(p2, 'start screen with a questionnaire to continue');
  await p2.click(tid('rs-resume'));
  assert.equal(await p2.isChecked(tid('rs-choice-SOV-3.1-3')), true);
  const providerResponse = await downloadOf(p2, tid('rs-export'));
  assert.equal(await p2.textContent(tid('rs-exported')), 'Response downloaded. Send the file back to C. Iso.');
  assert.equal(providerResponse.name, 'sovcheck-response-acme-kam.json');
  assertClean(kam.rec);
  await kam.context.close();

  // --- The legal team, from the single file (offline), in French: imports the encrypted file.
  const context = await env.browser.newContext({ acceptDownloads: true, locale: 'fr-FR' });
  const rec = { errors: [], violations: [] };
  await recordViolations(context, rec);
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const p3 = await context.newPage();
  p3.on('console', (m) => { if (m.type() === 'error') rec.errors.push(`console: ${m.text()}`); });
  p3.on('pageerror', (e) => rec.errors.push(`pageerror: ${e.message}`));
  await p3.goto(SINGLE);
  await p3.waitForSelector(tid('new-assessment'));
  await p3.setInputFiles(tid('import-file'), { name: legal.name, mimeType: 'application/json', buffer: Buffer.from(legal.text) });
  await p3.waitForSelector(tid('import-decrypt-form'));
  await p3.fill(tid('import-passphrase'), 'correct horse battery');
  await p3.click(tid('import-decrypt'));
  await p3.waitForSelector(tid('respond'));
  // The current answers were shared for this scope: SOV-1.1 is shown, SOV-7.1 (outside) is not.
  assert.equal(await p3.locator(tid('rs-shared-SOV-1.1')).count(), 1);
  assert.equal(await p3.locator(tid('rs-criterion-SOV-7.1')).count(), 0);
  await p3.fill(tid('rs-name'), 'M. Law');
  await p3.check(tid('rs-choice-SOV-1.1-3'));
  await p3.fill(tid('rs-SOV-1.1-note'), "Extrait Kbis : pas d'actionnaire hors UE");
  await p3.check(tid('rs-choice-SOV-1.2-2'));
  await p3.fill(tid('rs-q4-note'), 'Capital détenu en France');
  assert.equal(await p3.textContent(tid('rs-progress')), '3 sur 6 renseignés');
  await shot(p3, 'respond-fr');
  await assertAccessible(p3, 'respondent screen, single file, French');
  const legalResponse = await downloadOf(p3, tid('rs-export'));
  assert.equal(await p3.textContent(tid('rs-exported')), 'Réponse téléchargée. Renvoyez le fichier à C. Iso.');
  assert.deepEqual(rec.errors, []);
  assert.deepEqual(rec.violations, []);
  assert.deepEqual(requests.filter((u) => !/^(data|blob):/.test(u)), [SINGLE], 'the file and nothing else');
  await context.close();

  // --- Back at the CISO's: both responses in one drop.
  await drop(page, [[providerResponse.name, providerResponse.text], [legalResponse.name, legalResponse.text]]);
  await page.waitForSelector(tid('landing'));
  assert.equal(await page.textContent(tid('landing-summary')), '2 filled; 1 confirmed; 0 conflicts');
  assert.equal(await page.locator(tid('confirmed-SOV-7.1')).count(), 1);
  assert.equal(await page.textContent(tid('landing-respondent')), 'Acme KAM (provider)');
  assert.match(await page.textContent(tid('filled-SOV-3.1')), /KMS contract|declared by the provider|Provenance/);
  await assertAccessible(page, 'landing, no conflict');
  await page.fill(tid('landing-by'), 'C. Iso');
  await page.click(tid('landing-confirm'));
  // The legal response: SOV-1.1 conflicts (ours rung 1, theirs rung 3), side by side.
  await page.waitForSelector(tid('conflict-SOV-1.1'));
  assert.equal(await page.textContent(tid('landing-summary')), '2 filled; 0 confirmed; 1 conflict');
  assert.match(await page.textContent(tid('conflict-SOV-1.1-theirs')), /Extrait Kbis/);
  assert.match(await page.textContent(tid('conflict-SOV-1.1-theirs')), /answered by M\. Law \(legal\)/);
  assert.equal(await page.isDisabled(tid('landing-confirm')), true, 'a conflict must be decided');
  assert.equal(await page.textContent(tid('landing-undecided')), '1 conflict is not decided yet.');
  await shot(page, 'landing-conflict');
  await assertAccessible(page, 'landing with a conflict');
  await page.check(tid('decide-SOV-1.1-take'));
  await page.fill(tid('why-SOV-1.1'), 'Register extract of November');
  await page.click(tid('landing-confirm'));
  await page.waitForSelector(tid('landing-done'));
  await assertAccessible(page, 'landing done');

  // The same response again: nothing new, the log does not grow.
  await page.click(tid('landing-close'));
  await drop(page, [[legalResponse.name, legalResponse.text]]);
  await page.waitForSelector(tid('landing-already'));
  await page.click(tid('landing-confirm'));
  await page.waitForSelector(tid('landing-done'));

  // --- The report: provenance per answer and the log annex.
  await page.click(tid('landing-open'));
  await page.click(tid('goto-14'));
  await page.click(tid('open-report'));
  await page.waitForSelector(tid('report'));
  const p11 = await page.textContent(tid('provenance-SOV-1.1'));
  assert.match(p11, /^Provenance: answered by M\. Law \(legal\) on \d+ \w+ \d{4}, accepted by C\. Iso on \d+ \w+ \d{4}$/);
  assert.equal(await page.getAttribute(tid('provenance-SOV-3.1'), 'data-declared'), 'true');
  assert.match(await page.textContent(tid('provenance-SOV-3.1')), /^Provenance: declared by the provider, answered by Acme KAM \(provider\)/);
  assert.match(await page.textContent(tid('dd-q6')), /^Q6 · Encryption key managementKeys in an HSM we operate in ParisProvenance: declared by the provider, answered by Acme KAM \(provider\)/);
  const events = await page.$$eval(`${tid('log-entry')}`, (rows) => rows.map((r) => r.dataset.event));
  assert.deepEqual(events, ['landed', 'filled', 'filled', 'confirmed', 'landed', 'filled', 'conflict-taken', 'filled']);
  const taken = page.locator(`${tid('log-entry')}[data-event="conflict-taken"]`);
  assert.match(await taken.textContent(), /^\d{4}-\d\d-\d\d \d\d:\d\d UTCC\. IsoSOV-1\.1: took .* \(“Extrait Kbis : pas d'actionnaire hors UE”\) — M\. Law \(legal\), instead of .*Register extract of November$/);
  await shot(page, 'report');
  await assertAccessible(page, 'report with provenance and log');
  if (SHOTS) await page.pdf({ path: path.join(SHOTS, 'report.pdf'), format: 'A4', printBackground: true });
  await switchLang(page, 'fr');
  assert.match(await page.textContent(tid('provenance-SOV-1.1')),
    new RegExp(`^${fr('Provenance : répondu par M. Law (juridique) le').replace(/[.()]/g, '\\$&')}`));
  assert.equal(await page.textContent(`${tid('log-annex')} h2`), 'Journal des décisions');
  assertClean(ciso.rec);
  await ciso.context.close();
});

test('hostile responses: another assessment or an unknown questionnaire change nothing', async () => {
  const { page, rec, context } = await openApp(env);
  await makeAssessment(page, 'Beta Hosting', [['SOV-1.1', 2]]);
  const id = (await page.getAttribute(tid('assessment-row'), 'data-id'));
  const before = await storedOf(page);
  const response = (assessment, questionnaire) => JSON.stringify({
    formatVersion: 2,
    response: { questionnaire, assessment, scope: { questions: ['q4'] }, answers: { 'SOV-1.1': { rung: 3 } } },
  });
  await drop(page, [['other.json', response('a-elsewhere', 'q-1')]]);
  await page.waitForSelector(tid('import-error'));
  assert.equal(await page.textContent(`${tid('import-error')} p`),
    'other.json — not imported, nothing was changed. this response answers assessment “a-elsewhere”, which is not in this browser: import or open that assessment first');
  // Once the assessment records a questionnaire, a response to another is refused.
  await prepare(page, { name: 'Legal', role: 'legal', questions: ['q4'] });
  await page.click(tid('back'));
  const recorded = await storedOf(page);
  await drop(page, [['forged.json', response(id, 'q-forged')]]);
  await page.waitForSelector(tid('import-error'));
  assert.match(await page.textContent(`${tid('import-error')} p`), /this response answers questionnaire “q-forged”, which this assessment did not send$/);
  assert.deepEqual(await storedOf(page), recorded, 'nothing changed');
  assert.notDeepEqual(before, recorded, 'the questionnaire was recorded');
  // A newer format is refused by name.
  await drop(page, [['newer.json', '{"formatVersion": 3, "response": {}}']]);
  await page.waitForSelector(tid('import-error'));
  assert.match(await page.textContent(`${tid('import-error')} p`), /format version 3 was written by a newer sovcheck/);
  await assertAccessible(page, 'import error');
  assertClean(rec);
  await context.close();
});

test('an encrypted response lands after its passphrase, and a conflict is decided with the keyboard alone', async () => {
  const assessment = JSON.stringify({ formatVersion: 2, assessment: {
    id: 'a-2026-acme', meta: { provider: 'Acme Cloud', assessor: 'C. Iso' },
    answers: { 'SOV-1.1': { rung: 1, note: 'From the 2025 annual report' } },
  } });
  // The respondent's side: the example questionnaire, answered and exported encrypted.
  const who = await openApp(env);
  await drop(who.page, [['questionnaire.json', fs.readFileSync(path.resolve('docs/examples/questionnaire.json'), 'utf8')]]);
  await who.page.waitForSelector(tid('respond'));
  await who.page.check(tid('rs-choice-SOV-1.1-3'));
  await who.page.click(tid('rs-encrypt'));
  await who.page.fill(tid('rs-passphrase'), 'short');
  await who.page.fill(tid('rs-passphrase-repeat'), 'short');
  await who.page.click(tid('rs-encrypt-download'));
  assert.equal(await who.page.textContent(tid('rs-exported')), 'The passphrase needs at least 10 characters.');
  await who.page.fill(tid('rs-passphrase'), 'correct horse battery');
  await who.page.fill(tid('rs-passphrase-repeat'), 'correct horse battery');
  const encrypted = await downloadOf(who.page, tid('rs-encrypt-download'));
  assert.equal(encrypted.name, 'sovcheck-response-m-law-encrypted.json');
  assert.ok(!encrypted.text.includes('SOV-1.1'), 'nothing readable');
  assertClean(who.rec);
  await who.context.close();

  // The CISO's side.
  const { page, rec, context } = await openApp(env);
  await drop(page, [['acme.json', assessment]]);
  await page.waitForSelector(tid('import-done'));
  await drop(page, [[encrypted.name, encrypted.text]]);
  await page.waitForSelector(tid('import-decrypt-form'));
  await page.fill(tid('import-passphrase'), 'correct horse battery');
  await page.keyboard.press('Enter');
  await page.waitForSelector(tid('conflict-SOV-1.1'));
  // Keyboard only: from the "why" field back to the decision, then on to "Land".
  await page.focus(tid('why-SOV-1.1'));
  await page.keyboard.press('Shift+Tab');
  // Into a group with nothing chosen, the browser lands on its last radio; arrows choose.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'decide-SOV-1.1-unknown');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.isChecked(tid('decide-SOV-1.1-keep')), true);
  await page.keyboard.press('Tab');
  await page.keyboard.type('The register extract predates the capital increase');
  await page.focus(tid('landing-by'));
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'landing-confirm');
  await page.keyboard.press('Enter');
  await page.waitForSelector(tid('landing-done'));
  assert.match(await page.textContent(tid('landing-done')), /^Response landed: 1 item recorded in the log\.sovcheck-response-m-law-encrypted\.json: 0 filled; 0 confirmed; 1 conflict/);
  // Stored: our answer kept, the response's note in the log.
  const stored = JSON.parse((await storedOf(page))['sovcheck.v1.a.a-2026-acme']).assessment;
  assert.equal(stored.answers['SOV-1.1'].rung, 1);
  const kept = stored.log.find((e) => e.event === 'conflict-kept');
  assert.equal(kept.why, 'The register extract predates the capital increase');
  assert.equal(kept.other.rung, 3);
  assert.equal(kept.other.provenance.respondent, 'M. Law');
  assertClean(rec);
  await context.close();
});
