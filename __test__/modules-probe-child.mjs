// Child process of modules-differential.test.js:
//   node modules-probe-child.mjs <impl> [lockdown] [name-regex]
// imports <impl> ('ses' or 'ses-reference'), optionally calls lockdown(), runs every case
// of modules-cases.mjs in order and prints one JSON object, case name -> { value } or
// { error }.
const [impl, mode, pattern] = process.argv.slice(2);
await import(impl);
const { cases } = await import('./modules-cases.mjs');
if (mode === 'lockdown') {
  // eslint-disable-next-line no-undef
  lockdown({ errorTaming: 'unsafe', consoleTaming: 'unsafe' });
}
const only = pattern ? new RegExp(pattern) : undefined;
const out = {};
const timeout = ms => new Promise((_, reject) => setTimeout(() => reject(Error('case timed out')), ms).unref());
for (const [name, run] of Object.entries(cases)) {
  if (only && !only.test(name)) continue;
  try {
    out[name] = { value: await Promise.race([run(), timeout(5000)]) };
  } catch (e) {
    out[name] = { error: e && typeof e === 'object' ? { name: e.name, message: e.message } : { thrown: String(e) } };
  }
}
// Unhandled rejections of abandoned loads (noAggregateLoadErrors) must not kill us.
process.on('unhandledRejection', () => {});
process.stdout.write(JSON.stringify(out));
