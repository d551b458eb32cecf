'use strict';
// Function, GeneratorFunction, AsyncFunction and AsyncGeneratorFunction are reachable
// from syntax (`(function(){}).constructor`, ...), so replacing the globals is not
// enough: the `constructor` of each of their prototypes is replaced by an inert
// function that throws, keeping the prototype links between them.

const {
  FERAL_EVAL,
  FERAL_FUNCTION,
  SyntaxError,
  TypeError,
  defineProperties,
  freeze,
  getPrototypeOf,
  setPrototypeOf,
} = require('../commons.js');

const tameFunctionConstructors = () => {
  try {
    FERAL_FUNCTION.prototype.constructor('return 1');
  } catch (_) {
    // Already inert (a prior taming, or a host that forbids it): nothing to do.
    return freeze({});
  }

  const tamed = {};

  const repair = (name, intrinsicName, sample) => {
    let instance;
    try {
      instance = FERAL_EVAL(sample);
    } catch (err) {
      if (err instanceof SyntaxError) {
        // This kind of function does not exist on this engine.
        return;
      }
      throw err;
    }
    const prototype = getPrototypeOf(instance);
    const Inert = function () {
      throw TypeError('Function.prototype.constructor is not a valid constructor.');
    };
    defineProperties(Inert, {
      prototype: { value: prototype },
      name: { value: name, writable: false, enumerable: false, configurable: true },
    });
    defineProperties(prototype, { constructor: { value: Inert } });
    // %InertGeneratorFunction% and the others inherit from %InertFunction%, as the
    // originals inherit from Function.
    const inertFunction = FERAL_FUNCTION.prototype.constructor;
    if (Inert !== inertFunction) {
      setPrototypeOf(Inert, inertFunction);
    }
    tamed[intrinsicName] = Inert;
  };

  // Function first: the others link to its inert replacement.
  repair('Function', '%InertFunction%', '(function(){})');
  repair('GeneratorFunction', '%InertGeneratorFunction%', '(function*(){})');
  repair('AsyncFunction', '%InertAsyncFunction%', '(async function(){})');
  repair('AsyncGeneratorFunction', '%InertAsyncGeneratorFunction%', '(async function*(){})');

  return tamed;
};

module.exports = { tameFunctionConstructors, default: tameFunctionConstructors };
