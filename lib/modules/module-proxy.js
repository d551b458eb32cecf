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
  mapSet,
  ownKeys,
  reflectGet,
  reflectGetOwnPropertyDescriptor,
  reflectHas,
  reflectIsExtensible,
  reflectPreventExtensions,
  toStringTagSymbol,
  weakmapSet,
} = require('../commons.js');
const { q } = require('../errors/assert.js');
const { makeAlias } = require('./module-load.js');

const notYetExecuting = 'the module has not yet begun to execute';

// One set of traps serves every namespace. Each namespace's handler is its deferred
// exports record (below), which inherits them (every trap is there, so nothing is looked
// up further) and holds the namespace's state, read through `this`: `state` is undefined
// until its instance has linked or begun to execute, then `true` once the target holds
// the exports, or, while the target is not yet filled in (nothing has seen it), the
// instance that fills it in (`fillTarget()`, module-instance.js), which the first trap
// that needs the target calls.
const ready = handler => {
  const { state } = handler;
  if (state === true) return true;
  if (state === undefined) return false;
  state.fillTarget();
  return true;
};

const traps = freeze({
  __proto__: null,
  get(target, name, receiver) {
    if (!ready(this)) {
      throw TypeError(`Cannot get property ${q(name)} of module exports namespace, ${notYetExecuting}`);
    }
    return reflectGet(target, name, receiver);
  },
  set(_target, name, _value) {
    throw TypeError(`Cannot set property ${q(name)} of module exports namespace`);
  },
  has(target, name) {
    if (!ready(this)) throw TypeError(`Cannot check property ${q(name)}, ${notYetExecuting}`);
    return reflectHas(target, name);
  },
  deleteProperty(_target, name) {
    // Sic: the stray "s" is in `ses`'s message.
    throw TypeError(`Cannot delete property ${q(name)}s of module exports namespace`);
  },
  ownKeys(target) {
    if (!ready(this)) throw TypeError(`Cannot enumerate keys, ${notYetExecuting}`);
    return ownKeys(target);
  },
  getOwnPropertyDescriptor(target, name) {
    if (!ready(this)) {
      throw TypeError(`Cannot get own property descriptor ${q(name)}, ${notYetExecuting}`);
    }
    return reflectGetOwnPropertyDescriptor(target, name);
  },
  preventExtensions(target) {
    if (!ready(this)) {
      throw TypeError(`Cannot prevent extensions of module exports namespace, ${notYetExecuting}`);
    }
    return reflectPreventExtensions(target);
  },
  isExtensible(target) {
    if (!ready(this)) {
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
 * The deferred exports of one module: `exportsTarget` and `exportsProxy`, made when
 * first read (most modules are only ever imported by name, and nothing asks for
 * either), and `activate(filler)`: `activate()` marks the target ready;
 * `activate(filler)` marks it active with its properties still to be defined by
 * `filler.fillTarget()` (which ends by calling `activate()`). When `moduleAliases` is
 * given, the proxy is registered there, when it is made, as standing for
 * `{ compartment, specifier }`.
 * One object per module, which is also its proxy's handler: the record inherits the
 * traps, and its `state` is what they read.
 */
function DeferredExports(compartment, specifier, moduleAliases) {
  this.state = undefined;
  this.target = undefined;
  this.proxy = undefined;
  this.compartment = compartment;
  this.specifier = specifier;
  this.moduleAliases = moduleAliases;
}
DeferredExports.prototype = freeze({
  __proto__: traps,
  activate(filler) {
    this.state = filler === undefined ? true : filler;
  },
  get exportsTarget() {
    let { target } = this;
    if (target === undefined) {
      target = create(null);
      defineProperty(target, toStringTagSymbol, tagDescriptor);
      this.target = target;
    }
    return target;
  },
  get exportsProxy() {
    let { proxy } = this;
    if (proxy === undefined) {
      proxy = new Proxy(this.exportsTarget, this);
      this.proxy = proxy;
      const { moduleAliases } = this;
      if (moduleAliases !== undefined) {
        weakmapSet(moduleAliases, proxy, makeAlias(this.compartment, this.specifier));
      }
    }
    return proxy;
  },
});

// Deferred exports registered nowhere (tests).
const deferExports = () => new DeferredExports(undefined, undefined, undefined);

/**
 * The memoized deferred exports of `specifier` in `compartment`; its namespace proxy is
 * registered in `moduleAliases` as standing for `{ compartment, specifier }` when it is
 * made. `compartmentPrivateFields` here is the compartment's own fields record (as in
 * `ses`).
 */
const getDeferredExports = (compartment, compartmentPrivateFields, moduleAliases, specifier) => {
  const { deferredExports } = compartmentPrivateFields;
  let deferred = mapGet(deferredExports, specifier);
  if (deferred === undefined) {
    deferred = new DeferredExports(compartment, specifier, moduleAliases);
    mapSet(deferredExports, specifier, deferred);
  }
  return deferred;
};

module.exports = freeze({ deferExports, getDeferredExports });
