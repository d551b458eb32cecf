'use strict';
// Like the strict terminator, except that an assignment to an unknown name creates a
// property on the compartment's global object (the `sloppyGlobalsMode` of evaluate).

const { Proxy, create, freeze, getOwnPropertyDescriptors, reflectSet } = require('../commons.js');
const {
  strictScopeTerminatorHandler,
  alwaysThrowHandler,
} = require('./strict-scope-terminator.js');

const objTarget = freeze({ __proto__: null });

const createSloppyGlobalsScopeTerminator = globalObject => {
  const traps = {
    ...getOwnPropertyDescriptors(strictScopeTerminatorHandler),
    ...getOwnPropertyDescriptors({
      set(_shadow, prop, value) {
        return reflectSet(globalObject, prop, value);
      },
      has(_shadow, _prop) {
        return true;
      },
    }),
  };
  const handler = freeze(create(alwaysThrowHandler, traps));
  return new Proxy(objTarget, handler);
};
freeze(createSloppyGlobalsScopeTerminator);

module.exports = { createSloppyGlobalsScopeTerminator };
