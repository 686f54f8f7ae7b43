// Trust: the release build's Content-Security-Policy (exact, computed after the build, and
// enforced), its SHA256SUMS, Subresource Integrity, and zero egress proven through every
// screen: no request at all once the app has loaded, nothing stored but `sovcheck.` keys.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { start, assertClean, tid, DIST, switchLang } from './harness.mjs';
import { serve } from './serve.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const INDEX = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
const b64 = (alg, data) => crypto.createHash(alg).update(data).digest('base64');
const hex = (data) => crypto.createHash('sha256').update(data).digest('hex');

/** The `<script>` elements of `html` without `src`, as their exact text. */
const inlineScripts = (html) => [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
  .filter((m) => !/\ssrc\s*=/i.test(m[1])).map((m) => m[2]);

/** The text packs the boot script names: `{ tag: [href, integrity] }`. */
const packsOf = (boot) => JSON.parse(/var packs = (\{.*\});/.exec(boot)[1]);

/** `{ rel, href, integrity, ... }` of every `<link>`. */
const links = (html) => [...html.matchAll(/<link\b([^>]*)>/gi)].map((m) => Object.fromEntries(
  [...m[1].matchAll(/([a-z-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));

/** Every file under `dir`, relative, sorted, hidden entries left out. */
function filesOf(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => !e.name.startsWith('.'))
    .flatMap((e) => (e.isDirectory() ? filesOf(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

test('index.html: the strict CSP is the first element after <meta charset>, with the hashes of the boot script and the loader', () => {
  const scripts = inlineScripts(INDEX);
  assert.equal(scripts.length, 2, 'two inline scripts: the boot script, then Trunk\'s loader');
  assert.match(scripts[0], /var packs = /);
  assert.match(scripts[1], /import init, \* as bindings from '\.\/sovcheck-web-[0-9a-f]+\.js'/);
  const csp = "default-src 'none'; "
    + `script-src 'self' 'wasm-unsafe-eval' 'sha256-${b64('sha256', scripts[0])}' 'sha256-${b64('sha256', scripts[1])}'; `
    + "style-src 'self'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
    + "object-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'";
  const head = /<head>\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(INDEX);
  assert.ok(head, 'the CSP meta follows <meta charset> at the top of <head>');
  assert.equal(head[1], csp);
  assert.equal(INDEX.match(/Content-Security-Policy/g).length, 1, 'one policy');
  assert.ok(!/'unsafe-(inline|eval|hashes)'|\*/.test(csp));
  assert.ok(!/\son[a-z]+\s*=|\sstyle\s*=/i.test(INDEX.replace(scripts[0], '').replace(scripts[1], '')), 'no inline handler or style attribute');
});

test('index.html: the boot script names one text pack per language, each with the integrity of its file', () => {
  const packs = packsOf(inlineScripts(INDEX)[0]);
  assert.deepEqual(Object.keys(packs), ['en', 'fr', 'de']);
  const files = filesOf(path.join(DIST, 'i18n')).filter((f) => f.endsWith('.txt'));
  assert.deepEqual(files, Object.values(packs).map(([href]) => href.replace('./i18n/', '')).sort());
  for (const [tag, [href, integrity]] of Object.entries(packs)) {
    assert.match(href, new RegExp(`^\\./i18n/${tag}-[0-9a-f]{16}\\.txt$`));
    const bytes = fs.readFileSync(path.join(DIST, href));
    assert.equal(integrity, `sha384-${b64('sha384', bytes)}`, `integrity of ${href}`);
    assert.ok(bytes.toString().startsWith(`sovcheck-pack 1 ${tag} `), `${href} is the ${tag} pack`);
  }
});

test('index.html: every file is loaded by a relative URL with a Subresource Integrity hash that matches it', () => {
  const loaded = links(INDEX).filter((l) => ['stylesheet', 'modulepreload', 'preload'].includes(l.rel));
  assert.deepEqual(loaded.map((l) => l.rel).sort(), ['modulepreload', 'preload', 'stylesheet', 'stylesheet']);
  for (const l of loaded) {
    assert.match(l.href, /^\.\/[a-z-]+-[0-9a-f]+(_bg)?\.(css|js|wasm)$/, 'relative, hashed name');
    const bytes = fs.readFileSync(path.join(DIST, l.href));
    assert.equal(l.integrity, `sha384-${b64('sha384', bytes)}`, `integrity of ${l.href}`);
  }
  assert.deepEqual(links(INDEX).filter((l) => l.rel === 'icon').map((l) => l.href), ['data:,']);
  // Chromium ignores `integrity` on the wasm's preload, so the loader's own fetch carries it.
  const wasm = loaded.find((l) => l.rel === 'preload');
  assert.equal(wasm.as, 'fetch');
  assert.ok(inlineScripts(INDEX)[1].includes(
    `init({ module_or_path: new Request('${wasm.href}', { integrity: '${wasm.integrity}' }) })`));
});

test('Subresource Integrity is enforced: a changed stylesheet, glue or wasm is refused', async () => {
  const named = (re) => filesOf(DIST).find((f) => re.test(f));
  const changes = [
    [named(/^screen-.*\.css$/), (b) => Buffer.concat([b, Buffer.from('body { display: none; }')]), true],
    [named(/^sovcheck-web-[0-9a-f]+\.js$/), (b) => Buffer.concat([b, Buffer.from('\n// changed\n')]), false],
    // A custom section: still a valid module, so only the integrity check can refuse it.
    [named(/_bg\.wasm$/), (b) => Buffer.concat([b, Buffer.from([0, 5, 4, 0x74, 0x65, 0x73, 0x74])]), false],
  ];
  for (const [file, change, starts] of changes) {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'sovcheck-sri-'));
    fs.cpSync(DIST, copy, { recursive: true });
    const changed = change(fs.readFileSync(path.join(copy, file)));
    fs.writeFileSync(path.join(copy, file), changed);
    // The precompressed copies carry the same change: the server sends the .br one.
    fs.writeFileSync(path.join(copy, `${file}.gz`), zlib.gzipSync(changed));
    fs.writeFileSync(path.join(copy, `${file}.br`), zlib.brotliCompressSync(changed));
    const server = await serve(copy, 0, '/');
    const url = `http://127.0.0.1:${server.address().port}/`;
    const context = await env.browser.newContext();
    try {
      const page = await context.newPage();
      const encodings = [];
      page.on('response', (r) => { if (r.url() === `${url}${file}`) encodings.push(r.headers()['content-encoding']); });
      const refused = page.waitForEvent('console', {
        predicate: (m) => m.type() === 'error'
          && m.text().startsWith(`Failed to find a valid digest in the 'integrity' attribute for resource '${url}${file}'`),
        timeout: 10_000,
      });
      await page.goto(url);
      await refused;
      await page.waitForTimeout(500);
      assert.equal(await page.locator(tid('new-assessment')).count(), starts ? 1 : 0, `${file}: the app starts: ${starts}`);
      assert.ok(encodings.length > 0 && encodings.every((e) => e === 'br'), `${file} was sent as ${encodings}`);
    } finally {
      await context.close();
      await new Promise((r) => server.close(r));
      fs.rmSync(copy, { recursive: true });
    }
  }
});

test('SHA256SUMS lists every file of the dist and sha256sum -c verifies the release', () => {
  const sums = fs.readFileSync(path.join(DIST, 'SHA256SUMS'), 'utf8');
  const lines = sums.trimEnd().split('\n').map((l) => /^([0-9a-f]{64}) {2}(.+)$/.exec(l));
  assert.ok(lines.every(Boolean), 'sha256sum format');
  assert.deepEqual(lines.map((m) => m[2]), filesOf(DIST).filter((f) => f !== 'SHA256SUMS'));
  for (const [, sum, file] of lines) assert.equal(sum, hex(fs.readFileSync(path.join(DIST, file))), file);
  const out = execFileSync('sha256sum', ['--check', '--strict', 'SHA256SUMS'], { cwd: DIST, encoding: 'utf8' });
  assert.equal(out, lines.map((m) => `${m[2]}: OK\n`).join(''));
  // A changed byte is caught.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'sovcheck-sums-'));
  fs.cpSync(DIST, copy, { recursive: true });
  const css = lines.map((m) => m[2]).find((f) => f.endsWith('.css'));
  fs.appendFileSync(path.join(copy, css), ' ');
  assert.throws(() => execFileSync('sha256sum', ['--check', '--quiet', 'SHA256SUMS'], { cwd: copy, stdio: 'pipe' }),
    (e) => e.status === 1 && e.stdout.toString() === `${css}: FAILED\n`);
  fs.rmSync(copy, { recursive: true });
});

test('every page, script, stylesheet and wasm has a .gz and a .br copy that decodes to it, and the server sends them', async () => {
  const loaded = filesOf(DIST).filter((f) => /\.(html|js|css|wasm|txt)$/.test(f) && !f.startsWith('snippets/'));
  assert.ok(loaded.some((f) => f.endsWith('.wasm')) && loaded.includes('index.html'));
  assert.ok(loaded.some((f) => f.startsWith('i18n/')));
  for (const f of loaded) {
    const raw = fs.readFileSync(path.join(DIST, f));
    const gz = fs.readFileSync(path.join(DIST, `${f}.gz`));
    const br = fs.readFileSync(path.join(DIST, `${f}.br`));
    assert.ok(zlib.gunzipSync(gz).equals(raw), `${f}.gz decodes to ${f}`);
    assert.ok(zlib.brotliDecompressSync(br).equals(raw), `${f}.br decodes to ${f}`);
    assert.ok(br.length < gz.length && gz.length < raw.length, `${f}: ${raw.length} > ${gz.length} > ${br.length}`);
  }
  const wasm = loaded.find((f) => f.endsWith('.wasm'));
  const get = async (headers) => {
    const res = await fetch(`${env.url}${wasm}`, { headers });
    // fetch decodes; the raw length is the header's.
    return { enc: res.headers.get('content-encoding'), len: Number(res.headers.get('content-length')),
      type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
  };
  const raw = fs.readFileSync(path.join(DIST, wasm));
  const size = (ext) => fs.statSync(path.join(DIST, `${wasm}${ext}`)).size;
  for (const [accept, enc, len] of [['gzip, deflate, br', 'br', size('.br')], ['gzip', 'gzip', size('.gz')],
    ['br;q=0, gzip', 'gzip', size('.gz')], ['identity', null, raw.length]]) {
    const r = await get({ 'Accept-Encoding': accept });
    assert.deepEqual([r.enc, r.len, r.type], [enc, len, 'application/wasm'], accept);
    assert.ok(r.body.equals(raw), `${accept}: the decoded body is the wasm`);
  }
});

test('the policy is enforced: injected markup, script, styles, eval, foreign loads, frames, <base> and forms are blocked', async () => {
  const { page, rec, context } = await env.page();
  await page.goto(env.url);
  await page.waitForSelector(tid('new-assessment'));
  assertClean(rec);
  // Code that DevTools evaluates is exempt from the policy, so each probe runs from a timer,
  // as page code would.
  await page.evaluate(() => {
    window.probes = {};
    const probe = (name, f) => setTimeout(async () => {
      try { window.probes[name] = String(await f()); } catch (e) { window.probes[name] = e.name; }
    }, 0);
    probe('html', () => { document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.pwned=1">'); return 'inserted'; });
    probe('script', () => { const s = document.createElement('script'); s.textContent = 'window.pwned = 2'; document.head.append(s); return 'appended'; });
    probe('eval', () => eval('window.pwned = 3'));
    probe('style', () => { const s = document.createElement('style'); s.append('body { display: none; }'); document.head.append(s); return getComputedStyle(document.body).display; });
    probe('styleAttr', () => { const d = document.createElement('div'); d.setAttribute('style', 'color: red'); document.body.append(d); return d.style.color || 'none'; });
    probe('fetch', () => fetch('http://127.0.0.1:9/probe').then(() => 'fetched'));
    probe('img', () => new Promise((done) => { const i = new Image(); i.onload = () => done('loaded'); i.onerror = () => done('refused'); i.src = 'http://127.0.0.1:9/probe.png'; }));
    probe('frame', () => { const f = document.createElement('iframe'); f.src = 'http://127.0.0.1:9/'; document.body.append(f); return 'appended'; });
    probe('base', () => { const b = document.createElement('base'); b.href = 'http://127.0.0.1:9/'; document.head.append(b); return document.baseURI === location.href ? 'ignored' : 'applied'; });
    probe('form', () => { const f = document.createElement('form'); f.action = 'http://127.0.0.1:9/'; document.body.append(f); f.submit(); return 'submitted'; });
  });
  await page.waitForFunction(() => Object.keys(window.probes).length === 10);
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(await page.evaluate(() => window.probes), {
    html: 'TypeError', script: 'TypeError', eval: 'EvalError', style: 'block', styleAttr: 'none',
    fetch: 'TypeError', img: 'refused', frame: 'appended', base: 'ignored', form: 'submitted',
  });
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(page.url(), env.url, 'the form did not navigate');
  assert.deepEqual(rec.violations.map((v) => v.split(' ')[0]).sort(), [
    'base-uri', 'connect-src', 'form-action', 'frame-src', 'img-src',
    'require-trusted-types-for', 'require-trusted-types-for', 'require-trusted-types-for',
    'style-src-attr', 'style-src-elem',
  ]);
  assert.ok(rec.errors.length > 0, 'Chromium reports the violations on the console too');
  await context.close();
});

/** Waits for `selector` and checks the page is still clean. */
async function reach(page, rec, selector) {
  await page.waitForSelector(selector);
  assertClean(rec);
}

test('zero egress: after loading, no screen, print, download or import makes a request; nothing stored but sovcheck. keys', async () => {
  const { page, rec, context } = await env.page({ locale: 'en-GB' });
  // Every request of every page of the context, seen by the browser and by the server.
  const seen = [];
  let loaded = false;
  context.on('request', (r) => seen.push({ url: r.url(), after: loaded }));
  context.on('page', (p) => seen.push({ url: `new page ${p.url()}`, after: loaded }));
  page.on('websocket', (w) => seen.push({ url: `websocket ${w.url()}`, after: loaded }));
  const hits = [];
  const onHit = (req) => hits.push({ url: req.url, after: loaded });
  env.server.on('request', onHit);
  const downloads = [];
  page.on('download', (d) => downloads.push(d.url()));

  await page.goto(env.url);
  await page.locator(tid('new-assessment')).waitFor({ state: 'visible' });
  loaded = true;
  // The load itself: the page, the four files it names and the text pack of the language
  // (English here), all from this origin.
  const packs = packsOf(inlineScripts(INDEX)[0]);
  const files = links(INDEX).filter((l) => ['stylesheet', 'modulepreload', 'preload'].includes(l.rel))
    .map((l) => new URL(l.href, env.url).href).concat(new URL(packs.en[0], env.url).href);
  assert.deepEqual([...new Set(seen.map((s) => s.url).filter((u) => !u.startsWith('data:')))].sort(),
    [env.url, ...files].sort());
  assert.deepEqual([...new Set(hits.map((h) => env.origin + h.url))].sort(), [env.url, ...files].sort());

  // Every walk step, answering the first criterion of each.
  await page.click(tid('new-assessment'));
  await page.fill('#provider', 'Egress Check SA');
  const steps = await page.locator('[data-testid^="goto-"]').count();
  assert.equal(steps, 15);
  for (let i = 0; i < steps - 1; i++) {
    await page.click(tid(`goto-${i}`));
    const choice = page.locator('[data-testid^="choice-"]:not([data-testid$="-unknown"])').first();
    if (await choice.count()) await choice.check();
  }
  await page.click(tid(`goto-${steps - 1}`));
  await reach(page, rec, tid('results'));
  await reach(page, rec, tid('radar'));

  // Report, print, and every download (blob: URLs, made in the page).
  await page.click(tid('open-report'));
  await reach(page, rec, tid('report'));
  const pdf = await page.pdf({ format: 'A4' });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const download = async (id) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(tid(id))]);
    return fs.readFileSync(await d.path(), 'utf8');
  };
  const exported = await download('export');
  await download('export-html');
  await download('export-csv');
  await page.click(tid('back'));
  await reach(page, rec, tid('results'));
  await page.click(tid('goto-0'));
  await page.click(tid('back'));
  await reach(page, rec, tid('workspace'));

  // Import the exported file (same id: keep both), then compare the two.
  await page.setInputFiles(tid('import-file'), { name: 'egress.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await reach(page, rec, tid('import-conflict'));
  await page.click(tid('import-keep-both'));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="assessment-row"]').length === 2);
  await page.click(tid('open-compare'));
  await reach(page, rec, tid('compare-table'));
  await page.pdf({ format: 'A4' });
  await page.click(tid('back'));

  // Verify the exported file against its fingerprint.
  await page.click(tid('open-verify'));
  await page.fill(tid('verify-expected'), hex(exported));
  await page.setInputFiles(tid('verify-file'), { name: 'egress.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await reach(page, rec, `${tid('verify-result')}[data-kind="bytes"][data-match="true"]`);
  await page.click(tid('back'));

  // The accessibility statement, and French.
  await page.click(tid('open-accessibility'));
  await reach(page, rec, tid('accessibility'));
  await page.click(tid('back'));
  // A language the page has not shown yet: its text pack, once, from this origin (the only
  // request after load, and it carries nothing of the user's). Back in English: nothing.
  await switchLang(page, 'fr');
  await reach(page, rec, `html[lang="fr"] ${tid('workspace')}`);
  await switchLang(page, 'en');
  await switchLang(page, 'fr');
  await switchLang(page, 'en');

  assert.deepEqual(downloads.map((u) => u.slice(0, 5)), ['blob:', 'blob:', 'blob:']);
  const after = (list) => list.filter((s) => s.after && !/^(blob|data):/.test(s.url)).map((s) => s.url);
  const frPack = new URL(packs.fr[0], env.url).href;
  assert.deepEqual(after(seen), [frPack], 'requests after load, seen by the browser');
  assert.deepEqual(after(hits), [new URL(frPack).pathname], 'requests after load, seen by the server');
  assert.deepEqual(rec.foreign, []);

  // Nothing stored but what docs/ARCHITECTURE.md declares.
  assert.deepEqual(await context.cookies(), []);
  const stores = await page.evaluate(async () => ({
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
    caches: await caches.keys(),
    session: sessionStorage.length,
    local: Object.keys(localStorage).sort(),
  }));
  assert.deepEqual({ ...stores, local: [] }, { indexedDB: [], serviceWorkers: 0, caches: [], session: 0, local: [] });
  assert.equal(stores.local.filter((k) => k.startsWith('sovcheck.v1.a.')).length, 2);
  for (const k of stores.local) assert.match(k, /^sovcheck\.v1\.(a\.[A-Za-z0-9_-]+|ui|kept\.\d+)$/);

  // "Wipe all local data" leaves nothing at all.
  await page.click(tid('wipe-all'));
  await page.click(tid('wipe-confirm'));
  await reach(page, rec, tid('wiped'));
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  env.server.off('request', onHit);
  assertClean(rec);
  await context.close();
});
