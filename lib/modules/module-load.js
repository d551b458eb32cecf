'use strict';
// Loading: from one requested specifier, find the module descriptor of every module in
// its graph (modules map, then moduleMapHook, then importHook / importNowHook), turn each
// into a module record `{ compartment, moduleSpecifier, moduleSource, resolvedImports,
// importMeta }`, and memoize it in the owning compartment's `moduleRecords`. Nothing is
// linked or executed here; module-link.js does that afterwards.
//
// One generator (`loadDescriptor`) holds the descriptor logic. It `yield`s whatever it
// must wait for (a hook's answer, another load); the async driver awaits those values,
// the sync driver hands them straight back. So `import` and `importNow` share one
// implementation and differ only in which hook they call and whether they wait.
//
// Where this differs from `ses` 2.3.0 (deliberately):
// - `modules` may be a `Map` as well as a plain object (the API document types it as a
//   Map; `ses` ignores Maps).
// - A descriptor `{ source: <string> }` is ambiguous. `ses` reads the string as the key
//   of a module to borrow from another compartment (by default the parent: the one
//   whose `Compartment` constructor made this one); the API document's examples pass
//   module *text*. The rule here keeps every case `ses` accepts: the string is a key
//   when the descriptor has an OWN `compartment` property or when this compartment has
//   a parent. Only where `ses` itself fails (no `compartment`, no parent: a compartment
//   made by the start compartment's `Compartment`) is the string module text, parsed
//   with the native ModuleSource, the module's specifier serving as its URL in errors
//   and stack traces.

const {
  apply,
  Map,
  TypeError,
  arrayJoin,
  arrayMap,
  arrayPush,
  arraySome,
  create,
  freeze,
  generatorNext,
  getOwnPropertyNames,
  hasOwn,
  isArray,
  isPrimitive,
  mapGet,
  mapHas,
  mapSet,
  promiseThen,
  setAdd,
  keys,
  weakmapGet,
  weakmapHas,
  weakmapSet,
  Set,
  WeakMap,
} = require('../commons.js');
const { makeError, annotateError, q, b, X } = require('../errors/assert.js');
const { getEnvironmentOption } = require('../lockdown/env-options.js');

const ignore = () => {};

// The native ModuleSource is loaded on first use: only string module text needs it.
let NativeModuleSource;
const parseModuleText = (text, url) => {
  if (NativeModuleSource === undefined) {
    // eslint-disable-next-line global-require
    ({ ModuleSource: NativeModuleSource } = require('./module-source.js'));
  }
  return new NativeModuleSource(text, url);
};

// Is `candidate` a genuine Map? (A brand check that a fake `Symbol.toStringTag` or a
// replaced `instanceof` cannot fool.) The answer is kept per object: a failed brand
// check costs an exception, and the module map is consulted for every module.
const mapBrands = new WeakMap();
const isMap = candidate => {
  if (isPrimitive(candidate)) return false;
  let brand = weakmapGet(mapBrands, candidate);
  if (brand === undefined) {
    try {
      mapHas(candidate, '');
      brand = true;
    } catch (_) {
      brand = false;
    }
    weakmapSet(mapBrands, candidate, brand);
  }
  return brand;
};

const lookUpModuleMap = (moduleMap, specifier) => {
  if (moduleMap === undefined || moduleMap === null) return undefined;
  if (isMap(moduleMap)) return mapGet(moduleMap, specifier);
  return moduleMap[specifier];
};

// Drivers for `loadDescriptor`-style generators. The async one awaits every yielded
// value and annotates a failure with the module and compartment it happened in; the
// sync one feeds yielded values straight back and leaves errors as they are.
const driveAsync = async (body, args, annotate) => {
  await null;
  try {
    const steps = body(...args);
    let step = generatorNext(steps);
    while (!step.done) {
      // eslint-disable-next-line no-await-in-loop
      const answer = await step.value;
      step = generatorNext(steps, answer);
    }
    return step.value;
  } catch (error) {
    annotate(error);
    throw error;
  }
};

const driveSync = (body, args) => {
  const steps = body(...args);
  let step = generatorNext(steps);
  while (!step.done) {
    step = generatorNext(steps, step.value);
  }
  return step.value;
};

// Module namespace proxies double as descriptors: each one maps to the frozen
// `{ compartment, specifier }` of the module it stands for, in `moduleAliases`.
const makeAlias = (compartment, specifier) => freeze({ compartment, specifier });

// Every import specifier of a module resolved against the module's own specifier, once,
// at load time.
const resolveAll = (imports, resolveHook, fullReferrerSpecifier) => {
  const resolvedImports = create(null);
  for (const importSpecifier of imports) {
    resolvedImports[importSpecifier] = resolveHook(importSpecifier, fullReferrerSpecifier);
  }
  return freeze(resolvedImports);
};

// Makes the record of `moduleSource` instantiated as `moduleSpecifier` in `compartment`,
// and queues the loads of its dependencies.
const loadModuleSource = (
  compartmentPrivateFields,
  moduleAliases,
  compartment,
  moduleSpecifier,
  moduleSource,
  enqueueJob,
  selectImplementation,
  moduleLoads,
  importMeta,
) => {
  const { resolveHook, name: compartmentName } = weakmapGet(
    compartmentPrivateFields,
    compartment,
  );
  const { imports } = moduleSource;
  if (!isArray(imports) || arraySome(imports, item => typeof item !== 'string')) {
    throw makeError(
      X`Invalid module source: 'imports' must be an array of strings, got ${imports} for module ${q(moduleSpecifier)} of compartment ${q(compartmentName)}`,
    );
  }
  const resolvedImports = resolveAll(imports, resolveHook, moduleSpecifier);
  const moduleRecord = freeze({
    compartment,
    moduleSource,
    moduleSpecifier,
    resolvedImports,
    importMeta,
  });
  const importSpecifiers = keys(resolvedImports);
  for (let i = 0; i < importSpecifiers.length; i += 1) {
    const fullSpecifier = resolvedImports[importSpecifiers[i]];
    // eslint-disable-next-line no-use-before-define
    enqueueJob(memoizedLoadWithErrorAnnotation, [
      compartmentPrivateFields,
      moduleAliases,
      compartment,
      fullSpecifier,
      enqueueJob,
      selectImplementation,
      moduleLoads,
    ]);
  }
  return moduleRecord;
};

const invalidCompartment = (moduleSpecifier, compartmentName) =>
  makeError(
    X`Invalid compartment in module descriptor for specifier ${q(moduleSpecifier)} in compartment ${q(compartmentName)}`,
  );

const isCompartment = (compartmentPrivateFields, candidate) =>
  !isPrimitive(candidate) && weakmapHas(compartmentPrivateFields, candidate);

// The descriptor logic. Yields: a hook's (possibly promised) descriptor, or the
// (possibly promised) record of another load this one depends on.
function* loadDescriptor(
  compartmentPrivateFields,
  moduleAliases,
  compartment,
  moduleSpecifier,
  enqueueJob,
  selectImplementation,
  moduleLoads,
) {
  const {
    importHook,
    importNowHook,
    moduleMap,
    moduleMapHook,
    moduleRecords,
    parentCompartment,
    name: compartmentName,
  } = weakmapGet(compartmentPrivateFields, compartment);

  if (mapHas(moduleRecords, moduleSpecifier)) {
    return mapGet(moduleRecords, moduleSpecifier);
  }

  // Shared tail of every form that instantiates a source in this compartment.
  const recordHere = (instanceSpecifier, moduleSource, importMeta, hostCompartment = compartment) =>
    loadModuleSource(
      compartmentPrivateFields,
      moduleAliases,
      hostCompartment,
      instanceSpecifier,
      moduleSource,
      enqueueJob,
      selectImplementation,
      moduleLoads,
      importMeta,
    );
  // Another load, in any compartment (recursion through the memo).
  const loadElsewhere = (otherCompartment, otherSpecifier) =>
    // eslint-disable-next-line no-use-before-define
    memoizedLoadWithErrorAnnotation(
      compartmentPrivateFields,
      moduleAliases,
      otherCompartment,
      otherSpecifier,
      enqueueJob,
      selectImplementation,
      moduleLoads,
    );
  const remember = moduleRecord => {
    mapSet(moduleRecords, moduleSpecifier, moduleRecord);
    return moduleRecord;
  };

  let moduleDescriptor = lookUpModuleMap(moduleMap, moduleSpecifier);
  if (moduleDescriptor === undefined && moduleMapHook !== undefined) {
    moduleDescriptor = moduleMapHook(moduleSpecifier);
  }
  if (moduleDescriptor === undefined) {
    const moduleHook = selectImplementation(importHook, importNowHook);
    if (moduleHook === undefined) {
      const moduleHookName = selectImplementation('importHook', 'importNowHook');
      throw makeError(
        X`${b(moduleHookName)} needed to load module ${q(moduleSpecifier)} in compartment ${q(compartmentName)}`,
      );
    }
    moduleDescriptor = moduleHook(moduleSpecifier);
    // A namespace proxy must not be awaited: reading its `then` before the module runs
    // throws.
    if (!weakmapHas(moduleAliases, moduleDescriptor)) {
      moduleDescriptor = yield moduleDescriptor;
    }
  }

  if (typeof moduleDescriptor === 'string') {
    throw makeError(
      X`Cannot map module ${q(moduleSpecifier)} to ${q(moduleDescriptor)} in parent compartment, use {source} module descriptor`,
      TypeError,
    );
  }
  if (isPrimitive(moduleDescriptor)) {
    throw makeError(
      X`module descriptor must be a string or object for specifier ${q(moduleSpecifier)} in compartment ${q(compartmentName)}`,
    );
  }

  // A namespace proxy stands for the `{ compartment, specifier }` it came from.
  let aliasDescriptor = weakmapGet(moduleAliases, moduleDescriptor);
  if (aliasDescriptor !== undefined) {
    moduleDescriptor = aliasDescriptor;
  }

  if (moduleDescriptor.namespace !== undefined) {
    const { namespace } = moduleDescriptor;
    if (typeof namespace === 'string') {
      // { namespace: string, compartment? }: share the instance of that module. The
      // compartment defaults to the parent, not to this one.
      const { compartment: aliasCompartment = parentCompartment, namespace: aliasSpecifier } =
        moduleDescriptor;
      if (!isCompartment(compartmentPrivateFields, aliasCompartment)) {
        throw invalidCompartment(moduleSpecifier, compartmentName);
      }
      return remember(yield loadElsewhere(aliasCompartment, aliasSpecifier));
    }
    if (isPrimitive(namespace)) {
      throw invalidCompartment(moduleSpecifier, compartmentName);
    }
    aliasDescriptor = weakmapGet(moduleAliases, namespace);
    if (aliasDescriptor === undefined) {
      // { namespace: object }: a virtual module whose export names are the object's
      // own property names now and whose values are read when it executes.
      const exports = getOwnPropertyNames(namespace);
      const moduleSource = {
        imports: [],
        exports,
        execute(exportsTarget) {
          for (const name of exports) {
            exportsTarget[name] = namespace[name];
          }
        },
      };
      return remember(recordHere(moduleSpecifier, moduleSource, undefined));
    }
    // { namespace: namespaceProxy }: continue as the `{ compartment, specifier }` link.
    moduleDescriptor = aliasDescriptor;
  }

  if (moduleDescriptor.source !== undefined) {
    const { source } = moduleDescriptor;
    if (
      typeof source === 'string' &&
      (hasOwn(moduleDescriptor, 'compartment') || parentCompartment !== undefined)
    ) {
      // { source: key, compartment, specifier?, importMeta? }: borrow the module source
      // loaded at `key` in that compartment (the parent when `compartment` is
      // undefined), and make a new instance of it here.
      const {
        specifier: instanceSpecifier = moduleSpecifier,
        compartment: loaderCompartment = parentCompartment,
        importMeta = undefined,
      } = moduleDescriptor;
      const loaderRecord = yield loadElsewhere(loaderCompartment, source);
      const { moduleSource } = loaderRecord;
      return remember(recordHere(instanceSpecifier, moduleSource, importMeta));
    }
    // { source: ModuleSource | precompiled | virtual | module text, specifier?,
    //   importMeta? }: instantiate here; `specifier` names the instance (import.meta,
    // resolution) but the record is memoized under the requested key only.
    const {
      specifier: instanceSpecifier = moduleSpecifier,
      importMeta,
    } = moduleDescriptor;
    const moduleSource =
      typeof source === 'string' ? parseModuleText(source, instanceSpecifier) : source;
    return remember(recordHere(instanceSpecifier, moduleSource, importMeta));
  }

  if (moduleDescriptor.archive !== undefined) {
    throw makeError(
      X`Unsupported archive module descriptor for specifier ${q(moduleSpecifier)} in compartment ${q(compartmentName)}`,
    );
  }

  if (moduleDescriptor.record !== undefined) {
    // Legacy { record, specifier?, compartment?, importMeta? }: the compartment defaults
    // to this one, and the record is memoized under both keys.
    const {
      compartment: hostCompartment = compartment,
      specifier: instanceSpecifier = moduleSpecifier,
      record: moduleSource,
      importMeta,
    } = moduleDescriptor;
    const moduleRecord = recordHere(instanceSpecifier, moduleSource, importMeta, hostCompartment);
    mapSet(moduleRecords, instanceSpecifier, moduleRecord);
    return remember(moduleRecord);
  }

  if (moduleDescriptor.compartment !== undefined && moduleDescriptor.specifier !== undefined) {
    // Legacy { specifier, compartment }: link to that compartment's instance.
    const { compartment: linkCompartment, specifier: linkSpecifier } = moduleDescriptor;
    if (
      !isCompartment(compartmentPrivateFields, linkCompartment) ||
      typeof linkSpecifier !== 'string'
    ) {
      throw invalidCompartment(moduleSpecifier, compartmentName);
    }
    return remember(yield loadElsewhere(linkCompartment, linkSpecifier));
  }

  // Legacy: any other object is taken to be a module source itself.
  return remember(recordHere(moduleSpecifier, moduleDescriptor, undefined));
}

// One load per (compartment, specifier) per `load`/`loadNow` call: a later request for
// the same module in the same call gets the same (pending) result, which breaks cycles.
const memoizedLoadWithErrorAnnotation = (
  compartmentPrivateFields,
  moduleAliases,
  compartment,
  moduleSpecifier,
  enqueueJob,
  selectImplementation,
  moduleLoads,
) => {
  const { name: compartmentName } = weakmapGet(compartmentPrivateFields, compartment);

  let loadsHere = mapGet(moduleLoads, compartment);
  if (loadsHere === undefined) {
    loadsHere = new Map();
    mapSet(moduleLoads, compartment, loadsHere);
  }
  let moduleLoading = mapGet(loadsHere, moduleSpecifier);
  if (moduleLoading !== undefined) {
    return moduleLoading;
  }

  moduleLoading = selectImplementation(driveAsync, driveSync)(
    loadDescriptor,
    [
      compartmentPrivateFields,
      moduleAliases,
      compartment,
      moduleSpecifier,
      enqueueJob,
      selectImplementation,
      moduleLoads,
    ],
    error => {
      annotateError(
        error,
        X`${error.message}, loading ${q(moduleSpecifier)} in compartment ${q(compartmentName)}`,
      );
    },
  );
  mapSet(loadsHere, moduleSpecifier, moduleLoading);
  return moduleLoading;
};

// Async job queue: a job starts when enqueued; draining waits for every job, including
// those enqueued while draining. Failures are collected, or rethrown at once when
// aggregation is off (later ones may then go unobserved).
const makeAsyncJobQueue = ({ errors = [], noAggregateErrors = false } = {}) => {
  const pending = new Set();
  const enqueueJob = (job, args) => {
    setAdd(
      pending,
      promiseThen(apply(job, undefined, args), ignore, error => {
        if (noAggregateErrors) {
          throw error;
        }
        arrayPush(errors, error);
      }),
    );
  };
  const drainQueue = async () => {
    await null;
    for (const job of pending) {
      // eslint-disable-next-line no-await-in-loop
      await job;
    }
  };
  return { enqueueJob, drainQueue, errors };
};

// Sync job queue: jobs run in waves; the jobs a wave enqueues run in the next wave,
// after every job of the current one has finished (the memo of each finished load is in
// place before anything it enqueued asks for it, which is what breaks cycles).
const makeSyncJobQueue = ({ errors = [], noAggregateErrors = false } = {}) => {
  let wave = [];
  let nextWave = [];
  const enqueueJob = (job, args) => {
    arrayPush(nextWave, [job, args]);
  };
  const drainQueue = () => {
    for (;;) {
      for (const [job, args] of wave) {
        try {
          apply(job, undefined, args);
        } catch (error) {
          if (noAggregateErrors) {
            throw error;
          }
          arrayPush(errors, error);
        }
      }
      wave = nextWave;
      nextWave = [];
      if (wave.length === 0) return;
    }
  };
  return { enqueueJob, drainQueue, errors };
};

const throwAggregateError = ({ errors, errorPrefix }) => {
  if (errors.length === 0) return;
  const verbose = getEnvironmentOption('COMPARTMENT_LOAD_ERRORS', '', ['verbose']) === 'verbose';
  const described = arrayMap(errors, error => error.message + (verbose ? error.stack : ''));
  // Sic: `ses` says "package" and leaves the parenthesis open.
  throw TypeError(
    `${errorPrefix} (${errors.length} underlying failures: ${arrayJoin(described, ', ')}`,
  );
};

const preferSync = (_asyncImpl, syncImpl) => syncImpl;
const preferAsync = (asyncImpl, _syncImpl) => asyncImpl;

const loadWith = (
  makeJobQueue,
  selectImplementation,
  compartmentPrivateFields,
  moduleAliases,
  compartment,
  moduleSpecifier,
  noAggregateErrors,
) => {
  const { name: compartmentName } = weakmapGet(compartmentPrivateFields, compartment);
  const moduleLoads = new Map();
  const { enqueueJob, drainQueue, errors } = makeJobQueue({ noAggregateErrors });
  enqueueJob(memoizedLoadWithErrorAnnotation, [
    compartmentPrivateFields,
    moduleAliases,
    compartment,
    moduleSpecifier,
    enqueueJob,
    selectImplementation,
    moduleLoads,
  ]);
  const finish = () =>
    throwAggregateError({
      errors,
      errorPrefix: `Failed to load module ${q(moduleSpecifier)} in package ${q(compartmentName)}`,
    });
  return { drainQueue, finish };
};

/**
 * Gathers, asynchronously (importHook), the records of a module and of every module it
 * depends on, memoizing them in their compartments. Resolves to undefined.
 */
const load = async (
  compartmentPrivateFields,
  moduleAliases,
  compartment,
  moduleSpecifier,
  { noAggregateErrors = false } = {},
) => {
  const { drainQueue, finish } = loadWith(
    makeAsyncJobQueue,
    preferAsync,
    compartmentPrivateFields,
    moduleAliases,
    compartment,
    moduleSpecifier,
    noAggregateErrors,
  );
  await drainQueue();
  finish();
};

/**
 * Gathers, synchronously (importNowHook), the records of a module and of every module it
 * depends on, memoizing them in their compartments.
 */
const loadNow = (
  compartmentPrivateFields,
  moduleAliases,
  compartment,
  moduleSpecifier,
  { noAggregateErrors = false } = {},
) => {
  const { drainQueue, finish } = loadWith(
    makeSyncJobQueue,
    preferSync,
    compartmentPrivateFields,
    moduleAliases,
    compartment,
    moduleSpecifier,
    noAggregateErrors,
  );
  drainQueue();
  finish();
};

module.exports = freeze({ makeAlias, load, loadNow });
