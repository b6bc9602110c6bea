// The quick quote's two lanes: plain inputs are turned into numbers in JavaScript and answered
// in place (`quickQuoteCodes`), every other form goes through the engine's text parsing
// (`quickQuote`). Both must give the same answer, and the number lane must survive the
// WebAssembly memory growing under it.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

import { checkProviderNumber, quote } from '../node/index.js';

const raw = createRequire(import.meta.url)('../pkg/node/kmo_wasm.js');
const table = JSON.parse(raw.quickQuoteCodesTable());

let seed = 20261127;
const pick = (n) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};
const pad = (n) => String(n).padStart(2, '0');
const randomDate = () => `${2015 + pick(13)}-${pad(1 + pick(12))}-${pad(1 + pick(28))}`;
const randomCase = () => {
  const theme = pick(3) === 0 ? undefined : table.theme[pick(table.theme.length)];
  return {
    application_date: randomDate(),
    size_class: table.size_class[pick(table.size_class.length)],
    kind: table.kind[pick(table.kind.length)],
    theme,
    subtheme: pick(4) === 0 ? table.subtheme[pick(table.subtheme.length)] : undefined,
    start_date: pick(2) === 0 ? undefined : randomDate(),
    cost: `${pick(40000)}.${pad(pick(100))}`,
    aid_used: pick(2) === 0 ? undefined : `${pick(16000)}.${pad(pick(100))}`,
    vat_rate: ['0', '6', '12', '21', '21.5'][pick(5)],
  };
};
const outcome = (q) => {
  try {
    return quote(q);
  } catch (e) {
    return { error: e.code, path: e.path };
  }
};

test('the number lane and the text lane agree', () => {
  let answered = 0;
  for (let i = 0; i < 4000; i++) {
    const q = randomCase();
    // A third decimal zero is accepted by the engine but not by the number lane.
    const viaText = { ...q, cost: `${q.cost}0`, aid_used: q.aid_used === undefined ? '0.000' : `${q.aid_used}0` };
    const a = outcome(q);
    assert.deepEqual(a, outcome(viaText), JSON.stringify(q));
    if (!a.error) answered++;
  }
  assert.ok(answered > 1000, `only ${answered} valid cases`);
});

test('numbers, leading zeros and one decimal are read exactly', () => {
  const base = { application_date: '2026-03-10', size_class: 'small', theme: 'innovatie' };
  const a = quote({ ...base, cost: '2000.50' });
  assert.deepEqual(quote({ ...base, cost: 2000.5 }), a);
  assert.deepEqual(quote({ ...base, cost: '02000.5' }), a);
  assert.deepEqual(quote({ ...base, cost: '2000.500' }), a);
  assert.equal(a.aid, '600.15');
  assert.equal(quote({ ...base, cost: '0.05' }).vat, '0.01');
  assert.equal(quote({ ...base, cost: '2000', vat_rate: '6' }).vat, '120.00');
});

test('invalid values get the engine error whichever lane they start in', () => {
  const base = { application_date: '2026-03-10', size_class: 'small', theme: 'innovatie', cost: '100' };
  const cases = [
    [{ application_date: '2026-02-30' }, 'INVALID_DATE', 'application_date'],
    [{ application_date: '1899-12-31' }, 'INVALID_DATE', 'application_date'],
    [{ start_date: '2026-13-01' }, 'INVALID_DATE', 'start_date'],
    [{ cost: '1000000000000.01' }, 'AMOUNT_OUT_OF_RANGE', 'cost'],
    [{ cost: '9999999999999' }, 'AMOUNT_OUT_OF_RANGE', 'cost'],
    [{ cost: '1.' }, 'INVALID_AMOUNT', 'cost'],
    [{ cost: '.5' }, 'INVALID_AMOUNT', 'cost'],
    [{ cost: '0.001' }, 'TOO_MANY_DECIMALS', 'cost'],
    [{ cost: Number.NaN }, 'INVALID_AMOUNT', 'cost'],
    [{ cost: 1e21 }, 'INVALID_AMOUNT', 'cost'],
    [{ aid_used: '-1' }, 'NEGATIVE_AMOUNT', 'aid_used'],
    [{ vat_rate: '100.01' }, 'PERCENT_OUT_OF_RANGE', 'vat_rate'],
    [{ vat_rate: '21.005' }, 'TOO_MANY_DECIMALS', 'vat_rate'],
    [{ size_class: 'Small' }, 'UNKNOWN_CODE', 'size_class'],
    [{ kind: '' }, 'UNKNOWN_CODE', 'kind'],
    [{ theme: 'innovation' }, 'UNKNOWN_CODE', 'theme'],
  ];
  for (const [change, code, path] of cases) {
    assert.deepEqual(outcome({ ...base, ...change }), { error: code, path }, JSON.stringify(change));
  }
  const mismatch = outcome({ ...base, theme: 'personeelsmanagement', subtheme: table.subtheme.find((s) => s.startsWith('cyber')) });
  assert.equal(mismatch.error, 'INCONSISTENT_INPUT');
});

test('the answer is read correctly after the WebAssembly memory grows', () => {
  const q = { application_date: '2026-03-10', size_class: 'medium', theme: 'innovatie', cost: '1234.56' };
  const before = quote(q);
  const pages = raw.wasmMemory().buffer.byteLength;
  assert.throws(() => checkProviderNumber('x'.repeat(32 * 1024 * 1024)));
  assert.ok(raw.wasmMemory().buffer.byteLength > pages, 'the memory did not grow');
  assert.deepEqual(quote(q), before);
  assert.equal(before.aid, '246.91');
});
