'use strict';
// Some platform properties (from iterator helpers) are accessors emulating data
// properties. After checking that one behaves exactly like such an emulation, it is
// turned back into a writable data property for now; enable-property-overrides later
// re-creates the emulation with accessors SES controls.

const { Symbol, apply, defineProperty, getOwnPropertyDescriptor } = require('../commons.js');

const toStringTagSymbol = Symbol.toStringTag;

const throwsWhenCalled = (thunk) => {
  try {
    thunk();
  } catch (_) {
    return true;
  }
  return false;
};

const tameFauxDataProperty = (obj, prop, expectedValue) => {
  if (obj === undefined) {
    return false;
  }
  const desc = getOwnPropertyDescriptor(obj, prop);
  if (!desc || 'value' in desc) {
    return false;
  }
  const { get, set } = desc;
  if (typeof get !== 'function' || typeof set !== 'function') {
    return false;
  }
  if (get() !== expectedValue || apply(get, obj, []) !== expectedValue) {
    return false;
  }
  const probe = 'Seems to be a setter';
  const unrelated = { __proto__: null };
  apply(set, unrelated, [probe]);
  if (unrelated[prop] !== probe) {
    return false;
  }
  const heir = { __proto__: obj };
  apply(set, heir, [probe]);
  if (heir[prop] !== probe) {
    return false;
  }
  // Assigning the current value on the owner must throw (and, being the same value,
  // would change nothing if it did not).
  if (!throwsWhenCalled(() => apply(set, obj, [expectedValue]))) {
    return false;
  }
  // Already one of ours (or someone imitating us): leave it to the permits check.
  if ('originalValue' in get) {
    return false;
  }
  if (desc.configurable === false) {
    return false;
  }
  defineProperty(obj, prop, {
    value: expectedValue,
    writable: true,
    enumerable: desc.enumerable,
    configurable: true,
  });
  return true;
};

const tameFauxDataProperties = (intrinsics) => {
  tameFauxDataProperty(intrinsics['%IteratorPrototype%'], 'constructor', intrinsics.Iterator);
  tameFauxDataProperty(intrinsics['%IteratorPrototype%'], toStringTagSymbol, 'Iterator');
};

module.exports = { tameFauxDataProperty, tameFauxDataProperties };
