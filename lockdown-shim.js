// ESM entry `ses/lockdown-shim.js`: installs only its own part (the implementation is CommonJS,
// shared with `require('ses/lockdown-shim.js')`, so both module systems get one instance).
import './lib/shims/lockdown-shim.js';
