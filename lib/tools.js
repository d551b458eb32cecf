'use strict';
// What `ses/tools.js` exports: `transforms` (the source checks and evasions) and
// `scopeTerminators` (the outermost scope proxies of the evaluators). Loading it
// installs nothing on any global.

const {
  TypeError,
  freeze,
  create,
  defineProperty,
  objectPrototype,
  stringIncludes,
} = require('./commons.js');
const { transforms } = require('./compartment/transforms.js');

// The scope terminators live in the compartment room. Should one of their files be
// missing (a partial checkout), `ses/tools.js` still loads and `transforms` works;
// reading a missing terminator throws instead of handing out a stand-in.
// (`missing` names the files whose absence is tolerated: the terminators require each
// other, so either one missing disables both.)
const requireIfPresent = (specifier, missing) => {
  try {
    // eslint-disable-next-line global-require, import/no-dynamic-require
    return require(specifier);
  } catch (error) {
    if (
      error &&
      error.code === 'MODULE_NOT_FOUND' &&
      typeof error.message === 'string' &&
      stringIncludes(error.message, missing)
    ) {
      return undefined;
    }
    throw error;
  }
};

const strictModule = requireIfPresent(
  './compartment/strict-scope-terminator.js',
  'scope-terminator.js',
);
const sloppyModule = requireIfPresent(
  './compartment/sloppy-globals-scope-terminator.js',
  'scope-terminator.js',
);

const notImplemented = name =>
  freeze({
    get() {
      throw TypeError(`ses/tools.js: scopeTerminators.${name} is not implemented yet`);
    },
    enumerable: true,
    configurable: false,
  });

const scopeTerminators = create(objectPrototype);
const provide = (name, module) => {
  if (module !== undefined && module[name] !== undefined) {
    defineProperty(scopeTerminators, name, {
      value: module[name],
      writable: false,
      enumerable: true,
      configurable: false,
    });
  } else {
    defineProperty(scopeTerminators, name, notImplemented(name));
  }
};
provide('strictScopeTerminator', strictModule);
provide('createSloppyGlobalsScopeTerminator', sloppyModule);
freeze(scopeTerminators);

module.exports = freeze({ transforms, scopeTerminators });
