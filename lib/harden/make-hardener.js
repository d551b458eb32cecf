'use strict';
// The hardener: `harden(value)` freezes value and everything reachable from it through
// own properties (string and symbol keys, enumerable or not; data values and accessor
// functions, never calling a getter) and [[Prototype]] links.
//
// Exports:
//   makeHardener()     -> harden (reuses globalThis.harden when that is already a function)
//   isTypedArray(obj)  -> boolean, by the %TypedArray%.prototype[@@toStringTag] getter
//
// The walk is iterative (a queue, never recursion), so depth costs no stack. Objects join
// the private `hardened` set only when the whole walk succeeds: if freezing something
// throws, what was frozen stays frozen, nothing is recorded, and the error propagates.
// (To avoid a second lookup structure, this walk enters objects in `hardened`
// tentatively and takes them out again on failure; a harden call made from inside a walk,
// which only a proxy trap can do, sees those tentative entries as not hardened.)

const {
  Number,
  Set,
  TypeError,
  WeakSet,
  apply,
  defineProperty,
  freeze,
  getOwnPropertyDescriptor,
  getOwnPropertyNames,
  getPrototypeOf,
  hasOwn,
  ownKeys,
  preventExtensions,
  setPrototype,
  universalThis,
  weaksetPrototype,
  getTypedArrayToStringTag,
  FERAL_ERROR,
  Object: { getOwnPropertySymbols },
} = require('../commons.js');

// Node's own brand check: proxies get exactly the trap calls a plain walk would make.
const { isProxy } = require('node:util').types;
const noKeys = freeze([]);

const isTypedArray = obj => getTypedArrayToStringTag(obj) !== undefined;

const { isInteger } = Number;

// A key that names an element of a typed array ("0", "1", ...), as opposed to an expando.
const isCanonicalIndexKey = key => {
  if (typeof key !== 'string') {
    return false;
  }
  const n = +key;
  return isInteger(n) && `${n}` === key;
};

// Typed arrays cannot be frozen while they have elements, and their elements must stay
// writable. Seal the shape instead and lock every non-element property.
const freezeTypedArray = array => {
  preventExtensions(array);
  const names = ownKeys(array);
  for (let i = 0; i < names.length; i += 1) {
    const key = names[i];
    if (!isCanonicalIndexKey(key)) {
      const desc = getOwnPropertyDescriptor(array, key);
      desc.writable = false;
      desc.configurable = false;
      defineProperty(array, key, desc);
    }
  }
};

// V8 from Node 21 gives each error an own `stack` accessor whose getter and setter are
// shared by all errors. Hardening such an error first turns the accessor into a data
// property holding the current stack string, as it would otherwise freeze a live getter.
const { get: feralStackGetter } = (() => {
  const desc = getOwnPropertyDescriptor(TypeError('probe'), 'stack');
  if (desc && typeof desc.get === 'function') {
    return desc;
  }
  return { get: undefined, set: undefined };
})();

const settleErrorStack = obj => {
  if (!(obj instanceof FERAL_ERROR)) {
    return;
  }
  const desc = getOwnPropertyDescriptor(obj, 'stack');
  if (desc && desc.get === feralStackGetter && desc.configurable) {
    defineProperty(obj, 'stack', { value: apply(feralStackGetter, obj, []) });
  }
};

// Private collections whose methods are own properties holding the original builtins:
// fast to call, and immune to later replacement of the prototype methods.
const makePrivateWeakSet = () => {
  const ws = new WeakSet();
  defineProperty(ws, 'has', { value: weaksetPrototype.has });
  defineProperty(ws, 'add', { value: weaksetPrototype.add });
  defineProperty(ws, 'delete', { value: weaksetPrototype.delete });
  return ws;
};
const makePrivateSet = () => {
  const s = new Set();
  defineProperty(s, 'has', { value: setPrototype.has });
  defineProperty(s, 'add', { value: setPrototype.add });
  return s;
};

const makeHardener = () => {
  if (typeof universalThis.harden === 'function') {
    return universalThis.harden;
  }

  const hardened = makePrivateWeakSet();

  // Walks in progress (outermost first): each is the queue of objects it has entered in
  // `hardened` tentatively. More than one only while a proxy trap runs inside a walk.
  // The array keeps its length; `depth` counts the live entries.
  const activeWalks = [];
  let depth = 0;
  // Property values of the object being visited, enqueued after its prototype. Only the
  // outermost walk uses it (nested walks have their own), so it is reused across calls.
  const values = [];
  // Objects committed by a nested walk while an outer walk had them tentatively; the
  // outer walk must not take them out again if it fails.
  let committedInside;

  const freezeOne =
    feralStackGetter === undefined
      ? obj => {
          if (typeof obj === 'object' && isTypedArray(obj)) {
            freezeTypedArray(obj);
          } else {
            freeze(obj);
          }
        }
      : obj => {
          settleErrorStack(obj);
          if (typeof obj === 'object' && isTypedArray(obj)) {
            freezeTypedArray(obj);
          } else {
            freeze(obj);
          }
        };

  const unexpected = type => TypeError(`Unexpected typeof: ${type}`);

  // The common case: no walk is in progress.
  const walk = root => {
    const queue = [root];
    hardened.add(root);
    activeWalks[depth] = queue;
    depth += 1;
    let done = false;
    try {
      for (let head = 0; head < queue.length; head += 1) {
        const obj = queue[head];
        freezeOne(obj);
        // Own keys in [[OwnPropertyKeys]] order: names, then symbols. For a proxy, a
        // single ownKeys trap call, as a plain Reflect.ownKeys would make.
        let count = 0;
        let names;
        let symbols;
        if (isProxy(obj)) {
          names = ownKeys(obj);
          symbols = noKeys;
        } else {
          names = getOwnPropertyNames(obj);
          symbols = getOwnPropertySymbols(obj);
        }
        for (let pass = 0; pass < 2; pass += 1) {
          const keys = pass === 0 ? names : symbols;
          for (let i = 0; i < keys.length; i += 1) {
            const desc = getOwnPropertyDescriptor(obj, keys[i]);
            if (desc === undefined) {
              continue;
            }
            if (hasOwn(desc, 'value')) {
              values[count] = desc.value;
              count += 1;
            } else {
              values[count] = desc.get;
              values[count + 1] = desc.set;
              count += 2;
            }
          }
        }
        // [[Prototype]] first, then the property values, in key order.
        let v = getPrototypeOf(obj);
        let i = -1;
        for (;;) {
          const type = typeof v;
          if (type === 'object') {
            if (v !== null && !hardened.has(v)) {
              hardened.add(v);
              queue[queue.length] = v;
            }
          } else if (type === 'function') {
            if (!hardened.has(v)) {
              hardened.add(v);
              queue[queue.length] = v;
            }
          } else if (
            type !== 'number' &&
            type !== 'string' &&
            type !== 'undefined' &&
            type !== 'boolean' &&
            type !== 'symbol' &&
            type !== 'bigint'
          ) {
            throw unexpected(type);
          }
          i += 1;
          if (i >= count) {
            break;
          }
          v = values[i];
          values[i] = undefined;
        }
      }
      done = true;
    } finally {
      depth -= 1;
      activeWalks[depth] = undefined;
      if (!done) {
        // A failure can leave values behind; drop them.
        for (let i = 0; i < values.length; i += 1) {
          values[i] = undefined;
        }
        // Take back the tentative entries, except what a nested walk committed.
        for (let i = 0; i < queue.length; i += 1) {
          const obj = queue[i];
          if (committedInside === undefined || !committedInside.has(obj)) {
            hardened.delete(obj);
          }
        }
      }
      if (depth === 0) {
        committedInside = undefined;
      }
    }
  };

  // A harden call made while another walk is in progress (from a proxy trap): entries
  // that the outer walks hold tentatively do not count as hardened. This walk keeps its
  // own seen-set and commits at the end.
  const nestedWalk = root => {
    const pending = makePrivateSet();
    for (let w = 0; w < depth; w += 1) {
      const q = activeWalks[w];
      for (let i = 0; i < q.length; i += 1) {
        pending.add(q[i]);
      }
    }
    const isHardened = v => hardened.has(v) && !pending.has(v);
    const seen = makePrivateSet();
    const queue = [];
    const enqueue = v => {
      const type = typeof v;
      if (type === 'object' ? v === null : type !== 'function') {
        if (
          type === 'object' ||
          type === 'number' ||
          type === 'string' ||
          type === 'undefined' ||
          type === 'boolean' ||
          type === 'symbol' ||
          type === 'bigint'
        ) {
          return;
        }
        throw unexpected(type);
      }
      if (isHardened(v) || seen.has(v)) {
        return;
      }
      seen.add(v);
      queue[queue.length] = v;
    };
    enqueue(root);
    for (let head = 0; head < queue.length; head += 1) {
      const obj = queue[head];
      freezeOne(obj);
      const names = ownKeys(obj);
      const descs = [];
      for (let i = 0; i < names.length; i += 1) {
        descs[descs.length] = getOwnPropertyDescriptor(obj, names[i]);
      }
      enqueue(getPrototypeOf(obj));
      for (let i = 0; i < descs.length; i += 1) {
        const desc = descs[i];
        if (desc === undefined) {
          continue;
        }
        if (hasOwn(desc, 'value')) {
          enqueue(desc.value);
        } else {
          enqueue(desc.get);
          enqueue(desc.set);
        }
      }
    }
    if (committedInside === undefined) {
      committedInside = makePrivateWeakSet();
    }
    for (let i = 0; i < queue.length; i += 1) {
      hardened.add(queue[i]);
      committedInside.add(queue[i]);
    }
  };

  const harden = root => {
    const type = typeof root;
    if (type === 'object') {
      if (root === null) {
        return root;
      }
    } else if (type !== 'function') {
      if (
        type === 'number' ||
        type === 'string' ||
        type === 'undefined' ||
        type === 'boolean' ||
        type === 'symbol' ||
        type === 'bigint'
      ) {
        return root;
      }
      throw unexpected(type);
    }
    if (depth === 0) {
      if (!hardened.has(root)) {
        walk(root);
      }
    } else {
      nestedWalk(root);
    }
    return root;
  };

  return harden;
};
freeze(makeHardener);

module.exports = { makeHardener, isTypedArray };
