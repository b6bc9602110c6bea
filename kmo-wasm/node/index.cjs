// Node.js entry (CommonJS): `const { assess } = require('kmo-portefeuille')`. The WebAssembly
// module is loaded on require; `init()` resolves at once (for code shared with the browser).
'use strict';
const { KmoError, makeApi, typedDoors } = require('../pkg/api.cjs');
const api = makeApi(require('../pkg/node/kmo_wasm.js'), typedDoors);

module.exports = { ...api, KmoError, init: async () => {} };
