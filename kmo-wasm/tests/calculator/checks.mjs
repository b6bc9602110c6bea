// <kmo-calculator> in Chromium, the way a visitor of the sample provider page meets it: quotes
// to the cent, phone widths, axe-core, keyboard only, the failure states, the kmo-quote event,
// print, and screenshots under target/web/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { blocks, statedLines, statedValue } from '../markdown.mjs';
import { AXE, ROOT, calc, focused, lastQuote, open, resultState, samplePage, settled, shown, start } from './browser.mjs';

const SHOTS = join(ROOT, 'target/web');
const NBSP = '\u00a0';
const NNBSP = '\u202f';
let env;

before(async () => {
  env = await start();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await env?.close();
});

const fill = (page, id, text) => calc(page).locator(`#${id}`).fill(text);
const pick = (page, id, value) => calc(page).locator(`#${id}`).selectOption(value);
const size = (page, value) => calc(page).locator(`input[name="size"][value="${value}"]`).check();

async function amounts(page) {
  const out = {};
  for (const f of ['price', 'aid', 'own_share', 'vat', 'ceiling_left']) out[f] = await shown(page, f);
  return out;
}

describe('quotes to the cent', () => {
  test('three catalogue services and a free price (nl), dates in Brussels', async () => {
    const page = await samplePage(env, 'nl');
    // 23:30 UTC on 10 March is 11 March in Brussels: the default start date and the application date.
    assert.equal(await calc(page).locator('#start').inputValue(), '2026-03-11');
    assert.equal(await calc(page).locator('#price').inputValue(), '2.000,00');
    await resultState(page, 'eligible');
    assert.deepEqual(await amounts(page), { price: `€${NBSP}2.000,00`, aid: `€${NBSP}600,00`, own_share: `€${NBSP}1.400,00`, vat: `€${NBSP}420,00`, ceiling_left: `€${NBSP}6.900,00` });
    let q = await lastQuote(page);
    assert.deepEqual(
      { service: q.service.id, application_date: q.application_date, start_date: q.start_date, rate: q.rate, aid: q.aid, own_share: q.own_share, vat: q.vat, deadlines: q.deadlines },
      { service: 'onboarding', application_date: '2026-03-11', start_date: '2026-03-11', rate: '30', aid: '600.00', own_share: '1400.00', vat: '420.00', deadlines: { apply_by: '2026-03-25', pay_own_share_by: '2026-03-25', complete_by: '2027-12-31' } },
    );
    assert.equal(await calc(page).locator('.dates [data-field="apply_by"]').textContent(), '25 maart 2026');
    assert.match(await calc(page).locator('.headline').textContent(), /U betaalt €\s1\.400,00 in plaats van €\s2\.000,00/);

    // A cybersecurity training for a medium-sized company: 20 % + 15 points.
    await pick(page, 'service', 'staff-data-security');
    await size(page, 'medium');
    assert.equal(await calc(page).locator('#price').inputValue(), '600,00');
    q = await lastQuote(page);
    assert.deepEqual([q.size_class, q.rate, q.aid, q.own_share, q.vat, q.ceiling_left], ['medium', '35', '210.00', '390.00', '126.00', '7290.00']);
    assert.equal(await shown(page, 'own_share'), `€${NBSP}390,00`);

    // Cybersecurity advice, small, 7 000 already used: 45 % of 3 200 is 1 440, capped at 500.
    await pick(page, 'service', 'cyber-hr-advice');
    await size(page, 'small');
    await fill(page, 'used', '7.000');
    q = await lastQuote(page);
    assert.deepEqual([q.rate, q.aid, q.own_share, q.vat, q.ceiling_left, q.capped], ['45', '500.00', '2700.00', '672.00', '0.00', true]);
    assert.deepEqual(await amounts(page), { price: `€${NBSP}3.200,00`, aid: `€${NBSP}500,00`, own_share: `€${NBSP}2.700,00`, vat: `€${NBSP}672,00`, ceiling_left: `€${NBSP}0,00` });
    assert.equal(await calc(page).locator('.findings li[data-code="AID_CAPPED_BY_CEILING"]').count(), 1);

    // A free price with a decimal comma and a thousands point.
    await pick(page, 'service', '');
    await fill(page, 'used', '');
    await pick(page, 'kind', 'training');
    await pick(page, 'theme', 'personeelsmanagement');
    await fill(page, 'price', '1.234,56');
    q = await lastQuote(page);
    assert.deepEqual([q.service, q.price, q.aid, q.own_share, q.vat], [null, '1234.56', '370.37', '864.19', '259.26']);
    assert.equal(await shown(page, 'aid'), `€${NBSP}370,37`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the free price as French and English visitors write it', async () => {
    for (const [lang, typed, expect] of [
      ['fr', `1${NNBSP}234,56`, { aid: `370,37${NNBSP}€`, own_share: `864,19${NNBSP}€`, vat: `259,26${NNBSP}€` }],
      ['fr', '1 234,56', { aid: `370,37${NNBSP}€`, own_share: `864,19${NNBSP}€`, vat: `259,26${NNBSP}€` }],
      ['en', '1,234.56', { aid: '€370.37', own_share: '€864.19', vat: '€259.26' }],
      ['en', '€ 1234.5', { aid: '€370.35', own_share: '€864.15', vat: '€259.25' }],
    ]) {
      const page = await samplePage(env, lang);
      await pick(page, 'service', '');
      await fill(page, 'price', typed);
      const q = await lastQuote(page);
      assert.equal(q.eligible, true, `${lang} ${typed}`);
      // French separates with a narrow no-break space (thousands) and a no-break space (€).
      for (const [field, text] of Object.entries(expect)) assert.equal((await shown(page, field)).replace(/\u00a0/g, NNBSP), text, `${lang} ${typed} ${field}`);
      await page.context().close();
    }
  });

  test('the size from staff, turnover and balance sheet, with separators', async () => {
    const page = await samplePage(env, 'nl');
    await size(page, 'figures');
    await fill(page, 'staff', '9,5');
    await fill(page, 'turnover', '1.800.000');
    await fill(page, 'balance', '900 000');
    let q = await lastQuote(page);
    assert.deepEqual([q.size_class, q.aid], ['micro', '600.00']);
    await fill(page, 'staff', '60');
    await fill(page, 'turnover', '20.000.000,00');
    await fill(page, 'balance', '20’000’000');
    q = await lastQuote(page);
    assert.deepEqual([q.size_class, q.rate, q.aid, q.own_share], ['medium', '20', '400.00', '1600.00']);
    assert.match(await calc(page).locator('.basis').first().textContent(), /middelgrote onderneming/);
    await page.context().close();
  });

  test('not eligible: the engine\'s reasons, in the language, with their articles', async () => {
    const page = await samplePage(env, 'fr');
    await pick(page, 'service', '');
    await pick(page, 'kind', 'advice');
    await pick(page, 'theme', 'personeelsmanagement');
    await fill(page, 'price', '2 500');
    await resultState(page, 'not-eligible');
    const q = await lastQuote(page);
    assert.equal(q.eligible, false);
    assert.ok(q.blocking.includes('ADVICE_ONLY_CYBERSECURITY'));
    const reason = calc(page).locator('.findings li.blocking[data-code="ADVICE_ONLY_CYBERSECURITY"]');
    assert.match(await reason.textContent(), /cybersécurité.*\(VR-2026-01-23\)/s);
    assert.match(await calc(page).locator('.headline').textContent(), /n’est pas admissible/);
    await page.context().close();
  });

  test('the visitor\'s numbers become decimal strings (never floats)', async () => {
    const page = await samplePage(env, 'nl');
    const cases = await page.evaluate(async () => {
      const { parseDecimal } = await import('/kmo-wasm/pkg/calculator/index.js');
      const rows = [
        ['1.250,50', 'nl'], ['1 250,50', 'fr'], ['1,250.50', 'en'], ['1.250', 'nl'], ['1.250', 'en'], ['1,250', 'nl'], ['1,250', 'en'],
        ['12,5', 'nl'], ['12.5', 'nl'], ['0,1', 'en'], [',5', 'nl'], ['€ 2.000', 'nl'], ['2000 EUR', 'fr'], ['1’234’567.89', 'en'],
        ['1.234.567', 'en'], ['-5', 'nl'], ['abc', 'nl'], ['1.23.4', 'nl'], ['1,2,3', 'nl'], ['12,', 'nl'], ['99999999999999999999.99', 'en'],
      ];
      return rows.map(([text, lang]) => [text, lang, parseDecimal(text, lang)]);
    });
    assert.deepEqual(cases.map((c) => c[2]), [
      '1250.50', '1250.50', '1250.50', '1250', '1.250', '1.250', '1250',
      '12.5', '12.5', '0.1', '0.5', '2000', '2000', '1234567.89',
      '1234567', '-5', null, null, null, '12', '99999999999999999999.99',
    ]);
    await page.context().close();
  });
});

describe('a first application: the registration planned by the engine', () => {
  // The visitor registers on the application date of the form (7 December 2026, set here: no
  // date depends on the clock), for a training that starts on 20, 3 or 1 December. The engine
  // answers the last day to register (the deadline to apply, 14 days after the start, − 10
  // days for the letter): in the future, the application date itself, or passed (the letter,
  // expected about 17 December, would come after the deadline of 15 December: the warning).
  const APPLIED = '2026-12-07';
  const CASES = [['future', '2026-12-20', '2026-12-24'], ['today', '2026-12-03', '2026-12-07'], ['passed', '2026-12-01', '2026-12-05']];
  const WORDS = {
    nl: {
      day: { '2026-12-24': '24 december 2026', '2026-12-07': '7 december 2026', '2026-12-05': '5 december 2026' },
      registerBy: 'Registreer op het platform uiterlijk op',
      warning: /^De activatiebrief wordt rond 17 december 2026 verwacht, na de laatste dag om aan te vragen \(15 december 2026\): .* De laatste dag om te registreren voor een brief op tijd is 5 december 2026; anders laat u de dienst op 3 december 2026 of later starten/,
      atHand: /Houd bij de hand: de omzet van vorig jaar, het aantal personeelsleden en het rekeningnummer van de onderneming\./,
      letter: /op ongeveer 17 december 2026; de link is geldig tot ongeveer 17 januari 2027\.$/,
      apply: /^Dien uw aanvraag in op het platform vanaf ongeveer 17 december 2026 /,
    },
    fr: {
      day: { '2026-12-24': '24 décembre 2026', '2026-12-07': '7 décembre 2026', '2026-12-05': '5 décembre 2026' },
      registerBy: 'Inscrivez-vous sur la plateforme au plus tard le',
      warning: /^La lettre d'activation est attendue vers le 17 décembre 2026, après le dernier jour pour introduire la demande \(15 décembre 2026\) : .* est le 5 décembre 2026 ; sinon, faites commencer le service le 3 décembre 2026 ou plus tard/,
      atHand: /Ayez sous la main : le chiffre d'affaires de l'an dernier, le nombre de membres du personnel et le numéro de compte bancaire de l'entreprise\./,
      letter: /le 17 décembre 2026 environ ; le lien est valable jusqu’au 17 janvier 2027 environ\.$/,
      apply: /^Introduisez votre demande sur la plateforme à partir du 17 décembre 2026 environ /,
    },
    en: {
      day: { '2026-12-24': '24 December 2026', '2026-12-07': '7 December 2026', '2026-12-05': '5 December 2026' },
      registerBy: 'Register on the platform by',
      warning: /^The activation letter is expected around 17 December 2026, after the last day to apply \(15 December 2026\): .* The last day to register for a letter in time is 5 December 2026; otherwise start the service on 3 December 2026 or later/,
      atHand: /Have at hand: last year's turnover, the staff count and the company's bank account number\./,
      letter: /on about 17 December 2026; the link is valid until about 17 January 2027\.$/,
      apply: /^Apply on the platform from about 17 December 2026 /,
    },
  };
  const text = (page, selector) => calc(page).locator(selector).textContent();
  // Where a box of the shadow root is, from the top of the page.
  const top = (page, selector, edge = 'top') => calc(page).locator(selector).first().evaluate((el, e) => el.getBoundingClientRect()[e] + scrollY, edge);

  for (const lang of ['nl', 'fr', 'en']) {
    test(`register by a day in the future, today, or passed (the warning): ${lang}, at 360 and 1280 px`, async () => {
      const w = WORDS[lang];
      for (const width of [360, 1280]) {
        const page = await samplePage(env, lang, { width, height: 740 });
        await calc(page).locator('#first').check();
        await fill(page, 'applied', APPLIED);
        for (const [name, start, registerBy] of CASES) {
          await fill(page, 'start', start);
          await page.waitForFunction(([s, a]) => window.quotes.at(-1)?.start_date === s && window.quotes.at(-1)?.application_date === a && window.quotes.at(-1)?.first_time, [start, APPLIED]);
          const q = await lastQuote(page);
          const where = `${lang} ${width}px ${name}`;
          // The engine's plan, in the kmo-quote event: counted from the application date (the
          // element sends first_time, not a registration date).
          assert.equal(q.eligible, true, where);
          assert.deepEqual([q.registration.registered, q.registration.register_by, q.registration.letter_expected, q.registration.letter_after_deadline],
            [null, registerBy, '2026-12-17', name === 'passed'], where);
          // The last day to register, prominent: in the result, and on a phone under the choice.
          assert.equal(await text(page, '.result .registration .register'), `${w.registerBy} ${w.day[registerBy]}`, where);
          const warning = calc(page).locator('.result .registration [data-code="ACTIVATION_LETTER_AFTER_DEADLINE"]');
          const peek = calc(page).locator('div.peek');
          if (name === 'passed') {
            assert.match(await warning.textContent(), w.warning, where);
            assert.equal(await warning.getAttribute('class'), 'warning', where);
            assert.match(await peek.textContent(), w.warning, where);
          } else {
            assert.equal(await warning.count(), 0, where);
            assert.equal(await peek.textContent(), `${w.registerBy} ${w.day[registerBy]}`, where);
          }
          // What to have at hand, the engine's words, once (with the plan, not among the notes).
          assert.match(await text(page, '.result .registration [data-code="FIRST_TIME_REGISTRATION"]'), w.atHand, where);
          assert.equal(await calc(page).locator('[data-code="FIRST_TIME_REGISTRATION"]').count(), 1, where);
          // The dates counted from the letter are "about" that day.
          assert.match(await text(page, '[data-step="activation_letter"]'), w.letter, where);
          assert.match(await text(page, '[data-step="apply"]'), w.apply, where);
          assert.match(await text(page, '.dates [data-field="pay_own_share_by"]'), { nl: /^ongeveer /, fr: / environ$/, en: /^about / }[lang], where);
          // The screen reader hears it with the headline.
          const said = await calc(page).locator('[role="status"]').last().textContent();
          assert.ok(said.startsWith(await text(page, '.result .headline')) && said.endsWith(await peek.textContent()), `${where}: ${said}`);
          if (width === 360) {
            // On a phone: right under the box the visitor ticked, a screen below the price, and
            // far above the result after the form.
            assert.equal(await peek.isVisible(), true, where);
            const [price, first, line, bottom, result] = await Promise.all([top(page, '#price'), top(page, 'label[for="first"]', 'bottom'), top(page, 'div.peek'), top(page, 'div.peek', 'bottom'), top(page, '.result')]);
            assert.ok(line - first >= 0 && line - first < 40, `${where}: ${line - first}px under the box`);
            assert.ok(bottom - price < 600, `${where}: ${bottom - price}px from the price to the end of the line`);
            assert.ok(result - bottom > 500, `${where}: the result ${result - bottom}px further`);
          } else {
            // Beside the form: the result shows it, near the price.
            assert.equal(await peek.isVisible(), false, where);
            const [headline, line] = await Promise.all([top(page, '.result .headline'), top(page, '.result .registration')]);
            assert.ok(line - headline < 150, `${where}: ${line - headline}px under the headline`);
          }
          if (name === 'passed') {
            // The warning's colours and structure pass axe-core too.
            if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: readFileSync(AXE, 'utf8') });
            const found = (await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))).violations.map((v) => `${v.id} ${v.nodes.map((x) => JSON.stringify(x.target)).join(', ')}`);
            assert.deepEqual(found, [], where);
          }
          await calc(page).scrollIntoViewIfNeeded();
          await calc(page).screenshot({ path: join(SHOTS, `calculator-first-time-${name}-${lang}-${width}.png`) });
        }
        assert.deepEqual(page.errors, []);
        await page.context().close();
      }
    });
  }

  test('a link that expires before the deadline: apply by about its last day', async () => {
    const page = await samplePage(env, 'en');
    await calc(page).locator('#first').check();
    await fill(page, 'applied', APPLIED);
    await fill(page, 'start', '2027-02-15');
    await page.waitForFunction(() => window.quotes.at(-1)?.registration?.link_expires_first === true);
    assert.deepEqual((await lastQuote(page)).registration.apply_until, '2027-01-17');
    assert.equal(await text(page, '.dates [data-field="apply_by"]'), 'about 17 January 2027');
    assert.match(await text(page, '.registration [data-code="ACTIVATION_LINK_EXPIRES_FIRST"]'), /valid until about 17 January 2027, before the last day to apply \(1 March 2027\)/);
    // The sample page's offer form takes the last day to register from kmo-quote.
    assert.match(await page.locator('#contact-message').inputValue(), /own share €1,400\.00.*First application: register by 19 February 2027\.$/);
    await page.context().close();
  });

  test('under a refusal: no plan, no steps, no own share to pay in', async () => {
    for (const lang of ['nl', 'fr', 'en']) {
      const page = await samplePage(env, lang, { width: 360 });
      await calc(page).locator('#first').check();
      await fill(page, 'applied', APPLIED);
      await fill(page, 'start', '2026-12-20');
      await page.waitForFunction(() => window.quotes.at(-1)?.registration?.register_by === '2026-12-24');
      await size(page, 'large');
      await resultState(page, 'not-eligible');
      const q = await lastQuote(page);
      assert.deepEqual([q.eligible, q.first_time, q.registration, q.deadlines.pay_own_share_by, q.blocking], [false, true, null, null, ['ENTERPRISE_TOO_LARGE']], lang);
      for (const selector of ['.registration', '.steps', '.dates', '[data-step^="pay_own_share"]', '[data-step="portal_registration"]', '[data-step="register_by"]', '[data-field="pay_own_share_by"]', '[data-field="own_share"]', '[data-code="FIRST_TIME_REGISTRATION"]', '.warning']) {
        assert.equal(await calc(page).locator(`.result ${selector}`).count(), 0, `${lang}: ${selector}`);
      }
      assert.equal(await calc(page).locator('div.peek').textContent(), '', lang);
      // Nor does the sample page's offer form speak of an own share.
      assert.doesNotMatch(await page.locator('#contact-message').inputValue(), /eigen aandeel|quote-part|own share|registr|inscri/, lang);
      await page.context().close();
    }
  });
});

describe('errors at their field, in the visitor\'s language', () => {
  for (const [lang, message] of [['nl', 'Vul een bedrag in, bijvoorbeeld 1.250,00.'], ['fr', 'Indiquez un montant, par exemple 1 250,00.'], ['en', 'Enter an amount, for example 1,250.00.']]) {
    test(`an invalid price (${lang})`, async () => {
      const page = await samplePage(env, lang);
      await fill(page, 'price', 'twintig');
      await resultState(page, 'error');
      const price = calc(page).locator('#price');
      assert.equal(await price.getAttribute('aria-invalid'), 'true');
      assert.ok((await price.getAttribute('aria-describedby')).split(' ').includes('price-error'));
      const error = calc(page).locator('#price-error');
      assert.equal(await error.getAttribute('data-code'), 'INVALID_AMOUNT');
      assert.equal(await error.getAttribute('data-path'), 'service.cost');
      if (typeof message === 'string') assert.equal(await error.textContent(), message);
      else assert.match(await error.textContent(), message);
      assert.equal(await lastQuote(page).then((q) => q.eligible), true, 'the last valid quote stays the last event');
      // Submitting from another field moves the focus to the field in error.
      await calc(page).locator('#used').focus();
      await page.keyboard.press('Enter');
      assert.equal(await focused(page), 'price');
      await fill(page, 'price', '-5');
      assert.equal(await error.getAttribute('data-code'), 'NEGATIVE_AMOUNT');
      await fill(page, 'price', '950');
      await resultState(page, 'eligible');
      assert.equal(await price.getAttribute('aria-invalid'), null);
      assert.equal(await error.isHidden(), true);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }

  test('an empty required figure asks for it without an error until it is touched', async () => {
    const page = await samplePage(env, 'nl');
    await size(page, 'figures');
    await resultState(page, 'error');
    assert.match(await calc(page).locator('.result [part="message"]').textContent(), /Vul „Personeel \(voltijdse equivalenten\)” in/);
    assert.equal(await calc(page).locator('#staff').getAttribute('aria-invalid'), null);
    await calc(page).locator('form button[type="submit"]').click();
    assert.equal(await calc(page).locator('#staff').getAttribute('aria-invalid'), 'true');
    assert.equal(await calc(page).locator('#staff-error').textContent(), 'Dit veld is verplicht.');
    assert.equal(await focused(page), 'staff');
    await page.context().close();
  });
});

describe('phones first', () => {
  const widths = [320, 360, 768, 1280];
  test('no sideways scrolling and nothing cut off, at 320, 360, 768 and 1280 px, in each language and state', async () => {
    for (const lang of ['nl', 'fr', 'en']) {
      const page = await samplePage(env, lang, { width: 320 });
      for (const state of ['quote', 'figures', 'error']) {
        if (state === 'figures') {
          await size(page, 'figures');
          await fill(page, 'staff', '12');
          await fill(page, 'turnover', '1.800.000');
          await fill(page, 'balance', '900.000');
          await calc(page).locator('#first').check();
          await calc(page).locator('details[part="why"] summary').click();
        }
        if (state === 'error') {
          await pick(page, 'service', '');
          await fill(page, 'price', 'een heel lang woord zonder spaties-ditisechteenheellangwoord');
        }
        for (const width of widths) {
          await page.setViewportSize({ width, height: 800 });
          const layout = await page.evaluate(() => {
            const root = document.querySelector('kmo-calculator').shadowRoot;
            const out = [];
            for (const el of root.querySelectorAll('input, select, button, summary, label, dd, dt, li, p, h2, h3')) {
              const r = el.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) continue;
              if (el.closest('.sr-only')) continue;
              if (r.left < -0.5 || r.right > innerWidth + 0.5) out.push(`${el.tagName} ${el.id || el.className} ${r.left}..${r.right}`);
            }
            return { scroll: document.documentElement.scrollWidth, inner: innerWidth, out };
          });
          assert.ok(layout.scroll <= layout.inner, `${lang} ${state} ${width}px: page ${layout.scroll}px wide`);
          assert.deepEqual(layout.out, [], `${lang} ${state} ${width}px: cut off`);
        }
        await page.setViewportSize({ width: 320, height: 800 });
      }
      await page.context().close();
    }
  });

  test('touch targets of at least 44 × 44 px; numeric keyboards for amounts', async () => {
    const page = await samplePage(env, 'nl', { width: 320 });
    await size(page, 'figures');
    const small = await page.evaluate(() => {
      const root = document.querySelector('kmo-calculator').shadowRoot;
      const out = [];
      for (const el of root.querySelectorAll('input, select, button, summary')) {
        // A radio button or a checkbox is reached through its whole label.
        const target = el.type === 'radio' || el.type === 'checkbox' ? el.closest('label') : el;
        const r = target.getBoundingClientRect();
        if (r.width === 0) continue;
        if (r.width < 44 || r.height < 44) out.push(`${el.id || el.name || el.tagName} ${r.width}×${r.height}`);
      }
      return out;
    });
    assert.deepEqual(small, []);
    for (const id of ['price', 'used', 'staff', 'turnover', 'balance']) {
      assert.equal(await calc(page).locator(`#${id}`).getAttribute('inputmode'), 'decimal', id);
    }
    await page.context().close();
  });
});

describe('accessibility', () => {
  for (const lang of ['nl', 'fr', 'en']) {
    test(`axe-core finds no violation (${lang}): quote, figures, error, not eligible`, async () => {
      const page = await samplePage(env, lang, { width: 360 });
      await page.addScriptTag({ content: readFileSync(AXE, 'utf8') });
      const run = async (state) => {
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        const found = result.violations.map((v) => `${state}: ${v.id} (${v.impact}) ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
        assert.deepEqual(found, [], found.join('\n'));
      };
      await run('quote');
      await size(page, 'figures');
      await run('figures, nothing filled in yet');
      await fill(page, 'staff', '12,5');
      await fill(page, 'turnover', '1.800.000');
      await fill(page, 'balance', '900.000');
      await calc(page).locator('#first').check();
      await calc(page).locator('details[part="why"] summary').click();
      await run('figures');
      await fill(page, 'staff', 'x');
      await run('error');
      await size(page, 'small');
      await pick(page, 'service', '');
      await pick(page, 'kind', 'advice');
      await resultState(page, 'not-eligible');
      await run('not eligible');
      await page.setViewportSize({ width: 1280, height: 900 });
      await run('wide');
      await page.context().close();
    });
  }

  test('keyboard only: tab to the calculator, choose, type, submit, read the result', async () => {
    const page = await samplePage(env, 'nl', { width: 360 });
    const tabTo = async (want, key = 'Tab', max = 60) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press(key);
        const id = await focused(page);
        if (typeof want === 'function' ? want(id) : id === want) return id;
      }
      throw new Error(`${want} not reached with ${key}`);
    };
    await tabTo('service');
    await page.keyboard.press('ArrowDown'); // onboarding → conflict management
    await page.waitForFunction(() => window.quotes.at(-1)?.service?.id === 'conflict');
    await tabTo('price');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1.500,00');
    await tabTo('size-small');
    await page.keyboard.press('ArrowDown'); // small → medium
    await tabTo('used');
    await page.keyboard.type('7.000');
    await page.keyboard.press('Enter');
    assert.equal(await focused(page), 'result-title');
    const q = await lastQuote(page);
    assert.deepEqual([q.service.id, q.size_class, q.price, q.aid, q.own_share, q.vat, q.ceiling_left], ['conflict', 'medium', '1500.00', '300.00', '1200.00', '315.00', '200.00']);
    // The folded lists open from the keyboard: what was not checked, then the explanation.
    await tabTo((id) => id === 'summary');
    await page.keyboard.press('Enter');
    assert.equal(await calc(page).locator('details[part="unchecked"]').getAttribute('open'), '');
    await tabTo((id) => id === 'summary');
    await page.keyboard.press('Enter');
    assert.equal(await calc(page).locator('details[part="why"]').getAttribute('open'), '');
    // An error: back to the price, a wrong amount, submit from another field → focus on the price.
    await tabTo('price', 'Shift+Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('15O0');
    await tabTo('used');
    await page.keyboard.press('Enter');
    assert.equal(await focused(page), 'price');
    assert.equal(await calc(page).locator('#price').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

describe('honest states', () => {
  for (const lang of ['nl', 'fr', 'en']) {
    test(`the WebAssembly blocked: a message in ${lang}, and a retry that works`, async () => {
      let blocked = true;
      const page = await open(env, {
        route: (p) => p.route('**/*.wasm', (r) => (blocked ? r.abort('blockedbyclient') : r.continue())),
      });
      await page.goto(`${env.page}?lang=${lang}`);
      await settled(page);
      const failure = calc(page).locator('[data-state="failed"]');
      assert.equal(await failure.getAttribute('role'), 'alert');
      const text = await failure.textContent();
      assert.match(text, { nl: /kan in deze browser niet starten.*Flexorius/s, fr: /ne peut pas démarrer.*Flexorius/s, en: /cannot start in this browser.*Flexorius/s }[lang]);
      assert.equal(await calc(page).locator('form').count(), 0, 'no dead form');
      blocked = false;
      await calc(page).locator('[data-state="failed"] button').click();
      await resultState(page, 'eligible');
      assert.equal((await lastQuote(page)).aid, '600.00');
      await page.context().close();
    });
  }

  test('a Content Security Policy without wasm-unsafe-eval: the message, not a dead form', async () => {
    const page = await open(env, {
      route: (p) => p.route((url) => url.pathname === '/examples/web/', async (r) => {
        const response = await r.fetch();
        await r.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'" } });
      }),
    });
    await page.goto(`${env.page}?lang=nl`);
    await settled(page);
    assert.match(await calc(page).locator('[data-state="failed"]').textContent(), /rekenmodule werd geblokkeerd/);
    await page.context().close();
  });

  test('the same policy with wasm-unsafe-eval: the calculator works (its styles pass style-src \'self\')', async () => {
    const page = await open(env, {
      route: (p) => p.route((url) => url.pathname === '/examples/web/', async (r) => {
        const response = await r.fetch();
        await r.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'" } });
      }),
    });
    await page.goto(`${env.page}?lang=en`);
    await resultState(page, 'eligible');
    const height = await calc(page).locator('#price').evaluate((el) => getComputedStyle(el).minHeight);
    assert.equal(height, '44px');
    await page.context().close();
  });

  test('the catalogue missing (404): a message, and the free price still works', async () => {
    const page = await open(env, { route: (p) => p.route('**/catalogue.json', (r) => r.fulfill({ status: 404, body: 'not found' })) });
    await page.goto(`${env.page}?lang=nl`);
    await settled(page);
    assert.match(await calc(page).locator('.notice').textContent(), /Ons aanbod kon niet worden geladen/);
    assert.deepEqual(await calc(page).locator('#service option').evaluateAll((o) => o.map((x) => x.value)), ['']);
    await fill(page, 'price', '2000');
    await resultState(page, 'eligible');
    assert.equal((await lastQuote(page)).aid, '600.00');
    await page.context().close();
  });

  test('a loading state before the first answer', async () => {
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    const page = await open(env, { route: (p) => p.route('**/*.wasm', async (r) => { await held; await r.continue(); }) });
    await page.goto(`${env.page}?lang=fr`);
    const status = calc(page).locator('[part="status"]');
    await status.waitFor();
    assert.equal(await status.getAttribute('aria-busy'), 'true');
    assert.equal(await status.textContent(), 'Chargement du calculateur…');
    release();
    await resultState(page, 'eligible');
    await page.context().close();
  });
});

describe('the sample page\'s server', () => {
  test('serves the page and what it loads, gzip, and nothing else of the repository', async () => {
    const get = (path, headers = {}) => fetch(`${env.origin}${path}`, { headers, redirect: 'manual' });
    for (const path of ['/examples/web/', '/examples/web/?lang=fr', '/examples/web/app.js', '/examples/web/catalogue.json', '/kmo-wasm/pkg/calculator/index.js', '/kmo-wasm/pkg/calculator/engine-fr.js', '/kmo-wasm/pkg/calculator/engine-en.wasm']) {
      assert.equal((await get(path)).status, 200, path);
    }
    const wasm = await get('/kmo-wasm/pkg/calculator/engine-nl.wasm', { 'accept-encoding': 'gzip' });
    assert.deepEqual([wasm.headers.get('content-type'), wasm.headers.get('content-encoding')], ['application/wasm', 'gzip']);
    for (const path of ['/README.md', '/Cargo.toml', '/examples/web/serve.js', '/examples/web/package.json', '/kmo-wasm/package.json', '/kmo-wasm/src/lib.rs',
      '/examples/web/../../Cargo.toml', '/examples/web/%2e%2e/%2e%2e/Cargo.toml', '/kmo-wasm/pkg/node/kmo_wasm_bg.wasm', '/kmo-wasm/pkg/web/kmo_wasm_bg.wasm', '/kmo-wasm/calculator/index.js', '/.git/config', '/target/web/perf.json']) {
      assert.equal((await get(path)).status, 404, path);
    }
    assert.equal((await get('/')).headers.get('location'), '/examples/web/');
  });

  test('`node examples/web/serve.js` listens on 127.0.0.1, on the port PORT names', async () => {
    const { spawn } = await import('node:child_process');
    const { createServer } = await import('node:net');
    const port = await new Promise((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address();
        probe.close(() => resolve(free));
      });
    });
    const child = spawn(process.execPath, [join(ROOT, 'examples/web/serve.js')], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const line = await new Promise((resolve, reject) => {
        child.stdout.once('data', (d) => resolve(String(d).trim()));
        child.once('exit', (code) => reject(new Error(`serve.js exited with ${code}`)));
      });
      assert.equal(line, `http://127.0.0.1:${port}/examples/web/`);
      assert.match(await (await fetch(line)).text(), /<kmo-calculator/);
    } finally {
      child.kill();
    }
  });
});

describe('the package', () => {
  const consumer = process.env.KMO_CONSUMER_DIR;
  test('a fresh project resolves kmo-portefeuille/calculator to the element', { skip: consumer ? false : 'testing the repository (KMO_CALCULATOR_FROM=repo)' }, () => {
    const resolved = execFileSync(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('kmo-portefeuille/calculator'))"], { cwd: consumer }).toString().trim();
    assert.equal(resolved, pathToFileURL(join(consumer, 'node_modules/kmo-portefeuille/pkg/calculator/index.js')).href);
  });
});

describe('embedding', () => {
  const bare = (body, lang = 'fr-BE') => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>t</title>
    <script type="module" src="/kmo-wasm/pkg/calculator/index.js"></script></head><body>${body}</body></html>`;
  const inline = JSON.stringify({ provider: 'Atelier Ouest', services: [{ id: 'excel', title: { nl: 'Excel', fr: 'Excel avancé', en: 'Advanced Excel' }, kind: 'training', theme: 'digitalisering', price: '1250' }] });

  test('inline catalogue, the page\'s language, the lang attribute, and nothing global', async () => {
    const page = await open(env, {
      width: 300,
      route: (p) => p.route('**/embed.html', (r) => r.fulfill({
        contentType: 'text/html',
        body: bare(`<div style="width:260px"><kmo-calculator><script type="application/json">${inline}</script></kmo-calculator></div>`),
      })),
    });
    await page.goto(`${env.origin}/examples/web/embed.html`);
    await resultState(page, 'eligible');
    assert.match(await calc(page).locator('.result h2').textContent(), /Votre calcul/);
    assert.equal(await calc(page).locator('#price').inputValue(), `1${NNBSP}250,00`);
    assert.match(await calc(page).locator('[part="vat"]').textContent(), /directement à Atelier Ouest/);
    assert.equal((await lastQuote(page)).aid, '375.00');
    // Nothing outside the shadow root: no style sheet, no id, no global.
    assert.deepEqual(await page.evaluate(() => [document.styleSheets.length, document.querySelectorAll('[id]').length, getComputedStyle(document.body).margin]), [0, 0, '8px']);
    // The lang attribute wins; amounts keep their value when the language changes.
    await page.evaluate(() => document.querySelector('kmo-calculator').setAttribute('lang', 'en'));
    assert.equal(await calc(page).locator('#price').inputValue(), '1,250.00');
    assert.match(await calc(page).locator('.result h2').textContent(), /Your quote/);
    assert.equal((await lastQuote(page)).aid, '375.00');
    // A narrow column scrolls nothing sideways.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
    await page.context().close();
  });

  test('a catalogue entry the engine refuses is the service\'s error; a price shown as the quote reads it', async () => {
    const odd = JSON.stringify({ services: [
      { id: 'hr', title: 'HR', kind: 'training', theme: 'hr', price: '1000' },
      { id: 'be', title: 'Belgian price', kind: 'training', theme: 'innovatie', price: '2.000,00' },
    ] });
    const page = await open(env, {
      route: (p) => p.route('**/embed.html', (r) => r.fulfill({
        contentType: 'text/html',
        body: bare(`<kmo-calculator lang="en"><script type="application/json">${odd}</script></kmo-calculator>`),
      })),
    });
    await page.goto(`${env.origin}/examples/web/embed.html`);
    await settled(page);
    const labels = await calc(page).locator('#service option').allTextContents();
    assert.ok(labels.some((l) => l.includes('2.000,00')) && !labels.some((l) => l.includes('NaN')), labels.join(' | '));
    await pick(page, 'service', 'hr');
    await resultState(page, 'error');
    // The theme's field is hidden while a catalogue service is chosen: the error sits at the service.
    const error = calc(page).locator('#service-error');
    assert.equal(await error.isVisible(), true);
    assert.equal(await error.getAttribute('data-code'), 'UNKNOWN_CODE');
    assert.equal(await calc(page).locator('#theme-error').isVisible(), false);
    await pick(page, 'service', 'be');
    await resultState(page, 'eligible');
    assert.equal((await lastQuote(page)).price, '2000.00');
    await page.context().close();
  });

  test('theming through custom properties and ::part', async () => {
    const page = await samplePage(env, 'nl');
    const [bg, radius] = await calc(page).locator('button[type="submit"]').evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).borderTopLeftRadius]);
    assert.equal(bg, 'rgb(90, 42, 130)'); // --kmo-accent: the page's brand colour
    assert.equal(radius, '999px'); // ::part(submit)
    await page.context().close();
  });

  test('print: a one-page summary of the quote in each language', async () => {
    for (const lang of ['nl', 'fr', 'en']) {
      const page = await samplePage(env, lang);
      await calc(page).locator('#first').check();
      await page.emulateMedia({ media: 'print' });
      assert.equal(await calc(page).locator('form').isHidden(), true);
      assert.equal(await calc(page).locator('.result').isVisible(), true);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.equal(pages, 1, `${lang}: ${pages} pages`);
      await page.context().close();
    }
  });
});

describe('the kmo-quote event', () => {
  test('its detail is the shown quote, for the host page\'s offer form', async () => {
    const page = await samplePage(env, 'en');
    await pick(page, 'service', 'conflict');
    const q = await lastQuote(page);
    assert.deepEqual(q, {
      service: { id: 'conflict', title: 'Conflict management for managers' },
      kind: 'training',
      theme: 'personeelsmanagement',
      subtheme: null,
      lang: 'en',
      application_date: '2026-03-11',
      start_date: '2026-03-11',
      first_time: false,
      size_class: 'small',
      eligible: true,
      price: '1250.00',
      eligible_cost: '1250.00',
      rate: '30',
      aid: '375.00',
      own_share: '875.00',
      vat: '262.50',
      ceiling: '7500.00',
      ceiling_left: '7125.00',
      capped: false,
      deadlines: { apply_by: '2026-03-25', pay_own_share_by: '2026-03-25', complete_by: '2027-12-31' },
      registration: null,
      blocking: [],
      engine: q.engine,
    });
    assert.match(q.engine, /^kmo \d/);
    assert.deepEqual(await calc(page).evaluate((el) => el.quote.aid), '375.00');
    // The sample page fills its offer form from it.
    assert.match(await page.locator('#contact-message').inputValue(), /Conflict management for managers.*own share €875\.00/);
    assert.equal(JSON.parse(await page.locator('#contact-quote').inputValue()).own_share, '875.00');
    // One event per change of the shown quote, not per keystroke that changes nothing.
    const before = await page.evaluate(() => window.quotes.length);
    await fill(page, 'price', '1.250,00');
    await fill(page, 'price', '1250');
    assert.equal(await page.evaluate(() => window.quotes.length), before);
    await page.context().close();
  });

  test('its deadlines are the dates shown, also for a first application (the registration planned)', async () => {
    const page = await samplePage(env, 'en');
    const dates = async () => Object.fromEntries(await calc(page).locator('.result .dates dd').evaluateAll((dds) => dds.map((dd) => [dd.dataset.field, dd.textContent])));
    const long = (d) => new Date(`${d}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    // Each date shown is the detail's (an estimate says "about").
    const same = async (q, where) => {
      const shown = await dates();
      assert.deepEqual(Object.keys(q.deadlines).sort(), ['apply_by', 'complete_by', 'pay_own_share_by'], where);
      assert.deepEqual(Object.keys(shown).sort(), Object.keys(q.deadlines).filter((k) => q.deadlines[k] !== null).sort(), where);
      for (const [key, text] of Object.entries(shown)) assert.equal(text.replace(/^about /, ''), long(q.deadlines[key]), `${where}: ${key}`);
    };
    await fill(page, 'applied', '2026-12-07');
    await fill(page, 'start', '2026-12-20');
    await page.waitForFunction(() => window.quotes.at(-1)?.start_date === '2026-12-20' && window.quotes.at(-1)?.application_date === '2026-12-07');
    let q = await lastQuote(page);
    assert.deepEqual(q.deadlines, { apply_by: '2027-01-03', pay_own_share_by: '2026-12-21', complete_by: '2027-12-31' });
    await same(q, 'not the first time');
    // The first time: the own share is paid, and the application made, after the activation
    // letter (expected on 17 December): the dates shown move, and so do the detail's.
    await calc(page).locator('#first').check();
    await page.waitForFunction(() => window.quotes.at(-1)?.first_time === true);
    q = await lastQuote(page);
    assert.deepEqual(q.deadlines, { apply_by: '2027-01-03', pay_own_share_by: '2026-12-31', complete_by: '2027-12-31' });
    assert.equal((await dates()).pay_own_share_by, 'about 31 December 2026');
    await same(q, 'the first time');
    // The engine's plan is sent as it is.
    assert.deepEqual([q.registration.register_by, q.registration.letter_expected, q.registration.pay_own_share_by], ['2026-12-24', '2026-12-17', '2026-12-31']);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

describe('screenshots', () => {
  test('at 360 and 1280 px in each language, under target/web/', async () => {
    for (const lang of ['nl', 'fr', 'en']) {
      for (const width of [360, 1280]) {
        const page = await samplePage(env, lang, { width });
        await calc(page).scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `calculator-${lang}-${width}.png`), fullPage: true });
        await calc(page).screenshot({ path: join(SHOTS, `calculator-${lang}-${width}-element.png`) });
        await page.context().close();
      }
    }
  });
});

describe('the page around it', () => {
  const LONG = 'Leiderschap in tijden van verandering: een praktijkgerichte opleiding voor leidinggevenden en teamcoaches in kmo’s, met persoonlijke begeleiding';
  const catalogue = JSON.stringify({
    provider: 'Atelier Ouest',
    services: [
      { id: 'lead', title: { nl: LONG, fr: LONG, en: LONG }, kind: 'training', theme: 'personeelsmanagement', price: '2000' },
      { id: 'cyber', title: 'Cyber', kind: 'advice', theme: 'digitalisering', subtheme: 'cybersecurity', price: '3200' },
    ],
  });
  // A page whose own styles a visitor's calculator inherits, as sites have them (a centred,
  // italic, capitalised hero; a font size forced on everything), and the site's one line that
  // sets the calculator's size the way the README says (a custom property).
  const HOSTILE = `body { letter-spacing: 3px; word-spacing: 12px; text-align: center; text-transform: uppercase; font-style: italic;
      font-weight: 300; line-height: 3; color: #c00000; white-space: pre; text-indent: 2em; font-variant: small-caps;
      text-shadow: 1px 1px 2px #888; font-feature-settings: "smcp"; cursor: wait; }
    * { font-size: 20px !important; }
    kmo-calculator { --kmo-font-size: 16px; }`;
  const embed = (page, style) => page.route('**/embed.html', (r) => r.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title><style>${style}</style>
      <script type="module" src="/kmo-wasm/pkg/calculator/index.js"></script></head><body>
      <kmo-calculator><script type="application/json">${catalogue}</script></kmo-calculator></body></html>`,
  }));
  // Every element of the shadow root: its box and the text properties a page could pass down.
  const TEXT_PROPERTIES = ['font-family', 'font-size', 'font-style', 'font-weight', 'font-variant-caps', 'font-feature-settings', 'line-height', 'letter-spacing',
    'word-spacing', 'text-align', 'text-indent', 'text-transform', 'text-shadow', 'white-space', 'color', 'cursor'];
  // (Boxes from the element's corner: where the page puts the element is the page's business.)
  const inside = (page) => page.evaluate((props) => {
    const host = document.querySelector('kmo-calculator');
    const origin = host.getBoundingClientRect();
    return [...host.shadowRoot.querySelectorAll('*')].map((el) => {
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return { el: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}`, box: r.width === 0 && r.height === 0 ? 'none' : [r.x - origin.x, r.y - origin.y, r.width, r.height].map(Math.round).join(','), ...Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)])) };
    });
  }, TEXT_PROPERTIES);

  // How many pixels of two PNG screenshots differ, counted in the browser.
  const pixelDiff = async (a, b) => {
    const page = await env.browser.newPage();
    const out = await page.evaluate(async (images) => {
      const pixels = async (src) => {
        const bitmap = await createImageBitmap(await (await fetch(src)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const g = canvas.getContext('2d');
        g.drawImage(bitmap, 0, 0);
        return { size: [bitmap.width, bitmap.height], data: g.getImageData(0, 0, bitmap.width, bitmap.height).data };
      };
      const [x, y] = await Promise.all(images.map(pixels));
      let n = 0;
      if (x.data.length === y.data.length) {
        for (let i = 0; i < x.data.length; i += 4) if (x.data[i] !== y.data[i] || x.data[i + 1] !== y.data[i + 1] || x.data[i + 2] !== y.data[i + 2]) n++;
      }
      return { sizes: [x.size, y.size], pixels: n };
    }, [a, b].map((png) => `data:image/png;base64,${png.toString('base64')}`));
    await page.close();
    return out;
  };

  test('inherited page styles stay out: at 360 and 1280 px the element is the one of a plain page', async () => {
    for (const width of [360, 1280]) {
      const shots = [];
      const seen = [];
      for (const [name, style] of [['plain', ''], ['hostile', HOSTILE]]) {
        const page = await open(env, { width, route: (p) => embed(p, style) });
        await page.goto(`${env.origin}/examples/web/embed.html`);
        await resultState(page, 'eligible');
        if (name === 'hostile') {
          // The page's styles are in force outside.
          assert.deepEqual(await page.evaluate(() => [getComputedStyle(document.body).textTransform, getComputedStyle(document.body).fontSize]), ['uppercase', '20px']);
        }
        // The same scroll position relative to the element (its result column is sticky).
        await calc(page).evaluate((el) => el.scrollIntoView({ block: 'start' }));
        seen.push(await inside(page));
        const shot = await calc(page).screenshot({ path: join(SHOTS, `calculator-${name}-page-${width}.png`) });
        shots.push(shot);
        await page.screenshot({ path: join(SHOTS, `calculator-${name}-page-${width}-full.png`), fullPage: true });
        await page.context().close();
      }
      const [plain, hostile] = seen;
      assert.equal(hostile.length, plain.length);
      const differences = plain.flatMap((p, i) => Object.keys(p).filter((k) => p[k] !== hostile[i][k]).map((k) => `${width}px ${p.el} ${k}: ${p[k]} → ${hostile[i][k]}`));
      assert.deepEqual(differences.slice(0, 20), []);
      // The same picture: the same size, and at most a few anti-aliased pixels apart.
      const diff = await pixelDiff(shots[0], shots[1]);
      assert.deepEqual(diff.sizes[0], diff.sizes[1], `${width}px: the element's size`);
      assert.ok(diff.pixels <= diff.sizes[0][0] * diff.sizes[0][1] * 1e-4, `${width}px: ${diff.pixels} pixels differ (target/web/calculator-*-page-${width}.png)`);
    }
  });

  test('the custom property sets the size, even against a page\'s !important', async () => {
    const page = await open(env, { route: (p) => embed(p, '* { font-size: 20px !important; } kmo-calculator { --kmo-font-size: 14px; --kmo-line-height: 1.4; --kmo-letter-spacing: 0.01em; }') });
    await page.goto(`${env.origin}/examples/web/embed.html`);
    await resultState(page, 'eligible');
    assert.deepEqual(await calc(page).evaluate((el) => [getComputedStyle(el).fontSize, getComputedStyle(el).lineHeight, getComputedStyle(el).letterSpacing]), ['14px', '19.6px', '0.14px']);
    assert.equal(await calc(page).locator('#price').evaluate((el) => getComputedStyle(el).fontSize), '14px');
    await page.context().close();
  });

  test('the state on the element: data-state, :state(), ::part(result eligible|not-eligible|error)', async () => {
    const page = await open(env, { route: (p) => embed(p, 'kmo-calculator::part(not-eligible) { outline: 3px solid rgb(200, 0, 0); } kmo-calculator[data-state="error"] { outline: 2px dashed rgb(0, 0, 200); }') });
    await page.goto(`${env.origin}/examples/web/embed.html`);
    await resultState(page, 'eligible');
    const state = () => calc(page).evaluate((el) => [el.dataset.state, ['eligible', 'not-eligible', 'error'].filter((s) => el.matches(`:state(${s})`)).join()]);
    assert.deepEqual(await state(), ['eligible', 'eligible']);
    await pick(page, 'service', 'cyber');
    await size(page, 'large');
    await resultState(page, 'not-eligible');
    assert.deepEqual(await state(), ['not-eligible', 'not-eligible']);
    assert.equal(await calc(page).locator('.result').evaluate((el) => getComputedStyle(el).outlineColor), 'rgb(200, 0, 0)');
    await fill(page, 'price', 'x');
    await resultState(page, 'error');
    assert.deepEqual(await state(), ['error', 'error']);
    assert.equal(await calc(page).evaluate((el) => getComputedStyle(el).outlineStyle), 'dashed');
    await page.context().close();
  });

  test('kmo-quote-invalid when the quote shown becomes invalid; el.quote is null until a new quote', async () => {
    const page = await samplePage(env, 'en');
    await page.evaluate(() => {
      window.invalid = [];
      document.addEventListener('kmo-quote-invalid', (e) => window.invalid.push(e.detail));
    });
    assert.equal((await lastQuote(page)).aid, '600.00');
    assert.notEqual(await page.locator('#contact-quote').inputValue(), '');
    await fill(page, 'price', 'twenty');
    await resultState(page, 'error');
    assert.deepEqual(await page.evaluate(() => window.invalid), [{ code: 'INVALID_AMOUNT', path: 'service.cost', field: 'price' }]);
    assert.equal(await calc(page).evaluate((el) => el.quote), null);
    // The sample page's offer form drops the old numbers.
    assert.equal(await page.locator('#contact-quote').inputValue(), '');
    await fill(page, 'price', 'twenty-one');
    assert.equal(await page.evaluate(() => window.invalid.length), 1, 'once, not per keystroke');
    await fill(page, 'price', '1000');
    await resultState(page, 'eligible');
    assert.equal(await calc(page).evaluate((el) => el.quote.aid), '300.00');
    assert.equal(JSON.parse(await page.locator('#contact-quote').inputValue()).aid, '300.00');
    await page.context().close();
  });

  test('a page script that runs after the first quote still pre-fills its form from el.quote', async () => {
    // The sample page's own script arrives only once the calculator has shown its first quote.
    let release;
    const quoted = new Promise((resolve) => { release = resolve; });
    const page = await open(env, {
      locale: 'en-GB',
      route: (p) => p.route('**/examples/web/app.js', async (route) => {
        await quoted;
        await route.continue();
      }),
    });
    // Not waiting for the load event: the page's script holds it back.
    await page.goto(`${env.page}?lang=en`, { waitUntil: 'commit' });
    await settled(page);
    assert.equal((await lastQuote(page)).aid, '600.00');
    assert.equal(await page.locator('#contact-quote').inputValue(), '', 'the page script has not run yet');
    release();
    await page.waitForFunction(() => document.getElementById('contact-quote').value !== '', null, { timeout: 15000 });
    assert.equal(JSON.parse(await page.locator('#contact-quote').inputValue()).aid, '600.00');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('on a phone the price is next to the choice of service; a long title is shown in full', async () => {
    const page = await open(env, { width: 360, route: (p) => embed(p, '') });
    await page.goto(`${env.origin}/examples/web/embed.html`);
    await resultState(page, 'eligible');
    const peek = calc(page).locator('p.peek');
    assert.equal(await peek.isVisible(), true);
    assert.equal(await peek.textContent(), await calc(page).locator('.headline').textContent());
    const [serviceBottom, peekTop, resultTop] = await page.evaluate(() => {
      const root = document.querySelector('kmo-calculator').shadowRoot;
      return ['#service', 'p.peek', '.result'].map((s, i) => root.querySelector(s).getBoundingClientRect()[i === 0 ? 'bottom' : 'top']);
    });
    assert.ok(peekTop - serviceBottom < 250, `the price ${peekTop - serviceBottom}px below the choice`);
    assert.ok(resultTop - serviceBottom > 600, 'the full result still comes after the form');
    // The chosen title, whole, wrapped within the width.
    const chosen = calc(page).locator('.facts .chosen');
    assert.equal(await chosen.textContent(), LONG);
    const box = await chosen.evaluate((el) => [el.getClientRects().length, el.closest('.facts').scrollWidth <= el.closest('.facts').clientWidth]);
    assert.ok(box[0] > 1 && box[1], `the title on ${box[0]} lines, inside the field: ${box[1]}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.equal(await peek.isVisible(), false, 'beside the form the result itself shows it');
    await calc(page).scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: join(SHOTS, 'calculator-long-title-360.png') });
    await page.context().close();
  });

  test('"not checked" folded under a quote, absent under a refusal', async () => {
    const page = await samplePage(env, 'en');
    const unchecked = calc(page).locator('details[part="unchecked"]');
    assert.equal(await unchecked.count(), 1);
    assert.equal(await unchecked.getAttribute('open'), null);
    assert.match(await unchecked.locator('summary').textContent(), /^Not checked: \d+ conditions to check yourself$/);
    assert.equal(await unchecked.locator('li').first().isVisible(), false);
    await pick(page, 'service', '');
    await pick(page, 'kind', 'advice');
    await resultState(page, 'not-eligible');
    assert.equal(await unchecked.count(), 0);
    assert.equal(await calc(page).locator('li[data-code$="_NOT_CHECKED"]').count(), 0);
    await page.context().close();
  });

  test('the steps in date order, the application date a field of its own, the words of the service', async () => {
    const page = await samplePage(env, 'en');
    assert.equal(await calc(page).locator('#applied').inputValue(), '2026-03-11', 'today in Brussels by default');
    // A training starting in May, applied for today: the own share is due before the start.
    await fill(page, 'start', '2026-05-04');
    await page.waitForFunction(() => window.quotes.at(-1)?.start_date === '2026-05-04');
    const steps = async () => calc(page).locator('.steps li').evaluateAll((li) => li.map((x) => [x.dataset.step, x.dataset.date]));
    const dated = (list) => list.map(([, d]) => d).filter(Boolean);
    let order = await steps();
    assert.deepEqual(dated(order), [...dated(order)].sort(), JSON.stringify(order));
    assert.deepEqual(order.slice(0, 3).map(([s]) => s), ['apply', 'pay_own_share', 'service_start']);
    assert.match(await calc(page).locator('[data-step="apply"]').textContent(), /^Apply on the platform on 11 March 2026 \(at the latest on 18 May 2026\)\./);
    assert.match(await calc(page).locator('[data-step="service_start"]').textContent(), /^The training starts on 4 May 2026\./);
    assert.match(await calc(page).locator('[data-step="complete_service"]').textContent(), /^Finish the training by/);
    // Applying later, on 30 April: the deadlines follow, the quote says so.
    await fill(page, 'applied', '2026-04-30');
    await page.waitForFunction(() => window.quotes.at(-1)?.application_date === '2026-04-30');
    const q = await lastQuote(page);
    assert.deepEqual([q.application_date, q.deadlines.pay_own_share_by, q.deadlines.apply_by], ['2026-04-30', '2026-05-14', '2026-05-18']);
    order = await steps();
    assert.deepEqual(dated(order), [...dated(order)].sort(), JSON.stringify(order));
    // Advice: the words of advice.
    await pick(page, 'service', 'cyber-hr-advice');
    await page.waitForFunction(() => window.quotes.at(-1)?.kind === 'advice');
    assert.match(await calc(page).locator('[data-step="service_start"]').textContent(), /^The advice starts on/);
    assert.match(await calc(page).locator('[data-step="complete_service"]').textContent(), /^Finish the advice by/);
    assert.equal(await calc(page).locator('#start-help').textContent(), 'The day the advice starts.');
    // An application date left empty is asked for at its field.
    await fill(page, 'applied', '');
    await calc(page).locator('form button[type="submit"]').click();
    assert.equal(await calc(page).locator('#applied').getAttribute('aria-invalid'), 'true');
    assert.equal(await focused(page), 'applied');
    await page.context().close();
  });
});

describe('the examples of calculator/README.md, taken from the Markdown', () => {
  const file = 'kmo-wasm/calculator/README.md';
  const readme = blocks(file);
  const version = JSON.parse(readFileSync(join(ROOT, 'kmo-wasm/package.json'), 'utf8')).version;
  const one = (lang, has) => {
    const found = readme.filter((b) => b.lang === lang && b.code.includes(has));
    assert.equal(found.length, 1, `${file}: one ${lang} block with ${has}`);
    return found[0].code;
  };
  // The CDN's URL (pinned to the package's version) → the same files from the test's server.
  const local = (html) => html.replace(/https:\/\/cdn\.jsdelivr\.net\/npm\/kmo-portefeuille@([^/]+)\/pkg\//g, (_, v) => {
    assert.equal(v, version, 'the README pins the package\'s version');
    return '/kmo-wasm/pkg/';
  });
  // What a block's scripts say they print: `console.log(…); // text`.
  const said = (html) => [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].flatMap(([, code]) => statedLines(code))
    .filter((l) => /console\.log\(/.test(l.statement)).map((l) => statedValue(l.comment)?.text ?? l.comment.split(/\s{2,}/)[0].trim());

  test('the tag with its catalogue, the events, the theming and the preload: what the README says', async () => {
    const [tag, catalogue, events, css, preload] = [one('html', 'catalogue='), one('json', '"services"'), one('html', 'kmo-quote-invalid'), one('css', '::part(submit)'), one('html', 'rel="preload"')];
    const page = await open(env, {
      route: async (p) => {
        await p.route('**/readme.html', (r) => r.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>README</title><style>${css}</style>${local(preload)}</head><body>${local(tag)}${events}</body></html>` }));
        await p.route('**/catalogue.json', (r) => r.fulfill({ contentType: 'application/json', body: catalogue }));
      },
    });
    const logs = [];
    const requested = [];
    page.on('console', (m) => logs.push(m.text()));
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${env.origin}/examples/web/readme.html`);
    await resultState(page, 'eligible');
    const [onQuote, onInvalid] = said(events);
    await page.waitForFunction(() => document.querySelector('#offer').elements.quote.value !== '');
    assert.ok(logs.includes(onQuote), `printed ${JSON.stringify(logs)}, the README says ${onQuote}`);
    assert.equal(JSON.parse(await page.evaluate(() => document.querySelector('#offer').elements.quote.value)).own_share, '1400.00');
    // A visitor types letters as the price: the README's second line.
    await fill(page, 'price', 'abc');
    await resultState(page, 'error');
    assert.ok(logs.includes(onInvalid), `printed ${JSON.stringify(logs)}, the README says ${onInvalid}`);
    assert.equal(await page.evaluate(() => document.querySelector('#offer').elements.quote.value), '');
    // The README's theme.
    const [bg, radius] = await calc(page).locator('button[type="submit"]').evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).borderTopLeftRadius]);
    assert.deepEqual([bg, radius], ['rgb(90, 42, 130)', '999px']);
    // The preloaded files are the ones the element loads.
    for (const href of [...preload.matchAll(/href="([^"]+)"/g)].map((m) => new URL(local(m[1]), env.origin).pathname)) assert.ok(requested.includes(href), `${href} not loaded: ${requested.join(', ')}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the inline catalogue', async () => {
    const inline = one('html', 'application/json');
    const page = await open(env, {
      route: (p) => p.route('**/inline.html', (r) => r.fulfill({ contentType: 'text/html', body: `<!doctype html><html><head><meta charset="utf-8"><title>t</title><script type="module" src="/kmo-wasm/pkg/calculator/index.js"></script></head><body>${inline}</body></html>` })),
    });
    await page.goto(`${env.origin}/examples/web/inline.html`);
    await resultState(page, 'eligible');
    const q = await lastQuote(page);
    assert.deepEqual([q.service.title, q.price, q.aid], ['Giving feedback and coaching', '780.00', '234.00']);
    assert.match(await calc(page).locator('[part="vat"]').textContent(), /directly to Flexorius/);
    await page.context().close();
  });
});
