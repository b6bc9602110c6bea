// The calculator's browser checks in one command, after `bash kmo-wasm/build.sh`:
//
//   node kmo-wasm/tests/calculator/run.mjs
//
// 1. Installs this folder's test dependencies (playwright-core, axe-core) with `npm ci` when
//    they are missing.
// 2. Packs kmo-wasm (`npm pack`) and installs the .tgz into a fresh project under
//    target/web/consumer/, so that the element is tested as the package ships it; the sample
//    page's server takes the package files from there. KMO_CALCULATOR_FROM=repo tests the
//    repository's kmo-wasm/ instead (quicker while editing).
// 3. Runs checks.mjs in Debian's Chromium, then the throttled measurement (perf.mjs:
//    target/web/perf.json and the calculator section of BENCHMARKS.md).
// Exits non-zero on failure.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
if (!existsSync(join(here, 'node_modules/playwright-core/package.json')) || !existsSync(join(here, 'node_modules/axe-core/axe.min.js'))) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
}

if ((process.env.KMO_CALCULATOR_FROM ?? 'package') === 'package') {
  const consumer = join(root, 'target/web/consumer');
  rmSync(consumer, { recursive: true, force: true });
  mkdirSync(consumer, { recursive: true });
  const tgz = execFileSync('npm', ['pack', '--silent', '--pack-destination', consumer], { cwd: join(root, 'kmo-wasm') }).toString().trim().split('\n').pop();
  writeFileSync(join(consumer, 'package.json'), `${JSON.stringify({ name: 'calculator-consumer', private: true, type: 'module' }, null, 2)}\n`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', `./${tgz}`], { cwd: consumer, stdio: 'inherit' });
  const installed = join(consumer, 'node_modules/kmo-portefeuille');
  for (const file of ['pkg/calculator/index.js', 'calculator/index.d.ts', ...['nl', 'fr', 'en'].flatMap((l) => [`pkg/calculator/engine-${l}.js`, `pkg/calculator/engine-${l}.wasm`])]) {
    if (!existsSync(join(installed, file))) {
      console.error(`not ok - the packed kmo-portefeuille has no ${file} (kmo-wasm/package.json "files" must list it)`);
      process.exit(1);
    }
  }
  process.env.KMO_PACKAGE_DIR = installed;
  process.env.KMO_CONSUMER_DIR = consumer;
}

const { test } = await import('node:test');
await import('./checks.mjs');

test('performance on a slow phone (measured and written to BENCHMARKS.md, not asserted)', { timeout: 300000 }, async () => {
  const { measure, section, write } = await import('./perf.mjs');
  const { breakdown } = await import('./wasm-sizes.mjs');
  const result = await measure({ runs: 7 });
  write(result, breakdown());
  // A measurement that saw no quote or no bytes measured nothing.
  if (!(result.first_quote_ms > 0 && result.bytes > 0 && result.requests.some((r) => r.url.endsWith('.wasm')))) {
    throw new Error(`no measurement: ${JSON.stringify(result.runs)}`);
  }
  console.log(section(result).split('\n').slice(6, 10).map((l) => `# ${l}`).join('\n'));
});
