// Attack class: Symbol.unscopables. The evaluator resolves names through `with` scopes,
// which honour an object's @@unscopables: a guest able to give the global object (or an
// object of the scope chain) an unscopables record could make names skip the
// compartment's global and fall through towards the host's scope.
import test from 'node:test';
import assert from 'node:assert/strict';
import './security-helpers.mjs';

test('the global object refuses an unscopables record', () => {
  const c = new Compartment();
  assert.throws(() => c.evaluate('globalThis[Symbol.unscopables] = { Array: true }'), {
    name: 'TypeError',
    message: "Cannot set Symbol.unscopables of a Compartment's globalThis",
  });
  assert.throws(
    () => c.evaluate('Object.defineProperty(globalThis, Symbol.unscopables, { value: { Array: true } })'),
    TypeError,
  );
  assert.throws(() => c.evaluate('delete globalThis[Symbol.unscopables] || fail()'), Error);
  assert.equal(c.globalThis[Symbol.unscopables], undefined);
  assert.equal(c.evaluate('Array'), Array);
});

test('host code cannot weaken it either', () => {
  const c = new Compartment();
  assert.throws(() => {
    c.globalThis[Symbol.unscopables] = { x: true };
  }, TypeError);
  const d = Object.getOwnPropertyDescriptor(c.globalThis, Symbol.unscopables);
  assert.equal(d.configurable, false);
  assert.equal(d.get, undefined);
});

test('Object.prototype cannot carry unscopables after lockdown', () => {
  const c = new Compartment();
  assert.throws(() => c.evaluate('Object.prototype[Symbol.unscopables] = { Array: true }'), TypeError);
  assert.equal(Object.prototype[Symbol.unscopables], undefined);
});

test('unscopable names in a guest-built with-object stay inside the compartment', () => {
  globalThis.hostUnscoped = 'host';
  const c = new Compartment();
  // Sloppy `with` is impossible in compartment code; Function bodies are strict too.
  assert.throws(() => c.evaluate('with ({}) {}'), SyntaxError);
  assert.throws(() => c.globalThis.Function('with ({}) {}'), SyntaxError);
  assert.equal(c.evaluate('typeof hostUnscoped'), 'undefined');
  delete globalThis.hostUnscoped;
});
