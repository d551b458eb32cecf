// ESM entry of `ses`: installs lockdown, repairIntrinsics, Compartment, assert and the
// console hook, in that order. The implementation is CommonJS so that `import 'ses'` and
// `require('ses')` share one instance in one process.
import './lib/shims/lockdown-shim.js';
import './lib/shims/compartment-shim.js';
import './lib/shims/assert-shim.js';
import './lib/shims/console-shim.js';
