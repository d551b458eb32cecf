'use strict';
// Gathering the intrinsics into one null-prototype record keyed by permit name.
//
// Exports:
//   makeIntrinsicsCollector(reporter) -> { addIntrinsics, completePrototypes,
//                                          finalIntrinsics, isPseudoNative }
//     Starts with the constant properties and the universal globals found on globalThis.
//     addIntrinsics(record)   adds its own properties; a name already present must be
//                             bound identically, or it throws `Conflicting definitions of X`
//     completePrototypes()    for every intrinsic with an own `prototype`, binds the name
//                             its permit gives that prototype (or removes the property
//                             when the permit lists none)
//     finalIntrinsics()       freezes the record and returns it
//     isPseudoNative(fn)      after finalIntrinsics: is fn one of the function intrinsics
//   getGlobalIntrinsics(globalObject, reporter) -> frozen record of the universal and
//     shared global names that `globalObject` owns (a compartment's view).

const {
  String,
  TypeError,
  WeakSet,
  create,
  defineProperty,
  freeze,
  getOwnPropertyDescriptor,
  getOwnPropertyDescriptors,
  hasOwn,
  is,
  isPrimitive,
  keys,
  ownKeys,
  weaksetAdd,
  weaksetHas,
  universalThis,
} = require('../commons.js');
const {
  constantProperties,
  sharedGlobalPropertyNames,
  universalPropertyNames,
  permitted,
} = require('./permits.js');
const { cauterizeProperty } = require('./cauterize-property.js');

const sameDescriptor = (a, b) =>
  is(a.value, b.value) &&
  a.get === b.get &&
  a.set === b.set &&
  a.writable === b.writable &&
  a.enumerable === b.enumerable &&
  a.configurable === b.configurable;

// Copy the descriptors onto `target`; re-adding an identical binding is allowed.
const bindAll = (target, descriptors) => {
  const names = ownKeys(descriptors);
  for (let i = 0; i < names.length; i += 1) {
    const name = names[i];
    const desc = descriptors[name];
    if (hasOwn(target, name)) {
      const prior = getOwnPropertyDescriptor(target, name);
      if (!prior || !sameDescriptor(prior, desc)) {
        throw TypeError(`Conflicting definitions of ${String(name)}`);
      }
    }
    defineProperty(target, name, desc);
  }
};

// The globals of `globalObject` named in `names`, keyed by their intrinsic names.
const sampleGlobals = (globalObject, names) => {
  const sampled = create(null);
  const globalNames = keys(names);
  for (let i = 0; i < globalNames.length; i += 1) {
    const globalName = globalNames[i];
    if (hasOwn(globalObject, globalName)) {
      sampled[names[globalName]] = globalObject[globalName];
    }
  }
  return sampled;
};

const makeIntrinsicsCollector = reporter => {
  const intrinsics = create(null);
  let pseudoNatives;

  const addIntrinsics = newIntrinsics => {
    bindAll(intrinsics, getOwnPropertyDescriptors(newIntrinsics));
  };
  freeze(addIntrinsics);

  const completePrototypes = () => {
    const names = keys(intrinsics);
    for (let i = 0; i < names.length; i += 1) {
      const name = names[i];
      const intrinsic = intrinsics[name];
      if (isPrimitive(intrinsic) || !hasOwn(intrinsic, 'prototype')) {
        continue;
      }
      const permit = permitted[name];
      if (typeof permit !== 'object' || permit === null) {
        throw TypeError(`Expected permit object at permits.${name}`);
      }
      const prototypeName = permit.prototype;
      if (!prototypeName) {
        // A function the permits do not know as a constructor: its `prototype` goes.
        cauterizeProperty(intrinsic, 'prototype', false, `${name}.prototype`, reporter);
        continue;
      }
      if (typeof prototypeName !== 'string' || !hasOwn(permitted, prototypeName)) {
        throw TypeError(`Unrecognized ${name}.prototype permits entry`);
      }
      const prototype = intrinsic.prototype;
      if (hasOwn(intrinsics, prototypeName)) {
        if (intrinsics[prototypeName] !== prototype) {
          throw TypeError(`Conflicting bindings of ${prototypeName}`);
        }
        continue;
      }
      intrinsics[prototypeName] = prototype;
    }
  };
  freeze(completePrototypes);

  const finalIntrinsics = () => {
    freeze(intrinsics);
    pseudoNatives = new WeakSet();
    const names = keys(intrinsics);
    for (let i = 0; i < names.length; i += 1) {
      const value = intrinsics[names[i]];
      if (typeof value === 'function') {
        weaksetAdd(pseudoNatives, value);
      }
    }
    return intrinsics;
  };
  freeze(finalIntrinsics);

  const isPseudoNative = obj => {
    if (!pseudoNatives) {
      throw TypeError('isPseudoNative can only be called after finalIntrinsics');
    }
    return weaksetHas(pseudoNatives, obj);
  };
  freeze(isPseudoNative);

  addIntrinsics(constantProperties);
  addIntrinsics(sampleGlobals(universalThis, universalPropertyNames));

  return freeze({ addIntrinsics, completePrototypes, finalIntrinsics, isPseudoNative });
};
freeze(makeIntrinsicsCollector);

const getGlobalIntrinsics = (globalObject, reporter) => {
  const { addIntrinsics, finalIntrinsics } = makeIntrinsicsCollector(reporter);
  addIntrinsics(sampleGlobals(globalObject, sharedGlobalPropertyNames));
  return finalIntrinsics();
};
freeze(getGlobalIntrinsics);

module.exports = { makeIntrinsicsCollector, getGlobalIntrinsics };
