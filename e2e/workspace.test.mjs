// The workspace journeys: several assessments, export and import (picker and drag and drop),
// conflicts, broken files, delete and wipe. Every screen state is checked with axe-core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  start, assertClean, assertAccessible, tid, openApp, sealOf, scoreOf, downloadOf, storedOf,
  makeAssessment, stepOf, unfold } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const row = (page, text) => page.locator(tid('assessment-row')).filter({ hasText: text });

/** The results' objectives table as text, and the live estimate. */
async function resultsOf(page) {
  await page.click(tid('goto-14'));
  await page.waitForSelector(tid('results'));
  return {
    seal: await sealOf(page),
    score: await scoreOf(page),
    table: await page.textContent(tid('objectives-table')),
  };
}

/** Drops a file named `name` holding `text` on the workspace, as a user's drag would. */
async function dropFile(page, name, text) {
  await page.evaluate(([n, t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: 'application/json' }));
    const zone = document.querySelector('[data-testid="workspace"]');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, text]);
}

test('several assessments: list, rename, duplicate, delete with confirmation', async () => {
  const { page, rec, context } = await openApp(env);
  await makeAssessment(page, 'Alpha Cloud', [['SOV-7.1', 4]]);
  await makeAssessment(page, 'Beta Hosting', []);
  assert.equal(await page.locator(tid('assessment-row')).count(), 2);
  assert.match(await row(page, 'Alpha Cloud').textContent(), /SEAL-0 to SEAL-4 · Last modified/);
  await assertAccessible(page, 'workspace list');

  await row(page, 'Beta Hosting').locator(tid('row-rename')).click();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'row-rename-input');
  await page.fill(tid('row-rename-input'), 'Beta, 2026 review');
  await page.keyboard.press('Enter');
  await page.waitForSelector('h3:text-is("Beta, 2026 review")');

  await row(page, 'Alpha Cloud').locator(tid('row-duplicate')).click();
  await page.waitForSelector('#provider');
  assert.equal(await page.inputValue('#title'), 'Alpha Cloud (copy)');
  await page.click(tid('goto-1'));
  await unfold(page, 'SOV-7.1');
  assert.equal(await page.isChecked(tid('choice-SOV-7.1-4')), true, 'the copy keeps the answers');
  await page.click(tid('goto-0'));
  await page.click(tid('back'));
  assert.equal(await page.locator(tid('assessment-row')).count(), 3);

  await row(page, 'Alpha Cloud (copy)').locator(tid('row-delete')).click();
  await assertAccessible(page, 'delete confirmation');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'row-delete-confirm');
  await page.click(tid('row-delete-cancel'));
  assert.equal(await page.locator(tid('assessment-row')).count(), 3);
  await row(page, 'Alpha Cloud (copy)').locator(tid('row-delete')).click();
  await page.click(tid('row-delete-confirm'));
  assert.equal(await page.locator(tid('assessment-row')).count(), 2);
  assert.equal(Object.keys(await storedOf(page)).filter((k) => k.startsWith('sovcheck.v1.a.')).length, 2);

  // Everything survives a reload.
  await page.reload();
  await page.waitForSelector(tid('workspace'));
  assert.deepEqual(
    (await page.locator(`${tid('assessment-row')} h3`).allTextContents()).sort(),
    ['Alpha Cloud', 'Beta, 2026 review']);
  assertClean(rec);
  await context.close();
});

test('export, wipe all, import: identical results and identical bytes', async () => {
  const { page, rec, context } = await openApp(env);
  await makeAssessment(page, 'Roundtrip SAS', [['SOV-7.1', 3], ['SOV-1.1', 2]]);
  await row(page, 'Roundtrip SAS').locator(tid('row-open')).click();
  await page.click(tid('goto-1'));
  await unfold(page, 'SOV-7.1');
  await page.click(`${tid('evidence-SOV-7.1')} summary`);
  await page.fill('#SOV-7_1-note', 'Certificate n° 2026-17, « valid » <b>bold?</b> 🚀');
  const before = await resultsOf(page);
  const exported = await downloadOf(page, tid('export'));
  assert.equal(exported.name, 'sovcheck-roundtrip-sas-' + exported.name.slice(-15));
  assert.match(exported.text, /"formatVersion": 2/);

  await page.click(tid('goto-0'));
  await page.click(tid('back'));
  await page.click(tid('wipe-all'));
  await assertAccessible(page, 'wipe confirmation');
  await page.click(tid('wipe-confirm'));
  await page.waitForSelector(tid('wiped'));
  assert.deepEqual(await storedOf(page), {});

  const chooser = page.waitForEvent('filechooser');
  await page.click(tid('import'));
  await (await chooser).setFiles({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  await page.waitForSelector(tid('import-done'));
  assert.match(await page.textContent(tid('import-done')), /1 assessment imported\./);
  await row(page, 'Roundtrip SAS').locator(tid('row-open')).click();
  assert.deepEqual(await resultsOf(page), before);
  await page.click(tid('goto-1'));
  await unfold(page, 'SOV-7.1');
  assert.equal(await page.inputValue('#SOV-7_1-note'), 'Certificate n° 2026-17, « valid » <b>bold?</b> 🚀');
  const again = await downloadOf(page, tid('export'));
  assert.equal(again.text, exported.text);
  assertClean(rec);
  await context.close();
});

test('a broken file shows the engine error in the user language and changes nothing', async () => {
  const { page, rec, context } = await openApp(env, 'fr-FR');
  await makeAssessment(page, 'Intouchable SA', [['SOV-7.1', 2]]);
  const stored = await storedOf(page);
  await page.setInputFiles(tid('import-file'), {
    name: 'abime.json', mimeType: 'application/json',
    buffer: Buffer.from('{"formatVersion": 1, "assessment": {"answers": {"SOV-7.1": {"rung": 7}}}}'),
  });
  await page.waitForSelector(tid('import-error'));
  const msg = await page.textContent(tid('import-error'));
  assert.match(msg, /^abime\.json — non importé, rien n'a été modifié\. assessment\.answers\["SOV-7\.1"\]\.rung\u00a0:/);
  await assertAccessible(page, 'import error');
  // Truncated JSON: a syntax error with its line and column.
  await page.setInputFiles(tid('import-file'), {
    name: 'tronque.json', mimeType: 'application/json', buffer: Buffer.from('{"formatVersion": 1, "assessment": {'),
  });
  await page.waitForFunction(() => document.querySelector('[data-testid="import-error"]')?.textContent.startsWith('tronque.json'));
  assert.deepEqual(await storedOf(page), stored);
  assert.equal(await page.locator(tid('assessment-row')).count(), 1);
  assertClean(rec);
  await context.close();
});

test('an import with the same id asks: cancel, keep both, replace; drag and drop works', async () => {
  const { page, rec, context } = await openApp(env);
  await makeAssessment(page, 'Twin Cloud', [['SOV-7.1', 1]]);
  const file = await downloadOf(page, `${tid('assessment-row')} ${tid('row-export')}`);
  const changed = JSON.parse(file.text);
  changed.assessment.meta.provider = 'Twin Cloud (from file)';
  const changedText = JSON.stringify(changed);

  await dropFile(page, 'twin.json', changedText);
  await page.waitForSelector(tid('import-conflict'));
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'import-replace');
  await assertAccessible(page, 'import conflict');
  await page.click(tid('import-cancel'));
  assert.match(await page.textContent(tid('import-done')), /nothing was changed/);
  assert.deepEqual(await page.locator(`${tid('assessment-row')} h3`).allTextContents(), ['Twin Cloud']);

  await dropFile(page, 'twin.json', changedText);
  await page.click(tid('import-keep-both'));
  assert.deepEqual((await page.locator(`${tid('assessment-row')} h3`).allTextContents()).sort(),
    ['Twin Cloud', 'Twin Cloud (from file)']);

  // Replace: the file's version takes the place of the one with its id.
  changed.assessment.meta.provider = 'Twin Cloud v3';
  await dropFile(page, 'twin.json', JSON.stringify(changed));
  await page.click(tid('import-replace'));
  assert.deepEqual((await page.locator(`${tid('assessment-row')} h3`).allTextContents()).sort(),
    ['Twin Cloud (from file)', 'Twin Cloud v3']);
  assertClean(rec);
  await context.close();
});

test('encrypted export: passphrase rules, wrong passphrase refused, right one imports', async () => {
  const { page, rec, context } = await openApp(env);
  await makeAssessment(page, 'Secret Cloud', [['SOV-7.1', 2]]);
  const plain = await downloadOf(page, `${tid('assessment-row')} ${tid('row-export')}`);
  await page.click(tid('row-export-encrypted'));
  await page.fill(tid('row-passphrase'), 'short');
  await page.fill(tid('row-passphrase-repeat'), 'short');
  await page.click(tid('row-encrypt-download'));
  assert.match(await page.textContent(tid('row-encrypt-note')), /at least 10 characters/);
  await page.fill(tid('row-passphrase'), 'blue ocean lighthouse');
  await page.fill(tid('row-passphrase-repeat'), 'blue ocean lighthousE');
  await page.click(tid('row-encrypt-download'));
  assert.match(await page.textContent(tid('row-encrypt-note')), /differ/);
  await assertAccessible(page, 'encrypted export form');
  await page.fill(tid('row-passphrase-repeat'), 'blue ocean lighthouse');
  const sealed = await downloadOf(page, tid('row-encrypt-download'));
  assert.match(sealed.name, /-encrypted\.json$/);
  const envelope = JSON.parse(sealed.text);
  assert.equal(envelope.sovcheckEncrypted, 1);
  assert.equal(envelope.kdf.iterations, 600000);
  assert.ok(!sealed.text.includes('Secret Cloud'), 'nothing readable in the encrypted file');

  await page.click(tid('wipe-all'));
  await page.click(tid('wipe-confirm'));
  const put = (text) => page.setInputFiles(tid('import-file'), { name: 'secret.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  // Tampered: one byte of the ciphertext changed.
  const tampered = { ...envelope, data: (envelope.data[0] === 'A' ? 'B' : 'A') + envelope.data.slice(1) };
  await put(JSON.stringify(tampered));
  await page.fill(tid('import-passphrase'), 'blue ocean lighthouse');
  await page.click(tid('import-decrypt'));
  await page.waitForSelector(tid('import-error'));
  assert.match(await page.textContent(tid('import-error')), /passphrase is wrong, or the file was altered/);
  await assertAccessible(page, 'decrypt error');
  assert.equal(await page.locator(tid('assessment-row')).count(), 0);
  // The real file: a wrong passphrase first, then the right one.
  await put(sealed.text);
  await page.fill(tid('import-passphrase'), 'blue ocean');
  await page.click(tid('import-decrypt'));
  await page.waitForSelector(tid('import-error'));
  assert.equal(await page.locator(tid('import-passphrase')).count(), 1, 'the prompt stays for another try');
  await page.fill(tid('import-passphrase'), 'blue ocean lighthouse');
  await page.click(tid('import-decrypt'));
  await page.waitForSelector(tid('import-done'));
  const back = await downloadOf(page, `${tid('assessment-row')} ${tid('row-export')}`);
  assert.equal(back.text, plain.text, 'decrypted, imported and re-exported byte for byte');
  assertClean(rec);
  await context.close();
});
