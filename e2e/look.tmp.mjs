// Scratch: render the trial fixture's results and report, screenshots and PDFs (not a test).
import { start, tid, openApp } from './harness.mjs';
import fs from 'node:fs';
const env = await start();
const out = '/tmp/vshots';
for (const lang of (process.argv[2] || 'fr,en').split(',')) {
  const { page, context, rec } = await openApp(env, lang === 'fr' ? 'fr-FR' : 'en-GB');
  await page.setInputFiles(tid('import-file'), 'e2e/fixtures/trial-s3ns.json');
  await page.waitForSelector(tid('import-done'));
  await page.click(`${tid('assessment-row')} ${tid('row-open')}`);
  await page.click(tid('goto-14'));
  await page.waitForSelector(tid('results'));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: `${out}/${lang}-results.png`, fullPage: true });
  await page.screenshot({ path: `${out}/${lang}-results-top.png` });
  const box = await page.locator(tid('action-plan')).boundingBox();
  await page.screenshot({ path: `${out}/${lang}-plan.png`, fullPage: true, clip: { x: box.x, y: box.y, width: box.width, height: 900 } });
  const box2 = await page.locator(tid('plan-change')).boundingBox();
  await page.screenshot({ path: `${out}/${lang}-plan-change.png`, fullPage: true, clip: { x: box2.x - 20, y: box2.y - 120, width: box2.width + 20, height: box2.height + 120 } });
  await page.locator('aside.estimate').screenshot({ path: `${out}/${lang}-estimate.png` });
  await page.click(tid('open-report'));
  await page.waitForSelector(tid('report'));
  await page.screenshot({ path: `${out}/${lang}-report-screen.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: `${out}/${lang}-report.pdf`, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  console.log(lang, rec.errors, rec.violations);
  await context.close();
}
await env.stop();
