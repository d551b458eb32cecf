const impl = process.argv[2];
await import(impl === 'ses' ? 'ses-reference' : '/work/main/index.js');
const { ModuleSource } = await import(impl === 'ses' ? '@endo/module-source' : '/work/main/module-source.js');
lockdown();
const tryDepth = async (n) => {
  const c = new Compartment({ __options__: true, resolveHook: s => s, importHook: async (spec) => {
    const i = Number(spec.slice(1));
    return { source: new ModuleSource(i + 1 < n ? `import { v as w } from "m${i + 1}"; export const v = w + 1;` : 'export const v = 0;') };
  } });
  try { const { namespace } = await c.import('m0'); return namespace.v === n - 1; } catch (e) { return false; }
};
let lo = 100, hi = 20000;
while (hi - lo > 50) { const mid = (lo + hi) >> 1; if (await tryDepth(mid)) lo = mid; else hi = mid; }
console.log(impl, 'max chain depth ~', lo);
