// Attack class: host script-level `let` / `const` / `class` bindings. They live in the
// realm's global lexical environment, not on globalThis, so a scope chain that ever
// reached the real global scope would see them even though they are not properties.
import test from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import './security-helpers.mjs';

vm.runInThisContext(`
  let hostLet = { kind: 'let' };
  const hostConst = { kind: 'const' };
  class HostClass {}
  var hostVar = { kind: 'var' };
`);
const hostLet = vm.runInThisContext('hostLet');

const noReject = { __rejectSomeDirectEvalExpressions__: false };

test('host lexical bindings are invisible to compartment code', () => {
  const c = new Compartment();
  assert.deepEqual(
    c.evaluate('[typeof hostLet, typeof hostConst, typeof HostClass, typeof hostVar]'),
    ['undefined', 'undefined', 'undefined', 'undefined'],
  );
  assert.equal(c.evaluate('hostLet'), undefined);
  assert.equal(c.globalThis.eval('typeof hostConst'), 'undefined');
  assert.equal(c.globalThis.Function('return typeof HostClass')(), 'undefined');
  assert.equal(c.evaluate('eval("typeof hostLet")', noReject), 'undefined');
  assert.equal(c.evaluate('typeof hostLet', { sloppyGlobalsMode: true }), 'undefined');
  assert.equal(c.evaluate('typeof hostLet', { __moduleShimLexicals__: {} }), 'undefined');
});

test('host lexical bindings cannot be assigned from a compartment', () => {
  const c = new Compartment();
  assert.throws(() => c.evaluate('hostLet = 1'), { name: 'ReferenceError', message: 'hostLet is not defined' });
  c.evaluate('hostLet = 2', { sloppyGlobalsMode: true });
  assert.equal(c.globalThis.hostLet, 2);
  assert.equal(vm.runInThisContext('hostLet'), hostLet);
  assert.throws(() => c.globalThis.Function('hostConst = 1')(), ReferenceError);
});

test('guest declarations do not create host bindings', () => {
  const c = new Compartment();
  c.evaluate('let guestLet = 1; var guestVar = 2; function guestFn() {} class GuestClass {}');
  assert.equal(typeof globalThis.guestVar, 'undefined');
  assert.equal(vm.runInThisContext('typeof guestLet'), 'undefined');
  assert.equal(vm.runInThisContext('typeof GuestClass'), 'undefined');
  assert.equal(vm.runInThisContext('typeof guestFn'), 'undefined');
});
