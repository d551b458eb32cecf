// One fresh process: Compartment construction and evaluation for one implementation,
// and the "evaluator cliff" (global reads in a hot loop) with and without ses.
import { performance } from 'node:perf_hooks';
import { makeBundle } from '../lib/bundle.js';

const impl = process.argv[2];
const result = {};
const timed = (fn) => {
  const s = performance.now();
  fn();
  return performance.now() - s;
};
const hotLoop = 'let s = 0; for (let i = 0; i < 3e6; i += 1) { s += Math.PI > 3 ? 1 : 0; } s';

if (impl === 'none') {
  // Baseline for the cliff: the same loop in a process without ses.
  result.cliffHostMs = timed(() => (0, eval)(hotLoop));
  console.log(JSON.stringify(result));
  process.exit(0);
}

const big = makeBundle(3e6);
await import(impl === 'ours' ? 'ses' : 'ses-reference');
lockdown();

const n = 2000;
result.newCompartmentMs = timed(() => {
  for (let i = 0; i < n; i += 1) new Compartment();
}) / n;
const globals = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`g${i}`, i]));
result.newCompartment20GlobalsMs = timed(() => {
  for (let i = 0; i < n; i += 1) new Compartment({ globals, __options__: true });
}) / n;
result.firstEvaluateMs = timed(() => {
  for (let i = 0; i < 500; i += 1) new Compartment().evaluate('1+1');
}) / 500;
const c = new Compartment();
c.evaluate('1+1');
result.repeatEvaluateMs = timed(() => {
  for (let i = 0; i < 20000; i += 1) c.evaluate('1+1');
}) / 20000;
result.uniqueEvaluateMs = timed(() => {
  for (let i = 0; i < 5000; i += 1) c.evaluate(`${i}+1`);
}) / 5000;
// A large script (about 3 MB).
result.bundleBytes = big.length;
result.evaluate3MBMs = timed(() => c.evaluate(big));
// The cliffs: global reads in a hot loop (a) in a compartment with a mutable global
// object, (b) through the start compartment's tamed eval.
result.cliffCompartmentMs = timed(() => new Compartment().evaluate(hotLoop));
result.cliffStartEvalMs = timed(() => (0, eval)(hotLoop));
console.log(JSON.stringify(result));
