// <kmo-calculator> where there is no DOM: a server that renders a page importing the element (a
// Next.js client component is rendered on the server too; React Router, SvelteKit) loads the
// built module through the package's exports, as a user's code does. It must load without
// throwing and without defining anything; the browser upgrades the server-rendered tag.
// (tests/consumers/run.mjs renders the element in a Next.js page and opens it in Chromium.)
import assert from 'node:assert/strict';
import { test } from 'node:test';

test('kmo-portefeuille/calculator imports in Node.js, which has no DOM', async () => {
  assert.equal(globalThis.HTMLElement, undefined);
  assert.equal(globalThis.customElements, undefined);
  const calculator = await import('kmo-portefeuille/calculator');
  assert.equal(typeof calculator.KmoCalculator, 'function');
  assert.deepEqual(calculator.KmoCalculator.observedAttributes, ['lang', 'catalogue', 'provider']);
  // Its helpers work there as well.
  assert.equal(calculator.parseDecimal('1.250,50', 'nl'), '1250.50');
  assert.match(calculator.todayInBrussels(), /^\d{4}-\d\d-\d\d$/);
  // Nothing was put in place of the DOM's globals.
  assert.equal(globalThis.HTMLElement, undefined);
  assert.equal(globalThis.customElements, undefined);
});
