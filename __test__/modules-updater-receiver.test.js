// Importers' updaters are called as plain functions: a hand-written functor's updater
// must never receive the loader's own subscriber list (or anything else) as `this`,
// neither on the first notification nor on later updates of a live binding. ses 2.3.0
// calls them the same way. After lockdown, in process.
import test from 'node:test';
import assert from 'node:assert/strict';
import 'ses';
import { ModuleSource } from 'ses/module-source';

lockdown();

test('updaters of a precompiled record are called with an undefined receiver', async () => {
  const seen = [];
  // Strict, so that `this` is reported as given.
  const updater = function updater(value) {
    'use strict';
    seen.push([this, value]);
  };
  const counter = new ModuleSource('export let n = 0; export function bump() { n += 1; }');
  const importer = {
    imports: ['counter'],
    exports: [],
    reexports: [],
    __syncModuleProgram__: '({ imports }) => { imports(new Map([["counter", new Map([["n", [globalThis.updater]], ["bump", [globalThis.takeBump]]])]])); }',
    __fixedExportMap__: {},
    __liveExportMap__: {},
  };
  let bump;
  const c = new Compartment({
    globals: { updater, takeBump: f => { bump = f; } },
    modules: { counter: { source: counter }, importer: { source: importer } },
    resolveHook: s => s,
    __options__: true,
  });
  await c.import('importer');
  bump();
  bump();
  assert.deepEqual(seen, [[undefined, 0], [undefined, 1], [undefined, 2]]);
});
