// Shared by the security-*.test.js files. Import it FIRST, before `ses`: it captures the
// host's own objects, which guest code must never reach, while they are still pristine,
// then loads this package (`ses`) and locks down.
//
// `reachable(roots)` walks, from the host side, everything guest code could navigate to
// from `roots`: own property values, accessor functions and the values their getters
// return, and prototypes, transitively. `assertNoHostObject(reached)` then compares
// identities against the captured host objects.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';

const require = createRequire(import.meta.url);

export const host = {
  globalThis,
  eval: globalThis.eval,
  Function: globalThis.Function,
  process: globalThis.process,
  require,
  console: globalThis.console,
  Buffer: globalThis.Buffer,
  setTimeout: globalThis.setTimeout,
  SharedArrayBuffer: globalThis.SharedArrayBuffer,
  Atomics: globalThis.Atomics,
  WeakRef: globalThis.WeakRef,
  FinalizationRegistry: globalThis.FinalizationRegistry,
  Date: globalThis.Date,
  DateNow: Date.now,
  MathRandom: Math.random,
  RegExp: globalThis.RegExp,
  Intl: globalThis.Intl,
};

await import('ses');

// The native binding (whichever platform file this checkout built) and the start
// compartment's evaluators, as they are after import.
for (const file of readdirSync(new URL('..', import.meta.url))) {
  if (file.startsWith('ses-native.') && file.endsWith('.node')) {
    host.binding = require(`../${file}`);
  }
}
lockdown();
host.startEval = globalThis.eval;
host.startFunction = globalThis.Function;
host.startCompartment = globalThis.Compartment;
host.assert = globalThis.assert;

export const forbidden = new Map(
  Object.entries(host).filter(([, v]) => v !== undefined && Object(v) === v).map(([k, v]) => [v, k]),
);

export const reachable = roots => {
  const seen = new Set();
  const queue = [...roots];
  const visit = v => {
    if (Object(v) === v && !seen.has(v)) {
      seen.add(v);
      queue.push(v);
    }
  };
  while (queue.length) {
    const obj = queue.pop();
    if (Object(obj) !== obj) continue;
    seen.add(obj);
    let proto;
    try {
      proto = Reflect.getPrototypeOf(obj);
    } catch {
      proto = null;
    }
    visit(proto);
    let keys = [];
    try {
      keys = Reflect.ownKeys(obj);
    } catch {
      keys = [];
    }
    for (const key of keys) {
      let desc;
      try {
        desc = Reflect.getOwnPropertyDescriptor(obj, key);
      } catch {
        continue;
      }
      if (!desc) continue;
      if ('value' in desc) {
        visit(desc.value);
      } else {
        visit(desc.get);
        visit(desc.set);
        if (desc.get) {
          try {
            visit(Reflect.apply(desc.get, obj, []));
          } catch {
            // a throwing getter yields nothing more
          }
        }
      }
    }
  }
  return seen;
};

export const assertNoHostObject = (reached, what = 'guest') => {
  for (const [obj, name] of forbidden) {
    assert.ok(!reached.has(obj), `${what} reached the host's ${name}`);
  }
};

// A value guest code gets back through a chain must not be a host object.
export const assertNotHost = (value, what) => {
  if (Object(value) === value) {
    assert.ok(!forbidden.has(value), `${what} is the host's ${forbidden.get(value)}`);
  }
};
