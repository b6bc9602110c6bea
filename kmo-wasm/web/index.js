// Browser entry with the WebAssembly module as a separate file: `await init()` once (it fetches
// kmo_wasm_bg.wasm next to the glue, or what you pass: a URL, a Response, bytes or a compiled
// WebAssembly.Module), then call the API. Vite and webpack copy the .wasm file into the build
// (they understand `new URL(…, import.meta.url)`).
import initWasm, * as raw from '../pkg/web/kmo_wasm.js';
import { KmoError } from '../js/api.js';
import { gated } from './gate.js';

const api = gated(async (input) => {
  await initWasm({ module_or_path: input ?? new URL('../pkg/web/kmo_wasm_bg.wasm', import.meta.url) });
  return raw;
});

export { KmoError };
export const { init, assess, classify, quote, quoteNumbers, rulebooks, codes, checkProviderNumber, checkEnterpriseNumber, engine, Wallet } = api;
export default init;
