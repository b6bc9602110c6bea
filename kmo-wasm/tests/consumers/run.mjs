// The npm package as its users get it: `npm pack` in kmo-wasm/ (which builds the WebAssembly
// first when pkg/ is missing or stale), then for every environment a fresh project (a copy of the
// folder beside this file, outside the repository's packages) installs the .tgz, builds without
// plugins or configuration, and runs: Node.js (ESM, CommonJS) directly, pages (Vite 6, 7, 8,
// webpack 5, esbuild, no bundler, from another origin as from a CDN, a Web Worker) in headless
// Chromium under a Content-Security-Policy. Each prints the same quote. The server frameworks
// that bundle for Node.js — Next.js 16 (Turbopack and webpack; next build + next start, and
// next dev), React Router 7 and SvelteKit 2 — each have their own project and lock file,
// installed once (again only when the lock file changes) into a folder kept between runs, the
// tarball installed on top; each is built and served on 127.0.0.1, its route handler asked for
// a quote and an error, its page (a server-rendered quote and a client component's) opened in
// Chromium. The Next.js project's page, client components and route handler are the recipe of
// kmo-wasm/README.md, taken from the Markdown; its page also holds <kmo-calculator>, rendered as a
// tag on the server and upgraded in the browser, where it must show its quote. Also: the
// TypeScript consumers (bundler, node16 ESM and CommonJS), publint and arethetypeswrong on the
// tarball.
// Prints a table (environment, what the page loaded gzipped, result) and exits 1 on any failure.
//
// Usage: node kmo-wasm/tests/consumers/run.mjs
// Environment: KMO_CONSUMERS_DIR (work folder, default target/npm-consumers),
// KMO_FRAMEWORKS_DIR (the frameworks' installs, default target/npm-consumers-frameworks),
// KMO_CONSUMERS_ONLY (a comma-separated list of projects to run, e.g. "next,sveltekit"), CHROMIUM.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { named } from '../markdown.mjs';
import { serve } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, '../..');
const repo = resolve(packageDir, '..');
const tools = join(here, 'tools');
const bin = (name) => join(tools, 'node_modules', name);
const work = resolve(repo, process.env.KMO_CONSUMERS_DIR ?? join(process.env.CARGO_TARGET_DIR ?? 'target', 'npm-consumers'));
const frameworksDir = resolve(repo, process.env.KMO_FRAMEWORKS_DIR ?? join(process.env.CARGO_TARGET_DIR ?? 'target', 'npm-consumers-frameworks'));
const only = process.env.KMO_CONSUMERS_ONLY ? new Set(process.env.KMO_CONSUMERS_ONLY.split(',')) : null;
const wanted = (project) => only === null || only.has(project.split(':').pop()) || only.has(project.split(':')[0]);
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
const projects = ['node-esm', 'node-cjs', 'vite:vite6', 'vite:vite7', 'vite:vite8', 'vite-web', 'vite-bundler', 'vite-calculator', 'webpack', 'esbuild', 'static', 'worker', 'types'].filter(wanted);
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
for (const [name, environment] of [['node-esm', 'Node.js ESM (import)'], ['node-cjs', 'Node.js CommonJS (require)']].filter(([n]) => wanted(n))) {
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
for (const [name, environment, [command, ...args]] of builds.filter(([n]) => wanted(n))) {
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
if (!wanted('static')) {
  // not asked for
} else if (!installFailed.get('static')) {
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

// ---- the server frameworks
// Each the commands its documentation gives, with no configuration beyond what its template
// has (Next.js: none at all). `start` serves on 127.0.0.1 at the port it is given.
function frameworkRuns() {
  const next = (...args) => [process.execPath, 'node_modules/next/dist/bin/next', ...args];
  const nextServe = (mode) => (port) => next(mode, '-H', '127.0.0.1', '-p', String(port));
  return [
    {
      project: 'next',
      // The recipe's files, as the README has them.
      files: ['app/page.js', 'app/client.js', 'app/calculator.js', 'app/api/quote/route.js'].map((name) => [name, named('kmo-wasm/README.md', name).code]),
      // The page holds <kmo-calculator> (app/calculator.js).
      calculator: true,
      // What the README says the page shows.
      expected: /shows "([^"]+)"/.exec(named('kmo-wasm/README.md', 'app/page.js').code)[1],
      runs: [
        { environment: 'Next.js 16, Turbopack: next build, next start', build: next('build'), start: nextServe('start') },
        { environment: 'Next.js 16, webpack: next build --webpack, next start', build: next('build', '--webpack'), start: nextServe('start') },
        { environment: 'Next.js 16, Turbopack: next dev', start: (port) => [...nextServe('dev')(port)] },
        { environment: 'Next.js 16, webpack: next dev --webpack', start: (port) => [...nextServe('dev')(port), '--webpack'] },
      ],
      clean: ['.next'],
    },
    {
      project: 'react-router',
      runs: [
        {
          environment: 'React Router 7 (framework mode): react-router build, react-router-serve',
          build: [process.execPath, 'node_modules/@react-router/dev/bin.js', 'build'],
          start: () => [process.execPath, 'node_modules/@react-router/serve/bin.js', './build/server/index.js'],
        },
      ],
      clean: ['build', '.react-router'],
    },
    {
      project: 'sveltekit',
      runs: [
        {
          environment: 'SvelteKit 2, adapter-node (the package bundled by Rollup): vite build, node build',
          build: [process.execPath, 'node_modules/vite/bin/vite.js', 'build'],
          start: () => [process.execPath, 'build'],
        },
      ],
      clean: ['build', '.svelte-kit'],
    },
  ].filter((f) => wanted(f.project));
}

const freePort = () =>
  new Promise((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });

// A server started for a test: its own process group, ended by its id when the test is done.
function startServer(command, args, cwd, port) {
  const child = spawn(command, args, {
    cwd,
    detached: true,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const exited = new Promise((done) => child.on('close', done));
  return {
    log: () => log,
    async stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // gone
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function fetchJson(url, deadline) {
  let last = '';
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url);
      return { status: r.status, body: await r.json() };
    } catch (e) {
      last = String(e.cause?.code ?? e.message);
      await new Promise((done) => setTimeout(done, 500));
    }
  }
  throw new Error(`no answer from ${url} (${last})`);
}

// The checks of one served application: the route handler's quote and error at request time,
// the page's server-rendered quote and, in Chromium, its client component's; with `calculator`,
// the <kmo-calculator> tag in the server's HTML, and in Chromium the element upgraded, showing
// its form and the quote of its catalogue's service (2000.00: own share 1400.00).
async function checkServed(origin, browser, expected, { calculator = false } = {}) {
  const problems = [];
  const q = await fetchJson(`${origin}/api/quote?cost=2000`, Date.now() + 180_000);
  if (q.status !== 200 || q.body.aid !== '600.00' || q.body.own_share !== '1400.00') problems.push(`/api/quote: ${q.status} ${JSON.stringify(q.body).slice(0, 200)}`);
  const e = await fetchJson(`${origin}/api/quote?cost=-1`, Date.now() + 60_000);
  if (e.status !== 400 || e.body.code !== 'NEGATIVE_AMOUNT' || e.body.path !== 'cost' || !/^het bedrag -1 is negatief/.test(e.body.message)) {
    problems.push(`/api/quote?cost=-1: ${e.status} ${JSON.stringify(e.body)}`);
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  // The browser's own request for /favicon.ico (none of the projects has one) is not the package's.
  page.on('console', (m) => m.type() === 'error' && !/\/favicon\.ico$/.test(m.location().url) && problems.push(`console error: ${m.text()}`));
  let server = '';
  let printed = '';
  let element = '';
  try {
    const response = await page.goto(`${origin}/`, { timeout: 180_000 });
    if (calculator && !/<kmo-calculator\b[^>]*\blang="nl"/.test(await response.text())) problems.push('no <kmo-calculator lang="nl"> in the server\'s HTML');
    server = ((await page.textContent('#server')) ?? '').trim();
    // The client component shows the quote once init() has resolved in the browser.
    await page.waitForFunction(() => /^aid /.test(document.querySelector('#client')?.textContent ?? ''), null, { timeout: 60_000 });
    printed = ((await page.textContent('#client')) ?? '').trim();
    if (calculator) {
      // The element, once its engine has loaded: the quote it shows, in its shadow root.
      await page.waitForFunction(() => document.querySelector('kmo-calculator')?.quote?.own_share === '1400.00', null, { timeout: 60_000 });
      element = await page.evaluate(() => {
        const el = document.querySelector('kmo-calculator');
        const shown = (field) => el.shadowRoot.querySelector(`[data-field="${field}"]`)?.textContent ?? '';
        const form = el.shadowRoot.querySelector('form') ? 'form' : 'no form';
        return `${customElements.get('kmo-calculator') === el.constructor ? 'upgraded' : 'not upgraded'}, ${form}, own share ${shown('own_share')}`;
      });
      if (!/^upgraded, form, own share €\s?1\.400,00$/.test(element.replace(/\u00a0/g, ' '))) problems.push(`<kmo-calculator>: ${element}`);
    }
  } catch (err) {
    problems.push(String(err.message));
  }
  await context.close();
  if (server !== expected) problems.push(`server component printed "${server}"`);
  if (printed !== expected) problems.push(`client component printed "${printed}"`);
  return { problems, printed: `server: ${server}; client: ${printed}; /api/quote: ${q.body.aid}${calculator ? `; <kmo-calculator>: ${element}` : ''}` };
}

async function frameworks() {
  const list = frameworkRuns();
  if (list.length === 0) return;
  mkdirSync(frameworksDir, { recursive: true });
  // Installs, in parallel: npm ci of the committed lock file when it changed, then the tarball.
  step(`installing ${list.map((f) => f.project).join(', ')} (npm ci when the lock file changed) and the tarball`);
  const ready = await Promise.all(
    list.map(async (f) => {
      const source = join(here, f.project);
      const dir = join(frameworksDir, f.project);
      const sum = createHash('sha256').update(readFileSync(join(source, 'package-lock.json'))).digest('hex');
      const marker = join(dir, 'node_modules', '.kmo-lock-sha256');
      if (!existsSync(marker) || readFileSync(marker, 'utf8') !== sum) {
        rmSync(dir, { recursive: true, force: true });
        cpSync(source, dir, { recursive: true });
        for (const [name, code] of f.files ?? []) {
          mkdirSync(dirname(join(dir, name)), { recursive: true });
          writeFileSync(join(dir, name), code);
        }
        const r = await exec('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, timeout: 900_000 });
        if (!r.ok) return `npm ci: ${r.out}`;
        writeFileSync(marker, sum);
      } else {
        // The project's own files as committed, its build output gone.
        for (const entry of readdirSync(dir)) if (entry !== 'node_modules') rmSync(join(dir, entry), { recursive: true, force: true });
        cpSync(source, dir, { recursive: true });
        for (const [name, code] of f.files ?? []) {
          mkdirSync(dirname(join(dir, name)), { recursive: true });
          writeFileSync(join(dir, name), code);
        }
      }
      const r = await exec('npm', ['install', '--no-save', '--no-package-lock', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tgz], { cwd: dir });
      return r.ok ? null : `npm install of the tarball: ${r.out}`;
    }),
  );
  if (!existsSync(CHROMIUM)) {
    for (const f of list) for (const run of f.runs) record(run.environment, false, { detail: `${CHROMIUM} not found` });
    return;
  }
  const { chromium } = createRequire(join(tools, 'package.json'))('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    for (const [i, f] of list.entries()) {
      const dir = join(frameworksDir, f.project);
      for (const run of f.runs) {
        step(run.environment);
        if (ready[i]) {
          record(run.environment, false, { detail: ready[i] });
          continue;
        }
        for (const c of f.clean) rmSync(join(dir, c), { recursive: true, force: true });
        let detail = '';
        if (run.build) {
          const [command, ...args] = run.build;
          const r = await exec(command, args, { cwd: dir, timeout: 600_000, env: { NEXT_TELEMETRY_DISABLED: '1' } });
          if (!r.ok) {
            record(run.environment, false, { detail: r.out });
            continue;
          }
          detail = r.out;
        }
        const port = await freePort();
        const [command, ...args] = run.start(port);
        const server = startServer(command, args, dir, port);
        let outcome;
        try {
          outcome = await checkServed(`http://127.0.0.1:${port}`, browser, f.expected ?? EXPECTED, { calculator: f.calculator });
        } catch (e) {
          outcome = { problems: [String(e.message)], printed: '' };
        }
        await server.stop();
        const ok = outcome.problems.length === 0;
        record(run.environment, ok, { printed: outcome.printed, detail: `--- build\n${detail.slice(-3000)}\n--- server\n${server.log().slice(-3000)}\n--- problems\n${outcome.problems.join('\n')}` });
      }
    }
  } finally {
    await browser.close();
  }
}

// ---- server frameworks
await frameworks();

// ---- TypeScript, publint, arethetypeswrong
const tsc = bin('typescript/bin/tsc');
if (!wanted('types')) {
  // not asked for
} else if (installFailed.get('types')) record('TypeScript', false, { detail: installFailed.get('types') });
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
if (only === null) {
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
