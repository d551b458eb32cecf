'use strict';
// A Vitest environment: Vitest's own `node` environment, prepared so that `lockdown()`
// works in every pool. Needed for `vmThreads` (and `vmForks`), where Vitest runs each
// test file in a vm context into which it copies ArrayBuffer, Uint8Array, Buffer and
// other host objects of the worker's realm before any setup file runs; the realm's own
// ArrayBuffer and Uint8Array are recovered only while the context is being made.
// For `threads` and `forks` it does what `setupFiles: ['ses/vitest']` does.

const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { syncBuiltinESMExports } = require('node:module');

const HOOKS_PATH = path.join(__dirname, 'realm-hooks.js');

let hooksScript;
const installHooksInContext = (vmContext, host) => {
  if (hooksScript === undefined) {
    const source = fs.readFileSync(HOOKS_PATH, 'utf8');
    hooksScript = new vm.Script(`(function (module, exports) {${source}\n})`, {
      filename: HOOKS_PATH,
    });
  }
  const factory = hooksScript.runInContext(vmContext);
  const hooksModule = vm.runInContext('({ exports: {} })', vmContext);
  factory(hooksModule, hooksModule.exports);
  hooksModule.exports.installTestRunnerHooks(host);
};

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
    const ownIntrinsics = {};
    const originalCreateContext = vm.createContext;
    vm.createContext = function createContext(...args) {
      const made = Reflect.apply(originalCreateContext, this, args);
      try {
        const own = vm.runInContext('({ ArrayBuffer, Uint8Array })', made);
        ownIntrinsics.ArrayBuffer = own.ArrayBuffer;
        ownIntrinsics.Uint8Array = own.Uint8Array;
      } catch (_) {
        // leave them to lockdown's own diagnosis
      }
      return made;
    };
    // Vitest reaches `createContext` through the ESM namespace of node:vm, which follows
    // the CommonJS exports only when they are synced.
    syncBuiltinESMExports();
    let environment;
    try {
      environment = await node.setupVM(options);
    } finally {
      vm.createContext = originalCreateContext;
      syncBuiltinESMExports();
    }
    installHooksInContext(environment.getVmContext(), {
      runner: 'vitest',
      ownIntrinsics: ownIntrinsics.ArrayBuffer === undefined ? undefined : ownIntrinsics,
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
