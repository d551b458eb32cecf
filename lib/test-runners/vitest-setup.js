'use strict';
// Run by `setupFiles: ['ses/vitest']` in the realm where a Vitest test file runs (the
// worker's own realm for the `threads` and `forks` pools), once per test file. Installs the
// realm hooks (see realm-hooks.js), which are idempotent: with `isolate: false` this runs
// again in the same realm.
//
// In the vm pools (`vmThreads`, `vmForks`) Vitest has already put the worker realm's
// ArrayBuffer and Uint8Array into the test file's context when a setup file runs, and the
// context's own are gone: only the environment can prepare that realm. Unless it did,
// fail at once with the line to use instead.

const { installTestRunnerHooks, STATE_KEY } = require('./realm-hooks.js');
const { messageFor } = require('./detect.js');

const preparedByEnvironment = Object.prototype.hasOwnProperty.call(globalThis, STATE_KEY);
const foreignArrayBuffer =
  typeof ArrayBuffer === 'function' &&
  Object.getPrototypeOf(ArrayBuffer) !== Function.prototype;

if (!preparedByEnvironment && foreignArrayBuffer) {
  throw TypeError(messageFor('vitest', { process: { env: { VITEST_VM_POOL: '1' } } }));
}

installTestRunnerHooks({ runner: 'vitest' });
