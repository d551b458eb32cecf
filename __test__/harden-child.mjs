// Child process for harden-*.test.js: runs a list of harden probes and prints one line each.
//   node harden-child.mjs <impl> <mode>
// impl: 'ses' (this package) or 'ses-reference' (ses 2.3.0).
// mode: 'lockdown'  import the package, lockdown(), use the global harden;
//       'bare'      no lockdown: makeHardener() straight from the implementation's module.
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const [impl, mode] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

let harden;
if (mode === 'lockdown') {
  await import(impl);
  lockdown();
  harden = globalThis.harden;
} else if (impl === 'ses') {
  const require = createRequire(import.meta.url);
  harden = require(path.join(root, 'lib/harden/make-hardener.js')).makeHardener();
} else {
  const file = path.join(root, 'node_modules/ses-reference/src/make-hardener.js');
  harden = (await import(pathToFileURL(file).href)).makeHardener();
}

const lines = [];
const out = (label, f) => {
  let r;
  try {
    const v = f();
    r = typeof v === 'string' ? JSON.stringify(v) : String(v);
  } catch (e) {
    r = `THROWS ${e && e.name}: ${e && e.message}`;
  }
  lines.push(`${label} → ${r}`);
};
const frozen = Object.isFrozen;
const d = (o, k) => {
  const x = Reflect.getOwnPropertyDescriptor(o, k);
  if (!x) return 'absent';
  return `${'value' in x ? `data${x.writable ? ' w' : ' -'}` : 'accessor'}${x.enumerable ? ' e' : ' -'}${
    x.configurable ? ' c' : ' -'
  }`;
};

// Shape
out('typeof harden', () => typeof harden);
out('harden.length', () => harden.length);
out('harden.name', () => harden.name);
out('harden has prototype', () => Object.hasOwn(harden, 'prototype'));

// Return value and primitives
for (const [label, v] of [
  ['1', 1], ['"s"', 's'], ['null', null], ['undefined', undefined], ['true', true],
  ['10n', 10n],
]) {
  out(`harden(${label}) returns it`, () => harden(v) === v);
}
out('harden(symbol) returns it', () => {
  const s = Symbol('s');
  return harden(s) === s;
});
out('returns its argument', () => {
  const o = {};
  return harden(o) === o;
});

// Transitive walk
out('nested', () => {
  const a = { b: { c: { d: {} } } };
  harden(a);
  return [frozen(a), frozen(a.b), frozen(a.b.c), frozen(a.b.c.d)].join();
});
out('symbol keys, non-enumerable', () => {
  const s = Symbol('k');
  const o = { [s]: {} };
  Object.defineProperty(o, 'hidden', { value: {}, enumerable: false, writable: true, configurable: true });
  Object.defineProperty(o, Symbol.for('reg'), { value: {}, enumerable: false, writable: true, configurable: true });
  harden(o);
  return [frozen(o[s]), frozen(o.hidden), frozen(o[Symbol.for('reg')]), d(o, 'hidden')].join();
});
out('accessors: getter never called, get/set hardened', () => {
  let calls = 0;
  const getter = () => {
    calls += 1;
    return {};
  };
  getter.extra = {};
  const setter = (v) => v;
  const o = {};
  Object.defineProperty(o, 'x', { get: getter, set: setter, configurable: true, enumerable: true });
  harden(o);
  return [calls, frozen(getter), frozen(setter), frozen(getter.extra), d(o, 'x')].join();
});
out('prototype hardened', () => {
  const p = { q: {} };
  const o = Object.create(p);
  harden(o);
  return [frozen(p), frozen(p.q)].join();
});
out('class instance', () => {
  class K {
    m() {}
  }
  harden(new K());
  return [frozen(K.prototype), frozen(K), frozen(K.prototype.m)].join();
});
out('function and its prototype', () => {
  function f() {}
  f.data = [1, {}];
  harden(f);
  return [frozen(f), frozen(f.prototype), frozen(f.data), frozen(f.data[1])].join();
});
out('arrow function', () => {
  const f = () => {};
  harden(f);
  return frozen(f);
});
out('cycles', () => {
  const a = { n: 1 };
  const b = { a };
  a.b = b;
  a.self = a;
  harden(a);
  return [frozen(a), frozen(b)].join();
});
out('null prototype', () => {
  const o = Object.create(null);
  o.x = {};
  harden(o);
  return [frozen(o), frozen(o.x)].join();
});
out('array with holes', () => {
  const a = [1, , {}]; // eslint-disable-line no-sparse-arrays
  a.extra = {};
  harden(a);
  return [frozen(a), frozen(a[2]), frozen(a.extra), d(a, 'length')].join();
});
out('arguments object', () => {
  const args = (function () {
    return arguments; // eslint-disable-line prefer-rest-params
  })({}, 2);
  harden(args);
  return [frozen(args), frozen(args[0])].join();
});
out('overlapping graphs', () => {
  const shared = {};
  const o1 = { shared };
  const o2 = { shared, own: {} };
  harden(o1);
  const before = frozen(o2);
  harden(o2);
  return [frozen(shared), before, frozen(o2), frozen(o2.own)].join();
});
out('twice', () => {
  const o = { a: {} };
  return [harden(o) === o, harden(o) === o, frozen(o.a)].join();
});
out('already frozen but not hardened is still walked', () => {
  const inner = {};
  const o = Object.freeze({ inner });
  harden(o);
  return frozen(inner);
});
out('writable non-configurable data made read-only', () => {
  const o = {};
  Object.defineProperty(o, 'x', { value: 1, writable: true, enumerable: true, configurable: false });
  harden(o);
  return d(o, 'x');
});

// Partial failure
out('partial failure', () => {
  const other = { x: {} };
  const p = new Proxy(
    {},
    {
      preventExtensions() {
        throw Error('no preventExtensions');
      },
    },
  );
  const outer = { other, p };
  let first;
  try {
    harden(outer);
  } catch (e) {
    first = e.message;
  }
  let second;
  try {
    harden(outer);
  } catch (e) {
    second = e.message;
  }
  return [first, second, frozen(outer), frozen(other), frozen(other.x)].join();
});
out('failure after success leaves earlier graph hardened', () => {
  const good = { g: {} };
  harden(good);
  const p = new Proxy({}, { preventExtensions() { throw Error('bad'); } });
  try {
    harden({ good, p });
  } catch {
    /* expected */
  }
  return [frozen(good), frozen(good.g)].join();
});

// Proxies: the order of traps
out('proxy trap order', () => {
  const log = [];
  const target = { a: { b: 1 } };
  Object.defineProperty(target, 'g', { get() { return 1; }, enumerable: false, configurable: true });
  const handler = {};
  for (const trap of ['getPrototypeOf', 'setPrototypeOf', 'isExtensible', 'preventExtensions',
    'getOwnPropertyDescriptor', 'defineProperty', 'has', 'get', 'set', 'deleteProperty', 'ownKeys']) {
    handler[trap] = (...args) => {
      log.push(`${trap}${typeof args[1] === 'string' ? `:${args[1]}` : ''}`);
      return Reflect[trap](...args);
    };
  }
  const p = new Proxy(target, handler);
  harden(p);
  const first = log.join(' ');
  log.length = 0;
  harden(p);
  return `${first} | again: ${log.join(' ')}`;
});
out('proxy as prototype', () => {
  const log = [];
  const proto = new Proxy({}, {
    getPrototypeOf(t) {
      log.push('gpo');
      return Reflect.getPrototypeOf(t);
    },
  });
  const o = Object.create(proto);
  harden(o);
  return [frozen(o), frozen(proto), log.join()].join();
});
out('harden called from a trap', () => {
  let inner;
  const q = new Proxy({ a: {} }, {
    ownKeys(t) {
      inner = { y: {} };
      harden(inner);
      return Reflect.ownKeys(t);
    },
  });
  const o = { q, z: {} };
  harden(o);
  return [frozen(inner), frozen(inner.y), frozen(o.z), frozen(q.a)].join();
});
out('harden of an in-progress object from a trap', () => {
  const sibling = { s: {} };
  const q = new Proxy({}, {
    ownKeys(t) {
      harden(sibling);
      return Reflect.ownKeys(t);
    },
  });
  const o = { q, sibling };
  harden(o);
  return [frozen(sibling), frozen(sibling.s)].join();
});
out('a trap harden survives outer failure', () => {
  const sibling = { s: {} };
  const bad = new Proxy({}, { preventExtensions() { throw Error('bad'); } });
  const q = new Proxy({}, {
    ownKeys(t) {
      harden(sibling);
      return Reflect.ownKeys(t);
    },
  });
  try {
    harden({ q, sibling, bad });
  } catch {
    /* expected */
  }
  // sibling was committed by the nested call, so this one is fast and complete
  return [frozen(sibling), frozen(sibling.s), harden(sibling) === sibling].join();
});

// Typed arrays and buffers
const typedArrayConstructors = [
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array,
];
if (typeof Float16Array !== 'undefined') typedArrayConstructors.push(Float16Array);
for (const TA of typedArrayConstructors) {
  out(`typed array ${TA.name}`, () => {
    const a = new TA(2);
    harden(a);
    a[0] = TA.name.startsWith('Big') ? 5n : 5;
    return [String(a[0]), frozen(a), Object.isSealed(a), Object.isExtensible(a), d(a, '0')].join();
  });
}
out('typed array expandos', () => {
  const a = new Uint8Array(1);
  const s = Symbol('s');
  a.x = { y: {} };
  a[s] = {};
  a['-1'] = 'neg';
  a['1.5'] = 'frac';
  harden(a);
  return [d(a, 'x'), d(a, s), d(a, '-1'), d(a, '1.5'), frozen(a.x), frozen(a.x.y), frozen(a[s]),
    Reflect.ownKeys(a).map(String).join('/')].join();
});
out('typed array accessor expando', () => {
  const a = new Uint8Array(1);
  Object.defineProperty(a, 'acc', { get() { return 1; }, configurable: true });
  harden(a);
  return d(a, 'acc');
});
out('empty typed array', () => {
  const a = new Uint8Array(0);
  harden(a);
  return [frozen(a), Object.isExtensible(a)].join();
});
out('typed array prototype chain', () => {
  const a = new Uint8Array(1);
  harden(a);
  return [frozen(Uint8Array.prototype), frozen(Object.getPrototypeOf(Uint8Array.prototype))].join();
});
out('subarray shares buffer, buffer not reached', () => {
  const buf = new ArrayBuffer(8);
  const a = new Uint8Array(buf, 2, 2);
  harden(a);
  a[0] = 7;
  return [frozen(buf), new Uint8Array(buf)[2]].join();
});
out('ArrayBuffer', () => {
  const buf = new ArrayBuffer(4);
  harden(buf);
  new Uint8Array(buf)[0] = 9;
  return [frozen(buf), new Uint8Array(buf)[0]].join();
});
out('DataView', () => {
  const buf = new ArrayBuffer(4);
  const dv = new DataView(buf);
  harden(dv);
  dv.setUint8(0, 3);
  return [frozen(dv), frozen(buf), dv.getUint8(0)].join();
});
out('typed array subclass instance', () => {
  class Sub extends Uint8Array {}
  const s = new Sub(1);
  harden(s);
  s[0] = 4;
  return [s[0], frozen(s), frozen(Sub.prototype), frozen(Sub)].join();
});
out('proxy of a typed array', () => {
  const p = new Proxy(new Uint8Array(1), {});
  harden(p);
  return 'no throw';
});

// Things harden does not touch
out('Map state', () => {
  const m = harden(new Map());
  m.set('k', 1);
  return [frozen(m), m.get('k')].join();
});
out('Set / WeakMap state', () => {
  const s = harden(new Set());
  s.add(1);
  const w = harden(new WeakMap());
  const k = {};
  w.set(k, 2);
  return [s.has(1), w.get(k)].join();
});
out('private fields and closures', () => {
  class C {
    #x = 1;
    bump() {
      this.#x += 1;
      return this.#x;
    }
  }
  const c = harden(new C());
  let n = 0;
  const f = harden(() => {
    n += 1;
    return n;
  });
  return [c.bump(), f(), f()].join();
});
out('promise', () => {
  const p = harden(Promise.resolve(1));
  return frozen(p);
});

// Errors
out('error', () => {
  const e = new Error('boom');
  harden(e);
  return [frozen(e), typeof e.stack, d(e, 'stack'), e.message].join();
});
out('error with cause', () => {
  const cause = { c: 1 };
  const e = new Error('boom', { cause });
  harden(e);
  return [frozen(e), frozen(cause)].join();
});

// Depth
out('100k-deep chain', () => {
  let chain = {};
  for (let i = 0; i < 100000; i += 1) chain = { next: chain };
  harden(chain);
  let n = 0;
  for (let c = chain; c.next; c = c.next) n += frozen(c) ? 1 : 0;
  return n;
});
out('wide graph', () => {
  const wide = { items: [] };
  for (let i = 0; i < 10000; i += 1) wide.items.push({ i, tag: { n: i } });
  harden(wide);
  return wide.items.every((x) => frozen(x) && frozen(x.tag));
});

if (mode === 'lockdown') {
  out('Object[Symbol.for("harden")] === harden', () => Object[Symbol.for('harden')] === harden);
  out('harden is frozen', () => frozen(harden));
  out('String(harden)', () => String(harden));
  out('harden.isFake', () => harden.isFake);
  out('intrinsic prototypes already hardened', () => {
    const o = harden({});
    return frozen(Object.prototype) && frozen(o);
  });
}

for (const l of lines) console.log(l);
