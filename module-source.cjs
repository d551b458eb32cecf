'use strict';
// CommonJS entry `ses/module-source`. Requiring it also readies the addon and the
// compartments' module loader (see module-bridge.js).
const { ModuleSource } = require('./lib/modules/module-source.js');
require('./lib/modules/preload.js');

module.exports = { ModuleSource };
