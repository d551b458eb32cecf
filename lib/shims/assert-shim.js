'use strict';
// `ses/assert-shim.js`: the global `assert`, unredacted until lockdown swaps in a
// redacting one (unless errorTaming is unsafe). Plain assignment, as upstream, so the
// property is writable, enumerable and configurable.

const { universalThis } = require('../commons.js');
const { makeAssert } = require('../errors/assert.js');

universalThis.assert = makeAssert(undefined, true);
