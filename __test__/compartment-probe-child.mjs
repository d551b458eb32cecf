// Child process of compartment-differential.test.js:
//   node compartment-probe-child.mjs <impl> <pre|post>
// imports <impl> ('ses' or 'ses-reference'), for `post` calls lockdown() first (after
// making one compartment, kept on globalThis.preLockdownCompartment), runs the cases and
// prints one JSON object: case name -> { value } or { error }.
const [impl, phase] = process.argv.slice(2);
await import(impl);
globalThis.probeTools = await import(`${impl}/tools.js`);
const { common, pre, post } = await import('./compartment-cases.mjs');
if (phase === 'post') {
  globalThis.preLockdownCompartment = new Compartment();
  lockdown();
}
const cases = { ...common, ...(phase === 'post' ? post : pre) };
const out = {};
for (const [name, run] of Object.entries(cases)) {
  try {
    out[name] = { value: await run() };
  } catch (e) {
    out[name] = { error: e && typeof e === 'object' ? `${e.name}: ${e.message}` : String(e) };
  }
}
process.on('unhandledRejection', () => {});
process.stdout.write(JSON.stringify(out));
