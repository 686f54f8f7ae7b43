// The effort of a first assessment (issue 13, part 6): a scripted reference journey that reaches
// the content of the December 2026 trial (docs/PERFORMANCE.md, "The walk's effort") and counts
// what a person does on the way, at 1366 x 768:
//   actions         every click, every field typed (one per field, however long the text) and
//                   every selection in a drop-down;
//   screen-heights  the vertical distance scrolled to bring each control into view before acting
//                   on it, in viewport heights (the app's own jump to the top of a new step is
//                   not counted: the person does not scroll for it).
// The journey: context (provider, offer, assessor, target SEAL); the eight due-diligence steps'
// 27 criteria answered, 9 of them with a note and a source reference typed first; the 21
// criteria of the four further steps "I don't know"; on the SecNumCloud step the stage (J3),
// the services in scope, the last surveillance audit and 12 requirements (9 met, 3 partly;
// where the build offers "met (declared by the provider)" for every requirement of a
// qualified offer, that action and then the 3 partly met: all 36 are then set); the sign-off with a
// decision, a rationale and two approvers (name and role). It uses the quickest means the
// build offers (one "I don't know for all remaining criteria" per step where that button
// exists, one click per criterion where it does not), so the same script measures any build.
//
//   node e2e/effort.mjs [DIST]        prints the figures; EFFORT_JSON=FILE also writes them
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const dist = path.resolve(process.argv[2] || process.env.SOVCHECK_DIST || 'dist');
const CHROME = process.env.CHROMIUM || process.env.CHROME_PATH || '/usr/bin/chromium';
const tid = (id) => `[data-testid="${id}"]`;

const server = await serve(dist, 0, '/');
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: CHROME, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));

const count = { click: 0, type: 0, select: 0 };
const byPart = {};
let part = 'context';
let scrolled = 0;
const bump = (kind) => { count[kind] += 1; byPart[part] = byPart[part] || { actions: 0, heights: 0 }; byPart[part].actions += 1; };
const scrollY = () => page.evaluate(() => window.scrollY);
/** Brings `selector` into view as a person would, counting the distance scrolled. */
async function reach(selector) {
  const y0 = await scrollY();
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  const h = Math.abs((await scrollY()) - y0) / 768;
  scrolled += h;
  byPart[part] = byPart[part] || { actions: 0, heights: 0 };
  byPart[part].heights += h;
}
const click = async (s) => { await reach(s); await page.locator(s).first().click(); bump('click'); };
const type = async (s, text) => { await reach(s); await page.locator(s).first().fill(text); bump('type'); };
const select = async (s, v) => { await reach(s); await page.locator(s).first().selectOption(v); bump('select'); };
const has = async (s) => (await page.locator(s).count()) > 0;
const next = async () => { await click(tid('next')); await page.waitForTimeout(30); };

await page.goto(url);
await page.waitForSelector(tid('new-assessment'));
await click(tid('new-assessment'));
await page.waitForSelector('#provider');
await type('#provider', 'Effort Cloud SAS');
await type('#offer', 'Qualified IaaS');
await type('#assessor', 'A. Assessor');
await select('#target-seal', '3');

let evidence = 9;
for (let step = 1; ; step++) {
  await next();
  if (await has(tid('results'))) break;
  if (await has('#snc-stage') && !(await has('[data-testid^="criterion-"]'))) {
    part = 'secnumcloud';
    await click('#snc-stage-j3');
    await type('#snc-scope', 'Compute, block and object storage');
    await type('#snc-audit', '2026-09-15');
    const ids = (await page.$$eval('[data-testid^="snc-SNC-"]', (els) => els.map((e) => e.dataset.testid.slice(4)))).slice(0, 12);
    // Qualified: "met (declared by the provider)" for every requirement in one action where
    // the build offers it, then the three that are only partly met; else one by one.
    const pillarOf = Object.fromEntries(await page.$$eval('details.pillar [data-testid^="snc-SNC-"]',
      (els) => els.map((e) => [e.dataset.testid.slice(4), e.closest('details.pillar').dataset.testid])));
    const bulk = await has(tid('snc-all-met'));
    if (bulk) await click(tid('snc-all-met'));
    for (const [i, id] of ids.entries()) {
      const partly = i % 4 === 3;
      if (bulk && !partly) continue;
      const sel = `#${id.replaceAll('.', '_')}`;
      if (!(await has(sel)) || !(await page.locator(sel).isVisible())) {
        // Its pillar folded once every requirement in it was set: unfold it.
        await click(`${tid(pillarOf[id])} > summary`);
        await page.waitForSelector(sel);
      }
      await select(sel, partly ? 'partly' : 'met');
    }
    continue;
  }
  const ids = await page.$$eval('[data-testid^="criterion-"]', (els) => els.map((e) => e.dataset.testid.slice(10)));
  const further = step > 9; // context 0, q1..q8 at 1..8, SecNumCloud at 9, then the further steps
  part = further ? 'further steps (unknown)' : 'due-diligence steps';
  if (further) {
    if (await has(tid('all-unknown'))) await click(tid('all-unknown'));
    else for (const id of ids) await click(tid(`choice-${id}-unknown`));
    continue;
  }
  for (const id of ids) {
    if (evidence > 0) {
      evidence -= 1;
      // Builds that fold the note and source away: open them first.
      if (!(await page.locator(`#${id.replace('.', '_')}-note`).isVisible())) await click(`${tid(`evidence-${id}`)} summary`);
      await type(`#${id.replace('.', '_')}-note`, 'Contract clause and audit report reviewed');
      await type(`#${id.replace('.', '_')}-source`, 'Contract v3, annex 2');
    }
    const rungs = await page.locator(`[data-testid^="choice-${id}-"]:not([data-testid$="-unknown"])`).count();
    await click(tid(`choice-${id}-${Math.min(2, rungs - 1)}`));
  }
}
part = 'sign-off';
await click(tid('open-report'));
await page.waitForSelector(tid('signoff-editor'));
const decisions = await page.$$eval('#decision option', (os) => os.map((o) => o.value).filter(Boolean));
await select('#decision', decisions[0]);
await type('#rationale', 'Qualified offer; the open criteria are followed in the action plan');
for (const i of [0, 1]) {
  await click(tid('add-approver'));
  await type(`#approver-${i}-name`, i ? 'B. Board' : 'C. Chair');
  await type(`#approver-${i}-role`, i ? 'CFO' : 'CEO');
}
// What the journey reached, read from the export-ready state.
const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sovcheck.v1.a.')).map((k) => JSON.parse(localStorage.getItem(k)).assessment));
const a = stored[0] || {};
const answers = Object.values(a.answers || {});
const reached = {
  answers: answers.filter((x) => x.rung !== undefined).length,
  unknowns: answers.filter((x) => x.unknown).length,
  evidence: answers.filter((x) => x.note).length,
  sncRequirements: Object.keys(a.secnumcloud?.criteria || {}).length,
  stage: a.secnumcloud?.stage,
  approvers: (a.signoff?.approvers || []).length,
};
const actions = count.click + count.type + count.select;
const figures = { actions, ...count, screenHeights: Number(scrolled.toFixed(1)), byPart, reached, errors };
console.log('The walk\'s effort (1366 x 768): reference journey of a first assessment of a qualified offer');
console.log(`  reached: ${reached.answers} answers, ${reached.unknowns} unknowns, ${reached.evidence} pieces of evidence, stage ${reached.stage}, ${reached.sncRequirements} requirements, ${reached.approvers} approvers`);
console.log(`  actions: ${actions} (clicks ${count.click}, fields typed ${count.type}, selections ${count.select}); floor 90`);
console.log(`  screen-heights scrolled: ${figures.screenHeights}; floor 45`);
for (const [p, v] of Object.entries(byPart)) console.log(`    ${p.padEnd(28)} ${String(v.actions).padStart(3)} actions  ${v.heights.toFixed(1).padStart(5)} screen-heights`);
if (errors.length) console.log(`  page errors: ${errors.join('; ')}`);
if (process.env.EFFORT_JSON) fs.writeFileSync(process.env.EFFORT_JSON, JSON.stringify(figures, null, 2));
await browser.close();
await new Promise((r) => server.close(r));
