// Attack class: one compartment reaching another's state: its global object, its
// evaluators, its endowments, its module map.
import test from 'node:test';
import assert from 'node:assert/strict';
import { reachable } from './security-helpers.mjs';

test('globals and declarations stay in their compartment', () => {
  const a = new Compartment({ __options__: true, globals: { secretA: { s: 1 } } });
  const b = new Compartment();
  a.evaluate('globalThis.written = 1; var declared = 2');
  assert.deepEqual(b.evaluate('[typeof secretA, typeof written, typeof declared]'), ['undefined', 'undefined', 'undefined']);
});

test("nothing reachable from one compartment is another's private object", () => {
  const secret = { secret: true };
  const a = new Compartment({ __options__: true, globals: { secret } });
  const b = new Compartment();
  const fromB = reachable([b.globalThis, b.evaluate('[new Compartment(), new Compartment().globalThis]')]);
  for (const obj of [a.globalThis, a.globalThis.eval, a.globalThis.Function, a.globalThis.Compartment, secret, a]) {
    assert.ok(!fromB.has(obj));
  }
});

test('evaluators are bound to their own compartment', () => {
  const a = new Compartment({ __options__: true, globals: { who: 'a' } });
  const b = new Compartment({ __options__: true, globals: { who: 'b', evalA: a.globalThis.eval } });
  // Even handed A's eval, B's code evaluates in A (what it was given), not in the host.
  assert.equal(b.evaluate('evalA("who")'), 'a');
  assert.equal(b.evaluate('(eval)("who")'), 'b');
  assert.equal(b.evaluate('Function("return who")()'), 'b');
});

test('a child compartment does not see its parent', () => {
  const parent = new Compartment({ __options__: true, globals: { parentSecret: 1 } });
  const child = parent.evaluate('new Compartment()');
  assert.equal(child.evaluate('typeof parentSecret'), 'undefined');
  assert.notEqual(child.globalThis, parent.globalThis);
  assert.ok(!reachable([child.globalThis]).has(parent.globalThis));
});

test('the compartment accessors only work on real instances', () => {
  const b = new Compartment();
  assert.throws(() => b.evaluate('Object.getOwnPropertyDescriptor(Compartment.prototype, "globalThis").get.call({})'), TypeError);
  assert.throws(() => b.evaluate('Compartment.prototype.evaluate.call(Object.create(Compartment.prototype), "1")'), TypeError);
});
