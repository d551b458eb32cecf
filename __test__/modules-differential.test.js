// Differential probes: every case of modules-cases.mjs runs in child processes and the
// results — values, error classes and messages — must equal real `ses` 2.3.0's
// (`ses-reference`) with `@endo/module-source` records:
// - this package (`ses`) with @endo/module-source records, before and after lockdown;
// - real `ses` with OUR native ModuleSource records (interchangeability);
// - this package with our records.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const child = fileURLToPath(new URL('./modules-probe-child.mjs', import.meta.url));
const cwd = fileURLToPath(new URL('.', import.meta.url));

const run = (impl, mode, moduleSource) => {
  const { stdout, stderr, status } = spawnSync(process.execPath, [child, impl, mode], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, MODULE_SOURCE: moduleSource },
  });
  assert.equal(status, 0, `probe under ${impl} ${mode} ${moduleSource} exited ${status}: ${stderr}`);
  return JSON.parse(stdout);
};

const comparisons = [
  ['plain', 'ses', 'endo'],
  ['plain', 'ses-reference', 'native'],
  ['plain', 'ses', 'native'],
  ['lockdown', 'ses', 'endo'],
];

const references = {};
for (const [mode, impl, moduleSource] of comparisons) {
  references[mode] ??= run('ses-reference', mode, 'endo');
  const reference = references[mode];
  const got = run(impl, mode, moduleSource);
  for (const name of Object.keys(reference)) {
    test(`${impl} with ${moduleSource} records (${mode}) same as ses: ${name}`, () => {
      assert.deepEqual(got[name], reference[name]);
    });
  }
}
