// Sub-path hosting: the very dist the other journeys use (no rebuild), served under
// /tools/sovcheck/, as on an intranet server that hosts several tools.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertClean, tid, openApp, sealOf } from './harness.mjs';

const BASE = '/tools/sovcheck/';
let env;
before(async () => { env = await start({ base: BASE }); });
after(async () => { await env?.stop(); });

test('served under /tools/sovcheck/: loads, saves, survives a reload, reaches the results', async () => {
  const hits = [];
  const onHit = (req) => hits.push(req.url);
  env.server.on('request', onHit);
  const { page, rec, context } = await openApp(env);
  assert.equal(env.url, `${env.origin}${BASE}`);
  await page.click(tid('new-assessment'));
  await page.fill('#provider', 'Intranet SA');
  await page.click(tid('next'));
  await page.check(tid('choice-SOV-7.1-2'));
  await page.reload();
  await page.waitForSelector(tid('criterion-SOV-7.1'));
  assert.equal(await page.isChecked(tid('choice-SOV-7.1-2')), true);
  await page.click(tid('goto-0'));
  assert.equal(await page.inputValue('#provider'), 'Intranet SA');
  await page.click(tid('goto-14'));
  await page.waitForSelector(tid('results'));
  // SOV-7.1 at rung 2 grants SEAL-2; the criteria still open can reach SEAL-0 at worst.
  assert.deepEqual(await sealOf(page), ['0', '2']);
  // Every request went to the sub-path, and each found its file.
  env.server.off('request', onHit);
  assert.ok(hits.length >= 10, `two loads of five files, got ${hits.length}`);
  for (const url of hits) assert.ok(url.startsWith(BASE), url);
  assert.deepEqual(rec.requests.filter((u) => !u.startsWith(env.url) && !u.startsWith('data:')), []);
  const failed = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  const responses = [];
  page.on('response', (r) => responses.push(r.status()));
  await page.reload();
  await page.waitForSelector(tid('results'));
  assert.deepEqual(failed, []);
  assert.ok(responses.length >= 5 && responses.every((s) => s === 200), `statuses ${responses}`);
  assertClean(rec);
  await context.close();
});
