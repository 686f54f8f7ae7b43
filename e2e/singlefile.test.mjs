// The single-file build (`./x single`): one sovcheck.html, opened from file:// in Chromium
// with no server at all. It must need no other file, keep its data in local storage across
// a reload, log no error and break no rule of its own Content-Security-Policy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, recordViolations, tid, answerReloadAndCheck } from './harness.mjs';

const DIR = path.resolve(process.env.SOVCHECK_SINGLE || 'dist-single');
const FILE = path.join(DIR, 'sovcheck.html');
const URL_ = pathToFileURL(FILE).href;
const b64 = (data) => crypto.createHash('sha256').update(data).digest('base64');

let browser;
before(async () => {
  if (!fs.existsSync(FILE)) throw new Error(`${FILE} is missing: run ./x single first`);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => { await browser?.close(); });

test('sovcheck.html: the boot script, the module and inline styles, every language, no other file, a CSP of their hashes', () => {
  const html = fs.readFileSync(FILE, 'utf8');
  const all = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  // Every language's text pack is in the page, as text the browser never runs.
  const packs = all.filter((m) => m[1].includes('type="text/plain"'));
  assert.deepEqual(packs.map((m) => /id="([^"]*)"/.exec(m[1])[1]), ['sovcheck-pack-en', 'sovcheck-pack-fr', 'sovcheck-pack-de']);
  for (const [, attrs, text] of packs) {
    assert.ok(text.startsWith(`sovcheck-pack 1 ${/sovcheck-pack-(\w+)/.exec(attrs)[1]} `));
  }
  const scripts = all.filter((m) => !m[1].includes('type="text/plain"'));
  assert.equal(scripts.length, 2);
  assert.equal(scripts[0][1], ' data-sovcheck-boot');
  assert.match(scripts[0][2], /var packs = \{"en":"sovcheck-pack-en","fr":"sovcheck-pack-fr","de":"sovcheck-pack-de"\};/);
  assert.equal(scripts[1][1], ' type="module"');
  const boot = scripts[0][2];
  const script = scripts[1][2];
  // The wasm is in it, in base64, and it is the release build's wasm.
  const wasm = /atob\("([A-Za-z0-9+/=]+)"\)/.exec(script);
  assert.ok(wasm, 'embedded wasm');
  assert.equal(Buffer.from(wasm[1], 'base64').subarray(0, 4).toString('hex'), '0061736d', 'wasm magic number');
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  assert.equal(styles.length, 2, 'the screen and report stylesheets');
  const csp = "default-src 'none'; "
    + `script-src 'wasm-unsafe-eval' 'sha256-${b64(boot)}' 'sha256-${b64(script)}'; `
    + `style-src ${styles.map((s) => `'sha256-${b64(s)}'`).join(' ')}; `
    + "img-src data:; base-uri 'none'; form-action 'none'; object-src 'none'; "
    + "require-trusted-types-for 'script'; trusted-types 'none'";
  const head = /<head>\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(head, 'the CSP meta follows <meta charset>');
  assert.equal(head[1], csp);
  // Nothing refers to another file.
  const refs = [...html.replace(script, '').matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(refs, ['data:,']);
  assert.ok(!/<link\b[^>]*rel="(stylesheet|modulepreload|preload)"/.test(html));
  // Its checksum file verifies it.
  assert.equal(execFileSync('sha256sum', ['--check', '--strict', 'SHA256SUMS'], { cwd: DIR, encoding: 'utf8' }),
    'sovcheck.html: OK\n');
});

test('opened from file:// with no server: works, keeps its data across a reload, requests nothing else', async () => {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'en-GB' });
  const rec = { errors: [], violations: [] };
  await recordViolations(context, rec);
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') rec.errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => rec.errors.push(`pageerror: ${e.message}`));

  await page.goto(URL_);
  await answerReloadAndCheck(page, 'Air Gap SA');
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  // The assessment; no UI key: the language is the browser's, and where the user is lives
  // in the address.
  assert.equal(keys.length, 1);
  assert.match(keys[0], /^sovcheck\.v1\.a\./);
  // The report and a download work from the file too.
  await page.click(tid('open-report'));
  await page.waitForSelector(tid('report'));
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(tid('export'))]);
  assert.match(dl.url(), /^blob:/);
  assert.equal(JSON.parse(fs.readFileSync(await dl.path(), 'utf8')).assessment.meta.provider, 'Air Gap SA');

  assert.deepEqual(requests.filter((u) => !/^(data|blob):/.test(u)), [URL_, URL_], 'the file, loaded twice, and nothing else');
  assert.deepEqual(rec.errors, [], 'console or page errors');
  assert.deepEqual(rec.violations, [], 'Content-Security-Policy violations');
  await context.close();
});
