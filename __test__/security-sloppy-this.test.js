// Attack class: the `this` of functions called without a receiver. Sloppy functions get
// the global object of their realm as `this` - the host's globalThis. Everything a
// compartment evaluates must be strict.
import test from 'node:test';
import assert from 'node:assert/strict';
import { host } from './security-helpers.mjs';

const noReject = { __rejectSomeDirectEvalExpressions__: false };

test('functions made by evaluate, eval and Function are strict', () => {
  const c = new Compartment();
  const fns = [
    c.evaluate('(function () { return this; })'),
    c.evaluate('function f() { return this; } f'),
    c.globalThis.eval('(function () { return this; })'),
    c.globalThis.Function('return this'),
    c.evaluate('Function("return this")'),
    c.evaluate('eval("(function () { return this; })")', noReject),
    c.evaluate('(function () { return this; })', { sloppyGlobalsMode: true }),
    c.evaluate('(function () { return this; })', { __moduleShimLexicals__: {} }),
    c.evaluate('({ m() { return (function () { return this; })(); } }).m'),
  ];
  for (const f of fns) {
    assert.equal(f(), undefined);
    assert.notEqual(f(), host.globalThis);
    assert.equal(f.call(undefined), undefined);
  }
});

test('"use strict" removal tricks stay strict', () => {
  const c = new Compartment();
  assert.equal(c.evaluate('(function () { "use sloppy"; return this; })()'), undefined);
  assert.equal(c.globalThis.Function('"no strict"; return this')(), undefined);
  assert.throws(() => c.evaluate('(function () { undeclaredFromFn = 1; })()'), ReferenceError);
  assert.equal(globalThis.undeclaredFromFn, undefined);
});

test('top-level this is the compartment global, never the host global', () => {
  const c = new Compartment();
  assert.equal(c.evaluate('this'), c.globalThis);
  assert.equal(c.globalThis.eval('this'), c.globalThis);
  assert.equal(c.evaluate('(() => this)()'), c.globalThis);
  assert.equal(c.evaluate('this', { sloppyGlobalsMode: true }), c.globalThis);
  assert.notEqual(c.evaluate('this'), host.globalThis);
});

test('getters and callbacks called by intrinsics get no host this', () => {
  const c = new Compartment();
  assert.deepEqual(c.evaluate('[1].map(function () { return this; })'), [undefined]);
  assert.equal(c.evaluate('Reflect.apply(function () { return this; }, undefined, [])'), undefined);
});
