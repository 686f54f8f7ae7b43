// The verdict a board can trust (issue 12), on the board trial's S3NS assessment
// (e2e/fixtures/trial-s3ns.json: 27 answered, 21 unknown, SOV-5.5 at rung 1 and SOV-7.7 at
// rung 3 granting SEAL-1, target SEAL-3, a SecNumCloud J3 record with 12 requirements, two
// approvers, nine evidences): the headline, the counts, the sign-off guard, the SecNumCloud
// record and the action plan, in English and in French, on screen, in the PDF and the CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, assertClean, assertAccessible, tid, openApp, downloadOf, fr } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const FIXTURE = path.resolve('e2e/fixtures/trial-s3ns.json');

/** Writes the fixture, changed by `edit`, to a temporary file and returns its path. */
function fixtureWith(edit) {
  const doc = JSON.parse(fs.readFileSync(FIXTURE, 'utf8'));
  edit(doc.assessment);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sovcheck-verdict-')), 'trial.json');
  fs.writeFileSync(file, JSON.stringify(doc));
  return file;
}

/** Imports `file` on the start screen and opens the results of its assessment. */
async function openResults(page, file = FIXTURE) {
  await page.setInputFiles(tid('import-file'), file);
  await page.waitForSelector(tid('import-done'));
  await page.click(`${tid('assessment-row')} ${tid('row-open')}`);
  await page.click(tid('goto-14'));
  await page.waitForSelector(tid('results'));
}

/** Text with runs of ordinary white space made one space (the no-break spaces French
 * typography puts are kept: they are part of what is checked). */
const squash = (t) => t.replace(/[ \t\r\n]+/g, ' ').trim();
const text = async (page, selector) => squash(await page.textContent(selector));
const texts = async (page, selector) => (await page.locator(selector).allTextContents()).map(squash);
/** The cells of a table row, each as its text; a cell's lines (block spans) joined by " / ". */
const rowCells = (page, selector) => page.locator(`${selector} > *`).evaluateAll((els) =>
  els.map((e) => [...e.childNodes].map((n) => n.textContent.trim()).filter(Boolean).join(' / ')));

/** The words each language must show, from the text layer's tests (verbatim). */
const WORDS = {
  en: {
    locale: 'en-GB',
    range: 'SEAL-0 to SEAL-1',
    target: 'Target SEAL-3: not met',
    targetWhy: 'Even if every open question gets its best answer, the result stays at SEAL-1, below the target SEAL-3.',
    summary: [
      '27 of the 48 criteria are answered, 21 unknown and 0 unanswered.',
      'The result is a range, SEAL-0 to SEAL-1: the low end, SEAL-0, is not a finding about the provider; it is what any one of 8 open questions would give at its worst.',
      'At best the offer reaches SEAL-1, because 2 answers cap it: SOV-5.5, SOV-7.7.',
      'The target SEAL-3 is not met, even at best (SEAL-1): 2 answers are below it.',
      "2 answers rest only on the provider's declaration: ask for evidence.",
    ].join(' '),
    counts: '48 criteria: 27 answered, 21 unknown, 0 unanswered',
    lowEnd: 'SEAL-0 only if one of these 8 open questions gets its worst answer:',
    lowItem: 'SOV-1.8 Secure continuity if vendor support is withdrawn (unknown)',
    capped: 'At best SEAL-1, because:',
    capItem: /^SOV-7\.7 .+: “.+” \(rung 3\) grants SEAL-1$/,
    approvedAlthough: 'Approved with conditions although the target SEAL-3 is not met.',
    required: 'The target SEAL-3 is not met: approving means the management body accepts the residual risk. Write which risks it accepts.',
    against: 'Against the target: Target SEAL-3: not met',
    states: { answered: 'answered', unknown: 'unknown', unanswered: 'unanswered' },
    stage: 'J3 – Qualified',
    models: 'Infrastructure as a Service (IaaS), Containers as a Service (CaaS), Platform as a Service (PaaS)',
    recorded: '12 of the 36 requirements recorded.',
    expiredWarning: 'The SecNumCloud qualification expired on 31 January 2026: ask for the renewed certificate before relying on it.',
    stake: 'At stake: up to 4 SEAL levels and 2.50 points of score.',
    planTitles: ['To ask the provider', 'What the provider would have to change'],
    inProgress: 'In progress',
    due: '31 January 2027',
  },
  fr: {
    locale: 'fr-FR',
    range: 'SEAL-0 à SEAL-1',
    target: fr('Cible SEAL-3 : non atteinte'),
    targetWhy: 'Même si chaque question ouverte reçoit sa meilleure réponse, le résultat reste à SEAL-1, sous la cible SEAL-3.',
    summary: fr([
      '27 critères sur 48 sont répondus, 21 inconnus et 0 sans réponse.',
      "Le résultat est une fourchette, SEAL-0 à SEAL-1 : le niveau bas, SEAL-0, n'est pas un constat sur le prestataire ; c'est ce que donnerait l'une de 8 questions ouvertes avec sa pire réponse.",
      "Au mieux, l'offre atteint SEAL-1, car 2 réponses la plafonnent : SOV-5.5, SOV-7.7.",
      "La cible SEAL-3 n'est pas atteinte, même au mieux (SEAL-1) : 2 réponses sont en dessous.",
      '2 réponses ne reposent que sur la déclaration du prestataire : demandez-en la preuve.',
    ].join(' ')),
    counts: fr('48 critères : 27 répondus, 21 inconnus, 0 sans réponse'),
    lowEnd: fr("SEAL-0 seulement si l'une de ces 8 questions ouvertes reçoit sa pire réponse :"),
    lowItem: 'SOV-1.8 Continuité sécurisée en cas de retrait du support fournisseur (inconnu)',
    capped: fr('Au mieux SEAL-1, parce que :'),
    capItem: /^SOV-7\.7 .+\u00a0: «\u202f.+\u202f» \(niveau 3\) donne SEAL-1$/,
    approvedAlthough: 'Approuvé sous conditions bien que la cible SEAL-3 ne soit pas atteinte.',
    required: fr("La cible SEAL-3 n'est pas atteinte : approuver, c'est accepter le risque résiduel. Indiquez les risques que l'organe de direction accepte."),
    against: fr('Au regard de la cible : Cible SEAL-3 : non atteinte'),
    states: { answered: 'répondu', unknown: 'inconnu', unanswered: 'sans réponse' },
    stage: 'J3 – Qualifiée',
    models: 'Infrastructure en tant que service (IaaS), Conteneurs en tant que service (CaaS), Plateforme en tant que service (PaaS)',
    recorded: '12 exigences renseignées sur 36.',
    expiredWarning: fr("La qualification SecNumCloud a expiré le 31 janvier 2026 : demandez l'attestation renouvelée avant de vous y fier."),
    stake: fr("Enjeu : jusqu'à 4 niveaux SEAL et 2,50 points de score."),
    planTitles: ['À demander au prestataire', 'Ce que le prestataire devrait changer'],
    inProgress: 'En cours',
    due: '31 janvier 2027',
  },
};

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

for (const lang of ['en', 'fr']) {
  const w = WORDS[lang];

  test(`${lang}: the headline is the range, both ends say why, the target is judged, one set of counts`, async () => {
    const { page, rec, context } = await openApp(env, w.locale);
    await openResults(page);
    // The range, never the lower end's definition under it.
    assert.equal(await text(page, tid('results-seal')), w.range);
    assert.equal(await page.locator(tid('seal-meaning')).count(), 0);
    const target = page.locator(tid('target-verdict'));
    assert.equal(await target.getAttribute('data-verdict'), 'not-met');
    assert.equal(await text(page, `${tid('target-verdict')} .verdict-line`), w.target);
    assert.match(await text(page, tid('target-verdict')), new RegExp(w.targetWhy.replace(/[.()]/g, '\\$&')));
    assert.equal(await text(page, tid('summary')), w.summary);
    // The low end: eight open questions with their titles; the high end: the two answers.
    assert.equal(await text(page, `${tid('low-end')} .end-lead`), w.lowEnd);
    assert.deepEqual(
      (await page.locator(`${tid('low-end')} li`).evaluateAll((els) => els.map((e) => e.dataset.testid))),
      ['SOV-1.8', 'SOV-2.4', 'SOV-3.1', 'SOV-3.2', 'SOV-3.3', 'SOV-4.5', 'SOV-7.4', 'SOV-8.2'].map((id) => `low-end-${id}`),
    );
    assert.equal(await text(page, tid('low-end-SOV-1.8')), w.lowItem);
    assert.equal(await text(page, `${tid('capped-by')} .end-lead`), w.capped);
    assert.deepEqual(await page.locator(`${tid('capped-by')} li`).evaluateAll((els) => els.map((e) => e.dataset.testid)),
      ['cap-SOV-5.5', 'cap-SOV-7.7']);
    assert.match(await text(page, tid('cap-SOV-7.7')), w.capItem);
    // A low-end item is a link to its step.
    // The same counts on the live estimate and the results.
    assert.equal(await text(page, tid('counts')), w.counts);
    assert.equal(await text(page, tid('estimate-counts')), w.counts);
    assert.equal(await text(page, tid('estimate-target')), w.target);
    for (const id of ['counts', 'estimate-counts']) {
      const el = page.locator(tid(id));
      assert.deepEqual([await el.getAttribute('data-answered'), await el.getAttribute('data-unknown'),
        await el.getAttribute('data-unanswered')], ['27', '21', '0']);
    }
    // The best case here is 96.03 %: nothing to explain about 100 %.
    assert.equal(await page.locator(tid('perfect-score-note')).count(), 0);
    await assertAccessible(page, `results (${lang})`);

    // The report's page 1 says the same, and the CSV counts agree.
    await page.click(tid('open-report'));
    await page.waitForSelector(tid('report'));
    assert.equal(await text(page, tid('report-seal')), w.range);
    assert.equal(await page.locator(tid('report-seal-meaning')).count(), 0);
    assert.equal(await text(page, tid('report-summary')), w.summary);
    assert.equal(await text(page, tid('report-counts')), w.counts);
    const csv = await downloadOf(page, tid('export-csv'));
    const sep = lang === 'fr' ? ';' : ',';
    const rows = csv.text.slice(1).split('\r\n').filter((l) => l.length).slice(1).map((l) => cells(l, sep));
    const count = (state) => rows.filter((r) => r[3] === state).length;
    assert.deepEqual([count(w.states.answered), count(w.states.unknown), count(w.states.unanswered)], [27, 21, 0]);

    // The printed page 1: range, target, both ends, counts.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovcheck-verdict-pdf-'));
    const pdf = path.join(dir, `report-${lang}.pdf`);
    await page.pdf({ path: pdf, format: 'A4' });
    fs.copyFileSync(pdf, path.join(os.tmpdir(), `sovcheck-verdict-${lang}.pdf`));
    // pdftotext writes no-break spaces as spaces and breaks lines: compare on plain spaces.
    const plain = (t) => t.replace(/\s+/g, ' ');
    const one = plain(execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }));
    for (const needle of [w.range, w.target, w.lowEnd, w.capped, w.counts, 'SOV-5.5', 'SOV-7.7', 'SOV-8.2']) {
      assert.ok(one.includes(plain(needle)), `page 1 (${lang}) says ${needle}`);
    }
    // The answer table: each answer's SEAL, and the marks on the answers that bind an end.
    const answer = (id) => page.locator(tid(`answer-${id}`));
    assert.deepEqual([await answer('SOV-1.8').getAttribute('data-binds'), await answer('SOV-1.8').getAttribute('data-seal')], ['low', '']);
    assert.deepEqual([await answer('SOV-5.5').getAttribute('data-binds'), await answer('SOV-5.5').getAttribute('data-seal')], ['high', '1']);
    assert.deepEqual([await answer('SOV-5.6').getAttribute('data-binds'), await answer('SOV-5.6').getAttribute('data-seal')], ['', '3']);
    assert.match(await text(page, `${tid("answer-SOV-7.7")} td.seal`), /^SEAL-1\u00a0▲/);
    assert.match(await text(page, tid('answers-legend')), /^▼ .+\(SEAL-0\).+▲ .+\(SEAL-1\)$/);
    assertClean(rec);
    await context.close();
  });

  test(`${lang}: approving against the target requires the residual risk accepted, and the report says so`, async () => {
    const { page, rec, context } = await openApp(env, w.locale);
    await openResults(page);
    await page.click(tid('open-report'));
    await page.waitForSelector(tid('report'));
    // The fixture approves with conditions and states its residual risks.
    assert.equal(await page.getAttribute('#residual-risks', 'aria-invalid'), 'false');
    assert.equal(await text(page, tid('residual-risks-required')), '');
    assert.equal(await text(page, tid('signoff-target')), w.against);
    assert.equal(await text(page, tid('signoff-approved-although')), w.approvedAlthough);
    // Without the acceptance text: required, shown, never blocking.
    await page.fill('#residual-risks', '');
    assert.equal(await page.getAttribute('#residual-risks', 'aria-invalid'), 'true');
    assert.equal(await page.getAttribute('#residual-risks', 'aria-required'), 'true');
    assert.equal(await text(page, tid('residual-risks-required')), w.required);
    assert.equal(await text(page, tid('signoff-approved-although')), w.approvedAlthough);
    await assertAccessible(page, `sign-off without acceptance (${lang})`);
    await page.fill('#residual-risks', 'Accepted: dependency on Google technology.');
    assert.equal(await page.getAttribute('#residual-risks', 'aria-invalid'), 'false');
    assert.equal(await text(page, tid('residual-risks-required')), '');
    // A rejection needs no acceptance and prints no such sentence.
    await page.fill('#residual-risks', '');
    await page.selectOption('#decision', 'reject');
    assert.equal(await page.getAttribute('#residual-risks', 'aria-invalid'), 'false');
    assert.equal(await page.locator(tid('signoff-approved-although')).count(), 0);
    assert.equal(await text(page, tid('signoff-target')), w.against);
    assertClean(rec);
    await context.close();
  });

  test(`${lang}: the report holds the whole SecNumCloud record, and an expired qualification warns`, async () => {
    const { page, rec, context } = await openApp(env, w.locale);
    const file = fixtureWith((a) => { a.secnumcloud.expiresOn = '2026-01-31'; });
    await openResults(page, file);
    assert.ok((await texts(page, `${tid('hints')} li`)).includes(w.expiredWarning));
    await page.click(tid('open-report'));
    await page.waitForSelector(tid('report-snc'));
    assert.equal(await text(page, tid('report-snc-stage')), w.stage);
    assert.equal(await text(page, tid('report-snc-models')), w.models);
    assert.match(await text(page, tid('report-snc-scope')), /^Calcul \(Compute Engine\), stockage objet et bloc, GKE/);
    assert.match(await text(page, tid('report-snc-expires')), lang === 'en' ? /^31 January 2026 ⚠ expired$/ : /^31 janvier 2026 ⚠ expirée$/);
    const snc = await text(page, tid('report-snc'));
    for (const needle of ['3.2', 'ANSSI-SNC-2024/17', lang === 'en' ? '5 December 2024' : '5 décembre 2024', w.recorded]) {
      assert.ok(snc.includes(needle), `SecNumCloud record has ${needle}`);
    }
    assert.equal(await page.locator(`${tid('report-snc-requirements')} [data-testid^="report-SNC-"]`).count(), 12);
    const [requirement, status, note] = await rowCells(page, tid('report-SNC-19.6.b'));
    assert.match(requirement, /^19\.6\.b /);
    assert.deepEqual([status, note], [lang === 'en' ? 'Met' : 'Satisfait', "Plafonds de 24 % / 39 % respectés d'après le pacte d'actionnaires."]);
    assertClean(rec);
    await context.close();
  });

  test(`${lang}: a best case above 100 % says why`, async () => {
    const { page, rec, context } = await openApp(env, w.locale);
    await page.click(tid('new-assessment'));
    await page.click(`${tid('estimate-perfect-score')} summary`);
    const note = lang === 'en'
      ? /^A perfect offer reads 100\.08%, not 100%: the Commission's workbook divides each objective's points by a nominal 1,000/
      : /^Une offre parfaite obtient 100,08\u00a0%, et non 100\u00a0%\u00a0: le classeur de la Commission divise/;
    assert.match(await text(page, `${tid('estimate-perfect-score')} p`), note);
    await page.click(tid('goto-14'));
    assert.match(await text(page, tid('perfect-score-note')), note);
    // Nothing answered yet: the summary says so, and there is no target to judge.
    assert.equal(await page.getAttribute(tid('target-verdict'), 'data-verdict'), 'none');
    assert.equal(await page.getAttribute(tid('estimate-target'), 'data-verdict'), 'none');
    assertClean(rec);
    await context.close();
  });

  test(`${lang}: the action plan in two groups, followed up, printed and carried over to the next review`, async () => {
    const { page, rec, context } = await openApp(env, w.locale);
    await openResults(page);
    assert.deepEqual(await texts(page, `${tid('action-plan')} h3`), w.planTitles);
    const ids = (group) => page.locator(`${tid(`plan-${group}`)} > li`).evaluateAll((els) => els.map((e) => e.dataset.testid.slice(5)));
    // Ordered by SEAL at stake, then score at stake (the core's verdict tests work it out).
    assert.deepEqual((await ids('ask')).slice(0, 6), ['SOV-4.5', 'SOV-3.1', 'SOV-3.2', 'SOV-3.3', 'SOV-3.4', 'SOV-1.8']);
    assert.equal((await ids('ask')).length, 23);
    assert.deepEqual(await ids('change'), ['SOV-5.5', 'SOV-7.7']);
    const entry = (group, id) => `${tid(`plan-${group}`)} ${tid(`plan-${id}`)}`;
    assert.equal(await text(page, `${entry('ask', 'SOV-4.5')} .plan-stake`), w.stake);
    // The fixture's follow-up shows; a new one is stored.
    assert.equal(await text(page, `${entry('ask', 'SOV-4.5')} ${tid('plan-follow-up')}`),
      lang === 'en' ? 'Owner: Claire Martin · Due date: 31 January 2027 · Status: In progress'
        : fr('Responsable : Claire Martin · Échéance : 31 janvier 2027 · Statut : En cours'));
    // The controls open on demand, one action at a time.
    const sov31 = entry('ask', 'SOV-3.1');
    assert.equal(await page.locator(`${tid('action-plan')} ${tid('plan-owner')}`).count(), 0);
    await page.click(`${sov31} ${tid('plan-edit')}`);
    assert.equal(await page.getAttribute(`${sov31} ${tid('plan-edit')}`, 'aria-expanded'), 'true');
    await page.fill(`${sov31} ${tid('plan-owner')}`, 'DPO');
    await page.fill(`${sov31} ${tid('plan-due')}`, '2027-02-15');
    await page.selectOption(`${sov31} ${tid('plan-status')}`, 'done');
    await assertAccessible(page, `action plan (${lang})`);
    const exported = JSON.parse((await downloadOf(page, tid('export'))).text);
    assert.deepEqual(exported.assessment.actionPlan['SOV-3.1'], { owner: 'DPO', due: '2027-02-15', status: 'done' });
    // Printed as a table with the follow-up.
    await page.click(tid('open-report'));
    await page.waitForSelector(tid('report-plan'));
    const row = await rowCells(page, `${tid('report-plan-ask')} ${tid('report-plan-SOV-4.5')}`);
    assert.equal(row[3], `Claire Martin / ${w.due} / ${w.inProgress}`);
    assert.equal(row[1], w.states.unknown);
    assert.equal(await page.locator(`${tid('report-plan-change')} tbody tr`).count(), 2);
    // Duplicated for the next review, the copy keeps the plan.
    await page.click(tid('back'));
    await page.click(tid('goto-0'));
    await page.click(tid('back'));
    await page.click(`${tid('assessment-row')} ${tid('row-duplicate')}`);
    await page.waitForSelector('#provider');
    await page.click(tid('goto-14'));
    await page.waitForSelector(tid('action-plan'));
    assert.match(await text(page, `${sov31} ${tid('plan-follow-up')}`), /^(Owner|Responsable)\u00a0?: DPO · .+ 2027 · .+$/);
    await page.click(`${sov31} ${tid('plan-edit')}`);
    assert.equal(await page.inputValue(`${sov31} ${tid('plan-owner')}`), 'DPO');
    assert.equal(await page.inputValue(`${sov31} ${tid('plan-status')}`), 'done');
    assertClean(rec);
    await context.close();
  });
}
