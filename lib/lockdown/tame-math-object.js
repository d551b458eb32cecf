'use strict';
// %InitialMath% is the original Math; %SharedMath% is a copy whose `random` throws,
// so that constructed compartments have no ambient source of nondeterminism.

const { Math, TypeError, create, getOwnPropertyDescriptors, objectPrototype } =
  require('../commons.js');

const tameMathObject = () => {
  const { random: _omitted, ...rest } = getOwnPropertyDescriptors(Math);
  const { random } = {
    random() {
      throw TypeError('secure mode %SharedMath%.random() throws');
    },
  };
  const sharedMath = create(objectPrototype, {
    ...rest,
    random: { value: random, writable: true, enumerable: false, configurable: true },
  });
  return { '%InitialMath%': Math, '%SharedMath%': sharedMath };
};

module.exports = { tameMathObject, default: tameMathObject };
