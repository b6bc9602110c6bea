// The default entry outside Node.js (bundlers, browsers, Web Workers): the WebAssembly
// module travels inside this JavaScript (gzip, then base64), so every bundler takes it as plain
// code, with no plugin and no setting, and no server has to serve a .wasm file. `await init()`
// once (it unpacks and compiles the module asynchronously); then every
// function is synchronous.
import initWasm, * as raw from '../pkg/web/kmo_wasm.js';
import packed from '../pkg/inline.js';
import { KmoError } from '../js/api.js';
import { gated } from '../web/gate.js';

function unpacked() {
  if (typeof DecompressionStream !== 'function') {
    throw new KmoError('UNSUPPORTED_ENVIRONMENT', '', 'this JavaScript environment has no DecompressionStream (browsers since 2023 have it); use the entry kmo-portefeuille/web instead');
  }
  const text = atob(packed);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  const wasm = new Response(bytes).body.pipeThrough(new DecompressionStream('gzip'));
  // A Response of type application/wasm: the module is compiled while it is unpacked.
  return new Response(wasm, { headers: { 'Content-Type': 'application/wasm' } });
}

const api = gated(async () => {
  await initWasm({ module_or_path: unpacked() });
  return raw;
});

export { KmoError };
export const { init, assess, classify, quote, quoteNumbers, rulebooks, codes, checkProviderNumber, checkEnterpriseNumber, engine, Wallet } = api;
