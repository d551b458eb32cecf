'use strict';
// CommonJS entry `ses/lockdown-shim.js`.
require('./lib/shims/lockdown-shim.js');
