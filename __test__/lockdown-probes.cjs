'use strict';
// Probe scripts shared by the lockdown-*.test.js files. Each prints `label → result`
// lines; the same text runs under ses and under this package.

// What a given configuration changed, in a compact form: run after lockdown(...).
const FINGERPRINT = String.raw`
const c = () => new Compartment();
out('typeof harden', () => typeof harden);
out('harden.isFake', () => harden.isFake);
out('harden shape', () => [harden.name, harden.length, Object.isFrozen(harden), String(harden)].join('|'));
out('harden === Object[@harden]', () => Object[Symbol.for('harden')] === harden);
out('frozen Array.prototype', () => Object.isFrozen(Array.prototype));
out('frozen globalThis', () => Object.isFrozen(globalThis));
out('Array.prototype.zz = 1', () => { Array.prototype.zz = 1; return [].zz; });
out('isExtensible({})', () => Object.isExtensible({}));
out('Reflect.isExtensible({})', () => Reflect.isExtensible({}));
out('isFrozen({})', () => Object.isFrozen({}));
out('isSealed({})', () => Object.isSealed({}));
out('harden nested', () => { const a = { b: {} }; harden(a); return Object.isFrozen(a.b); });
out('(0,eval)("nonexistentVar")', () => (0, eval)('nonexistentVar'));
out('(0,eval)("1+1")', () => (0, eval)('1+1'));
out('Function("return 7")()', () => Function('return 7')());
out('Function("return this")()', () => typeof Function('return this')());
out('eval var leak', () => { (0, eval)('var leakedVar = 1'); return typeof globalThis.leakedVar; });
out('eval assign unknown', () => (0, eval)('undeclaredZ = 3'));
out('eval html comment', () => (0, eval)('1 <!-- 2'));
out('String(eval)', () => String(eval));
out('String(Function)', () => String(Function));
out('Function.prototype.constructor("1")', () => Function.prototype.constructor('1'));
out('(function(){}).constructor === Function', () => (function () {}).constructor === Function);
out('generator ctor', () => Object.getPrototypeOf(function* () {}).constructor('1'));
out('async ctor', () => Object.getPrototypeOf(async function () {}).constructor('1'));
out('async gen ctor', () => Object.getPrototypeOf(async function* () {}).constructor('1'));
out('inert names', () => [Function.prototype.constructor.name, Object.getPrototypeOf(function* () {}).constructor.name, Object.getPrototypeOf(async function () {}).constructor.name].join());
out('String(inert)', () => String(Function.prototype.constructor));
out('Date.now type', () => typeof Date.now());
out('Date.prototype.constructor === Date', () => Date.prototype.constructor === Date);
out('Date.prototype.constructor.now()', () => Date.prototype.constructor.now());
out('new (Date.prototype.constructor)()', () => new (Date.prototype.constructor)());
out('(Date.prototype.constructor)()', () => (Date.prototype.constructor)());
out('new (Date.prototype.constructor)(0)', () => new (Date.prototype.constructor)(0).getTime());
out('Date.length', () => [Date.length, Date.prototype.constructor.length].join());
out('String(Date)', () => String(Date));
out('typeof Date()', () => typeof Date());
out('Math.random type', () => typeof Math.random());
out('compartment Math.random', () => c().evaluate('Math.random()'));
out('compartment Date.now', () => c().evaluate('Date.now()'));
out('compartment new Date()', () => c().evaluate('new Date()'));
out('compartment Date()', () => c().evaluate('Date()'));
out('compartment Date.length', () => c().evaluate('Date.length'));
out('compartment Symbol', () => c().evaluate('Symbol') === Symbol.prototype.constructor);
out('Symbol is original', () => Symbol === Symbol.prototype.constructor);
out('String(Symbol.prototype.constructor)', () => String(Symbol.prototype.constructor));
out('new Symbol.prototype.constructor()', () => new (Symbol.prototype.constructor)());
out('RegExp.prototype.compile', () => typeof RegExp.prototype.compile);
out('RegExp.$1', () => typeof RegExp.$1);
out('RegExp.prototype.constructor === RegExp', () => RegExp.prototype.constructor === RegExp);
out('String(RegExp)', () => String(RegExp));
out('RegExp.length', () => RegExp.length);
out('localeCompare', () => ['a'.localeCompare('b'), 'b'.localeCompare('a'), 'a'.localeCompare('a'), 'ä'.localeCompare('z')].join());
out('localeCompare null this', () => String.prototype.localeCompare.call(null, 'x'));
out('toLocaleString', () => (1234.5).toLocaleString());
out('toLocaleUpperCase', () => 'i'.toLocaleUpperCase('tr'));
out('Date toLocaleString is toString', () => Date.prototype.toLocaleString === Date.prototype.toString);
out('Array toLocaleString', () => [1234.5, 2].toLocaleString());
out('BigInt toLocaleString', () => (12345n).toLocaleString());
out('String(localeCompare)', () => String(String.prototype.localeCompare));
out('override toString', () => { const o = {}; o.toString = () => 'x'; return String(o); });
out('override hasOwnProperty', () => { const o = {}; o.hasOwnProperty = 1; return o.hasOwnProperty; });
out('override valueOf', () => { const o = {}; o.valueOf = () => 3; return o + 1; });
out('override constructor', () => { function F() {} F.prototype = Object.create(Object.prototype); F.prototype.constructor = F; return F.prototype.constructor === F; });
out('Object.prototype.toString desc', () => desc(Object.prototype, 'toString'));
out('Object.prototype.hasOwnProperty desc', () => desc(Object.prototype, 'hasOwnProperty'));
out('Array.prototype.push desc', () => desc(Array.prototype, 'push'));
out('Map.prototype.get desc', () => desc(Map.prototype, 'get'));
out('Error.prototype.message desc', () => desc(Error.prototype, 'message'));
out('TypeError.prototype.constructor desc', () => desc(TypeError.prototype, 'constructor'));
out('Function.prototype.bind desc', () => desc(Function.prototype, 'bind'));
out('Promise.prototype.constructor desc', () => desc(Promise.prototype, 'constructor'));
out('TypedArray.prototype.set desc', () => desc(Object.getPrototypeOf(Uint8Array.prototype), 'set'));
out('IteratorPrototype @@iterator desc', () => desc(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), Symbol.iterator));
out('getter originalValue', () => Object.getOwnPropertyDescriptor(Object.prototype, 'toString').get.originalValue === Object.prototype.toString);
out('getter name', () => { const d = Object.getOwnPropertyDescriptor(Object.prototype, 'toString'); return d.get ? [d.get.name, d.set.name, 'prototype' in d.get].join() : 'data'; });
out('assign on owner', () => { Object.prototype.toString = 1; });
out('assign on Error.prototype.name', () => { Error.prototype.name = 'x'; });
out('assign existing own', () => { const o = {}; o.toString = 1; o.toString = 2; return [o.toString, desc(o, 'toString')].join(); });
out('array push override', () => { const a = []; a.push = 5; return a.push; });
out('iter proto override', () => { const ip = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())); const o = Object.create(ip); o[Symbol.iterator] = 1; return [o[Symbol.iterator], desc(o, Symbol.iterator)].join(); });
out('iter proto self assign', () => { const ip = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())); ip[Symbol.iterator] = 1; return typeof ip[Symbol.iterator]; });
out('new Error("x").stack', () => new Error('x').stack);
out('typeof getStackString', () => typeof getStackString);
out('Error.prototype.constructor === Error', () => Error.prototype.constructor === Error);
out('getPrototypeOf(TypeError) === Error', () => Object.getPrototypeOf(TypeError) === Error);
out('assert.Fail', () => assert.Fail` + "`x ${1} ${'s'}`" + String.raw`);
out('console is frozen', () => Object.isFrozen(console));
out('process.domain', () => desc(process, 'domain') + ' ' + process.domain);
out('Buffer frozen', () => Object.isFrozen(Buffer));
out('TextEncoder frozen', () => Object.isFrozen(TextEncoder));
out('process frozen', () => Object.isFrozen(process));
out('Intl frozen', () => Object.isFrozen(Intl));
out('SharedArrayBuffer present', () => typeof SharedArrayBuffer);
out('Atomics present', () => typeof Atomics);
out('Function.prototype.caller', () => Object.getOwnPropertyNames(Function.prototype).includes('caller'));
out('DataView NaN', () => { const dv = new DataView(new ArrayBuffer(8)); const bad = new Float64Array(new BigUint64Array([0x7ff8000000000001n]).buffer)[0]; dv.setFloat64(0, bad); return dv.getBigUint64(0).toString(16); });
out('DataView NaN32', () => { const dv = new DataView(new ArrayBuffer(8)); dv.setFloat32(0, { valueOf: () => NaN }); return dv.getUint32(0).toString(16); });
out('DataView setFloat64 shape', () => [DataView.prototype.setFloat64.name, DataView.prototype.setFloat64.length, String(DataView.prototype.setFloat64)].join('|'));
out('DataView bad offset', () => new DataView(new ArrayBuffer(8)).setFloat64(-1, 1));
out('DataView bad this', () => DataView.prototype.setFloat32.call({}, 0, 1));
out('DataView bigint value', () => new DataView(new ArrayBuffer(8)).setFloat64(0, 1n));
out('transfer', () => new ArrayBuffer(4).transfer());
out('immutable', () => { const b = new ArrayBuffer(4).sliceToImmutable(); return [b.immutable, b.byteLength, Object.prototype.toString.call(b), Object.isFrozen(b)].join(); });
out('Iterator.prototype.constructor desc', () => typeof Iterator === 'undefined' ? 'none' : desc(Iterator.prototype, 'constructor'));
out('Temporal', () => typeof globalThis.Temporal);
out('Float32Array on global', () => typeof Float32Array);
out('compartment Float32Array', () => c().evaluate('typeof Float32Array'));
out('String(Compartment)', () => String(Compartment));
out('Compartment frozen', () => Object.isFrozen(Compartment));
out('hardenIntrinsics on global', () => typeof globalThis.hardenIntrinsics);
out('lockdown again', () => lockdown());
out('repairIntrinsics again', () => repairIntrinsics());
`;

// Descriptors of the start global (spec 1.4), run after lockdown.
const GLOBAL_DESCRIPTORS = String.raw`
const names = Reflect.ownKeys(globalThis).filter(k => typeof k === 'string').sort();
for (const k of names) {
  if (k === '__lines' || k === 'leakedVar') continue;
  out('global ' + k, () => { const d = Object.getOwnPropertyDescriptor(globalThis, k); const v = d.value; return desc(globalThis, k) + (d.get ? '' : ' ' + typeof v + (v !== null && (typeof v === 'object' || typeof v === 'function') ? (Object.isFrozen(v) ? ' frozen' : ' unfrozen') : '')); });
}
out('globalThis extensible', () => Object.isExtensible(globalThis));
out('getPrototypeOf(globalThis) unchanged', () => Object.getPrototypeOf(globalThis) !== Object.prototype);
`;

// Every object reachable from the universal globals by own properties and prototypes;
// prints those that are not frozen (and typed arrays' prototype chain) and the count.
const FROZEN_WALK = String.raw`
const roots = ['Object','Function','Array','ArrayBuffer','BigInt','Boolean','DataView','Date','Error','EvalError','JSON','Map','Math','Number','Promise','Proxy','RangeError','ReferenceError','Reflect','RegExp','Set','String','Symbol','SyntaxError','TypeError','URIError','WeakMap','WeakSet','AggregateError','Uint8Array','Int8Array','Float32Array','Float64Array','BigInt64Array','harden','lockdown','Compartment','eval','escape','unescape','Iterator','TextEncoder','TextDecoder','Buffer'];
const seen = new Set();
const paths = new Map();
const queue = [];
const visit = (v, p) => { if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return; if (seen.has(v)) return; seen.add(v); paths.set(v, p); queue.push(v); };
for (const n of roots) if (n in globalThis) visit(globalThis[n], n);
visit(Object.getPrototypeOf(function* () {}), '%Generator%');
visit(Object.getPrototypeOf(async function* () {}), '%AsyncGenerator%');
visit(Object.getPrototypeOf(async function () {}), '%AsyncFunctionPrototype%');
visit([][Symbol.iterator](), 'arrayIterator');
visit(new Map()[Symbol.iterator](), 'mapIterator');
visit('x'.matchAll(/x/g), 'regexpStringIterator');
visit(Object.getOwnPropertyDescriptor(Function.prototype, 'caller') || {}, 'caller');
(function () { 'use strict'; try { visit(Object.getOwnPropertyDescriptor(arguments, 'callee').get, '%ThrowTypeError%'); } catch (_) {} })();
while (queue.length) {
  const o = queue.shift();
  const p = paths.get(o);
  visit(Object.getPrototypeOf(o), p + '.__proto__');
  for (const k of Reflect.ownKeys(o)) {
    const d = Reflect.getOwnPropertyDescriptor(o, k);
    const kn = typeof k === 'symbol' ? '[' + String(k) + ']' : k;
    if ('value' in d) visit(d.value, p + '.' + kn); else { visit(d.get, p + '.' + kn + '<get>'); visit(d.set, p + '.' + kn + '<set>'); }
  }
}
const unfrozen = [...seen].filter(o => !Object.isFrozen(o)).map(o => paths.get(o)).sort();
out('reachable count', () => seen.size);
out('unfrozen', () => unfrozen.join(', '));
`;

// The same walk, printing each reachable object's own keys and their kinds: what the
// permits removed, and what overrides turned into accessors.
const SHAPE_WALK = FROZEN_WALK.replace(
  /const unfrozen[\s\S]*$/,
  String.raw`
for (const o of seen) {
  const p = paths.get(o);
  if (/^(Buffer|TextEncoder|TextDecoder)/.test(p)) continue;
  out('keys ' + p, () => Reflect.ownKeys(o).map(k => (typeof k === 'symbol' ? '[' + String(k) + ']' : k) + ':' + desc(o, k).replace(/ /g, '')).sort().join(' '));
}
`,
);

module.exports = { FINGERPRINT, GLOBAL_DESCRIPTORS, FROZEN_WALK, SHAPE_WALK };
