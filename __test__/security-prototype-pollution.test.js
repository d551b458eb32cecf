// Attack class: prototype pollution and writes to shared intrinsics. After lockdown every
// intrinsic is frozen, so one compartment cannot change what the host or another
// compartment sees.
import test from 'node:test';
import assert from 'node:assert/strict';
import './security-helpers.mjs';

test('writes to shared prototypes fail and change nothing', () => {
  const c = new Compartment();
  const attempts = [
    'Object.prototype.polluted = 1',
    'Array.prototype.push = () => 0',
    'Function.prototype.call = () => 0',
    'Object.prototype.__proto__ = {}',
    'Object.setPrototypeOf(Array.prototype, null)',
    'Object.defineProperty(Object.prototype, "polluted", { value: 1 })',
    'JSON.parse = () => 0',
    'Promise.prototype.then = () => 0',
    'Error.prototype.toString = () => "x"',
    'Object.getPrototypeOf(async function () {}).polluted = 1',
    'Object.getPrototypeOf(function* () {}).polluted = 1',
    'Compartment.prototype.evaluate = () => "pwned"',
    'Object.getPrototypeOf(Compartment.prototype).polluted = 1',
    'Reflect.deleteProperty(Array.prototype, "map") || fail()',
    'Object.freeze.polluted = 1',
  ];
  for (const src of attempts) {
    assert.throws(() => c.evaluate(src), Error, src);
  }
  assert.equal({}.polluted, undefined);
  assert.equal(typeof Array.prototype.push, 'function');
  assert.equal([1].push(2), 2);
  assert.equal(typeof new Compartment().evaluate, 'function');
  assert.notEqual(new Compartment().evaluate('1'), 'pwned');
});

test('__proto__ and constructor keys in endowments do not pollute', () => {
  const globals = JSON.parse('{"__proto__": {"polluted": true}, "polluted2": 1}');
  const c = new Compartment({ __options__: true, globals });
  assert.equal({}.polluted, undefined);
  assert.equal(c.globalThis.polluted2, 1);
  // As in ses, an endowment named like a frozen Object.prototype data property cannot be
  // assigned onto the new global (the override mistake): construction fails.
  assert.throws(
    () => new Compartment({ __options__: true, globals: JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') }),
    { name: 'TypeError', message: "Cannot assign to read only property 'constructor' of object '[object Object]'" },
  );
  assert.equal({}.polluted, undefined);
  // As in ses, an own `__proto__` endowment is assigned, so it replaces the prototype of
  // that compartment's global object only; Object.prototype is untouched.
  assert.deepEqual(Object.getPrototypeOf(c.globalThis), { polluted: true });
  assert.equal(Object.getPrototypeOf(new Compartment().globalThis), Object.prototype);
});

test("a compartment may change its own global object, not another's", () => {
  const a = new Compartment();
  const b = new Compartment();
  a.evaluate('globalThis.Array = "mine"; delete globalThis.Object');
  assert.equal(a.evaluate('Array'), 'mine');
  assert.equal(b.evaluate('Array'), Array);
  assert.equal(b.evaluate('typeof Object'), 'function');
  assert.equal(globalThis.Array, Array);
});

test('the start global keeps its intrinsics', () => {
  const c = new Compartment();
  c.evaluate('try { Object.getPrototypeOf(globalThis).constructor.assign = null } catch {}');
  assert.equal(typeof Object.assign, 'function');
});
