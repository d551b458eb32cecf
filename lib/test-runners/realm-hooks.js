'use strict';
// The part of the test-runner adapters that lives in the test realm: it stands between a
// test's `lockdown()` (or `repairIntrinsics()` / `hardenIntrinsics()`) and the real one,
// and adjusts the *start compartment of the test worker* so that the runner keeps working
// after lockdown. Nothing here changes what a Compartment gets.
//
// This file must not `require` anything: the Jest environment evaluates its text inside
// the test file's vm context (so that every function and object it makes belongs to the
// test realm, and hardening them never reaches the runner's realm), while the Vitest setup
// file simply requires it in the realm it runs in. Everything it uses is captured below,
// when it is evaluated, before any test code has run.
//
// At once (Jest, Vitest vm pools): the ArrayBuffer and Uint8Array that the runner copies
// into the test realm from its own are replaced by the test realm's own, since `ses`
// captures intrinsics when it is loaded and lockdown refuses intrinsics of another realm;
// TextEncoder and TextDecoder, which a vm context lacks, become test-realm classes over the
// runner's.
//
// What it does around lockdown, and why (the README section "Testing with Jest / Vitest"
// lists the same points for users):
//   before repair  - a runner-made `process.domain` accessor (Jest's copy of `process`
//                    forwards to the real one) becomes `null` when the real process has no
//                    domains; host objects from the runner's realm that lockdown would harden
//                    (Jest: Buffer, and the console with its SafeMap) are taken off the
//                    global for the duration, so hardening never walks into the runner's
//                    realm; they stay unhardened.
//   options        - defaults suited to a test worker: consoleTaming 'unsafe' (the runner's
//                    own console stays, spyable and captured), errorTrapping 'none' and
//                    unhandledRejectionTrapping 'none' (the runner reports uncaught errors
//                    and rejections itself). Explicit options and LOCKDOWN_* variables win.
//   repair->harden - the start compartment's `Date.now`, `Date.parse` and `Date.UTC` become
//                    override-enabled accessors, so fake timers can assign them on their
//                    `Date` subclass (the override mistake otherwise).
//   after harden   - the runner's host objects go back on the global; `error.stack` is
//                    rendered by the runner's own formatter (source maps, every frame),
//                    except for errors whose stack passes through code evaluated by a SES
//                    evaluator (a Compartment, or the tamed `eval`/`Function`): those keep
//                    the empty stack that lockdown gives by default. Where the runner put
//                    its own realm's host objects in the test realm, the start global's
//                    `harden` refuses values of that realm (it would freeze the runner).
//   repeated call  - a second lockdown in the same realm with the same options (Vitest
//                    `isolate: false` runs setup files once per test file in one realm)
//                    returns without doing anything.

const RealmObject = Object;
const RealmTypeError = TypeError;
const RealmString = String;
const RealmSymbol = Symbol;
const RealmJSON = JSON;
const RealmReflect = Reflect;
const RealmWeakSet = WeakSet;
const {
  defineProperty,
  getOwnPropertyDescriptor,
  getPrototypeOf,
  freeze,
  keys: objectKeys,
  prototype: realmObjectPrototype,
} = RealmObject;
const { apply, ownKeys } = RealmReflect;
const realmGlobal = globalThis;
const jsonStringify = RealmJSON.stringify;
const arrayPush = (array, value) => {
  array[array.length] = value;
};

// The registered symbol under which the adapter records its state on the start global.
// Registered, so that a second copy of this file (Vitest re-runs setup files) finds it.
const STATE_KEY = RealmSymbol.for('ses.test-runner.state');

const isObjectLike = value =>
  value !== null && (typeof value === 'object' || typeof value === 'function');

// Whether `value` was made in another realm: its prototype chain ends at an
// `Object.prototype` that is not ours. (Null-prototype objects count as ours.)
const isForeign = value => {
  if (!isObjectLike(value)) {
    return false;
  }
  let last = value;
  for (let depth = 0; depth < 1000; depth += 1) {
    let proto;
    try {
      proto = getPrototypeOf(last);
    } catch (_) {
      return false;
    }
    if (proto === null) {
      return last !== realmObjectPrototype && last !== value;
    }
    last = proto;
  }
  return false;
};

// V8's own rendering of a stack, for when the runner installed no formatter.
const renderDefault = (error, callSites) => {
  let header;
  try {
    header = RealmString(error);
  } catch (_) {
    header = 'Error';
  }
  let text = header;
  for (let i = 0; i < callSites.length; i += 1) {
    text += `\n    at ${callSites[i]}`;
  }
  return text;
};

// Each default gives way to the option passed to lockdown and to its LOCKDOWN_* variable.
const optionDefaults = freeze({
  consoleTaming: ['unsafe', 'LOCKDOWN_CONSOLE_TAMING'],
  errorTrapping: ['none', 'LOCKDOWN_ERROR_TRAPPING'],
  unhandledRejectionTrapping: ['none', 'LOCKDOWN_UNHANDLED_REJECTION_TRAPPING'],
});

const readEnvironmentVariable = name => {
  try {
    const proc = realmGlobal.process;
    const env = isObjectLike(proc) ? proc.env : undefined;
    const value = isObjectLike(env) ? env[name] : undefined;
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch (_) {
    return undefined;
  }
};

// Errors thrown by the runner realm's encoders, remade as errors of this realm.
const RealmRangeError = RangeError;
const rethrowHere = error => {
  const message = isObjectLike(error) ? RealmString(error.message) : RealmString(error);
  const made =
    isObjectLike(error) && error.name === 'RangeError'
      ? RealmRangeError(message)
      : RealmTypeError(message);
  if (isObjectLike(error) && error.code !== undefined) {
    defineProperty(made, 'code', { value: error.code, writable: true, configurable: true });
  }
  throw made;
};

/**
 * Test-realm TextEncoder / TextDecoder over the runner realm's ones.
 */
const makeTestRealmEncoding = (HostTextEncoder, HostTextDecoder, OwnUint8Array) => {
  const made = {};
  if (typeof HostTextEncoder === 'function' && isForeign(HostTextEncoder)) {
    const encoders = new WeakMap();
    const encoderOf = self => {
      const encoder = encoders.get(self);
      if (encoder === undefined) {
        throw RealmTypeError('Receiver is not a TextEncoder');
      }
      return encoder;
    };
    class TextEncoder {
      constructor() {
        encoders.set(this, new HostTextEncoder());
      }

      get encoding() {
        return encoderOf(this).encoding;
      }

      encode(input = '') {
        let bytes;
        try {
          bytes = encoderOf(this).encode(input);
        } catch (error) {
          rethrowHere(error);
        }
        return new OwnUint8Array(bytes);
      }

      encodeInto(source, destination) {
        let result;
        try {
          result = encoderOf(this).encodeInto(source, destination);
        } catch (error) {
          rethrowHere(error);
        }
        return { read: result.read, written: result.written };
      }
    }
    defineProperty(TextEncoder.prototype, RealmSymbol.toStringTag, {
      value: 'TextEncoder',
      writable: false,
      enumerable: false,
      configurable: true,
    });
    made.TextEncoder = TextEncoder;
  }
  if (typeof HostTextDecoder === 'function' && isForeign(HostTextDecoder)) {
    const decoders = new WeakMap();
    const decoderOf = self => {
      const decoder = decoders.get(self);
      if (decoder === undefined) {
        throw RealmTypeError('Receiver is not a TextDecoder');
      }
      return decoder;
    };
    class TextDecoder {
      constructor(label = 'utf-8', options = undefined) {
        const hostOptions = isObjectLike(options)
          ? { fatal: !!options.fatal, ignoreBOM: !!options.ignoreBOM }
          : {};
        let decoder;
        try {
          decoder = new HostTextDecoder(label, hostOptions);
        } catch (error) {
          rethrowHere(error);
        }
        decoders.set(this, decoder);
      }

      get encoding() {
        return decoderOf(this).encoding;
      }

      get fatal() {
        return decoderOf(this).fatal;
      }

      get ignoreBOM() {
        return decoderOf(this).ignoreBOM;
      }

      decode(input = undefined, options = undefined) {
        const hostOptions = isObjectLike(options) ? { stream: !!options.stream } : {};
        try {
          return decoderOf(this).decode(input, hostOptions);
        } catch (error) {
          return rethrowHere(error);
        }
      }
    }
    defineProperty(TextDecoder.prototype, RealmSymbol.toStringTag, {
      value: 'TextDecoder',
      writable: false,
      enumerable: false,
      configurable: true,
    });
    made.TextDecoder = TextDecoder;
  }
  return made;
};

const HOST_GLOBALS_LOCKDOWN_HARDENS = freeze(['Buffer', 'TextEncoder', 'TextDecoder']);

const OVERRIDABLE_DATE_STATICS = freeze(['now', 'parse', 'UTC']);

/**
 * @param {object} host
 * @param {string} host.runner               'jest' or 'vitest', for messages
 * @param {object} [host.ownIntrinsics]      the test realm's own ArrayBuffer / Uint8Array,
 *                                           when the runner replaced them on the global
 * @param {object} [host.realProcess]        the worker's real `process`, when the global's
 *                                           is a runner-made copy
 * @param {() => Function|undefined} [host.runnerPrepareStackTrace]
 *                                           the runner's stack formatter, read when a stack
 *                                           is rendered (Jest keeps it in its own realm)
 */
const installTestRunnerHooks = (host = {}) => {
  const global = realmGlobal;
  const existing = getOwnPropertyDescriptor(global, STATE_KEY);
  if (existing !== undefined) {
    // A second copy of this file in the same realm: the first one is in place.
    return existing.value;
  }

  const state = {
    runner: host.runner,
    lockedDownWith: undefined,
    realLockdown: undefined,
    realRepairIntrinsics: undefined,
    realHardenIntrinsics: undefined,
    pendingRestore: undefined,
  };
  defineProperty(global, STATE_KEY, {
    value: freeze({
      runner: host.runner,
      get lockedDown() {
        return state.lockedDownWith !== undefined;
      },
    }),
    writable: false,
    enumerable: false,
    configurable: false,
  });

  // Intrinsics the runner brought from its own realm (Jest's ArrayBuffer, Uint8Array)
  // are replaced by the test realm's own at once: `ses` captures intrinsics when it is
  // first loaded, which is before lockdown.
  const own = host.ownIntrinsics;
  if (own) {
    for (const name of objectKeys(own)) {
      if (global[name] !== own[name]) {
        defineProperty(global, name, {
          value: own[name],
          writable: true,
          enumerable: false,
          configurable: true,
        });
      }
    }
  }

  // The runner's TextEncoder and TextDecoder (a vm context has none of its own) are
  // replaced by test-realm classes that delegate to them, copying bytes into the test
  // realm: lockdown then adopts these as the realm's intrinsics (compartments get them),
  // and what `encode` returns belongs to the test realm.
  if (own && typeof own.Uint8Array === 'function') {
    const encodingClasses = makeTestRealmEncoding(global.TextEncoder, global.TextDecoder, own.Uint8Array);
    for (const name of objectKeys(encodingClasses)) {
      defineProperty(global, name, {
        value: encodingClasses[name],
        writable: true,
        enumerable: false,
        configurable: true,
      });
    }
  }

  const priorPrepareStackTrace = () =>
    typeof host.runnerPrepareStackTrace === 'function'
      ? host.runnerPrepareStackTrace()
      : undefined;

  // ---- before repairIntrinsics --------------------------------------------------------

  const prepareRealm = () => {
    const restore = [];

    // Jest's `process` is a copy whose `domain` is a getter forwarding to the real one.
    const proc = global.process;
    if (isObjectLike(proc)) {
      const desc = getOwnPropertyDescriptor(proc, 'domain');
      const real = host.realProcess;
      if (desc !== undefined && desc.get !== undefined && desc.configurable && real) {
        const realDesc = getOwnPropertyDescriptor(real, 'domain');
        const realHasDomains = realDesc !== undefined && realDesc.get !== undefined;
        if (!realHasDomains && real.domain == null) {
          defineProperty(proc, 'domain', {
            value: null,
            writable: true,
            enumerable: desc.enumerable,
            configurable: true,
          });
        }
      }
    }

    // Host objects from the runner's realm that lockdown would harden.
    const hideWhileHardening = (name, standIn) => {
      const desc = getOwnPropertyDescriptor(global, name);
      if (desc === undefined || !desc.configurable) {
        return;
      }
      // In a realm the runner filled (Jest, Vitest vm pools), an accessor here is the
      // runner's lazy copy of a host global of its own realm; it is not called.
      if ('value' in desc ? !isForeign(desc.value) : !own) {
        return;
      }
      defineProperty(global, name, {
        value: standIn,
        writable: true,
        enumerable: desc.enumerable,
        configurable: true,
      });
      arrayPush(restore, { name, desc, standIn });
    };
    // Jest marks the objects it must not clean up at teardown with a registered-symbol
    // property, to a depth of two from the global, intrinsics included; lockdown would
    // remove each marker from an intrinsic with a warning. The markers matter only on
    // the global itself, so the ones below it are taken off quietly.
    const marker = RealmSymbol.for('$$jest-protect-from-deletion');
    const unmark = (value, depth) => {
      if (!isObjectLike(value) || value === global || isForeign(value)) {
        return;
      }
      const desc = getOwnPropertyDescriptor(value, marker);
      if (desc !== undefined && desc.configurable) {
        RealmReflect.deleteProperty(value, marker);
      }
      if (depth > 0) {
        for (const key of ownKeys(value)) {
          const d = getOwnPropertyDescriptor(value, key);
          if (d !== undefined && 'value' in d) {
            unmark(d.value, depth - 1);
          }
        }
      }
    };
    for (const key of ownKeys(global)) {
      const d = getOwnPropertyDescriptor(global, key);
      if (d !== undefined && 'value' in d) {
        unmark(d.value, 2);
      }
    }

    // Host globals that lockdown adopts as intrinsics (TextEncoder, TextDecoder) or
    // hardens as host intrinsics (Buffer). A vm context has none of its own.
    for (const name of HOST_GLOBALS_LOCKDOWN_HARDENS) {
      hideWhileHardening(name, undefined);
    }

    const runnerConsole = global.console;
    if (isForeign(runnerConsole)) {
      // A forwarding console of our own realm, with no `_times` SafeMap to harden.
      const forwarding = {};
      for (const name of ['debug', 'log', 'info', 'warn', 'error', 'trace', 'dir', 'dirxml',
        'table', 'group', 'groupCollapsed', 'groupEnd', 'time', 'timeEnd', 'timeLog',
        'count', 'countReset', 'assert']) {
        if (typeof runnerConsole[name] === 'function') {
          forwarding[name] = (...args) => apply(runnerConsole[name], runnerConsole, args);
        }
      }
      hideWhileHardening('console', forwarding);
    }
    return restore;
  };

  const restoreRealm = restore => {
    for (let i = 0; i < restore.length; i += 1) {
      const { name, desc, standIn } = restore[i];
      if (name === 'console' && global.console !== standIn) {
        // consoleTaming 'safe': the causal console wraps the forwarding one; keep it.
        continue;
      }
      defineProperty(global, name, desc);
    }
  };

  // ---- between repairIntrinsics and hardenIntrinsics -------------------------------------

  const enableDateOverrides = () => {
    const StartDate = global.Date;
    if (typeof StartDate !== 'function') {
      return;
    }
    for (const name of OVERRIDABLE_DATE_STATICS) {
      const desc = getOwnPropertyDescriptor(StartDate, name);
      if (desc === undefined || !('value' in desc) || !desc.configurable) {
        continue;
      }
      const { value } = desc;
      const pair = getOwnPropertyDescriptor(
        {
          get [name]() {
            return value;
          },
          set [name](newValue) {
            if (this === StartDate) {
              throw RealmTypeError(`Cannot assign to read only property '${name}' of 'Date'`);
            }
            defineProperty(this, name, {
              value: newValue,
              writable: true,
              enumerable: true,
              configurable: true,
            });
          },
        },
        name,
      );
      defineProperty(pair.get, 'originalValue', { value, writable: false, enumerable: false, configurable: false });
      defineProperty(StartDate, name, {
        get: pair.get,
        set: pair.set,
        enumerable: desc.enumerable,
        configurable: false,
      });
    }
  };

  // ---- after hardenIntrinsics ------------------------------------------------------------

  // The real (feral) Error of this realm: captured now, before lockdown replaces the
  // global `Error`. Its `prepareStackTrace` is where V8 (through Node) looks first.
  const FeralError = global.Error;
  const formatterBeforeLockdown = { fn: undefined };

  const captureRunnerFormatter = () => {
    const fn = FeralError.prepareStackTrace;
    formatterBeforeLockdown.fn = typeof fn === 'function' ? fn : undefined;
  };

  const installStackFormatter = () => {
    const prepareStackTrace = (error, callSites) => {
      // Code run by a SES evaluator (compartments, the tamed eval and Function) is eval
      // code to V8. An error whose stack passes through it keeps lockdown's empty stack.
      for (let i = 0; i < callSites.length; i += 1) {
        if (callSites[i].isEval()) {
          return '';
        }
      }
      const runnerFn = priorPrepareStackTrace() || formatterBeforeLockdown.fn;
      if (typeof runnerFn === 'function' && runnerFn !== prepareStackTrace) {
        return runnerFn(error, callSites);
      }
      return renderDefault(error, callSites);
    };
    try {
      FeralError.prepareStackTrace = prepareStackTrace;
    } catch (_) {
      // A frozen feral Error (another copy of SES hardened it): stacks stay as they are.
    }
  };

  // In a realm the runner filled with its own realm's host objects (Jest, Vitest vm pools),
  // values such as `Buffer.from(...)` or `new TextEncoder().encode(...)` belong to the
  // runner's realm; hardening one would freeze the runner's own prototypes and break it.
  // The start compartment's `harden` looks first and refuses. (The look stops at frozen
  // objects of this realm, which lockdown or an earlier harden already dealt with.)
  const guardStartHarden = () => {
    const desc = getOwnPropertyDescriptor(global, 'harden');
    if (desc === undefined || !('value' in desc) || typeof desc.value !== 'function') {
      return;
    }
    const realHarden = desc.value;
    const { isFrozen } = RealmObject;
    const findForeign = root => {
      const seen = new RealmWeakSet();
      const queue = [root];
      for (let head = 0; head < queue.length; head += 1) {
        const obj = queue[head];
        if (!isObjectLike(obj) || seen.has(obj)) {
          continue;
        }
        seen.add(obj);
        if (isForeign(obj)) {
          return obj;
        }
        if (isFrozen(obj)) {
          continue;
        }
        arrayPush(queue, getPrototypeOf(obj));
        for (const key of ownKeys(obj)) {
          const d = getOwnPropertyDescriptor(obj, key);
          if (d === undefined) {
            continue;
          }
          if ('value' in d) {
            arrayPush(queue, d.value);
          } else {
            arrayPush(queue, d.get);
            arrayPush(queue, d.set);
          }
        }
      }
      return undefined;
    };
    const harden = {
      harden(value) {
        const foreign = findForeign(value);
        if (foreign !== undefined) {
          throw RealmTypeError(
            `harden() reached an object of the ${host.runner} runner's own realm (${RealmObject.prototype.toString.call(foreign)}); ` +
              'hardening it would freeze the runner itself. Copy it into a value of the test realm first, ' +
              'e.g. new Uint8Array(buffer) (SES_TEST_RUNNER_FOREIGN_REALM)',
          );
        }
        return realHarden(value);
      },
    }.harden;
    defineProperty(global, 'harden', { ...desc, value: harden });
  };

  // ---- the wrappers ------------------------------------------------------------------------

  const optionsKey = options => {
    try {
      return jsonStringify(options === undefined ? {} : options);
    } catch (_) {
      return '?';
    }
  };

  const withDefaults = options => {
    const merged = {};
    for (const key of objectKeys(optionDefaults)) {
      const [value, variable] = optionDefaults[key];
      if (readEnvironmentVariable(variable) === undefined) {
        merged[key] = value;
      }
    }
    if (isObjectLike(options)) {
      for (const key of ownKeys(options)) {
        merged[key] = options[key];
      }
    }
    return merged;
  };

  const repairWrapped = options => {
    const realRepair = state.realRepairIntrinsics;
    if (typeof realRepair !== 'function') {
      throw RealmTypeError('ses: repairIntrinsics is not installed yet; import "ses" first');
    }
    const restore = prepareRealm();
    captureRunnerFormatter();
    try {
      apply(realRepair, global, [withDefaults(options)]);
    } catch (error) {
      restoreRealm(restore);
      throw error;
    }
    enableDateOverrides();
    state.pendingRestore = restore;
  };

  const hardenWrapped = () => {
    const realHarden = state.realHardenIntrinsics;
    if (typeof realHarden !== 'function') {
      throw RealmTypeError('ses: hardenIntrinsics is only available after repairIntrinsics');
    }
    try {
      apply(realHarden, global, []);
    } finally {
      const restore = state.pendingRestore;
      state.pendingRestore = undefined;
      if (restore !== undefined) {
        restoreRealm(restore);
        installStackFormatter();
        if (own) {
          guardStartHarden();
        }
      }
    }
  };

  const wrappers = {
    lockdown(options) {
      const key = optionsKey(options);
      if (state.lockedDownWith !== undefined && state.lockedDownWith === key) {
        // The runner ran the same setup again in this realm.
        return;
      }
      if (state.lockedDownWith === undefined) {
        // Only the first call records; a call with other options goes on to the real
        // lockdown, which refuses it (SES_ALREADY_LOCKED_DOWN).
        repairWrapped(options);
        state.lockedDownWith = key;
        hardenWrapped();
        return;
      }
      apply(state.realLockdown, global, [options]);
    },
    repairIntrinsics(options) {
      const key = optionsKey(options);
      if (state.lockedDownWith !== undefined && state.lockedDownWith === key) {
        return;
      }
      if (state.lockedDownWith !== undefined) {
        apply(state.realRepairIntrinsics, global, [options]);
        return;
      }
      repairWrapped(options);
      state.lockedDownWith = key;
    },
    hardenIntrinsics() {
      if (state.pendingRestore === undefined && state.lockedDownWith !== undefined) {
        // Already hardened by this adapter.
        if (typeof global.harden === 'function') {
          return;
        }
      }
      hardenWrapped();
    },
  };

  // Each name is an accessor on the start global: when `ses` installs the real function
  // (an assignment), the setter keeps it; reading gives the wrapper.
  const slots = {
    lockdown: 'realLockdown',
    repairIntrinsics: 'realRepairIntrinsics',
    hardenIntrinsics: 'realHardenIntrinsics',
  };
  for (const name of objectKeys(slots)) {
    const slot = slots[name];
    const prior = getOwnPropertyDescriptor(global, name);
    if (prior !== undefined && !prior.configurable) {
      continue;
    }
    if (prior !== undefined && 'value' in prior && typeof prior.value === 'function') {
      state[slot] = prior.value;
    }
    const wrapper = wrappers[name];
    defineProperty(global, name, {
      get() {
        return state[slot] === undefined ? undefined : wrapper;
      },
      set(fn) {
        state[slot] = fn;
      },
      enumerable: false,
      configurable: true,
    });
  }

  return global[STATE_KEY];
};

module.exports = { installTestRunnerHooks, isForeign, STATE_KEY };
