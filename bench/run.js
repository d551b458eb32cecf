// `npm run bench`: every benchmark, ours against ses 2.3.0 (+ @endo/module-source 1.5.0),
// side by side in one run. `node bench/run.js module-source` runs only the named ones.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './lib/harness.js';

const all = ['module-source', 'startup', 'lockdown-harden', 'compartment', 'modules'];
const only = process.argv.slice(2);
let failed = 0;
for (const name of all.filter((n) => only.length === 0 || only.includes(n))) {
  const run = spawnSync(process.execPath, [join(root, 'bench', `${name}.js`)], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed += 1;
    console.log(`(bench ${name} exited with ${run.status})`);
  }
}
process.exitCode = failed ? 1 : 0;
