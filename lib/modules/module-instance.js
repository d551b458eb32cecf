'use strict';
// Module instances. An instance has the methods `cellOf`, `currentNames`,
// `sortedExports`, `settledDepth`, `notifyStar`, `notifyStarSlot`, `handOutTarget`,
// `starCell`, `execute` and the getter `exportsProxy`:
// - `cellOf(exportName)` is the export's cell (module-cells.js);
// - `currentNames()` lists the names exported so far (all of them once complete);
// - `sortedExports()` is `[names, cells]`, the sorted export names and their cells, once
//   the names are settled (undefined before). A module whose `export *` takes one
//   settled source merges that source's arrays with its own names instead of copying
//   every name into a table of its own, and only when the arrays are first needed
//   (until then, lookups fall through to the source); `settledDepth()` is how many such
//   waiting merges deep the module is (-1 before its names are settled);
// - `notifyStar(update)` hands over the raw exports target (`import * as x`),
//   `notifyStarSlot(updater, slot)` does so through an eager program's updater, and
//   `handOutTarget()` returns it;
//   `starCell()` is the cell of `export * as x from` that module;
// - `exportsProxy` is the module's namespace proxy (module-proxy.js);
// - `execute()` runs the module once; later calls rethrow the error of the first run,
//   if any.
// Instances and cells are the loader's own objects: module code never sees them, only
// the functions and targets they hand out.
//
// A cell stands for one exported binding (module-cells.js).
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
//
// (Instances, like cells, are objects with shared methods rather than sets of closures:
// a graph of a thousand modules makes thousands of them, and every object less is less
// for the garbage collector to copy.)

const {
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
  functionCall,
  isArray,
  keys,
  mapGet,
  weakmapGet,
} = require('../commons.js');
const { getDeferredExports } = require('./module-proxy.js');
const {
  FixedCell,
  FunctionCell,
  LiveCell,
  makeInit,
  makeSet,
  makeUpdate,
} = require('./module-cells.js');
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

// `export * as x from` a module: the raw exports target, which never changes, as
// `instance.handOutTarget()` hands it out.
const makeStarCell = instance =>
  new FunctionCell(
    update => instance.notifyStar(update),
    {
      get() {
        return instance.handOutTarget();
      },
    }.get,
  );

// How many single-source `export *` merges may wait in a chain (see completeExports):
// a lookup through the chain recurses once per link.
const MAX_STAR_DEPTH = 64;

// `export *` takes neither `default` nor `*` (which `import *` means).
const starExportable = name => name !== 'default' && name !== '*';

// The sorted names and cells of a module whose `export *` takes one complete source:
// its own sorted names (cells in `ownCells`) merged with the source's sorted names that
// it may take and does not shadow (their re-export cells).
const mergeExports = (ownNames, ownCells, sourceNames, sourceCells) => {
  // (Index writes rather than `push` calls: these lists can hold thousands of names.)
  const names = [];
  const cells = [];
  let n = 0;
  let i = 0;
  let j = 0;
  while (j < sourceNames.length) {
    const name = sourceNames[j];
    if (i < ownNames.length && ownNames[i] < name) {
      names[n] = ownNames[i];
      cells[n] = ownCells[ownNames[i]];
      n += 1;
      i += 1;
    } else if ((i < ownNames.length && ownNames[i] === name) || !starExportable(name)) {
      // Shadowed by an own name (emitted in its turn), or not taken by `export *`.
      j += 1;
    } else {
      names[n] = name;
      cells[n] = sourceCells[j].reexport();
      n += 1;
      j += 1;
    }
  }
  for (; i < ownNames.length; i += 1) {
    names[n] = ownNames[i];
    cells[n] = ownCells[ownNames[i]];
    n += 1;
  }
  return { names, cells };
};

// Defines the namespace properties `names` (sorted) of a module's exports target from
// their cells, and freezes it. Every property is an enumerable getter without a setter,
// so a getter defined configurable, then frozen, ends as the same property; that
// shortcut is taken only while the target holds nothing but its tag (in a cycle, module
// code may already hold the target and have put properties on it, which
// Object.defineProperty must then meet as ses's does).
const defineExports = (exportsTarget, names, cells) => {
  if (defineGetter !== undefined && ownKeys(exportsTarget).length === 1 && isExtensible(exportsTarget)) {
    for (let i = 0; i < names.length; i += 1) {
      defineGetter(exportsTarget, names[i], cells[i].getter());
    }
  } else {
    for (let i = 0; i < names.length; i += 1) {
      defineProperty(exportsTarget, names[i], {
        get: cells[i].getter(),
        set: undefined,
        enumerable: true,
        configurable: false,
      });
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
  const { exportsTarget } = deferred;

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
      // The target already has its accessors: the cell's getter serves re-exporters
      // only.
      exportCells[name] = new FunctionCell(update => {
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
    deferred.activate();
    try {
      moduleSource.execute(exportsTarget, compartment, resolvedImports);
    } catch (error) {
      failed = true;
      failure = error;
      throw error;
    }
  };

  const instance = freeze({
    cellOf: name => exportCells[name],
    currentNames: () => keys(exportCells),
    // Not kept sorted: modules that take these names sort them themselves.
    sortedExports: () => undefined,
    settledDepth: () => -1,
    notifyStar,
    notifyStarSlot: (updater, slot) => {
      functionCall(updater, slot, exportsTarget);
    },
    handOutTarget: () => exportsTarget,
    starCell: () => (starCell ||= makeStarCell(instance)),
    get exportsProxy() {
      return deferred.exportsProxy;
    },
    execute,
  });
  return instance;
};

// The `imports` a functor gets (see the top of this file). updateRecord: iterable of
// [specifier, iterable of [importName, updaters[]]] (arrays or Maps, as generated
// functors produce). Kept small: its frame is on the stack once per level of a chain of
// imports (each dependency executes inside this call), so the wiring is done in methods
// that return before the next dependency runs.
const makeImports = instance => {
  function imports(updateRecord) {
    const starSources = [];
    for (const [specifier, importUpdaters] of updateRecord) {
      const imported = mapGet(instance.importedInstances, specifier);
      imported.execute();
      instance.wireUpdaters(specifier, importUpdaters, imported);
      instance.wireSources(specifier, imported, starSources);
    }
    instance.completeExports(starSources);
  }
  return imports;
};

// The eager program's form of `imports` (see module-source.js): one updater for every
// imported local (`this` is the slot, the argument the value), and the instance's flat
// `importTable` of which import feeds which slot (or which live export, by name): for
// each specifier, the specifier, how many names it gives, and for each name the name,
// how many updaters it feeds and those updaters.
const makeImportsBySlot = instance => {
  function importsBySlot(updater) {
    const { importTable } = instance;
    const starSources = [];
    let at = 0;
    while (at < importTable.length) {
      const specifier = importTable[at];
      const imported = mapGet(instance.importedInstances, specifier);
      imported.execute();
      at = instance.wireSlots(specifier, importTable, at + 1, imported, updater);
      instance.wireSources(specifier, imported, starSources);
    }
    instance.completeExports(starSources);
  }
  return importsBySlot;
};

// The module lexicals of every module without live bindings that its own code assigns:
// an empty scope layer, which holds nothing and so can be shared.
const noModuleLexicals = freeze(create(null));

/**
 * An instance of a precompiled module source, from its record, linked to the map
 * `importedInstances` (import specifier -> instance) that module-link.js fills in
 * right after this returns.
 */
class ModuleInstance {
  constructor(privateFields, moduleAliases, moduleRecord, importedInstances) {
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
    const { resolveHook, importMetaHook, compartmentImport } = compartmentFields;

    this.importedInstances = importedInstances;
    this.exportAlls = exportAlls;
    this.reexportMap = reexportMap;
    // (The target and the proxy are made on first use: see module-proxy.js.)
    this.deferred = getDeferredExports(compartment, compartmentFields, moduleAliases, moduleSpecifier);

    // exportName -> cell: the module's own exports and named re-exports, and the
    // `export *` names that are not merged (see completeExports).
    this.exportCells = create(null);
    // Once the namespace is complete: every export name, sorted, and the cells.
    this.sortedNames = undefined;
    this.sortedCells = undefined;
    // Once the names are settled (completeExports): true. An `export *` from a single
    // source whose names were settled then is merged only when the merged lists are
    // first needed (`sortedArrays`); until then a lookup falls through to that source
    // (`starSource`, `starDepth` such sources deep, bounded so that lookups and merges
    // never recurse far).
    this.namesSettled = false;
    this.starSource = undefined;
    this.starDepth = 0;
    // Whether the target has its properties, and whether module code was handed it
    // before the names were settled.
    this.targetFilled = false;
    this.targetWanted = false;
    this.starCellMemo = undefined;

    // localName -> accessor, the extra scope layer through which the module's own code
    // reads and assigns live exported bindings (made only for a module that has any).
    let moduleLexicals = noModuleLexicals;
    // localName -> init(value): leaves the TDZ of a fixed exported binding.
    const onceVar = create(null);
    // localName -> update(value): sets a live exported binding, at any time.
    const liveVar = create(null);
    this.onceVar = onceVar;
    this.liveVar = liveVar;
    // localName -> the cell shared by every export name of one local binding.
    const localCells = create(null);
    const { exportCells } = this;

    // (Indexed loops: in the many instances that run before the engine optimizes this
    // code, destructuring `entries()` allocates an iterator and result objects per step.)
    const fixedNames = keys(fixedExportMap);
    for (let i = 0; i < fixedNames.length; i += 1) {
      const exportName = fixedNames[i];
      const localName = fixedExportMap[exportName][0];
      let cell = localCells[localName];
      if (!cell) {
        cell = new FixedCell(localName);
        cell.init = makeInit(cell);
        localCells[localName] = cell;
        onceVar[localName] = cell.init;
      }
      exportCells[exportName] = cell;
    }
    const liveNames = keys(liveExportMap);
    for (let i = 0; i < liveNames.length; i += 1) {
      const exportName = liveNames[i];
      const binding = liveExportMap[exportName];
      const localName = binding[0];
      let cell = localCells[localName];
      if (!cell) {
        cell = new LiveCell(localName, exportName);
        cell.update = makeUpdate(cell);
        localCells[localName] = cell;
        if (binding[1]) {
          if (moduleLexicals === noModuleLexicals) {
            moduleLexicals = create(null);
          }
          defineProperty(moduleLexicals, localName, {
            get: cell.getter(),
            set: makeSet(cell),
            enumerable: true,
            configurable: false,
          });
        }
        liveVar[localName] = cell.update;
      }
      exportCells[exportName] = cell;
    }

    // A record made by this package's ModuleSource has an eager form of its program, whose
    // functor takes the five values positionally (see module-source.js); it is used unless
    // shim transforms are there to see the program text.
    // (Only for the program text read above: a record's fields may be accessors.)
    const eagerForm =
      __syncModuleFunctor__ === undefined ? eagerFormOf(moduleSource, functorSource) : undefined;

    // `import.meta`, a copy of the descriptor's, made as ses makes it, at link time;
    // except that an eager program whose code never reads it is not handed one.
    this.importMeta = undefined;
    this.descriptorMeta = descriptorMeta;
    if (needsImportMeta || eagerForm === undefined) {
      this.provideImportMeta();
    }
    if (needsImportMeta && importMetaHook) {
      importMetaHook(moduleSpecifier, this.importMeta);
    }

    this.dynamicImport = undefined;
    if (needsImport) {
      this.dynamicImport = async importSpecifier =>
        compartmentImport(resolveHook(importSpecifier, moduleSpecifier));
    }

    // The functor is made now, at link time: a program that fails the evaluator's checks
    // fails the whole graph before anything runs.
    this.importTable = undefined;
    this.positional = false;
    this.failed = false;
    this.failure = undefined;
    if (__syncModuleFunctor__ !== undefined) {
      this.pendingFunctor = __syncModuleFunctor__;
    } else {
      const { value, eager } = evaluateModuleProgram(
        compartmentFields,
        functorSource,
        moduleLexicals,
        eagerForm,
      );
      this.pendingFunctor = value;
      if (eager) {
        this.positional = true;
        this.importTable = eagerForm.imports;
        if (eagerForm.needsImportMeta) {
          this.provideImportMeta();
        }
      } else {
        this.provideImportMeta();
      }
    }
  }

  provideImportMeta() {
    if (this.importMeta === undefined) {
      const importMeta = create(null);
      if (this.descriptorMeta) {
        assign(importMeta, this.descriptorMeta);
      }
      this.importMeta = importMeta;
    }
    return this.importMeta;
  }

  cellOf(name) {
    if (!this.namesSettled) {
      return this.exportCells[name];
    }
    // A property key, as `exportCells[name]` would take it (a string-literal export name
    // reaches us as `undefined`, which ses looks up as "undefined").
    if (typeof name !== 'string') {
      if (typeof name === 'symbol') {
        return undefined;
      }
      name = `${name}`;
    }
    const { sortedNames } = this;
    if (sortedNames === undefined) {
      const own = this.exportCells[name];
      const { starSource } = this;
      if (own !== undefined || starSource === undefined || !starExportable(name)) {
        return own;
      }
      const cell = starSource.cellOf(name);
      return cell === undefined ? undefined : cell.reexport();
    }
    const at = sortedIndexOf(sortedNames, name);
    return at < 0 ? undefined : this.sortedCells[at];
  }

  currentNames() {
    if (!this.namesSettled) {
      return keys(this.exportCells);
    }
    this.sortedArrays();
    return this.sortedNames;
  }

  sortedExports() {
    if (!this.namesSettled) {
      return undefined;
    }
    this.sortedArrays();
    return [this.sortedNames, this.sortedCells];
  }

  settledDepth() {
    return this.namesSettled ? this.starDepth : -1;
  }

  // The namespace's properties are defined when something can first see the target
  // (see the top of this file): `handOutTarget` when it is given to module code, the
  // proxy's traps through `fillTarget`.
  fillTarget() {
    if (!this.targetFilled) {
      this.sortedArrays();
      const { deferred } = this;
      defineExports(deferred.exportsTarget, this.sortedNames, this.sortedCells);
      this.targetFilled = true;
      deferred.activate();
    }
  }

  // Before the namespace is complete (a cycle), the target goes out as it is and is
  // filled in when it completes, as it always was.
  handOutTarget() {
    if (!this.namesSettled) {
      this.targetWanted = true;
    } else {
      this.fillTarget();
    }
    return this.deferred.exportsTarget;
  }

  notifyStar(update) {
    update(this.handOutTarget());
  }

  notifyStarSlot(updater, slot) {
    functionCall(updater, slot, this.handOutTarget());
  }

  starCell() {
    if (this.starCellMemo === undefined) this.starCellMemo = makeStarCell(this);
    return this.starCellMemo;
  }

  get exportsProxy() {
    return this.deferred.exportsProxy;
  }

  // An export this module takes from another (re-export or `export *`): the source's
  // re-export cell. A name already exported here wins.
  wireUpReexport(exportName, cell) {
    const { exportCells } = this;
    if (exportCells[exportName] !== undefined) {
      return;
    }
    if (cell === undefined) {
      // Re-exporting a name the source lacks fails as it does in ses.
      throw TypeError('notify is not a function');
    }
    exportCells[exportName] = cell.reexport();
  }

  // What one imported module `instance`, once it has executed, gives this one: first
  // the importer's updaters, `importUpdaters`, an iterable of `[importName, updaters]`.
  wireUpdaters(specifier, importUpdaters, instance) {
    for (const [importName, updaters] of importUpdaters) {
      if (importName === '*') {
        for (const update of updaters) {
          instance.notifyStar(update);
        }
      } else {
        const cell = instance.cellOf(importName);
        if (cell === undefined) {
          throw SyntaxError(
            `The requested module '${specifier}' does not provide an export named '${importName}'`,
          );
        }
        for (const update of updaters) {
          cell.notify(update);
        }
      }
    }
  }

  // The same from an eager program's import table (see makeImportsBySlot), read from
  // `table[at]` on: slots of the program's `updater`, or, as strings, the live exports
  // of this module that re-export the import. Returns where the next specifier starts.
  wireSlots(specifier, table, at, instance, updater) {
    const { liveVar } = this;
    const nameCount = table[at];
    at += 1;
    for (let n = 0; n < nameCount; n += 1) {
      const importName = table[at];
      const end = at + 2 + table[at + 1];
      at += 2;
      if (importName === '*') {
        for (; at < end; at += 1) {
          const u = table[at];
          // -1: a namespace local the module never reads (nothing to subscribe).
          if (typeof u === 'number') {
            if (u !== -1) instance.notifyStarSlot(updater, u);
          } else {
            instance.notifyStar(liveVar[u]);
          }
        }
      } else {
        const cell = instance.cellOf(importName);
        if (cell === undefined) {
          throw SyntaxError(
            `The requested module '${specifier}' does not provide an export named '${importName}'`,
          );
        }
        for (; at < end; at += 1) {
          const u = table[at];
          if (typeof u === 'number') {
            if (u !== -1) cell.notifySlot(updater, u);
          } else {
            cell.notify(liveVar[u]);
          }
        }
      }
    }
    return at;
  }

  // Then the named re-exports, and (recorded in `starSources`, in order) the modules
  // whose names `export *` takes.
  wireSources(specifier, instance, starSources) {
    if (arrayIncludes(this.exportAlls, specifier)) {
      arrayPush(starSources, instance);
    }
    const reexports = this.reexportMap[specifier];
    if (reexports) {
      // Wired now, so that they are already there for modules in a cycle.
      for (const [importName, exportName] of reexports) {
        this.wireUpReexport(exportName, importName === '*' ? instance.starCell() : instance.cellOf(importName));
      }
    }
  }

  // Once every import is wired: the `export *` names, then the namespace's properties.
  // (A source's cells do not change meanwhile: each has either executed, or is
  // suspended up the stack in a cycle.)
  completeExports(starSources) {
    if (this.namesSettled) {
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
      this.starSource = starSources[0];
      this.starDepth = depth + 1;
      if (this.starDepth > MAX_STAR_DEPTH) {
        this.sortedArrays();
      }
    } else if (starSources.length > 0) {
      // Several sources, or one still suspended in a cycle: name -> the one cell
      // providing it, or false when two sources do (ambiguous: dropped).
      const { exportCells } = this;
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
          exportCells[name] = cell.reexport();
        }
      }
    }
    this.namesSettled = true;
    if (this.targetWanted) {
      this.fillTarget();
    } else {
      this.deferred.activate(this);
    }
  }

  // The sorted export names and their cells, made on first need once settled. (Export
  // names are strings, so sorting the keys gives the spec's order.)
  sortedArrays() {
    if (this.sortedNames !== undefined) {
      return;
    }
    const { exportCells, starSource } = this;
    const names = arraySort(keys(exportCells));
    if (starSource !== undefined) {
      const source = starSource.sortedExports();
      const merged = mergeExports(names, exportCells, source[0], source[1]);
      this.sortedNames = merged.names;
      this.sortedCells = merged.cells;
      this.starSource = undefined;
      this.starDepth = 0;
      return;
    }
    const cells = [];
    for (let i = 0; i < names.length; i += 1) {
      cells[i] = exportCells[names[i]];
    }
    this.sortedNames = names;
    this.sortedCells = cells;
  }

  execute() {
    const functor = this.pendingFunctor;
    if (functor) {
      this.pendingFunctor = null;
      try {
        if (this.positional) {
          functor(
            freeze(this.importTable === undefined ? makeImports(this) : makeImportsBySlot(this)),
            freeze(this.liveVar),
            freeze(this.onceVar),
            this.dynamicImport,
            this.importMeta,
          );
        } else {
          functor(
            freeze({
              imports: freeze(makeImports(this)),
              onceVar: freeze(this.onceVar),
              liveVar: freeze(this.liveVar),
              import: this.dynamicImport,
              importMeta: this.provideImportMeta(),
            }),
          );
        }
      } catch (error) {
        this.failed = true;
        this.failure = error;
      }
    }
    if (this.failed) {
      throw this.failure;
    }
  }
}

const makeModuleInstance = (privateFields, moduleAliases, moduleRecord, importedInstances) =>
  new ModuleInstance(privateFields, moduleAliases, moduleRecord, importedInstances);

module.exports = freeze({ makeModuleInstance, makeVirtualModuleInstance });
