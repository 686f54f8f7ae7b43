// Sub-path hosting: the very dist the other journeys use (no rebuild), served under
// /tools/sovcheck/, as on an intranet server that hosts several tools.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, assertClean, tid, openApp, answerReloadAndCheck } from './harness.mjs';

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
  await answerReloadAndCheck(page, 'Intranet SA');
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
