// The native ModuleSource: a module parsed into its record, and run from a string.
import 'ses';
import { ModuleSource } from 'ses/module-source';

lockdown();
const source = new ModuleSource(
  `import { base } from 'base';\nexport let count = base;\nexport function bump() { count += 1; }\n`,
  'file:///counter.js',
);
console.log('imports:', source.imports, 'exports:', source.exports);
console.log('live:', JSON.stringify(source.__liveExportMap__), 'fixed:', JSON.stringify(source.__fixedExportMap__));
const compartment = new Compartment({
  modules: { base: { source: 'export const base = 41;' }, counter: { source } },
  resolveHook: (specifier) => specifier,
  __options__: true,
});
const counter = compartment.importNow('counter');
counter.bump();
console.log('count after bump:', counter.count);
