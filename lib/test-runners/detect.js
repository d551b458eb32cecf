'use strict';
// Called at the start of lockdown (repairIntrinsics): inside a Jest or Vitest worker whose
// test realm was not prepared by this package's adapter, lockdown cannot work (Jest) or
// would break the runner (Vitest: a process.exit trap kills the worker, the console is
// frozen, fake timers fail). Fail at once, naming the one line of configuration to add.
// Outside test runners, and in prepared realms, this does nothing.

// Captured when lockdown loads this file, before any test code runs.
const { apply } = Reflect;
const { hasOwnProperty } = Object.prototype;
const RealmTypeError = TypeError;
const hasOwn = (obj, key) => apply(hasOwnProperty, obj, [key]);

const STATE_KEY = Symbol.for('ses.test-runner.state');
// Markers the runners put on the global of the realm a test file runs in, and nowhere
// else. (Environment variables such as JEST_WORKER_ID or VITEST are not used to decide:
// child processes started by a test inherit them.)
const JEST_MARKER = Symbol.for('jest-native-now');
const VITEST_MARKER = '__vitest_worker__';

const CODE = 'SES_TEST_RUNNER_UNPREPARED';

const readEnv = (globalObject, name) => {
  try {
    const proc = globalObject.process;
    const env = proc && typeof proc === 'object' ? proc.env : undefined;
    return env && typeof env === 'object' ? env[name] : undefined;
  } catch (_) {
    return undefined;
  }
};

const whichRunner = globalObject => {
  try {
    if (hasOwn(globalObject, JEST_MARKER)) {
      return 'jest';
    }
    if (hasOwn(globalObject, VITEST_MARKER)) {
      return 'vitest';
    }
  } catch (_) {
    // an exotic global: not a runner we know
  }
  return undefined;
};

const messageFor = (runner, globalObject) => {
  if (runner === 'jest') {
    return (
      "SES cannot lock down a Jest test realm as Jest sets it up: add testEnvironment: 'ses/jest-environment' " +
      `to the Jest configuration (see "Testing with Jest / Vitest" in the ses README) (${CODE})`
    );
  }
  const vmPool = readEnv(globalObject, 'VITEST_VM_POOL') === '1';
  const line = vmPool
    ? "environment: './node_modules/ses/vitest-environment.js'"
    : "setupFiles: ['ses/vitest']";
  return (
    `SES cannot lock down a Vitest test realm as Vitest sets it up: add ${line} to the test ` +
    `options of the Vitest configuration (see "Testing with Jest / Vitest" in the ses README) (${CODE})`
  );
};

/**
 * Throws a TypeError naming the configuration line to add when `globalObject` is the
 * test realm of a Jest or Vitest worker that this package's adapter did not prepare.
 *
 * @param {object} globalObject the start compartment's global (lockdown's globalThis)
 * @param {typeof TypeError} [MakeError] the error constructor to throw with
 */
const assertTestRunnerPrepared = (globalObject, MakeError = RealmTypeError) => {
  if (hasOwn(globalObject, STATE_KEY)) {
    return;
  }
  const runner = whichRunner(globalObject);
  if (runner !== undefined) {
    throw MakeError(messageFor(runner, globalObject));
  }
};

module.exports = { assertTestRunnerPrepared, whichRunner, messageFor };
