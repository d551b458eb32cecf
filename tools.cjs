'use strict';
// CommonJS entry `ses/tools.js`.
const { transforms, scopeTerminators } = require('./lib/tools.js');

module.exports = { transforms, scopeTerminators };
