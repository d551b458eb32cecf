'use strict';
// Replaces the start compartment's `Error` by %InitialError% and gives compartments
// %SharedError%. Both are thin wrappers that construct the real Error, so errors stay
// genuine (`instanceof`, brand checks) while the powerful statics differ:
// %InitialError% keeps a tamed `captureStackTrace`, `prepareStackTrace` and a working
// `stackTraceLimit`; %SharedError%'s are inert, so a compartment can neither read
// stacks of other code through call sites nor change global stack capture.

const {
  FERAL_ERROR,
  EvalError,
  RangeError,
  ReferenceError,
  SyntaxError,
  TypeError,
  URIError,
  AggregateError,
  apply,
  construct,
  defineProperties,
  defineProperty,
  freeze,
  getOwnPropertyDescriptor,
  getOwnPropertyDescriptors,
  setPrototypeOf,
} = require('../commons.js');
const { tameV8ErrorConstructor } = require('./tame-v8-error-constructor.js');

const NativeErrors = [EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError];
if (typeof AggregateError !== 'undefined') {
  NativeErrors[NativeErrors.length] = AggregateError;
}
freeze(NativeErrors);

// Engines that implement the error-stacks proposal (SpiderMonkey, XS) have a
// `stack` accessor on Error.prototype; it must be captured before taming replaces it.
const protoStackDesc = getOwnPropertyDescriptor(FERAL_ERROR.prototype, 'stack');
const protoStackGetter = protoStackDesc && protoStackDesc.get;

const fallbackMethods = {
  getStackString(error) {
    if (typeof protoStackGetter === 'function') {
      return apply(protoStackGetter, error, []);
    }
    if ('stack' in error) {
      return `${error.stack}`;
    }
    return '';
  },
};
let initialGetStackString = fallbackMethods.getStackString;

const stackOwnDataSetter = {
  set(newValue) {
    defineProperties(this, {
      stack: { value: newValue, writable: true, enumerable: true, configurable: true },
    });
  },
}.set;

/**
 * @param {'safe' | 'unsafe' | 'unsafe-debug'} [errorTaming]
 * @param {'concise' | 'omit-frames' | 'shorten-paths' | 'verbose'} [stackFiltering]
 */
function tameErrorConstructor(errorTaming = 'safe', stackFiltering = 'concise') {
  const ErrorPrototype = FERAL_ERROR.prototype;
  const { captureStackTrace: originalCaptureStackTrace } = FERAL_ERROR;
  const platform = typeof originalCaptureStackTrace === 'function' ? 'v8' : 'unknown';

  const makeErrorConstructor = () => {
    // Named `Error` so that it prints like the real one.
    const ResultError = function Error(...args) {
      let error;
      if (new.target === undefined) {
        // `this` is ignored by the real Error when called as a function; pass it along
        // anyway so the wrapper is transparent.
        error = apply(FERAL_ERROR, this, args);
      } else {
        error = construct(FERAL_ERROR, args, new.target);
      }
      if (platform === 'v8') {
        // Cut the wrapper itself off the captured stack.
        apply(originalCaptureStackTrace, FERAL_ERROR, [error, ResultError]);
      }
      return error;
    };
    defineProperties(ResultError, {
      length: { value: 1 },
      prototype: { value: ErrorPrototype, writable: false, enumerable: false, configurable: false },
    });
    return ResultError;
  };
  const InitialError = makeErrorConstructor();
  const SharedError = makeErrorConstructor();
  defineProperties(ErrorPrototype, { constructor: { value: SharedError } });
  for (let i = 0; i < NativeErrors.length; i += 1) {
    setPrototypeOf(NativeErrors[i], SharedError);
  }

  // Code everywhere assigns `Error.stackTraceLimit` unconditionally (V8's docs invite
  // it), so the property must accept assignment even once frozen: an accessor that
  // forwards numbers to the real one and ignores anything else.
  defineProperties(InitialError, {
    stackTraceLimit: {
      get() {
        return typeof FERAL_ERROR.stackTraceLimit === 'number'
          ? FERAL_ERROR.stackTraceLimit
          : undefined;
      },
      set(newLimit) {
        if (typeof newLimit !== 'number') return;
        if (typeof FERAL_ERROR.stackTraceLimit === 'number') {
          FERAL_ERROR.stackTraceLimit = newLimit;
        }
      },
      enumerable: false,
      configurable: true,
    },
  });

  if (errorTaming === 'unsafe-debug' && platform === 'v8') {
    // Debugging aid: V8's native stack machinery stays fully reachable, even from
    // compartments. Not safe, by design.
    defineProperties(InitialError, {
      prepareStackTrace: {
        get() {
          return FERAL_ERROR.prepareStackTrace;
        },
        set(newPrepareStackTrace) {
          FERAL_ERROR.prepareStackTrace = newPrepareStackTrace;
        },
        enumerable: false,
        configurable: true,
      },
      captureStackTrace: {
        value: FERAL_ERROR.captureStackTrace,
        writable: true,
        enumerable: false,
        configurable: true,
      },
    });
    const descs = getOwnPropertyDescriptors(InitialError);
    defineProperties(SharedError, {
      stackTraceLimit: descs.stackTraceLimit,
      prepareStackTrace: descs.prepareStackTrace,
      captureStackTrace: descs.captureStackTrace,
    });
    return {
      '%InitialGetStackString%': initialGetStackString,
      '%InitialError%': InitialError,
      '%SharedError%': SharedError,
    };
  }

  // Powerless on every platform: reads give nothing, writes are accepted and dropped.
  defineProperties(SharedError, {
    stackTraceLimit: {
      get() {
        return undefined;
      },
      set(_newLimit) {},
      enumerable: false,
      configurable: true,
    },
  });

  if (platform === 'v8') {
    // Libraries such as `depd` assign `Error.prepareStackTrace` and may call what they
    // read back, expecting a string; give them an inert function and ignore writes.
    defineProperties(SharedError, {
      prepareStackTrace: {
        get() {
          return () => '';
        },
        set(_prepareFn) {},
        enumerable: false,
        configurable: true,
      },
      captureStackTrace: {
        value: (errorish, _constructorOpt) => {
          defineProperty(errorish, 'stack', { value: '' });
        },
        writable: false,
        enumerable: false,
        configurable: true,
      },
    });
    initialGetStackString = tameV8ErrorConstructor(
      FERAL_ERROR,
      InitialError,
      errorTaming,
      stackFiltering,
    );
  } else if (errorTaming === 'unsafe' || errorTaming === 'unsafe-debug') {
    // Error-stacks proposal shape: `stack` through the privileged getter. (Not on V8,
    // whose own-property stack magic does not coexist with a prototype accessor.)
    defineProperties(ErrorPrototype, {
      stack: {
        get() {
          return initialGetStackString(this);
        },
        set: stackOwnDataSetter,
      },
    });
  } else {
    // Safe elsewhere: only the stable `Name: message` part is shown.
    defineProperties(ErrorPrototype, {
      stack: {
        get() {
          return `${this}`;
        },
        set: stackOwnDataSetter,
      },
    });
  }

  return {
    '%InitialGetStackString%': initialGetStackString,
    '%InitialError%': InitialError,
    '%SharedError%': SharedError,
  };
}

module.exports = tameErrorConstructor;
module.exports.default = tameErrorConstructor;
module.exports.tameErrorConstructor = tameErrorConstructor;
module.exports.NativeErrors = NativeErrors;
freeze(module.exports);
