'use strict';
// Where lockdown's warnings and errors go. 'platform' on Node sends everything to
// stderr through console.error (a group is shown by indenting its members), 'console'
// uses the console's own levels and groups, 'none' drops everything.

const { universalThis, freeze } = require('../commons.js');
const { assert } = require('../errors/assert.js');

// Always the console installed at the time of the call, since lockdown replaces it.
const currentConsole = () => universalThis.console;
const consoleReporter = {
  warn(...args) {
    currentConsole().warn(...args);
  },
  error(...args) {
    currentConsole().error(...args);
  },
};
if (currentConsole() && currentConsole().groupCollapsed) {
  consoleReporter.groupCollapsed = (...args) => {
    currentConsole().groupCollapsed(...args);
  };
}
if (currentConsole() && currentConsole().groupEnd) {
  consoleReporter.groupEnd = () => {
    currentConsole().groupEnd();
  };
}
freeze(consoleReporter);

// A reporter that prints every level through one function; members of a group are
// prefixed by one space (console.error adds the separating space itself).
const makeReportPrinter = (print) => {
  let inGroup = false;
  const emit = (args) => {
    if (inGroup) {
      print(' ', ...args);
    } else {
      print(...args);
    }
  };
  return {
    warn(...args) {
      emit(args);
    },
    error(...args) {
      emit(args);
    },
    groupCollapsed(...args) {
      assert(!inGroup);
      print(...args);
      inGroup = true;
    },
    groupEnd() {
      inGroup = false;
    },
  };
};

const mute = () => {};

const chooseReporter = (reporting) => {
  if (reporting === 'none') {
    return makeReportPrinter(mute);
  }
  if (universalThis.console !== undefined) {
    if (
      reporting === 'console' ||
      universalThis.window === universalThis ||
      universalThis.importScripts !== undefined
    ) {
      return consoleReporter;
    }
    assert(reporting === 'platform');
    return makeReportPrinter(consoleReporter.error);
  }
  if (universalThis.print !== undefined) {
    return makeReportPrinter(universalThis.print);
  }
  return makeReportPrinter(mute);
};

// Runs `callback` with a reporter that opens the group lazily, on the first message,
// and always closes it.
const reportInGroup = (groupLabel, reporter, callback) => {
  const { warn, error, groupCollapsed, groupEnd } = reporter;
  const grouping = groupCollapsed && groupEnd;
  let opened = false;
  const open = () => {
    if (grouping && !opened) {
      groupCollapsed(groupLabel);
      opened = true;
    }
  };
  try {
    return callback({
      warn(...args) {
        open();
        warn(...args);
      },
      error(...args) {
        open();
        error(...args);
      },
    });
  } finally {
    if (grouping && opened) {
      groupEnd();
      opened = false;
    }
  }
};

module.exports = freeze({ chooseReporter, reportInGroup, makeReportPrinter });
