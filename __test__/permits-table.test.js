// The permits table: internal consistency, and a differential against ses 2.3.0's table
// (loaded straight from its source). The tables are written independently, so the only
// differences allowed are listed below, with the reason for each.

import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const mine = require('../lib/lockdown/permits.js');
const upstream = await import(
  pathToFileURL(path.join(here, '../node_modules/ses-reference/src/permits.js')).href
);

const PRIMITIVES = ['number', 'string', 'boolean', 'symbol', 'undefined'];

// Reduce a permit table to plain data: functions as 'fn', accessors as 'getter'/'accessor'.
const normalize = (P, permit) => {
  if (permit === P.FunctionInstance) return 'fn';
  if (permit === P.AsyncFunctionInstance) return 'asyncfn';
  if (P.isAccessorPermit(permit)) return permit.set === 'undefined' ? 'getter' : 'accessor';
  if (typeof permit !== 'object' || permit === null) return permit;
  const out = {};
  for (const k of Object.keys(permit)) {
    out[k === '--proto--' ? '__proto__' : k] = normalize(P, permit[k]);
  }
  return out;
};

// Differences from upstream, none of which can show on Node:
const allowed = [
  // Engine extras of XS, Hermes, SpiderMonkey and JSC that upstream deletes silently; on
  // Node they never exist.
  /^permitted\.(Object\.__getClass|%SharedSymbol%\.(useSimple|useSetter|operatorSet)|BigInt\.\w+|%(Initial|Shared)Math%\.(idiv|idivmod|imod|imuldiv|irem|mod|irandom)|String\.fromArrayBuffer|%StringPrototype%\.(compare|__quote)|Set\.groupBy|ArrayBuffer\.(fromString|fromBigInt)|%ArrayBufferPrototype%\.concat): upstream=false mine=undefined$/,
  // Non-standard members permitted upstream for other engines.
  /^permitted\.(%StringPrototype%\.unicodeSets|Array\.at|%ArrayPrototype%\.groupBy|%ArrayPrototype%\.@@unscopables\.(with|groupBy)|DataView\.BYTES_PER_ELEMENT): upstream=\S+ mine=undefined$/,
  // `length` and `name` are already allowed on every function.
  /^permitted\.%Temporal\.\w+%\.(length|name): upstream=\S+ mine=undefined$/,
];

const diff = (pathName, a, b, out) => {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      diff(`${pathName}.${k}`, a[k], b[k], out);
    }
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push(`${pathName}: upstream=${a} mine=${b}`);
  }
};

test('the permits table permits what ses permits', () => {
  const found = [];
  diff('permitted', normalize(upstream, upstream.permitted), normalize(mine, mine.permitted), found);
  const unexpected = found.filter((d) => !allowed.some((re) => re.test(d)));
  assert.deepEqual(unexpected, []);
});

test('global name maps match ses', () => {
  for (const name of [
    'constantProperties',
    'universalPropertyNames',
    'initialGlobalPropertyNames',
    'sharedGlobalPropertyNames',
    'uniqueGlobalPropertyNames',
  ]) {
    assert.deepEqual({ ...mine[name] }, { ...upstream[name] }, name);
  }
  assert.deepEqual(
    mine.NativeErrors.map((e) => e.name),
    upstream.NativeErrors.map((e) => e.name),
  );
});

test('every intrinsic a permit names is itself permitted', () => {
  const { permitted } = mine;
  const problems = [];
  const check = (where, permit) => {
    if (typeof permit === 'string') {
      if (!PRIMITIVES.includes(permit) && !Object.hasOwn(permitted, permit)) {
        problems.push(`${where} -> ${permit}`);
      }
    } else if (permit && typeof permit === 'object') {
      for (const k of Object.keys(permit)) check(`${where}.${k}`, permit[k]);
    }
  };
  for (const name of Object.keys(permitted)) check(name, permitted[name]);
  for (const map of ['universalPropertyNames', 'initialGlobalPropertyNames', 'sharedGlobalPropertyNames']) {
    for (const [g, intrinsic] of Object.entries(mine[map])) {
      if (!Object.hasOwn(permitted, intrinsic)) problems.push(`${map}.${g} -> ${intrinsic}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('known-bad entries are deleted silently', () => {
  const { permitted } = mine;
  assert.equal(permitted['%RegExpPrototype%'].compile, false);
  assert.equal(permitted['%FunctionPrototype%'].caller, false);
  assert.equal(permitted['%FunctionPrototype%'].arguments, false);
  assert.equal(permitted['%ErrorPrototype%'].cause, false);
  assert.equal(permitted['%TypeErrorPrototype%'].cause, false);
  assert.equal(permitted.SharedArrayBuffer, false);
  assert.equal(permitted['%SharedArrayBufferPrototype%'], false);
  assert.equal(permitted.Atomics, false);
  for (const k of ['input', '$_', 'lastMatch', '$&', 'lastParen', '$+', 'leftContext', '$`',
    'rightContext', "$'", '$1', '$9']) {
    assert.equal(permitted['%InitialRegExp%'][k], false, k);
    assert.equal(Object.hasOwn(permitted['%SharedRegExp%'], k), false, k);
  }
});

test('permit shapes', () => {
  const { permitted, FunctionInstance, isAccessorPermit } = mine;
  assert.equal(permitted['[[Proto]]'], null);
  assert.equal(permitted['%ObjectPrototype%']['[[Proto]]'], null);
  assert.equal(FunctionInstance['[[Proto]]'], '%FunctionPrototype%');
  assert.ok(isAccessorPermit(permitted['%ObjectPrototype%'].__proto__));
  assert.ok(isAccessorPermit(permitted['%SymbolPrototype%'].description));
  assert.ok(!isAccessorPermit(FunctionInstance));
  assert.equal(permitted['%ArrayPrototype%']['@@unscopables']['[[Proto]]'], null);
  assert.equal(permitted.harden.isFake, 'boolean');
  assert.equal(permitted.Object['RegisteredSymbol(harden)'].isFake, 'boolean');
  assert.ok(Object.isFrozen(permitted));
  assert.ok(Object.isFrozen(permitted['%ArrayPrototype%']));
  // Temporal taming reads these names.
  assert.equal(permitted['%InitialTemporal%'].Now, '%Temporal.Now%');
  assert.equal(Object.hasOwn(permitted['%SharedTemporal%'], 'Now'), false);
});
