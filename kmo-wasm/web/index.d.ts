export * from '../index.js';
/** Loads the WebAssembly module (from `kmo_wasm_bg.wasm` next to the glue, or `input`). */
export default function init(input?: string | URL | ArrayBuffer | WebAssembly.Module): Promise<void>;
