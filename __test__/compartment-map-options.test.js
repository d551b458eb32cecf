// `globals` and `modules` given as Maps (the API document types them so). Real ses
// ignores Maps (object spread sees no own properties); we take their entries, with the
// same copy-once semantics as the object form. Pre-lockdown, in process.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import 'ses';

const require = createRequire(import.meta.url);
const { privateFields } = require('../lib/compartment/private-fields.js');

test('a Map of globals is honoured', () => {
  const sym = Symbol('s');
  const globals = new Map([
    ['m', 7],
    [sym, 'by symbol'],
  ]);
  const c = new Compartment({ __options__: true, globals });
  assert.equal(c.evaluate('m'), 7);
  assert.equal(c.globalThis[sym], 'by symbol');
  const d = Object.getOwnPropertyDescriptor(c.globalThis, 'm');
  assert.deepEqual(d, { value: 7, writable: true, enumerable: true, configurable: true });
  // Copied once: later changes to the Map are not seen.
  globals.set('m', 8);
  assert.equal(c.evaluate('m'), 7);
});

test('the legacy first argument may be a Map', () => {
  const c = new Compartment(new Map([['legacy', 1]]));
  assert.equal(c.evaluate('legacy'), 1);
});

test('a Map subclass counts as a Map; look-alikes do not', () => {
  class MyMap extends Map {}
  assert.equal(new Compartment(new MyMap([['sub', 2]])).evaluate('sub'), 2);
  const lookAlike = Object.create(Map.prototype);
  lookAlike.own = 3;
  assert.equal(new Compartment(lookAlike).evaluate('own'), 3);
  const proxied = new Proxy(new Map([['hidden', 4]]), {});
  assert.equal(new Compartment(proxied).evaluate('typeof hidden'), 'undefined');
});

test('Map endowments follow the object rules (NaN is read-only)', () => {
  assert.throws(() => new Compartment(new Map([['NaN', 1]])), {
    name: 'TypeError',
    message: "Cannot assign to read only property 'NaN' of object '#<Object>'",
  });
});

test('a Map of modules becomes the module map', () => {
  const descriptor = { source: 'export default 1;' };
  const c = new Compartment({ __options__: true, modules: new Map([['m', descriptor]]) });
  const { moduleMap } = privateFields.get(c);
  assert.equal(Object.getPrototypeOf(moduleMap), null);
  assert.equal(moduleMap.m, descriptor);
});

test('object modules are spread into a null-prototype map', () => {
  const descriptor = { source: 'export default 1;' };
  const c = new Compartment({}, { m: descriptor });
  const { moduleMap } = privateFields.get(c);
  assert.equal(Object.getPrototypeOf(moduleMap), null);
  assert.deepEqual(Object.keys(moduleMap), ['m']);
});

test('private fields carry the documented names', () => {
  const c = new Compartment({ __options__: true, name: 'fields', __noNamespaceBox__: true });
  const fields = privateFields.get(c);
  for (const key of [
    'name', 'globalTransforms', 'globalObject', 'safeEvaluate', 'buildGlobalObject',
    'resolveHook', 'importHook',
    'importNowHook', 'moduleMap', 'moduleMapHook', 'importMetaHook', 'moduleRecords',
    '__shimTransforms__', 'deferredExports', 'instances', 'parentCompartment',
    'noNamespaceBox', 'compartmentImport', 'noAggregateLoadErrors',
  ]) {
    assert.ok(key in fields, key);
  }
  assert.equal(fields.name, 'fields');
  const globalObject = c.globalThis;
  assert.equal(fields.globalObject, globalObject);
  assert.equal(fields.noNamespaceBox, true);
  assert.equal(fields.parentCompartment, undefined);
  const child = c.evaluate('new Compartment()');
  assert.equal(privateFields.get(child).parentCompartment, c);
});
