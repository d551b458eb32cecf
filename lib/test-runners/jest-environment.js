'use strict';
// `testEnvironment: 'ses/jest-environment'` — Jest's node environment, prepared so that
// `lockdown()` works in a test file, a setupFiles or a setupFilesAfterEnv module.
//
// Jest runs each test file in a vm context of its own (the test realm) but puts objects of
// its own realm into it. The adapter keeps Jest's behaviour and adds one thing: the code
// of `realm-hooks.js`, evaluated inside the test realm before any test code runs, which
// stands between the test's `lockdown()` and the real one (see that file for what it
// adjusts, and the README section "Testing with Jest / Vitest").

const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire } = require('node:module');
const { captureContextIntrinsics, installHooksInContext } = require('./context-hooks.js');


// jest-environment-node comes with Jest (jest-config depends on it). Look for it from the
// project first, then from Jest's own packages, then from here.
const loadNodeEnvironment = () => {
  const bases = [path.join(process.cwd(), 'package.json')];
  for (const pkg of ['jest-config', 'jest-runner', 'jest']) {
    try {
      bases.push(createRequire(bases[0]).resolve(pkg));
    } catch (_) {
      // not installed there
    }
  }
  bases.push(__filename);
  for (const base of bases) {
    try {
      const from = createRequire(base);
      const nodeEnvironmentPath = from.resolve('jest-environment-node');
      return { nodeEnvironmentModule: from(nodeEnvironmentPath), nodeEnvironmentPath };
    } catch (_) {
      // try the next place
    }
  }
  throw Error(
    "ses/jest-environment needs 'jest-environment-node', which is installed with Jest 30",
  );
};

const { nodeEnvironmentModule, nodeEnvironmentPath } = loadNodeEnvironment();
const NodeEnvironment = nodeEnvironmentModule.TestEnvironment || nodeEnvironmentModule.default;
const requireFromEnvironment = createRequire(nodeEnvironmentPath);

// Evaluates a CommonJS file of Jest's inside the test realm, so that the functions and
// objects it makes belong to the test realm. Its own dependencies stay in Jest's realm
// (they are used as pure functions).
const scriptCache = new Map();
const requireInContext = (file, vmContext) => {
  let script = scriptCache.get(file);
  if (script === undefined) {
    const source = fs.readFileSync(file, 'utf8');
    script = new vm.Script(
      `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
      { filename: file },
    );
    scriptCache.set(file, script);
  }
  const factory = script.runInContext(vmContext);
  const module = vm.runInContext('({ exports: {} })', vmContext);
  factory.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  return module.exports;
};


class SesNodeEnvironment extends NodeEnvironment {
  constructor(config, context) {
    // Jest replaces the context's ArrayBuffer and Uint8Array with its own realm's before
    // any of our code can look. Catch the context as it is made and keep the test realm's
    // own ones (the patch lasts only for the synchronous super call).
    const { ownIntrinsics, restore } = captureContextIntrinsics();
    try {
      super(config, context);
    } finally {
      restore();
    }

    const vmContext = this.getVmContext();
    const { projectConfig } = config;

    // Mock functions: jest-mock made in Jest's realm gives mocks whose prototype chain and
    // methods belong to Jest's realm, and `harden` on anything holding one would freeze
    // Jest's own Object.prototype. The same jest-mock, evaluated in the test realm, gives
    // test-realm mocks.
    const { ModuleMocker } = requireInContext(requireFromEnvironment.resolve('jest-mock'), vmContext);
    this.moduleMocker = new ModuleMocker(this.global);
    const { LegacyFakeTimers } = requireFromEnvironment('@jest/fake-timers');
    this.fakeTimers.dispose();
    this.fakeTimers = new LegacyFakeTimers({
      config: projectConfig,
      global: this.global,
      moduleMocker: this.moduleMocker,
      timerConfig: {
        idToRef: id => ({
          id,
          ref() {
            return this;
          },
          unref() {
            return this;
          },
        }),
        refToId: timer => (timer == null ? undefined : timer.id),
      },
    });

    installHooksInContext(vmContext, {
      runner: 'jest',
      ownIntrinsics,
      realProcess: process,
      // Jest installs its source-map-aware formatter on its own realm's Error, per test
      // file; read it when a stack is rendered.
      runnerPrepareStackTrace: () => Error.prepareStackTrace,
    });
  }
}

module.exports = SesNodeEnvironment;
module.exports.default = SesNodeEnvironment;
module.exports.TestEnvironment = SesNodeEnvironment;
