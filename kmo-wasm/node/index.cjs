// Node.js entry (CommonJS): `const { assess } = require('kmo-portefeuille')`.
'use strict';
const { KmoError, makeApi } = require('../pkg/api.cjs');
const api = makeApi(require('../pkg/node/kmo_wasm.js'));

module.exports = { ...api, KmoError };
