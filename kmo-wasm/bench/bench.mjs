// JavaScript benchmarks: kmo's `assess` and `quote` per call, marshalling included,
// beside a quick quote written the way a web developer would (decimal.js, and integer cents).
// Prints one JSON line of results. `node bench/bench.mjs`
import Decimal from 'decimal.js';

import { createRequire } from 'node:module';

import { assess, quote } from '../node/index.js';

// The engine's own export, to split `assess` into its stages.
const raw = createRequire(import.meta.url)('../pkg/node/kmo_wasm.js');

function measure(fn, { batch = 1000, rounds = 15, warmup = 20000 } = {}) {
  // Steady state: V8 optimises a function only after many calls; a short warm-up measures
  // its interpreter instead.
  for (let i = 0; i < Math.max(warmup, batch * 2); i++) fn(i);
  const perCall = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn(i);
    perCall.push(Number(process.hrtime.bigint() - t0) / batch);
  }
  perCall.sort((a, b) => a - b);
  const median = perCall[Math.floor(rounds / 2)];
  return { median_ns: median, min_ns: perCall[0], max_ns: perCall[rounds - 1] };
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
const results = {
  response_bytes: responses[0].length,
  node: process.version,
  assess: measure((i) => assess({ ...request, service: { ...request.service, cost: costs[i % 1000] } }), { batch: 200, rounds: 11, warmup: 3000 }),
  quote: measure((i) => quote({ ...q, cost: costs[i % 1000] }), { batch: 5000, rounds: 15 }),
  // The engine's part of `quote`: the question's text in, the answer's text out.
  quote_engine: measure((i) => raw.quoteJson(quoteTexts[i % 1000]), { batch: 5000, rounds: 15 }),
  // `assess` by stage: the request to JSON text, the engine (text in and out of WebAssembly
  // memory included), and the response text to objects.
  assess_stringify: measure((i) => JSON.stringify({ ...request, service: { ...request.service, cost: costs[i % 1000] } }), { batch: 200, rounds: 11, warmup: 3000 }),
  assess_engine: measure((i) => raw.assessJson(texts[i % 1000]), { batch: 200, rounds: 11, warmup: 3000 }),
  assess_parse: measure((i) => JSON.parse(responses[i % 1000]), { batch: 200, rounds: 11, warmup: 3000 }),
  hand_decimal_js: measure((i) => handDecimal({ ...q, cost: costs[i % 1000] })),
  hand_integer_cents: measure((i) => handCents({ size_class: 'small', cost_cents: 10000 + i, aid_used_cents: 720000 }), { batch: 100000 }),
};
// Both kmo and the hand-written code must agree on the cent.
for (let i = 0; i < 1000; i++) {
  const k = quote({ ...q, cost: costs[i] });
  const h = handDecimal({ ...q, cost: costs[i] });
  if (k.aid !== h.aid || k.own_share !== h.own_share) throw new Error(`disagree on ${costs[i]}: ${JSON.stringify(k)} vs ${JSON.stringify(h)}`);
}
console.log(JSON.stringify(results));
