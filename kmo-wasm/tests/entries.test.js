// The entries' shared behaviour: every entry exports init(); the browser entries refuse calls
// before it, share one load, retry after a failed one, and give the same answers as Node's.
// (The entries as users get them, from the packed tarball in real bundlers and browsers, are
// tested by tests/consumers/run.mjs.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';

import * as node from 'kmo-portefeuille';

const QUOTE = { application_date: '2026-03-10', size_class: 'small', theme: 'personeelsmanagement', cost: 2000 };

test('the Node.js entries are ready on import; init() resolves at once', async () => {
  assert.equal(await node.init(), undefined);
  assert.equal(node.quote(QUOTE).aid, '600.00');
  const cjs = createRequire(import.meta.url)('kmo-portefeuille');
  assert.equal(await cjs.init(), undefined);
  assert.equal(cjs.quote(QUOTE).own_share, '1400.00');
});

test('the default browser entry: NOT_INITIALIZED, UNSUPPORTED_ENVIRONMENT, then one shared load', async () => {
  const browser = await import('../browser/index.js');
  assert.throws(() => browser.quote(QUOTE), (e) => e instanceof browser.KmoError && e.code === 'NOT_INITIALIZED');
  assert.throws(() => new browser.Wallet(), (e) => e.code === 'NOT_INITIALIZED');
  const saved = globalThis.DecompressionStream;
  delete globalThis.DecompressionStream;
  try {
    await assert.rejects(browser.init(), (e) => e instanceof browser.KmoError && e.code === 'UNSUPPORTED_ENVIRONMENT');
  } finally {
    globalThis.DecompressionStream = saved;
  }
  const [a, b] = [browser.init(), browser.init()];
  assert.equal(a, b, 'concurrent calls share one load');
  await a;
  assert.deepEqual(browser.quote(QUOTE), node.quote(QUOTE));
  const w = new browser.Wallet();
  assert.ok(w instanceof browser.Wallet);
  assert.equal(w.apply({ application_date: '2026-03-10', enterprise: { size: { class: 'small' } }, service: { kind: 'training', theme: 'innovatie', cost: 2000 } }).id, 1);
  assert.equal(await browser.init(), undefined, 'init() again resolves at once');
});

test('kmo-portefeuille/web takes the module as bytes', async () => {
  const web = await import('../web/index.js');
  assert.throws(() => web.engine(), (e) => e.code === 'NOT_INITIALIZED');
  await web.default(readFileSync(new URL('../pkg/web/kmo_wasm_bg.wasm', import.meta.url)));
  assert.equal(web.init, web.default);
  assert.equal(web.engine(), node.engine());
  assert.deepEqual(web.quote(QUOTE), node.quote(QUOTE));
});
