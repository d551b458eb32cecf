// getAnonymousIntrinsics, makeIntrinsicsCollector, getGlobalIntrinsics and
// removeUnpermittedIntrinsics driven directly (no lockdown), in fresh processes, under
// ses 2.3.0's modules and ours: the outputs must agree.

import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const child = path.join(here, 'permits-unit-child.mjs');

const run = (impl, scenario) => {
  const res = spawnSync(process.execPath, [child, impl, scenario], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60000,
  });
  assert.equal(res.status, 0, `${impl} ${scenario}: ${res.stderr}`);
  return res.stdout;
};

const same = (scenario, massage = (s) => s) => {
  const ref = massage(run('ses-reference', scenario));
  const ours = massage(run('ses', scenario));
  assert.equal(ours, ref);
  return ours;
};

test('anonymous intrinsics', () => {
  // ses finds %InertCompartment% through its compartment module; ours looks it up in the
  // compartment room, which may not be written yet.
  const withoutCompartment = (s) =>
    s.split('\n').filter((l) => !l.startsWith('%InertCompartment%')).join('\n');
  const out = same('anonymous', withoutCompartment);
  for (const name of ['%ThrowTypeError%', '%IteratorPrototype%', '%ArrayIteratorPrototype%',
    '%TypedArray%', '%Generator%', '%AsyncGenerator%', '%AsyncGeneratorPrototype%',
    '%AsyncIteratorPrototype%', '%InertAsyncFunction%', '%InertFunction%',
    '%RegExpStringIteratorPrototype%', '%MapIteratorPrototype%', '%SetIteratorPrototype%',
    '%StringIteratorPrototype%']) {
    assert.match(out, new RegExp(`^${name.replace(/[%$]/g, (c) => `\\${c}`)} `, 'm'), name);
  }
});

test('collector: names, completed prototypes, conflicts', () => {
  const withoutCompartment = (s) =>
    s.split('\n').filter((l) => !/Compartment/.test(l)).join('\n');
  const out = same('collect', withoutCompartment);
  assert.match(out, /^frozen true proto null$/m);
  assert.match(out, /^%GeneratorPrototype%$/m);
  assert.match(out, /^%AsyncFunctionPrototype%$/m);
  assert.match(out, /^conflict: TypeError: Conflicting definitions of Array$/m);
  assert.match(out, /^isPseudoNative true false true$/m);
});

test('getGlobalIntrinsics', () => {
  same('global');
});

test('removeUnpermittedIntrinsics', () => {
  const out = same('remove');
  assert.match(out, /^threw undefined$/m);
  assert.match(out, /^warn Removing intrinsics\.%ArrayPrototype%\.junk$/m);
  assert.match(out, /^warn Removing intrinsics\.Set\.hiddenJunk$/m);
  assert.match(out, /^warn Removing intrinsics\.%MapPrototype%\.UniqueSymbol\(secret\)$/m);
  assert.match(out, /^junk false hiddenJunk false symbols 2$/m);
  assert.match(out, /^RegExp\.\$1 false compile false caller false$/m);
  assert.match(out, /^marked Array\.prototype\.map true$/m);
});
