// The codes of the JavaScript layer are in ErrorCode. (The unions of index.d.ts themselves are
// generated from kmo-core's catalogue by `cargo run -p kmo-generate`, and a Rust test fails while
// they are not current.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const types = read('../index.d.ts');

function union(name) {
  const m = new RegExp(`export type ${name} =([^;]*);`).exec(types);
  assert.ok(m, `index.d.ts declares ${name}`);
  return [...m[1].matchAll(/'([A-Z0-9_]+)'/g)].map((x) => x[1]).sort();
}

test('ErrorCode adds the codes of the JavaScript layer', () => {
  const m = /export type ErrorCode = ([^;]*);/.exec(types);
  assert.ok(m);
  assert.match(m[1], /InputErrorCode \| WalletErrorCode/);
  const thrown = new Set();
  for (const file of ['../js/api.js', '../web/gate.js', '../browser/index.js']) {
    for (const x of read(file).matchAll(/new KmoError\('([A-Z0-9_]+)'/g)) thrown.add(x[1]);
  }
  assert.ok(thrown.size > 0);
  for (const code of thrown) {
    assert.ok(union('InputErrorCode').includes(code) || m[1].includes(`'${code}'`), `${code} is in ErrorCode`);
  }
});
