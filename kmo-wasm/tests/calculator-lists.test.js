// The calculator's words held to the engine's lists (js/lists.js, generated from kmo-core's
// catalogue): every code the engine has, of the lists the calculator shows, has its word in
// each language, and no word is left for a code the engine does not have.
import test from 'node:test';
import assert from 'node:assert/strict';
import { PROCEDURE_STEPS, SERVICE_KINDS, SIZE_CLASSES, SUBTHEMES, THEMES } from '../js/lists.js';
import en from '../calculator/texts/en.js';
import fr from '../calculator/texts/fr.js';
import nl from '../calculator/texts/nl.js';

const lists = [
  ['kinds', SERVICE_KINDS, []],
  ['themes', THEMES, []],
  ['subthemes', SUBTHEMES, ['']],
  ['sizes', SIZE_CLASSES, ['figures']],
  ['steps', PROCEDURE_STEPS, []],
];

for (const [lang, words] of Object.entries({ en, fr, nl })) {
  test(`the calculator's ${lang} words name the engine's codes, and only those`, () => {
    for (const [key, codes, own] of lists) {
      assert.deepEqual(
        Object.keys(words[key]).sort(),
        [...codes, ...own].sort(),
        `${lang}: ${key}`,
      );
    }
  });
}
