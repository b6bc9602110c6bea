// Node.js entry (ESM): the WebAssembly module is loaded synchronously on import.
import { createRequire } from 'node:module';
import { KmoError, makeApi } from '../js/api.js';

const require = createRequire(import.meta.url);
const api = makeApi(require('../pkg/node/kmo_wasm.js'));

export { KmoError };
export const { assess, classify, quote, rulebooks, checkProviderNumber, checkEnterpriseNumber, Wallet, engine } = api;
