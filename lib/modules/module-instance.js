'use strict';
// Module instances. An instance is `{ notifiers, reexportDescriptors, exportsProxy,
// execute }`:
// - `notifiers[exportName](update)` subscribes an importer's update function to one
//   export (`'*'` hands over the raw exports target);
// - `reexportDescriptors[exportName]` is the namespace property a module that
//   re-exports that name defines: a frozen getter of the binding's current value,
//   `undefined` before it is initialized. It reads what a getter mirroring the value
//   through `notifiers` would hold (updates are pushed synchronously, and no other code
//   runs between a binding's change and its subscribers' updates), without a
//   subscription or a closure per re-exporting module;
// - `exportsProxy` is the module's namespace proxy (module-proxy.js);
// - `execute()` runs the module once; later calls rethrow the error of the first run,
//   if any.
//
// A precompiled source's functor is called as described in section 6.1 of the behaviour
// notes: `functor({ imports, onceVar, liveVar, import, importMeta })`, `this` undefined.
// `imports(updateRecord)` executes the dependencies (bottom-up; an instance already on
// the stack returns at once, which is what lets cycles through), subscribes the
// updaters, wires `export *` and re-exports, then defines the sorted export accessors,
// freezes the target and activates the proxy.

const {
  ReferenceError,
  SyntaxError,
  TypeError,
  arrayForEach,
  arrayIncludes,
  arrayPush,
  arraySome,
  arraySort,
  assign,
  create,
  defineProperty,
  entries,
  freeze,
  isArray,
  keys,
  mapGet,
  weakmapGet,
} = require('../commons.js');
const { q } = require('../errors/assert.js');
const { getDeferredExports } = require('./module-proxy.js');
const { eagerProgramOf } = require('./module-source.js');

// The compartment room's evaluator of module programs, loaded on first use (it requires
// this room's modules in turn).
let evaluateModuleProgramImpl;
const evaluateModuleProgram = (compartmentFields, source, moduleLexicals, eagerSource) => {
  if (evaluateModuleProgramImpl === undefined) {
    // eslint-disable-next-line global-require
    ({ evaluateModuleProgram: evaluateModuleProgramImpl } = require('../compartment/compartment-evaluate.js'));
  }
  return evaluateModuleProgramImpl(compartmentFields, source, moduleLexicals, eagerSource);
};

// The namespace property of a re-exported binding whose current value `peek` returns
// (a method named `get`, like the getter ses gives each re-exporting module). Shared by
// every module that re-exports the binding, so frozen.
const reexportDescriptor = peek =>
  freeze({ get: freeze(peek), set: undefined, enumerable: true, configurable: false });

/**
 * An instance of a virtual module source `{ imports, exports, execute }`: each export
 * is an accessor on the target whose setter notifies importers.
 */
const makeVirtualModuleInstance = (
  compartmentPrivateFields,
  moduleSource,
  compartment,
  moduleAliases,
  moduleSpecifier,
  resolvedImports,
) => {
  const { exportsProxy, exportsTarget, activate } = getDeferredExports(
    compartment,
    weakmapGet(compartmentPrivateFields, compartment),
    moduleAliases,
    moduleSpecifier,
  );

  const notifiers = create(null);
  const reexportDescriptors = create(null);

  if (moduleSource.exports) {
    const { exports } = moduleSource;
    if (!isArray(exports) || arraySome(exports, name => typeof name !== 'string')) {
      throw TypeError(
        `SES virtual module source "exports" property must be an array of strings for module ${moduleSpecifier}`,
      );
    }
    arrayForEach(exports, name => {
      let value = exportsTarget[name];
      const subscribers = [];
      defineProperty(exportsTarget, name, {
        get: () => value,
        set: newValue => {
          value = newValue;
          for (const subscriber of subscribers) {
            subscriber(newValue);
          }
        },
        enumerable: true,
        configurable: false,
      });
      notifiers[name] = update => {
        arrayPush(subscribers, update);
        update(value);
      };
      reexportDescriptors[name] = reexportDescriptor({ get() { return value; } }.get);
    });
    // `import * as x` of a virtual module reads the target itself.
    notifiers['*'] = update => {
      update(exportsTarget);
    };
  }

  let started = false;
  let failed = false;
  let failure;
  const execute = () => {
    if (failed) {
      throw failure;
    }
    if (started) {
      return;
    }
    started = true;
    activate();
    try {
      moduleSource.execute(exportsTarget, compartment, resolvedImports);
    } catch (error) {
      failed = true;
      failure = error;
      throw error;
    }
  };

  return freeze({ notifiers, reexportDescriptors, exportsProxy, execute });
};

/**
 * An instance of a precompiled module source, from its record, linked to the map
 * `importedInstances` (import specifier -> instance) that module-link.js fills in
 * right after this returns.
 */
const makeModuleInstance = (privateFields, moduleAliases, moduleRecord, importedInstances) => {
  const { compartment, moduleSpecifier, moduleSource, importMeta: descriptorMeta } = moduleRecord;
  const {
    reexports: exportAlls = [],
    __syncModuleProgram__: functorSource,
    __fixedExportMap__: fixedExportMap = {},
    __liveExportMap__: liveExportMap = {},
    __reexportMap__: reexportMap = {},
    __needsImport__: needsImport = false,
    __needsImportMeta__: needsImportMeta = false,
    __syncModuleFunctor__,
  } = moduleSource;

  const compartmentFields = weakmapGet(privateFields, compartment);
  const { resolveHook, importMetaHook, compartmentImport } =
    compartmentFields;

  const { exportsProxy, exportsTarget, activate } = getDeferredExports(
    compartment,
    compartmentFields,
    moduleAliases,
    moduleSpecifier,
  );

  // exportName -> accessor descriptor, defined on the target (sorted) once linked.
  const exportsProps = create(null);
  // localName -> accessor, the extra scope layer through which the module's own code
  // reads and assigns live exported bindings.
  const moduleLexicals = create(null);
  // localName -> init(value): leaves the TDZ of a fixed exported binding.
  const onceVar = create(null);
  // localName -> update(value): sets a live exported binding, at any time.
  const liveVar = create(null);
  // localName -> { get, notify }, shared by every export name of one local binding.
  const localBindings = create(null);
  // exportName -> notify(update): how importers subscribe.
  const notifiers = create(null);
  // exportName -> namespace property for the modules that re-export it.
  const reexportDescriptors = create(null);

  const importMeta = create(null);
  if (descriptorMeta) {
    assign(importMeta, descriptorMeta);
  }
  if (needsImportMeta && importMetaHook) {
    importMetaHook(moduleSpecifier, importMeta);
  }

  let dynamicImport;
  if (needsImport) {
    dynamicImport = async importSpecifier =>
      compartmentImport(resolveHook(importSpecifier, moduleSpecifier));
  }

  // An export of one of this module's own bindings: its namespace property (the
  // binding's TDZ-checking getter), how importers subscribe, and what re-exporters define.
  const publishLocalExport = (exportName, binding) => {
    exportsProps[exportName] = {
      get: binding.get,
      set: undefined,
      enumerable: true,
      configurable: false,
    };
    notifiers[exportName] = binding.notify;
    reexportDescriptors[exportName] = binding.reexport;
  };

  arrayForEach(entries(fixedExportMap), ([exportName, [localName]]) => {
    let binding = localBindings[localName];
    if (!binding) {
      let value;
      let initialized = false;
      // Importers that subscribed before initialization; null afterwards.
      let waiting = [];
      const get = () => {
        if (!initialized) {
          throw ReferenceError(`binding ${q(localName)} not yet initialized`);
        }
        return value;
      };
      const init = freeze(initValue => {
        if (initialized) {
          throw TypeError(`Internal: binding ${q(localName)} already initialized`);
        }
        value = initValue;
        initialized = true;
        const subscribers = waiting;
        waiting = null;
        for (const subscriber of subscribers) {
          subscriber(initValue);
        }
        return initValue;
      });
      const notify = update => {
        if (update === init) {
          return;
        }
        if (initialized) {
          update(value);
        } else {
          arrayPush(waiting, update);
        }
      };
      binding = { get, notify, reexport: reexportDescriptor({ get() { return value; } }.get) };
      localBindings[localName] = binding;
      onceVar[localName] = init;
    }
    publishLocalExport(exportName, binding);
  });

  arrayForEach(entries(liveExportMap), ([exportName, [localName, setProxyTrap]]) => {
    let binding = localBindings[localName];
    if (!binding) {
      let value;
      let initialized = false;
      const subscribers = [];
      const get = () => {
        if (!initialized) {
          throw ReferenceError(`binding ${q(exportName)} not yet initialized`);
        }
        return value;
      };
      // Initializes or updates; also subscribed to an upstream module when this binding
      // re-exports an import, possibly before that module has run (cycles).
      const update = freeze(newValue => {
        value = newValue;
        initialized = true;
        for (const subscriber of subscribers) {
          subscriber(newValue);
        }
      });
      // Assignment from the module's own code, through the lexical scope layer.
      const set = newValue => {
        if (!initialized) {
          throw ReferenceError(`binding ${q(localName)} not yet initialized`);
        }
        value = newValue;
        for (const subscriber of subscribers) {
          subscriber(newValue);
        }
      };
      const notify = subscriber => {
        if (subscriber === update) {
          return;
        }
        arrayPush(subscribers, subscriber);
        if (initialized) {
          subscriber(value);
        }
      };
      binding = { get, notify, reexport: reexportDescriptor({ get() { return value; } }.get) };
      localBindings[localName] = binding;
      if (setProxyTrap) {
        defineProperty(moduleLexicals, localName, {
          get,
          set,
          enumerable: true,
          configurable: false,
        });
      }
      liveVar[localName] = update;
    }
    publishLocalExport(exportName, binding);
  });

  notifiers['*'] = update => {
    update(exportsTarget);
  };

  // An export this module takes from another (re-export or `export *`): pass on the
  // source's notifier and define the source's re-export descriptor. A name already
  // exported here wins; `false` marks a name made ambiguous by two `export *` sources.
  // (Without a descriptor, as for `'*'`, the value is mirrored through a subscription.)
  const wireUpExportNotifier = (exportName, notify, descriptor) => {
    if (notifiers[exportName] || notify === false) {
      return;
    }
    notifiers[exportName] = notify;
    if (descriptor !== undefined) {
      exportsProps[exportName] = descriptor;
      reexportDescriptors[exportName] = descriptor;
      return;
    }
    let value;
    notify(newValue => {
      value = newValue;
    });
    exportsProps[exportName] = {
      get() {
        return value;
      },
      set: undefined,
      enumerable: true,
      configurable: false,
    };
  };

  // What one imported module gives this one, once it has executed: the importer's
  // updaters, the named re-exports, and (recorded in `starSources`, in order) the
  // modules whose names `export *` takes.
  const wireImport = (specifier, importUpdaters, instance, starSources) => {
    const { notifiers: importNotifiers, reexportDescriptors: importDescriptors } = instance;
    for (const [importName, updaters] of importUpdaters) {
      const importNotify = importNotifiers[importName];
      if (!importNotify) {
        throw SyntaxError(
          `The requested module '${specifier}' does not provide an export named '${importName}'`,
        );
      }
      for (const updater of updaters) {
        importNotify(updater);
      }
    }
    if (arrayIncludes(exportAlls, specifier)) {
      arrayPush(starSources, instance);
    }
    if (reexportMap[specifier]) {
      // Wired now, so that they are already there for modules in a cycle.
      for (const [importName, exportName] of reexportMap[specifier]) {
        wireUpExportNotifier(
          exportName,
          importNotifiers[importName],
          importDescriptors === undefined ? undefined : importDescriptors[importName],
        );
      }
    }
  };

  // Takes `name` from the module `source` (through `export *`).
  const wireUpStarExport = (name, source) => {
    const { notifiers: sourceNotifiers, reexportDescriptors: sourceDescriptors } = source;
    wireUpExportNotifier(
      name,
      sourceNotifiers[name],
      sourceDescriptors === undefined ? undefined : sourceDescriptors[name],
    );
  };

  // Once every import is wired: the `export *` names, then the namespace's properties.
  // (A source's notifiers do not change meanwhile: each has either executed, or is
  // suspended up the stack in a cycle.)
  const completeExports = starSources => {
    if (starSources.length === 1) {
      // One source: no name can be ambiguous. `default` is never taken.
      const [source] = starSources;
      const names = keys(source.notifiers);
      for (let i = 0; i < names.length; i += 1) {
        if (names[i] !== 'default') {
          wireUpStarExport(names[i], source);
        }
      }
    } else if (starSources.length > 1) {
      // name -> the one source providing it, or false when two do (ambiguous: dropped).
      const candidates = create(null);
      candidates.default = false;
      for (let s = 0; s < starSources.length; s += 1) {
        const names = keys(starSources[s].notifiers);
        for (let i = 0; i < names.length; i += 1) {
          const name = names[i];
          candidates[name] = candidates[name] === undefined ? starSources[s] : false;
        }
      }
      const candidateNames = keys(candidates);
      for (let i = 0; i < candidateNames.length; i += 1) {
        const name = candidateNames[i];
        const source = candidates[name];
        if (source === false) {
          wireUpExportNotifier(name, false, undefined);
        } else {
          wireUpStarExport(name, source);
        }
      }
    }
    // Export names are strings, so sorting the keys gives the spec's order.
    const exportNames = arraySort(keys(exportsProps));
    for (let i = 0; i < exportNames.length; i += 1) {
      defineProperty(exportsTarget, exportNames[i], exportsProps[exportNames[i]]);
    }
    freeze(exportsTarget);
    activate();
  };

  // updateRecord: iterable of [specifier, iterable of [importName, updaters[]]] (arrays or
  // Maps, as generated functors produce). Kept small: its frame is on the stack once per
  // level of a chain of imports (each dependency executes inside this call), so the
  // wiring is done in helpers that return before the next dependency runs.
  function imports(updateRecord) {
    const starSources = [];
    for (const [specifier, importUpdaters] of updateRecord) {
      const instance = mapGet(importedInstances, specifier);
      instance.execute();
      wireImport(specifier, importUpdaters, instance, starSources);
    }
    completeExports(starSources);
  }

  // The functor is made now, at link time: a program that fails the evaluator's checks
  // fails the whole graph before anything runs.
  // A record made by this package's ModuleSource has an eager form of its program, whose
  // functor takes the five values positionally (see module-source.js); it is used unless
  // shim transforms are there to see the program text.
  let pendingFunctor;
  let positional = false;
  if (__syncModuleFunctor__ !== undefined) {
    pendingFunctor = __syncModuleFunctor__;
  } else {
    ({ value: pendingFunctor, eager: positional } = evaluateModuleProgram(
      compartmentFields,
      functorSource,
      moduleLexicals,
      eagerProgramOf(moduleSource),
    ));
  }

  let failed = false;
  let failure;
  const execute = () => {
    if (pendingFunctor) {
      const functor = pendingFunctor;
      pendingFunctor = null;
      try {
        if (positional) {
          functor(freeze(imports), freeze(liveVar), freeze(onceVar), dynamicImport, importMeta);
        } else {
          functor(
            freeze({
              imports: freeze(imports),
              onceVar: freeze(onceVar),
              liveVar: freeze(liveVar),
              import: dynamicImport,
              importMeta,
            }),
          );
        }
      } catch (error) {
        failed = true;
        failure = error;
      }
    }
    if (failed) {
      throw failure;
    }
  };

  return freeze({ notifiers, reexportDescriptors, exportsProxy, execute });
};

module.exports = freeze({ makeModuleInstance, makeVirtualModuleInstance });
