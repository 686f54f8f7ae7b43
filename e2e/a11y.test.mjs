// Accessibility beyond axe: every screen reflows at 320 CSS px and at 200 % zoom of a 1280 px
// window (640 CSS px) without horizontal scrolling; axe on every screen in French; the
// statement is reachable from every footer, in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertClean, assertAccessible, tid, openApp, unfold } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** Visits every screen, calling `check(label)` on each. */
async function everyScreen(page, check) {
  await check('start (empty)');
  for (const provider of ['Reflow Cloud SAS', 'Second Hosting']) {
    await page.click(tid('new-assessment'));
    await page.fill('#provider', provider);
    await page.fill('#offer', 'Un nom d’offre particulièrement long pour éprouver le retour à la ligne');
    await page.click(tid('back'));
  }
  await check('start with two assessments');
  await page.locator(tid('row-open')).first().click();
  await check('context step');
  await page.click(tid('goto-1'));
  await page.check(tid('choice-SOV-7.1-2'));
  await unfold(page, 'SOV-7.1');
  await page.click(`${tid('evidence-SOV-7.1')} summary`);
  await page.fill('#SOV-7_1-note', 'x'.repeat(300));
  await check('criterion step with evidence open');
  await page.click(tid('goto-9'));
  await check('SecNumCloud step');
  await page.click(tid('goto-14'));
  await check('results');
  await page.click(tid('open-report'));
  await page.waitForSelector(tid('report'));
  await check('report');
  await page.click(tid('open-accessibility'));
  await page.waitForSelector(tid('accessibility'));
  await check('accessibility statement');
  await page.click(tid('back'));
  await page.waitForSelector(tid('report'));
  await page.click(tid('back'));
  await page.click(tid('goto-0'));
  await page.click(tid('back'));
  await page.click(tid('open-compare'));
  await page.waitForSelector(tid('compare-table'));
  await check('compare and diff');
  await page.click(tid('back'));
  await page.click(tid('open-verify'));
  await check('fingerprint check');
  await page.click(tid('back'));
}

for (const width of [320, 640]) {
  test(`every screen reflows at ${width} CSS px without horizontal scrolling`, async () => {
    const { page, rec, context } = await openApp(env);
    await page.setViewportSize({ width, height: 800 });
    await everyScreen(page, async (label) => {
      const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(over <= 0, `${label}: page is ${over} px wider than the ${width} px window`);
    });
    assertClean(rec);
    await context.close();
  });
}

test('every screen passes axe-core in French, and the statement is in French', async () => {
  const { page, rec, context } = await openApp(env, 'fr-FR');
  await everyScreen(page, (label) => assertAccessible(page, `${label} (fr)`));
  await page.click(tid('open-accessibility'));
  assert.match(await page.textContent('h1'), /Déclaration d'accessibilité/);
  assert.match(await page.textContent(tid('accessibility')), /partiellement conforme/);
  assertClean(rec);
  await context.close();
});
