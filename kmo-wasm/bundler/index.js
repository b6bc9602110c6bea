// Bundler entry (webpack, Vite, Rollup with a wasm plugin): the bundler loads the module.
import * as raw from '../pkg/bundler/kmo_wasm.js';
import { KmoError, makeApi } from '../js/api.js';

const api = makeApi(raw);

export { KmoError };
export const { assess, classify, quote, rulebooks, checkProviderNumber, checkEnterpriseNumber, Wallet, engine } = api;
