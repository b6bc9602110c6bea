// The calculator's lean engines (pkg/calculator/engine-<lang>.wasm: one language's texts, no full
// SME definition, no wallet history) answer every request exactly as the full engine does, byte
// for byte, in their language; what they leave out is refused with NOT_IN_THIS_BUILD at the
// field, never ignored. Requests: the golden vectors, the bad-input catalogue and the random
// requests of the differential test, each asked in nl, fr and en.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { loadVectors } from './checker.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = fileURLToPath(new URL('../pkg/', import.meta.url));
const full = createRequire(import.meta.url)('../pkg/node/kmo_wasm.js');

const LANGS = ['nl', 'fr', 'en'];
const lean = {};
for (const lang of LANGS) {
  const glue = await import(`../pkg/calculator/engine-${lang}.js`);
  glue.initSync({ module: readFileSync(`${pkg}calculator/engine-${lang}.wasm`) });
  lean[lang] = glue;
}

// The keys of the full form of `enterprise.size` (kmo-core's json/request.rs), in its order.
const FULL_FORM = ['periods', 'entities', 'holdings', 'controls', 'prior_class', 'ownership_change', 'id', 'consolidates', 'market'];

/** The paths a lean engine may refuse in this request: what it leaves out. */
function leftOut(request) {
  const out = [];
  const size = request?.enterprise?.size;
  if (size && typeof size === 'object' && !Array.isArray(size)) {
    for (const key of FULL_FORM) if (Object.hasOwn(size, key)) out.push(`enterprise.size.${key}`);
    // One period's figures given as an estimate are the full form's single period (json/request.rs).
    if (size.estimate === true) out.push('enterprise.size.estimate');
  }
  const wallet = request?.wallet;
  if (wallet && typeof wallet === 'object' && Object.hasOwn(wallet, 'applications')) out.push('wallet.applications');
  return out;
}

function requests() {
  const out = loadVectors(`${root}tests/vectors`).map((v) => [`${v.file} / ${v.name}`, v.requestText]);
  for (const [file, field] of [['target/bad-inputs/cases.ndjson', 'request'], ['target/differential/requests.ndjson', null]]) {
    assert.ok(existsSync(`${root}${file}`), `run \`cargo test\` first: it writes ${file}`);
    readFileSync(`${root}${file}`, 'utf8').trim().split('\n').forEach((line, i) => {
      const c = JSON.parse(line);
      out.push([`${file}:${i + 1}${c.name ? ` ${c.name}` : ''}`, field ? c[field] : line]);
    });
  }
  return out;
}

test('each lean engine answers as the full engine, in its language, or refuses what it leaves out', (t) => {
  const all = requests();
  assert.ok(all.length >= 2000, `${all.length} requests`);
  const failures = [];
  let same = 0;
  let refused = 0;
  let plain = 0; // requests with nothing a lean engine leaves out: the same bytes in every language
  for (const [name, text] of all) {
    let request;
    try {
      request = JSON.parse(text);
    } catch {
      request = undefined;
    }
    const objectRequest = request !== null && typeof request === 'object' && !Array.isArray(request);
    if (!objectRequest || leftOut(request).length === 0) plain++;
    for (const lang of LANGS) {
      // The request asked in this language (a request that is not an object stays as it is).
      const asked = objectRequest ? JSON.stringify({ ...request, lang }) : text;
      const expected = full.assessJson(asked);
      const got = lean[lang].assessJson(asked);
      if (JSON.parse(expected).error?.code === 'NOT_IN_THIS_BUILD') failures.push(`${name} (${lang}): the full engine refused it`);
      if (got === expected) {
        same++;
        continue;
      }
      const error = JSON.parse(got).error;
      if (error?.code === 'NOT_IN_THIS_BUILD' && objectRequest && leftOut(request).includes(error.path)) {
        refused++;
        continue;
      }
      // A document the reader gives up on before it reaches `lang` (not JSON, nested too
      // deep): the full engine writes the error in English, a lean one in the language it has.
      const unread = !objectRequest || full.assessJson(JSON.stringify({ ...request, lang: 'en' })) === expected;
      const fullError = JSON.parse(expected).error;
      if (unread && error && fullError && fullError.code === error.code && fullError.path === error.path) {
        same++;
        continue;
      }
      failures.push(`${name} (${lang}):\n  full: ${expected.slice(0, 300)}\n  lean: ${got.slice(0, 300)}`);
    }
  }
  t.diagnostic(`${all.length} requests × 3 languages: ${same} answers identical to the full engine's, ${refused} refusals at a field left out`);
  assert.deepEqual(failures.slice(0, 10), []);
  assert.ok(refused >= 3 * 20, `${refused} refusals: the golden vectors of the full SME definition and the wallet`);
  assert.ok(plain >= 1000, `${plain} requests without the full SME definition or a wallet history`);
  assert.ok(same >= 3 * plain, `${same} identical answers for ${plain} such requests in three languages`);
});

test('a request in a language the engine does not carry: NOT_IN_THIS_BUILD at lang, in its own language', () => {
  const request = {
    application_date: '2026-03-10',
    enterprise: { size: { class: 'small' } },
    service: { kind: 'training', theme: 'innovatie', cost: '2000' },
  };
  const words = { nl: 'alleen de teksten in nl', fr: 'que les textes en fr', en: 'carries the texts in en only' };
  for (const lang of LANGS) {
    for (const other of LANGS.filter((l) => l !== lang)) {
      const { error } = JSON.parse(lean[lang].assessJson(JSON.stringify({ ...request, lang: other })));
      assert.equal(error.code, 'NOT_IN_THIS_BUILD', `${lang} asked in ${other}`);
      assert.equal(error.path, 'lang');
      assert.ok(error.message.includes(words[lang]), error.message);
    }
    // Without `lang`, the engine answers in the one it carries.
    const answer = JSON.parse(lean[lang].assessJson(JSON.stringify(request)));
    assert.equal(answer.lang, lang);
    assert.equal(answer.own_share, JSON.parse(full.assessJson(JSON.stringify(request))).own_share);
  }
});

test('the full form of the size and a wallet history are refused at the field, not ignored', () => {
  const base = {
    application_date: '2026-03-10',
    lang: 'nl',
    enterprise: { size: { staff_awu: '12', turnover: '1800000', balance_sheet: '900000' } },
    service: { kind: 'training', theme: 'innovatie', cost: '2000' },
  };
  const cases = [
    [{ ...base, enterprise: { size: { ...base.enterprise.size, entities: [] } } }, 'enterprise.size.entities'],
    [{ ...base, enterprise: { size: { periods: [{ closing_date: '2025-12-31', staff_awu: '3', turnover: '1', balance_sheet: '1' }] } } }, 'enterprise.size.periods'],
    [{ ...base, wallet: { applications: [{ application_date: '2026-02-01', aid: '7000.00' }] } }, 'wallet.applications'],
  ];
  for (const [request, path] of cases) {
    const { error } = JSON.parse(lean.nl.assessJson(JSON.stringify(request)));
    assert.deepEqual([error.code, error.path], ['NOT_IN_THIS_BUILD', path]);
    assert.ok(error.message.includes('volledige'), error.message);
    assert.equal(JSON.parse(full.assessJson(JSON.stringify(request))).error, undefined, 'the full engine answers it');
  }
  // What the lean engine keeps: `aid_used` instead of a history.
  const used = JSON.parse(lean.nl.assessJson(JSON.stringify({ ...base, wallet: { aid_used: '7000' } })));
  assert.equal(used.aid, '500.00');
});

test('the lean engines export the assessment and the version only', () => {
  for (const lang of LANGS) {
    const names = Object.keys(lean[lang]).filter((k) => typeof lean[lang][k] === 'function' && k !== 'default' && k !== 'initSync');
    assert.deepEqual(names.sort(), ['assessJson', 'engine']);
    assert.equal(lean[lang].engine(), full.engine());
  }
});
