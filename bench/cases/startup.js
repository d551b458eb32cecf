// One fresh process: how long `import 'ses'` (or ses-reference) takes, and, for ours,
// how much of it is loading the native addon.
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';

const impl = process.argv[2];
const t0 = performance.now();
await import(impl === 'ours' ? 'ses' : 'ses-reference');
const importMs = performance.now() - t0;
const result = { importMs };
if (impl === 'ours') {
  // The addon is loaded on first use; time that first use separately.
  const require = createRequire(import.meta.url);
  const native = require('../../lib/native.js');
  const t1 = performance.now();
  native.findRejection('1', 1);
  result.addonLoadMs = performance.now() - t1;
}
console.log(JSON.stringify(result));
