// `import 'ses'` in fresh processes, ours against ses 2.3.0, interleaved.
import { compareCases, printTable, rounds } from './lib/harness.js';

const { ours, ses, errors } = compareCases('startup.js', rounds(12));
printTable('import \'ses\' in a fresh process', [
  { name: "import 'ses'", ours: ours.importMs, ses: ses.importMs },
  { name: 'first native call (loads the addon)', ours: ours.addonLoadMs, ses: undefined },
]);
for (const [impl, e] of Object.entries(errors)) console.log(`(${impl} failed: ${e})`);
