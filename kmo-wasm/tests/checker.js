// The golden-suite checker, as in tests/golden/src/lib.rs: `expect` must be a subset of the
// response; `findings` must be present, `absent` must not; `blocking` is exactly the blocking set.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function loadVectors(dir) {
  const out = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const doc = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    for (const spec of doc.vectors) {
      out.push({ file, name: spec.name, spec, requestText: spec.request_text ?? JSON.stringify(spec.request) });
    }
  }
  return out;
}

function mismatches(expected, actual, path, out) {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected) && actual !== null && typeof actual === 'object' && !Array.isArray(actual)) {
    for (const [k, ev] of Object.entries(expected)) {
      if (!(k in actual)) out.push(`${path}.${k}: missing (expected ${JSON.stringify(ev)})`);
      else mismatches(ev, actual[k], `${path}.${k}`, out);
    }
  } else if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    expected.forEach((ev, i) => mismatches(ev, actual[i], `${path}[${i}]`, out));
  } else if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    out.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

const codes = (r, blockingOnly) => (r.findings ?? []).filter((f) => !blockingOnly || f.severity === 'blocking').map((f) => f.code);

export function check(spec, response) {
  const problems = [];
  mismatches(spec.expect, response, '', problems);
  const present = codes(response, false);
  for (const c of spec.findings ?? []) if (!present.includes(c)) problems.push(`finding ${c} missing`);
  for (const c of spec.absent ?? []) if (present.includes(c)) problems.push(`finding ${c} present`);
  if (spec.blocking) {
    const want = [...spec.blocking].sort().join(',');
    const have = codes(response, true).sort().join(',');
    if (want !== have) problems.push(`blocking: expected ${want}, got ${have}`);
  }
  if (!response.error && !response.eligible && codes(response, true).length === 0) problems.push('ineligible without a blocking reason');
  return problems;
}
