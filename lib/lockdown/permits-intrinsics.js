'use strict';
// Enforcing the permits on the collected intrinsics.
//
// Exports:
//   removeUnpermittedIntrinsics(intrinsics, markVirtualizedNativeFunction, reporter)
//     (also as `default`). Walks the intrinsics record against `permitted`:
//     - every visited object's [[Prototype]] must be the intrinsic its permit names
//       (default %ObjectPrototype%), otherwise TypeError;
//     - every own property (string and symbol keys) is checked against its permit: a
//       property with no permit is removed with a warning `Removing <path>`; one whose
//       permit is `false` is removed silently; a property whose shape contradicts its
//       permit (data vs accessor, wrong typeof, wrong identity) throws TypeError;
//     - every function visited is passed to markVirtualizedNativeFunction;
//     - a property that cannot be removed is reported with `failed to delete <path>` and
//       the deletion error is rethrown.
//   `reporter` is { warn, error } (lockdown wraps it in the report group).

const {
  Map,
  String,
  Symbol,
  TypeError,
  arrayIncludes,
  getOwnPropertyDescriptor,
  getPrototypeOf,
  hasOwn,
  isPrimitive,
  keys,
  mapGet,
  mapSet,
  ownKeys,
  symbolKeyFor,
} = require('../commons.js');
const { permitted, FunctionInstance, isAccessorPermit } = require('./permits.js');
const { cauterizeProperty } = require('./cauterize-property.js');

const PRIMITIVE_PERMITS = ['undefined', 'boolean', 'number', 'string', 'symbol'];
const PRIMITIVE_PERMIT_SET = {
  __proto__: null,
  undefined: true,
  boolean: true,
  number: true,
  string: true,
  symbol: true,
};

// Well-known symbols are named `@@name` in paths and permits: the names the Symbol
// permit lists as symbol-valued that this host's Symbol actually has.
const makeWellKnownSymbolNames = () => {
  const names = new Map();
  const symbolPermit = permitted['%SharedSymbol%'];
  const candidates = keys(symbolPermit);
  for (let i = 0; i < candidates.length; i += 1) {
    const name = candidates[i];
    if (symbolPermit[name] === 'symbol' && typeof Symbol[name] === 'symbol') {
      mapSet(names, Symbol[name], `@@${name}`);
    }
  }
  return names;
};

const removeUnpermittedIntrinsics = (intrinsics, markVirtualizedNativeFunction, reporter) => {
  const wellKnownSymbolNames = makeWellKnownSymbolNames();

  const nameOfKey = (path, key) => {
    if (typeof key === 'string') {
      return key;
    }
    if (typeof key === 'symbol') {
      const wellKnown = mapGet(wellKnownSymbolNames, key);
      if (wellKnown) {
        return wellKnown;
      }
      const registered = symbolKeyFor(key);
      if (registered !== undefined) {
        return `RegisteredSymbol(${registered})`;
      }
      return `Unique${String(key)}`;
    }
    throw TypeError(`Unexpected property name type ${path} ${key}`);
  };

  const checkPrototype = (path, obj, protoName) => {
    if (isPrimitive(obj)) {
      throw TypeError(`Object expected: ${path}, ${String(obj)}, ${protoName}`);
    }
    const proto = getPrototypeOf(obj);
    if (proto === null && protoName === null) {
      return;
    }
    if (protoName !== undefined && typeof protoName !== 'string') {
      throw TypeError(`Malformed permit ${path}.__proto__`);
    }
    const expectedName = protoName || '%ObjectPrototype%';
    if (proto !== intrinsics[expectedName]) {
      throw TypeError(`Unexpected [[Prototype]] at ${path}.__proto__ (expected ${expectedName})`);
    }
  };

  // Returns true when `value` conforms to `permit` (recursing into records), false when
  // the permit says to remove it; throws when the value contradicts the permit.
  const valueConforms = (path, value, key, permit) => {
    if (typeof permit === 'object') {
      // eslint-disable-next-line no-use-before-define
      visit(path, value, permit);
      return true;
    }
    if (permit === false) {
      return false;
    }
    if (typeof permit === 'string') {
      if (arrayIncludes(PRIMITIVE_PERMITS, permit)) {
        // A constructor's `prototype` and a prototype's `constructor` are always objects.
        if (key === 'prototype' || key === 'constructor') {
          throw TypeError(`At ${path} expected intrinsic, not ${permit}`);
        }
        if (typeof value !== permit) {
          throw TypeError(`At ${path} expected ${permit} not ${typeof value}`);
        }
        return true;
      }
      if (hasOwn(intrinsics, permit)) {
        if (value !== intrinsics[permit]) {
          throw TypeError(`Does not match permit for ${path}`);
        }
        return true;
      }
    }
    throw TypeError(`Unexpected property ${key} with permit ${permit} at ${path}`);
  };

  const propertyConforms = (path, obj, key, permit) => {
    const desc = getOwnPropertyDescriptor(obj, key);
    if (!desc) {
      throw TypeError(`Property ${key} not found at ${path}`);
    }
    if (hasOwn(desc, 'value')) {
      if (isAccessorPermit(permit)) {
        throw TypeError(`Accessor expected at ${path}`);
      }
      return valueConforms(path, desc.value, key, permit);
    }
    if (!isAccessorPermit(permit)) {
      throw TypeError(`Accessor not expected at ${path}`);
    }
    return (
      valueConforms(`${path}<get>`, desc.get, key, permit.get) &&
      valueConforms(`${path}<set>`, desc.set, key, permit.set)
    );
  };

  // The common case is checked inline, without building the property's path: a data
  // property whose string permit (a primitive type name or an intrinsic's name) it
  // conforms to. Anything else, including every failure, takes the general route
  // (propertyConforms), which builds the path and reports or throws exactly as before.
  const visit = (path, obj, record) => {
    if (obj === undefined || obj === null) {
      return;
    }
    checkPrototype(path, obj, record['[[Proto]]']);
    const isFunction = typeof obj === 'function';
    if (isFunction) {
      markVirtualizedNativeFunction(obj);
    }
    const ownNames = ownKeys(obj);
    for (let i = 0; i < ownNames.length; i += 1) {
      const key = ownNames[i];
      const name = typeof key === 'string' ? key : nameOfKey(path, key);
      // Its own record's entry, or for functions the entry every function shares
      // (`length`, `name`).
      let permit;
      if (hasOwn(record, name)) {
        permit = record[name];
      } else if (isFunction && hasOwn(FunctionInstance, name)) {
        permit = FunctionInstance[name];
      }
      if (typeof permit === 'string' && key !== 'prototype' && key !== 'constructor') {
        const desc = getOwnPropertyDescriptor(obj, key);
        if (desc !== undefined && hasOwn(desc, 'value') && !isAccessorPermit(permit)) {
          const { value } = desc;
          const primitive = PRIMITIVE_PERMIT_SET[permit];
          if (
            primitive === true
              ? typeof value === permit
              : hasOwn(intrinsics, permit) && value === intrinsics[permit]
          ) {
            continue;
          }
        }
      }
      const subPath = `${path}.${name}`;
      if (!permit || !propertyConforms(subPath, obj, key, permit)) {
        cauterizeProperty(obj, key, permit === false, subPath, reporter);
      }
    }
  };

  visit('intrinsics', intrinsics, permitted);
};

module.exports = { removeUnpermittedIntrinsics, default: removeUnpermittedIntrinsics };
