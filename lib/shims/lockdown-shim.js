'use strict';
// `ses/lockdown-shim.js`: installs `lockdown` and `repairIntrinsics` on the global, and
// applies the import-time repairs that must precede everything else.

const { Error, TypeError, freeze, getOwnPropertyDescriptor, universalThis } =
  require('../commons.js');

// SES relies on strict mode everywhere; a bundler that stripped 'use strict' would
// silently weaken it. A plain function called without a receiver sees the global
// object as `this` only in sloppy mode.
function receiverOfPlainCall() {
  return this;
}
if (receiverOfPlainCall()) {
  throw TypeError('SES failed to initialize, sloppy mode (SES_NO_SLOPPY)');
}

// V8 gives every error an own `stack` accessor. SES can handle that only when all
// errors share one getter and one setter; anything else is an environment it does not
// understand. A TypeError made by the engine itself is the reference; the global Error
// (which code running before us could have replaced) must agree with it.
{
  let engineError;
  try {
    null.probe;
  } catch (err) {
    engineError = err;
  }
  const engineDesc = getOwnPropertyDescriptor(engineError, 'stack');
  const globalDesc = getOwnPropertyDescriptor(Error('probe'), 'stack');
  if (engineDesc && engineDesc.get) {
    const shared =
      globalDesc &&
      typeof engineDesc.get === 'function' &&
      engineDesc.get === globalDesc.get &&
      typeof engineDesc.set === 'function' &&
      engineDesc.set === globalDesc.set;
    if (!shared) {
      throw TypeError(
        'Unexpected Error own stack accessor functions (SES_UNEXPECTED_ERROR_OWN_STACK_ACCESSOR)',
      );
    }
    // The shared pair is reachable from every error; ses freezes it right away.
    freeze(engineDesc.get);
    freeze(engineDesc.set);
  }
}

const { installImmutableArrayBuffer } = require('../lockdown/immutable-arraybuffer.js');

installImmutableArrayBuffer();

const { repairIntrinsics } = require('../lockdown/lockdown.js');

universalThis.lockdown = (options) => {
  const hardenIntrinsics = repairIntrinsics(options);
  universalThis.harden = hardenIntrinsics();
};

universalThis.repairIntrinsics = (options) => {
  const hardenIntrinsics = repairIntrinsics(options);
  // harden is revealed only once the intrinsics are hardened: hardening anything
  // earlier could freeze an intrinsic before it is repaired.
  universalThis.hardenIntrinsics = () => {
    universalThis.harden = hardenIntrinsics();
  };
};
