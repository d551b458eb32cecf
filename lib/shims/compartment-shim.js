'use strict';
// Installs `globalThis.Compartment` at import time, built from the current globals, which
// are still the host's own, untamed ones (compartments made before lockdown keep them).
// `Function.prototype.toString` is replaced first, so that the functions we mark as
// native print as such from the start.

const { universalThis } = require('../commons.js');
const { makeCompartmentConstructor } = require('../compartment/compartment.js');
const { tameFunctionToString } = require('../lockdown/tame-function-tostring.js');
const { getGlobalIntrinsics } = require('../lockdown/intrinsics.js');
const { chooseReporter } = require('../lockdown/reporting.js');

const markVirtualizedNativeFunction = tameFunctionToString();

universalThis.Compartment = makeCompartmentConstructor(
  makeCompartmentConstructor,
  getGlobalIntrinsics(universalThis, chooseReporter('none')),
  markVirtualizedNativeFunction,
  { enforceNew: true },
);
