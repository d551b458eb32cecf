// ESM entry `ses/console-shim.js`: installs only its own part (the implementation is CommonJS,
// shared with `require('ses/console-shim.js')`, so both module systems get one instance).
import './lib/shims/console-shim.js';
