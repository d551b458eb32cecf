'use strict';
// The outermost `with` object of every evaluator. It claims to have every name, so that
// a free variable in guest code never falls through to the host's real global scope
// (where V8 would resolve it against the start globalThis). Reads of unknown names give
// undefined; writes to them throw the ReferenceError strict code would throw.
// Any other trap means the engine asked something we did not plan for: refuse loudly.

const {
  Proxy,
  String,
  ReferenceError,
  create,
  freeze,
  getOwnPropertyDescriptors,
} = require('../commons.js');
const { assert, q } = require('../errors/assert.js');

const { Fail } = assert;

const objTarget = freeze({ __proto__: null });

// A handler whose every trap lookup throws: used as the prototype of the real handlers,
// so a trap they do not define is never silently forwarded to the target.
const alwaysThrowHandler = new Proxy(
  objTarget,
  freeze({
    get(_shadow, prop) {
      Fail`Please report unexpected scope handler trap: ${q(String(prop))}`;
    },
  }),
);

const strictTraps = {
  get(_shadow, _prop) {
    return undefined;
  },
  set(_shadow, prop, _value) {
    throw ReferenceError(`${String(prop)} is not defined`);
  },
  has(_shadow, _prop) {
    return true;
  },
  getPrototypeOf(_shadow) {
    return null;
  },
  getOwnPropertyDescriptor(_shadow, _prop) {
    // Reached only through unusual engine paths; the name is not there.
    return undefined;
  },
  ownKeys(_shadow) {
    return [];
  },
};

const strictScopeTerminatorHandler = freeze(
  create(alwaysThrowHandler, getOwnPropertyDescriptors(strictTraps)),
);

const strictScopeTerminator = new Proxy(objTarget, strictScopeTerminatorHandler);

module.exports = {
  alwaysThrowHandler,
  strictScopeTerminatorHandler,
  strictScopeTerminator,
};
