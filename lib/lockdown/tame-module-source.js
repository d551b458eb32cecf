'use strict';
// When a global ModuleSource exists (e.g. installed by a module-source shim), give it
// the AbstractModuleSource layer the permits expect, for the constructor and its
// prototype alike, and report the pieces as intrinsics.

const { functionPrototype, getPrototypeOf, objectPrototype, setPrototypeOf, universalThis } =
  require('../commons.js');

const tameModuleSource = () => {
  const found = {};
  const { ModuleSource } = universalThis;
  if (ModuleSource === undefined) {
    return found;
  }
  found.ModuleSource = ModuleSource;

  // A no-op base, safe for `super()`.
  function AbstractModuleSource() {}

  const parent = getPrototypeOf(ModuleSource);
  if (parent === functionPrototype) {
    setPrototypeOf(ModuleSource, AbstractModuleSource);
    found['%AbstractModuleSource%'] = AbstractModuleSource;
    found['%AbstractModuleSourcePrototype%'] = AbstractModuleSource.prototype;
  } else {
    found['%AbstractModuleSource%'] = parent;
    found['%AbstractModuleSourcePrototype%'] = parent.prototype;
  }

  const proto = ModuleSource.prototype;
  if (proto !== undefined) {
    found['%ModuleSourcePrototype%'] = proto;
    if (getPrototypeOf(proto) === objectPrototype) {
      setPrototypeOf(proto, AbstractModuleSource.prototype);
    }
  }
  return found;
};

module.exports = { tameModuleSource };
