'use strict';
// A compartment's `Function` constructor. The parameters and the body are first checked
// separately with the engine's own Function constructor (compiled, never run), so that
// neither can close the other's syntax early, e.g. a parameter list like `a){}; (x`.
// The function is then built by evaluating a function expression in the compartment.

const {
  FERAL_FUNCTION,
  arrayJoin,
  arrayPop,
  create,
  defineProperty,
  freeze,
  getPrototypeOf,
} = require('../commons.js');
const { assert } = require('../errors/assert.js');

const { Fail } = assert;

// Every compartment's Function must share the one %FunctionPrototype%, so that
// `instanceof Function` agrees across compartments (and with the host's functions).
const sharedFunctionPrototype = FERAL_FUNCTION.prototype;
if (getPrototypeOf(FERAL_FUNCTION) !== sharedFunctionPrototype) {
  Fail`the Function constructor must inherit from Function.prototype`;
}

const prototypeDescriptor = freeze(
  create(null, {
    value: { value: sharedFunctionPrototype, enumerable: true },
    writable: { value: false, enumerable: true },
    enumerable: { value: false, enumerable: true },
    configurable: { value: false, enumerable: true },
  }),
);

const makeFunctionConstructor = evaluator => {
  // eslint-disable-next-line no-unused-vars
  const newFunction = function Function(_body) {
    const bodyText = `${arrayPop(arguments) || ''}`;
    const parameters = `${arrayJoin(arguments, ',')}`;

    // eslint-disable-next-line no-new
    new FERAL_FUNCTION(parameters, '');
    // eslint-disable-next-line no-new
    new FERAL_FUNCTION(bodyText);

    return evaluator(`(function anonymous(${parameters}\n) {\n${bodyText}\n})`);
  };
  defineProperty(newFunction, 'prototype', prototypeDescriptor);
  return newFunction;
};

module.exports = { makeFunctionConstructor };
