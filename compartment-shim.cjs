'use strict';
// CommonJS entry `ses/compartment-shim.js`.
require('./lib/shims/compartment-shim.js');
