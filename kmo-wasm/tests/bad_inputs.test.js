// The bad-input catalogue through the JavaScript API (the cases a JavaScript caller can write
// as an object), plus what only JavaScript can send: NaN, Infinity, undefined, functions.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { createRequire } from 'node:module';

import { assess, KmoError } from '../node/index.js';

const { assessJson } = createRequire(import.meta.url)('../pkg/node/kmo_wasm.js');

const root = fileURLToPath(new URL('../../', import.meta.url));

test('the bad-input catalogue through assess()', () => {
  const file = `${root}target/bad-inputs/cases.ndjson`;
  assert.ok(existsSync(file), 'run `cargo test` first: it writes target/bad-inputs/cases.ndjson');
  const cases = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const failures = [];
  let run = 0;
  for (const c of cases.filter((x) => !x.text_only)) {
    run++;
    try {
      assess(JSON.parse(c.request));
      failures.push(`${c.name}: no error`);
    } catch (e) {
      if (!(e instanceof KmoError)) failures.push(`${c.name}: ${e}`);
      else if (e.code !== c.code || e.path !== c.path) failures.push(`${c.name}: expected ${c.code} at ${c.path}, got ${e.code} at ${e.path}`);
      // The message is the engine's text for a visitor: the error document's, without the path.
      else if (e.message !== JSON.parse(assessJson(c.request)).error.message) failures.push(`${c.name}: message ${e.message}`);
      else if (e.path && e.message.includes(`${e.path}:`)) failures.push(`${c.name}: the path in the message: ${e.message}`);
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(run >= 60, `${run} cases`);
});

test('values only JavaScript can send', () => {
  const base = () => ({
    application_date: '2026-03-10',
    enterprise: { size: { class: 'small' } },
    service: { kind: 'training', theme: 'innovatie', cost: '2000' },
  });
  const cases = [
    [(r) => { r.service.cost = Number.NaN; }, 'INVALID_AMOUNT', 'service.cost'],
    [(r) => { r.service.cost = Number.NEGATIVE_INFINITY; }, 'INVALID_AMOUNT', 'service.cost'],
    [(r) => { r.service.vat_rate = Number.POSITIVE_INFINITY; }, 'INVALID_PERCENT', 'service.vat_rate'],
    [(r) => { r.service.cost = undefined; }, 'MISSING_FIELD', 'service.cost'],
    [(r) => { r.service.cost = () => 2000; }, 'MISSING_FIELD', 'service.cost'],
    [(r) => { r.enterprise.size.class = Symbol('small'); }, 'MISSING_FIELD', 'enterprise.size.class'],
    [(r) => { r.application_date = new Date('2026-03-10'); }, 'INVALID_DATE', 'application_date'],
    [(r) => { r.service.cost = Number.MAX_VALUE; }, 'AMOUNT_OUT_OF_RANGE', 'service.cost'],
    [(r) => { r.service.cost = Number.MIN_VALUE; }, 'TOO_MANY_DECIMALS', 'service.cost'],
  ];
  for (const [change, code, path] of cases) {
    const r = base();
    change(r);
    assert.throws(() => assess(r), (e) => e instanceof KmoError && e.code === code && e.path === path, `${code} ${path}`);
  }
  const cyclic = base();
  cyclic.enterprise.self = cyclic;
  assert.throws(() => assess(cyclic), (e) => e instanceof KmoError && e.code === 'MALFORMED_JSON');
});
