// harden(): the probes of harden-child.mjs under ses 2.3.0 and under this package, both
// after lockdown() (the global harden) and bare (makeHardener() with no lockdown), must
// print the same lines; the spec 3 checks are also asserted directly.

import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const child = path.join(here, 'harden-child.mjs');

const env = {};
for (const [k, v] of Object.entries(process.env)) {
  if (!k.startsWith('LOCKDOWN_') && k !== 'NODE_OPTIONS' && k !== 'NODE_TEST_CONTEXT') env[k] = v;
}

const run = (impl, mode) => {
  const res = spawnSync(process.execPath, [child, impl, mode], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 120000,
  });
  assert.equal(res.status, 0, `${impl} ${mode} failed:\n${res.stderr}`);
  const lines = new Map();
  for (const line of res.stdout.split('\n')) {
    const i = line.indexOf(' → ');
    if (i > 0) lines.set(line.slice(0, i), line.slice(i + 3));
  }
  return lines;
};

const compare = (ref, ours) => {
  const diffs = [];
  for (const [label, value] of ref) {
    if (ours.get(label) !== value) {
      diffs.push(`  ${label}\n    ses:  ${value}\n    ours: ${ours.get(label)}`);
    }
  }
  for (const label of ours.keys()) {
    if (!ref.has(label)) diffs.push(`  ${label}: only ours`);
  }
  if (diffs.length) assert.fail(`harden differs from ses:\n${diffs.join('\n')}`);
};

for (const mode of ['bare', 'lockdown']) {
  test(`harden probes match ses (${mode})`, () => {
    const ref = run('ses-reference', mode);
    const ours = run('ses', mode);
    assert.ok(ref.size > 50, 'the probe ran');
    compare(ref, ours);
  });
}

test('spec 3 checks (ours, after lockdown)', () => {
  const ours = run('ses', 'lockdown');
  const expect = {
    'harden.length': '1',
    'harden.name': '"harden"',
    'harden has prototype': 'false',
    'returns its argument': 'true',
    nested: '"true,true,true,true"',
    'symbol keys, non-enumerable': '"true,true,true,data - - -"',
    'accessors: getter never called, get/set hardened': '"0,true,true,true,accessor e -"',
    'prototype hardened': '"true,true"',
    'class instance': '"true,true,true"',
    'partial failure': '"no preventExtensions,no preventExtensions,true,true,false"',
    'typed array Uint8Array': '"5,false,true,false,data w e c"',
    'typed array expandos': '"data - e -,data - e -,absent,absent,true,true,true,0/x/Symbol(s)"',
    'ArrayBuffer': '"true,9"',
    'DataView': '"true,false,3"',
    'Map state': '"true,1"',
    '100k-deep chain': '100000',
    'Object[Symbol.for("harden")] === harden': 'true',
    'harden is frozen': 'true',
    'String(harden)': '"function harden() { [native code] }"',
  };
  for (const [label, value] of Object.entries(expect)) {
    assert.equal(ours.get(label), value, label);
  }
});
