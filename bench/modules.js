// Module graphs, ours against ses 2.3.0 + @endo/module-source 1.5.0, in fresh processes
// taking turns.
import { compareCases, printTable, rounds } from './lib/harness.js';

// The last graph reads every namespace it imports, so that namespaces are built
// (by default its namespace imports go unread, and the loader then builds none).
for (const [n, variant] of [[100], [1000], [1000, 'read-namespaces']]) {
  const args = variant ? [String(n), variant] : [String(n)];
  const { ours, ses, errors } = compareCases('modules.js', rounds(n > 100 ? 5 : 7), args);
  printTable(`import of a generated ${n}-module graph${variant ? ` (${variant})` : ''}`, [
    { name: 'cold (parsing included)', ours: ours.coldMs, ses: ses.coldMs },
    { name: 'warm (ModuleSource cached)', ours: ours.warmMs, ses: ses.warmMs },
  ]);
  if (ours.coldMs && ses.coldMs) console.log(`cold speed-up: ${(ses.coldMs / ours.coldMs).toFixed(1)}×`);
  for (const [impl, e] of Object.entries(errors)) console.log(`(${impl} failed: ${e})`);
}
