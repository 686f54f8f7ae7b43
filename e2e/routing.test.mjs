// The address names where the user is (hash routes, docs/ARCHITECTURE.md): Back and Forward
// move between screens and steps inside the app, a reload returns to the same screen, a link
// to a step opens it, a link to nothing here leads to the start with a notice, the product
// name links home; the same under a sub-path and from file://. Also: the "saved" indicator
// by the walk controls, and the compact estimate kept in view on a phone and at 200 % zoom.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { start, assertClean, assertAccessible, tid, openApp, recordViolations, switchLang, fr } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const hashOf = (page) => page.evaluate(() => location.hash);
const heading = (page) => page.textContent('main h1');
/** The open assessment's id, from the address (written once the screen is drawn). */
async function idOf(page) {
  await page.waitForFunction(() => /^#\/a\/[^/]+\//.test(location.hash));
  return /^#\/a\/([^/]+)\//.exec(await hashOf(page))[1];
}
/** Waits until the address is `hash` and the step list (if any) agrees. */
async function at(page, hash) {
  await page.waitForFunction((h) => location.hash === h, hash);
  const m = /\/step\/(\d+)$/.exec(hash);
  if (m) await page.waitForSelector(`${tid(`goto-${m[1]}`)}[aria-current="step"]`);
}

test('Back and Forward move between steps and screens inside the app; a reload stays on every screen kind', async () => {
  const { page, rec, context } = await openApp(env);
  const startUrl = page.url();
  await page.click(tid('new-assessment'));
  const id = await idOf(page);
  await at(page, `#/a/${id}/step/0`);
  await page.fill('#provider', 'Routes SA');
  await page.click(tid('next'));
  await at(page, `#/a/${id}/step/1`);
  await page.click(tid('next'));
  await at(page, `#/a/${id}/step/2`);
  await page.click(tid('goto-14'));
  await at(page, `#/a/${id}/step/14`);
  await page.click(tid('open-report'));
  await at(page, `#/a/${id}/report`);
  await page.waitForSelector(tid('report'));

  // Back: the results, step 2, step 1, the context, the start; never out of the app.
  for (const h of [`#/a/${id}/step/14`, `#/a/${id}/step/2`, `#/a/${id}/step/1`, `#/a/${id}/step/0`]) {
    await page.goBack();
    await at(page, h);
    // The step's heading takes focus, as after a click.
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  }
  assert.equal(await page.inputValue('#provider'), 'Routes SA');
  await page.goBack();
  await page.waitForSelector(tid('workspace'));
  assert.equal(page.url().split('#')[0], startUrl.split('#')[0]);
  // Forward: back into the walk, then to the report.
  await page.goForward();
  await at(page, `#/a/${id}/step/0`);
  await page.goForward();
  await at(page, `#/a/${id}/step/1`);
  for (const h of [`#/a/${id}/step/2`, `#/a/${id}/step/14`, `#/a/${id}/report`]) {
    await page.goForward();
    await at(page, h);
  }
  await page.waitForSelector(tid('report'));

  // A reload on every screen kind: the same screen again.
  const screens = [
    [`#/a/${id}/report`, tid('report')],
    [`#/a/${id}/step/14`, tid('results')],
    [`#/a/${id}/step/2`, tid('criterion-SOV-4.6')],
    ['#/compare', 'main h1'],
    ['#/verify', 'main h1'],
    ['#/accessibility', tid('accessibility')],
    ['#/', tid('workspace')],
  ];
  for (const [h, sel] of screens) {
    await page.evaluate((x) => { location.hash = x; }, h);
    await at(page, h);
    await page.waitForSelector(sel);
    const before = await heading(page);
    await page.reload();
    await page.waitForSelector(sel);
    assert.equal(await hashOf(page), h, `reload on ${h}`);
    assert.equal(await heading(page), before, `reload on ${h}`);
  }
  assertClean(rec);
  await context.close();
});

test('a link to a step opens it; a link to nothing here leads to the start with a notice, in the user\'s language', async () => {
  const { page, rec, context } = await openApp(env);
  await page.click(tid('new-assessment'));
  await page.fill('#provider', 'Deep Link SA');
  const id = await idOf(page);
  const base = env.url;

  // A deep link (a new tab, a bookmark): straight to step 5, nothing else in history.
  const other = await context.newPage();
  await other.goto(`${base}#/a/${id}/step/5`);
  await other.waitForSelector(`${tid('goto-5')}[aria-current="step"]`);
  await other.waitForSelector('[data-testid^="criterion-"]');
  await other.click(tid('goto-0'));
  assert.equal(await other.inputValue('#provider'), 'Deep Link SA');
  await other.close();

  // As many history entries as a page opened on the start screen has.
  const plain = await context.newPage();
  await plain.goto(`${base}#/`);
  await plain.waitForSelector(tid('workspace'));
  const entries = await plain.evaluate(() => history.length);
  await plain.close();
  for (const [hash, lang] of [['#/a/nobody-here/step/2', 'en'], [`#/a/${id}/step/99`, 'en'], ['#/nowhere', 'fr']]) {
    const p = await context.newPage();
    if (lang === 'fr') await p.addInitScript(() => localStorage.setItem('sovcheck.v1.ui', '{"lang":"fr"}'));
    await p.goto(`${base}${hash}`);
    await p.waitForSelector(`${tid('storage-notice')}[data-kind="unknown-link"]`);
    await p.waitForSelector(tid('workspace'));
    const text = await p.textContent(`${tid('storage-notice')} p`);
    assert.equal(text, lang === 'en'
      ? 'This address leads to an assessment or a step that is not in this browser (it may have been deleted, or saved in another browser). Here is the list of assessments.'
      : fr('Cette adresse mène à une évaluation ou à une étape absente de ce navigateur (elle a peut-être été supprimée, ou enregistrée dans un autre navigateur). Voici la liste des évaluations.'));
    // The address is corrected in place: Back does not return to the broken link.
    await p.waitForFunction(() => location.hash === '#/');
    assert.equal(await p.evaluate(() => history.length), entries, 'no entry added for the broken link');
    await assertAccessible(p, `unknown link notice (${lang})`);
    await p.close();
  }
  assertClean(rec);
  await context.close();
});

test('the product name links home to the list of assessments; Back returns to the step', async () => {
  const { page, rec, context } = await openApp(env);
  await page.click(tid('new-assessment'));
  const id = await idOf(page);
  await page.click(tid('next'));
  await at(page, `#/a/${id}/step/1`);
  assert.equal(await page.getAttribute(tid('home'), 'href'), '#/');
  await page.click(tid('home'));
  await page.waitForSelector(tid('workspace'));
  assert.equal(await hashOf(page), '#/');
  await page.goBack();
  await at(page, `#/a/${id}/step/1`);
  // By keyboard too.
  await page.focus(tid('home'));
  await page.keyboard.press('Enter');
  await page.waitForSelector(tid('workspace'));
  await assertAccessible(page, 'start after the home link');
  assertClean(rec);
  await context.close();
});

test('"Saved at" by the walk controls after a change, on the language\'s clock', async () => {
  const { page, rec, context } = await openApp(env);
  await page.click(tid('new-assessment'));
  await page.fill('#provider', 'Saved SA');
  const ind = `.pager ${tid('saved-indicator')}`;
  await page.waitForSelector(`${ind}[data-state="saved"]`);
  assert.match(await page.textContent(ind), /^Saved at (1[0-2]|[1-9]):[0-5]\d (AM|PM)$/);
  // Only one indicator on the page, beside Back and Next.
  assert.equal(await page.locator(tid('saved-indicator')).count(), 1);
  await switchLang(page, 'fr');
  assert.match(await page.textContent(ind), /^Enregistré à (1?\d|2[0-3])\u00a0h\u00a0[0-5]\d$/);
  // Off the walk it is in the header.
  await page.click(tid('home'));
  await page.waitForSelector(`header ${tid('saved-indicator')}`);
  await assertAccessible(page, 'saved indicator');
  assertClean(rec);
  await context.close();
});

for (const [label, options] of [
  ['a phone, 320 CSS px wide', { viewport: { width: 320, height: 640 } }],
  ['200 % zoom at 1366x768', { viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 }],
]) {
  test(`${label}: the compact estimate stays in view while answering; the step strip scrolls`, async () => {
    const s = await env.page({ locale: 'en-GB', ...options });
    const { page, rec, context } = s;
    await page.goto(env.url);
    await page.click(tid('new-assessment'));
    await page.click(tid('goto-5'));
    await page.waitForSelector(`${tid('goto-5')}[aria-current="step"]`);
    // A criterion far down the step: answered by keyboard focus.
    const last = page.locator('[data-testid^="criterion-"]').last();
    const lastId = (await last.getAttribute('data-testid')).slice('criterion-'.length);
    await page.focus(tid(`choice-${lastId}-1`));
    await page.keyboard.press('Space');
    const bar = page.locator(tid('compact-estimate'));
    const box = await bar.boundingBox();
    const vp = page.viewportSize();
    assert.ok(box, 'the compact estimate is shown');
    assert.ok(box.y >= 0 && box.y + box.height <= vp.height + 0.5, `in the viewport: ${JSON.stringify(box)} in ${JSON.stringify(vp)}`);
    assert.ok(box.height < vp.height / 3, `compact: ${box.height} px of ${vp.height}`);
    // It says what the full estimate says.
    assert.equal(await page.textContent(`${tid('compact-seal')} .figure`), await page.textContent(tid('seal-range')));
    // The focused answer is not under it.
    const focused = await page.evaluate(() => document.activeElement.getBoundingClientRect().toJSON());
    assert.ok(focused.bottom <= box.y + 0.5, `focused control above the bar: ${JSON.stringify(focused)}`);
    // The step strip scrolls sideways and says so (a scrollbar and a fading end).
    const strip = await page.evaluate(() => {
      const ol = document.querySelector('.steps ol');
      return { scrolls: ol.scrollWidth > ol.clientWidth, fade: getComputedStyle(document.querySelector('.steps'), '::after').backgroundImage };
    });
    assert.ok(strip.scrolls, 'the strip is wider than the screen');
    assert.match(strip.fade, /gradient/);
    // No horizontal page scroll.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1));
    await assertAccessible(page, `step 5 at ${label}`);
    // Results: table cells never break inside a word.
    await page.click(tid('goto-14'));
    await page.waitForSelector(tid('results'));
    const broken = await page.evaluate(() => [...document.querySelectorAll('main td, main th')]
      .filter((c) => getComputedStyle(c).overflowWrap === 'anywhere' || getComputedStyle(c).wordBreak === 'break-all').length);
    assert.equal(broken, 0);
    assertClean(rec);
    await context.close();
  });
}

test('under a sub-path: routes, Back and reload stay under it', async () => {
  const sub = await start({ base: '/tools/sovcheck/' });
  try {
    const { page, rec, context } = await openApp(sub);
    await page.click(tid('new-assessment'));
    const id = await idOf(page);
    await page.click(tid('next'));
    await at(page, `#/a/${id}/step/1`);
    assert.equal(page.url(), `${sub.url}#/a/${id}/step/1`);
    await page.reload();
    await at(page, `#/a/${id}/step/1`);
    await page.goBack();
    await at(page, `#/a/${id}/step/0`);
    await page.click(tid('home'));
    await page.waitForSelector(tid('workspace'));
    assert.equal(page.url(), `${sub.url}#/`);
    assertClean(rec);
    await context.close();
  } finally {
    await sub.stop();
  }
});

test('from file://: routes, Back and reload work with no server', async () => {
  const file = path.resolve(process.env.SOVCHECK_SINGLE || 'dist-single', 'sovcheck.html');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run ./x single first`);
  const url = pathToFileURL(file).href;
  const context = await env.browser.newContext({ locale: 'en-GB' });
  const rec = { errors: [], violations: [] };
  await recordViolations(context, rec);
  const page = await context.newPage();
  page.on('pageerror', (e) => rec.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') rec.errors.push(`console: ${m.text()}`); });
  await page.goto(url);
  await page.click(tid('new-assessment'));
  const id = await idOf(page);
  await page.click(tid('next'));
  await at(page, `#/a/${id}/step/1`);
  await page.reload();
  await at(page, `#/a/${id}/step/1`);
  await page.goBack();
  await at(page, `#/a/${id}/step/0`);
  await page.goBack();
  await page.waitForSelector(tid('workspace'));
  await page.goForward();
  await at(page, `#/a/${id}/step/0`);
  assert.equal(page.url(), `${url}#/a/${id}/step/0`);
  assert.deepEqual(rec.errors, []);
  assert.deepEqual(rec.violations, []);
  await context.close();
});
