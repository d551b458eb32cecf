'use strict';
// Temporal, where the engine has it: %InitialTemporal% is the original namespace;
// %SharedTemporal% is a copy without `Now` (the clock and the host time zone). The
// permitted sub-namespaces and classes are reported as intrinsics too.

const {
  TypeError,
  arrayPush,
  create,
  freeze,
  fromEntries,
  getOwnPropertyDescriptors,
  getPrototypeOf,
  objectPrototype,
  ownKeys,
  universalThis,
} = require('../commons.js');

const Temporal = universalThis.Temporal;

const tameTemporalObject = () => {
  if (Temporal === undefined) {
    return {};
  }
  if (typeof Temporal !== 'object') {
    throw TypeError(`unexpected typeof Temporal: ${typeof Temporal}`);
  }
  if (getPrototypeOf(Temporal) !== objectPrototype) {
    throw TypeError(`unexpected Temporal __proto__: ${getPrototypeOf(Temporal)}`);
  }
  const { permitted } = require('./permits.js');
  const { Now: _omitted, ...rest } = getOwnPropertyDescriptors(Temporal);
  const sharedTemporal = create(objectPrototype, rest);

  const topPermits = permitted['%InitialTemporal%'];
  const found = [];
  for (const key of ownKeys(Temporal)) {
    const permitName = topPermits[key];
    if (typeof permitted[permitName] === 'object') {
      arrayPush(found, [permitName, Temporal[key]]);
    }
  }
  return {
    ...fromEntries(found),
    '%InitialTemporal%': Temporal,
    '%SharedTemporal%': sharedTemporal,
  };
};
freeze(tameTemporalObject);

module.exports = { tameTemporalObject, default: tameTemporalObject };
