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

// One set of traps serves every namespace. Each namespace's handler is a small object
// that inherits them (every trap is there, so nothing is looked up further) and holds
// the namespace's state, read through `this`: `state` is undefined until its instance
// has linked or begun to execute, then `true` once the target holds the exports, or,
// while the target is not yet filled in (nothing has seen it), the function that fills
// it in (module-instance.js), which the first trap that needs the target calls.
const ready = handler => {
  const { state } = handler;
  if (state === true) return true;
  if (state === undefined) return false;
  state();
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
 * Makes `{ exportsTarget, exportsProxy, activate }` for one module. `activate()` marks
 * the target ready; `activate(fill)` marks it active with its properties still to be
 * defined by `fill()` (which ends by calling `activate()`). The target and the proxy
 * are made when first read (most modules are only ever imported by name, and nothing
 * asks for either); `register(proxy)` is called when the proxy is made, once.
 */
const deferExports = (register = undefined) => {
  let exportsTarget;
  const target = () => {
    if (exportsTarget === undefined) {
      exportsTarget = create(null);
      defineProperty(exportsTarget, toStringTagSymbol, tagDescriptor);
    }
    return exportsTarget;
  };
  const handler = { __proto__: traps, state: undefined };
  let exportsProxy;
  return freeze({
    activate(fill) {
      handler.state = fill === undefined ? true : fill;
    },
    get exportsTarget() {
      return target();
    },
    get exportsProxy() {
      if (exportsProxy === undefined) {
        exportsProxy = new Proxy(target(), handler);
        if (register !== undefined) register(exportsProxy);
      }
      return exportsProxy;
    },
  });
};

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
    deferred = deferExports(proxy => weakmapSet(moduleAliases, proxy, makeAlias(compartment, specifier)));
    mapSet(deferredExports, specifier, deferred);
  }
  return deferred;
};

module.exports = freeze({ deferExports, getDeferredExports });
