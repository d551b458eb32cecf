// Compartments, ours against ses 2.3.0, in fresh processes taking turns.
import { compareCases, printTable, rounds, runCase, median } from './lib/harness.js';

const { ours, ses, errors } = compareCases('compartment.js', rounds(6));
const host = median(Array.from({ length: rounds(6) }, () => runCase('compartment.js', 'none').cliffHostMs));
printTable('Compartment', [
  { name: 'new Compartment()', ours: ours.newCompartmentMs, ses: ses.newCompartmentMs },
  { name: 'new Compartment with 20 globals', ours: ours.newCompartment20GlobalsMs, ses: ses.newCompartment20GlobalsMs },
  { name: 'new Compartment + first evaluate', ours: ours.firstEvaluateMs, ses: ses.firstEvaluateMs },
  { name: "repeated evaluate('1+1')", ours: ours.repeatEvaluateMs, ses: ses.repeatEvaluateMs },
  { name: 'evaluate of unique small sources', ours: ours.uniqueEvaluateMs, ses: ses.uniqueEvaluateMs },
  { name: `evaluate of a ${((ours.bundleBytes || ses.bundleBytes || 0) / 1e6).toFixed(1)} MB script`, ours: ours.evaluate3MBMs, ses: ses.evaluate3MBMs },
]);
printTable(`evaluator cliff: 3e6 global reads in a hot loop (without ses: ${host.toFixed(1)} ms)`, [
  { name: 'in a compartment (mutable global object)', ours: ours.cliffCompartmentMs, ses: ses.cliffCompartmentMs },
  { name: "host code through the start compartment's eval", ours: ours.cliffStartEvalMs, ses: ses.cliffStartEvalMs },
]);
console.log(`cliff vs no ses: ours ${(ours.cliffCompartmentMs / host).toFixed(1)}× / ${(ours.cliffStartEvalMs / host).toFixed(1)}×, ses ${(ses.cliffCompartmentMs / host).toFixed(1)}× / ${(ses.cliffStartEvalMs / host).toFixed(1)}×`);
for (const [impl, e] of Object.entries(errors)) console.log(`(${impl} failed: ${e})`);
