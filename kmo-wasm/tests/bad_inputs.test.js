// The bad-input catalogue through the JavaScript API (the cases a JavaScript caller can write
// as an object), plus what only JavaScript can send: NaN, Infinity, undefined, functions.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { createRequire } from 'node:module';

import { assess, classify, KmoError, quote, Wallet } from '../node/index.js';

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
    // What JSON cannot write is a value of the wrong type at its field, not a field left out.
    [(r) => { r.service.cost = () => 2000; }, 'WRONG_TYPE', 'service.cost'],
    [(r) => { r.enterprise.size.class = Symbol('small'); }, 'WRONG_TYPE', 'enterprise.size.class'],
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

test('a function or a symbol is refused at its field (WRONG_TYPE), never left out', () => {
  const base = () => ({
    application_date: '2026-03-10',
    lang: 'nl',
    enterprise: { size: { class: 'small' } },
    service: { kind: 'training', theme: 'innovatie', cost: '2000' },
  });
  const full = (r) => {
    r.enterprise.size = {
      periods: [{ closing_date: '2025-12-31', staff_awu: '5', turnover: '100000', balance_sheet: '100000' }],
      entities: [{ id: 'b', staff_awu: '2', turnover: '1', balance_sheet: '1' }],
    };
  };
  const cases = [
    // Without the check, each of these answered as if the field were absent (lang `nl`, no theme, …).
    [(r) => { r.lang = Symbol('en'); }, 'lang'],
    [(r) => { r.service.theme = () => 1; }, 'service.theme'],
    [(r) => { full(r); r.enterprise.size.entities[0].staff_awu = () => 2; }, 'enterprise.size.entities[0].staff_awu'],
    [(r) => { delete r.service.cost; r.service.lines = [{ amount: '1000' }, Symbol('line')]; }, 'service.lines[1]'],
    [(r) => { r.service.note = function note() {}; }, 'service.note'],
    // What toJSON gives is what is written, and checked.
    [(r) => { r.service = { toJSON: () => ({ kind: 'training', cost: '2000', theme: Symbol('x') }) }; }, 'service.theme'],
  ];
  for (const [change, path] of cases) {
    const r = base();
    change(r);
    assert.throws(() => assess(r), (e) => e instanceof KmoError && e.code === 'WRONG_TYPE' && e.path === path && /found a (function|symbol)$/.test(e.message), path);
  }
  // The other doors that write an object: the quick quote (its typed door leaves such a question
  // to the JSON door), classification, the wallet's document, plan and apply.
  const question = { application_date: '2026-03-10', size_class: 'small', cost: '2000' };
  const wrong = (path) => (e) => e instanceof KmoError && e.code === 'WRONG_TYPE' && e.path === path;
  assert.throws(() => quote({ ...question, theme: Symbol('innovatie') }), wrong('theme'));
  assert.throws(() => quote({ ...question, provider: () => 'DV.O236459' }), wrong('provider'));
  assert.throws(() => classify({ staff_awu: '5', turnover: () => 1, balance_sheet: '1' }), wrong('turnover'));
  assert.throws(() => new Wallet({ applications: [], next_id: () => 1 }), wrong('next_id'));
  const w = new Wallet();
  assert.throws(() => w.plan([base(), { ...base(), lang: () => 'en' }]), wrong('[1].lang'));
  assert.throws(() => w.apply({ ...base(), wallet: { aid_used: Symbol('0') } }), wrong('wallet.aid_used'));
  assert.equal(w.toJSON().applications.length, 0, 'a refused request is not recorded');
  w.free();
  // Still as before: undefined is a field left out, a BigInt its exact digits, what JSON.stringify
  // does not write (an inherited key, a symbol key, a toJSON method) is not looked at.
  const aid = assess(base()).aid;
  assert.equal(assess({ ...base(), lang: undefined, wallet: undefined }).aid, aid);
  assert.equal(assess({ ...base(), service: { ...base().service, cost: 2000n } }).aid, aid);
  const inherited = Object.assign(Object.create({ extra: () => 1 }), base());
  inherited[Symbol('key')] = 1;
  assert.equal(assess(inherited).aid, aid);
  assert.equal(assess({ ...base(), service: { ...base().service, cost: { toJSON: () => '2000' } } }).aid, aid);
  // A function or a symbol as the whole request is not an object: the engine's MALFORMED_JSON.
  assert.throws(() => assess(() => base()), (e) => e instanceof KmoError && e.code === 'MALFORMED_JSON' && e.path === '');
});
