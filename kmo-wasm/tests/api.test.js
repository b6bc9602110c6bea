// The JavaScript API: errors, numbers and strings, the quick quote, classification,
// identifiers, rulebooks and the Wallet class.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assess, checkEnterpriseNumber, checkProviderNumber, classify, engine, KmoError, quote, rulebooks, Wallet } from '../node/index.js';

const request = (service = {}, extra = {}) => ({
  application_date: '2026-03-10',
  enterprise: { legal_form: 'bv', size: { class: 'small' } },
  service: { kind: 'training', theme: 'personeelsmanagement', cost: '2000.00', start_date: '2026-03-02', ...service },
  ...extra,
});

test('assess: the worked example', () => {
  const a = assess(request());
  assert.equal(a.aid, '600.00');
  assert.equal(a.own_share, '1400.00');
  assert.equal(a.vat, '420.00');
  assert.equal(a.deadlines.apply_by, '2026-03-16');
  assert.equal(a.engine, engine());
});

test('numbers and strings give the same answer', () => {
  for (const [num, str] of [[2000, '2000'], [2000.5, '2000.50'], [100.1, '100.10'], [0.1 + 99.9, '100']]) {
    assert.deepEqual(assess(request({ cost: num })), assess(request({ cost: str })), `${num}`);
  }
  assert.equal(assess(request({ cost: 100.15 })).aid, '30.05');
  assert.equal(assess(request({ cost: 2000n })).aid, '600.00', 'a BigInt is an exact whole number');
});

test('invalid input throws KmoError with code and path', () => {
  const cases = [
    [request({ cost: '-5' }), 'NEGATIVE_AMOUNT', 'service.cost'],
    [request({ cost: Number.NaN }), 'INVALID_AMOUNT', 'service.cost'],
    [request({ cost: Number.POSITIVE_INFINITY }), 'INVALID_AMOUNT', 'service.cost'],
    [request({ cost: 1e30 }), 'AMOUNT_OUT_OF_RANGE', 'service.cost'],
    [request({ cost: 0.001 }), 'TOO_MANY_DECIMALS', 'service.cost'],
    [request({ kind: 'coaching' }), 'UNKNOWN_CODE', 'service.kind'],
    [{ ...request(), application_date: '2026-02-30' }, 'INVALID_DATE', 'application_date'],
  ];
  for (const [req, code, path] of cases) {
    assert.throws(() => assess(req), (e) => e instanceof KmoError && e instanceof Error && e.code === code && e.path === path, `${code} ${path}`);
  }
  assert.throws(() => assess(null), (e) => e instanceof KmoError && e.code === 'MALFORMED_JSON');
  assert.throws(() => assess('{}'), (e) => e instanceof KmoError && e.code === 'MALFORMED_JSON');
});

test('ineligibility is a result, not an error', () => {
  const a = assess(request({ cost: '99.99' }));
  assert.equal(a.eligible, false);
  assert.equal(a.aid, '0.00');
  assert.deepEqual(a.findings.filter((f) => f.severity === 'blocking').map((f) => f.code), ['COST_BELOW_MINIMUM']);
});

test('messages in three languages', () => {
  const texts = ['nl', 'fr', 'en'].map((lang) => assess({ ...request({ cost: '50' }), lang }).findings.find((f) => f.code === 'COST_BELOW_MINIMUM').message);
  assert.equal(new Set(texts).size, 3);
  assert.match(texts[0], /minimum/);
});

test('quick quote', () => {
  const q = quote({ application_date: '2026-03-10', size_class: 'medium', theme: 'innovatie', cost: 2000, aid_used: '7200' });
  assert.equal(q.rate, '20');
  assert.equal(q.aid, '300.00');
  assert.equal(q.capped, true);
  assert.deepEqual(q.blocking, []);
  assert.throws(() => quote({ application_date: '2026-03-10', size_class: 'huge', cost: 1 }), (e) => e.code === 'UNKNOWN_CODE' && e.path === 'size_class');
  assert.throws(() => quote({ application_date: '2026-03-10', size_class: 'small', cost: -1 }), (e) => e.code === 'NEGATIVE_AMOUNT' && e.path === 'cost');
});

test('classification on its own', () => {
  assert.equal(classify({ staff_awu: '9.99', turnover: '2000000', balance_sheet: '9000000' }).size_class, 'micro');
  assert.equal(classify({ staff_awu: 10, turnover: 1, balance_sheet: 1 }).size_class, 'small');
  const group = classify({
    id: 'A', staff_awu: '20', turnover: '3000000', balance_sheet: '2000000',
    entities: [{ id: 'C', staff_awu: '30', turnover: '9000000', balance_sheet: '6000000' }],
    holdings: [{ holder: 'A', held: 'C', capital_pct: '33' }],
  });
  assert.equal(group.sme.periods[0].staff_awu, '29.9');
  assert.throws(() => classify({ staff_awu: '-1', turnover: 1, balance_sheet: 1 }), (e) => e.code === 'INVALID_NUMBER' && e.path === 'staff_awu');
});

test('identifiers and rulebooks', () => {
  assert.deepEqual(checkProviderNumber('dvo236459'), { canonical: 'DV.O236459', service: 'training' });
  assert.throws(() => checkProviderNumber('DV.X1'), (e) => e.code === 'INVALID_PROVIDER_NUMBER');
  assert.deepEqual(checkEnterpriseNumber('BE0403170701'), { canonical: '0403.170.701' });
  assert.throws(() => checkEnterpriseNumber('0403.170.702'), (e) => e.code === 'INVALID_ENTERPRISE_NUMBER');
  const books = rulebooks();
  assert.equal(books[0].valid_from, '2016-04-01');
  assert.equal(books.at(-1).advice_only_cybersecurity, 'VR-2026-01-23');
});

test('a KmoError carries the message for a visitor, the path and the code apart', () => {
  const bad = { ...request({ cost: '-5' }), lang: 'nl' };
  assert.throws(() => assess(bad), (e) => {
    assert.ok(e instanceof KmoError && e instanceof Error);
    assert.equal(e.name, 'KmoError');
    assert.equal(e.code, 'NEGATIVE_AMOUNT');
    assert.equal(e.path, 'service.cost');
    assert.equal(e.message, 'het bedrag -5 is negatief; bedragen zijn nul of meer');
    assert.equal(String(e), 'KmoError: het bedrag -5 is negatief; bedragen zijn nul of meer');
    return true;
  });
  assert.throws(() => assess({ ...bad, lang: 'fr', service: { kind: 'training', theme: 'innovation', cost: 1 } }), (e) =>
    e.path === 'service.theme' && e.message.startsWith('thème : `innovation` n\'est pas une valeur connue ; valeurs acceptées : bedrijfsstrategie'));
  assert.throws(() => assess({ ...bad, lang: 'nl', service: { kind: 'training', theme: 'innovation', cost: 1 } }), (e) =>
    e.message.startsWith('thema `innovation` is onbekend; aanvaard: bedrijfsstrategie'));
});

test('a language argument the document does not know is refused, not taken for English', () => {
  const unknownLang = (e) => e instanceof KmoError && e.code === 'UNKNOWN_CODE' && e.path === 'lang' && /language/.test(e.message);
  assert.throws(() => checkProviderNumber('DV.X1', 'de'), unknownLang);
  assert.throws(() => checkEnterpriseNumber('0403.170.701', 'EN'), unknownLang);
  assert.throws(() => new Wallet(null, { lang: 'de' }), unknownLang);
  assert.throws(() => new Wallet({ applications: [] }, { lang: 'nl-BE' }), unknownLang);
  // Not given (undefined or null) is the default, as a document without `lang`: Dutch errors.
  for (const lang of [undefined, null]) {
    assert.throws(() => checkProviderNumber('DV.X1', lang), (e) => e.code === 'INVALID_PROVIDER_NUMBER' && /erkenningsnummer/.test(e.message));
    const w = new Wallet(null, { lang });
    assert.throws(() => w.pay(1, '2026-01-01', 1), (e) => e.code === 'UNKNOWN_APPLICATION');
    w.free();
  }
  const fr = new Wallet(null, { lang: 'fr' });
  assert.throws(() => fr.stop(1, '2026-01-01'), (e) => e.code === 'UNKNOWN_APPLICATION' && /La demande 1/.test(e.message));
  fr.free();
});

test('the Wallet class', () => {
  const w = new Wallet();
  const first = w.apply(request({ cost: '20000' }));
  assert.equal(first.id, 1);
  assert.equal(first.assessment.aid, '6000.00');
  assert.deepEqual(first.lapsed, []);
  assert.equal(first.recorded, true);
  assert.deepEqual(w.pay(1, '2026-03-12', '14000'), { due: '0.00', lapsed: [] });
  const second = w.apply({ ...request({ cost: '10000', start_date: '2026-05-04' }), application_date: '2026-05-04' });
  assert.equal(second.assessment.aid, '1500.00');
  assert.deepEqual(w.release(1, '2026-05-05', 5000), { available: '15000.00', lapsed: [] });
  assert.throws(() => w.release(1, '2026-05-06', '15000.01'), (e) => e instanceof KmoError && e.code === 'RELEASE_EXCEEDS_BALANCE');
  // The second own share was due by 18 May: on 1 June it has lapsed, first, and says so.
  const s = w.stop(1, '2026-06-01');
  assert.equal(s.aid_returned, '4500.00');
  assert.deepEqual(s.lapsed, [2]);
  assert.throws(() => w.stop(1, '2026-06-02'), (e) => e.code === 'APPLICATION_ENDED');
  assert.throws(() => w.pay(2, '2026-06-02', 1), (e) => e.code === 'APPLICATION_ENDED' && e.message.includes('2026-05-19'));
  assert.throws(() => w.pay(9, '2026-06-02', 1), (e) => e.code === 'UNKNOWN_APPLICATION');
  const doc = w.toJSON();
  assert.equal(doc.years[0].counted, '1500.00');
  assert.equal(doc.next_id, 3);
  const copy = Wallet.fromJSON(doc);
  assert.deepEqual(copy.toJSON(), doc);
  const plan = copy.plan([{ ...request({ cost: '30000', start_date: '2026-11-02' }), application_date: '2026-11-02' }]);
  assert.equal(plan.items[0].assessment.aid, '6000.00');
  assert.equal(plan.items[0].better_next_year.aid, '7500.00');
  assert.throws(() => new Wallet({ applications: [{ application_date: '2026-01-01' }] }), (e) => e instanceof KmoError && e.path === 'applications[0].aid');
  w.free();
  copy.free();
});

test('the Wallet lapses what is overdue and gives the year\'s budget on a date', () => {
  const w = new Wallet(null, { lang: 'fr' });
  w.apply(request({ cost: '20000', start_date: '2026-02-09' }, { application_date: '2026-02-09' })); // own share due by 23 February
  // The budget on a date changes nothing: what lapses by then is counted, not recorded.
  assert.deepEqual(w.budget('2026-02-23'), {
    lapsed: [],
    year: { ceiling: '7500.00', counted: '6000.00', left: '1500.00', size_class: 'small', year: 2026 },
  });
  // Lapsed on 24 February: its aid is back, and, never granted, it fixes no class.
  assert.deepEqual(w.budget('2026-02-24'), {
    lapsed: [1],
    year: { ceiling: '7500.00', counted: '0.00', left: '7500.00', size_class: null, year: 2026 },
  });
  assert.equal(w.toJSON().applications[0].status, 'active');
  assert.deepEqual(w.lapseOverdue('2026-02-24'), { lapsed: [1] });
  assert.equal(w.toJSON().applications[0].status, 'lapsed');
  assert.deepEqual(w.lapseOverdue('2026-03-01'), { lapsed: [] });
  for (const bad of ['2200-01-01', '24/02/2026']) {
    assert.throws(() => w.lapseOverdue(bad), (e) => e instanceof KmoError && e.code === 'INVALID_DATE' && e.path === 'date' && /date|années/.test(e.message));
    assert.throws(() => w.budget(bad), (e) => e instanceof KmoError && e.code === 'INVALID_DATE' && e.path === 'date');
  }
  w.free();
});
