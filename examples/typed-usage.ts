// Exercises the typings beyond the API document's examples: every documented option
// and method must type-check as the document writes it.
import 'ses';
import { ModuleSource } from 'ses/module-source';
import { transforms } from 'ses/tools.js';
import type { CompartmentOptions, EvaluateOptions, ModuleDescriptor } from 'ses';

lockdown({ errorTaming: 'safe', overrideTaming: 'moderate', evalTaming: 'safe-eval' });

const record = new ModuleSource('export const x = 1;', 'file:///x.js');
const modules = new Map<string, ModuleDescriptor>([['x', { source: record }]]);
const options: CompartmentOptions = {
  name: 'typed',
  globals: new Map([['answer', 42]]),
  modules,
  transforms: [(s) => s],
  resolveHook: (spec, referrer) => new URL(spec, referrer).href,
  importHook: async (spec) => ({ source: `export default ${JSON.stringify(spec)};` }),
  importNowHook: (spec) => ({ source: `export default ${JSON.stringify(spec)};` }),
  moduleMapHook: () => undefined,
  importMetaHook: (_spec, meta) => {
    Object.assign(meta, { url: 'file:///meta' });
  },
  noAggregateLoadErrors: true,
};
const c: Compartment = new Compartment({ ...options, __options__: true });
const evalOptions: EvaluateOptions = { sloppyGlobalsMode: false, __rejectSomeDirectEvalExpressions__: true };
const n: number = c.evaluate('1 + 1', evalOptions);
const ns = c.importNow('x');
c.import('x').then(({ namespace }) => namespace.x);
c.load('x').then(() => c.module('x'));
const hardened: { a: number } = harden({ a: n + ns.x });
assert(hardened.a > 0, assert.details`bad ${assert.quote(hardened)}`);
const checked: string = transforms.mandatoryTransforms('1');
export { checked };
