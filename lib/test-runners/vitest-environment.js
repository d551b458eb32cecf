'use strict';
// A Vitest environment: Vitest's own `node` environment, prepared so that `lockdown()`
// works in every pool. Needed for `vmThreads` (and `vmForks`), where Vitest runs each
// test file in a vm context into which it copies ArrayBuffer, Uint8Array, Buffer and
// other host objects of the worker's realm before any setup file runs; the realm's own
// ArrayBuffer and Uint8Array are recovered only while the context is being made.
// For `threads` and `forks` it does what `setupFiles: ['ses/vitest']` does.

const { captureContextIntrinsics, installHooksInContext } = require('./context-hooks.js');

// Vitest 4.1 exports its environments from 'vitest/runtime'; 4.0 from 'vitest/environments'.
const loadNodeEnvironment = async () => {
  let mod;
  try {
    mod = await import('vitest/runtime');
  } catch (_) {
    mod = undefined;
  }
  if (!mod || !mod.builtinEnvironments) {
    mod = await import('vitest/environments');
  }
  return mod.builtinEnvironments.node;
};

const makeSesEnvironment = () => ({
  name: 'ses',
  viteEnvironment: 'ssr',

  async setupVM(options) {
    const node = await loadNodeEnvironment();
    const { ownIntrinsics, restore } = captureContextIntrinsics({ syncESM: true });
    let environment;
    try {
      environment = await node.setupVM(options);
    } finally {
      restore();
    }
    installHooksInContext(environment.getVmContext(), {
      runner: 'vitest',
      ownIntrinsics,
      realProcess: process,
      runnerPrepareStackTrace: () => Error.prepareStackTrace,
    });
    return environment;
  },

  async setup(global, options) {
    const node = await loadNodeEnvironment();
    if (global === globalThis) {
      require('./realm-hooks.js').installTestRunnerHooks({ runner: 'vitest' });
    }
    return node.setup(global, options);
  },
});

module.exports = { makeSesEnvironment };
