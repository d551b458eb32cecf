// `npm run demo` runs every example in examples/; each must run cleanly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

test('every example in examples/ runs cleanly under npm run demo', () => {
  const dir = fileURLToPath(new URL('../examples/', import.meta.url));
  const count = readdirSync(dir).filter((f) => f.endsWith('.mjs')).length;
  const run = spawnSync(process.execPath, [`${dir}run-all.js`], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, new RegExp(`\\b${count} of ${count} examples ran cleanly`));
  assert.match(run.stdout, /count after bump: 42/);
});
