'use strict';
// Installs the causal console (unless `consoleTaming: 'unsafe'`) and the host traps that
// route uncaught exceptions and unhandled rejections through it, so that the hidden
// diagnostics of an error that reaches the top of a turn are shown. The console is a
// host power of the start compartment, not an intrinsic: it is never put in the permits.

const {
  universalThis,
  TypeError,
  apply,
  defineProperty,
  freeze,
} = require('../commons.js');
const { loggedErrorHandler: defaultHandler } = require('./assert.js');
const { makeCausalConsole } = require('./console.js');
const { makeRejectionHandlers } = require('./unhandled-rejection.js');

// TypeError rather than Error: the start compartment's Error may be mid-taming here.
const failFast = message => {
  throw TypeError(message);
};

const wrapLogger = (logger, thisArg) => freeze((...args) => apply(logger, thisArg, args));

/**
 * @param {'safe' | 'unsafe'} [consoleTaming]
 * @param {'platform' | 'exit' | 'abort' | 'report' | 'none'} [errorTrapping]
 * @param {'report' | 'none'} [unhandledRejectionTrapping]
 * @param {(error: Error) => string} [optGetStackString]
 */
const tameConsole = (
  consoleTaming = 'safe',
  errorTrapping = 'platform',
  unhandledRejectionTrapping = 'report',
  optGetStackString = undefined,
) => {
  const loggedErrorHandler =
    optGetStackString === undefined
      ? defaultHandler
      : { ...defaultHandler, getStackString: optGetStackString };

  let originalConsole;
  if (typeof universalThis.console !== 'undefined') {
    originalConsole = universalThis.console;
  } else if (typeof universalThis.print === 'function') {
    // eshost-style hosts: a single `print` serves every level.
    const p = wrapLogger(universalThis.print);
    originalConsole = freeze({ debug: p, log: p, info: p, warn: p, error: p });
  }

  // Some shells only have `console.log`.
  if (originalConsole && originalConsole.log) {
    for (const methodName of ['warn', 'error']) {
      if (!originalConsole[methodName]) {
        defineProperty(originalConsole, methodName, {
          value: wrapLogger(originalConsole.log, originalConsole),
        });
      }
    }
  }

  const ourConsole =
    consoleTaming === 'unsafe'
      ? originalConsole
      : makeCausalConsole(originalConsole, loggedErrorHandler);

  // `process` and `window` are read as properties of the global so that bundlers do not
  // inject a (sloppy-mode) `process` polyfill.
  const globalProcess = universalThis.process || undefined;
  const processCanListen =
    typeof globalProcess === 'object' && typeof globalProcess.on === 'function';

  if (errorTrapping !== 'none' && processCanListen) {
    let terminate;
    if (errorTrapping === 'platform' || errorTrapping === 'exit') {
      const { exit } = globalProcess;
      typeof exit === 'function' || failFast('missing process.exit');
      terminate = () => exit(globalProcess.exitCode || -1);
    } else if (errorTrapping === 'abort') {
      terminate = globalProcess.abort;
      typeof terminate === 'function' || failFast('missing process.abort');
    }
    globalProcess.on('uncaughtException', error => {
      ourConsole.error('SES_UNCAUGHT_EXCEPTION:', error);
      if (terminate) terminate();
    });
  }

  if (unhandledRejectionTrapping !== 'none' && processCanListen) {
    const handlers = makeRejectionHandlers(reason => {
      ourConsole.error('SES_UNHANDLED_REJECTION:', reason);
    });
    if (handlers) {
      globalProcess.on('unhandledRejection', handlers.unhandledRejectionHandler);
      globalProcess.on('rejectionHandled', handlers.rejectionHandledHandler);
      globalProcess.on('exit', handlers.processTerminationHandler);
    }
  }

  const globalWindow = universalThis.window || undefined;
  const windowCanListen =
    typeof globalWindow === 'object' && typeof globalWindow.addEventListener === 'function';

  if (errorTrapping !== 'none' && windowCanListen) {
    globalWindow.addEventListener('error', event => {
      event.preventDefault();
      ourConsole.error('SES_UNCAUGHT_EXCEPTION:', event.error);
      if (errorTrapping === 'exit' || errorTrapping === 'abort') {
        globalWindow.location.href = 'about:blank';
      }
    });
  }

  if (unhandledRejectionTrapping !== 'none' && windowCanListen) {
    const handlers = makeRejectionHandlers(reason => {
      ourConsole.error('SES_UNHANDLED_REJECTION:', reason);
    });
    if (handlers) {
      globalWindow.addEventListener('unhandledrejection', event => {
        event.preventDefault();
        handlers.unhandledRejectionHandler(event.reason, event.promise);
      });
      globalWindow.addEventListener('rejectionhandled', event => {
        event.preventDefault();
        handlers.rejectionHandledHandler(event.promise);
      });
      globalWindow.addEventListener('beforeunload', _event => {
        handlers.processTerminationHandler();
      });
    }
  }

  return { console: ourConsole };
};

module.exports = freeze({ tameConsole });
