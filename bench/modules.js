// Module graphs, ours against ses 2.3.0 + @endo/module-source 1.5.0, in fresh processes
// taking turns.
import { compareCases, printTable, rounds } from './lib/harness.js';

for (const n of [100, 1000]) {
  const { ours, ses, errors } = compareCases('modules.js', rounds(n > 100 ? 5 : 7), [String(n)]);
  printTable(`import of a generated ${n}-module graph`, [
    { name: 'cold (parsing included)', ours: ours.coldMs, ses: ses.coldMs },
    { name: 'warm (ModuleSource cached)', ours: ours.warmMs, ses: ses.warmMs },
  ]);
  if (ours.coldMs && ses.coldMs) console.log(`cold speed-up: ${(ses.coldMs / ours.coldMs).toFixed(1)}×`);
  for (const [impl, e] of Object.entries(errors)) console.log(`(${impl} failed: ${e})`);
}
