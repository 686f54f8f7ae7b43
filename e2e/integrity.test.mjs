// A build whose files fail their integrity check (a copy of dist with one byte changed,
// served as a compromised host would serve it): the page says so, in every language,
// instead of staying blank; stored assessments are untouched. A stylesheet that fails its
// check leaves a working, unstyled app and no false alarm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { DIST, CHROMIUM_ARGS, tid } from './harness.mjs';

let browser;
const made = [];
before(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

const EN = 'sovcheck could not start: one of its files could not be loaded, or did not pass its integrity check (the copy on this server was changed or is incomplete). Your saved assessments are untouched. Reload the page; if this persists, tell whoever hosts sovcheck.';
const FR = "sovcheck n'a pas pu démarrer : l'un de ses fichiers n'a pas pu être chargé, ou n'a pas passé son contrôle d'intégrité (la copie sur ce serveur a été modifiée ou est incomplète). Vos évaluations enregistrées sont intactes. Rechargez la page ; si le problème persiste, prévenez qui héberge sovcheck.";
const DE = 'sovcheck konnte nicht starten: Eine seiner Dateien konnte nicht geladen werden oder hat die Integritätsprüfung nicht bestanden (die Kopie auf diesem Server wurde verändert oder ist unvollständig). Ihre gespeicherten Bewertungen sind unverändert. Laden Sie die Seite neu; besteht das Problem fort, wenden Sie sich an die Stelle, die sovcheck bereitstellt.';

/**
 * A copy of dist where `change` edits the one file whose name matches `pattern` (its
 * precompressed copies are removed, so that the changed bytes are what is served).
 */
function tampered(pattern, change) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovcheck-tampered-'));
  made.push(dir);
  fs.cpSync(DIST, dir, { recursive: true });
  const name = fs.readdirSync(dir).find((f) => pattern.test(f));
  const file = path.join(dir, name);
  fs.writeFileSync(file, change(fs.readFileSync(file)));
  for (const ext of ['.br', '.gz']) fs.rmSync(file + ext, { force: true });
  return dir;
}

/** Replaces the first `from` (same length as `to`) in `buf`. */
function swap(buf, from, to) {
  const at = buf.indexOf(Buffer.from(from));
  assert.ok(at >= 0, `${from} not found`);
  const out = Buffer.from(buf);
  Buffer.from(to).copy(out, at);
  return out;
}

/** Serves `dir`, opens it with one assessment already stored, and returns what happened. */
async function visit(dir, locale) {
  const server = await serve(dir, 0, '/');
  const url = `http://127.0.0.1:${server.address().port}/`;
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  const stored = '{"formatVersion": 2, "assessment": {"meta": {"provider": "Kept SA"}}}\n';
  await page.evaluate((s) => localStorage.setItem('sovcheck.v1.a.kept', s), stored);
  await page.reload();
  return { server, context, page, errors, stored };
}

async function close({ server, context }) {
  await context.close();
  await new Promise((r) => server.close(r));
}

for (const [what, suffix, change] of [
  // One letter of a storage key in the wasm's data: still a valid module, only the hash
  // can tell.
  ['the wasm', /_bg\.wasm$/, (b) => swap(b, 'sovcheck.v1.ui', 'sovcheck.v1.uj')],
  ['the glue', /\.js$/, (b) => swap(b, 'wasm', 'WASM')],
]) {
  test(`${what} changed by a byte: the page says so in English, French and German, and storage is untouched`, async () => {
    const v = await visit(tampered(suffix, change), 'fr-FR');
    const { page } = v;
    await page.waitForSelector('#sovcheck-failed:not([hidden])');
    assert.deepEqual(await page.locator('#sovcheck-failed p').allTextContents(), [EN, FR, DE]);
    assert.deepEqual(await page.locator('#sovcheck-failed p').evaluateAll((ps) => ps.map((p) => p.lang)), ['en', 'fr', 'de']);
    assert.equal(await page.locator(tid('new-assessment')).count(), 0, 'the app did not start');
    assert.ok(v.errors.some((e) => /integrity/i.test(e)), v.errors.join('\n'));
    assert.equal(await page.evaluate(() => localStorage.getItem('sovcheck.v1.a.kept')), v.stored);
    await page.screenshot({ path: `target/e2e-tampered-${what.replace(/\W/g, '')}.png` });
    await close(v);
  });
}

test('a stylesheet changed by a byte: the app still starts, unstyled, with no false alarm', async () => {
  const v = await visit(tampered(/^screen-.*\.css$/, (b) => swap(b, 'margin', 'MARGIN')), 'en-GB');
  const { page } = v;
  await page.waitForSelector(tid('new-assessment'));
  assert.equal(await page.locator('#sovcheck-failed').isHidden(), true);
  assert.equal(await page.locator(tid('assessment-row')).count(), 1);
  assert.ok(v.errors.some((e) => /integrity/i.test(e)), v.errors.join('\n'));
  await page.screenshot({ path: 'target/e2e-tampered-css.png' });
  await close(v);
});
