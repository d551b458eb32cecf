'use strict';
// What the Jest environment and the Vitest environment both do to a test file's vm
// context: recover the context's own ArrayBuffer and Uint8Array while the runner makes
// it, then evaluate realm-hooks.js inside it.

const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { syncBuiltinESMExports } = require('node:module');

// Both runners put their own realm's ArrayBuffer and Uint8Array on a test context's
// global as soon as they make it, before any of our code can look. While the runner
// makes its context, `vm.createContext` is wrapped so that we read the context's own
// ones first. `syncESM` also updates the ESM namespace of node:vm (Vitest reaches
// createContext through it).

/**
 * Wraps vm.createContext; returns `{ ownIntrinsics, restore }`. `ownIntrinsics` gains
 * the ArrayBuffer and Uint8Array of every context made until `restore()` is called.
 */
const captureContextIntrinsics = ({ syncESM = false } = {}) => {
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
  if (syncESM) syncBuiltinESMExports();
  const restore = () => {
    vm.createContext = originalCreateContext;
    if (syncESM) syncBuiltinESMExports();
  };
  return { ownIntrinsics, restore };
};

const HOOKS_PATH = path.join(__dirname, 'realm-hooks.js');

// Compiled once per worker; evaluated once per test file, inside its context, so that
// the hooks close over the test realm's intrinsics rather than the runner's.
let hooksScript;
const installHooksInContext = (vmContext, { ownIntrinsics, ...host }) => {
  if (hooksScript === undefined) {
    const source = fs.readFileSync(HOOKS_PATH, 'utf8');
    hooksScript = new vm.Script(`(function (module, exports) {${source}\n})`, {
      filename: HOOKS_PATH,
    });
  }
  const factory = hooksScript.runInContext(vmContext);
  const hooksModule = vm.runInContext('({ exports: {} })', vmContext);
  factory(hooksModule, hooksModule.exports);
  hooksModule.exports.installTestRunnerHooks({
    ...host,
    ownIntrinsics: ownIntrinsics && ownIntrinsics.ArrayBuffer !== undefined ? ownIntrinsics : undefined,
  });
};

module.exports = { captureContextIntrinsics, installHooksInContext };
