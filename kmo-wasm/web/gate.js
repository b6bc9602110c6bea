// The API behind an asynchronous load, shared by the browser entries: `init()` loads the
// WebAssembly module once (concurrent calls share the one load, a failed load can be retried),
// then every function is synchronous. A call before that throws KmoError NOT_INITIALIZED.
import { KmoError, makeApi, typedDoors } from '../js/api.js';

export function gated(load) {
  let api = null;
  let loading = null;

  function ready() {
    if (api === null) {
      throw new KmoError('NOT_INITIALIZED', '', 'the WebAssembly module is not loaded yet: call `await init()` (exported by kmo-portefeuille) once before the first call');
    }
    return api;
  }

  function init(input) {
    if (api !== null) return Promise.resolve();
    if (loading === null) {
      loading = load(input).then(
        (raw) => {
          api = makeApi(raw, typedDoors);
        },
        (e) => {
          loading = null;
          throw e;
        },
      );
    }
    return loading;
  }

  class Wallet {
    constructor(document, options) {
      return new (ready().Wallet)(document, options);
    }
    static fromJSON(document, options) {
      return new (ready().Wallet)(document, options);
    }
    static [Symbol.hasInstance](value) {
      return api !== null && value instanceof api.Wallet;
    }
  }

  return {
    init,
    assess: (request) => ready().assess(request),
    classify: (size) => ready().classify(size),
    quote: (input) => ready().quote(input),
    quoteNumbers: (questions) => ready().quoteNumbers(questions),
    rulebooks: () => ready().rulebooks(),
    codes: () => ready().codes(),
    checkProviderNumber: (text, lang) => ready().checkProviderNumber(text, lang),
    checkEnterpriseNumber: (text, lang) => ready().checkEnterpriseNumber(text, lang),
    engine: () => ready().engine(),
    Wallet,
  };
}
