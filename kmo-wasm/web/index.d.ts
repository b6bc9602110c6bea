export * from '../index.js';
/**
 * Loads the WebAssembly module: from `kmo_wasm_bg.wasm` next to the glue, or from `input` (a URL,
 * a fetch Response or its promise, the bytes, or a compiled WebAssembly.Module). Call it once
 * before the first call; concurrent calls share one load.
 */
export declare function init(
  input?: string | URL | Request | Response | Promise<Response> | BufferSource | WebAssembly.Module,
): Promise<void>;
export default init;
