// Differential: what importing the package does before any lockdown (spec 1.2).

import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { skipReason, runProbe, runBoth, compareLines } = require('./lockdown-helpers.cjs');

const same = (body, options) => {
  const { ref, ours } = runBoth(body, options);
  assert.equal(ref.status, 0, `ses probe failed: ${ref.stderr}`);
  compareLines(assert, ref.stdout, ours.stdout);
  assert.equal(ours.status, ref.status);
};

const IMPORT_STATE = String.raw`
out('typeof harden', () => typeof harden);
out('typeof lockdown', () => typeof lockdown);
out('lockdown.name', () => lockdown.name);
out('repairIntrinsics.name', () => repairIntrinsics.name);
out('lockdown.length', () => lockdown.length);
out('lockdown desc', () => desc(globalThis, 'lockdown'));
out('repairIntrinsics desc', () => desc(globalThis, 'repairIntrinsics'));
out('lockdown prototype', () => 'prototype' in lockdown);
out('typeof hardenIntrinsics', () => typeof globalThis.hardenIntrinsics);
out('Array.prototype frozen', () => Object.isFrozen(Array.prototype));
out('Function.prototype.toString name', () => Function.prototype.toString.name);
out('Function.prototype.toString desc', () => desc(Function.prototype, 'toString'));
out('Function.prototype.toString prototype', () => 'prototype' in Function.prototype.toString);
out('toString of a function', () => String(function foo() { return 1; }));
out('toString of native', () => String(Math.max));
out('toString non function', () => Function.prototype.toString.call({}));
out('Date.now works', () => typeof Date.now());
out('Date.prototype.constructor === Date', () => Date.prototype.constructor === Date);
out('localeCompare untouched', () => typeof 'a'.localeCompare('b'));
out('sliceToImmutable', () => typeof ArrayBuffer.prototype.sliceToImmutable);
out('process.domain', () => desc(process, 'domain'));
`;

const ARRAYBUFFER = String.raw`
const P = ArrayBuffer.prototype;
out('transfer', () => new ArrayBuffer(4).transfer());
const b = new ArrayBuffer(4); new Uint8Array(b)[0] = 7;
const im = b.transferToImmutable();
out('source after transfer', () => [b.byteLength, b.detached].join());
out('immutable view', () => [im.byteLength, im.immutable, new Uint8Array(im.slice(0, 1))[0], new Uint8Array(im).length].join());
out('im.transfer', () => im.transfer());
out('im.resize', () => im.resize(1));
out('im.transferToImmutable', () => im.transferToImmutable());
out('im.transferToFixedLength', () => im.transferToFixedLength());
out('im.maxByteLength', () => [im.maxByteLength, im.resizable, im.detached].join());
out('im tag', () => Object.prototype.toString.call(im));
out('im keys', () => Reflect.ownKeys(im).map(String).join());
out('im tag desc', () => desc(im, Symbol.toStringTag));
out('sliceToImmutable', () => { const s = new ArrayBuffer(5).sliceToImmutable(1, 3); return [s.byteLength, s.immutable, new ArrayBuffer(2).immutable].join(); });
out('sliceToImmutable of immutable', () => im.sliceToImmutable(1).byteLength);
out('shrink', () => new ArrayBuffer(4).transferToImmutable(2).byteLength);
out('grow', () => new ArrayBuffer(4).transferToImmutable(8).byteLength);
out('P.byteLength', () => P.byteLength);
out('keys', () => Reflect.ownKeys(P).map(String).join());
for (const k of Reflect.ownKeys(P)) {
  out('P.' + String(k), () => { const d = Object.getOwnPropertyDescriptor(P, k); const f = d.value || d.get; return desc(P, k) + (typeof f === 'function' ? ' ' + [f.name, f.length, 'prototype' in f].join('/') : ''); });
}
out('structuredClone(im)', () => Object.prototype.toString.call(structuredClone(im)));
out('DataView(im)', () => new DataView(im));
out('slice bad this', () => P.slice.call({}));
out('sliceToImmutable bad this', () => P.sliceToImmutable.call({}));
out('transferToImmutable bad this', () => P.transferToImmutable.call({}));
out('immutable bad this', () => Object.getOwnPropertyDescriptor(P, 'immutable').get.call({}));
out('byteLength bad this', () => Object.getOwnPropertyDescriptor(P, 'byteLength').get.call({}));
out('detached bad this', () => Object.getOwnPropertyDescriptor(P, 'detached').get.call({}));
out('resizable buffer', () => { const rb = new ArrayBuffer(2, { maxByteLength: 8 }); rb.resize(6); return [rb.byteLength, rb.maxByteLength, rb.resizable].join(); });
out('im after lockdown', () => { lockdown(); const x = new ArrayBuffer(3).sliceToImmutable(); return [x.immutable, x.byteLength, Object.isFrozen(P)].join(); });
`;

test('import-time state', { skip: skipReason }, () => {
  same(IMPORT_STATE);
});

test('immutable ArrayBuffer shim', { skip: skipReason }, () => {
  same(ARRAYBUFFER);
});

test('globals installed by the import', { skip: skipReason }, () => {
  same(String.raw`
out('assert unredacted', () => assert.Fail` + '`x ${1}`' + String.raw`);
out('typeof Compartment', () => typeof Compartment);
out('console hook', () => typeof globalThis[Symbol.for('MAKE_CAUSAL_CONSOLE_FROM_LOGGER_KEY_FOR_SES_AVA')]);
`);
});

// The lockdown shim alone: only lockdown and repairIntrinsics.
test('ses/lockdown-shim.js installs only its own globals', () => {
  const body = String.raw`
out('types', () => [typeof lockdown, typeof repairIntrinsics, typeof Compartment, typeof harden].join());
out('sliceToImmutable', () => typeof ArrayBuffer.prototype.sliceToImmutable);
`;
  const ours = runProbe('ses/lockdown-shim.js', body);
  assert.equal(ours.status, 0, ours.stderr);
  assert.match(ours.stdout, /types → "function,function,undefined,undefined"/);
  assert.match(ours.stdout, /sliceToImmutable → "function"/);
});

test('lockdown with only the lockdown shim imported', { skip: skipReason }, () => {
  const spec = (impl) => (impl === 'ses' ? 'ses/lockdown-shim.js' : 'ses-reference/lockdown-shim.js');
  const { FINGERPRINT } = require('./lockdown-probes.cjs');
  const body = `out('Compartment before', () => typeof Compartment);\nout('assert before', () => typeof assert);\nlockdown();\nout('assert after', () => typeof assert);\n${FINGERPRINT}`;
  const ref = runProbe('ses-reference', body, { importSpecifier: spec });
  const ours = runProbe('ses', body, { importSpecifier: spec });
  assert.equal(ref.status, 0, ref.stderr);
  compareLines(assert, ref.stdout, ours.stdout);
  compareLines(assert, ref.stderr, ours.stderr, 'stderr');
});

test('the import leaves the immutable ArrayBuffer shim like ses (lockdown shim alone)', () => {
  const spec = (impl) => (impl === 'ses' ? 'ses/lockdown-shim.js' : 'ses-reference/lockdown-shim.js');
  const body = ARRAYBUFFER.replace(/out\('im after lockdown'.*\n/, '');
  const ref = runProbe('ses-reference', body, { importSpecifier: spec });
  const ours = runProbe('ses', body, { importSpecifier: spec });
  assert.equal(ref.status, 0, ref.stderr);
  compareLines(assert, ref.stdout, ours.stdout);
});
