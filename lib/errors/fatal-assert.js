'use strict';
// An `assert` whose failures end the unit of computation (here: the Node process)
// instead of throwing, for states that must not be continued from.

const { universalThis, freeze } = require('../commons.js');
const { makeAssert } = require('./assert.js');

const globalProcess = universalThis.process;
let abandon;
if (typeof globalProcess === 'object' && globalProcess) {
  abandon = globalProcess.abort || globalProcess.exit;
}

let raise;
if (typeof abandon === 'function') {
  raise = reason => {
    // Whatever console exists at the time of failure.
    const { console: currentConsole } = universalThis;
    if (typeof currentConsole === 'object' && typeof currentConsole.error === 'function') {
      currentConsole.error('Failed because:', reason);
    }
    abandon(1);
  };
}

const fatal = {};
if (raise) {
  fatal.assert = makeAssert(raise);
}
freeze(fatal);

module.exports = freeze({ fatal });
