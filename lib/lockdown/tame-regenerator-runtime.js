'use strict';
// Old regenerator-runtime assigns %IteratorPrototype%[@@iterator] directly, which
// throws once frozen. 'unsafe-ignore' makes that property an accessor whose setter
// ignores assignment on %IteratorPrototype% itself and overrides on inheritors.

const { Symbol, defineProperty, getPrototypeOf, hasOwn, iterateArray } =
  require('../commons.js');

const iteratorSymbol = Symbol.iterator;
// %ArrayIteratorPrototype% inherits from %IteratorPrototype%.
const iteratorPrototype = getPrototypeOf(getPrototypeOf(iterateArray([])));

const tameRegeneratorRuntime = () => {
  const original = iteratorPrototype[iteratorSymbol];
  defineProperty(iteratorPrototype, iteratorSymbol, {
    configurable: true,
    get() {
      return original;
    },
    set(value) {
      if (this === iteratorPrototype) {
        return;
      }
      if (hasOwn(this, iteratorSymbol)) {
        this[iteratorSymbol] = value;
      }
      defineProperty(this, iteratorSymbol, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    },
  });
};

module.exports = { tameRegeneratorRuntime };
