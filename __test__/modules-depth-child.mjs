// Child of modules-depth.test.js: the longest linear chain of imports (m0 -> m1 -> ...)
// that one implementation links and runs on the default stack, to within 50 modules.
// Each dependency executes inside its importer's `imports` call, so the chain's depth is
// bounded by the stack; prints that bound as JSON.
const impl = process.argv[2];
await import(impl === 'ses-reference' ? 'ses-reference' : 'ses');
const { ModuleSource } = await import(impl === 'ses-reference' ? '@endo/module-source' : 'ses/module-source');
lockdown();

const links = async n => {
  const c = new Compartment({
    __options__: true,
    resolveHook: s => s,
    importHook: async specifier => {
      const i = Number(specifier.slice(1));
      return {
        source: new ModuleSource(
          i + 1 < n ? `import { v as w } from "m${i + 1}"; export const v = w + 1;` : 'export const v = 0;',
        ),
      };
    },
  });
  try {
    const { namespace } = await c.import('m0');
    return namespace.v === n - 1;
  } catch (e) {
    if (e instanceof RangeError) return false;
    throw e;
  }
};

let lo = 100;
let hi = 8000;
while (hi - lo > 50) {
  const mid = (lo + hi) >> 1;
  if (await links(mid)) lo = mid;
  else hi = mid;
}
console.log(JSON.stringify({ depth: lo }));
