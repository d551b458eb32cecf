'use strict';
// `__hardenTaming__: 'unsafe'` (any value other than 'safe') swaps harden for an
// identity function and makes the integrity predicates lie, so code that checks for
// frozenness keeps working while nothing is actually frozen.

const { Object, Reflect, freeze } = require('../commons.js');

const tameHarden = (safeHarden, hardenTaming) => {
  if (hardenTaming === 'safe') {
    return safeHarden;
  }
  Object.isExtensible = () => false;
  Object.isFrozen = () => true;
  Object.isSealed = () => true;
  Reflect.isExtensible = () => false;

  if (safeHarden.isFake) {
    return safeHarden;
  }
  const fakeHarden = (arg) => arg;
  fakeHarden.isFake = true;
  return freeze(fakeHarden);
};
freeze(tameHarden);

module.exports = { tameHarden };
