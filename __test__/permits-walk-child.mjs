// Child process for permits-differential.test.js.
//   node permits-walk-child.mjs <impl> <scenario>
// impl: 'ses' (this package, by self-reference) or 'ses-reference' (ses 2.3.0).
// Prints one line per finding; the parent compares the two implementations' output.

const [impl, scenario] = process.argv.slice(2);
await import(impl);

const symbolName = (sym) => {
  for (const k of Reflect.ownKeys(Symbol)) {
    if (Symbol[k] === sym) return `@@${String(k)}`;
  }
  const reg = Symbol.keyFor(sym);
  if (reg !== undefined) return `RegisteredSymbol(${reg})`;
  return `Unique${String(sym)}`;
};
const keyName = (k) => (typeof k === 'symbol' ? symbolName(k) : k);

// Named roots: every permitted global, and the anonymous intrinsics reached by syntax.
const roots = () => {
  const g = globalThis;
  const names = [
    'Object', 'Function', 'Array', 'ArrayBuffer', 'BigInt', 'BigInt64Array', 'BigUint64Array',
    'Boolean', 'DataView', 'Date', 'Error', 'EvalError', 'RangeError', 'ReferenceError',
    'SyntaxError', 'TypeError', 'URIError', 'AggregateError', 'Float32Array', 'Float64Array',
    'Int8Array', 'Int16Array', 'Int32Array', 'Uint8Array', 'Uint8ClampedArray', 'Uint16Array',
    'Uint32Array', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Number', 'Math', 'JSON', 'Reflect',
    'Promise', 'Proxy', 'RegExp', 'String', 'Symbol', 'isFinite', 'isNaN', 'parseFloat',
    'parseInt', 'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent',
    'escape', 'unescape', 'eval', 'TextEncoder', 'TextDecoder', 'Buffer', 'lockdown',
    'harden', 'Compartment', 'Iterator', 'AsyncIterator', 'getStackString',
  ];
  const out = [];
  for (const n of names) if (n in g) out.push([n, g[n]]);
  function strictArgs() { return arguments; } // eslint-disable-line prefer-rest-params
  out.push(
    ['%ThrowTypeError%', Object.getOwnPropertyDescriptor(strictArgs(), 'callee').get],
    ['%GeneratorFunction%', Object.getPrototypeOf(function* () {}).constructor],
    ['%AsyncFunction%', Object.getPrototypeOf(async function () {}).constructor],
    ['%AsyncGeneratorFunction%', Object.getPrototypeOf(async function* () {}).constructor],
    ['%ArrayIteratorPrototype%', Object.getPrototypeOf([][Symbol.iterator]())],
    ['%MapIteratorPrototype%', Object.getPrototypeOf(new Map()[Symbol.iterator]())],
    ['%SetIteratorPrototype%', Object.getPrototypeOf(new Set()[Symbol.iterator]())],
    ['%StringIteratorPrototype%', Object.getPrototypeOf(''[Symbol.iterator]())],
    ['%RegExpStringIteratorPrototype%', Object.getPrototypeOf(/a/[Symbol.matchAll](''))],
    ['%TypedArray%', Object.getPrototypeOf(Uint8Array)],
  );
  return out;
};

// Breadth-first walk; every object gets the first path that reaches it.
const walk = () => {
  const seen = new Map();
  const queue = [];
  const visit = (path, v) => {
    if (Object(v) !== v || seen.has(v)) return;
    seen.set(v, path);
    queue.push(v);
  };
  for (const [n, v] of roots()) visit(n, v);
  const lines = [];
  for (let i = 0; i < queue.length && i < 20000; i += 1) {
    const obj = queue[i];
    const path = seen.get(obj);
    const keys = Reflect.ownKeys(obj).map(keyName).sort();
    const proto = Object.getPrototypeOf(obj);
    lines.push(
      `${path} ${typeof obj} ${Object.isFrozen(obj) ? 'frozen' : 'NOT-FROZEN'} ` +
        `proto=${proto === null ? 'null' : seen.get(proto) || '?'} [${keys.join(',')}]`,
    );
    visit(`${path}.__proto__`, proto);
    for (const k of Reflect.ownKeys(obj)) {
      const d = Reflect.getOwnPropertyDescriptor(obj, k);
      const p = `${path}.${keyName(k)}`;
      if ('value' in d) visit(p, d.value);
      else {
        visit(`${p}<get>`, d.get);
        visit(`${p}<set>`, d.set);
      }
    }
  }
  return lines;
};

const print = (lines) => {
  for (const l of lines) console.log(l);
};

if (scenario === 'walk') {
  lockdown();
  print(walk());
} else if (scenario.startsWith('walk:')) {
  // lockdown options as JSON after the colon
  lockdown(JSON.parse(scenario.slice(5)));
  print(walk());
} else if (scenario === 'junk') {
  // Unknown additions are reported and removed; known-bad ones vanish silently.
  Array.prototype.foo = 1;
  Object.prototype[Symbol('unique junk')] = 2;
  Object.prototype[Symbol.for('registered junk')] = 3;
  Map.prototype.extra = function extra() {};
  Object.defineProperty(Error.prototype, 'cause', { value: 'x', configurable: true });
  Object.defineProperty(TypeError.prototype, 'cause', { value: 'x', configurable: true });
  Symbol.prototype.junk = {};
  lockdown();
  print([
    `foo ${'foo' in []}`,
    `cause ${Object.hasOwn(Error.prototype, 'cause')} ${Object.hasOwn(TypeError.prototype, 'cause')}`,
    `compile ${'compile' in RegExp.prototype}`,
    `caller ${Object.hasOwn(Function.prototype, 'caller')}`,
    `extra ${'extra' in Map.prototype}`,
    `symbols ${Object.getOwnPropertySymbols(Object.prototype).length}`,
  ]);
} else if (scenario === 'undeletable') {
  Object.defineProperty(Array, 'bar', { value: 1, configurable: false });
  try {
    lockdown();
    console.log('no throw');
  } catch (e) {
    console.log(`THROWS ${e.name}: ${e.message}`);
  }
} else if (scenario === 'bad-proto') {
  Object.setPrototypeOf(Map.prototype.get, {});
  try {
    lockdown();
    console.log('no throw');
  } catch (e) {
    console.log(`THROWS ${e.name}: ${e.message}`);
  }
} else if (scenario === 'bad-shape') {
  Object.defineProperty(Array.prototype, 'map', { get() { return 1; }, configurable: true });
  try {
    lockdown();
    console.log('no throw');
  } catch (e) {
    console.log(`THROWS ${e.name}: ${e.message}`);
  }
} else if (scenario === 'bad-type') {
  Object.defineProperty(Symbol.prototype, Symbol.toStringTag, { value: 42 });
  try {
    lockdown();
    console.log('no throw');
  } catch (e) {
    console.log(`THROWS ${e.name}: ${e.message}`);
  }
} else if (scenario === 'prototype-removed') {
  // A function permitted as a plain method gains a `prototype`: removed with a warning.
  const f = Array.prototype.map;
  Object.defineProperty(f, 'prototype', { value: {}, writable: true, configurable: true });
  lockdown();
  console.log(`proto ${Object.hasOwn(Array.prototype.map, 'prototype')}`);
} else {
  throw Error(`unknown scenario ${scenario}`);
}
