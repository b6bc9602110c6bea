// The package carries two builds of the same engine: the browser module (pkg/web, optimised for
// size) and the Node.js one (pkg/node, optimised for speed). They answer every request byte for
// byte alike: the golden vectors (and each with a field broken), the random requests of the
// differential test, quick quotes and classifications, through the JSON and the typed doors.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { loadVectors } from './checker.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const node = createRequire(import.meta.url)('../pkg/node/kmo_wasm.js');
const web = await import('../pkg/web/kmo_wasm.js');
web.initSync({ module: readFileSync(new URL('../pkg/web/kmo_wasm_bg.wasm', import.meta.url)) });

test('the two modules are two builds', () => {
  const inline = (file) => readFileSync(new URL(`../pkg/${file}`, import.meta.url), 'utf8');
  assert.notEqual(inline('inline.cjs').split('"')[1], inline('inline.js').split('"')[1]);
});

test('every request: the browser module answers as the Node.js one, byte for byte', () => {
  const requests = loadVectors(`${root}tests/vectors`).map((v) => v.requestText);
  // Errors too: every vector with a field broken, and text that is not JSON.
  for (const text of [...requests]) requests.push(text.replace(/"20(\d\d)-/, '"20$1-1'), text.replace(/"cost": ?"?/, '"cost": "x'));
  requests.push('', '{', '[]', '{"application_date":"2026-03-10"}');
  const differential = `${root}target/differential/requests.ndjson`;
  if (existsSync(differential)) requests.push(...readFileSync(differential, 'utf8').trim().split('\n'));
  assert.ok(requests.length > 1000, `${requests.length} requests`);
  for (const text of requests) assert.equal(web.assessJson(text), node.assessJson(text), text);
});

test('quick quotes and classifications: both doors, both modules, one answer', () => {
  const lists = JSON.parse(node.codesJson());
  let seed = 7;
  const pick = (n) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((seed / 2 ** 31) * n);
  };
  const numbers = [];
  for (let i = 0; i < 2000; i++) {
    const q = {
      application_date: `${2015 + pick(13)}-0${1 + pick(9)}-1${pick(10)}`,
      size_class: lists.size_class[pick(4)],
      theme: lists.theme[pick(lists.theme.length)],
      cost: `${pick(40000)}.${pick(10)}`,
      aid_used: String(pick(8000)),
      lang: ['nl', 'fr', 'en'][pick(3)],
    };
    assert.equal(web.quoteJson(JSON.stringify(q)), node.quoteJson(JSON.stringify(q)));
    const size = JSON.stringify({ staff_awu: String(pick(300)), turnover: String(pick(6e7)), balance_sheet: String(pick(5e7)) });
    assert.equal(web.classifyJson(size), node.classifyJson(size));
    const figures = [pick(300000), pick(6e9), pick(5e9)];
    assert.equal(web.classifyFigures(...figures), node.classifyFigures(...figures));
    numbers.push(Number(q.application_date.replaceAll('-', '')), 1 + pick(4), pick(3), pick(12), pick(3), 0, pick(4000000), pick(900000), Number.NaN, 0, 0, 0);
  }
  assert.deepEqual(web.quoteNumbers(Float64Array.from(numbers)), node.quoteNumbers(Float64Array.from(numbers)));
});
