'use strict';
// Module instances. An instance is `{ cellOf, currentNames, sortedExports,
// settledDepth, notifyStar, starCell, exportsProxy, execute }`:
// - `cellOf(exportName)` is the export's cell `{ notify, descriptor, reexport }`:
//   `notify(update)` subscribes an importer's update function; `descriptor` is the
//   property the module's own namespace gets; `reexport` is the cell that a module
//   re-exporting the name stores, whose descriptor is a frozen getter of the binding's
//   current value, `undefined` before it is initialized. That getter reads what a getter
//   mirroring the value through `notify` would hold (updates are pushed synchronously,
//   and no other code runs between a binding's change and its subscribers' updates),
//   without a subscription or a closure per re-exporting module. A re-export cell is
//   its own `reexport`, so a chain of re-exporters shares one cell;
// - `currentNames()` lists the names exported so far (all of them once complete);
// - `sortedExports()` is `[names, cells]`, the sorted export names and their cells, once
//   the names are settled (undefined before). A module whose `export *` takes one
//   settled source merges that source's arrays with its own names instead of copying
//   every name into a table of its own, and only when the arrays are first needed
//   (until then, lookups fall through to the source); `settledDepth()` is how many such
//   waiting merges deep the module is (-1 before its names are settled);
// - `notifyStar(update)` hands over the raw exports target (`import * as x`), and
//   `starCell()` is the cell of `export * as x from` that module;
// - `exportsProxy` is the module's namespace proxy (module-proxy.js);
// - `execute()` runs the module once; later calls rethrow the error of the first run,
//   if any.
//
// A precompiled source's functor is called as described in section 6.1 of the behaviour
// notes: `functor({ imports, onceVar, liveVar, import, importMeta })`, `this` undefined.
// `imports(updateRecord)` executes the dependencies (bottom-up; an instance already on
// the stack returns at once, which is what lets cycles through), subscribes the
// updaters, wires `export *` and re-exports, settles the sorted export names and
// activates the proxy.
//
// The namespace target gets its accessors (and is frozen) only when something can
// first see it: when it is handed to module code (`import * as x`, or `export * as x`
// read), or at the first trap of its proxy (module-proxy.js). Until then nothing holds
// it, so defining them later is unobservable; a module whose namespace nobody looks at
// (most modules, imported by name only) never pays for it. An eager program's import
// table marks namespace locals that the module never reads (-1), and those are not
// handed the target at all. Handed out before the names are settled (a cycle), the
// target is filled in as soon as they are, as ses fills it then.

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
  defineGetter,
  defineProperty,
  isExtensible,
  ownKeys,
  freeze,
  functionBind,
  isArray,
  keys,
  mapGet,
  weakmapGet,
} = require('../commons.js');
const { q } = require('../errors/assert.js');
const { getDeferredExports } = require('./module-proxy.js');
const { eagerFormOf } = require('./module-source.js');

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

// The cell a module re-exporting a binding stores, for a binding whose current value
// `peek` returns (as a method named `get`, like the getter ses gives each re-exporting
// module). Shared by every module that re-exports the binding, so frozen.
const makeReexportCell = (notify, peek) => {
  const cell = {
    notify,
    descriptor: freeze({ get: freeze(peek), set: undefined, enumerable: true, configurable: false }),
    reexport: undefined,
  };
  cell.reexport = cell;
  return freeze(cell);
};

// `export * as x from` a module: the raw exports target, which never changes, as
// `target()` hands it out.
const makeStarCell = (notifyStar, target) => makeReexportCell(notifyStar, { get() { return target(); } }.get);

// The updater of one slot of an eager program's updater, which takes the slot as `this`
// (see module-source.js).
const slotUpdater = (updater, slot) => functionBind(updater, slot);

// How many single-source `export *` merges may wait in a chain (see completeExports):
// a lookup through the chain recurses once per link.
const MAX_STAR_DEPTH = 64;

// `export *` takes neither `default` nor `*` (which `import *` means).
const starExportable = name => name !== 'default' && name !== '*';

// The sorted names and cells of a module whose `export *` takes one complete source:
// its own sorted names (cells in `ownCells`) merged with the source's sorted names that
// it may take and does not shadow (their re-export cells).
const mergeExports = (ownNames, ownCells, sourceNames, sourceCells) => {
  const names = [];
  const cells = [];
  let i = 0;
  let j = 0;
  while (j < sourceNames.length) {
    const name = sourceNames[j];
    if (i < ownNames.length && ownNames[i] < name) {
      arrayPush(names, ownNames[i]);
      arrayPush(cells, ownCells[ownNames[i]]);
      i += 1;
    } else if ((i < ownNames.length && ownNames[i] === name) || !starExportable(name)) {
      // Shadowed by an own name (emitted in its turn), or not taken by `export *`.
      j += 1;
    } else {
      arrayPush(names, name);
      arrayPush(cells, sourceCells[j].reexport);
      j += 1;
    }
  }
  for (; i < ownNames.length; i += 1) {
    arrayPush(names, ownNames[i]);
    arrayPush(cells, ownCells[ownNames[i]]);
  }
  return [names, cells];
};

// Defines the namespace properties `names` (sorted) of a module's exports target from
// their cells, and freezes it. Every cell's descriptor is an enumerable getter without a
// setter, so a getter defined configurable, then frozen, ends as the same property; that
// shortcut is taken only while the target holds nothing but its tag (in a cycle, module
// code may already hold the target and have put properties on it, which
// Object.defineProperty must then meet as ses's does).
const defineExports = (exportsTarget, names, cells) => {
  if (defineGetter !== undefined && ownKeys(exportsTarget).length === 1 && isExtensible(exportsTarget)) {
    for (let i = 0; i < names.length; i += 1) {
      defineGetter(exportsTarget, names[i], cells[i].descriptor.get);
    }
  } else {
    for (let i = 0; i < names.length; i += 1) {
      defineProperty(exportsTarget, names[i], cells[i].descriptor);
    }
  }
  freeze(exportsTarget);
};

// Index of `name` in the sorted list of distinct strings `names`, or -1.
const sortedIndexOf = (names, name) => {
  let lo = 0;
  let hi = names.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = names[mid];
    if (at === name) {
      return mid;
    }
    if (at < name) {
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return -1;
};

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
  const deferred = getDeferredExports(
    compartment,
    weakmapGet(compartmentPrivateFields, compartment),
    moduleAliases,
    moduleSpecifier,
  );
  // (The proxy is made only if someone asks for it: see module-proxy.js.)
  const { exportsTarget, activate } = deferred;

  const exportCells = create(null);

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
          for (let i = 0; i < subscribers.length; i += 1) {
            const subscriber = subscribers[i];
            subscriber(newValue);
          }
        },
        enumerable: true,
        configurable: false,
      });
      // The target already has its accessors: the cell's descriptor serves re-exporters
      // only.
      exportCells[name] = makeReexportCell(update => {
        arrayPush(subscribers, update);
        update(value);
      }, { get() { return value; } }.get);
    });
  }

  // `import * as x` of a virtual module reads the target itself.
  const notifyStar = update => {
    update(exportsTarget);
  };
  let starCell;

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

  return freeze({
    cellOf: name => exportCells[name],
    currentNames: () => keys(exportCells),
    // Not kept sorted: modules that take these names sort them themselves.
    sortedExports: () => undefined,
    settledDepth: () => -1,
    notifyStar,
    starCell: () => (starCell ||= makeStarCell(notifyStar, () => exportsTarget)),
    get exportsProxy() {
      return deferred.exportsProxy;
    },
    execute,
  });
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

  const deferred = getDeferredExports(
    compartment,
    compartmentFields,
    moduleAliases,
    moduleSpecifier,
  );
  // (The proxy is made only if someone asks for it: see module-proxy.js.)
  // (The target too is made on first use.)
  const { activate } = deferred;

  // exportName -> cell (see the top of this file): the module's own exports and named
  // re-exports, and the `export *` names that are not merged (see completeExports).
  const exportCells = create(null);
  // Once the namespace is complete: every export name, sorted, and the cells.
  let sortedNames;
  let sortedCells;
  // Once the names are settled (completeExports): true. An `export *` from a single
  // source whose names were settled then is merged only when the merged lists are first
  // needed (`sortedArrays`); until then a lookup falls through to that source
  // (`starSource`, `starDepth` such sources deep, bounded so that lookups and merges
  // never recurse far).
  let namesSettled = false;
  let starSource;
  let starDepth = 0;
  const cellOf = name => {
    if (!namesSettled) {
      return exportCells[name];
    }
    // A property key, as `exportCells[name]` would take it (a string-literal export name
    // reaches us as `undefined`, which ses looks up as "undefined").
    if (typeof name !== 'string') {
      if (typeof name === 'symbol') {
        return undefined;
      }
      name = `${name}`;
    }
    if (sortedNames === undefined) {
      const own = exportCells[name];
      if (own !== undefined || starSource === undefined || !starExportable(name)) {
        return own;
      }
      const cell = starSource.cellOf(name);
      return cell === undefined ? undefined : cell.reexport;
    }
    const at = sortedIndexOf(sortedNames, name);
    return at < 0 ? undefined : sortedCells[at];
  };
  // localName -> accessor, the extra scope layer through which the module's own code
  // reads and assigns live exported bindings.
  const moduleLexicals = create(null);
  // localName -> init(value): leaves the TDZ of a fixed exported binding.
  const onceVar = create(null);
  // localName -> update(value): sets a live exported binding, at any time.
  const liveVar = create(null);
  // localName -> the cell shared by every export name of one local binding.
  const localCells = create(null);

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

  // The cell of a local binding: its namespace property is the TDZ-checking `get`.
  const makeLocalCell = (get, notify, peek) =>
    freeze({
      notify,
      descriptor: freeze({ get, set: undefined, enumerable: true, configurable: false }),
      reexport: makeReexportCell(notify, peek),
    });

  const publishFixed = (exportName, localName) => {
    let cell = localCells[localName];
    if (!cell) {
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
        for (let i = 0; i < subscribers.length; i += 1) {
          const subscriber = subscribers[i];
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
      cell = makeLocalCell(get, notify, { get() { return value; } }.get);
      localCells[localName] = cell;
      onceVar[localName] = init;
    }
    exportCells[exportName] = cell;
  };

  const publishLive = (exportName, localName, setProxyTrap) => {
    let cell = localCells[localName];
    if (!cell) {
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
        for (let i = 0; i < subscribers.length; i += 1) {
          const subscriber = subscribers[i];
          subscriber(newValue);
        }
      });
      // Assignment from the module's own code, through the lexical scope layer.
      const set = newValue => {
        if (!initialized) {
          throw ReferenceError(`binding ${q(localName)} not yet initialized`);
        }
        value = newValue;
        for (let i = 0; i < subscribers.length; i += 1) {
          const subscriber = subscribers[i];
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
      cell = makeLocalCell(get, notify, { get() { return value; } }.get);
      localCells[localName] = cell;
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
    exportCells[exportName] = cell;
  };

  // (Indexed loops: in the many instances that run before the engine optimizes this
  // code, destructuring `entries()` allocates an iterator and result objects per step.)
  const fixedNames = keys(fixedExportMap);
  for (let i = 0; i < fixedNames.length; i += 1) {
    publishFixed(fixedNames[i], fixedExportMap[fixedNames[i]][0]);
  }
  const liveNames = keys(liveExportMap);
  for (let i = 0; i < liveNames.length; i += 1) {
    const binding = liveExportMap[liveNames[i]];
    publishLive(liveNames[i], binding[0], binding[1]);
  }

  // The namespace's properties are defined when something can first see the target
  // (see the top of this file): `handOutTarget` when it is given to module code, the
  // proxy's traps through `fillTarget`.
  let targetFilled = false;
  let targetWanted = false;
  const fillTarget = () => {
    if (!targetFilled) {
      // eslint-disable-next-line no-use-before-define
      sortedArrays();
      defineExports(deferred.exportsTarget, sortedNames, sortedCells);
      targetFilled = true;
      activate();
    }
  };
  // Before the namespace is complete (a cycle), the target goes out as it is and is
  // filled in when it completes, as it always was.
  const handOutTarget = () => {
    if (!namesSettled) {
      targetWanted = true;
    } else {
      fillTarget();
    }
    return deferred.exportsTarget;
  };
  const notifyStar = update => {
    update(handOutTarget());
  };
  let starCell;

  // An export this module takes from another (re-export or `export *`): the source's
  // re-export cell. A name already exported here wins.
  const wireUpReexport = (exportName, cell) => {
    if (exportCells[exportName] !== undefined) {
      return;
    }
    if (cell === undefined) {
      // Re-exporting a name the source lacks fails as it does in ses.
      throw TypeError('notify is not a function');
    }
    exportCells[exportName] = cell.reexport;
  };

  // The notifier of `importName` in the module `instance` imported as `specifier`.
  const notifierOf = (specifier, instance, importName) => {
    let importNotify;
    if (importName === '*') {
      importNotify = instance.notifyStar;
    } else {
      const cell = instance.cellOf(importName);
      importNotify = cell === undefined ? undefined : cell.notify;
    }
    if (!importNotify) {
      throw SyntaxError(
        `The requested module '${specifier}' does not provide an export named '${importName}'`,
      );
    }
    return importNotify;
  };

  // What one imported module gives this one, once it has executed: the importer's
  // updaters, the named re-exports, and (recorded in `starSources`, in order) the
  // modules whose names `export *` takes. `importUpdaters` is an iterable of
  // `[importName, updaters]`, or (`table`, from an eager program) an array of them whose
  // updaters `toUpdater` turns into functions.
  const wireImport = (specifier, importUpdaters, instance, starSources, table, toUpdater) => {
    if (table) {
      for (let i = 0; i < importUpdaters.length; i += 1) {
        const importNotify = notifierOf(specifier, instance, importUpdaters[i][0]);
        const updaters = importUpdaters[i][1];
        for (let j = 0; j < updaters.length; j += 1) {
          // -1: a namespace local the module never reads (nothing to subscribe).
          if (updaters[j] !== -1) {
            importNotify(toUpdater(updaters[j]));
          }
        }
      }
    } else {
      for (const [importName, updaters] of importUpdaters) {
        const importNotify = notifierOf(specifier, instance, importName);
        for (const updater of updaters) {
          importNotify(updater);
        }
      }
    }
    if (arrayIncludes(exportAlls, specifier)) {
      arrayPush(starSources, instance);
    }
    if (reexportMap[specifier]) {
      // Wired now, so that they are already there for modules in a cycle.
      for (const [importName, exportName] of reexportMap[specifier]) {
        wireUpReexport(exportName, importName === '*' ? instance.starCell() : instance.cellOf(importName));
      }
    }
  };

  // Once every import is wired: the `export *` names, then the namespace's properties.
  // (A source's cells do not change meanwhile: each has either executed, or is
  // suspended up the stack in a cycle.)
  const completeExports = starSources => {
    if (namesSettled) {
      // `imports` called again (a hand-written functor may): ses redefines the same
      // properties on the frozen target, which changes nothing.
      return;
    }
    const depth = starSources.length === 1 ? starSources[0].settledDepth() : -1;
    if (depth >= 0) {
      // One source whose names are settled: no name can be ambiguous, and the merge
      // (ours win) can wait until it is needed, as neither side changes any more;
      // unless the chain is too deep to look up through: then it is merged now (its
      // source's lists are at most MAX_STAR_DEPTH merges away).
      starSource = starSources[0];
      starDepth = depth + 1;
      if (starDepth > MAX_STAR_DEPTH) {
        // eslint-disable-next-line no-use-before-define
        sortedArrays();
      }
    } else {
      if (starSources.length > 0) {
        // Several sources, or one still suspended in a cycle: name -> the one cell providing
        // it, or false when two sources do (ambiguous: dropped).
        const candidates = create(null);
        for (let s = 0; s < starSources.length; s += 1) {
          const source = starSources[s];
          const sourceNames = source.currentNames();
          for (let i = 0; i < sourceNames.length; i += 1) {
            const name = sourceNames[i];
            candidates[name] = candidates[name] === undefined ? source.cellOf(name) : false;
          }
        }
        const candidateNames = keys(candidates);
        for (let i = 0; i < candidateNames.length; i += 1) {
          const name = candidateNames[i];
          const cell = candidates[name];
          if (cell !== false && starExportable(name) && exportCells[name] === undefined) {
            exportCells[name] = cell.reexport;
          }
        }
      }
    }
    namesSettled = true;
    if (targetWanted) {
      fillTarget();
    } else {
      activate(fillTarget);
    }
  };
  // Export names are strings, so sorting the keys gives the spec's order.
  const sortedOwnNames = () => arraySort(keys(exportCells));
  // The sorted export names and their cells, made on first need once settled.
  const sortedArrays = () => {
    if (sortedNames !== undefined) {
      return;
    }
    if (starSource !== undefined) {
      const [sourceNames, sourceCells] = starSource.sortedExports();
      [sortedNames, sortedCells] = mergeExports(sortedOwnNames(), exportCells, sourceNames, sourceCells);
      starSource = undefined;
      starDepth = 0;
      return;
    }
    const names = sortedOwnNames();
    const cells = [];
    for (let i = 0; i < names.length; i += 1) {
      arrayPush(cells, exportCells[names[i]]);
    }
    sortedNames = names;
    sortedCells = cells;
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
      wireImport(specifier, importUpdaters, instance, starSources, false);
    }
    completeExports(starSources);
  }

  // The eager program's form of `imports` (see module-source.js): one updater for every
  // imported local (`this` is the slot, the argument the value), and the table
  // `importTable` of which import feeds which slot (or which live export, by name).
  let importTable;
  function importsBySlot(updater) {
    const toUpdater = u => (typeof u === 'number' ? slotUpdater(updater, u) : liveVar[u]);
    const starSources = [];
    for (let i = 0; i < importTable.length; i += 1) {
      const specifier = importTable[i][0];
      const instance = mapGet(importedInstances, specifier);
      instance.execute();
      wireImport(specifier, importTable[i][1], instance, starSources, true, toUpdater);
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
    // Only for the program text read above: a record's fields may be accessors.
    const eagerForm = eagerFormOf(moduleSource, functorSource);
    ({ value: pendingFunctor, eager: positional } = evaluateModuleProgram(
      compartmentFields,
      functorSource,
      moduleLexicals,
      eagerForm,
    ));
    if (positional) {
      importTable = eagerForm.imports;
    }
  }

  let failed = false;
  let failure;
  const execute = () => {
    if (pendingFunctor) {
      const functor = pendingFunctor;
      pendingFunctor = null;
      try {
        if (positional) {
          functor(
            freeze(importTable === undefined ? imports : importsBySlot),
            freeze(liveVar),
            freeze(onceVar),
            dynamicImport,
            importMeta,
          );
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

  return freeze({
    cellOf,
    currentNames: () => {
      if (!namesSettled) {
        return keys(exportCells);
      }
      sortedArrays();
      return sortedNames;
    },
    sortedExports: () => {
      if (!namesSettled) {
        return undefined;
      }
      sortedArrays();
      return [sortedNames, sortedCells];
    },
    settledDepth: () => (namesSettled ? starDepth : -1),
    notifyStar,
    starCell: () => (starCell ||= makeStarCell(notifyStar, handOutTarget)),
    get exportsProxy() {
      return deferred.exportsProxy;
    },
    execute,
  });
};

module.exports = freeze({ makeModuleInstance, makeVirtualModuleInstance });
