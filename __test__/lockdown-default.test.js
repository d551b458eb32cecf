// Differential: `lockdown()` with no options, under ses and under this package. Compares
// a fingerprint of the tamings, the start global's descriptors, and the set of objects
// reachable from the intrinsics that are left unfrozen.

import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { skipReason, runBoth, compareLines } = require('./lockdown-helpers.cjs');
const { FINGERPRINT, GLOBAL_DESCRIPTORS, FROZEN_WALK, SHAPE_WALK } = require('./lockdown-probes.cjs');

const same = (body, options) => {
  const { ref, ours } = runBoth(body, options);
  assert.equal(ref.status, 0, `ses probe failed: ${ref.stderr}`);
  compareLines(assert, ref.stdout, ours.stdout);
  compareLines(assert, ref.stderr, ours.stderr, 'stderr');
  assert.equal(ours.status, ref.status);
};

test('fingerprint after lockdown()', { skip: skipReason }, () => {
  same(`lockdown();\n${FINGERPRINT}`);
});

test('start global descriptors after lockdown()', { skip: skipReason }, () => {
  same(`lockdown();\n${GLOBAL_DESCRIPTORS}`);
});

test('reachable intrinsics are all frozen', { skip: skipReason }, () => {
  same(`lockdown();\n${FROZEN_WALK}`);
});

test('own keys of every reachable intrinsic (what was removed or made an accessor)', { skip: skipReason }, () => {
  same(`lockdown();\n${SHAPE_WALK}`);
});

test('own keys with overrideTaming severe', { skip: skipReason }, () => {
  same(`lockdown({ overrideTaming: 'severe' });\n${SHAPE_WALK}`);
});

test('a compartment global after lockdown (shared and initial intrinsics)', { skip: skipReason }, () => {
  same(String.raw`
lockdown();
const c = new Compartment();
const g = c.globalThis;
for (const k of Reflect.ownKeys(g).map(String).sort()) {
  out('compartment global ' + k, () => { const d = Object.getOwnPropertyDescriptor(g, k) || Object.getOwnPropertyDescriptor(g, Symbol.unscopables); const v = d && d.value; return desc(g, k) + ' ' + typeof v + ' ' + (k in globalThis ? (globalThis[k] === v ? 'same' : 'different') : 'absent-from-start'); });
}
out('unscopables', () => desc(g, Symbol.unscopables));
out('compartments share Date', () => new Compartment().globalThis.Date === g.Date);
out('SharedDate is Date.prototype.constructor', () => g.Date === Date.prototype.constructor);
out('SharedMath random', () => g.Math.random === Math.random);
out('SharedMath frozen', () => Object.isFrozen(g.Math));
out('SharedRegExp', () => g.RegExp === RegExp.prototype.constructor);
out('SharedError', () => g.Error === Error.prototype.constructor);
out('Symbol statics', () => Object.getOwnPropertyNames(g.Symbol).sort().join());
`);
});

test('lockdown returns undefined; globals added by lockdown', { skip: skipReason }, () => {
  same(String.raw`
const before = new Set(Reflect.ownKeys(globalThis));
out('lockdown()', () => lockdown());
out('added', () => Reflect.ownKeys(globalThis).filter(k => !before.has(k)).map(String).join());
out('lockdown desc', () => desc(globalThis, 'lockdown'));
out('repairIntrinsics desc', () => desc(globalThis, 'repairIntrinsics'));
out('repairIntrinsics frozen', () => Object.isFrozen(repairIntrinsics));
out('lockdown frozen', () => Object.isFrozen(lockdown));
out('NaN desc', () => desc(globalThis, 'NaN'));
out('harden desc', () => desc(globalThis, 'harden'));
`);
});
