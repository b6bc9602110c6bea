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
  // Mostly the subtheme's own theme; sometimes another (read with its own, and noted).
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
    provider: [undefined, undefined, 'DV.O236459', 'dv a236460'][pick(4)],
    lang: [undefined, 'nl', 'fr', 'en'][pick(4)],
  };
};
// The same question as a full request.
const asRequest = (q) => ({
  application_date: q.application_date,
  lang: q.lang,
  enterprise: { size: { class: q.size_class } },
  service: { kind: q.kind ?? 'training', theme: q.theme, subtheme: q.subtheme, provider: q.provider, start_date: q.start_date, cost: q.cost, vat_rate: q.vat_rate },
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
  let refused = 0;
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
    const reasons = b.findings.filter((f) => f.severity === 'blocking');
    assert.deepEqual(a.blocking, reasons.map((f) => f.code), JSON.stringify(q));
    // The same reasons, with the same messages in the question's language.
    assert.deepEqual(a.findings, reasons, JSON.stringify(q));
    refused += a.eligible ? 0 : 1;
  }
  assert.ok(answered > 1000, `only ${answered} valid cases`);
  assert.ok(refused > 100, `only ${refused} refused cases`);
});

test('the provider number is checked against the kind of service, as assess checks it', () => {
  const base = { application_date: '2026-03-10', size_class: 'small', kind: 'advice', theme: 'digitalisering', subtheme: 'cybersecurity', cost: '1000' };
  assert.equal(quote({ ...base, provider: 'DV.A236460' }).eligible, true);
  const wrong = quote({ ...base, provider: 'DV.O236459', lang: 'en' });
  assert.deepEqual(wrong.blocking, ['PROVIDER_NOT_REGISTERED_FOR_SERVICE']);
  assert.match(wrong.findings[0].message, /DV\.O236459/);
  assert.deepEqual(outcome(quote, { ...base, provider: 'DV.X1' }), { error: 'INVALID_PROVIDER_NUMBER', path: 'provider' });
});

test('an unknown field is reported as assess reports it, never silently taken', () => {
  const q = quote({ application_date: '2026-03-10', size_class: 'small', theme: 'innovatie', cost: 2000, aidUsed: 7200, options: { ownShare: 1 }, lang: 'nl' });
  assert.equal(q.ceiling_left, '6900.00', 'aidUsed is not aid_used');
  const warnings = q.findings.filter((f) => f.code === 'UNKNOWN_FIELD_IGNORED');
  assert.deepEqual(warnings.map((f) => [f.path, f.severity]), [['aidUsed', 'warning'], ['options.ownShare', 'warning']]);
  const full = assess({ application_date: '2026-03-10', lang: 'nl', aidUsed: 7200, enterprise: { size: { class: 'small' } }, service: { kind: 'training', theme: 'innovatie', cost: 2000 } });
  assert.deepEqual(warnings[0], full.findings.find((f) => f.code === 'UNKNOWN_FIELD_IGNORED'));
  assert.match(warnings[0].message, /aidUsed/);
});

test('the reasons speak the question\'s language, Dutch by default', () => {
  const q = (lang) => quote({ application_date: '2026-03-10', size_class: 'small', cost: '50', lang }).findings.map((f) => f.message);
  const [nl, fr, en] = ['nl', 'fr', 'en'].map(q);
  assert.deepEqual(q(undefined), nl);
  assert.equal(nl.length, 2);
  assert.match(nl.join(' '), /thema/);
  assert.match(fr.join(' '), /thème/);
  assert.match(en.join(' '), /theme/);
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

test('a subtheme given with another theme is read with its own theme, as assess reads it', () => {
  const q = { application_date: '2026-03-10', size_class: 'small', theme: 'personeelsmanagement', subtheme: 'cybersecurity', cost: '2000' };
  const answer = quote(q);
  assert.equal(answer.eligible, true);
  assert.equal(answer.aid, '900.00');
  assert.equal(answer.own_share, '1100.00');
  const full = assess({
    application_date: q.application_date,
    enterprise: { size: { class: 'small' } },
    service: { kind: 'training', theme: q.theme, subtheme: q.subtheme, cost: q.cost },
  });
  assert.equal(full.aid, answer.aid);
  assert.ok(full.findings.some((f) => f.code === 'SUBTHEME_OF_OTHER_THEME' && f.severity === 'warning'));
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
