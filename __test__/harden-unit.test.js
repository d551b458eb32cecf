// makeHardener() on its own, in this process. Only objects outside the shared intrinsics
// are hardened here (null-prototype objects and objects inheriting from a private
// prototype), so the test runner's own realm stays unfrozen.

import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { makeHardener, isTypedArray } = require('../lib/harden/make-hardener.js');

const fresh = (props = {}) => Object.assign(Object.create(null), props);

test('makeHardener gives independent hardeners with the right shape', () => {
  const h1 = makeHardener();
  const h2 = makeHardener();
  assert.notEqual(h1, h2);
  assert.equal(h1.length, 1);
  assert.equal(h1.name, 'harden');
  assert.equal(Object.hasOwn(h1, 'prototype'), false);
});

test('makeHardener reuses a global harden function', () => {
  const prior = (x) => x;
  globalThis.harden = prior;
  try {
    assert.equal(makeHardener(), prior);
  } finally {
    delete globalThis.harden;
  }
});

test('transitive over values, accessors and prototypes', () => {
  const h = makeHardener();
  const proto = fresh({ p: fresh() });
  const getter = () => assert.fail('getter called');
  const o = Object.create(proto);
  o.a = fresh({ b: fresh() });
  o[Symbol('s')] = fresh();
  Object.defineProperty(o, 'acc', { get: getter, configurable: true });
  Object.setPrototypeOf(getter, null);
  assert.equal(h(o), o);
  assert.ok(Object.isFrozen(o));
  assert.ok(Object.isFrozen(o.a.b));
  assert.ok(Object.isFrozen(proto));
  assert.ok(Object.isFrozen(proto.p));
  assert.ok(Object.isFrozen(getter));
  for (const s of Object.getOwnPropertySymbols(o)) assert.ok(Object.isFrozen(o[s]));
});

test('partial failure: frozen stays frozen, nothing recorded', () => {
  const h = makeHardener();
  const other = fresh({ x: fresh() });
  let fail = true;
  const p = new Proxy(fresh(), {
    getPrototypeOf: () => null,
    preventExtensions(t) {
      if (fail) throw new RangeError('trap');
      return Reflect.preventExtensions(t);
    },
  });
  const outer = fresh({ other, p });
  assert.throws(() => h(outer), RangeError);
  assert.ok(Object.isFrozen(outer));
  assert.ok(Object.isFrozen(other));
  assert.ok(!Object.isFrozen(other.x), 'enqueued after the failing proxy');
  assert.throws(() => h(outer), RangeError, 'nothing was recorded, so the walk repeats');
  fail = false;
  h(outer);
  assert.ok(Object.isFrozen(other.x));
});

test('typed arrays: shape locked, elements writable', () => {
  const h = makeHardener();
  const a = new Uint8Array(3);
  Object.setPrototypeOf(a, null);
  a.tag = fresh();
  h(a);
  a[1] = 7;
  assert.equal(a[1], 7);
  assert.ok(Object.isSealed(a));
  assert.ok(!Object.isFrozen(a));
  assert.ok(Object.isFrozen(a.tag));
  assert.deepEqual(Object.getOwnPropertyDescriptor(a, 'tag').writable, false);
  assert.ok(isTypedArray(new Float64Array(1)));
  assert.ok(!isTypedArray(new DataView(new ArrayBuffer(1))));
  assert.ok(!isTypedArray(new Proxy(new Uint8Array(1), {})));
});

test('Unexpected typeof is checked only for non-primitive oddities', () => {
  const h = makeHardener();
  for (const v of [0, '', true, undefined, null, Symbol('x'), 1n]) assert.equal(h(v), v);
});

test('deep chains do not use the stack', () => {
  const h = makeHardener();
  let chain = fresh();
  for (let i = 0; i < 300000; i += 1) chain = fresh({ next: chain });
  h(chain);
  assert.ok(Object.isFrozen(chain.next.next.next));
});

test('already hardened roots return at once', () => {
  const h = makeHardener();
  let traps = 0;
  const p = new Proxy(fresh(), {
    getPrototypeOf() {
      traps += 1;
      return null;
    },
  });
  h(p);
  const after = traps;
  h(p);
  h(fresh({ p }));
  assert.equal(traps, after);
});

test('V8 own stack accessors (Node 21+) become data properties, emulated', async () => {
  const { spawnSync } = await import('node:child_process');
  // Make errors carry a shared own `stack` accessor before the modules capture TypeError.
  const script = `
    const stackGetter = function () { return 'captured ' + this.message; };
    const stackSetter = function (v) {};
    const RealTypeError = TypeError;
    const withAccessor = (e) => {
      delete e.stack;
      Object.defineProperty(e, 'stack', { get: stackGetter, set: stackSetter, configurable: true });
      return e;
    };
    globalThis.TypeError = function TypeError(msg) { return withAccessor(new RealTypeError(msg)); };
    globalThis.TypeError.prototype = RealTypeError.prototype;
    const { makeHardener } = require(${JSON.stringify(require.resolve('../lib/harden/make-hardener.js'))});
    const h = makeHardener();
    const e = withAccessor(new Error('boom'));
    Object.setPrototypeOf(stackGetter, null);
    Object.setPrototypeOf(stackSetter, null);
    h(e);
    const d = Object.getOwnPropertyDescriptor(e, 'stack');
    const other = { stack: 1 };
    Object.defineProperty(other, 'g', { get: stackGetter, configurable: true });
    h(other);
    console.log(JSON.stringify([d.value, d.writable, d.configurable, Object.isFrozen(e), 'get' in Object.getOwnPropertyDescriptor(other, 'g')]));
  `;
  const res = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(res.status, 0, res.stderr);
  assert.deepEqual(JSON.parse(res.stdout), ['captured boom', false, false, true, true]);
});
