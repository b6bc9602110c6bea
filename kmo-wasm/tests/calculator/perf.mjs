// The sample page on a slow phone: Chromium with 4× CPU throttling and "Fast 3G" (150 ms
// latency, 1.6 Mbit/s down, 750 kbit/s up), a fresh profile each run (an empty cache: a first
// visit). Measures the time from navigation
// to the first quote on screen (the frame after the first kmo-quote event) and the bytes
// transferred (gzip, as serve.js sends them, headers included), writes target/web/perf.json
// and the calculator section of BENCHMARKS.md. Reported, never asserted.
//
//   node kmo-wasm/tests/calculator/perf.mjs [runs, default 7]   (after `bash kmo-wasm/build.sh`)
import { readFileSync, statSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

import { ROOT, WASM, start } from './browser.mjs';

const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) };
const CPU = 4;
const TARGET = { ms: 1500, bytes: 100 * 1024 };

async function once(env) {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await context.addInitScript(() => {
    document.addEventListener('kmo-quote', () => {
      requestAnimationFrame(() => {
        window.firstQuoteMs ??= performance.now();
      });
    }, { once: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = new Map();
  cdp.on('Network.responseReceived', (e) => {
    if (!/^https?:/.test(e.response.url)) return; // data: URLs (the date input's icon) cost nothing
    requests.set(e.requestId, { url: e.response.url, encoding: e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? '', bytes: 0 });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  await page.goto(`${env.page}?lang=nl`, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.firstQuoteMs !== undefined, null, { timeout: 60000, polling: 50 });
  const ms = await page.evaluate(() => window.firstQuoteMs);
  await page.waitForLoadState('networkidle');
  await context.close();
  const list = [...requests.values()].map((r) => ({ ...r, url: new URL(r.url).pathname }));
  return { ms: Math.round(ms), bytes: list.reduce((n, r) => n + r.bytes, 0), requests: list };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs the measurement `runs` times after one run that is not counted (it warms the machine's
 * file cache for Chromium itself, which a phone would not pay per page); returns the medians and
 * the last run's requests.
 */
export async function measure({ runs = 7, env: given } = {}) {
  const env = given ?? (await start());
  try {
    await once(env);
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await once(env));
    const wasm = WASM;
    return {
      date: new Date().toISOString().slice(0, 10),
      conditions: { cpu_slowdown: CPU, latency_ms: NETWORK.latency, down_kbit_s: (NETWORK.downloadThroughput * 8) / 1000, up_kbit_s: (NETWORK.uploadThroughput * 8) / 1000, cache: 'empty', viewport: '360×800 @2x' },
      target: TARGET,
      runs: results.map((r) => ({ ms: r.ms, bytes: r.bytes })),
      first_quote_ms: median(results.map((r) => r.ms)),
      bytes: median(results.map((r) => r.bytes)),
      requests: results.at(-1).requests,
      wasm: {
        bytes: statSync(wasm).size,
        gzip: gzipSync(readFileSync(wasm), { level: 9 }).length,
        brotli: brotliCompressSync(readFileSync(wasm), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
        // The full package's module (every export, three languages), beside it in pkg/web/.
        full_gzip: gzipSync(readFileSync(join(wasm, '../../web/kmo_wasm_bg.wasm')), { level: 9 }).length,
      },
    };
  } finally {
    if (!given) await env.close();
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The BENCHMARKS.md section for `result` (and the module's own breakdown, if given). */
export function section(result, breakdown) {
  const rows = result.requests.map((r) => `| \`${r.url}\` | ${r.bytes} |`).join('\n');
  const lines = [
    '## The calculator on a slow phone',
    '',
    `Measured by \`node kmo-wasm/tests/calculator/perf.mjs\` (also the last step of the calculator's browser checks), ${result.date}:`,
    `Chromium, ${result.conditions.cpu_slowdown}× CPU throttling, "Fast 3G" (${result.conditions.latency_ms} ms latency, ${result.conditions.down_kbit_s} kbit/s down, ${result.conditions.up_kbit_s} kbit/s up),`,
    `a fresh browser context each run (an empty cache: a first visit), the sample page \`examples/web/\` served gzip-compressed by \`examples/web/serve.js\`, median of ${result.runs.length} runs after one not counted.`,
    '',
    '| what | measured | target |',
    '|---|---|---|',
    `| navigation → first quote on screen | **${result.first_quote_ms} ms** (runs: ${result.runs.map((r) => r.ms).join(', ')}) | < ${result.target.ms} ms: ${result.first_quote_ms < result.target.ms ? 'met' : 'missed'} |`,
    `| bytes transferred, gzip, headers included | **${result.bytes} B (${kb(result.bytes)})** | < ${kb(result.target.bytes)}: ${result.bytes < result.target.bytes ? 'met' : 'missed'} |`,
    '',
    '| request | bytes transferred |',
    '|---|---|',
    rows,
    '',
    `The calculator's Dutch engine is ${result.wasm.bytes} bytes, ${result.wasm.gzip} gzip -9 (${result.wasm.brotli} with Brotli 11): ${Math.round((100 * result.wasm.gzip) / result.bytes)} % of the page's bytes.`,
    'It is the rules engine built for the calculator (kmo-wasm without its default features, with `nl`): `assessJson` and',
    '`engine` only, over kmo-core without the full SME definition, the wallet history and the texts of the other two',
    `languages: ${Math.round((100 * result.wasm.gzip) / result.wasm.full_gzip)} % of the full module (${kb(result.wasm.full_gzip)} gzip), and it answers every request the calculator sends byte for`,
    'byte as the full one (`kmo-wasm/tests/calculator-engine.test.js`). The element\'s script carries the words it needs',
    'before the engine; the rest of its words come with the engine of the visitor\'s language.',
    '',
    'The time is mostly the download. The sample page preloads the engine of its language and the catalogue with the',
    'page (`<link rel="preload" as="fetch">`, `<link rel="modulepreload">`; serve.js writes the language `?lang=` asks',
    'for): without them the download starts only once the element\'s script has run, about 0.3 s later. On the',
    'throttled main thread, making the `Intl` formatters costs 0.1–0.2 s: the element makes its own while the engine',
    'downloads, and the page\'s script makes its money formatter once (it made one per amount, 0.13 s). Compiling, the',
    'first answer and drawing it add about 0.2 s. The times vary by a few hundred ms from run to run on a shared machine.',
  ];
  if (breakdown) lines.push('', breakdown);
  return lines.join('\n');
}

/** Writes target/web/perf.json and replaces the marked section of BENCHMARKS.md. */
export function write(result, breakdown) {
  mkdirSync(join(ROOT, 'target/web'), { recursive: true });
  writeFileSync(join(ROOT, 'target/web/perf.json'), `${JSON.stringify(result, null, 2)}\n`);
  const file = join(ROOT, 'BENCHMARKS.md');
  const startMark = '<!-- calculator-perf:start -->';
  const endMark = '<!-- calculator-perf:end -->';
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const block = `${startMark}\n${section(result, breakdown)}\n${endMark}`;
  const a = text.indexOf(startMark);
  const b = text.indexOf(endMark);
  if (a >= 0 && b > a) text = `${text.slice(0, a)}${block}${text.slice(b + endMark.length)}`;
  else text = `${text.replace(/\n*$/, '\n\n')}${block}\n`;
  writeFileSync(file, text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { breakdown } = await import('./wasm-sizes.mjs');
  const result = await measure({ runs: Number(process.argv[2] ?? 7) });
  write(result, breakdown());
  console.log(section(result));
}
