// Unit tests of the lockdown room's helpers, without locking this process down; where
// upstream has the same helper, its result is the expectation.

import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { makeEnvironmentCaptor, getEnvironmentOption } = require('../lib/lockdown/env-options.js');
const { makeReportPrinter, reportInGroup, chooseReporter } = require('../lib/lockdown/reporting.js');
const { cauterizeProperty } = require('../lib/lockdown/cauterize-property.js');
const { tameFauxDataProperty } = require('../lib/lockdown/tame-faux-data-properties.js');
const enablements = require('../lib/lockdown/enablements.js');
const { enablePropertyOverrides } = require('../lib/lockdown/enable-property-overrides.js');
const { tameFunctionToString } = require('../lib/lockdown/tame-function-tostring.js');

const plain = (plan) => {
  if (typeof plan !== 'object') return plan;
  const o = {};
  for (const k of Reflect.ownKeys(plan)) o[String(k)] = plain(plan[k]);
  return o;
};

test('override plans equal upstream', async () => {
  const ref = await import('ses-reference/src/enablements.js').catch(() =>
    import('../node_modules/ses-reference/src/enablements.js'),
  );
  for (const name of ['minEnablements', 'moderateEnablements', 'severeEnablements']) {
    assert.deepEqual(plain(enablements[name]), plain(ref[name]), name);
  }
});

test('env options: validation and errors', () => {
  const fake = { process: { env: { A: 'x', B: 'bogus', C: 7, L: 'a,,b' } } };
  const { getEnvironmentOption: get, getEnvironmentOptionsList, getCapturedEnvironmentOptionNames } =
    makeEnvironmentCaptor(fake);
  assert.equal(get('A', 'd'), 'x');
  assert.equal(get('Z', 'd', ['e']), 'd');
  assert.equal(get('A', 'x', []), 'x');
  assert.throws(() => get('B', 'safe', ['unsafe']), {
    name: 'Error',
    message: 'Unrecognized "B" value "bogus". Expected one of ["safe","unsafe"]',
  });
  assert.throws(() => get('C', 'd'), {
    message: 'Environment option named "C", if present, must have a corresponding string value, got 7',
  });
  assert.throws(() => get(1, 'd'), { message: 'Environment option name 1 must be a string.' });
  assert.throws(() => get('A', 1), {
    message: 'Environment option default setting 1 must be a string.',
  });
  assert.deepEqual([...getEnvironmentOptionsList('L')], ['a', '', 'b']);
  assert.deepEqual([...getCapturedEnvironmentOptionNames()], ['A', 'A', 'B', 'C', 'L']);
  // No process at all: the default.
  assert.equal(makeEnvironmentCaptor({}).getEnvironmentOption('A', 'd'), 'd');
  assert.equal(typeof getEnvironmentOption, 'function');
});

test('report printer indents group members and reports lazily', () => {
  const lines = [];
  const printer = makeReportPrinter((...args) => lines.push(args.join('|')));
  reportInGroup('G', printer, () => {});
  assert.deepEqual(lines, []);
  reportInGroup('G', printer, (r) => {
    r.warn('w1');
    r.error('e1', 2);
  });
  printer.warn('after');
  assert.deepEqual(lines, ['G', ' |w1', ' |e1|2', 'after']);
  assert.throws(() => chooseReporter('bogus'), { name: 'Error', message: 'Check failed' });
  const muted = chooseReporter('none');
  muted.warn('nothing');
});

test('cauterizeProperty deletes, warns for unknown, rethrows undeletable', () => {
  const warnings = [];
  const errors = [];
  const reporter = { warn: (...a) => warnings.push(a.join(' ')), error: (...a) => errors.push(a[0]) };
  const o = { a: 1, b: 2 };
  cauterizeProperty(o, 'a', true, 'o.a', reporter);
  cauterizeProperty(o, 'b', false, 'o.b', reporter);
  assert.deepEqual(Object.keys(o), []);
  assert.deepEqual(warnings, ['Removing o.b']);
  const fixed = Object.defineProperty({}, 'c', { value: 1 });
  assert.throws(() => cauterizeProperty(fixed, 'c', true, 'o.c', reporter), TypeError);
  assert.deepEqual(errors, ['failed to delete o.c']);
  // An undeletable but writable `prototype` on a function is emptied instead.
  const f = function () {};
  Object.defineProperty(f, 'prototype', { configurable: false, writable: true });
  cauterizeProperty(f, 'prototype', true, 'f.prototype', reporter);
  assert.equal(f.prototype, undefined);
  assert.equal(warnings[1], 'Tolerating undeletable f.prototype === undefined');
});

test('tameFauxDataProperty recognizes a faithful emulation only', () => {
  const makeFaux = (value) => {
    const obj = {};
    Object.defineProperty(obj, 'p', {
      get() { return value; },
      set(v) {
        if (this === obj) throw TypeError('no');
        Object.defineProperty(this, 'p', { value: v, writable: true, enumerable: true, configurable: true });
      },
      enumerable: false,
      configurable: true,
    });
    return obj;
  };
  const good = makeFaux(5);
  assert.equal(tameFauxDataProperty(good, 'p', 5), true);
  assert.deepEqual(Object.getOwnPropertyDescriptor(good, 'p'), {
    value: 5, writable: true, enumerable: false, configurable: true,
  });
  assert.equal(tameFauxDataProperty(makeFaux(5), 'p', 6), false);
  assert.equal(tameFauxDataProperty(undefined, 'p', 6), false);
  assert.equal(tameFauxDataProperty({ p: 1 }, 'p', 1), false);
  const getterOnly = Object.defineProperty({}, 'p', { get: () => 1, configurable: true });
  assert.equal(tameFauxDataProperty(getterOnly, 'p', 1), false);
});

test('enablePropertyOverrides on a private graph', () => {
  const proto = { toString() { return 'p'; }, valueOf() { return 1; } };
  const intrinsics = { '%ObjectPrototype%': proto };
  const warned = [];
  enablePropertyOverrides(intrinsics, 'min', { warn: (e) => warned.push(e.message) }, ['toString']);
  const d = Object.getOwnPropertyDescriptor(proto, 'toString');
  assert.equal(typeof d.get, 'function');
  assert.equal(d.get.name, 'get toString');
  assert.equal(d.set.name, 'set toString');
  assert.equal(d.get.originalValue(), 'p');
  assert.equal('value' in Object.getOwnPropertyDescriptor(proto, 'valueOf'), true);
  Object.freeze(proto);
  const child = Object.create(proto);
  child.toString = () => 'c';
  assert.equal(String(child), 'c');
  assert.deepEqual(Object.getOwnPropertyDescriptor(child, 'toString').enumerable, true);
  assert.deepEqual(warned, ['Override property toString']);
  assert.throws(() => { proto.toString = 1; }, {
    name: 'TypeError',
    message: "Cannot assign to read only property 'toString' of 'root.%ObjectPrototype%.toString'",
  });
  assert.throws(() => enablePropertyOverrides({}, 'bogus', { warn() {} }), {
    name: 'TypeError',
    message: 'unrecognized overrideTaming bogus',
  });
});

test('tameFunctionToString is idempotent and prints marked functions as native', () => {
  const mark = tameFunctionToString();
  assert.equal(tameFunctionToString(), mark);
  assert.ok(Object.isFrozen(mark));
  function secretSource() { return 42; }
  assert.match(String(secretSource), /return 42/);
  mark(secretSource);
  assert.equal(String(secretSource), 'function secretSource() { [native code] }');
  assert.equal(String(Math.max), 'function max() { [native code] }');
  assert.equal(Function.prototype.toString.name, 'toString');
  assert.equal('prototype' in Function.prototype.toString, false);
  assert.throws(() => Function.prototype.toString.call({}), TypeError);
});
