'use strict';
// The Compartment constructor family and the one prototype they all share.
//
// `makeCompartmentConstructor` makes a Compartment constructor over one intrinsics
// record. Each compartment it builds gets its own global object, whose `Compartment`
// is a new constructor over the same intrinsics, with that compartment as parent (the
// compartment that `{namespace}`/`{source}` module descriptors default to).
//
// Nothing here touches globalThis: the shim (and lockdown) install the constructor.

const {
  Map,
  TypeError,
  arrayFlatMap,
  defineProperties,
  freeze,
  assign,
  mapForEach,
  mapHas,
  promiseThen,
  weakmapGet,
  weakmapSet,
  Symbol,
} = require('../commons.js');
const { assert, assertEqual, q } = require('../errors/assert.js');
const { sharedGlobalPropertyNames } = require('../lockdown/permits.js');
const { privateFields, moduleAliases } = require('./private-fields.js');
const { makeCompartmentGlobalObject } = require('./global-object.js');
const { compartmentEvaluate } = require('./compartment-evaluate.js');
const { makeSafeEvaluator } = require('./make-safe-evaluator.js');
const modules = require('./module-bridge.js');

const identity = x => x;
// Shared by every compartment that has no transforms (it is never exposed or mutated).
const noTransforms = freeze([]);
// The module map of every compartment given none (the module loader only reads it).
const emptyModuleMap = freeze({ __proto__: null });

// `Compartment.prototype.constructor`: present for the usual shape, useless as a
// constructor, so that reaching it from an instance grants nothing.
// eslint-disable-next-line no-unused-vars
const InertCompartment = function Compartment(_endowments = {}, _modules = {}, _options = {}) {
  throw TypeError('Compartment.prototype.constructor is not a valid constructor.');
};

const fieldsOf = compartment => weakmapGet(privateFields, compartment);

// Links and executes an already loaded module, returning its namespace proxy.
const compartmentImportNow = (compartment, specifier) => {
  const { execute, exportsProxy } = modules.link(
    privateFields,
    moduleAliases,
    compartment,
    specifier,
  );
  execute();
  return exportsProxy;
};

const CompartmentPrototype = {
  constructor: InertCompartment,

  get globalThis() {
    return fieldsOf(this).globalObject;
  },

  get name() {
    return fieldsOf(this).name;
  },

  get __noNamespaceBox__() {
    return fieldsOf(this).noNamespaceBox;
  },

  evaluate(source, options = {}) {
    return compartmentEvaluate(fieldsOf(this), source, options);
  },

  module(specifier) {
    if (typeof specifier !== 'string') {
      throw TypeError('first argument of module() must be a string');
    }
    const { exportsProxy } = modules.getDeferredExports(
      this,
      fieldsOf(this),
      moduleAliases,
      specifier,
    );
    return exportsProxy;
  },

  async import(specifier) {
    const { noNamespaceBox, noAggregateLoadErrors } = fieldsOf(this);
    if (typeof specifier !== 'string') {
      throw TypeError('first argument of import() must be a string');
    }
    return promiseThen(
      modules.load(privateFields, moduleAliases, this, specifier, {
        noAggregateErrors: noAggregateLoadErrors,
      }),
      () => {
        const namespace = compartmentImportNow(this, specifier);
        // Boxed by default, so that a namespace exporting `then` is not adopted as a
        // thenable by the promise machinery.
        return noNamespaceBox ? namespace : { namespace };
      },
    );
  },

  async load(specifier) {
    if (typeof specifier !== 'string') {
      throw TypeError('first argument of load() must be a string');
    }
    const { noAggregateLoadErrors } = fieldsOf(this);
    return modules.load(privateFields, moduleAliases, this, specifier, {
      noAggregateErrors: noAggregateLoadErrors,
    });
  },

  importNow(specifier) {
    if (typeof specifier !== 'string') {
      throw TypeError('first argument of importNow() must be a string');
    }
    const { noAggregateLoadErrors } = fieldsOf(this);
    modules.loadNow(privateFields, moduleAliases, this, specifier, {
      noAggregateErrors: noAggregateLoadErrors,
    });
    return compartmentImportNow(this, specifier);
  },
};

defineProperties(CompartmentPrototype, {
  // `String(compartment)` is '[object Compartment]', like Math's tag descriptor.
  [Symbol.toStringTag]: {
    value: 'Compartment',
    writable: false,
    enumerable: false,
    configurable: true,
  },
});

defineProperties(InertCompartment, {
  prototype: { value: CompartmentPrototype },
});

// Normalizes the two calling conventions into one options record.
// Options bag: exactly one object argument having an `__options__` key (checked with
// `in`), whose value must be `true`. Anything else is the legacy
// (globals, modules, options) form.
const compartmentOptions = (...args) => {
  if (args.length === 0) {
    return {};
  }
  const [first] = args;
  if (args.length === 1 && typeof first === 'object' && first !== null && '__options__' in first) {
    const { __options__, ...options } = first;
    assert(
      __options__ === true,
      `Compartment constructor only supports true __options__ sigil, got ${__options__}`,
    );
    return options;
  }
  const globals = args[0] === undefined ? {} : args[0];
  const moduleMap = args[1] === undefined ? {} : args[1];
  const options = args[2] === undefined ? {} : args[2];
  assertEqual(
    options.modules,
    undefined,
    `Compartment constructor must receive either a module map argument or modules option, not both`,
  );
  assertEqual(
    options.globals,
    undefined,
    `Compartment constructor must receive either globals argument or option, not both`,
  );
  return { ...options, globals, modules: moduleMap };
};

// Brand check: Map.prototype.has throws unless `value` has a Map's internal slots
// (a proxy of a Map, or an object merely inheriting from Map.prototype, does not).
const isMap = value => {
  if (typeof value !== 'object' || value === null || !(value instanceof Map)) return false;
  try {
    mapHas(value, undefined);
    return true;
  } catch (_) {
    return false;
  }
};

// `globals` and `modules` are copied like object spread (own enumerable string and
// symbol keys, getters read once). A Map (the API document's type) contributes its
// entries instead; plain ses would ignore it.
const copyRecord = record => {
  if (isMap(record)) {
    const copy = { __proto__: null };
    mapForEach(record, (value, key) => {
      copy[key] = value;
    });
    return copy;
  }
  return { __proto__: null, ...record };
};

// Endowments go straight onto the new global object: Object.assign reads the same own
// enumerable keys with the same traps and getters as the spread ses makes first, and
// nothing can observe the global object in between.
const endow = (globalObject, endowments) => {
  if (isMap(endowments)) {
    mapForEach(endowments, (value, key) => {
      globalObject[key] = value;
    });
  } else {
    assign(globalObject, endowments);
  }
};

const makeCompartmentConstructor = (
  targetMakeCompartmentConstructor,
  intrinsics,
  markVirtualizedNativeFunction,
  { parentCompartment = undefined, enforceNew = false } = {},
) => {
  function Compartment(...args) {
    if (enforceNew && new.target === undefined) {
      throw TypeError("Class constructor Compartment cannot be invoked without 'new'");
    }

    const {
      name = '<unknown>',
      transforms = noTransforms,
      __shimTransforms__ = noTransforms,
      globals: endowmentsOption = {},
      modules: moduleMapOption,
      resolveHook,
      importHook,
      importNowHook,
      moduleMapHook,
      importMetaHook,
      __noNamespaceBox__: noNamespaceBox = false,
      noAggregateLoadErrors = false,
    } = compartmentOptions(...args);

    const globalTransforms =
      transforms === noTransforms && __shimTransforms__ === noTransforms
        ? noTransforms
        : arrayFlatMap([transforms, __shimTransforms__], identity);
    const moduleMap =
      moduleMapOption === undefined ? emptyModuleMap : copyRecord(moduleMapOption);

    const compartment = this;

    let safeEvaluate;
    const { globalObject } = makeCompartmentGlobalObject({
      intrinsics,
      newGlobalPropertyNames: sharedGlobalPropertyNames,
      makeCompartmentConstructor: targetMakeCompartmentConstructor,
      markVirtualizedNativeFunction,
      parentCompartment: compartment,
      makeEvaluator: global => {
        ({ safeEvaluate } = makeSafeEvaluator({
          globalObject: global,
          globalTransforms,
          sloppyGlobalsMode: false,
        }));
        return safeEvaluate;
      },
    });

    endow(globalObject, endowmentsOption);

    // Dynamic `import()` from a module of this compartment: the caller has already
    // resolved the specifier. Never boxes the namespace.
    const compartmentImport = async fullSpecifier => {
      if (typeof resolveHook !== 'function') {
        throw TypeError(
          `Compartment does not support dynamic import: no configured resolveHook for compartment ${q(name)}`,
        );
      }
      await modules.load(privateFields, moduleAliases, compartment, fullSpecifier, {
        noAggregateErrors: noAggregateLoadErrors,
      });
      return compartmentImportNow(compartment, fullSpecifier);
    };

    // A plain literal (every field is always an own property, so nothing is ever read
    // from Object.prototype); V8 builds it from a boilerplate, in fast mode.
    weakmapSet(privateFields, compartment, {
      name: `${name}`,
      globalTransforms,
      globalObject,
      safeEvaluate,
      resolveHook,
      importHook,
      importNowHook,
      moduleMap,
      moduleMapHook,
      importMetaHook,
      moduleRecords: new Map(),
      __shimTransforms__,
      deferredExports: new Map(),
      instances: new Map(),
      parentCompartment,
      noNamespaceBox,
      compartmentImport,
      noAggregateLoadErrors,
    });
  }

  Compartment.prototype = CompartmentPrototype;
  return Compartment;
};

module.exports = {
  InertCompartment,
  CompartmentPrototype,
  compartmentOptions,
  makeCompartmentConstructor,
};
