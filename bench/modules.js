// Module graphs, ours against ses 2.3.0 + @endo/module-source 1.5.0, in fresh processes
// taking turns.
import { compareCases, pairedSpeedUp, printTable, rounds } from './lib/harness.js';

// The last graph reads every namespace it imports, so that namespaces are built
// (by default its namespace imports go unread, and the loader then builds none).
for (const [n, variant] of [[100], [1000], [1000, 'read-namespaces']]) {
  const args = variant ? [String(n), variant] : [String(n)];
  const { ours, ses, errors, rounds: perRound } = compareCases('modules.js', rounds(7), args);
  printTable(`import of a generated ${n}-module graph${variant ? ` (${variant})` : ''}`, [
    { name: 'cold (parsing included)', ours: ours.coldMs, ses: ses.coldMs },
    { name: 'warm (ModuleSource cached)', ours: ours.warmMs, ses: ses.warmMs },
  ]);
  if (ours.coldMs && ses.coldMs) {
    // Headline: the median of the per-round ratios (each round runs both, back to back);
    // the ratio of the medians is given beside it.
    const paired = pairedSpeedUp(perRound, 'coldMs');
    console.log(
      `cold speed-up: ${paired.toFixed(1)}× (median of per-round ratios; ratio of medians ${(ses.coldMs / ours.coldMs).toFixed(1)}×)`,
    );
  }
  for (const [impl, e] of Object.entries(errors)) console.log(`(${impl} failed: ${e})`);
}
