// Differential probes: every case of compartment-cases.mjs runs in a child process under
// real `ses` 2.3.0 (`ses-reference`) and under this package (`ses`), before lockdown
// (`pre`) and after a default lockdown (`post`); values, error classes and messages
// must be identical.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const child = fileURLToPath(new URL('./compartment-probe-child.mjs', import.meta.url));
const cwd = fileURLToPath(new URL('.', import.meta.url));

const run = (impl, phase) => {
  const { stdout, stderr, status } = spawnSync(process.execPath, [child, impl, phase], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(status, 0, `probe under ${impl} (${phase}) exited ${status}: ${stderr}`);
  return JSON.parse(stdout);
};

for (const phase of ['pre', 'post']) {
  const reference = run('ses-reference', phase);
  const ours = run('ses', phase);
  for (const name of Object.keys(reference)) {
    test(`same as ses (${phase} lockdown): ${name}`, () => {
      assert.deepEqual(ours[name], reference[name]);
    });
  }
}
