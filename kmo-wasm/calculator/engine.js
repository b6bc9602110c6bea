// The engine: one load per page and language, started by the first element, shared by all;
// a failed load is forgotten, so that the retry button starts afresh.
import { makeAssess, KmoError } from '../js/api.js';

// What the element shows before its engine has loaded, or when it cannot: in every language.
// The rest of its words come with the engine of the visitor's language (texts/<lang>.js).
export const EARLY = {
  nl: {
    loading: 'De calculator wordt geladen…',
    engineFailed: 'De calculator kan in deze browser niet starten: de rekenmodule werd geblokkeerd of niet gevonden.',
    contact: (p) => (p ? `Neem contact op met ${p} voor een berekening op maat, of probeer het later opnieuw.` : 'Probeer het later opnieuw.'),
    retry: 'Opnieuw proberen',
  },
  fr: {
    loading: 'Chargement du calculateur…',
    engineFailed: 'Le calculateur ne peut pas démarrer dans ce navigateur : le module de calcul a été bloqué ou n’a pas été trouvé.',
    contact: (p) => (p ? `Contactez ${p} pour un calcul sur mesure, ou réessayez plus tard.` : 'Réessayez plus tard.'),
    retry: 'Réessayer',
  },
  en: {
    loading: 'Loading the calculator…',
    engineFailed: 'The calculator cannot start in this browser: its calculation module was blocked or not found.',
    contact: (p) => (p ? `Contact ${p} for a quote, or try again later.` : 'Please try again later.'),
    retry: 'Try again',
  },
};

// Each language's module and glue, written out so that bundlers see (and copy) every file.
const ENGINES = {
  nl: { wasm: () => new URL('./engine-nl.wasm', import.meta.url), glue: () => import('./engine-nl.js') },
  fr: { wasm: () => new URL('./engine-fr.wasm', import.meta.url), glue: () => import('./engine-fr.js') },
  en: { wasm: () => new URL('./engine-en.wasm', import.meta.url), glue: () => import('./engine-en.js') },
};
const engines = {};
export function loadEngine(lang) {
  if (!engines[lang]) {
    const { wasm, glue } = ENGINES[lang];
    // The .wasm download starts now, in parallel with the glue that will use it.
    const bytes = fetch(wasm());
    bytes.catch(() => {}); // reported through init() below
    const loading = glue().then(async (raw) => {
      await raw.default({ module_or_path: bytes });
      return { assess: makeAssess(raw), KmoError, texts: raw.texts };
    });
    loading.catch(() => {
      delete engines[lang]; // a later attempt (the retry button) starts afresh
    });
    engines[lang] = loading;
  }
  return engines[lang];
}
