// The golden suite through the JavaScript `assess`, vector for vector equal to the Rust run.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { assess, KmoError } from '../node/index.js';
import { check, loadVectors } from './checker.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const vectors = loadVectors(`${root}tests/vectors`);

/** What `assess` answers, as a document: the response, or the error it threw (its code, path and message). */
function answer(requestText) {
  let request;
  try {
    request = JSON.parse(requestText);
  } catch {
    return null; // not JSON: not something a JS caller can pass as an object
  }
  try {
    return assess(request);
  } catch (e) {
    if (e instanceof KmoError) return { error: { code: e.code, path: e.path, message: e.message } };
    throw e;
  }
}

test('the golden suite through assess()', () => {
  assert.ok(vectors.length >= 120, `${vectors.length} vectors`);
  const failures = [];
  for (const v of vectors) {
    const response = answer(v.requestText);
    if (response === null) continue;
    const problems = check(v.spec, response);
    if (problems.length) failures.push(`${v.file} / ${v.name}: ${problems.join('; ')}`);
  }
  assert.deepEqual(failures, []);
});

test('every vector answers exactly as the Rust face', () => {
  const file = `${root}target/golden/rust.ndjson`;
  assert.ok(existsSync(file), 'run `cargo test` first: it writes target/golden/rust.ndjson');
  const rust = readFileSync(file, 'utf8').split('\n').filter((l, i, all) => i < all.length - 1);
  assert.equal(rust.length, vectors.length);
  let compared = 0;
  vectors.forEach((v, i) => {
    const js = answer(v.requestText);
    if (js === null) return;
    const expected = JSON.parse(rust[i]);
    if (expected.error) {
      assert.deepEqual(js, { error: { code: expected.error.code, path: expected.error.path, message: expected.error.message } }, v.name);
    } else {
      assert.deepEqual(js, expected, `${v.file} / ${v.name}`);
    }
    compared++;
  });
  assert.ok(compared >= vectors.length - 5);
});
