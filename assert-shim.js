// ESM entry `ses/assert-shim.js`: installs only its own part (the implementation is CommonJS,
// shared with `require('ses/assert-shim.js')`, so both module systems get one instance).
import './lib/shims/assert-shim.js';
