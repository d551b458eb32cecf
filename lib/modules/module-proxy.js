'use strict';
// Module namespace objects. Every (compartment, full specifier) pair has one exports
// namespace, created on demand — by `compartment.module()`, possibly long before the
// module is loaded — so that it can be handed to other compartments as a module
// descriptor. It is a Proxy over a null-prototype target that the module's instance fills
// in; until the instance activates it (when the module links or begins to execute),
// every trap that would reveal the exports throws.
//
// Departures from a spec module namespace exotic object, as in `ses`: exports are
// accessor properties (`get`, no `set`), and the target itself (not the proxy) is what
// `import * as ns` inside a module receives.

const {
  Proxy,
  TypeError,
  create,
  defineProperty,
  freeze,
  mapGet,
  mapHas,
  mapSet,
  ownKeys,
  reflectGet,
  reflectGetOwnPropertyDescriptor,
  reflectHas,
  reflectIsExtensible,
  reflectPreventExtensions,
  toStringTagSymbol,
  weakmapSet,
  weaksetAdd,
  weaksetHas,
  WeakSet,
} = require('../commons.js');
const { q } = require('../errors/assert.js');
const { makeAlias } = require('./module-load.js');

const notYetExecuting = 'the module has not yet begun to execute';

// The exports targets whose instance has linked or begun to execute.
const activeTargets = new WeakSet();

// One handler serves every namespace: each trap receives the exports target itself.
const handler = freeze({
  get(target, name, receiver) {
    if (!weaksetHas(activeTargets, target)) {
      throw TypeError(`Cannot get property ${q(name)} of module exports namespace, ${notYetExecuting}`);
    }
    return reflectGet(target, name, receiver);
  },
  set(_target, name, _value) {
    throw TypeError(`Cannot set property ${q(name)} of module exports namespace`);
  },
  has(target, name) {
    if (!weaksetHas(activeTargets, target)) throw TypeError(`Cannot check property ${q(name)}, ${notYetExecuting}`);
    return reflectHas(target, name);
  },
  deleteProperty(_target, name) {
    // Sic: the stray "s" is in `ses`'s message.
    throw TypeError(`Cannot delete property ${q(name)}s of module exports namespace`);
  },
  ownKeys(target) {
    if (!weaksetHas(activeTargets, target)) throw TypeError(`Cannot enumerate keys, ${notYetExecuting}`);
    return ownKeys(target);
  },
  getOwnPropertyDescriptor(target, name) {
    if (!weaksetHas(activeTargets, target)) {
      throw TypeError(`Cannot get own property descriptor ${q(name)}, ${notYetExecuting}`);
    }
    return reflectGetOwnPropertyDescriptor(target, name);
  },
  preventExtensions(target) {
    if (!weaksetHas(activeTargets, target)) {
      throw TypeError(`Cannot prevent extensions of module exports namespace, ${notYetExecuting}`);
    }
    return reflectPreventExtensions(target);
  },
  isExtensible(target) {
    if (!weaksetHas(activeTargets, target)) {
      throw TypeError(`Cannot check extensibility of module exports namespace, ${notYetExecuting}`);
    }
    return reflectIsExtensible(target);
  },
  getPrototypeOf(_target) {
    return null;
  },
  setPrototypeOf(_target, _proto) {
    throw TypeError('Cannot set prototype of module exports namespace');
  },
  defineProperty(_target, name, _descriptor) {
    throw TypeError(`Cannot define property ${q(name)} of module exports namespace`);
  },
  apply(_target, _thisArg, _args) {
    throw TypeError('Cannot call module exports namespace, it is not a function');
  },
  construct(_target, _args) {
    throw TypeError('Cannot construct module exports namespace, it is not a constructor');
  },
});

const tagDescriptor = freeze({
  value: 'Module',
  writable: false,
  enumerable: false,
  configurable: false,
});

/**
 * Makes `{ exportsTarget, exportsProxy, activate }` for one module.
 */
const deferExports = () => {
  const exportsTarget = create(null);
  defineProperty(exportsTarget, toStringTagSymbol, tagDescriptor);
  return freeze({
    activate() {
      weaksetAdd(activeTargets, exportsTarget);
    },
    exportsTarget,
    exportsProxy: new Proxy(exportsTarget, handler),
  });
};

/**
 * The memoized deferred exports of `specifier` in `compartment`; a new namespace proxy
 * is registered in `moduleAliases` as standing for `{ compartment, specifier }`.
 * `compartmentPrivateFields` here is the compartment's own fields record (as in `ses`).
 */
const getDeferredExports = (compartment, compartmentPrivateFields, moduleAliases, specifier) => {
  const { deferredExports } = compartmentPrivateFields;
  if (!mapHas(deferredExports, specifier)) {
    const deferred = deferExports();
    weakmapSet(moduleAliases, deferred.exportsProxy, makeAlias(compartment, specifier));
    mapSet(deferredExports, specifier, deferred);
  }
  return mapGet(deferredExports, specifier);
};

module.exports = freeze({ deferExports, getDeferredExports });
