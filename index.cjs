'use strict';
// CommonJS entry of `ses` (same instance as the ESM entry).
require('./lib/shims/lockdown-shim.js');
require('./lib/shims/compartment-shim.js');
require('./lib/shims/assert-shim.js');
require('./lib/shims/console-shim.js');
