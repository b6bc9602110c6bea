// Node.js entry (ESM): the WebAssembly module is loaded synchronously on import; `init()` is
// there so that code shared with the browser entries can call it the same way. The module
// travels inside the JavaScript (the glue unpacks pkg/inline.cjs), so that a bundler of server
// code (Next.js with Turbopack or webpack, Vite's SSR builds, esbuild) takes it as any other
// module, with no file to find at run time. One glue for ESM and CommonJS: one instance.
import raw from '../pkg/node/kmo_wasm.js';
import { KmoError, makeApi, typedDoors } from '../js/api.js';

const api = makeApi(raw, typedDoors);

export { KmoError };
/** Resolves at once: in Node.js the module is ready on import. */
export const init = async () => {};
export const { assess, classify, quote, quoteNumbers, rulebooks, codes, checkProviderNumber, checkEnterpriseNumber, Wallet, engine } = api;
