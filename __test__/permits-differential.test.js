// lockdown() enforcing the permits, under ses 2.3.0 and under this package: each scenario
// of permits-walk-child.mjs must print the same stdout and stderr (the walk of every
// object reachable from the permitted globals and anonymous intrinsics, with its frozen
// state, [[Prototype]] and remaining own keys; the warnings; the errors).
// Run once on plain Node and once with V8's staged features on (iterator helpers,
// Temporal, array grouping, ...), so permits for not-yet-shipped features are compared too.

import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const child = path.join(here, 'permits-walk-child.mjs');

const ready = fs.existsSync(path.join(root, 'lib/lockdown/lockdown.js'));
const skip = ready ? false : 'waiting for lib/lockdown/lockdown.js';

const env = {};
for (const [k, v] of Object.entries(process.env)) {
  if (!k.startsWith('LOCKDOWN_') && k !== 'NODE_OPTIONS' && k !== 'NODE_TEST_CONTEXT') env[k] = v;
}

const STAGED = [
  '--harmony-array-from-async', '--harmony-array-grouping', '--harmony-iterator-helpers',
  '--harmony-json-parse-with-source', '--harmony-rab-gsab-transfer', '--harmony-temporal',
];
const v8Flags = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout || '';
const stagedFlags = STAGED.filter((f) => v8Flags.includes(f));

const run = (impl, scenario, flags) =>
  spawnSync(process.execPath, [...flags, child, impl, scenario], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 120000,
  });

const compareText = (what, ref, ours) => {
  const a = ref.split('\n');
  const b = ours.split('\n');
  const diffs = [];
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    if (a[i] !== b[i]) diffs.push(`  line ${i + 1}\n    ses:  ${a[i]}\n    ours: ${b[i]}`);
  }
  if (diffs.length) assert.fail(`${what} differs from ses:\n${diffs.slice(0, 12).join('\n')}`);
};

const scenarios = [
  'walk', 'junk', 'undeletable', 'bad-proto', 'bad-shape', 'bad-type', 'prototype-removed',
  // the walk again under options that change which intrinsics exist or how they look
  'walk:{"errorTaming":"unsafe-debug"}', 'walk:{"overrideTaming":"severe"}',
  'walk:{"overrideTaming":"min"}', 'walk:{"localeTaming":"unsafe"}',
  'walk:{"regExpTaming":"unsafe"}',
];

for (const [label, flags] of [['node', []], ['staged', stagedFlags]]) {
  for (const scenario of scenarios) {
    if (label === 'staged' && !['walk', 'junk'].includes(scenario)) continue;
    test(`${scenario} (${label})`, { skip }, () => {
      const ref = run('ses-reference', scenario, flags);
      const ours = run('ses', scenario, flags);
      assert.equal(ref.status, 0, `ses failed: ${ref.stderr}`);
      compareText('stdout', ref.stdout, ours.stdout);
      compareText('stderr', ref.stderr, ours.stderr);
      assert.equal(ours.status, ref.status);
    });
  }
}

test('the walk covers the intrinsics and finds them frozen', { skip }, () => {
  const ours = run('ses', 'walk', []);
  assert.equal(ours.status, 0, ours.stderr);
  const lines = ours.stdout.split('\n').filter(Boolean);
  assert.ok(lines.length > 500, `walked ${lines.length} objects`);
  for (const p of ['%ThrowTypeError%', '%TypedArray%', '%ArrayIteratorPrototype%',
    '%GeneratorFunction%', '%AsyncFunction%', '%AsyncGeneratorFunction%',
    '%RegExpStringIteratorPrototype%', 'Buffer', 'TextEncoder']) {
    const line = lines.find((l) => l.startsWith(`${p} `));
    assert.ok(line, p);
    assert.match(line, / frozen /, p);
  }
});

test('specific outcomes', { skip }, () => {
  const junk = run('ses', 'junk', []);
  assert.match(junk.stdout, /^foo false$/m);
  assert.match(junk.stdout, /^cause false false$/m);
  assert.match(junk.stdout, /^compile false$/m);
  assert.match(junk.stdout, /^caller false$/m);
  assert.match(junk.stderr, /^SES Removing unpermitted intrinsics$/m);
  assert.match(junk.stderr, /^ {2}Removing intrinsics\.%ArrayPrototype%\.foo$/m);
  assert.match(junk.stderr, /Removing intrinsics\.%ObjectPrototype%\.UniqueSymbol\(unique junk\)/);
  assert.match(junk.stderr, /Removing intrinsics\.%ObjectPrototype%\.RegisteredSymbol\(registered junk\)/);
  assert.doesNotMatch(junk.stderr, /cause|compile|caller/);
  const undeletable = run('ses', 'undeletable', []);
  assert.match(undeletable.stdout, /^THROWS TypeError: Cannot delete property 'bar' of /m);
  assert.match(undeletable.stderr, /failed to delete intrinsics\.Array\.bar/);
});
