// Every code example of the READMEs and docs/, taken from the Markdown itself (so that the text and
// the test cannot drift apart), run, and held to what it says it prints: a trailing comment with
// a value (`q.aid; // "600.00"`, `console.log(x); // 600.00`) is checked against what the line
// gives. Node.js examples run on the Node.js entry; browser examples (a page's script, a Web
// Worker, a script from a CDN) on the browser entry, in Node.js, with a stand-in for the few DOM
// calls they make; TypeScript is type-checked (strict) and run. A block this test cannot run
// names where it runs instead (the consumer tests, the calculator's browser test, the Rust and C
// tests), and this test checks that the place exists; a block of an unknown kind fails.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import ts from 'typescript';

import { allBlocks, blocks, ROOT, statedLines, statedValue } from './markdown.mjs';

const PKG = join(ROOT, 'kmo-wasm');
const pkg = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
const ENTRY = {
  node: pathToFileURL(join(PKG, 'node/index.js')).href,
  browser: pathToFileURL(join(PKG, 'browser/index.js')).href,
  web: pathToFileURL(join(PKG, 'web/index.js')).href,
};
const work = mkdtempSync(join(tmpdir(), 'kmo-readme-'));
const require = createRequire(import.meta.url);

// ---- what the examples print, checked as they run
const results = new Map(); // "block:id" → { ok, got, want }
globalThis.__kmoReadme = {
  value(key, got, want) {
    let ok = true;
    try {
      assert.deepEqual(got, want);
    } catch {
      ok = false;
    }
    results.set(key, { ok, got, want });
    return got;
  },
  print(key, want, ...args) {
    const got = args.map(String).join(' ');
    results.set(key, { ok: got === want, got, want });
    console.log(...args);
  },
};

/** The block's code with every stated line checked, and the keys of its checks. */
function instrument(code, tag) {
  const lines = code.split('\n');
  const keys = [];
  for (const s of statedLines(code)) {
    const key = `${tag}:${s.line + 1}`;
    const literal = statedValue(s.comment);
    if (/\bconsole\.log\(/.test(s.statement)) {
      const want = literal ? literal.text : s.comment.split(/\s{2,}/)[0].trim();
      lines[s.line] = `${s.indent}${s.statement.replace(/\bconsole\.log\(/g, `__kmoReadme.print(${JSON.stringify(key)}, ${JSON.stringify(want)}, `)}`;
      keys.push(key);
    } else if (literal && !/^(const|let|var|return|if|for|import|export|throw)\b/.test(s.statement)) {
      lines[s.line] = `${s.indent}__kmoReadme.value(${JSON.stringify(key)}, (${s.statement.slice(0, -1)}), ${JSON.stringify(literal.value)});`;
      keys.push(key);
    }
  }
  return { code: lines.join('\n'), keys };
}

/** The package's name (and a CDN's URL of it) → the local entry the example's environment loads. */
function relink(code, environment) {
  const cdn = /https:\/\/(?:cdn\.jsdelivr\.net\/npm|unpkg\.com)\/kmo-portefeuille@([^/'"\s]+)\/([^'"\s]+)/g;
  for (const [, version] of code.matchAll(cdn)) assert.equal(version, pkg.version, 'the CDN URL pins the package\'s version');
  return code
    .replace(cdn, (_, version, path) => pathToFileURL(join(PKG, path)).href)
    .replace(/(['"])kmo-portefeuille(\/web)?\1/g, (_, q, web) => `${q}${web ? ENTRY.web : ENTRY[environment]}${q}`);
}
const ENTRY_CJS = join(PKG, 'node/index.cjs');
function relinkCommonJs(code) {
  return code.replace(/require\((['"])kmo-portefeuille\1\)/g, `require(${JSON.stringify(ENTRY_CJS)})`);
}

let counter = 0;
async function runModule(code, environment, ext = 'mjs') {
  const file = join(work, `example-${++counter}.${ext}`);
  writeFileSync(file, ext === 'cjs' ? relinkCommonJs(code) : relink(code, environment));
  if (ext === 'cjs') require(file.replace(/\.cjs$/, '.cjs'));
  else await import(pathToFileURL(file).href);
  return file;
}

/** Waits until every check of `keys` has run (examples may print from a promise or an event). */
async function settled(keys, where) {
  const deadline = Date.now() + 15_000;
  while (keys.some((k) => !results.has(k)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const missing = keys.filter((k) => !results.has(k));
  assert.deepEqual(missing, [], `${where}: lines that never ran`);
  for (const k of keys) {
    const r = results.get(k);
    assert.ok(r.ok, `${where} line ${k.split(':').pop()}: printed ${JSON.stringify(r.got)}, the README says ${JSON.stringify(r.want)}`);
  }
  assert.ok(keys.length > 0, `${where}: the example says nothing it prints (add a comment with the value)`);
}

// ---- the stand-ins for a browser's page and workers
const elements = new Map();
globalThis.document = {
  querySelector: (selector) => {
    if (!elements.has(selector)) elements.set(selector, { selector, textContent: '' });
    return elements.get(selector);
  },
};
globalThis.document.getElementById = (id) => globalThis.document.querySelector(`#${id}`);

function workerClass(file) {
  return class Worker {
    constructor(url) {
      const block = blocks(file).find((b) => b.name === basename(new URL(url).pathname));
      assert.ok(block, `${file}: no block named ${url}`);
      const scope = { postMessage: (data) => setTimeout(() => this.onmessage?.({ data })) };
      this.ready = (async () => {
        globalThis.self = scope;
        const { code, keys } = instrument(block.code, `${block.where}`);
        await runModule(code, 'browser');
        this.keys = keys;
      })();
      this.scope = scope;
    }
    postMessage(data) {
      this.ready.then(() => this.scope.onmessage({ data }));
    }
  };
}

// ---- the runners
const RUN = {
  // An ES module for Node.js (top-level await allowed).
  async node(block) {
    const { code, keys } = instrument(block.code, block.where);
    await runModule(code, 'node');
    await settled(keys, block.where);
  },
  async commonjs(block) {
    const { code, keys } = instrument(block.code, block.where);
    await runModule(code, 'node', 'cjs');
    await settled(keys, block.where);
  },
  // A page's module script: the browser entry; `document.querySelector(…).textContent = …`.
  async page(block, code = block.code) {
    const { code: run, keys } = instrument(code, block.where);
    await runModule(run, 'browser');
    await settled(keys, block.where);
  },
  // A Web Worker's page script: its worker is the block of the same file named by its URL.
  async worker(block) {
    globalThis.Worker = workerClass(block.file);
    const { code, keys } = instrument(block.code, block.where);
    await runModule(code, 'browser');
    await settled(keys, block.where);
  },
  // TypeScript: type-checked (strict, against the package's declarations), then run.
  async typescript(block) {
    const file = join(work, `example-${++counter}.ts`);
    writeFileSync(file, block.code.replace(/(['"])kmo-portefeuille\1/g, `$1${join(PKG, 'index.js')}$1`));
    const program = ts.createProgram([file], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [] });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    assert.deepEqual(problems, [], `${block.where}: tsc --strict`);
    const js = ts.transpileModule(block.code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
    const { code, keys } = instrument(js, block.where);
    await runModule(code, 'node');
    await settled(keys, block.where);
  },
  // A page with an inline module script (a CDN's URL): the script, run as a page's.
  async html(block) {
    const scripts = [...block.code.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    if (scripts.length > 0) {
      for (const s of scripts) await RUN.page(block, s.split('\n').map((l) => l.replace(/^ {2}/, '')).join('\n'));
      return;
    }
    // An import map: every file it maps is in the package as published.
    const map = /<script type="importmap">([\s\S]*?)<\/script>/.exec(block.code);
    assert.ok(map, `${block.where}: an HTML block with neither a module script nor an import map`);
    const imports = Object.values(JSON.parse(map[1]).imports);
    assert.ok(imports.length > 0);
    for (const url of imports) {
      const path = url.replace(/^.*\/node_modules\/kmo-portefeuille\//, '');
      assert.ok(existsSync(join(PKG, path)), `${block.where}: ${url} is not a file of the package`);
      assert.ok(pkg.files.some((f) => path === f || path.startsWith(f)), `${block.where}: ${path} is not published (package.json "files")`);
    }
  },
};

/**
 * Which runner a block needs, or where else it runs. Names of other tests are checked to exist
 * and to read this file's blocks.
 */
function kindOf(block) {
  const { lang, code, file, name } = block;
  if (file === 'kmo-wasm/calculator/README.md') return { elsewhere: 'kmo-wasm/tests/calculator/checks.mjs' };
  if (['sh', 'text', 'json', ''].includes(lang)) return { data: true };
  if (lang === 'rust') return { elsewhere: 'tests/golden/src/lib.rs' };
  if (lang === 'c') return { elsewhere: 'kmo-ffi/tests/c.rs' };
  if (name && /^app\/.*\.jsx?$/.test(name) && lang === 'jsx') return { elsewhere: 'kmo-wasm/tests/consumers/run.mjs' };
  if (name === 'app/api/quote/route.js') return { ranBy: 'the route handler test below, and kmo-wasm/tests/consumers/run.mjs' };
  if (lang === 'ts') return { run: 'typescript' };
  if (lang === 'html') return { run: 'html' };
  if (lang === 'js') {
    if (/\brequire\(/.test(code)) return { run: 'commonjs' };
    if (/\bnew Worker\(/.test(code)) return { run: 'worker' };
    if (name === 'worker.js') return { ranBy: 'worker' };
    if (/\bdocument\./.test(code)) return { run: 'page' };
    return { run: 'node' };
  }
  return { unknown: true };
}

const every = allBlocks();

test('every example is of a kind the tests run', () => {
  const unknown = every.filter((b) => kindOf(b).unknown).map((b) => `${b.where} (${b.lang})`);
  assert.deepEqual(unknown, []);
  assert.ok(every.filter((b) => kindOf(b).run).length >= 10, 'the examples were found');
  for (const b of every) {
    const { elsewhere } = kindOf(b);
    if (!elsewhere) continue;
    const text = readFileSync(join(ROOT, elsewhere), 'utf8');
    // The other test reads the Markdown itself (its blocks, not a copy).
    const reads = elsewhere.endsWith('lib.rs') || elsewhere.endsWith('c.rs') ? text.includes('README.md') : text.includes(b.file) || text.includes(basename(b.file));
    assert.ok(reads, `${b.where}: ${elsewhere} does not take the blocks of ${b.file}`);
  }
});

for (const block of every) {
  const kind = kindOf(block);
  if (!kind.run) continue;
  test(`${block.where}: ${block.name ?? block.lang} prints what the text says`, async () => {
    await RUN[kind.run](block);
  });
}

// The route handler of the Next.js recipe, in Node.js: what its comments say each request answers.
test('kmo-wasm/README.md: app/api/quote/route.js answers what its comments say', async () => {
  const block = every.find((b) => b.name === 'app/api/quote/route.js');
  assert.ok(block, 'the README has the route handler');
  const file = await runModule(block.code, 'node');
  const { GET } = await import(pathToFileURL(file).href);
  const said = [...block.code.matchAll(/^\/\/ GET (\S+) → (\d{3}) (\{.*\})$/gm)];
  assert.equal(said.length, 2);
  for (const [, path, status, body] of said) {
    const response = await GET(new Request(`http://localhost${path}`));
    assert.equal(response.status, Number(status), path);
    const got = await response.json();
    for (const [key, value] of Object.entries(JSON.parse(body))) assert.deepEqual(got[key], value, `${path} ${key}`);
  }
});

// The JSON of the calculator's README (its catalogue) is JSON; the browser test runs the rest.
test('kmo-wasm/calculator/README.md: its JSON blocks are JSON', () => {
  const json = blocks('kmo-wasm/calculator/README.md').filter((b) => b.lang === 'json');
  assert.ok(json.length > 0);
  for (const b of json) JSON.parse(b.code);
});
