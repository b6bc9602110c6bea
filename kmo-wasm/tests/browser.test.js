// The calculator page end to end in headless Chromium (Debian's, driven by playwright-core):
// pick a service from the catalogue, read the result, switch language, trigger an error, and
// save a screenshot to target/web/calculator.png.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { serve } from '../../examples/web/serve.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const root = fileURLToPath(new URL('../../', import.meta.url));
let server;
let browser;
let page;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: install Debian's chromium (scripts/setup-wasm does)`);
  server = await serve(0);
  // A fresh profile each run; the background-networking flags keep Chromium off the network.
  browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'kmo-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(`http://127.0.0.1:${server.address().port}/examples/web/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  assert.deepEqual(errors, []);
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('a catalogue training for a small company with 7 200 used', async () => {
  await page.selectOption('#catalogue', 'onboarding');
  assert.equal(await page.inputValue('#cost'), '2000.00');
  await page.selectOption('#size-class', 'small');
  await page.fill('#used', '7200');
  await page.fill('#applied', '2026-03-10');
  await page.fill('#start', '2026-03-02');
  await page.click('#calculate');
  const result = page.locator('#result');
  await result.waitFor({ state: 'visible' });
  assert.equal(await result.getAttribute('data-aid'), '300.00');
  assert.equal(await result.getAttribute('data-own-share'), '1700.00');
  assert.equal(await result.getAttribute('data-vat'), '420.00');
  assert.match(await page.textContent('#headline'), /kmo-portefeuille betaalt u €\s1\.700,00 in plaats van €\s2\.000,00/);
  assert.ok(await page.locator('#findings li[data-code="AID_CAPPED_BY_CEILING"]').count() === 1);
  assert.match(await page.textContent('#timeline'), /16 maart 2026/);
  assert.match(await page.textContent('#trace'), /BVR-2016 art\. 18/);
});

test('figures instead of a class, and the language switch', async () => {
  await page.selectOption('#size-mode', 'figures');
  await page.fill('#staff', '60');
  await page.fill('#turnover', '20000000');
  await page.fill('#balance', '20000000');
  await page.fill('#used', '0');
  await page.click('#calculate');
  assert.equal(await page.getAttribute('#result', 'data-aid'), '400.00'); // medium: 20 %
  await page.click('button[data-lang="fr"]');
  assert.equal(await page.textContent('#calculate'), 'Calculer');
  assert.match(await page.textContent('#headline'), /portefeuille PME, vous payez/);
  assert.match(await page.textContent('#trace'), /Pourcentage d'aide : 20 %/);
  await page.click('button[data-lang="en"]');
  assert.match(await page.textContent('#headline'), /you pay/);
  await page.click('button[data-lang="nl"]');
});

test('an advice from the catalogue in 2026 is explained, not computed', async () => {
  await page.selectOption('#size-mode', 'class');
  await page.selectOption('#catalogue', 'hr-scan');
  await page.click('#calculate');
  assert.equal(await page.getAttribute('#result', 'data-eligible'), 'false');
  assert.ok(await page.locator('#findings li.blocking[data-code="ADVICE_ONLY_CYBERSECURITY"]').count() === 1);
});

test('invalid input shows the field', async () => {
  await page.selectOption('#catalogue', '');
  await page.selectOption('#kind', 'training');
  await page.fill('#cost', '-5');
  await page.click('#calculate');
  const error = page.locator('#error');
  await error.waitFor({ state: 'visible' });
  assert.equal(await error.getAttribute('data-path'), 'service.cost');
  assert.equal(await error.getAttribute('data-code'), 'NEGATIVE_AMOUNT');
  await page.fill('#cost', '2000');
  await page.click('#calculate');
  assert.equal(await error.isHidden(), true);
  mkdirSync(join(root, 'target/web'), { recursive: true });
  await page.screenshot({ path: join(root, 'target/web/calculator.png'), fullPage: true });
});
