// Browser entry without a bundler: `await init()` once (it fetches kmo_wasm_bg.wasm next to the
// glue, or from the URL you pass), then call the API.
import initWasm, * as raw from '../pkg/web/kmo_wasm.js';
import { KmoError, makeApi } from '../js/api.js';

let api = null;

function ready() {
  if (api === null) throw new KmoError('NOT_INITIALIZED', '', 'call `await init()` before using kmo');
  return api;
}

/** Loads the WebAssembly module; resolves when the API is ready. */
export default async function init(input) {
  if (api === null) {
    await initWasm(input === undefined ? undefined : { module_or_path: input });
    api = makeApi(raw);
  }
}

export { KmoError };
export const assess = (r) => ready().assess(r);
export const classify = (s) => ready().classify(s);
export const quote = (q) => ready().quote(q);
export const rulebooks = () => ready().rulebooks();
export const checkProviderNumber = (t) => ready().checkProviderNumber(t);
export const checkEnterpriseNumber = (t) => ready().checkEnterpriseNumber(t);
export const engine = () => ready().engine();
export class Wallet {
  constructor(document) {
    return new (ready().Wallet)(document);
  }
  static fromJSON(document) {
    return new (ready().Wallet)(document);
  }
}
