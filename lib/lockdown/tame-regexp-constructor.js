'use strict';
// Two RegExp constructors sharing RegExp.prototype, neither carrying the legacy static
// properties ($1..$9, input, lastMatch, ...) that leak the last match across code.

const { RegExp, Symbol, TypeError, construct, defineProperties, getOwnPropertyDescriptor } =
  require('../commons.js');

const speciesSymbol = Symbol.species;

const tameRegExpConstructor = (regExpTaming = 'safe') => {
  const FeralRegExp = RegExp;
  const RegExpPrototype = FeralRegExp.prototype;

  const makeRegExpConstructor = () => {
    const ResultRegExp = function RegExp(...args) {
      if (new.target === undefined) {
        return FeralRegExp(...args);
      }
      return construct(FeralRegExp, args, new.target);
    };
    defineProperties(ResultRegExp, {
      length: { value: 2 },
      prototype: { value: RegExpPrototype, writable: false, enumerable: false, configurable: false },
    });
    if (speciesSymbol) {
      const speciesDesc = getOwnPropertyDescriptor(FeralRegExp, speciesSymbol);
      if (!speciesDesc) {
        throw TypeError('no RegExp[Symbol.species] descriptor');
      }
      defineProperties(ResultRegExp, { [speciesSymbol]: speciesDesc });
    }
    return ResultRegExp;
  };

  const InitialRegExp = makeRegExpConstructor();
  const SharedRegExp = makeRegExpConstructor();

  if (regExpTaming !== 'unsafe') {
    delete RegExpPrototype.compile;
  }
  defineProperties(RegExpPrototype, { constructor: { value: SharedRegExp } });

  return { '%InitialRegExp%': InitialRegExp, '%SharedRegExp%': SharedRegExp };
};

module.exports = { tameRegExpConstructor, default: tameRegExpConstructor };
