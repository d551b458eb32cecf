// ESM entry `ses/compartment-shim.js`: installs only its own part (the implementation is CommonJS,
// shared with `require('ses/compartment-shim.js')`, so both module systems get one instance).
import './lib/shims/compartment-shim.js';
