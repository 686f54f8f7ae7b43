// German, the third language (issue 14, part 3): a browser asking for German (de-DE, de-AT,
// de-CH) gets it with no choice to make; the journey of a German CISO on the board trial's
// S3NS assessment (e2e/fixtures/trial-s3ns.json), from the start screen through a criterion
// step to the results, the report, its CSV and its printed PDF, meets no English and no
// French word of the interface; the switch offers all three languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, assertClean, assertAccessible, tid, openApp, downloadOf, switchLang, stepOf } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const FIXTURE = path.resolve('e2e/fixtures/trial-s3ns.json');

const squash = (t) => t.replace(/[ \t\r\n]+/g, ' ').trim();
const text = async (page, selector) => squash(await page.textContent(selector));

/** Interface words of the other languages that must not show in German (whole words,
 * case-sensitive; the assessment's own notes, in French, are the user's and are left out
 * by checking only the interface's words). */
const ENGLISH = [
  'Next', 'Back', 'Results', 'Evidence', 'Live estimate', 'Sovereignty score', 'Provider',
  'answered', 'unanswered', 'Target', 'Why it matters', "I don't know", 'Executive summary',
  'Method', 'Action plan', 'Print or save as PDF', 'management body', 'At best', 'rung',
  'Objective', 'Criterion', 'Answer', 'Weight', 'Nothing leaves this browser', 'New assessment',
  'Your assessments', 'Import a file', 'Context', 'Steps', 'open', 'met', 'criteria',
];
const FRENCH = [
  'Prestataire', 'Évaluation', 'Réponse', 'Suivant', 'Résultats', 'Je ne sais pas', 'Cible',
  'répondus', 'inconnus', 'Rapport', 'Preuves',
];

/** The words of the page a user reads, without the language switch (which names each
 * language in its own words) and without the assessment's notes and sources (the user's). */
async function interfaceText(page) {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true);
    body.querySelectorAll('.lang, textarea, input, select, [data-user-text], .note, .source, bdi')
      .forEach((e) => e.remove());
    // User text is set apart by bidi isolates (U+2068 … U+2069): it is the user's, not ours.
    return body.innerText.replace(/\u2068[^\u2069]*\u2069/g, ' ');
  });
}

function assertNoForeignWords(words, where) {
  for (const w of [...ENGLISH, ...FRENCH]) {
    const re = new RegExp(`(^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');
    assert.ok(!re.test(words), `${where}: "${w}" shows in German: …${(words.match(re) ?? [''])[0]}…`);
  }
}

/** One CSV line (no embedded line breaks in this fixture's notes) into its cells. */
function cells(line, sep) {
  const out = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { out.push(cell); cell = ''; } else cell += c;
  }
  out.push(cell);
  return out;
}

for (const locale of ['de-AT', 'de-CH']) {
  test(`a ${locale} browser starts in German`, async () => {
    const { page, rec, context } = await openApp(env, locale);
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    assert.equal(await text(page, 'h1'), 'Ist dieses Cloud-Angebot souverän genug für Ihre Daten?');
    assertClean(rec);
    await context.close();
  });
}

test('de-DE: the whole journey to the printed report, in German only', async () => {
  const { page, rec, context } = await openApp(env, 'de-DE');
  // The start screen: detected, titled, switchable to every language.
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.equal(await page.title(), 'sovcheck — Selbstbewertung der Cloud-Souveränität');
  assert.deepEqual(await page.locator('.lang button').allTextContents(), ['English', 'Français', 'Deutsch']);
  assert.equal(await page.getAttribute(tid('lang-de'), 'aria-pressed'), 'true');
  assert.equal(await text(page, tid('new-assessment')), 'Neue Bewertung');
  assertNoForeignWords(await interfaceText(page), 'start');
  await assertAccessible(page, 'start (de)');

  // Import, open: the context step.
  await page.setInputFiles(tid('import-file'), FIXTURE);
  await page.waitForSelector(tid('import-done'));
  assert.match(await text(page, tid('import-done')), /^1 Bewertung importiert\./);
  await page.click(`${tid('assessment-row')} ${tid('row-open')}`);
  await page.click(tid('goto-0'));
  assert.equal(await text(page, 'label[for="provider"]'), 'Anbieter');
  assertNoForeignWords(await interfaceText(page), 'context step');
  await assertAccessible(page, 'context step (de)');

  // The first step (the due-diligence questions) and a criterion step: the content
  // (questions, titles, rungs, help) is German too.
  await page.click(tid('goto-1'));
  assertNoForeignWords(await interfaceText(page), 'step 1');
  await assertAccessible(page, 'step 1 (de)');
  await page.click(tid(`goto-${await stepOf(page, 'SOV-1.1')}`));
  await page.waitForSelector(tid('criterion-SOV-1.1'));
  const step = await interfaceText(page);
  assert.match(step, /Weiß ich nicht/);
  assert.match(step, /Warum das wichtig ist/);
  assertNoForeignWords(step, 'criterion step');
  await assertAccessible(page, 'criterion step (de)');

  // The results: the verdict, in the words the text layer's tests check verbatim.
  await page.click(tid('goto-14'));
  await page.waitForSelector(tid('results'));
  const range = 'SEAL-0 bis SEAL-1';
  const target = 'Zielstufe SEAL-3: nicht erreicht';
  const counts = '48 Kriterien: 27 beantwortet, 21 unbekannt, 0 unbeantwortet';
  const summary = [
    '27 der 48 Kriterien sind beantwortet, 21 unbekannt und 0 unbeantwortet.',
    'Das Ergebnis ist eine Bandbreite, SEAL-0 bis SEAL-1: Die Untergrenze, SEAL-0, ist keine Feststellung über den Anbieter; sie ergibt sich, wenn eine beliebige von 8 offenen Fragen ihre ungünstigste Antwort erhält.',
    'Bestenfalls erreicht das Angebot SEAL-1, weil 2 Antworten es begrenzen: SOV-5.5, SOV-7.7.',
    'Die Zielstufe SEAL-3 ist selbst im günstigsten Fall (SEAL-1) nicht erreicht: 2 Antworten liegen darunter.',
    '2 Antworten stützen sich nur auf die Erklärung des Anbieters: Fordern Sie Nachweise an.',
  ].join(' ');
  assert.equal(await text(page, tid('results-seal')), range);
  assert.equal(await text(page, `${tid('target-verdict')} .verdict-line`), target);
  assert.equal(await text(page, tid('summary')), summary);
  assert.equal(await text(page, tid('counts')), counts);
  assert.equal(await text(page, tid('estimate-counts')), counts);
  assert.equal(await text(page, `${tid('capped-by')} .end-lead`), 'Bestenfalls SEAL-1, weil:');
  assert.match(await text(page, tid('cap-SOV-7.7')), /^SOV-7\.7 .+: „.+“ \(Antwortstufe 3\) ergibt SEAL-1$/);
  // Scores with a decimal comma and a no-break space before the percent sign.
  assert.match(await page.textContent('body'), /\d+,\d\d\u00a0%/);
  assertNoForeignWords(await interfaceText(page), 'results');
  await assertAccessible(page, 'results (de)');

  // The report: German title (the saved PDF's name), German words.
  await page.click(tid('open-report'));
  await page.waitForSelector(tid('report'));
  assert.equal(await page.title(), 'S3NS PREMI3NS — diligence 2026 — sovcheck-Bericht');
  assert.equal(await text(page, tid('report-seal')), range);
  assert.equal(await text(page, tid('report-summary')), summary);
  assert.equal(await text(page, tid('report-counts')), counts);
  assert.match(await text(page, tid('report')), /Entscheidung des Leitungsorgans \(NIS2\)/);
  assert.match(await text(page, tid('report')), /2\. Dezember 2026/);
  assertNoForeignWords(await interfaceText(page), 'report');
  await assertAccessible(page, 'report (de)');

  // The CSV: a byte-order mark, German headers and states, read back with a semicolon reader.
  const csv = await downloadOf(page, tid('export-csv'));
  assert.equal(csv.text[0], '\ufeff');
  const lines = csv.text.slice(1).split('\r\n').filter((l) => l.length);
  assert.deepEqual(cells(lines[0], ';'), ['Ziel', 'Kriterium', 'Titel', 'Status', 'Antwortstufe', 'Antwort',
    'Anmerkung', 'Quelle', 'Nachweisniveau', 'Gültig bis']);
  const rows = lines.slice(1).map((l) => cells(l, ';'));
  assert.equal(rows.length, 48);
  assert.ok(rows.every((r) => r.length === 10), 'every row has ten cells');
  const count = (state) => rows.filter((r) => r[3] === state).length;
  assert.deepEqual([count('beantwortet'), count('unbekannt'), count('unbeantwortet')], [27, 21, 0]);
  const sov11 = rows.find((r) => r[1] === 'SOV-1.1');
  assert.deepEqual([sov11[3], sov11[5], sov11[8], sov11[9]], ['unbekannt', 'Weiß ich nicht', 'Dokumentiert', '2026-06-30']);

  // The printed report: German on page 1 and after; kept for a look (pdftoppm).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovcheck-german-pdf-'));
  const pdf = path.join(dir, 'report-de.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  fs.copyFileSync(pdf, path.join(os.tmpdir(), 'sovcheck-german-report.pdf'));
  const plain = (t) => t.replace(/\s+/g, ' ');
  const all = plain(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
  const one = plain(execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }));
  for (const needle of [range, target, counts, 'SOV-5.5', 'SOV-7.7']) {
    assert.ok(one.includes(plain(needle)), `page 1 says ${needle}`);
  }
  // The kicker is printed in capitals (CSS).
  assert.ok(one.includes('BERICHT ZUR BEWERTUNG DER CLOUD-SOUVERÄNITÄT'), 'page 1 has the kicker');
  for (const needle of ['Antworten und Nachweise', 'Methode', 'Quellen', 'Europäische Kommission', 'Maßnahmenplan']) {
    assert.ok(all.includes(needle), `the PDF says ${needle}`);
  }
  for (const english of ['Executive summary', 'Answers and evidence', 'Integrity fingerprint', 'Action plan', 'Decision of the management body']) {
    assert.ok(!all.includes(english), `the PDF says ${english}`);
  }

  // Switching away and back keeps every word in its language.
  await switchLang(page, 'en');
  assert.equal(await text(page, tid('report-counts')), '48 criteria: 27 answered, 21 unknown, 0 unanswered');
  await switchLang(page, 'de');
  assert.equal(await text(page, tid('report-counts')), counts);
  assertClean(rec);
  await context.close();
});
