// The module loader in-process, before lockdown: what real `ses` does not do (Map module
// maps), hooks that never settle or misbehave, the namespace proxy on its own, and the
// error paths that a child-process diff cannot see (annotations, env-driven verbosity).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { ModuleSource } from '@endo/module-source';
import '../compartment-shim.js';

const require = createRequire(import.meta.url);
const { deferExports } = require('../lib/modules/module-proxy.js');

const virtual = (exports, execute, imports = []) => ({ imports, exports, execute });
const cwd = fileURLToPath(new URL('.', import.meta.url));

const pending = Symbol('pending');
const settledWithin = (promise, ms) =>
  Promise.race([
    promise.then(
      value => ({ value }),
      error => ({ error }),
    ),
    new Promise(resolve => setTimeout(() => resolve(pending), ms)),
  ]);

test('a Map given as `modules` is honoured (the API document types it as a Map)', () => {
  const modules = new Map([
    ['a', { source: virtual(['x'], e => { e.x = 'from map'; }) }],
  ]);
  const c = new Compartment({ __options__: true, modules });
  assert.equal(c.importNow('a').x, 'from map');
});

test('a Map module map still falls through to moduleMapHook and the import hooks', async () => {
  const c = new Compartment({
    __options__: true,
    modules: new Map([['a', { source: virtual(['w'], e => { e.w = 'map'; }) }]]),
    moduleMapHook: s => (s === 'b' ? { source: virtual(['w'], e => { e.w = 'hook'; }) } : undefined),
    importHook: async () => ({ source: virtual(['w'], e => { e.w = 'import'; }) }),
  });
  assert.equal((await c.import('a')).namespace.w, 'map');
  assert.equal((await c.import('b')).namespace.w, 'hook');
  assert.equal((await c.import('z')).namespace.w, 'import');
});

test('an importHook that never settles leaves import() pending', async () => {
  const c = new Compartment({ __options__: true, importHook: () => new Promise(() => {}) });
  assert.equal(await settledWithin(c.import('never'), 100), pending);
  assert.equal(await settledWithin(c.load('never'), 50), pending);
});

test('an importHook that returns garbage fails the load with ses\'s message', async () => {
  const c = new Compartment({ __options__: true, name: 'g', importHook: async () => 17 });
  await assert.rejects(c.import('x'), {
    name: 'TypeError',
    message:
      'Failed to load module "x" in package "g" (1 underlying failures: module descriptor must be a string or object for specifier "x" in compartment "g"',
  });
  const d = new Compartment({ __options__: true, name: 'g', importHook: async () => ({}) });
  await assert.rejects(d.import('x'), {
    message: /'imports' must be an array of strings, got \(an undefined\) for module "x" of compartment "g"/,
  });
});

test('an importHook that rejects: the rejection is aggregated; without aggregation it is the error itself', async () => {
  const boom = RangeError('hook says no');
  const c = new Compartment({ __options__: true, name: 'r', importHook: async () => { throw boom; } });
  await assert.rejects(c.import('x'), {
    name: 'TypeError',
    message: 'Failed to load module "x" in package "r" (1 underlying failures: hook says no',
  });
  const d = new Compartment({
    __options__: true,
    importHook: async () => { throw boom; },
    noAggregateLoadErrors: true,
  });
  await assert.rejects(d.import('x'), e => e === boom);
});

test('importNowHook errors are thrown synchronously, aggregated or not', () => {
  const boom = Error('now no');
  const c = new Compartment({ __options__: true, name: 'n', importNowHook: () => { throw boom; } });
  assert.throws(() => c.importNow('x'), {
    name: 'TypeError',
    message: 'Failed to load module "x" in package "n" (1 underlying failures: now no',
  });
  const d = new Compartment({ __options__: true, importNowHook: () => { throw boom; }, noAggregateLoadErrors: true });
  assert.throws(() => d.importNow('x'), e => e === boom);
});

test('COMPARTMENT_LOAD_ERRORS=verbose appends each stack to the aggregated message', () => {
  const script = `
    await import('ses/compartment-shim.js');
    const c = new Compartment({ __options__: true, name: 'v', importNowHook: s => { throw Error('nope ' + s); } });
    try { c.importNow('m'); } catch (e) { console.log(JSON.stringify(e.message)); }
  `;
  const run = env =>
    spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
  const verbose = JSON.parse(run({ COMPARTMENT_LOAD_ERRORS: 'verbose' }).stdout);
  assert.match(verbose, /^Failed to load module "m" in package "v" \(1 underlying failures: nope mError: nope m\n\s+at /);
  const quiet = JSON.parse(run({ COMPARTMENT_LOAD_ERRORS: '' }).stdout);
  assert.equal(quiet, 'Failed to load module "m" in package "v" (1 underlying failures: nope m');
});

test('a failed load is not memoized: the next import asks the hook again', async () => {
  let calls = 0;
  const c = new Compartment({
    __options__: true,
    importHook: async () => {
      calls += 1;
      if (calls === 1) throw Error('transient');
      return { source: virtual(['ok'], e => { e.ok = true; }) };
    },
  });
  await assert.rejects(c.import('m'));
  assert.equal((await c.import('m')).namespace.ok, true);
  assert.equal(calls, 2);
});

test('records are memoized per compartment, instances per compartment and specifier', () => {
  let hookCalls = 0;
  let runs = 0;
  const source = virtual(['n'], e => { runs += 1; e.n = runs; });
  const hook = () => {
    hookCalls += 1;
    return { source };
  };
  const c1 = new Compartment({ __options__: true, importNowHook: hook });
  const c2 = new Compartment({ __options__: true, importNowHook: hook });
  assert.equal(c1.importNow('m'), c1.importNow('m'));
  assert.notEqual(c1.importNow('m'), c2.importNow('m'));
  assert.equal(hookCalls, 2);
  assert.equal(runs, 2);
});

test('a namespace proxy returned by a hook is not awaited (it would throw before execution)', async () => {
  const other = new Compartment({ __options__: true, modules: { o: { source: virtual(['v'], e => { e.v = 'o'; }) } } });
  const c = new Compartment({ __options__: true, importHook: async () => other.module('o') });
  const direct = new Compartment({ __options__: true, importHook: () => other.module('o') });
  // An async hook's promise adopts the proxy as a thenable, which reads `then`: as in ses.
  await assert.rejects(c.import('x'), {
    message: /Cannot get property "then" of module exports namespace, the module has not yet begun to execute/,
  });
  assert.equal((await direct.import('x')).namespace, other.module('o'));
  assert.equal((await direct.import('x')).namespace.v, 'o');
});

test('@endo/module-source records (and their JSON clones) link and run in our compartments', () => {
  const a = new ModuleSource('import { b } from "./b.js"; export default b * 2;', 'file:///a.js');
  const b = JSON.parse(JSON.stringify(new ModuleSource('export const b = 21;', 'file:///b.js')));
  const c = new Compartment({
    __options__: true,
    resolveHook: (s, r) => new URL(s, r).href,
    modules: { 'file:///a.js': { source: a }, 'file:///b.js': { source: b } },
  });
  assert.equal(c.importNow('file:///a.js').default, 42);
});

test('deferExports: inert until activated, then a read-only view of the target', () => {
  const deferred = deferExports();
  const { exportsTarget, exportsProxy } = deferred;
  assert.throws(() => exportsProxy.a, {
    name: 'TypeError',
    message: 'Cannot get property "a" of module exports namespace, the module has not yet begun to execute',
  });
  assert.throws(() => Object.keys(exportsProxy), { message: 'Cannot enumerate keys, the module has not yet begun to execute' });
  assert.throws(() => 'a' in exportsProxy, { message: 'Cannot check property "a", the module has not yet begun to execute' });
  assert.equal(Object.getPrototypeOf(exportsProxy), null);
  exportsTarget.a = 1;
  deferred.activate();
  assert.equal(exportsProxy.a, 1);
  assert.deepEqual(Object.keys(exportsProxy), ['a']);
  assert.equal(Object.prototype.toString.call(exportsProxy), '[object Module]');
  assert.throws(() => { exportsProxy.a = 2; }, { message: 'Cannot set property "a" of module exports namespace' });
  assert.throws(() => { delete exportsProxy.a; }, { message: 'Cannot delete property "a"s of module exports namespace' });
  assert.throws(() => Object.defineProperty(exportsProxy, 'b', { value: 1 }), {
    message: 'Cannot define property "b" of module exports namespace',
  });
  assert.throws(() => Object.setPrototypeOf(exportsProxy, {}), { message: 'Cannot set prototype of module exports namespace' });
});

test('the sync path reports the underlying error unannotated and in load order', () => {
  const c = new Compartment({
    __options__: true,
    name: 'order',
    resolveHook: s => s,
    importNowHook: s => {
      if (s === 'root') return { source: virtual([], () => {}, ['x1', 'x2', 'x3']) };
      throw Error(`missing ${s}`);
    },
  });
  assert.throws(() => c.importNow('root'), {
    message: 'Failed to load module "root" in package "order" (3 underlying failures: missing x1, missing x2, missing x3',
  });
});
