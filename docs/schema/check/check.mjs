// Validates the JSON documents of kmo against the JSON Schemas of docs/schema, with Ajv
// (draft 2020-12). Run by scripts/check-schema, after `cargo test -p kmo-golden`, which writes
// the engine's answers under target/:
//
//   target/golden/rust.ndjson          the response to every golden vector, in suite order
//   target/differential/requests.ndjson  2 000 random valid requests …
//   target/differential/rust.ndjson      … and their responses
//   target/docs/documents.ndjson       the engine's other inputs and answers (quick quotes,
//                                      classifications, wallets, rulebooks, …), one per line:
//                                      {"schema": "request"|"response", "def": …, "document": …}
//
// The rules:
//
// - Every request the engine answers without an error (each golden vector whose expected
//   response is not an error document, each random request) must validate against
//   request.schema.json.
// - A vector whose expected response is an error document is invalid input on purpose. It is
//   not required to fail the schema (a schema cannot see every check: an enterprise number's
//   check digits, a de minimis aid dated after the application, a cycle of control); the
//   script counts how many the schema rejects and names those it accepts.
// - The schema allows unknown request fields, as the engine does (it ignores them with a
//   warning). The script also validates every answered request against a closed copy of the
//   schema (no field beyond the named ones): the fields the closed copy refuses must be
//   exactly the fields the engine's response names in its UNKNOWN_FIELD_IGNORED warnings. So
//   the schema names every field the engine reads, and no field it does not.
// - Every answer must validate against response.schema.json: the response document or the
//   error document; the other answers against their `$defs` entry (or the error document).
//
// Exits 1 on any failure, and prints the counts.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '../../..');
const schemaDir = join(root, 'docs/schema');
const read = (path) => readFileSync(path, 'utf8');
const lines = (path) => read(path).split('\n').filter((l) => l.trim() !== '');

const needed = [
  'target/golden/rust.ndjson',
  'target/differential/requests.ndjson',
  'target/differential/rust.ndjson',
  'target/docs/documents.ndjson',
];
const missing = needed.filter((p) => !existsSync(join(root, p)));
if (missing.length > 0) {
  console.error(`missing ${missing.join(', ')}: run \`cargo test -p kmo-golden\` first`);
  process.exit(1);
}

const requestSchema = JSON.parse(read(join(schemaDir, 'request.schema.json')));
const responseSchema = JSON.parse(read(join(schemaDir, 'response.schema.json')));

// The closed copy: every object schema with named properties refuses any other field.
function closed(schema) {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema)) {
    // `properties` maps names to schemas: close the schemas, keep the names.
    out[k] = k === 'properties' || k === '$defs'
      ? Object.fromEntries(Object.entries(v).map(([name, s]) => [name, closed(s)]))
      : closed(v);
  }
  if (out.type === 'object' && out.properties && !('additionalProperties' in out)) {
    out.additionalProperties = false;
  }
  return out;
}
const closedSchema = closed(requestSchema);
closedSchema.$id = requestSchema.$id.replace('request.schema.json', 'request.closed.schema.json');

const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
ajv.addSchema(requestSchema);
ajv.addSchema(responseSchema);
ajv.addSchema(closedSchema);
const validateRequest = ajv.getSchema(requestSchema.$id);
const validateClosed = ajv.getSchema(closedSchema.$id);
const validateResponse = ajv.getSchema(responseSchema.$id);
const defValidators = new Map();
function validatorOf(schema, def) {
  const key = `${schema}#${def}`;
  if (!defValidators.has(key)) {
    const id = schema === 'request' ? requestSchema.$id : responseSchema.$id;
    const ref = { $ref: `${id}#/$defs/${def}` };
    // An answer may always be the error document instead.
    const s = schema === 'request' ? ref : { oneOf: [ref, { $ref: `${responseSchema.$id}#/$defs/error` }] };
    defValidators.set(key, ajv.compile(s));
  }
  return defValidators.get(key);
}

const failures = [];
const fail = (what, errors) => {
  const detail = (errors ?? [])
    .slice(0, 6)
    .map((e) => `${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`)
    .join('; ');
  failures.push(`${what}${detail ? `: ${detail}` : ''}`);
};

// `/enterprise/size/entities/0` + `kind` → `enterprise.size.entities[0].kind`.
function fieldPath(pointer, name) {
  let path = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^[0-9]+$/.test(part) ? `[${part}]` : path === '' ? part : `.${part}`;
  }
  return path === '' ? name : `${path}.${name}`;
}

// The fields the closed schema refuses, as the engine names them.
function unknownFields(request) {
  if (validateClosed(request)) return [];
  return [...new Set(validateClosed.errors
    .filter((e) => e.keyword === 'additionalProperties')
    .map((e) => fieldPath(e.instancePath, e.params.additionalProperty)))].sort();
}
const ignoredFields = (response) => [...new Set((response.findings ?? [])
  .filter((f) => f.code === 'UNKNOWN_FIELD_IGNORED')
  .map((f) => f.path))].sort();

const counts = {
  validRequests: 0, unknownChecked: 0, errorVectors: 0, errorVectorsRejected: 0, notJson: 0,
  responses: 0, documents: 0,
};
const acceptedErrorVectors = [];

// An answered request: valid against the schema, and its unknown fields those the engine named.
function checkAnswered(what, request, response) {
  counts.validRequests += 1;
  if (!validateRequest(request)) {
    fail(`${what}: request refused by request.schema.json`, validateRequest.errors);
    return;
  }
  const refused = unknownFields(request);
  const ignored = ignoredFields(response);
  counts.unknownChecked += 1;
  if (JSON.stringify(refused) !== JSON.stringify(ignored)) {
    failures.push(`${what}: fields outside the schema ${JSON.stringify(refused)}, `
      + `fields the engine ignored ${JSON.stringify(ignored)}`);
  }
}

function checkResponse(what, response) {
  counts.responses += 1;
  if (!validateResponse(response)) fail(`${what}: response refused by response.schema.json`, validateResponse.errors);
}

// 1. The golden vectors, in the order of target/golden/rust.ndjson (files in name order).
const vectorDir = join(root, 'tests/vectors');
const vectors = readdirSync(vectorDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => JSON.parse(read(join(vectorDir, f))).vectors.map((v) => ({ file: f, ...v })));
const golden = lines(join(root, 'target/golden/rust.ndjson')).map((l) => JSON.parse(l));
if (golden.length !== vectors.length) {
  failures.push(`target/golden/rust.ndjson has ${golden.length} responses for ${vectors.length} vectors: run \`cargo test -p kmo-golden --test vectors\` again`);
} else {
  vectors.forEach((v, i) => {
    const what = `${v.file} / ${v.name}`;
    const response = golden[i];
    checkResponse(what, response);
    let request = v.request;
    if ('request_text' in v) {
      try {
        request = JSON.parse(v.request_text);
      } catch {
        counts.notJson += 1;
        return;
      }
    }
    if (v.expect && 'error' in v.expect) {
      counts.errorVectors += 1;
      if (validateRequest(request)) acceptedErrorVectors.push(`${what} (${v.expect.error.code})`);
      else counts.errorVectorsRejected += 1;
      return;
    }
    if ('error' in response) {
      failures.push(`${what}: the engine refused a request the vector expects an answer to`);
      return;
    }
    checkAnswered(what, request, response);
  });
}

// 2. The random valid requests of the differential tests.
const randomRequests = lines(join(root, 'target/differential/requests.ndjson')).map((l) => JSON.parse(l));
const randomResponses = lines(join(root, 'target/differential/rust.ndjson')).map((l) => JSON.parse(l));
if (randomRequests.length !== randomResponses.length) {
  failures.push('target/differential: requests and responses differ in number');
} else {
  randomRequests.forEach((request, i) => {
    const what = `random request ${i}`;
    checkResponse(what, randomResponses[i]);
    if ('error' in randomResponses[i]) failures.push(`${what}: refused by the engine`);
    else checkAnswered(what, request, randomResponses[i]);
  });
}

// 3. The engine's other inputs and answers.
lines(join(root, 'target/docs/documents.ndjson')).forEach((l, i) => {
  const { schema, def, document } = JSON.parse(l);
  counts.documents += 1;
  const validate = validatorOf(schema, def);
  if (!validate(document)) fail(`documents.ndjson line ${i + 1} (${schema} ${def})`, validate.errors);
});

console.log(`request.schema.json: ${counts.validRequests} answered requests valid `
  + `(${vectors.length} golden vectors, ${randomRequests.length} random), `
  + `unknown fields equal to the engine's warnings in ${counts.unknownChecked}`);
console.log(`  error vectors (invalid on purpose, not required to fail): ${counts.errorVectors}, `
  + `rejected by the schema: ${counts.errorVectorsRejected}, not JSON: ${counts.notJson}`);
for (const name of acceptedErrorVectors) console.log(`    accepted by the schema, refused by the engine: ${name}`);
console.log(`response.schema.json: ${counts.responses} responses, ${counts.documents} other documents`);
if (failures.length > 0) {
  console.error(`\n${failures.length} failure(s):`);
  for (const f of failures.slice(0, 50)) console.error(`  ${f}`);
  if (failures.length > 50) console.error(`  … and ${failures.length - 50} more`);
  process.exit(1);
}
console.log('schema check passed');
