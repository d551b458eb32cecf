// Deep import chains: every dependency executes inside its importer's `imports` call, so
// a long linear chain is limited by the stack. Whatever chain real ses links on the
// default stack, this package must link too.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const child = fileURLToPath(new URL('./modules-depth-child.mjs', import.meta.url));
const cwd = fileURLToPath(new URL('.', import.meta.url));

const maxDepth = impl => {
  const { stdout, stderr, status } = spawnSync(process.execPath, [child, impl], {
    cwd,
    encoding: 'utf8',
    timeout: 300_000,
  });
  assert.equal(status, 0, `depth probe under ${impl} exited ${status}: ${stderr}`);
  return JSON.parse(stdout).depth;
};

test('an import chain as deep as real ses can link links here too', () => {
  const reference = maxDepth('ses-reference');
  const ours = maxDepth('ses');
  assert.ok(reference > 500, `ses linked only ${reference}`);
  assert.ok(ours >= reference, `ses links chains of ${reference} modules, this package only ${ours}`);
});
