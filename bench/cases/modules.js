// One fresh process: import a generated module graph through importHook, cold (module
// text parsed into ModuleSource during the import) and warm (ModuleSource objects cached,
// a new compartment links and runs them). A third argument `read-namespaces` makes every
// module read its namespace import (see lib/graph.js).
import { performance } from 'node:perf_hooks';
import { makeGraph } from '../lib/graph.js';

const [, , impl, size, variant] = process.argv;
const n = Number(size);
await import(impl === 'ours' ? 'ses' : 'ses-reference');
const { ModuleSource } = await import(impl === 'ours' ? 'ses/module-source' : '@endo/module-source');
lockdown();

const sources = makeGraph(n, { readNamespaces: variant === 'read-namespaces' });
const resolveHook = (spec, referrer) => new URL(spec, `file:///${referrer.replace(/^\.\//, '')}`).pathname.replace(/^\//, './');
const run = async (getSource) => {
  const c = new Compartment({
    resolveHook,
    importHook: async (spec) => ({ source: getSource(spec) }),
    __options__: true,
  });
  const { namespace } = await c.import('./m0.js');
  if (namespace.size !== n) throw new Error('graph did not load');
};

let t = performance.now();
await run((spec) => new ModuleSource(sources.get(spec), `file:///${spec.slice(2)}`));
const coldMs = performance.now() - t;

const cache = new Map([...sources].map(([spec, text]) => [spec, new ModuleSource(text, `file:///${spec.slice(2)}`)]));
await run((spec) => cache.get(spec));
t = performance.now();
await run((spec) => cache.get(spec));
const warmMs = performance.now() - t;
console.log(JSON.stringify({ coldMs, warmMs }));
