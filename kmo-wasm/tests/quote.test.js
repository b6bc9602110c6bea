// The quick quote is the engine's: the same answer as `assess` for the same question (the
// core runs one pipeline for both), numbers read exactly, every invalid value refused with the
// engine's code, path and message in the question's language.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assess, codes, quote } from '../node/index.js';

const table = codes();

let seed = 20261127;
const pick = (n) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};
const pad = (n) => String(n).padStart(2, '0');
const randomDate = () => `${2015 + pick(13)}-${pad(1 + pick(12))}-${pad(1 + pick(28))}`;
const randomCase = () => {
  const subtheme = pick(4) === 0 ? table.subtheme[pick(table.subtheme.length)] : undefined;
  // Mostly the subtheme's own theme; sometimes another (refused by the engine).
  const own = { cybersecurity: 'digitalisering', energy_efficiency: 'duurzaamheid' }[subtheme];
  const theme = own && pick(4) !== 0 ? own : pick(3) === 0 ? undefined : table.theme[pick(table.theme.length)];
  return {
    application_date: randomDate(),
    size_class: table.size_class[pick(table.size_class.length)],
    kind: table.kind[pick(table.kind.length)],
    theme,
    subtheme,
    start_date: pick(2) === 0 ? undefined : randomDate(),
    cost: pick(3) === 0 ? pick(40000) + pick(100) / 100 : `${pick(40000)}.${pad(pick(100))}`,
    aid_used: pick(2) === 0 ? undefined : `${pick(16000)}.${pad(pick(100))}`,
    vat_rate: ['0', '6', '12', '21', '21.5', 21][pick(6)],
  };
};
// The same question as a full request.
const asRequest = (q) => ({
  application_date: q.application_date,
  enterprise: { size: { class: q.size_class } },
  service: { kind: q.kind ?? 'training', theme: q.theme, subtheme: q.subtheme, start_date: q.start_date, cost: q.cost, vat_rate: q.vat_rate },
  wallet: { aid_used: q.aid_used ?? '0' },
});
const outcome = (f, arg) => {
  try {
    return f(arg);
  } catch (e) {
    return { error: e.code, path: e.path };
  }
};

test('the quick quote answers as assess does', () => {
  let answered = 0;
  for (let i = 0; i < 3000; i++) {
    const q = randomCase();
    const a = outcome(quote, q);
    const b = outcome(assess, asRequest(q));
    if (a.error) {
      assert.equal(a.error, b.error, JSON.stringify(q));
      assert.equal(`service.${a.path}`.replace('service.aid_used', 'wallet.aid_used'), b.path, JSON.stringify(q));
      continue;
    }
    answered++;
    for (const key of ['eligible', 'rate', 'eligible_cost', 'aid', 'own_share', 'vat', 'ceiling', 'ceiling_left', 'capped', 'deadlines', 'size_class']) {
      assert.deepEqual(a[key], b[key], `${key} ${JSON.stringify(q)}`);
    }
    assert.deepEqual(a.blocking, b.findings.filter((f) => f.severity === 'blocking').map((f) => f.code), JSON.stringify(q));
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
  assert.equal(quote({ ...base, cost: 2000 }).vat, '420.00', 'the VAT rate defaults to 21 in the engine');
});

test('every blocking reason, not only the first', () => {
  const q = quote({ application_date: '2026-03-10', size_class: 'large', kind: 'advice', theme: 'innovatie', start_date: '2026-01-01', cost: '100' });
  assert.deepEqual(q.blocking, ['ENTERPRISE_TOO_LARGE', 'ADVICE_ONLY_CYBERSECURITY', 'APPLICATION_TOO_LATE', 'COST_BELOW_MINIMUM']);
  assert.equal(q.eligible, false);
  assert.equal(q.aid, '0.00');
});

test('invalid values get the engine error, in the question\'s language', () => {
  const base = { application_date: '2026-03-10', size_class: 'small', theme: 'innovatie', cost: '100' };
  const cases = [
    [{ application_date: '2026-02-30' }, 'INVALID_DATE', 'application_date'],
    [{ application_date: '1899-12-31' }, 'INVALID_DATE', 'application_date'],
    [{ start_date: '2026-13-01' }, 'INVALID_DATE', 'start_date'],
    [{ cost: '1000000000000.01' }, 'AMOUNT_OUT_OF_RANGE', 'cost'],
    [{ cost: 1e21 }, 'AMOUNT_OUT_OF_RANGE', 'cost'],
    [{ cost: '1.' }, 'INVALID_AMOUNT', 'cost'],
    [{ cost: '0.001' }, 'TOO_MANY_DECIMALS', 'cost'],
    [{ cost: Number.NaN }, 'INVALID_AMOUNT', 'cost'],
    [{ aid_used: '-1' }, 'NEGATIVE_AMOUNT', 'aid_used'],
    [{ vat_rate: '100.01' }, 'PERCENT_OUT_OF_RANGE', 'vat_rate'],
    [{ vat_rate: '21.00005' }, 'TOO_MANY_DECIMALS', 'vat_rate'],
    [{ size_class: 'Small' }, 'UNKNOWN_CODE', 'size_class'],
    [{ kind: '' }, 'UNKNOWN_CODE', 'kind'],
    [{ theme: 'innovation' }, 'UNKNOWN_CODE', 'theme'],
    [{ theme: 'personeelsmanagement', subtheme: 'cybersecurity' }, 'INCONSISTENT_INPUT', 'subtheme'],
  ];
  for (const [change, code, path] of cases) {
    assert.deepEqual(outcome(quote, { ...base, ...change }), { error: code, path }, JSON.stringify(change));
  }
  const messages = ['nl', 'fr', 'en'].map((lang) => {
    try {
      quote({ ...base, cost: '-5', lang });
    } catch (e) {
      return e.message;
    }
    return null;
  });
  assert.match(messages[0], /negatief/);
  assert.match(messages[1], /négatif/);
  assert.match(messages[2], /negative/);
});
