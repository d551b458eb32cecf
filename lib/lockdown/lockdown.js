'use strict';
// lockdown = repairIntrinsics (tame, collect, prune, install the start globals) followed
// by hardenIntrinsics (enable overrides, then harden everything collected). Options come
// from the call, or else from LOCKDOWN_* environment variables, or else the defaults.

const {
  FERAL_EVAL,
  FERAL_FUNCTION,
  TypeError,
  arrayFilter,
  getOwnPropertyNames,
  getPrototypeOf,
  is,
  noEvalEvaluate,
  ownKeys,
  stringSplit,
  symbolFor,
  universalThis: globalThis,
} = require('../commons.js');

const { getEnvironmentOption: getenv } = require('./env-options.js');
const { installImmutableArrayBuffer } = require('./immutable-arraybuffer.js');
const { tameFunctionToString } = require('./tame-function-tostring.js');
const { tameDomains } = require('./tame-domains.js');
const { tameFunctionConstructors } = require('./tame-function-constructors.js');
const { tameDateConstructor } = require('./tame-date-constructor.js');
const { tameMathObject } = require('./tame-math-object.js');
const { tameTemporalObject } = require('./tame-temporal-object.js');
const { tameNaNSideChannel } = require('./tame-nan-sidechannel.js');
const { tameRegExpConstructor } = require('./tame-regexp-constructor.js');
const { tameSymbolConstructor } = require('./tame-symbol-constructor.js');
const { shimArrayBufferTransfer } = require('./shim-arraybuffer-transfer.js');
const { tameModuleSource } = require('./tame-module-source.js');
const { tameHarden } = require('./tame-harden.js');
const { tameLocaleMethods } = require('./tame-locale-methods.js');
const { tameFauxDataProperties } = require('./tame-faux-data-properties.js');
const { tameRegeneratorRuntime } = require('./tame-regenerator-runtime.js');
const { enablePropertyOverrides } = require('./enable-property-overrides.js');
const { chooseReporter, reportInGroup } = require('./reporting.js');

const { makeHardener } = require('../harden/make-hardener.js');
const { makeIntrinsicsCollector } = require('./intrinsics.js');
const { getAnonymousIntrinsics } = require('./get-anonymous-intrinsics.js');
const { removeUnpermittedIntrinsics } = require('./permits-intrinsics.js');
const { initialGlobalPropertyNames } = require('./permits.js');
const { tameErrorConstructor } = require('../errors/tame-error-constructor.js');
const { tameConsole } = require('../errors/tame-console.js');
const { assert, makeAssert } = require('../errors/assert.js');
const { makeCompartmentConstructor } = require('../compartment/compartment.js');
const {
  setGlobalObjectConstantProperties,
  setGlobalObjectMutableProperties,
  setGlobalObjectEvaluators,
} = require('../compartment/global-object.js');
const { makeSafeEvaluator } = require('../compartment/make-safe-evaluator.js');
const { assertTestRunnerPrepared } = require('../test-runners/detect.js');

const { Fail, details: X, quote: q } = assert;

installImmutableArrayBuffer();

// ---- module state ---------------------------------------------------------------------

let priorRepairIntrinsics;
let priorHardenIntrinsics;

// Made at import: a `harden` already on the global (a native one) is adopted.
const safeHarden = makeHardener();

// Whether the host's evaluators work, and whether `eval` is still the one that can be
// called directly (dynamically scoped).
const probeHostEvaluators = () => {
  let functionAllowed;
  try {
    functionAllowed = FERAL_FUNCTION('return true')();
  } catch (_) {
    functionAllowed = false;
  }
  let evalAllowed;
  try {
    evalAllowed = FERAL_EVAL('true');
  } catch (_) {
    evalAllowed = false;
  }
  let directEvalAllowed;
  if (functionAllowed && evalAllowed) {
    directEvalAllowed = FERAL_FUNCTION(
      'eval',
      'SES_changed',
      'eval("SES_changed = true");\nreturn SES_changed;\n',
    )(FERAL_EVAL, false);
    if (!directEvalAllowed) {
      // An indirect sloppy eval created a global; remove it.
      delete globalThis.SES_changed;
    }
  }
  return { functionAllowed, evalAllowed, directEvalAllowed };
};

// Signs that some other copy of SES already locked this realm down.
const seemsToBeLockedDown = () =>
  globalThis.Function.prototype.constructor !== globalThis.Function &&
  typeof globalThis.harden === 'function' &&
  typeof globalThis.lockdown === 'function' &&
  globalThis.Date.prototype.constructor !== globalThis.Date &&
  typeof globalThis.Date.now === 'function' &&
  is(globalThis.Date.prototype.constructor.now(), NaN);

const overrideDebugFromEnv = () =>
  arrayFilter(stringSplit(getenv('LOCKDOWN_OVERRIDE_DEBUG', ''), ','), (name) => name !== '');

const repairIntrinsics = (options = {}) => {
  const {
    errorTaming = getenv('LOCKDOWN_ERROR_TAMING', 'safe', ['unsafe', 'unsafe-debug']),
    errorTrapping = getenv('LOCKDOWN_ERROR_TRAPPING', 'platform', [
      'none',
      'report',
      'abort',
      'exit',
    ]),
    reporting = getenv('LOCKDOWN_REPORTING', 'platform', ['console', 'none']),
    unhandledRejectionTrapping = getenv('LOCKDOWN_UNHANDLED_REJECTION_TRAPPING', 'report', [
      'none',
    ]),
    regExpTaming = getenv('LOCKDOWN_REGEXP_TAMING', 'safe', ['unsafe']),
    localeTaming = getenv('LOCKDOWN_LOCALE_TAMING', 'safe', ['unsafe']),
    consoleTaming = getenv('LOCKDOWN_CONSOLE_TAMING', 'safe', ['unsafe']),
    overrideTaming = getenv('LOCKDOWN_OVERRIDE_TAMING', 'moderate', ['min', 'severe']),
    stackFiltering = getenv('LOCKDOWN_STACK_FILTERING', 'concise', [
      'omit-frames',
      'shorten-paths',
      'verbose',
    ]),
    domainTaming = getenv('LOCKDOWN_DOMAIN_TAMING', 'safe', ['unsafe']),
    evalTaming = getenv('LOCKDOWN_EVAL_TAMING', 'safe-eval', [
      'unsafe-eval',
      'no-eval',
      'safeEval',
      'unsafeEval',
      'noEval',
    ]),
    overrideDebug = overrideDebugFromEnv(),
    legacyRegeneratorRuntimeTaming = getenv('LOCKDOWN_LEGACY_REGENERATOR_RUNTIME_TAMING', 'safe', [
      'unsafe-ignore',
    ]),
    __hardenTaming__ = getenv('LOCKDOWN_HARDEN_TAMING', 'safe', ['unsafe']),
    dateTaming,
    mathTaming,
    ...extraOptions
  } = options;

  const extraNames = ownKeys(extraOptions);
  extraNames.length === 0 || Fail`lockdown(): non supported option ${q(extraNames)}`;
  // Inside a Jest or Vitest test realm that this package's runner adapter did not
  // prepare, fail now with the configuration line to add, before any state changes.
  assertTestRunnerPrepared(globalThis);

  const reporter = chooseReporter(reporting);
  const { warn } = reporter;
  if (dateTaming !== undefined) {
    warn(
      "SES The 'dateTaming' option is deprecated and does nothing. In the future specifying it will be an error.",
    );
  }
  if (mathTaming !== undefined) {
    warn(
      "SES The 'mathTaming' option is deprecated and does nothing. In the future specifying it will be an error.",
    );
  }

  // The prior call's error is a hidden detail, shown only by the causal console.
  priorRepairIntrinsics === undefined ||
    assert.fail(X`Already locked down at ${priorRepairIntrinsics} (SES_ALREADY_LOCKED_DOWN)`, TypeError);
  // From here on, whatever happens, this instance counts as locked down.
  priorRepairIntrinsics = TypeError('Prior lockdown (SES_ALREADY_LOCKED_DOWN)');
  // Materialize the stack now, releasing what the pending capture retains.
  priorRepairIntrinsics.stack;

  const { functionAllowed, evalAllowed, directEvalAllowed } = probeHostEvaluators();
  if (
    directEvalAllowed === false &&
    evalTaming === 'safe-eval' &&
    (functionAllowed || evalAllowed)
  ) {
    throw TypeError(
      "SES cannot initialize unless 'eval' is the original intrinsic 'eval', suitable for direct eval (dynamically scoped eval) (SES_DIRECT_EVAL)",
    );
  }

  if (seemsToBeLockedDown()) {
    throw TypeError('Already locked down but not by this SES instance (SES_MULTIPLE_INSTANCES)');
  }

  // 1. Tame the powers and gather the intrinsics.
  tameDomains(domainTaming);

  const markVirtualizedNativeFunction = tameFunctionToString();

  const { addIntrinsics, completePrototypes, finalIntrinsics } =
    makeIntrinsicsCollector(reporter);

  const tamedHarden = tameHarden(safeHarden, __hardenTaming__);
  addIntrinsics({ harden: tamedHarden });
  addIntrinsics(tameFunctionConstructors());
  addIntrinsics(tameDateConstructor());
  addIntrinsics(tameErrorConstructor(errorTaming, stackFiltering));
  addIntrinsics(tameMathObject());
  addIntrinsics(tameTemporalObject());
  tameNaNSideChannel();
  addIntrinsics(tameRegExpConstructor(regExpTaming));
  addIntrinsics(tameSymbolConstructor());
  addIntrinsics(shimArrayBufferTransfer());
  addIntrinsics(tameModuleSource());
  addIntrinsics(getAnonymousIntrinsics());
  completePrototypes();
  const intrinsics = finalIntrinsics();

  // Object[@harden]: a harden used before lockdown left its mark there.
  const hardenKey = symbolFor('harden');
  const priorHarden = intrinsics.Object[hardenKey];
  if (priorHarden) {
    if (priorHarden.lockdownError) {
      throw priorHarden.lockdownError;
    }
    throw TypeError(
      'Cannot lockdown (repairIntrinsics) if a prior harden implementation has been used and installed. Check for libraries using @endo/harden before lockdown.',
    );
  }
  intrinsics.Object[hardenKey] = tamedHarden;

  // Host objects that are not intrinsics but are commonly shared.
  const hostIntrinsics = { __proto__: null };
  if (typeof globalThis.Buffer === 'function') {
    hostIntrinsics.Buffer = globalThis.Buffer;
  }

  // The console is a host power of the start compartment, not an intrinsic.
  const optGetStackString =
    errorTaming === 'safe' ? intrinsics['%InitialGetStackString%'] : undefined;
  const consoleRecord = tameConsole(
    consoleTaming,
    errorTrapping,
    unhandledRejectionTrapping,
    optGetStackString,
  );
  globalThis.console = consoleRecord.console;

  // Node's console keeps a SafeMap (a primordials Map subclass) in `_times`; its
  // prototype is the only handle on that class.
  if (typeof consoleRecord.console._times === 'object') {
    hostIntrinsics.SafeMap = getPrototypeOf(consoleRecord.console._times);
  }

  // The import-time assert does not redact; lockdown swaps in one that does.
  if (errorTaming !== 'unsafe' && errorTaming !== 'unsafe-debug') {
    globalThis.assert = makeAssert();
  }

  tameLocaleMethods(intrinsics, localeTaming);
  tameFauxDataProperties(intrinsics);

  // 2. Remove what the permits do not allow; mark every function left as native.
  reportInGroup('SES Removing unpermitted intrinsics', reporter, (groupReporter) =>
    removeUnpermittedIntrinsics(intrinsics, markVirtualizedNativeFunction, groupReporter),
  );

  // The start compartment's global.
  setGlobalObjectConstantProperties(globalThis);
  setGlobalObjectMutableProperties(globalThis, {
    intrinsics,
    newGlobalPropertyNames: initialGlobalPropertyNames,
    makeCompartmentConstructor,
    markVirtualizedNativeFunction,
  });

  if (evalTaming === 'no-eval' || evalTaming === 'noEval') {
    setGlobalObjectEvaluators(globalThis, noEvalEvaluate, markVirtualizedNativeFunction);
  } else if (evalTaming === 'safe-eval' || evalTaming === 'safeEval') {
    const { safeEvaluate } = makeSafeEvaluator({ globalObject: globalThis });
    setGlobalObjectEvaluators(globalThis, safeEvaluate, markVirtualizedNativeFunction);
  }
  // 'unsafe-eval' (and any unknown value) leaves the start evaluators alone.

  // 3. Harden, once whatever runs between repair and harden has had its turn.
  const hardenIntrinsics = () => {
    priorHardenIntrinsics === undefined ||
      assert.fail(
        X`Already locked down at ${priorHardenIntrinsics} (SES_ALREADY_LOCKED_DOWN)`,
        TypeError,
      );
    priorHardenIntrinsics = TypeError('Prior lockdown (SES_ALREADY_LOCKED_DOWN)');
    priorHardenIntrinsics.stack;

    reportInGroup('SES Enabling property overrides', reporter, (groupReporter) =>
      enablePropertyOverrides(intrinsics, overrideTaming, groupReporter, overrideDebug),
    );
    if (legacyRegeneratorRuntimeTaming === 'unsafe-ignore') {
      tameRegeneratorRuntime();
    }

    const globals = {
      Function: globalThis.Function,
      eval: globalThis.eval,
      Compartment: globalThis.Compartment,
      Symbol: globalThis.Symbol,
    };
    for (const name of getOwnPropertyNames(initialGlobalPropertyNames)) {
      globals[name] = globalThis[name];
    }
    tamedHarden({ intrinsics, hostIntrinsics, globals });
    return tamedHarden;
  };

  return hardenIntrinsics;
};

module.exports = { repairIntrinsics };
