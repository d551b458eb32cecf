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
  arrayEvery,
  arrayFlatMap,
  arrayForEach,
  arrayIncludes,
  defineProperties,
  defineProperty,
  freeze,
  assign,
  mapForEach,
  mapHas,
  promiseThen,
  weakmapGet,
  weakmapSet,
  hasOwn,
  keys,
  objectPrototype,
  ownKeys,
  Symbol,
} = require('../commons.js');
const { assert, assertEqual, q } = require('../errors/assert.js');
const { sharedGlobalPropertyNames, constantProperties } = require('../lockdown/permits.js');
const { privateFields, moduleAliases, provideGlobalObject } = require('./private-fields.js');
const { makeCompartmentGlobalObject } = require('./global-object.js');
const { compartmentEvaluate, noTransforms } = require('./compartment-evaluate.js');
const { makeSafeEvaluator } = require('./make-safe-evaluator.js');
const modules = require('./module-bridge.js');

const identity = x => x;
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
  const instance = modules.link(privateFields, moduleAliases, compartment, specifier);
  instance.execute();
  return instance.exportsProxy;
};

const CompartmentPrototype = {
  constructor: InertCompartment,

  get globalThis() {
    return provideGlobalObject(fieldsOf(this)).globalObject;
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

// ses assigns the endowments to the new global object at construction. When the global
// object is built later instead, the outcome must not depend on anything that may have
// changed in between, so the lazy path is taken only for endowments whose assignment
// just creates or overwrites a plain data property: not the three constants or
// Symbol.unscopables (which refuse it), and no name found on Object.prototype (whose
// setters, read-only properties and `__proto__` would take part). Any other endowment
// builds the global object at once, so that the constructor behaves exactly like ses's,
// errors included.
const unscopablesSymbol = Symbol.unscopables;
const refusedKeys = freeze([...keys(constantProperties), unscopablesSymbol]);
const isPlainEndowment = key => !arrayIncludes(refusedKeys, key) && !(key in objectPrototype);
const allPlainEndowments = endowments => arrayEvery(ownKeys(endowments), isPlainEndowment);

// Copies vetted endowments onto the global object, with the effect the assignments had
// when they were vetted: if Object.prototype has gained one of their names since, each
// is defined as that assignment would then have done it.
const endowVetted = (globalObject, endowments) => {
  const names = ownKeys(endowments);
  if (arrayEvery(names, key => !(key in objectPrototype))) {
    assign(globalObject, endowments);
    return;
  }
  arrayForEach(names, key => {
    const value = endowments[key];
    defineProperty(
      globalObject,
      key,
      hasOwn(globalObject, key)
        ? { value }
        : { value, writable: true, enumerable: true, configurable: true },
    );
  });
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

    // The global object and its evaluator are built on first use (see
    // private-fields.js): `globalThis`, `evaluate` and the module methods ask for them.
    // The endowments are read now, as ses reads them, into a snapshot that is copied
    // onto the global object when it is built (see allPlainEndowments for when the
    // global object is built at once instead).
    const endowments = copyRecord(endowmentsOption);
    const lazy = allPlainEndowments(endowments);
    const buildGlobalObject = () => {
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
      if (lazy) {
        endowVetted(globalObject, endowments);
      } else {
        assign(globalObject, endowments);
      }
      return { globalObject, safeEvaluate };
    };

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
      globalObject: undefined,
      safeEvaluate: undefined,
      buildGlobalObject,
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
    if (!lazy) {
      provideGlobalObject(fieldsOf(compartment));
    }
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
