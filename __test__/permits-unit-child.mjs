// Child process for permits-unit.test.js: drives one implementation's intrinsics modules
// directly, without lockdown.
//   node permits-unit-child.mjs <impl> <scenario>
// impl: 'ses' (lib/lockdown/*.js of this package) or 'ses-reference' (ses 2.3.0's src/).
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const [impl, scenario] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(import.meta.url);

const load = async (name) => {
  if (impl === 'ses') return require(path.join(root, 'lib/lockdown', `${name}.js`));
  return import(pathToFileURL(path.join(root, 'node_modules/ses-reference/src', `${name}.js`)).href);
};

const { makeIntrinsicsCollector, getGlobalIntrinsics } = await load('intrinsics');
const { getAnonymousIntrinsics } = await load('get-anonymous-intrinsics');
const permitsIntrinsics = await load('permits-intrinsics');
const removeUnpermittedIntrinsics =
  permitsIntrinsics.removeUnpermittedIntrinsics || permitsIntrinsics.default;

const reports = [];
const reporter = {
  warn: (...a) => reports.push(`warn ${a.map(String).join(' ')}`),
  error: (...a) => reports.push(`error ${a[0]}`),
};

if (scenario === 'anonymous') {
  const anon = getAnonymousIntrinsics();
  for (const k of Object.keys(anon).sort()) {
    console.log(`${k} ${typeof anon[k]}`);
  }
} else if (scenario === 'collect') {
  const { addIntrinsics, completePrototypes, finalIntrinsics } = makeIntrinsicsCollector(reporter);
  addIntrinsics(getAnonymousIntrinsics());
  completePrototypes();
  const intrinsics = finalIntrinsics();
  console.log(`frozen ${Object.isFrozen(intrinsics)} proto ${Object.getPrototypeOf(intrinsics)}`);
  for (const k of Object.keys(intrinsics).sort()) console.log(k);
  for (const r of reports) console.log(r);
  // Re-adding an identical binding is fine; a different one is not.
  const c2 = makeIntrinsicsCollector(reporter);
  c2.addIntrinsics({ Array });
  try {
    c2.addIntrinsics({ Array: Object });
  } catch (e) {
    console.log(`conflict: ${e.name}: ${e.message}`);
  }
  try {
    c2.isPseudoNative(Array);
  } catch (e) {
    console.log(`early isPseudoNative: ${e.message}`);
  }
  const fin = c2.finalIntrinsics();
  console.log(`isPseudoNative ${c2.isPseudoNative(Array)} ${c2.isPseudoNative(() => {})} ${fin.Array === Array}`);
  // A function that the permits do not know as a constructor loses its `prototype`.
  const c3 = makeIntrinsicsCollector(reporter);
  const isFiniteCopy = function isFinite() {};
  Object.defineProperty(globalThis, 'isFinite', { value: isFiniteCopy });
  try {
    const c4 = makeIntrinsicsCollector(reporter);
    c4.completePrototypes();
    console.log(`isFinite.prototype ${Object.hasOwn(isFiniteCopy, 'prototype')}`);
  } catch (e) {
    console.log(`completePrototypes: ${e.message}`);
  }
  void c3;
  for (const r of reports.slice(-3)) console.log(r);
} else if (scenario === 'global') {
  const fakeGlobal = { Date: function SharedDate() {}, Math: { x: 1 }, Symbol: Symbol, Foo: 1 };
  const intrinsics = getGlobalIntrinsics(fakeGlobal, reporter);
  console.log(Object.keys(intrinsics).sort().join(' '));
  console.log(intrinsics['%SharedDate%'] === fakeGlobal.Date, intrinsics['%SharedSymbol%'] === Symbol);
} else if (scenario === 'remove') {
  // The same intrinsics record for both implementations, with stand-ins for the tamed
  // variants that lockdown would supply.
  Object.defineProperty(Error, 'stackTraceLimit', { get() { return 10; }, set() {}, configurable: true });
  Object.defineProperty(Error, 'prepareStackTrace', { get() { return undefined; }, set() {}, configurable: true });
  Array.prototype.junk = 1;
  Object.defineProperty(Map.prototype, Symbol('secret'), { value: 2, configurable: true });
  Object.defineProperty(Set, 'hiddenJunk', { value: () => {}, configurable: true });
  const anon = getAnonymousIntrinsics();
  delete anon['%InertCompartment%'];
  const intrinsics = { __proto__: null };
  const named = [
    'Object', 'Array', 'ArrayBuffer', 'BigInt', 'Boolean', 'DataView', 'Map', 'Set', 'WeakMap',
    'WeakSet', 'Number', 'String', 'Promise', 'Proxy', 'JSON', 'Reflect', 'EvalError',
    'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'AggregateError',
    'Uint8Array', 'Float64Array', 'BigInt64Array', 'escape', 'isNaN',
  ];
  for (const n of named) intrinsics[n] = globalThis[n];
  Object.assign(intrinsics, anon, {
    '%SharedError%': Error,
    '%InitialError%': Error,
    '%SharedSymbol%': Symbol,
    '%SharedDate%': Date,
    '%SharedRegExp%': RegExp,
    '%InitialRegExp%': RegExp,
    '%SharedMath%': Math,
    Infinity,
    NaN,
    undefined,
  });
  for (const n of Object.keys(intrinsics)) {
    const v = intrinsics[n];
    if (v && Object.hasOwn(v, 'prototype') && typeof v === 'function') {
      const name = {
        '%SharedError%': '%ErrorPrototype%', '%InitialError%': '%ErrorPrototype%',
        '%SharedSymbol%': '%SymbolPrototype%', '%SharedDate%': '%DatePrototype%',
        '%SharedRegExp%': '%RegExpPrototype%', '%InitialRegExp%': '%RegExpPrototype%',
        '%InertFunction%': '%FunctionPrototype%', '%InertGeneratorFunction%': '%Generator%',
        '%InertAsyncGeneratorFunction%': '%AsyncGenerator%', '%InertAsyncFunction%': '%AsyncFunctionPrototype%',
        '%TypedArray%': '%TypedArrayPrototype%',
      }[n] || (n.startsWith('%') ? undefined : `%${n}Prototype%`);
      if (name) intrinsics[name] = v.prototype;
    }
  }
  intrinsics['%GeneratorPrototype%'] = anon['%Generator%'].prototype;
  const marked = new Set();
  let threw;
  try {
    removeUnpermittedIntrinsics(intrinsics, (f) => marked.add(f), reporter);
  } catch (e) {
    threw = `${e.name}: ${e.message}`;
  }
  console.log(`threw ${threw}`);
  for (const r of reports.sort()) console.log(r);
  console.log(`marked ${marked.size} all functions ${[...marked].every((f) => typeof f === 'function')}`);
  console.log(`marked Array.prototype.map ${marked.has(Array.prototype.map)}`);
  console.log(`junk ${'junk' in []} hiddenJunk ${'hiddenJunk' in Set} symbols ${Object.getOwnPropertySymbols(Map.prototype).length}`);
  console.log(`RegExp.$1 ${'$1' in RegExp} compile ${'compile' in RegExp.prototype} caller ${Object.hasOwn(Function.prototype, 'caller')}`);
} else {
  throw Error(`unknown scenario ${scenario}`);
}
