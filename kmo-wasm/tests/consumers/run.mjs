// The npm package as its users get it: `npm pack` in kmo-wasm/ (which builds the WebAssembly
// first when pkg/ is missing or stale), then for every environment a fresh project (a copy of the
// folder beside this file, outside the repository's packages) installs the .tgz, builds without
// plugins or configuration, and runs: Node.js (ESM, CommonJS) directly, pages (Vite 6, 7, 8,
// webpack 5, esbuild, no bundler, from another origin as from a CDN, a Web Worker) in headless
// Chromium under a Content-Security-Policy. Each prints the same quote. Also: the TypeScript
// consumers (bundler, node16 ESM and CommonJS), publint and arethetypeswrong on the tarball.
// Prints a table (environment, what the page loaded gzipped, result) and exits 1 on any failure.
//
// Usage: node kmo-wasm/tests/consumers/run.mjs
// Environment: KMO_CONSUMERS_DIR (work folder, default target/npm-consumers), CHROMIUM.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { serve } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, '../..');
const repo = resolve(packageDir, '..');
const tools = join(here, 'tools');
const bin = (name) => join(tools, 'node_modules', name);
const work = resolve(repo, process.env.KMO_CONSUMERS_DIR ?? join(process.env.CARGO_TARGET_DIR ?? 'target', 'npm-consumers'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const EXPECTED = 'aid 600.00, own share 1400.00';
const started = Date.now();

function exec(command, args, { cwd, timeout = 300_000, env } = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ ok: code === 0, code: signal ?? code, out });
    });
  });
}

function step(what) {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${what}`);
}

const gzipped = (files) => files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

// ---- tools: installed from their lock file, again only when the lock file changed
const lock = readFileSync(join(tools, 'package-lock.json'));
const mark = join(tools, 'node_modules', '.kmo-lock-sha256');
const lockSum = createHash('sha256').update(lock).digest('hex');
if (!existsSync(mark) || readFileSync(mark, 'utf8') !== lockSum) {
  step('installing the build tools (npm ci in tests/consumers/tools)');
  const r = await exec('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: tools });
  if (!r.ok) {
    console.error(r.out);
    process.exit(1);
  }
  writeFileSync(mark, lockSum);
}

// ---- the tarball
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
step('npm pack (prepack builds pkg/ when it is missing or stale)');
{
  const r = await exec('npm', ['pack', '--pack-destination', work, '--loglevel=error'], { cwd: packageDir, timeout: 900_000 });
  if (!r.ok) {
    console.error(r.out);
    console.error('npm pack failed');
    process.exit(1);
  }
}
const tgz = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')));
const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
console.log(`tarball: ${relative(repo, tgz)}, ${kb(statSync(tgz).size)}`);

// ---- fresh projects, each installing the tarball (no lock entry: the tarball changes with every build)
const projects = ['node-esm', 'node-cjs', 'vite:vite6', 'vite:vite7', 'vite:vite8', 'vite-web', 'vite-bundler', 'vite-calculator', 'webpack', 'esbuild', 'static', 'worker', 'types'];
const dirOf = (p) => join(work, p.split(':').pop());
step(`installing the tarball into ${projects.length} fresh projects`);
const installs = await Promise.all(
  projects.map((p) => {
    cpSync(join(here, p.split(':')[0]), dirOf(p), { recursive: true });
    return exec('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', tgz], { cwd: dirOf(p) });
  }),
);
const installFailed = new Map(projects.map((p, i) => [p.split(':').pop(), installs[i].ok ? null : installs[i].out]));

const rows = [];
function record(environment, ok, { size = null, initMs = '', printed = '', detail = '' } = {}) {
  rows.push({ environment, ok, size, initMs, printed, detail });
  console.log(`  ${ok ? 'pass' : 'FAIL'}  ${environment}${ok ? '' : `\n${detail.trim().split('\n').slice(-25).join('\n')}`}`);
}

// ---- Node.js
for (const [name, environment] of [['node-esm', 'Node.js ESM (import)'], ['node-cjs', 'Node.js CommonJS (require)']]) {
  step(environment);
  if (installFailed.get(name)) {
    record(environment, false, { detail: installFailed.get(name) });
    continue;
  }
  const r = await exec(process.execPath, ['main.js'], { cwd: dirOf(name), timeout: 60_000 });
  const printed = r.out.trim();
  record(environment, r.ok && printed === EXPECTED, { printed, detail: r.out });
}

// ---- builds
// Each the command a new user would type, with no configuration file in the project.
const node = (script) => [process.execPath, bin(script)];
const builds = [
  ['vite6', 'Vite 6 production build', [...node('vite6/bin/vite.js'), 'build']],
  ['vite7', 'Vite 7 production build', [...node('vite7/bin/vite.js'), 'build']],
  ['vite8', 'Vite 8 production build', [...node('vite8/bin/vite.js'), 'build']],
  ['webpack', 'webpack 5 production build', [...node('webpack-cli/bin/cli.js'), '--mode', 'production']],
  ['esbuild', 'esbuild bundle', [bin('.bin/esbuild'), 'src/main.js', '--bundle', '--minify', '--outfile=dist/main.js']],
  ['worker', 'Web Worker (Vite 6 build)', [...node('vite6/bin/vite.js'), 'build']],
  ['vite-web', 'kmo-portefeuille/web, Vite 6 build', [...node('vite6/bin/vite.js'), 'build']],
  ['vite-bundler', 'kmo-portefeuille/bundler, Vite 8 build (its own WebAssembly loading)', [...node('vite8/bin/vite.js'), 'build']],
  ['vite-calculator', 'kmo-portefeuille/calculator (<kmo-calculator>), Vite 6 build', [...node('vite6/bin/vite.js'), 'build']],
];
const built = new Map();
for (const [name, environment, [command, ...args]] of builds) {
  step(`build: ${environment}`);
  if (installFailed.get(name)) {
    record(environment, false, { detail: installFailed.get(name) });
    continue;
  }
  const r = await exec(command, args, { cwd: dirOf(name) });
  if (!r.ok) record(environment, false, { detail: r.out });
  else built.set(name, { environment, root: join(dirOf(name), 'dist'), log: r.out });
}

// ---- pages in headless Chromium
const staticDir = dirOf('static');
const importMapHash = (html) => {
  const map = /<script type="importmap">([\s\S]*?)<\/script>/.exec(readFileSync(join(staticDir, html), 'utf8'))[1];
  return `'sha256-${createHash('sha256').update(map).digest('base64')}'`;
};
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const pages = [...built].map(([, b]) => ({ environment: b.environment, root: b.root, csp: CSP }));
if (!installFailed.get('static')) {
  const pkg = join(staticDir, 'node_modules', 'kmo-portefeuille');
  const cdnPath = `/npm/kmo-portefeuille@${version}`;
  pages.push(
    { environment: 'page without a bundler (import map)', root: staticDir, csp: `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${importMapHash('index.html')}` },
    { environment: 'page without a bundler, kmo-portefeuille/web', root: staticDir, page: '/web.html', csp: `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${importMapHash('web.html')}` },
    {
      environment: "control: the same page, CSP without 'wasm-unsafe-eval', must fail",
      root: staticDir,
      csp: `default-src 'self'; script-src 'self' ${importMapHash('index.html')}`,
      mustFail: /WebAssembly|wasm|Content Security Policy/i,
    },
    ...['browser/index.js', 'web/index.js'].map((entry) => ({
      environment: `from a CDN URL (other origin), ${entry}`,
      root: staticDir,
      cdn: { root: pkg, prefix: cdnPath },
      page: (cdn) => `/cdn.html?cdn=${encodeURIComponent(cdn + cdnPath)}&entry=${entry}`,
      csp: (cdn) => `default-src 'self'; script-src 'self' ${cdn} 'wasm-unsafe-eval'; connect-src 'self' ${cdn}`,
    })),
    {
      environment: 'from a CDN URL (other origin), <kmo-calculator> (pkg/calculator/index.js)',
      root: staticDir,
      cdn: { root: pkg, prefix: cdnPath },
      page: (cdn) => `/cdn-calculator.html?cdn=${encodeURIComponent(cdn + cdnPath)}`,
      csp: (cdn) => `default-src 'self'; script-src 'self' ${cdn} 'wasm-unsafe-eval'; connect-src 'self' ${cdn}`,
    },
  );
} else {
  record('page without a bundler (import map)', false, { detail: installFailed.get('static') });
}

if (pages.length > 0) {
  step(`opening ${pages.length} pages in headless Chromium`);
  if (!existsSync(CHROMIUM)) {
    for (const p of pages) record(p.environment, false, { detail: `${CHROMIUM} not found (scripts/setup-wasm installs Debian's chromium)` });
  } else {
    const { chromium } = createRequire(join(tools, 'package.json'))('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      for (const p of pages) {
        const cdn = p.cdn ? await serve(p.cdn.root, { prefix: p.cdn.prefix, cors: true }) : null;
        const csp = typeof p.csp === 'function' ? p.csp(cdn.origin) : p.csp;
        const site = await serve(p.root, { csp });
        const context = await browser.newContext();
        const page = await context.newPage();
        const problems = [];
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`console ${m.type()}: ${m.text()}`));
        const path = typeof p.page === 'function' ? p.page(cdn.origin) : (p.page ?? '/');
        let printed = '';
        let error = '';
        let initMs = '';
        try {
          await page.goto(site.origin + path);
          const result = page.locator('#result[data-aid], #result[data-error]');
          await result.waitFor({ state: 'attached', timeout: 30_000 });
          printed = (await page.textContent('#result')).trim();
          error = (await page.getAttribute('#result', 'data-error')) ?? '';
          initMs = (await page.getAttribute('#result', 'data-init-ms')) ?? '';
          if (!error) {
            const aid = await page.getAttribute('#result', 'data-aid');
            const own = await page.getAttribute('#result', 'data-own-share');
            if (aid !== '600.00' || own !== '1400.00') error = `quote aid ${aid}, own share ${own}`;
          }
        } catch (e) {
          error = String(e.message);
        }
        const files = [...site.served, ...(cdn ? cdn.served : [])].filter((f) => !f.endsWith('.html'));
        await context.close();
        await site.close();
        await cdn?.close();
        if (p.mustFail) {
          const ok = error !== '' && p.mustFail.test(`${error}\n${problems.join('\n')}`);
          record(p.environment, ok, { printed: ok ? `refused: ${error.replace(/\s+/g, ' ').slice(0, 90)}` : printed, detail: `${error}\n${problems.join('\n')}` });
        } else {
          const ok = error === '' && printed.startsWith(EXPECTED) && problems.length === 0;
          record(p.environment, ok, { size: gzipped(files), initMs, printed, detail: `${error}\n${problems.join('\n')}\nloaded: ${files.map((f) => relative(work, f)).join(', ')}` });
        }
      }
    } finally {
      await browser.close();
    }
  }
}

// ---- TypeScript, publint, arethetypeswrong
const tsc = bin('typescript/bin/tsc');
if (installFailed.get('types')) record('TypeScript', false, { detail: installFailed.get('types') });
else {
  for (const [config, environment] of [
    ['tsconfig.bundler.json', 'TypeScript, moduleResolution bundler'],
    ['tsconfig.node16.json', 'TypeScript, moduleResolution node16 (ESM .mts and CommonJS .cts)'],
  ]) {
    step(environment);
    const r = await exec(process.execPath, [tsc, '-p', config], { cwd: dirOf('types') });
    record(environment, r.ok, { printed: r.ok ? 'no errors' : '', detail: r.out });
  }
}
step('publint');
{
  const r = await exec(process.execPath, [bin('publint/src/cli.js'), 'run', tgz, '--strict'], { cwd: work });
  const ok = r.ok && /All good!/.test(r.out);
  record('publint --strict', ok, { printed: ok ? 'all good' : '', detail: r.out });
}
step('arethetypeswrong');
for (const [args, environment] of [
  [['--entrypoints', '.', 'node'], 'arethetypeswrong, Node and default entries (every resolution mode)'],
  // The browser and bundler entries are ESM by design: no `require` resolution to check.
  [['--entrypoints', 'web', 'bundler', 'calculator', '--profile', 'esm-only'], 'arethetypeswrong, browser entries (ESM only)'],
]) {
  const r = await exec(process.execPath, [bin('@arethetypeswrong/cli/dist/index.js'), tgz, '--format', 'ascii', '--no-emoji', ...args], { cwd: work });
  // A clean report, or (esm-only) one whose every problem is of the resolutions the profile leaves out.
  const unexplained = r.out.split('\n').filter((l) => /docs\/problems\//.test(l) && !l.startsWith('(ignored'));
  const ok = r.ok && unexplained.length === 0 && /No problems found|\(ignored per resolution\)/.test(r.out);
  record(environment, ok, { printed: ok ? 'no problems' : '', detail: r.out });
}

// ---- the table
const lines = [
  `kmo-portefeuille ${version}: consumers of the packed tarball (${kb(statSync(tgz).size)})`,
  '',
  '| environment | loaded by the page, gzip -9 | init() in the page | printed | result |',
  '|---|---:|---:|---|---|',
  ...rows.map((r) => `| ${r.environment} | ${r.size === null ? '' : kb(r.size)} | ${r.initMs === '' ? '' : `${r.initMs} ms`} | ${r.printed.replaceAll('|', '\\|')} | ${r.ok ? 'pass' : '**FAIL**'} |`),
];
const passed = rows.filter((r) => r.ok).length;
const failed = rows.length - passed;
writeFileSync(join(work, 'RESULTS.md'), lines.join('\n') + '\n');
console.log(`\n${lines.join('\n')}\n`);
console.log(`time: ${((Date.now() - started) / 1000).toFixed(0)} s; table in ${relative(repo, join(work, 'RESULTS.md'))}`);
console.log(`consumers: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
