'use strict';
// %SharedSymbol%: the original Symbol bound to `undefined` (so it has no [[Construct]]
// and prints as native), carrying copies of Symbol's own properties, made configurable
// for now so the permits pass can prune them; hardening makes them fixed again. The
// start global keeps the original Symbol; Symbol.prototype.constructor becomes the copy.

const {
  Symbol,
  arrayMap,
  defineProperties,
  entries,
  fromEntries,
  functionBind,
  getOwnPropertyDescriptors,
} = require('../commons.js');

const tameSymbolConstructor = () => {
  const SharedSymbol = functionBind(Symbol, undefined);
  defineProperties(Symbol.prototype, { constructor: { value: SharedSymbol } });
  const copied = fromEntries(
    arrayMap(entries(getOwnPropertyDescriptors(Symbol)), ([key, desc]) => [
      key,
      { ...desc, configurable: true },
    ]),
  );
  defineProperties(SharedSymbol, copied);
  return { '%SharedSymbol%': SharedSymbol };
};

module.exports = { tameSymbolConstructor };
