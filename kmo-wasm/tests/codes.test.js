// The string-literal unions of index.d.ts (FindingCode, InputErrorCode, WalletErrorCode) name
// exactly the codes the engine can give: a code added to the Rust side must reach the types.
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

function quoted(text, what) {
  assert.ok(text, `found ${what} in the Rust sources (update this test if they moved)`);
  return [...text.matchAll(/=> "([A-Z0-9_]+)"/g)].map((x) => x[1]).sort();
}

test('FindingCode is every finding code of kmo-core', () => {
  const block = /coded_enum!\(\s*(?:\/\/\/.*\n\s*)*FindingCode,[\s\S]*?\n\);/.exec(read('../../kmo-core/src/findings.rs'))?.[0];
  const codes = quoted(block, 'the FindingCode enum');
  assert.ok(codes.length > 30);
  assert.deepEqual(union('FindingCode'), codes);
});

test('InputErrorCode is every input error code of kmo-core', () => {
  const block = /pub (?:const )?fn as_str\(self\) -> &'static str \{[\s\S]*?\n {4}\}/.exec(read('../../kmo-core/src/error.rs'))?.[0];
  assert.deepEqual(union('InputErrorCode'), quoted(block, 'InputErrorCode::as_str'));
});

test('WalletErrorCode is every code a wallet refusal of kmo-core gives', () => {
  const block = /pub fn code\(&self\) -> &'static str \{[\s\S]*?\n {4}\}/.exec(read('../../kmo-core/src/wallet.rs'))?.[0];
  assert.deepEqual(union('WalletErrorCode'), quoted(block, 'WalletError::code in kmo-core/src/wallet.rs'));
});

test('ErrorCode adds the codes of the JavaScript layer', () => {
  const m = /export type ErrorCode = ([^;]*);/.exec(types);
  assert.ok(m);
  assert.match(m[1], /InputErrorCode \| WalletErrorCode/);
  const thrown = new Set();
  for (const file of ['../js/api.js', '../web/gate.js', '../browser/index.js']) {
    for (const x of read(file).matchAll(/new KmoError\('([A-Z0-9_]+)'/g)) thrown.add(x[1]);
  }
  for (const code of thrown) {
    assert.ok(union('InputErrorCode').includes(code) || m[1].includes(`'${code}'`), `${code} is in ErrorCode`);
  }
});
