// A generated ES module graph of `n` modules: each module imports names, defaults and a
// namespace from up to three earlier modules, re-exports with `export *`, and keeps a
// live binding that its own function updates. `m0.js` imports every module so one
// import loads the whole graph.
// The namespace import is not read, unless `readNamespaces`: then each module's `sum`
// also reads a name through it, so every imported namespace must be built (the loader
// builds a namespace only when something can see it).
export const makeGraph = (n, { readNamespaces = false } = {}) => {
  const sources = new Map();
  for (let i = n - 1; i >= 1; i -= 1) {
    const deps = [i + 1, i + 7, i + 31].filter((d) => d < n);
    const lines = [];
    deps.forEach((d, k) => {
      if (k === 0) lines.push(`import d${d}, { value${d} as v${d}, bump${d} } from './m${d}.js';`);
      else if (k === 1) lines.push(`import * as ns${d} from './m${d}.js';`);
      else lines.push(`export * from './m${d}.js';`);
    });
    lines.push(`export let value${i} = ${i};`);
    lines.push(`export function bump${i}() { value${i} += 1; return value${i}; }`);
    const nsRead = readNamespaces && deps.length > 1 ? ` + (typeof ns${deps[1]}.value${deps[1]} === 'number' ? 1 : 0)` : '';
    lines.push(`export const sum${i} = () => value${i}${deps.length ? ` + (typeof v${deps[0]} === 'number' ? v${deps[0]} : 0)` : ''}${nsRead};`);
    lines.push(`export default { id: ${i}, deps: [${deps.join(', ')}] };`);
    sources.set(`./m${i}.js`, lines.join('\n'));
  }
  const root = [];
  for (let i = 1; i < n; i += 1) root.push(`import './m${i}.js';`);
  root.push('export const size = ' + n + ';');
  sources.set('./m0.js', root.join('\n'));
  return sources;
};
