// Random valid requests (written by kmo-core's differential test with the Rust answers): the
// JavaScript face answers exactly as the Rust face, request for request.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { assess } from '../node/index.js';

const dir = fileURLToPath(new URL('../../target/differential/', import.meta.url));

test('random valid requests: JavaScript equals Rust', () => {
  assert.ok(existsSync(`${dir}requests.ndjson`), 'run `cargo test` first: it writes target/differential/');
  const requests = readFileSync(`${dir}requests.ndjson`, 'utf8').trim().split('\n');
  const rust = readFileSync(`${dir}rust.ndjson`, 'utf8').trim().split('\n');
  assert.equal(requests.length, rust.length);
  assert.ok(requests.length >= 1000);
  requests.forEach((text, i) => {
    assert.deepEqual(assess(JSON.parse(text)), JSON.parse(rust[i]), text);
  });
});
