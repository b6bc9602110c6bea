// Node.js entry (ESM): the WebAssembly module is loaded synchronously on import; `init()` is
// there so that code shared with the browser entries can call it the same way.
import { createRequire } from 'node:module';
import { KmoError, makeApi } from '../js/api.js';

const require = createRequire(import.meta.url);
const api = makeApi(require('../pkg/node/kmo_wasm.js'));

export { KmoError };
/** Resolves at once: in Node.js the module is ready on import. */
export const init = async () => {};
export const { assess, classify, quote, rulebooks, codes, checkProviderNumber, checkEnterpriseNumber, Wallet, engine } = api;
