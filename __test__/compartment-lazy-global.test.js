// A compartment's global object and evaluator are built when first needed. These tests
// pin down that nothing of it is observable: endowments are read at construction, the
// constructor still throws where ses throws, every entry point builds the same single
// global object, and a build interrupted by a stack overflow leaves a working compartment.
// After lockdown, in its own process.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import 'ses';
import { ModuleSource } from 'ses/module-source';

const require = createRequire(import.meta.url);
const { privateFields } = require('../lib/compartment/private-fields.js');

lockdown();

test('the global object is built on first use, once', () => {
  const c = new Compartment();
  const fields = privateFields.get(c);
  assert.equal(fields.globalObject, undefined);
  assert.equal(typeof fields.buildGlobalObject, 'function');
  const g = c.globalThis;
  assert.equal(typeof g, 'object');
  assert.equal(fields.globalObject, g);
  assert.equal(fields.buildGlobalObject, undefined);
  assert.equal(c.globalThis, g);
  assert.equal(c.evaluate('globalThis'), g);
  assert.equal(g.Array, Array);
  assert.notEqual(g.eval, globalThis.eval);
});

test('evaluate builds it', () => {
  const c = new Compartment({ globals: { x: 2 }, __options__: true });
  assert.equal(c.evaluate('x * 3'), 6);
  assert.equal(typeof privateFields.get(c).globalObject, 'object');
  assert.equal(c.evaluate('globalThis'), c.globalThis);
});

test('importing a module builds it, and module code sees the same global', async () => {
  const c = new Compartment({
    __options__: true,
    modules: { m: { source: new ModuleSource('export default globalThis;') } },
  });
  assert.equal(privateFields.get(c).globalObject, undefined);
  const { namespace } = await c.import('m');
  assert.equal(typeof privateFields.get(c).globalObject, 'object');
  assert.equal(namespace.default, c.globalThis);
});

test('endowment getters run at construction, exactly once', () => {
  let reads = 0;
  const globals = {
    get counted() {
      reads += 1;
      return reads;
    },
  };
  const c = new Compartment({ globals, __options__: true });
  assert.equal(reads, 1);
  globals.later = 'added after construction';
  assert.equal(c.evaluate('counted'), 1);
  assert.equal(reads, 1);
  assert.equal(c.evaluate('typeof later'), 'undefined');
});

test('an endowment getter that throws fails the constructor', () => {
  const globals = {
    get bad() {
      throw RangeError('from the getter');
    },
  };
  assert.throws(() => new Compartment({ globals, __options__: true }), {
    name: 'RangeError',
    message: 'from the getter',
  });
});

test('endowments the global object refuses throw at construction, as in ses', () => {
  for (const name of ['Infinity', 'NaN', 'undefined']) {
    assert.throws(
      () => new Compartment({ globals: { [name]: 1 }, __options__: true }),
      { name: 'TypeError', message: `Cannot assign to read only property '${name}' of object '[object Object]'` },
      name,
    );
    assert.throws(() => new Compartment({ globals: new Map([[name, 1]]), __options__: true }), TypeError);
  }
  assert.throws(() => new Compartment({ globals: { [Symbol.unscopables]: {} }, __options__: true }), {
    name: 'TypeError',
    message: "Cannot set Symbol.unscopables of a Compartment's globalThis",
  });
});

test('endowments overwrite the writable globals they name', () => {
  const myEval = () => 'mine';
  const c = new Compartment({ globals: { eval: myEval, globalThis: 'shadowed', Array: 1 }, __options__: true });
  assert.equal(c.globalThis.eval, myEval);
  assert.equal(c.globalThis.globalThis, 'shadowed');
  assert.equal(c.globalThis.Array, 1);
});

test('a child compartment made by guest code has the guest compartment as parent', () => {
  const c = new Compartment();
  const child = c.evaluate('new Compartment()');
  assert.equal(privateFields.get(child).parentCompartment, c);
  assert.equal(privateFields.get(child).globalObject, undefined);
  assert.equal(child.evaluate('1 + 1'), 2);
});

test('a build cut short by a stack overflow leaves the compartment working', () => {
  // Try to build at every depth near the stack limit: some attempts fail part-way, and
  // the compartment must then build cleanly on the next request.
  const compartments = Array.from({ length: 200 }, () => new Compartment({ globals: { v: 5 }, __options__: true }));
  let overflowed = 0;
  let notRange;
  let next = 0;
  const dive = () => {
    try {
      dive();
    } catch {
      // Near the limit: each frame on the way out tries another compartment.
    }
    if (next < compartments.length) {
      try {
        compartments[next].globalThis;
      } catch (e) {
        // Nothing that calls here: the stack is nearly exhausted.
        overflowed += 1;
        if (!(e instanceof RangeError)) notRange = e;
      }
      next += 1;
    }
  };
  dive();
  assert.equal(notRange, undefined);
  for (const c of compartments) {
    const g = c.globalThis;
    assert.equal(c.evaluate('globalThis'), g);
    assert.equal(c.evaluate('v + 1'), 6);
    assert.equal(g.Array, Array);
    assert.equal(typeof g.Compartment, 'function');
    assert.equal(privateFields.get(c).buildGlobalObject, undefined);
  }
  // The probe must have hit the limit at least once for the test to mean anything.
  assert.ok(overflowed > 0, 'no build was cut short');
});
