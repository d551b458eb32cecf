'use strict';
// Linking: turn the module records gathered by module-load.js into module instances,
// one per (compartment, specifier), each connected to the instances of its imports. The
// result is ready to execute; nothing runs here except the evaluation of precompiled
// functor programs (which only produces the functors).

const {
  Map,
  ReferenceError,
  TypeError,
  keys,
  freeze,
  isArray,
  isPrimitive,
  mapGet,
  mapHas,
  mapSet,
  weakmapGet,
} = require('../commons.js');
const {
  assert: { Fail },
  q,
} = require('../errors/assert.js');
const { makeModuleInstance, makeVirtualModuleInstance } = require('./module-instance.js');

/**
 * The instance of the module loaded as `moduleSpecifier` in `compartment` (which may
 * live in another compartment), with its dependencies linked.
 */
const link = (compartmentPrivateFields, moduleAliases, compartment, moduleSpecifier) => {
  const { name: compartmentName, moduleRecords } = weakmapGet(
    compartmentPrivateFields,
    compartment,
  );
  const moduleRecord = mapGet(moduleRecords, moduleSpecifier);
  if (moduleRecord === undefined) {
    throw ReferenceError(
      `Missing link to module ${q(moduleSpecifier)} from compartment ${q(compartmentName)}`,
    );
  }
  // The record names its own compartment, which need not be this one.
  // eslint-disable-next-line no-use-before-define
  return instantiate(compartmentPrivateFields, moduleAliases, moduleRecord);
};

// A precompiled source carries its functor program as a string; a virtual source
// carries an `execute` function. The program test comes first.
const mayBePrecompiledModuleSource = moduleSource =>
  typeof moduleSource.__syncModuleProgram__ === 'string';

const mayBeVirtualModuleSource = moduleSource => typeof moduleSource.execute === 'function';

const validateModuleSource = (moduleSource, moduleSpecifier) => {
  if (isPrimitive(moduleSource)) {
    Fail`Invalid module source: must be of type object, got ${q(moduleSource)}, for module ${q(moduleSpecifier)}`;
  }
  const { imports, exports, reexports = [] } = moduleSource;
  if (!isArray(imports)) {
    Fail`Invalid module source: 'imports' must be an array, got ${q(imports)}, for module ${q(moduleSpecifier)}`;
  }
  if (!isArray(exports)) {
    Fail`Invalid module source: 'exports' must be an array, got ${q(exports)}, for module ${q(moduleSpecifier)}`;
  }
  if (!isArray(reexports)) {
    Fail`Invalid module source: 'reexports' must be an array if present, got ${q(reexports)}, for module ${q(moduleSpecifier)}`;
  }
};

const validatePrecompiledModuleSource = (moduleSource, moduleSpecifier) => {
  const { __fixedExportMap__, __liveExportMap__ } = moduleSource;
  if (isPrimitive(__fixedExportMap__)) {
    Fail`Property '__fixedExportMap__' of a precompiled module source must be an object, got ${q(__fixedExportMap__)}, for module ${q(moduleSpecifier)}`;
  }
  if (isPrimitive(__liveExportMap__)) {
    Fail`Property '__liveExportMap__' of a precompiled module source must be an object, got ${q(__liveExportMap__)}, for module ${q(moduleSpecifier)}`;
  }
};

const validateVirtualModuleSource = (moduleSource, moduleSpecifier) => {
  const { exports } = moduleSource;
  if (!isArray(exports)) {
    Fail`Invalid module source: 'exports' of a virtual module source must be an array, got ${q(exports)}, for module ${q(moduleSpecifier)}`;
  }
};

/**
 * The memoized instance of `moduleRecord` in its compartment; a new instance is
 * memoized before its dependencies are linked, so cycles close.
 */
const instantiate = (compartmentPrivateFields, moduleAliases, moduleRecord) => {
  const { compartment, moduleSpecifier, resolvedImports, moduleSource } = moduleRecord;
  const { instances } = weakmapGet(compartmentPrivateFields, compartment);
  if (mapHas(instances, moduleSpecifier)) {
    return mapGet(instances, moduleSpecifier);
  }

  validateModuleSource(moduleSource, moduleSpecifier);

  const importedInstances = new Map();
  let moduleInstance;
  if (mayBePrecompiledModuleSource(moduleSource)) {
    validatePrecompiledModuleSource(moduleSource, moduleSpecifier);
    moduleInstance = makeModuleInstance(
      compartmentPrivateFields,
      moduleAliases,
      moduleRecord,
      importedInstances,
    );
  } else if (mayBeVirtualModuleSource(moduleSource)) {
    validateVirtualModuleSource(moduleSource, moduleSpecifier);
    moduleInstance = makeVirtualModuleInstance(
      compartmentPrivateFields,
      moduleSource,
      compartment,
      moduleAliases,
      moduleSpecifier,
      resolvedImports,
    );
  } else {
    throw TypeError(`Invalid module source, got ${q(moduleSource)}`);
  }

  mapSet(instances, moduleSpecifier, moduleInstance);

  const importSpecifiers = keys(resolvedImports);
  for (let i = 0; i < importSpecifiers.length; i += 1) {
    mapSet(
      importedInstances,
      importSpecifiers[i],
      link(compartmentPrivateFields, moduleAliases, compartment, resolvedImports[importSpecifiers[i]]),
    );
  }
  return moduleInstance;
};

module.exports = freeze({ link, instantiate });
