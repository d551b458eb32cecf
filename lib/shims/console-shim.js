'use strict';
// `ses/console-shim.js`: the privileged, experimental hook `@endo/ses-ava` uses to get a
// causal console that writes to its own logger. It reveals unredacted error details,
// so it belongs only on the start compartment's global, under a registered symbol.
// Callers should feature-test for it.

const { universalThis, symbolFor } = require('../commons.js');
const { defineCausalConsoleFromLogger } = require('../errors/console.js');
const { loggedErrorHandler } = require('../errors/assert.js');

const MAKE_CAUSAL_CONSOLE_FROM_LOGGER_KEY_FOR_SES_AVA = symbolFor(
  'MAKE_CAUSAL_CONSOLE_FROM_LOGGER_KEY_FOR_SES_AVA',
);

universalThis[MAKE_CAUSAL_CONSOLE_FROM_LOGGER_KEY_FOR_SES_AVA] =
  defineCausalConsoleFromLogger(loggedErrorHandler);
