// The report journeys: fill an assessment (with hostile text), print it to PDF with
// Chromium and read the PDF back with pdftotext; check the fingerprint against the SHA-256
// of the exported file; the HTML export has no script; the CSV rows are the answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, assertClean, assertAccessible, tid, openApp, downloadOf, unfold } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)> \u202Eevil\u202C 🚀 =cmd|\' /C calc\'!A0';
const sha256 = (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/** One RFC 4180 line (no embedded line breaks in these fixtures) into its cells. */
function parseCsvLine(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { cells.push(cell); cell = ''; } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** Fills an assessment the way a CISO would, with hostile text in the free fields. */
async function fill(page) {
  await page.click(tid('new-assessment'));
  await page.fill('#provider', 'Acme Cloud');
  await page.fill('#offer', 'Sovereign IaaS');
  await page.fill('#assessor', 'A. Assessor');
  await page.selectOption('#target-seal', '3');
  await page.click(tid('next'));
  await page.check(tid('choice-SOV-7.1-3'));
  await unfold(page, 'SOV-7.1');
  await page.click(`${tid('evidence-SOV-7.1')} summary`);
  await page.fill('#SOV-7_1-note', HOSTILE);
  await page.fill('#SOV-7_1-source', 'https://example.invalid/certificate.pdf');
  await page.fill('#SOV-7_1-valid', '2020-01-31');
  await page.click(tid('next'));
  const ids = await page.$$eval('[data-testid^="criterion-"]', (els) => els.map((e) => e.dataset.testid.slice(10)));
  for (const id of ids) await page.check(tid(`choice-${id}-1`));
  await page.click(tid('goto-14'));
  await page.click(tid('open-report'));
  await page.waitForSelector(tid('report'));
  await page.selectOption('#decision', 'approve-with-conditions');
  await page.fill('#rationale', 'Acceptable for internal data.\nReview the key management in 2027.');
  await page.fill('#residual-risks', `Extraterritorial access. ${HOSTILE}`);
  await page.fill('#conditions', 'Customer-held keys before go-live.');
  await page.click(tid('add-approver'));
  await page.fill('#approver-0-name', 'Marie Curie');
  await page.fill('#approver-0-role', 'Chair of the board');
  await page.click(tid('add-approver'));
  await page.fill('#approver-1-name', 'Jean Dupont');
  await page.fill('#approver-1-role', 'CISO');
  return ids;
}

test('report: PDF text, fingerprint = SHA-256 of the export, inert hostile text', async () => {
  const { page, rec, context } = await openApp(env);
  const second = await fill(page);
  await assertAccessible(page, 'report screen');
  const fingerprint = await page.textContent(tid('fingerprint'));
  assert.match(fingerprint, /^[0-9a-f]{64}$/);
  const exported = await downloadOf(page, tid('export'));
  assert.equal(sha256(exported.text), fingerprint, 'fingerprint is the SHA-256 of the exported bytes');
  // Hostile text is shown as text, never as markup.
  assert.equal(await page.locator(`${tid('report')} img, ${tid('report')} script`).count(), 0);
  assert.match(await page.textContent(tid('report')), /<script>alert\(1\)<\/script>/);

  assert.equal(await page.locator(tid('seal-range')).count(), 0, 'the report screen has no live estimate');
  const sealText = await page.textContent(tid('report-seal'));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovcheck-pdf-'));
  const pdf = path.join(dir, 'report.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: false });
  // Kept for a human look (pdftoppm); overwritten by every run.
  fs.copyFileSync(pdf, path.join(os.tmpdir(), 'sovcheck-last-report.pdf'));
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const needle of ['Acme Cloud', sealText, 'Marie Curie', 'Jean Dupont', 'Chair of the board', '<script>alert(1)</script>']) {
    assert.ok(text.includes(needle), `PDF text contains ${needle}`);
  }
  // The fingerprint is printed at the foot of every page.
  for (let i = 1; i <= pages; i++) {
    const one = execFileSync('pdftotext', ['-f', String(i), '-l', String(i), '-layout', pdf, '-'], { encoding: 'utf8' });
    assert.ok(one.includes(fingerprint), `fingerprint on page ${i} of ${pages}`);
    assert.match(one, new RegExp(`\\b${i}\\s*/\\s*${pages}\\b`), `page number on page ${i}`);
    assert.ok(one.trim().split(/\s+/).length > 40, `page ${i} is not blank`);
  }
  // The verdict on page 1, the objectives, the decision, the action plan (here 44 open
  // criteria to ask and 3 answers to change, one row each: about 3 pages), the SecNumCloud
  // record, the answers (48 rows) and the method: from 6 to 14 A4 pages (14 measured); more
  // means rows or blank pages are being wasted.
  assert.ok(pages >= 6 && pages <= 14, `page count ${pages}`);
  assert.ok(!text.includes('Print or save as PDF'), 'the tools do not print');
  assert.ok(second.length > 0);
  assertClean(rec);
  await context.close();
});

test('HTML export has no script and reads the same; CSV rows are the answers', async () => {
  const { page, rec, context } = await openApp(env);
  const second = await fill(page);
  const html = await downloadOf(page, tid('export-html'));
  assert.match(html.name, /^sovcheck-acme-cloud-sovereign-iaas-\d{4}-\d{2}-\d{2}-report-en\.html$/);
  assert.ok(!/<script/i.test(html.text), 'no script element');
  assert.ok(!/\son[a-z]+\s*=/i.test(html.text.replace(/&lt;[^&]*&gt;/g, '')), 'no event-handler attribute');
  assert.ok(html.text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.text.includes('<style>'));
  // Opened alone, with scripts off, it shows the report.
  const viewer = await context.newPage();
  await viewer.route('**/*', (r) => r.abort());
  await viewer.setContent(html.text);
  assert.equal(await viewer.textContent('[data-testid="report-provider"]'), 'Acme Cloud');
  assert.equal(await viewer.locator('script, img').count(), 0);
  await viewer.close();

  const csv = await downloadOf(page, tid('export-csv'));
  assert.ok(csv.text.startsWith('\uFEFF'), 'UTF-8 byte-order mark for spreadsheets');
  const lines = csv.text.slice(1).split('\r\n').filter((l) => l.length);
  assert.equal(lines.length, 49, 'header and 48 criteria');
  const rows = lines.map(parseCsvLine);
  const row = (id) => rows.find((r) => r[1] === id);
  assert.deepEqual(rows[0].slice(0, 5), ['Objective', 'Criterion', 'Title', 'State', 'Rung']);
  assert.deepEqual(row('SOV-7.1').slice(3, 5), ['answered', '3']);
  for (const id of second) assert.deepEqual(row(id).slice(3, 5), ['answered', '1'], id);
  assert.equal(rows.filter((r) => r[3] === 'answered').length, 1 + second.length);
  // The hostile note is one cell, kept as text.
  assert.equal(row('SOV-7.1')[6], HOSTILE);
  assertClean(rec);
  await context.close();
});
