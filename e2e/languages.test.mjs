// Languages: the page title in the user's language (with the assessment's name on the
// report, which names a saved PDF), French typography on the printed report, dates and
// sources in the reader's language, and the answers CSV as French spreadsheets read it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertClean, assertAccessible, tid, openApp, downloadOf } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

/** An assessment with a target, evidence dated in the future, a decision and approvers. */
const FILE = JSON.stringify({
  formatVersion: 2,
  assessment: {
    id: 'lang-check',
    meta: {
      title: 'Nimbus IaaS 2027', provider: 'Nimbus', offer: 'IaaS', date: '2026-12-01',
      targetSeal: 3, sensitivity: 'high',
    },
    answers: {
      'SOV-1.1': { rung: 3, note: 'Registre des actionnaires', source: 'Kbis', evidenceLevel: 'documented', validUntil: '2027-06-30' },
      'SOV-2.2': { unknown: true },
      'SOV-7.1': { rung: 2, evidenceLevel: 'declared' },
    },
    signoff: {
      decision: 'approve-with-conditions', rationale: 'Offre retenue sous conditions.',
      residualRisks: 'Dépendance au matériel extra-européen.',
      approvers: [{ name: 'Jeanne Martin', role: 'DG', date: '2026-12-02' }], nextReview: '2027-07-01',
    },
  },
});

/** Imports FILE and opens its report. */
async function openReport(page) {
  await page.setInputFiles(tid('import-file'), { name: 'lang.json', mimeType: 'application/json', buffer: Buffer.from(FILE) });
  await page.waitForSelector(tid('import-done'));
  await page.click(`${tid('assessment-row')} ${tid('row-open')}`);
  const last = await page.locator('[data-testid^="goto-"]').count() - 1;
  await page.click(tid(`goto-${last}`));
  await page.click(tid('open-report'));
  await page.waitForSelector(tid('report'));
}

/** The report's words as printed (on screen, blocks out of view are not laid out). */
async function printedText(page) {
  await page.emulateMedia({ media: 'print' });
  const text = await page.locator(tid('report')).innerText();
  await page.emulateMedia({ media: 'screen' });
  return text;
}

test('French report: its title names the assessment, no sign or unit starts a line, dates and sources in French', async () => {
  const { page, rec, context } = await openApp(env, 'fr-FR');
  assert.equal(await page.title(), 'sovcheck — autoévaluation de la souveraineté du cloud');
  await openReport(page);
  assert.equal(await page.title(), 'Nimbus IaaS 2027 — rapport sovcheck');
  const text = await printedText(page);
  // Before : ; ? ! % and inside « », French wants a space that never breaks.
  for (const bad of [' :', ' ;', ' ?', ' !', ' %', ' »', '« ']) {
    const at = text.indexOf(bad);
    assert.equal(at, -1, `ordinary space in "${bad}" at …${text.slice(Math.max(0, at - 30), at + 10)}…`);
  }
  assert.match(text, /30\u00a0juin 2027|30 juin 2027/);
  assert.match(text, /1er juillet 2027/);
  assert.match(text, /Commission européenne, Cloud Sovereignty Framework v1\.2\.1 \(20 octobre 2025\)/);
  assert.ok(!/\b20\d\d-\d\d-\d\d\b/.test(text.replace(/[0-9a-f]{64}/g, '')), 'no ISO date in the French report');
  await assertAccessible(page, 'report in French');
  assertClean(rec);
  await context.close();
});

test('English report: its title names the assessment; dates in words', async () => {
  const { page, rec, context } = await openApp(env, 'en-GB');
  await openReport(page);
  assert.equal(await page.title(), 'Nimbus IaaS 2027 — sovcheck report');
  const text = await printedText(page);
  assert.match(text, /30 June 2027/);
  assert.match(text, /1 July 2027/);
  await page.click(tid('back'));
  assert.equal(await page.title(), 'sovcheck — cloud sovereignty self-assessment');
  assertClean(rec);
  await context.close();
});

/** RFC 4180 records separated by `sep`, after the byte-order mark. */
function readCsv(text, sep) {
  assert.equal(text.charCodeAt(0), 0xfeff, 'a byte-order mark for spreadsheets');
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) { record.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field); records.push(record); record = []; field = ''; i++;
    } else field += c;
  }
  return records;
}

test('the answers CSV: semicolons and French words in French, commas in English', async () => {
  const { page, rec, context } = await openApp(env, 'fr-FR');
  await openReport(page);
  const fr = await downloadOf(page, tid('export-csv'));
  assert.match(fr.name, /-answers-fr\.csv$/);
  const rows = readCsv(fr.text, ';');
  assert.equal(rows.length, 49);
  assert.ok(rows.every((r) => r.length === 10), 'ten cells in every row');
  assert.deepEqual(rows[0], ['Objectif', 'Critère', 'Intitulé', 'État', 'Niveau', 'Réponse', 'Note', 'Source', 'Niveau de preuve', 'Valable jusqu\'au']);
  const sov11 = rows.find((r) => r[1] === 'SOV-1.1');
  assert.deepEqual([sov11[3], sov11[4], sov11[8], sov11[9]], ['répondu', '3', 'Documenté', '2027-06-30']);
  assert.equal(rows.find((r) => r[1] === 'SOV-2.2')[3], 'inconnu');
  assert.equal(rows.find((r) => r[1] === 'SOV-7.1')[8], 'Déclaré par le prestataire');
  await page.click(tid('lang-en'));
  await page.waitForSelector('html[lang="en"]');
  const en = await downloadOf(page, tid('export-csv'));
  const enRows = readCsv(en.text, ',');
  assert.equal(enRows.length, 49);
  assert.equal(enRows.find((r) => r[1] === 'SOV-1.1')[8], 'Documented');
  assertClean(rec);
  await context.close();
});
