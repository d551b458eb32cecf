'use strict';
// Populating a global object: the start compartment's (called by lockdown) and every
// new compartment's (called by the Compartment constructor).
//
// Contents, in own-key order: the three constants (Infinity, NaN, undefined), the
// universal powerless globals, the globals given by `newGlobalPropertyNames` (the
// Shared* variants for compartments, the Initial* ones for the start compartment), the
// per-compartment `globalThis` and `Compartment`, then `eval` and `Function`; and, as the
// only symbol key, a setter-only Symbol.unscopables, so that guest code cannot hide
// names from the evaluator's `with` scopes by giving the global an unscopables object.

const {
  Symbol,
  TypeError,
  WeakMap,
  Map,
  assign,
  create,
  defineProperty,
  entries,
  freeze,
  hasOwn,
  weakmapGet,
  weakmapSet,
  mapGet,
  mapSet,
} = require('../commons.js');
const { makeEvalFunction } = require('./make-eval-function.js');
const { makeFunctionConstructor } = require('./make-function-constructor.js');
const permits = require('../lockdown/permits.js');

const { constantProperties, universalPropertyNames } = permits;

const unscopablesSymbol = Symbol.unscopables;

// Each global object gets its own frozen setter, as in ses (no object but the frozen
// intrinsics is shared between compartments, not even a powerless one).
// (Made as an anonymous arrow, so its `name` is '' and its `length` 0, like ses's.)
const makeUnscopablesDescriptor = () => ({
  __proto__: null,
  get: undefined,
  set: freeze(() => {
    throw TypeError(`Cannot set Symbol.unscopables of a Compartment's globalThis`);
  }),
  enumerable: false,
  configurable: false,
});

const setGlobalObjectSymbolUnscopables = globalObject => {
  defineProperty(globalObject, unscopablesSymbol, makeUnscopablesDescriptor());
};

const setGlobalObjectConstantProperties = globalObject => {
  for (const [name, constant] of entries(constantProperties)) {
    defineProperty(globalObject, name, {
      value: constant,
      writable: false,
      enumerable: false,
      configurable: false,
    });
  }
};

const mutableDescriptor = value => ({
  value,
  writable: true,
  enumerable: false,
  configurable: true,
});

const defineNamedIntrinsics = (globalObject, intrinsics, names) => {
  for (const [name, intrinsicName] of entries(names)) {
    if (hasOwn(intrinsics, intrinsicName)) {
      defineProperty(globalObject, name, mutableDescriptor(intrinsics[intrinsicName]));
    }
  }
};

// The `Compartment` of a global object: its children have this compartment as parent.
const defineChildCompartment = (
  globalObject,
  { intrinsics, makeCompartmentConstructor, markVirtualizedNativeFunction, parentCompartment },
) => {
  const ChildCompartment = freeze(
    makeCompartmentConstructor(
      makeCompartmentConstructor,
      intrinsics,
      markVirtualizedNativeFunction,
      { parentCompartment, enforceNew: true },
    ),
  );
  markVirtualizedNativeFunction(ChildCompartment);
  defineProperty(globalObject, 'Compartment', mutableDescriptor(ChildCompartment));
};

const setGlobalObjectMutableProperties = (
  globalObject,
  {
    intrinsics,
    newGlobalPropertyNames,
    makeCompartmentConstructor,
    markVirtualizedNativeFunction,
    parentCompartment,
  },
) => {
  defineNamedIntrinsics(globalObject, intrinsics, universalPropertyNames);
  defineNamedIntrinsics(globalObject, intrinsics, newGlobalPropertyNames);

  defineProperty(globalObject, 'globalThis', mutableDescriptor(globalObject));
  defineChildCompartment(globalObject, {
    intrinsics,
    makeCompartmentConstructor,
    markVirtualizedNativeFunction,
    parentCompartment,
  });
};

const setGlobalObjectEvaluators = (globalObject, evaluator, markVirtualizedNativeFunction) => {
  const evalFunction = freeze(makeEvalFunction(evaluator));
  markVirtualizedNativeFunction(evalFunction);
  defineProperty(globalObject, 'eval', mutableDescriptor(evalFunction));

  const FunctionConstructor = freeze(makeFunctionConstructor(evaluator));
  markVirtualizedNativeFunction(FunctionConstructor);
  defineProperty(globalObject, 'Function', mutableDescriptor(FunctionConstructor));
};

// --- the compartment constructor's fast path -----------------------------------------
//
// Every compartment built from one intrinsics record gets the same constants and
// intrinsics, so their descriptors are assembled once and each new global object is
// created from them without recomputing anything. The per-compartment globalThis,
// Compartment, eval and Function follow, in the order of the step-by-step functions.

// WeakMap<intrinsics, Map<newGlobalPropertyNames, descriptors>>
const templates = new WeakMap();

// A template is two parallel arrays, keys and frozen descriptors, in definition order.
// (Defining them one by one measures faster on V8 than Object.create with a
// descriptor map.)
const makeTemplate = (intrinsics, newGlobalPropertyNames) => {
  const keys = [];
  const descs = [];
  const add = (key, desc) => {
    keys[keys.length] = key;
    // Null-prototype descriptors: after lockdown, reading a descriptor field that is
    // absent would otherwise walk the (accessor-laden) Object.prototype.
    descs[descs.length] = freeze(assign(create(null), desc));
  };
  for (const [name, constant] of entries(constantProperties)) {
    add(name, { value: constant, writable: false, enumerable: false, configurable: false });
  }
  const addNames = names => {
    for (const [name, intrinsicName] of entries(names)) {
      if (hasOwn(intrinsics, intrinsicName)) {
        add(name, mutableDescriptor(intrinsics[intrinsicName]));
      }
    }
  };
  addNames(universalPropertyNames);
  addNames(newGlobalPropertyNames);
  return freeze({ keys: freeze(keys), descs: freeze(descs) });
};

const getTemplate = (intrinsics, newGlobalPropertyNames) => {
  let byNames = weakmapGet(templates, intrinsics);
  if (byNames === undefined) {
    byNames = new Map();
    weakmapSet(templates, intrinsics, byNames);
  }
  let template = mapGet(byNames, newGlobalPropertyNames);
  if (template === undefined) {
    template = makeTemplate(intrinsics, newGlobalPropertyNames);
    mapSet(byNames, newGlobalPropertyNames, template);
  }
  return template;
};

/**
 * Creates a compartment's global object with everything except the endowments:
 * equivalent to a fresh `{}` passed through setGlobalObjectSymbolUnscopables,
 * setGlobalObjectConstantProperties, setGlobalObjectMutableProperties and
 * setGlobalObjectEvaluators (with the evaluator made by `makeEvaluator(globalObject)`,
 * which runs once the constants are in place).
 */
const makeCompartmentGlobalObject = ({
  intrinsics,
  newGlobalPropertyNames,
  makeCompartmentConstructor,
  markVirtualizedNativeFunction,
  parentCompartment,
  makeEvaluator,
}) => {
  const { keys, descs } = getTemplate(intrinsics, newGlobalPropertyNames);
  const globalObject = {};
  setGlobalObjectSymbolUnscopables(globalObject);
  for (let i = 0; i < keys.length; i += 1) {
    defineProperty(globalObject, keys[i], descs[i]);
  }
  const evaluator = makeEvaluator(globalObject);
  defineProperty(globalObject, 'globalThis', mutableDescriptor(globalObject));
  defineChildCompartment(globalObject, {
    intrinsics,
    makeCompartmentConstructor,
    markVirtualizedNativeFunction,
    parentCompartment,
  });
  setGlobalObjectEvaluators(globalObject, evaluator, markVirtualizedNativeFunction);
  return { globalObject, evaluator };
};

module.exports = {
  setGlobalObjectSymbolUnscopables,
  setGlobalObjectConstantProperties,
  setGlobalObjectMutableProperties,
  setGlobalObjectEvaluators,
  makeCompartmentGlobalObject,
};
