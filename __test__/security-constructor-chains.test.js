// Attack class: walking constructor and prototype chains from every value a compartment
// can hold (its global object, endowments, host-thrown errors, stack-overflow errors,
// promises, async and generator functions, iterators) to reach a host object: the host
// global, the original eval / Function, the start compartment's evaluators, process,
// require, the native binding.
import test from 'node:test';
import assert from 'node:assert/strict';
import { host, reachable, assertNoHostObject, assertNotHost } from './security-helpers.mjs';

const hostError = new Error('host');
const endowments = {
  hostFn() {
    return 1;
  },
  hostArrow: () => 2,
  hostObject: harden({ nested: { deep: [] } }),
  thrower() {
    throw hostError;
  },
  hostTypeError() {
    null.x;
  },
  hostPromise: Promise.resolve(1),
  async hostAsync() {},
  *hostGen() {},
};

const makeCompartment = () => new Compartment({ __options__: true, globals: endowments });

test('nothing of the host is reachable from a compartment global and its endowments', () => {
  const c = makeCompartment();
  assertNoHostObject(reachable([c.globalThis]));
});

test('nothing of the host is reachable from guest-made values', () => {
  const c = makeCompartment();
  const values = c.evaluate(`[
    async function () {}, function* () {}, async function* () {}, async () => {}, class {},
    Promise.resolve(), Promise.reject(1).catch(() => {}), new Error('e'), new RangeError('r'),
    (() => { try { null.x } catch (e) { return e } })(),
    (() => { try { thrower() } catch (e) { return e } })(),
    (() => { try { hostTypeError() } catch (e) { return e } })(),
    (() => { const f = () => f(); try { f() } catch (e) { return e } })(),
    (() => { try { (0, eval)('(') } catch (e) { return e } })(),
    /a/g, new Date(0), Symbol('s'), [][Symbol.iterator](), new Map().entries(), new Set().values(),
    'x'.matchAll(/x/g), (function* () {})(), (async function* () {})(), new Proxy({}, {}),
    new ArrayBuffer(1), new Uint8Array(1), new DataView(new ArrayBuffer(1)), new WeakMap(), new WeakSet(),
    (function () { return arguments })(), Object.getOwnPropertyDescriptor(Function.prototype, 'caller'),
    hostPromise.then(() => {}), hostAsync(), hostGen(),
  ]`);
  assertNoHostObject(reachable(values));
});

test('constructors reached through chains cannot build functions or escape', () => {
  const c = makeCompartment();
  const attempts = [
    'hostFn.constructor',
    'hostArrow.constructor',
    '(async function () {}).constructor',
    '(function* () {}).constructor',
    '(async function* () {}).constructor',
    'Object.getPrototypeOf(hostFn).constructor',
    '(() => { try { thrower() } catch (e) { return e.constructor.constructor } })()',
    '(() => { const f = () => f(); try { f() } catch (e) { return e.constructor.constructor } })()',
    'hostPromise.constructor.constructor',
    'hostAsync.constructor',
  ];
  for (const chain of attempts) {
    assert.throws(
      () => c.evaluate(`(${chain})('return globalThis')()`),
      { name: 'TypeError' },
      chain,
    );
    assertNotHost(c.evaluate(chain), chain);
  }
});

test('a host-thrown error seen in the compartment exposes no host constructor', () => {
  const c = makeCompartment();
  const [ctor, protoCtor] = c.evaluate(
    '(() => { try { thrower() } catch (e) { return [e.constructor, Object.getPrototypeOf(e).constructor] } })()',
  );
  assert.notEqual(ctor, host.Function);
  assert.notEqual(protoCtor, host.Function);
  // The shared %SharedError%, not the start compartment's Error.
  assert.equal(ctor, c.globalThis.Error);
  assert.notEqual(ctor, globalThis.Error);
});

test("the compartment's Function builds functions scoped to the compartment", () => {
  const c = makeCompartment();
  const f = c.evaluate('hostFn.constructor === Function ? 1 : Function("return typeof process")');
  assert.equal(typeof f, 'function');
  assert.equal(f(), 'undefined');
  assert.equal(c.evaluate('Function("return this")()'), undefined);
  assert.equal(c.evaluate('Function("return globalThis")()'), c.globalThis);
});

test('promise callbacks run with nothing more than the compartment had', async () => {
  const c = makeCompartment();
  const got = await c.evaluate(
    'Promise.resolve().then(function () { return [this, typeof process, typeof require, globalThis]; })',
  );
  assert.equal(got[0], undefined);
  assert.equal(got[1], 'undefined');
  assert.equal(got[2], 'undefined');
  assert.equal(got[3], c.globalThis);
  const viaAsync = await c.evaluate('(async () => { await null; return globalThis; })()');
  assert.equal(viaAsync, c.globalThis);
});
