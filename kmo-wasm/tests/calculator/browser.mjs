// What the calculator's browser checks share: Debian's Chromium driven by playwright-core, the
// sample page's own server, and helpers that read inside the element's shadow root.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { serve } from '../../../examples/web/serve.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// The package the checks load the element from: the installed copy that run.mjs prepares
// (KMO_PACKAGE_DIR), or the repository's kmo-wasm/ when unset.
export const packageDir = process.env.KMO_PACKAGE_DIR || undefined;
export const WASM = packageDir ? join(packageDir, 'pkg/calculator/engine-nl.wasm') : join(ROOT, 'kmo-wasm/pkg/calculator/engine-nl.wasm');

/** Starts the sample page's server on a free port and Chromium (a fresh profile each launch). */
export async function start() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (scripts/setup-wasm does)`);
  if (!existsSync(WASM)) throw new Error(`${WASM} is missing: run \`bash kmo-wasm/build.sh\` first`);
  const server = await serve(0, { packageDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    browser,
    page: `${origin}/examples/web/`,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * A new page in a fresh context: a fixed clock (by default 23:30 UTC on 10 March 2026, which is
 * already 11 March in Brussels), the page's errors collected in `page.errors`, and the
 * `kmo-quote` events in `window.quotes`.
 */
export async function open(env, { width = 1280, height = 900, now = '2026-03-10T23:30:00Z', locale = 'en-US', route } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, locale });
  if (now) await context.clock.setFixedTime(new Date(now));
  await context.addInitScript(() => {
    window.quotes = [];
    document.addEventListener('kmo-quote', (e) => window.quotes.push(e.detail));
  });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  if (route) await route(page);
  return page;
}

/** Opens the sample page in `lang` and waits for the first answer (a quote or a failure). */
export async function samplePage(env, lang, options = {}) {
  // The visitor's browser speaks the page's language (the date field follows the browser).
  const page = await open(env, { locale: { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' }[lang], ...options });
  await page.goto(`${env.page}?lang=${lang}`);
  await settled(page);
  return page;
}

/** Waits until the element shows a quote, an error or its failure state. */
export async function settled(page, selector = 'kmo-calculator') {
  await page.waitForFunction((sel) => {
    const root = document.querySelector(sel)?.shadowRoot;
    return Boolean(root && (root.querySelector('.result[data-state]') || root.querySelector('[data-state="failed"]')));
  }, selector, { timeout: 30000 });
}

/** The element's shadow root, as a locator root: `calc(page).locator('#price')`. */
export const calc = (page) => page.locator('kmo-calculator');

/** The text of the shown amount `field` (price, aid, own_share, vat, ceiling_left). */
export const shown = (page, field) => calc(page).locator(`.result [data-field="${field}"]`).textContent();

/** The id of the element that has the focus, looking into shadow roots. */
export const focused = (page) => page.evaluate(() => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a ? (a.id || `${a.tagName.toLowerCase()}${a.name ? `[name=${a.name}]` : ''}`) : null;
});

/** The last kmo-quote detail. */
export const lastQuote = (page) => page.evaluate(() => window.quotes.at(-1) ?? null);

/** Waits until the result shows `state` (eligible, not-eligible, error). */
export const resultState = (page, state) => page.waitForFunction((s) => document.querySelector('kmo-calculator')?.shadowRoot?.querySelector(`.result[data-state="${s}"]`), state, { timeout: 15000 });
