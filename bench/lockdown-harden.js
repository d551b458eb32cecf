// lockdown() and harden(), ours against ses 2.3.0, in fresh processes taking turns.
import { compareCases, printTable, rounds } from './lib/harness.js';

const { ours, ses, errors } = compareCases('lockdown-harden.js', rounds(8));
printTable('lockdown() and harden()', [
  { name: 'lockdown()', ours: ours.lockdownMs, ses: ses.lockdownMs },
  { name: 'harden 100k fresh objects', ours: ours.hardenWideMs, ses: ses.hardenWideMs },
  { name: 'harden a 100k-deep chain', ours: ours.hardenChainMs, ses: ses.hardenChainMs },
  { name: 'harden an already hardened graph', ours: ours.hardenAgainMs, ses: ses.hardenAgainMs },
  { name: 'harden a small object pointing into it', ours: ours.hardenPointerMs, ses: ses.hardenPointerMs },
]);
for (const [impl, e] of Object.entries(errors)) console.log(`(${impl} failed: ${e})`);
