// The typed doors (numbers in, numbers out) answer as the JSON doors do: `quote` and `classify`
// take the numeric path for the common question and the JSON one for the rest, and whichever
// they take, the answer is the engine's document byte for byte, an error the same code, path and
// message. `quoteNumbers` answers many questions as `quote` answers each.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

import { KmoError, makeApi, typedDoors } from '../js/api.js';

const raw = createRequire(import.meta.url)('../pkg/node/kmo_wasm.js');

// The API over the engine, counting which door each call took.
const calls = { quoteFigures: 0, quoteJson: 0, classifyFigures: 0, classifyJson: 0 };
const counted = { ...raw };
for (const name of Object.keys(calls)) {
  counted[name] = (...args) => {
    calls[name]++;
    return raw[name](...args);
  };
}
const api = makeApi(counted, typedDoors);
const table = api.codes();

/** The JSON door's outcome: the document's text, or the error (the value written as api.js writes it). */
const replacer = (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);
function viaJson(door, value) {
  const text = raw[door](JSON.stringify(value, replacer) ?? 'null');
  const doc = JSON.parse(text);
  // The module's text is in ASCII only (an accent as its \u escape): the same document, which
  // JSON.stringify writes back as the engine wrote it, with the same fields in the same order.
  assert.ok(/^[\x20-\x7e]*$/.test(text), text);
  return doc.error ? { error: doc.error } : { text: JSON.stringify(doc) };
}
/** The API's outcome, written as the JSON door writes it. */
function viaApi(f, value) {
  try {
    return { text: JSON.stringify(f(value)) };
  } catch (e) {
    return { error: { code: e.code, message: e.message, path: e.path } };
  }
}

let seed = 20261207;
const pick = (n) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return Math.floor((seed / 2 ** 31) * n); // the high bits: the low ones of this generator cycle

};
const one = (list) => list[pick(list.length)];
const pad = (n) => String(n).padStart(2, '0');
const date = () => (pick(20) === 0 ? `${2014 + pick(14)}-${pad(1 + pick(12))}-${pad(1 + pick(31))}` : `${2014 + pick(14)}-${pad(1 + pick(12))}-${pad(1 + pick(28))}`);
const amount = () =>
  pick(3) !== 0 ? one([`${pick(40000)}.${pad(pick(100))}`, pick(40000), `${pick(4000)}`]) : one([
    `${pick(40000)}.${pad(pick(100))}`,
    `${pick(40000)}`,
    `${pick(400)}.${pick(10)}`,
    pick(40000),
    pick(4000000) / 100,
    pick(40000) + 0.5,
    '0',
    '0.05',
    '02000',
    '2000.',
    '2000.500',
    '-5',
    ' 12',
    '1e3',
    1e21,
    Number.NaN,
    '1000000000000.01',
    '999999999999.99',
    9007199254740993,
    null,
    true,
    {},
  ]);

const randomQuestion = () => {
  const subtheme = pick(4) === 0 ? one([...table.subtheme, 'phishing']) : undefined;
  const own = { cybersecurity: 'digitalisering', energy_efficiency: 'duurzaamheid' }[subtheme];
  const q = {
    application_date: pick(30) === 0 ? one(['2026-02-30', '1899-12-31', '2026-3-10', 20260310, undefined]) : date(),
    size_class: pick(30) === 0 ? one(['Small', '', 2, null, undefined]) : one(table.size_class),
    kind: pick(3) === 0 ? undefined : pick(30) === 0 ? one(['training ', 1]) : one(table.kind),
    theme: own && pick(4) !== 0 ? own : pick(4) === 0 ? one([undefined, null, 'innovation']) : one(table.theme),
    subtheme,
    start_date: pick(2) === 0 ? undefined : date(),
    cost: pick(20) === 0 ? undefined : amount(),
    aid_used: pick(2) === 0 ? undefined : pick(4) === 0 ? amount() : `${pick(16000)}.${pad(pick(100))}`,
    vat_rate: pick(2) === 0 ? undefined : one(['0', '6', '12', '21', '21.5', 21, 5.5, '21.00005', '100.01', '100', -1, '021']),
    provider: one([undefined, undefined, 'DV.O236459', 'dv a236460', 'DV.X1', 12]),
    lang: one([undefined, 'nl', 'fr', 'en', 'de']),
  };
  if (pick(10) === 0) q.aidUsed = 7200;
  if (pick(10) === 0) q.options = one([{}, { own_share_deadline: 'after_application_30_days' }, { ownShare: 1 }]);
  return q;
};

test('quote: the numeric path answers as the JSON door, byte for byte', () => {
  const before = { ...calls };
  let answered = 0;
  for (let i = 0; i < 6000; i++) {
    const q = randomQuestion();
    const json = viaJson('quoteJson', q);
    const mine = viaApi(api.quote, q);
    assert.deepEqual(mine, json, JSON.stringify(q));
    if (json.text) answered++;
  }
  const typed = calls.quoteFigures - before.quoteFigures;
  // The test exercises both doors: most questions are answered by numbers alone.
  assert.ok(answered > 1200, `only ${answered} answers`);
  assert.ok(typed > 1200, `only ${typed} questions took the numeric path`);
  assert.ok(calls.quoteJson - before.quoteJson > 1500, 'the JSON door took the rest');
});

test('quote: an eligible common question never reaches the JSON door', () => {
  const before = calls.quoteJson;
  const q = api.quote({ application_date: '2026-03-10', size_class: 'small', theme: 'personeelsmanagement', cost: 2000, aid_used: '7200.00', lang: 'fr' });
  assert.equal(calls.quoteJson, before);
  assert.deepEqual([q.aid, q.own_share, q.vat, q.capped, q.rate, q.deadlines.complete_by], ['300.00', '1700.00', '420.00', true, '30', '2027-12-31']);
  assert.throws(() => api.quote({ application_date: '2026-03-10', size_class: 'small', theme: 'personeelsmanagement', cost: '-1', lang: 'fr' }), { code: 'NEGATIVE_AMOUNT', path: 'cost', message: /négatif/ });
});

const figure = () =>
  one([`${pick(300)}`, `${pick(300)}.${pick(1000)}`, `${pick(60)}.5`, pick(300), pick(30000) / 100, '49.999', '50', '250', '0', '-1', '1.0001', '1e2', null]);
const money = () =>
  one([`${pick(60000000)}`, `${pick(60000000)}.${pad(pick(100))}`, pick(60000000), '10000000', '10000000.01', '43000000', '50000000', '1000000000000.01', '-1', '0.001', null]);

test('classify: one period\'s figures by numbers, every other form as JSON, one answer', () => {
  const before = { ...calls };
  for (let i = 0; i < 4000; i++) {
    const size = { staff_awu: figure(), turnover: money(), balance_sheet: money() };
    if (pick(20) === 0) delete size.turnover;
    if (pick(20) === 0) size.class = 'small';
    if (pick(20) === 0) size.fiscal_year_end = '12-31';
    assert.deepEqual(viaApi(api.classify, size), viaJson('classifyJson', size), JSON.stringify(size));
  }
  for (const size of [{ class: 'medium' }, [], null, 'small', { staff_awu: '9', turnover: '1', balance_sheet: '1', entities: [] }]) {
    assert.deepEqual(viaApi(api.classify, size), viaJson('classifyJson', size), JSON.stringify(size));
  }
  assert.ok(calls.classifyFigures - before.classifyFigures > 1000);
  assert.ok(calls.classifyJson - before.classifyJson > 500);
});

test('quoteNumbers answers many questions as quote answers each', () => {
  const slots = table.quote_question;
  const at = Object.fromEntries(slots.map((s, i) => [s, i]));
  const out = Object.fromEntries(table.quote_answer.map((s, i) => [s, i]));
  const questions = [];
  const cases = [];
  for (let i = 0; i < 500; i++) {
    const q = {
      application_date: `${2020 + pick(8)}-${pad(1 + pick(12))}-${pad(1 + pick(28))}`,
      size_class: one(table.size_class),
      kind: one(table.kind),
      theme: pick(4) === 0 ? undefined : one(table.theme),
      start_date: pick(2) === 0 ? undefined : `${2020 + pick(8)}-${pad(1 + pick(12))}-${pad(1 + pick(28))}`,
      cost: `${pick(40000)}.${pad(pick(100))}`,
      aid_used: pick(2) === 0 ? undefined : `${pick(8000)}.${pad(pick(100))}`,
      vat_rate: pick(2) === 0 ? undefined : one(['0', '6', '21']),
    };
    const row = new Array(slots.length).fill(0);
    const day = (d) => (d === undefined ? 0 : Number(d.replaceAll('-', '')));
    row[at.application_date] = day(q.application_date);
    row[at.size_class] = table.size_class.indexOf(q.size_class) + 1;
    row[at.kind] = table.kind.indexOf(q.kind) + 1;
    row[at.theme] = q.theme === undefined ? 0 : table.theme.indexOf(q.theme) + 1;
    row[at.start_date] = day(q.start_date);
    row[at.cost] = Math.round(Number(q.cost) * 100);
    row[at.aid_used] = q.aid_used === undefined ? Number.NaN : Math.round(Number(q.aid_used) * 100);
    row[at.vat_rate] = q.vat_rate === undefined ? Number.NaN : Number(q.vat_rate) * 100;
    questions.push(...row);
    cases.push(q);
  }
  // A refused question among them: a day that does not exist.
  const bad = [...questions.slice(0, slots.length)];
  bad[at.application_date] = 20260230;
  const answers = api.quoteNumbers(Float64Array.from([...questions, ...bad]));
  const width = table.quote_answer.length;
  assert.equal(answers.length, (cases.length + 1) * width);
  const cents = (text) => Math.round(Number(text) * 100);
  const day = (d) => (d === null ? 0 : Number(d.replaceAll('-', '')));
  let blocked = 0;
  cases.forEach((q, i) => {
    const a = answers.subarray(i * width, (i + 1) * width);
    const expected = api.quote(q);
    const codes = expected.blocking.map((c) => table.finding_code.indexOf(c) + 1);
    const bits = (from) => codes.filter((n) => n > from && n <= from + 32).reduce((b, n) => b + 2 ** (n - from - 1), 0);
    blocked += expected.eligible ? 0 : 1;
    assert.deepEqual(
      [a[out.status], a[out.eligible], table.size_class[a[out.size_class] - 1], a[out.rate] / 100, a[out.eligible_cost], a[out.aid], a[out.own_share], a[out.vat], a[out.ceiling], a[out.ceiling_left], a[out.capped], a[out.apply_by], a[out.pay_own_share_by], a[out.complete_by], a[out.blocking_low], a[out.blocking_high]],
      [0, expected.eligible ? 1 : 0, expected.size_class, Number(expected.rate), cents(expected.eligible_cost), cents(expected.aid), cents(expected.own_share), cents(expected.vat), cents(expected.ceiling), cents(expected.ceiling_left), expected.capped ? 1 : 0, day(expected.deadlines.apply_by), day(expected.deadlines.pay_own_share_by), day(expected.deadlines.complete_by), bits(0), bits(32)],
      JSON.stringify(q),
    );
  });
  assert.ok(blocked > 50 && blocked < 450, `${blocked} blocked`);
  const last = answers.subarray(cases.length * width);
  assert.equal(table.error[last[out.status] - 1], 'INVALID_DATE');
  assert.equal(table.quote_question[last[out.field] - 1], 'application_date');
});

test('quoteNumbers refuses what is not a whole number, never rounds it', () => {
  const slots = table.quote_question;
  const row = new Float64Array(slots.length);
  row[slots.indexOf('application_date')] = 20260310;
  row[slots.indexOf('size_class')] = 2;
  row[slots.indexOf('cost')] = 200000.5;
  row[slots.indexOf('aid_used')] = Number.NaN;
  row[slots.indexOf('vat_rate')] = Number.NaN;
  const a = api.quoteNumbers(row);
  assert.equal(table.error[a[0] - 1], 'INVALID_NUMBER');
  assert.equal(slots[a[1] - 1], 'cost');
  row[slots.indexOf('cost')] = -100;
  assert.equal(table.error[api.quoteNumbers(row)[0] - 1], 'NEGATIVE_AMOUNT');
  assert.equal(api.quoteNumbers([]).length, 0);
});

test('quoteNumbers refuses what is not whole questions of numbers: KmoError, code and path', () => {
  const width = table.quote_question.length;
  const row = new Float64Array(width);
  row[table.quote_question.indexOf('application_date')] = 20260310;
  row[table.quote_question.indexOf('size_class')] = 2;
  row[table.quote_question.indexOf('cost')] = 200000;
  const refused = (code, path) => (e) => e instanceof KmoError && e.code === code && e.path === path && e.message.length > 0;
  // Not a list of numbers: as the JSON door refuses a value of the wrong type.
  for (const [value, found] of [[null, 'null'], [undefined, 'undefined'], ['abc', 'a string'], [20260310, 'a number'], [{}, 'an object']]) {
    assert.throws(() => api.quoteNumbers(value), (e) => refused('WRONG_TYPE', 'questions')(e) && e.message.endsWith(`found ${found}`), String(value));
  }
  // An item that is not a number is not turned into one (`'2'` → 2, `undefined` → NaN, the default).
  assert.throws(() => api.quoteNumbers(['20260310', ...Array.from(row).slice(1)]), refused('WRONG_TYPE', 'questions[0]'));
  const hole = Array.from(row);
  hole[7] = undefined;
  assert.throws(() => api.quoteNumbers(hole), refused('WRONG_TYPE', 'questions[7]'));
  assert.throws(() => api.quoteNumbers(new BigInt64Array(width)), refused('WRONG_TYPE', 'questions[0]'));
  // Not whole questions: the first number missing, as the JSON door refuses a field left out.
  assert.throws(() => api.quoteNumbers([1, 2, 3]), (e) => refused('MISSING_FIELD', 'questions[3]')(e) && e.message.includes(`\`${table.quote_question[3]}\``));
  assert.throws(() => api.quoteNumbers(Float64Array.from([...row, ...row, 20260310])), refused('MISSING_FIELD', `questions[${2 * width + 1}]`));
  // Whole questions of numbers, in any list of numbers, are answered; a refused slot stays in
  // the answer's status.
  const answer = api.quoteNumbers(row);
  assert.equal(answer.length, table.quote_answer.length);
  assert.deepEqual(api.quoteNumbers(Array.from(row)), answer);
  assert.deepEqual(api.quoteNumbers(Int32Array.from(row)), answer);
  const bad = Float64Array.from(row);
  bad[table.quote_question.indexOf('application_date')] = 20260230;
  assert.equal(table.error[api.quoteNumbers(bad)[0] - 1], 'INVALID_DATE');
  // 0 in a required slot is a value not given: MISSING_FIELD, as a field absent from the document.
  for (const field of ['application_date', 'size_class']) {
    const unset = Float64Array.from(row);
    unset[table.quote_question.indexOf(field)] = 0;
    const answer = api.quoteNumbers(unset);
    const at = (slot) => answer[table.quote_answer.indexOf(slot)];
    assert.deepEqual([table.error[at('status') - 1], table.quote_question[at('field') - 1]], ['MISSING_FIELD', field]);
  }
});
