'use strict';
// CommonJS entry `ses/module-source`.
const { ModuleSource } = require('./lib/modules/module-source.js');

module.exports = { ModuleSource };
