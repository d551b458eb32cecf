'use strict';
// CommonJS entry `ses/console-shim.js`.
require('./lib/shims/console-shim.js');
