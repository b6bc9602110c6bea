// Entry for bundlers that implement the WebAssembly ESM integration (webpack with
// `experiments.asyncWebAssembly`, Vite 8, Vite 6/7 with vite-plugin-wasm): the bundler loads the
// module. The default entry `kmo-portefeuille` needs none of that; this one is for those who
// prefer their bundler's own WebAssembly handling.
import * as raw from '../pkg/bundler/kmo_wasm.js';
import { KmoError, makeApi, typedDoors } from '../js/api.js';

const api = makeApi(raw, typedDoors);

export { KmoError };
/** Resolves at once: the bundler has loaded the module before this code runs. */
export const init = async () => {};
export const { assess, classify, quote, quoteNumbers, rulebooks, codes, checkProviderNumber, checkEnterpriseNumber, Wallet, engine } = api;
