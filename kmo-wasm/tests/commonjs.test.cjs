// The CommonJS entry gives the same answers and the same kind of errors.
const assert = require('node:assert/strict');
const { test } = require('node:test');

const kmo = require('kmo-portefeuille');

test('require() works and answers as the ESM entry', async () => {
  const request = { application_date: '2026-03-10', enterprise: { size: { class: 'small' } }, service: { kind: 'training', theme: 'innovatie', cost: 2000 } };
  assert.equal(kmo.assess(request).aid, '600.00');
  assert.throws(() => kmo.assess({ ...request, service: { ...request.service, cost: '-1' } }), (e) => e instanceof kmo.KmoError && e instanceof Error && e.code === 'NEGATIVE_AMOUNT' && e.path === 'service.cost');
  const esm = await import('kmo-portefeuille');
  assert.deepEqual(kmo.assess(request), esm.assess(request));
  const w = new kmo.Wallet();
  assert.equal(w.apply(request).id, 1);
  w.free();
});
