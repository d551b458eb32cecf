// compartment.evaluate after lockdown, checked against the documented behaviour
// (spec sections 4.3, 4.6, 4.7, 5 and 10) rather than against the reference package.
import test from 'node:test';
import assert from 'node:assert/strict';
import 'ses';

lockdown();

const opts = o => ({ __options__: true, ...o });

test('strict script semantics, completion value and this', () => {
  const c = new Compartment();
  assert.equal(c.evaluate('1; 2; 3'), 3);
  assert.equal(c.evaluate('this'), c.globalThis);
  assert.equal(c.evaluate('(function () { return this; })()'), undefined);
  assert.throws(() => c.evaluate('return 1'), SyntaxError);
  assert.throws(() => c.evaluate('with ({}) {}'), SyntaxError);
  assert.equal(c.evaluate('typeof arguments'), 'object');
});

test('free variables read as undefined; assignments throw unless sloppyGlobalsMode', () => {
  const c = new Compartment();
  assert.equal(c.evaluate('typeof nothingHere'), 'undefined');
  assert.equal(c.evaluate('nothingHere'), undefined);
  assert.throws(() => c.evaluate('nothingHere = 1'), { name: 'ReferenceError', message: 'nothingHere is not defined' });
  assert.equal(c.evaluate('nothingHere = 1', { sloppyGlobalsMode: true }), 1);
  assert.equal(c.globalThis.nothingHere, 1);
});

test('declarations are local to each call', () => {
  const c = new Compartment();
  c.evaluate('var a = 1; let b = 2; const d = 3; function f() {} class K {}');
  for (const name of ['a', 'b', 'd', 'f', 'K']) {
    assert.equal(c.evaluate(`typeof ${name}`), 'undefined', name);
    assert.ok(!Object.hasOwn(c.globalThis, name), name);
  }
  c.evaluate('globalThis.kept = 4');
  assert.equal(c.evaluate('kept'), 4);
});

test('immutable globals are constants; ordinary ones stay live', () => {
  const c = new Compartment(opts({ globals: { live: 1 } }));
  assert.throws(() => c.evaluate('NaN = 1'), { name: 'TypeError', message: 'Assignment to constant variable.' });
  assert.throws(() => c.evaluate('Infinity = 1'), TypeError);
  c.globalThis.live = 2;
  assert.equal(c.evaluate('live'), 2);
  assert.equal(c.evaluate('let Array = 1; Array'), 1);
  assert.equal(c.evaluate('Array'), Array);
  assert.equal(c.evaluate('delete globalThis.Array'), true);
  assert.equal(c.evaluate('typeof Array'), 'undefined');
});

test('the global object contents after lockdown', () => {
  const g = new Compartment().globalThis;
  for (const name of ['Array', 'Object', 'JSON', 'Promise', 'harden', 'lockdown', 'Reflect', 'Proxy', 'TextEncoder']) {
    assert.equal(g[name], globalThis[name], name);
    const d = Object.getOwnPropertyDescriptor(g, name);
    assert.deepEqual([d.writable, d.enumerable, d.configurable], [true, false, true], name);
  }
  for (const name of ['Date', 'Error', 'RegExp', 'Symbol', 'Math', 'eval', 'Function', 'Compartment']) {
    assert.notEqual(g[name], globalThis[name], name);
  }
  for (const name of ['console', 'assert', 'Float32Array', 'Float64Array', 'getStackString', 'SharedArrayBuffer', 'Atomics', 'WeakRef', 'FinalizationRegistry', 'Intl', 'process', 'setTimeout', 'queueMicrotask', 'URL']) {
    assert.ok(!(name in g), name);
  }
  for (const name of ['NaN', 'Infinity', 'undefined']) {
    const d = Object.getOwnPropertyDescriptor(g, name);
    assert.deepEqual([d.writable, d.enumerable, d.configurable], [false, false, false], name);
  }
  assert.equal(Object.getPrototypeOf(g), Object.prototype);
  assert.ok(Object.isExtensible(g));
  assert.deepEqual(Object.keys(g), []);
});

test('transform order: local, evasions and direct-eval check, compartment, mandatory', () => {
  const seen = [];
  const c = new Compartment(opts({
    transforms: [s => (seen.push(['compartment', s]), s)],
    __shimTransforms__: [s => (seen.push(['shim', s]), s)],
  }));
  c.evaluate('"<!--"', {
    __evadeHtmlCommentTest__: true,
    transforms: [s => (seen.push(['local', s]), s)],
  });
  assert.deepEqual(seen, [
    ['local', '"<!--"'],
    ['compartment', '"< ! --"'],
    ['shim', '"< ! --"'],
  ]);
  assert.throws(() => c.evaluate('1', { transforms: [() => 'x-->y'] }), /SES_HTML_COMMENT_REJECTED/);
});

test('rejections name the sourceURL and line', () => {
  const c = new Compartment();
  assert.throws(() => c.evaluate('\n\neval("1")\n//# sourceURL=foo.js'), {
    name: 'SyntaxError',
    message: 'Possible direct eval expression rejected at foo.js:3. (SES_EVAL_REJECTED)',
  });
  assert.throws(() => c.evaluate('import("x")'), {
    name: 'SyntaxError',
    message: 'Possible import expression rejected at <unknown>:1. (SES_IMPORT_REJECTED)',
  });
  assert.equal(c.evaluate('eval("1 + 1")', { __rejectSomeDirectEvalExpressions__: false }), 2);
  assert.equal(c.evaluate('(eval)("1 + 2")'), 3);
});

test('eval and Function of a compartment', () => {
  const c = new Compartment(opts({ globals: { k: 10 } }));
  const F = c.globalThis.Function;
  const f = F('a', 'b', 'return a + b + k');
  assert.equal(f(1, 2), 13);
  assert.equal(f.toString(), 'function anonymous(a,b\n) {\nreturn a + b + k\n}');
  assert.equal(F.length, 1);
  assert.equal(F.prototype, Function.prototype);
  assert.ok(f instanceof Function);
  assert.equal(c.globalThis.eval('k'), 10);
  const o = {};
  assert.equal(c.globalThis.eval(o), o);
  assert.throws(() => c.evaluate('new (eval)("1")'), TypeError);
  assert.equal(c.globalThis.eval('eval("k")'), 10);
  assert.equal(String(c.globalThis.eval), 'function eval() { [native code] }');
});
