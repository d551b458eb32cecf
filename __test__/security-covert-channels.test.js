// Attack class: covert and timing channels. Compartments after lockdown get no clock, no
// randomness, no shared memory, no GC observation and no RegExp legacy statics (which
// would carry the last match of another compartment's code).
import test from 'node:test';
import assert from 'node:assert/strict';
import { host } from './security-helpers.mjs';

test('no clock or randomness', () => {
  const c = new Compartment();
  assert.throws(() => c.evaluate('Date.now()'), { message: 'secure mode Calling %SharedDate%.now() throws' });
  assert.throws(() => c.evaluate('new Date()'), TypeError);
  assert.throws(() => c.evaluate('Date()'), TypeError);
  assert.throws(() => c.evaluate('Math.random()'), { message: 'secure mode %SharedMath%.random() throws' });
  assert.notEqual(c.globalThis.Date, host.Date);
  assert.notEqual(c.globalThis.Date.now, host.DateNow);
  assert.notEqual(c.globalThis.Math.random, host.MathRandom);
  assert.equal(typeof c.evaluate('typeof performance'), 'string');
  assert.equal(c.evaluate('typeof performance'), 'undefined');
});

test('no shared memory, atomics, weak references or finalization', () => {
  const c = new Compartment();
  assert.deepEqual(
    c.evaluate('[typeof SharedArrayBuffer, typeof Atomics, typeof WeakRef, typeof FinalizationRegistry]'),
    ['undefined', 'undefined', 'undefined', 'undefined'],
  );
  for (const name of ['SharedArrayBuffer', 'Atomics', 'WeakRef', 'FinalizationRegistry']) {
    assert.ok(!Object.hasOwn(c.globalThis, name), name);
  }
});

test('RegExp legacy statics do not carry matches across compartments', () => {
  const a = new Compartment();
  const b = new Compartment();
  a.evaluate('/(secret)/.exec("the secret")');
  assert.deepEqual(
    b.evaluate('[RegExp.$1, RegExp.lastMatch, RegExp.input, RegExp["$_"], RegExp.leftContext]'),
    [undefined, undefined, undefined, undefined, undefined],
  );
  assert.equal(b.evaluate('/a/.constructor.$1'), undefined);
  assert.notEqual(a.globalThis.RegExp, host.RegExp);
});

test('no host timers or microtask hooks', () => {
  const c = new Compartment();
  assert.deepEqual(
    c.evaluate('[typeof setTimeout, typeof setImmediate, typeof queueMicrotask, typeof process, typeof Intl]'),
    ['undefined', 'undefined', 'undefined', 'undefined', 'undefined'],
  );
});
