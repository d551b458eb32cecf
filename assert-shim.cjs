'use strict';
// CommonJS entry `ses/assert-shim.js`.
require('./lib/shims/assert-shim.js');
