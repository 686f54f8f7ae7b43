// Hostile files: text that would turn the app's own words around (bidirectional overrides)
// stays inside its field on screen, in the report and in the HTML export; files in another
// encoding and broken escapes get a message of their own in the user's language; counts
// past the format's limits are refused at import; two conflicting files dropped back to back
// are both asked about, in turn.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  start, assertClean, assertAccessible, tid, openApp, downloadOf, storedOf, fr,
} from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const RLO = '\u202e';

/** Drops files (`[name, text]`) on the workspace, as a user's drag would. */
async function drop(page, files) {
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const [n, t] of files) dt.items.add(new File([t], n, { type: 'application/json' }));
    const zone = document.querySelector('[data-testid="workspace"]');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

const put = (page, name, buffer) => page.setInputFiles(tid('import-file'), { name, mimeType: 'application/json', buffer });

/**
 * Whether the first character of `after` is drawn after the first character of `first`
 * (both in `selector`, `first` before `after` in the text): in left-to-right reading order,
 * not turned around by an override in a user's text before them.
 */
async function drawnInOrder(page, selector, userText, after) {
  return page.evaluate(([selector, userText, after]) => {
    const el = document.querySelector(selector);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const text = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) text.push(n);
    const find = (needle) => {
      for (const node of text) {
        const i = node.data.indexOf(needle);
        if (i >= 0) {
          const r = document.createRange();
          r.setStart(node, i);
          r.setEnd(node, i + 1);
          return r.getBoundingClientRect();
        }
      }
      throw new Error(`${needle} not in ${selector}`);
    };
    const user = find(userText);
    const own = find(after);
    // Reading order, lines wrapped: a later line, or the same line further right.
    return own.top >= user.bottom - 1 || (Math.abs(own.top - user.top) < 1 && own.left > user.left);
  }, [selector, userText, after]);
}

test('a right-to-left override in a field does not turn the app\'s own text around', async () => {
  const { page, rec, context } = await openApp(env);
  const doc = {
    formatVersion: 2,
    assessment: {
      id: 'bidi',
      meta: { provider: `Acme ${RLO}0-LAES`, offer: 'IaaS' },
      answers: { 'SOV-7.1': { rung: 1, source: `Audit ${RLO}4-LAES`, evidenceLevel: 'declared' } },
      overrides: { 'SOV-2': { level: 2, justification: `See ${RLO}.devorppa si reffo ehT` } },
    },
  };
  await put(page, `evil${RLO}nosj.png.json`, Buffer.from(JSON.stringify(doc)));
  await page.waitForSelector(tid('import-done'));
  // The row's summary: the provider is isolated, so "SEAL-0 to …" after it reads as written.
  const summary = `${tid('assessment-row')} p.muted`;
  assert.equal(await page.textContent(summary),
    `\u2068Acme ${RLO}0-LAES\u2069 · \u2068IaaS\u2069 · SEAL-0 to SEAL-1 · Last modified: —`);
  assert.ok(await drawnInOrder(page, summary, 'SEAL-0 to', 'Last modified'));
  assert.ok(await drawnInOrder(page, summary, 'IaaS', 'SEAL-0 to'));
  await page.screenshot({ path: 'target/e2e-bidi-row.png' });

  // The report: the source line and the override's justification.
  await page.click(`${tid('assessment-row')} ${tid('row-open')}`);
  await page.click(tid('goto-14'));
  await page.click(tid('open-report'));
  await page.waitForSelector(tid('report'));
  const src = await page.locator('p.src').first().textContent();
  assert.equal(src, `Source reference: \u2068Audit ${RLO}4-LAES\u2069 · Evidence level: Declared by the provider`);
  assert.ok(await drawnInOrder(page, 'p.src', 'Evidence level', 'Declared'));
  assert.equal(await page.locator(`${tid('report')} li bdi`).filter({ hasText: 'See' }).count(), 1);
  // The page title (and so the PDF's name) carries no override.
  assert.ok(!(await page.title()).includes(RLO));
  const html = (await downloadOf(page, tid('export-html'))).text;
  assert.ok(html.includes(`<bdi>See ${RLO}.devorppa si reffo ehT</bdi>`));
  assert.ok(html.includes(`Source reference: \u2068Audit ${RLO}4-LAES\u2069 · Evidence level`));
  const pdf = await page.pdf({ format: 'A4' });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  await page.screenshot({ path: 'target/e2e-bidi-report.png', fullPage: true });
  assertClean(rec);
  await context.close();
});

test('files in another encoding, broken escapes and counts past the limits get their own message', async () => {
  const { page, rec, context } = await openApp(env, 'fr-FR');
  const text = JSON.stringify({ formatVersion: 2, assessment: { meta: { provider: 'Société' } } });
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const message = async () => page.textContent(`${tid('import-error')} p`);
  await put(page, 'utf16.json', utf16);
  await page.waitForSelector(tid('import-error'));
  assert.equal(await message(), fr('utf16.json — non importé, rien n\'a été modifié. le fichier est du texte UTF-16 ; enregistrez-le en UTF-8'));
  await put(page, 'latin1.json', Buffer.from(text, 'latin1'));
  await page.waitForFunction(() => document.querySelector('[data-testid="import-error"]').textContent.startsWith('latin1'));
  assert.equal(await message(), fr('latin1.json — non importé, rien n\'a été modifié. le fichier n\'est pas du texte UTF-8 (ligne 1, colonne 58) ; enregistrez-le en UTF-8'));
  await put(page, 'surrogate.json', Buffer.from('{"formatVersion": 2, "assessment": {"meta": {"provider": "\\ud800"}}}'));
  await page.waitForFunction(() => document.querySelector('[data-testid="import-error"]').textContent.startsWith('surrogate'));
  assert.equal(await message(), fr('surrogate.json — non importé, rien n\'a été modifié. JSON invalide à la ligne 1, colonne 65 (échappement Unicode invalide)'));
  const approvers = Array.from({ length: 50_000 }, (_, i) => ({ name: `A${i}` }));
  await put(page, 'approvers.json', Buffer.from(JSON.stringify({ formatVersion: 2, assessment: { signoff: { approvers } } })));
  await page.waitForFunction(() => document.querySelector('[data-testid="import-error"]').textContent.startsWith('approvers'));
  assert.match(await message(), /^approvers\.json — non importé, rien n'a été modifié\. assessment\.signoff\.approvers/);
  assert.ok((await message()).includes('50000'), await message());
  await assertAccessible(page, 'import error for an encoding');
  assert.deepEqual(await storedOf(page), {});
  assertClean(rec);
  await context.close();
});

test('two conflicting files dropped back to back are both asked about, in turn', async () => {
  const { page, rec, context } = await openApp(env);
  const one = (id, provider) => JSON.stringify({ formatVersion: 2, assessment: { id, meta: { provider } } });
  await put(page, 'a.json', Buffer.from(one('a', 'Alpha')));
  await page.waitForSelector(tid('import-done'));
  await put(page, 'b.json', Buffer.from(one('b', 'Beta')));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-row"]').length === 2);
  // Two files, each clashing with one already there, dropped one after the other.
  await drop(page, [['a2.json', one('a', 'Alpha v2')]]);
  await drop(page, [['b2.json', one('b', 'Beta v2')]]);
  await page.waitForSelector(tid('import-conflict'));
  assert.deepEqual(await page.locator(`${tid('import-conflict')} li`).allTextContents(), ['Alpha']);
  await page.click(tid('import-replace'));
  // The second question comes next, not lost.
  await page.waitForFunction(() => document.querySelector('[data-testid="import-conflict"] li')?.textContent === 'Beta');
  await page.click(tid('import-keep-both'));
  assert.equal(await page.locator(tid('import-conflict')).count(), 0);
  assert.deepEqual((await page.locator(`${tid('assessment-row')} h3`).allTextContents()).sort(),
    ['Alpha v2', 'Beta', 'Beta v2']);
  assertClean(rec);
  await context.close();
});
