// JavaScript benchmarks: kmo's `assess` and `quote` per call, marshalling included,
// beside a quick quote written the way a web developer would (decimal.js, and integer cents).
// Prints one JSON line of results. `node bench/bench.mjs`
import Decimal from 'decimal.js';

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { assess, classify, quote } from '../node/index.js';

// The engine's own export, to split `assess` into its stages: the Node.js module (built for
// speed), and the browsers' module (built for size) beside it, for the trade-off between them.
const raw = createRequire(import.meta.url)('../pkg/node/kmo_wasm.js');
const browser = await import('../pkg/web/kmo_wasm.js');
browser.initSync({ module: readFileSync(new URL('../pkg/web/kmo_wasm_bg.wasm', import.meta.url)) });

/**
 * Nanoseconds per call of each function, measured together: each round runs every function's
 * batch in turn, so that what compares (kmo beside decimal.js, a stage beside the whole) sees
 * the same machine, however loaded. Medians and minimums of the rounds.
 */
function together(entries, { rounds = 15 } = {}) {
  const list = Object.entries(entries).map(([name, [fn, { batch = 1000, warmup = 20000 } = {}]]) => ({ name, fn, batch, warmup, perCall: [] }));
  // Steady state: V8 optimises a function only after many calls; a short warm-up measures
  // its interpreter instead.
  for (const e of list) for (let i = 0; i < Math.max(e.warmup, e.batch * 2); i++) e.fn(i);
  for (let r = 0; r < rounds; r++) {
    for (const e of list) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < e.batch; i++) e.fn(i);
      e.perCall.push(Number(process.hrtime.bigint() - t0) / e.batch);
    }
  }
  return Object.fromEntries(list.map((e) => {
    e.perCall.sort((a, b) => a - b);
    return [e.name, { median_ns: e.perCall[Math.floor(rounds / 2)], min_ns: e.perCall[0], max_ns: e.perCall[rounds - 1] }];
  }));
}

const request = {
  application_date: '2026-03-10',
  lang: 'nl',
  enterprise: { legal_form: 'bv', nace: '62.010', flemish_establishment: true, related_to_provider: false, size: { class: 'small' } },
  service: { kind: 'training', theme: 'personeelsmanagement', provider: 'DV.O236459', start_date: '2026-03-02', cost: '2000.00', vat_rate: '21' },
  wallet: { aid_used: '7200.00' },
};
const q = { application_date: '2026-03-10', size_class: 'small', theme: 'personeelsmanagement', cost: '2000.00', aid_used: '7200.00' };

// The same formula by hand (size class → rate, 7 500 ceiling, rounding to the cent), as a web
// developer would write it for 2026.
const RATE = { micro: 30, small: 30, medium: 20 };
function handDecimal({ size_class, cost, aid_used }) {
  const raw = new Decimal(cost).times(RATE[size_class]).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const left = Decimal.max(0, new Decimal(7500).minus(aid_used));
  const aid = Decimal.min(raw, left);
  return { aid: aid.toFixed(2), own_share: new Decimal(cost).minus(aid).toFixed(2) };
}
// The size class first (REC-2003/361 art. 2), by hand in decimal.js, then the same quote.
const LEVELS = [
  ['micro', 10, new Decimal(2e6), new Decimal(2e6)],
  ['small', 50, new Decimal(1e7), new Decimal(1e7)],
  ['medium', 250, new Decimal(5e7), new Decimal(4.3e7)],
];
function handClassifyDecimal({ staff_awu, turnover, balance_sheet }) {
  const staff = new Decimal(staff_awu);
  const t = new Decimal(turnover);
  const b = new Decimal(balance_sheet);
  for (const [name, below, tmax, bmax] of LEVELS) {
    if (staff.lessThan(below) && (t.lessThanOrEqualTo(tmax) || b.lessThanOrEqualTo(bmax))) return name;
  }
  return 'large';
}
function handCents({ size_class, cost_cents, aid_used_cents }) {
  const p = cost_cents * RATE[size_class];
  const raw = (p - (p % 100)) / 100 + (p % 100 >= 50 ? 1 : 0);
  const aid = Math.min(raw, Math.max(0, 750000 - aid_used_cents));
  return { aid_cents: aid, own_share_cents: cost_cents - aid };
}

const costs = Array.from({ length: 1000 }, (_, i) => `${100 + ((i * 7919) % 40000)}.${String(i % 100).padStart(2, '0')}`);
const texts = costs.map((cost) => JSON.stringify({ ...request, service: { ...request.service, cost } }));
const responses = texts.map((t) => raw.assessJson(t));
const quoteTexts = costs.map((cost) => JSON.stringify({ ...q, cost }));
// Figures of SMEs, around the ceilings, as a page's form gives them (a large enterprise's
// quote is not eligible: its blocking reason comes with its message, through the JSON door,
// measured apart as quote_blocked).
const figures = Array.from({ length: 1000 }, (_, i) => ({
  staff_awu: `${(i * 37) % 250}.${i % 10}`,
  turnover: String(((i * 7_919_993) % 60_000_000) + (i % 3)),
  balance_sheet: String(((i * 3_571_113) % 50_000_000) + (i % 7)),
}));
const classifyQuote = (i) => {
  const size = classify(figures[i % 1000]);
  return quote({ ...q, size_class: size.size_class, cost: costs[i % 1000] });
};
const handClassifyQuote = (i) => {
  const size_class = handClassifyDecimal(figures[i % 1000]);
  return size_class === 'large' ? null : handDecimal({ ...q, size_class, cost: costs[i % 1000] });
};
const slow = { batch: 200, warmup: 3000 };
const results = {
  response_bytes: responses[0].length,
  node: process.version,
  ...together({
    assess: [(i) => assess({ ...request, service: { ...request.service, cost: costs[i % 1000] } }), slow],
    // `assess` by stage: the request to JSON text, the engine (text in and out of WebAssembly
    // memory included), and the response text to objects.
    assess_stringify: [(i) => JSON.stringify({ ...request, service: { ...request.service, cost: costs[i % 1000] } }), slow],
    assess_engine: [(i) => raw.assessJson(texts[i % 1000]), slow],
    assess_parse: [(i) => JSON.parse(responses[i % 1000]), slow],
    // The browsers' module (size build) on the same request, for the size/speed trade-off.
    assess_engine_browser: [(i) => browser.assessJson(texts[i % 1000]), slow],
  }, { rounds: 11 }),
  ...together({
    quote: [(i) => quote({ ...q, cost: costs[i % 1000] }), { batch: 5000 }],
    hand_decimal_js: [(i) => handDecimal({ ...q, cost: costs[i % 1000] }), { batch: 5000 }],
    // The side-by-side work: the class from figures, then the quote.
    classify_quote: [classifyQuote, { batch: 5000 }],
    hand_classify_quote_decimal_js: [handClassifyQuote, { batch: 5000 }],
    // The engine's part of `quote` through the JSON door: the question's text in, the
    // answer's text out; in both modules.
    quote_engine: [(i) => raw.quoteJson(quoteTexts[i % 1000]), { batch: 5000 }],
    quote_engine_browser: [(i) => browser.quoteJson(quoteTexts[i % 1000]), { batch: 5000 }],
    quote_blocked: [(i) => quote({ ...q, size_class: 'large', cost: costs[i % 1000] }), { batch: 1000, warmup: 5000 }],
  }),
  ...together({
    hand_integer_cents: [(i) => handCents({ size_class: 'small', cost_cents: 10000 + i, aid_used_cents: 720000 }), { batch: 100000 }],
  }),
};
// Both kmo and the hand-written code must agree on the cent, the class included.
for (let i = 0; i < 1000; i++) {
  const k = classifyQuote(i);
  const h = handClassifyQuote(i);
  if (h === null ? k.eligible : k.aid !== h.aid || k.own_share !== h.own_share) throw new Error(`disagree on ${JSON.stringify(figures[i])}: ${JSON.stringify(k)} vs ${JSON.stringify(h)}`);
}
for (let i = 0; i < 1000; i++) {
  const k = quote({ ...q, cost: costs[i] });
  const h = handDecimal({ ...q, cost: costs[i] });
  if (k.aid !== h.aid || k.own_share !== h.own_share) throw new Error(`disagree on ${costs[i]}: ${JSON.stringify(k)} vs ${JSON.stringify(h)}`);
}
console.log(JSON.stringify(results));
