'use strict';
// The permits: which intrinsics lockdown keeps, and which of their properties.
//
// Exports (the names and meanings upstream `ses` uses for `src/permits.js`):
//   constantProperties            { Infinity, NaN, undefined } (name -> value)
//   universalPropertyNames        global name -> intrinsic name, on every global
//   initialGlobalPropertyNames    global name -> intrinsic name, start compartment only
//   sharedGlobalPropertyNames     global name -> intrinsic name, compartments made after lockdown
//   uniqueGlobalPropertyNames     global name -> intrinsic name, made anew for each global
//   NativeErrors                  [EvalError, RangeError, ..., AggregateError]
//   FunctionInstance              the permit shared by every plain function value
//   AsyncFunctionInstance         the permit of an async function value
//   isAccessorPermit(permit)      true for the two accessor permits
//   permitted                     intrinsic name -> permit (the compiled table)
//
// A permit is one of:
//   false                 the property is known to be unsafe or junk: delete it silently;
//   'number' | 'string' | 'boolean' | 'symbol' | 'undefined'
//                         a data property whose value has that typeof;
//   '%Name%' or 'Name'    a data property whose value is that very intrinsic;
//   a record              a data property whose value is an object or function, checked
//                         recursively: '[[Proto]]' names its prototype (default
//                         %ObjectPrototype%; null for none), every other key names a property;
//   an accessor permit    { get, set }, each checked like a value permit.
// Symbol-keyed properties are named '@@name' (well-known), 'RegisteredSymbol(key)' or
// 'UniqueSymbol(description)'.
//
// The table below is written in a small line language, one intrinsic per template string,
// grouped by the clause of ECMA-262 (2025, plus what Node 18-24 ship and the proposals that
// hosts ship early) that defines it. Each line is `kind name name ...`:
//   proto X          [[Prototype]] is the intrinsic X (or `null`)
//   fn a b           function-valued data properties
//   asyncfn a b      async-function-valued data properties
//   get a b          accessors with a getter and no setter
//   getset a b       accessors with a getter and a setter
//   number a b       (and string, boolean, symbol, undefined) primitive-valued data properties
//   is a X           data property a must hold the intrinsic X
//   nest a R         data property a holds an object checked by the local record R
//   drop a b         known-bad properties, removed without a warning
//
// Host objects: TextEncoder and TextDecoder are permitted (universal); Node's Buffer is not
// in the table, lockdown hardens it as a host intrinsic; other host globals (process,
// URL, timers, WeakRef, Intl, ...) are never collected, so they are left alone.

const {
  AggregateError,
  EvalError,
  RangeError,
  ReferenceError,
  SyntaxError,
  TypeError,
  URIError,
  assign,
  create,
  freeze,
  keys,
  hasOwn,
  stringSplit,
  stringTrim,
  arrayForEach,
  arrayIncludes,
  arrayPush,
} = require('../commons.js');

// ---------------------------------------------------------------------------------------
// Global object property groups (ECMA-262 clause 19 plus host and SES additions)

const nameMap = obj => freeze(assign(create(null), obj));

const constantProperties = nameMap({
  Infinity: Infinity,
  NaN: NaN,
  undefined: undefined,
});

const selfNamed = names => {
  const map = {};
  arrayForEach(names, name => {
    map[name] = name;
  });
  return map;
};

// Powerless globals that appear, with the same identity, on every global object.
const universalPropertyNames = nameMap(
  selfNamed([
    // 19.2 function properties
    'isFinite', 'isNaN', 'parseFloat', 'parseInt',
    'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent',
    // 19.3 constructor properties (those without a tamed or per-global variant)
    'Array', 'ArrayBuffer', 'BigInt', 'BigInt64Array', 'BigUint64Array',
    'Boolean', 'DataView', 'EvalError', 'Int8Array', 'Int16Array', 'Int32Array',
    'Map', 'Number', 'Object', 'Promise', 'Proxy', 'RangeError', 'ReferenceError', 'Set',
    'String', 'SyntaxError', 'TypeError', 'Uint8Array', 'Uint8ClampedArray', 'Uint16Array',
    'Uint32Array', 'URIError', 'WeakMap', 'WeakSet',
    // later additions, in the order ses 2.3.0 lists them (it is the global's key order):
    // iterator helpers, async iterator helpers, AggregateError
    'Iterator', 'AsyncIterator', 'AggregateError',
    // 19.4 other properties
    'JSON', 'Reflect',
    // WHATWG Encoding: pure string <-> bytes transformations
    'TextEncoder', 'TextDecoder',
    // Annex B.2.1
    'escape', 'unescape',
    // source phase imports proposal
    'ModuleSource',
    // SES itself
    'lockdown', 'harden',
    // eventual-send shim
    'HandledPromise',
  ]),
);

// Present only on the start compartment's global (and compartments made before lockdown).
const initialGlobalPropertyNames = nameMap({
  Date: '%InitialDate%',
  Error: '%InitialError%',
  RegExp: '%InitialRegExp%',
  Math: '%InitialMath%',
  Temporal: '%InitialTemporal%',
  // The float arrays can write NaN payloads, a side channel; they are repaired and
  // hardened but only the start compartment gets them by default.
  Float16Array: 'Float16Array',
  Float32Array: 'Float32Array',
  Float64Array: 'Float64Array',
  getStackString: '%InitialGetStackString%',
  // `Symbol` is deliberately absent: the start compartment keeps the original Symbol
  // with all its properties, whatever they are.
});

// The powerless replacements that compartments made after lockdown get.
const sharedGlobalPropertyNames = nameMap({
  Date: '%SharedDate%',
  Error: '%SharedError%',
  RegExp: '%SharedRegExp%',
  Symbol: '%SharedSymbol%',
  Math: '%SharedMath%',
  Temporal: '%SharedTemporal%',
});

// Made separately for each global object.
const uniqueGlobalPropertyNames = nameMap({
  globalThis: '%UniqueGlobalThis%',
  eval: '%UniqueEval%',
  Function: '%UniqueFunction%',
  Compartment: '%UniqueCompartment%',
});

// The NativeError constructors of 20.5.5 and 20.5.7.
const NativeErrors = [EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError];
if (typeof AggregateError !== 'undefined') {
  arrayPush(NativeErrors, AggregateError);
}
freeze(NativeErrors);

// ---------------------------------------------------------------------------------------
// Shared permits

// Every function: its prototype is %FunctionPrototype%; `length` and `name` are allowed.
// A constructor's `prototype` is listed in its own record.
const FunctionInstance = freeze(
  assign(create(null), {
    '[[Proto]]': '%FunctionPrototype%',
    length: 'number',
    name: 'string',
  }),
);

// Async functions inherit from %AsyncFunctionPrototype% instead.
const AsyncFunctionInstance = freeze(
  assign(create(null), {
    '[[Proto]]': '%AsyncFunctionPrototype%',
  }),
);

const GETTER = freeze(assign(create(null), { get: FunctionInstance, set: 'undefined' }));
const GETTER_SETTER = freeze(
  assign(create(null), { get: FunctionInstance, set: FunctionInstance }),
);

const isAccessorPermit = permit => permit === GETTER || permit === GETTER_SETTER;

// ---------------------------------------------------------------------------------------
// The line-language compiler

const PRIMITIVE_KINDS = freeze(['number', 'string', 'boolean', 'symbol', 'undefined']);

const permitFor = freeze({
  fn: FunctionInstance,
  asyncfn: AsyncFunctionInstance,
  get: GETTER,
  getset: GETTER_SETTER,
  drop: false,
});

// Records referenced by `nest`; filled before the table is compiled.
const localRecords = create(null);

const compile = (label, text) => {
  const record = create(null);
  const put = (name, permit) => {
    if (hasOwn(record, name)) {
      throw TypeError(`permits: ${label}.${name} listed twice`);
    }
    record[name] = permit;
  };
  arrayForEach(stringSplit(text, '\n'), rawLine => {
    const line = stringTrim(rawLine);
    if (line === '' || line[0] === '#') {
      return;
    }
    const words = [];
    arrayForEach(stringSplit(line, ' '), w => {
      if (w !== '') arrayPush(words, w);
    });
    const kind = words[0];
    if (kind === 'proto') {
      put('[[Proto]]', words[1] === 'null' ? null : words[1]);
    } else if (kind === 'is') {
      put(words[1], words[2]);
    } else if (kind === 'nest') {
      const nested = localRecords[words[2]];
      if (nested === undefined) {
        throw TypeError(`permits: unknown local record ${words[2]}`);
      }
      put(words[1], nested);
    } else if (hasOwn(permitFor, kind) || arrayIncludes(PRIMITIVE_KINDS, kind)) {
      const permit = hasOwn(permitFor, kind) ? permitFor[kind] : kind;
      for (let i = 1; i < words.length; i += 1) {
        put(words[i], permit);
      }
    } else {
      throw TypeError(`permits: bad line in ${label}: ${line}`);
    }
  });
  return freeze(record);
};

// ---------------------------------------------------------------------------------------
// Local (inline) records

// 23.1.3.41 Array.prototype[@@unscopables]
localRecords.ArrayUnscopables = compile(
  'ArrayUnscopables',
  `
  proto null
  boolean at copyWithin entries fill find findIndex findLast findLastIndex flat flatMap
  boolean includes keys toReversed toSorted toSpliced values
  # the array grouping proposal's first shape (V8 11, behind a flag)
  boolean group groupToMap
  `,
);

// `harden` (and the copy installed at Object[Symbol.for('harden')]) may carry `isFake`.
localRecords.Harden = compile(
  'Harden',
  `
  proto %FunctionPrototype%
  number length
  string name
  boolean isFake
  `,
);

// ---------------------------------------------------------------------------------------
// The table

const spec = create(null);

// The intrinsics record itself: the names that stand for plain values or functions.
spec['[[intrinsics]]'] = `
  proto null
  # 19.1 value properties of the global object
  number Infinity NaN
  undefined undefined
  # 19.2 function properties of the global object
  fn %UniqueEval% isFinite isNaN parseFloat parseInt
  fn decodeURI decodeURIComponent encodeURI encodeURIComponent
  # 10.2.4.1 %ThrowTypeError%
  fn %ThrowTypeError%
  # B.2.1
  fn escape unescape
  # 25.2 and 25.4: shared memory is a timing side channel
  drop SharedArrayBuffer %SharedArrayBufferPrototype% Atomics
  # SES
  fn lockdown %InitialGetStackString%
  nest harden Harden
`;

// ---- 20.1 Object ----------------------------------------------------------------------

spec.Object = `
  proto %FunctionPrototype%
  fn assign create defineProperties defineProperty entries freeze fromEntries
  fn getOwnPropertyDescriptor getOwnPropertyDescriptors getOwnPropertyNames
  fn getOwnPropertySymbols getPrototypeOf groupBy hasOwn is isExtensible isFrozen isSealed
  fn keys preventExtensions seal setPrototypeOf values
  is prototype %ObjectPrototype%
  # SES: the harden installed for @endo/harden to find
  nest RegisteredSymbol(harden) Harden
`;

spec['%ObjectPrototype%'] = `
  proto null
  is constructor Object
  fn hasOwnProperty isPrototypeOf propertyIsEnumerable toLocaleString toString valueOf
  # B.2.2
  getset __proto__
  fn __defineGetter__ __defineSetter__ __lookupGetter__ __lookupSetter__
`;

// ---- 20.2 Function --------------------------------------------------------------------

// Each global's Function constructor, and the inert one left on Function.prototype.
spec['%UniqueFunction%'] = `
  proto %FunctionPrototype%
  is prototype %FunctionPrototype%
`;
spec['%InertFunction%'] = spec['%UniqueFunction%'];

spec['%FunctionPrototype%'] = `
  fn apply bind call toString @@hasInstance
  is constructor %InertFunction%
  # 10.2.4 AddRestrictedFunctionProperties: poison pills, and engine junk
  drop caller arguments fileName lineNumber
`;

// ---- 20.3 Boolean ---------------------------------------------------------------------

spec.Boolean = `
  proto %FunctionPrototype%
  is prototype %BooleanPrototype%
`;
spec['%BooleanPrototype%'] = `
  is constructor Boolean
  fn toString valueOf
`;

// ---- 20.4 Symbol ----------------------------------------------------------------------

spec['%SharedSymbol%'] = `
  proto %FunctionPrototype%
  fn for keyFor
  is prototype %SymbolPrototype%
  # 20.4.2 well-known symbols
  symbol asyncIterator hasInstance isConcatSpreadable iterator match matchAll replace
  symbol search species split toPrimitive toStringTag unscopables
  # explicit resource management
  symbol asyncDispose dispose
`;
spec['%SymbolPrototype%'] = `
  is constructor %SharedSymbol%
  get description
  fn toString valueOf @@toPrimitive
  string @@toStringTag
`;

// ---- 20.5 Error -----------------------------------------------------------------------

// Both the start compartment's and the shared Error are tamed wrappers; V8's stack API
// appears as accessors on them.
spec['%InitialError%'] = `
  proto %FunctionPrototype%
  is prototype %ErrorPrototype%
  fn captureStackTrace isError
  getset stackTraceLimit prepareStackTrace
`;
spec['%SharedError%'] = spec['%InitialError%'];

spec['%ErrorPrototype%'] = `
  is constructor %SharedError%
  string message name
  fn toString
  # engines that put the stack on the prototype
  getset stack
  # an instance property only; some engines put these on the prototype
  drop cause at
`;

// 20.5.5 NativeError constructors and 20.5.7 AggregateError. After taming, their
// [[Prototype]] is the shared Error.
arrayForEach(
  ['EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError',
    'AggregateError'],
  name => {
    spec[name] = `
      proto %SharedError%
      is prototype %${name}Prototype%
    `;
    spec[`%${name}Prototype%`] = `
      proto %ErrorPrototype%
      is constructor ${name}
      string message name
      # engine leftovers
      drop toString cause
    `;
  },
);

// ---- 21.1 Number ----------------------------------------------------------------------

spec.Number = `
  proto %FunctionPrototype%
  number EPSILON MAX_SAFE_INTEGER MAX_VALUE MIN_SAFE_INTEGER MIN_VALUE NaN
  number NEGATIVE_INFINITY POSITIVE_INFINITY
  fn isFinite isInteger isNaN isSafeInteger parseFloat parseInt
  is prototype %NumberPrototype%
`;
spec['%NumberPrototype%'] = `
  is constructor Number
  fn toExponential toFixed toLocaleString toPrecision toString valueOf
`;

// ---- 21.2 BigInt ----------------------------------------------------------------------

spec.BigInt = `
  proto %FunctionPrototype%
  fn asIntN asUintN
  is prototype %BigIntPrototype%
`;
spec['%BigIntPrototype%'] = `
  is constructor BigInt
  fn toLocaleString toString valueOf
  string @@toStringTag
`;

// ---- 21.3 Math ------------------------------------------------------------------------

// The shared Math keeps `random`, but tamed to throw.
spec['%InitialMath%'] = `
  number E LN10 LN2 LOG10E LOG2E PI SQRT1_2 SQRT2
  string @@toStringTag
  fn abs acos acosh asin asinh atan atanh atan2 cbrt ceil clz32 cos cosh exp expm1
  fn f16round floor fround hypot imul log log1p log10 log2 max min pow random round
  fn sign sin sinh sqrt sumPrecise tan tanh trunc
`;
spec['%SharedMath%'] = spec['%InitialMath%'];

// ---- 21.4 Date ------------------------------------------------------------------------

spec['%InitialDate%'] = `
  proto %FunctionPrototype%
  fn now parse UTC
  is prototype %DatePrototype%
`;
spec['%SharedDate%'] = spec['%InitialDate%'];

spec['%DatePrototype%'] = `
  is constructor %SharedDate%
  fn getDate getDay getFullYear getHours getMilliseconds getMinutes getMonth getSeconds
  fn getTime getTimezoneOffset getUTCDate getUTCDay getUTCFullYear getUTCHours
  fn getUTCMilliseconds getUTCMinutes getUTCMonth getUTCSeconds
  fn setDate setFullYear setHours setMilliseconds setMinutes setMonth setSeconds setTime
  fn setUTCDate setUTCFullYear setUTCHours setUTCMilliseconds setUTCMinutes setUTCMonth
  fn setUTCSeconds
  fn toDateString toISOString toJSON toLocaleDateString toLocaleString toLocaleTimeString
  fn toString toTimeString toUTCString valueOf @@toPrimitive
  # B.2.3
  fn getYear setYear toGMTString
  # Temporal
  fn toTemporalInstant
`;

// ---- 22.1 String ----------------------------------------------------------------------

spec.String = `
  proto %FunctionPrototype%
  fn fromCharCode fromCodePoint raw
  is prototype %StringPrototype%
`;
spec['%StringPrototype%'] = `
  number length
  is constructor String
  fn at charAt charCodeAt codePointAt concat endsWith includes indexOf isWellFormed
  fn lastIndexOf localeCompare match matchAll normalize padEnd padStart repeat replace
  fn replaceAll search slice split startsWith substring toLocaleLowerCase
  fn toLocaleUpperCase toLowerCase toString toUpperCase toWellFormed trim trimEnd
  fn trimStart valueOf @@iterator
  # B.2.2
  fn substr anchor big blink bold fixed fontcolor fontsize italics link small strike
  fn sub sup trimLeft trimRight
`;
spec['%StringIteratorPrototype%'] = `
  proto %IteratorPrototype%
  fn next
  string @@toStringTag
`;

// ---- 22.2 RegExp ----------------------------------------------------------------------

// The start compartment's RegExp loses the legacy static properties (a global side channel
// that records the last match); the shared one never had them.
spec['%InitialRegExp%'] = `
  proto %FunctionPrototype%
  is prototype %RegExpPrototype%
  get @@species
  fn escape
  drop input $_ lastMatch $& lastParen $+ leftContext $\` rightContext $'
  drop $1 $2 $3 $4 $5 $6 $7 $8 $9
`;
spec['%SharedRegExp%'] = `
  proto %FunctionPrototype%
  is prototype %RegExpPrototype%
  get @@species
  fn escape
`;
spec['%RegExpPrototype%'] = `
  is constructor %SharedRegExp%
  fn exec test toString @@match @@matchAll @@replace @@search @@split
  get dotAll flags global hasIndices ignoreCase multiline source sticky unicode unicodeSets
  # B.2.4 compile mutates a regexp in place
  drop compile
`;
spec['%RegExpStringIteratorPrototype%'] = `
  proto %IteratorPrototype%
  fn next
  string @@toStringTag
`;

// ---- 23.1 Array -----------------------------------------------------------------------

spec.Array = `
  proto %FunctionPrototype%
  fn from fromAsync isArray of
  is prototype %ArrayPrototype%
  get @@species
`;
spec['%ArrayPrototype%'] = `
  number length
  is constructor Array
  fn at concat copyWithin entries every fill filter find findIndex findLast findLastIndex
  fn flat flatMap forEach includes indexOf join keys lastIndexOf map pop push reduce
  fn reduceRight reverse shift slice some sort splice toLocaleString toReversed toSorted
  fn toSpliced toString unshift values with @@iterator
  nest @@unscopables ArrayUnscopables
  # the array grouping proposal's first shape (V8 11, behind a flag)
  fn group groupToMap
`;
spec['%ArrayIteratorPrototype%'] = `
  proto %IteratorPrototype%
  fn next
  string @@toStringTag
`;

// ---- 23.2 TypedArray ------------------------------------------------------------------

spec['%TypedArray%'] = `
  proto %FunctionPrototype%
  fn from of
  is prototype %TypedArrayPrototype%
  get @@species
`;
spec['%TypedArrayPrototype%'] = `
  is constructor %TypedArray%
  get buffer byteLength byteOffset length @@toStringTag
  fn at copyWithin entries every fill filter find findIndex findLast findLastIndex forEach
  fn includes indexOf join keys lastIndexOf map reduce reduceRight reverse set slice some
  fn sort subarray toLocaleString toReversed toSorted toString values with @@iterator
`;

const typedArrayNames = [
  'BigInt64Array', 'BigUint64Array', 'Float16Array', 'Float32Array', 'Float64Array',
  'Int8Array', 'Int16Array', 'Int32Array', 'Uint8Array', 'Uint8ClampedArray',
  'Uint16Array', 'Uint32Array',
];
arrayForEach(typedArrayNames, name => {
  spec[name] = `
    proto %TypedArray%
    number BYTES_PER_ELEMENT
    is prototype %${name}Prototype%
  `;
  spec[`%${name}Prototype%`] = `
    proto %TypedArrayPrototype%
    number BYTES_PER_ELEMENT
    is constructor ${name}
  `;
});
// Uint8Array to/from base64 and hex
spec.Uint8Array += `
  fn fromBase64 fromHex
`;
spec['%Uint8ArrayPrototype%'] += `
  fn setFromBase64 setFromHex toBase64 toHex
`;

// ---- 24 Keyed collections -------------------------------------------------------------

spec.Map = `
  proto %FunctionPrototype%
  fn groupBy
  is prototype %MapPrototype%
  get @@species
`;
spec['%MapPrototype%'] = `
  is constructor Map
  fn clear delete entries forEach get has keys set values @@iterator
  # upsert proposal
  fn getOrInsert getOrInsertComputed
  get size
  string @@toStringTag
`;
spec['%MapIteratorPrototype%'] = `
  proto %IteratorPrototype%
  fn next
  string @@toStringTag
`;

spec.Set = `
  proto %FunctionPrototype%
  is prototype %SetPrototype%
  get @@species
`;
spec['%SetPrototype%'] = `
  is constructor Set
  fn add clear delete entries forEach has keys values @@iterator
  fn difference intersection isDisjointFrom isSubsetOf isSupersetOf symmetricDifference union
  get size
  string @@toStringTag
`;
spec['%SetIteratorPrototype%'] = `
  proto %IteratorPrototype%
  fn next
  string @@toStringTag
`;

spec.WeakMap = `
  proto %FunctionPrototype%
  is prototype %WeakMapPrototype%
`;
spec['%WeakMapPrototype%'] = `
  is constructor WeakMap
  fn delete get has set getOrInsert getOrInsertComputed
  string @@toStringTag
`;

spec.WeakSet = `
  proto %FunctionPrototype%
  is prototype %WeakSetPrototype%
`;
spec['%WeakSetPrototype%'] = `
  is constructor WeakSet
  fn add delete has
  string @@toStringTag
`;

// ---- 25 Structured data ---------------------------------------------------------------

spec.ArrayBuffer = `
  proto %FunctionPrototype%
  fn isView
  is prototype %ArrayBufferPrototype%
  get @@species
`;
spec['%ArrayBufferPrototype%'] = `
  is constructor ArrayBuffer
  get byteLength detached maxByteLength resizable
  fn resize slice transfer transferToFixedLength
  string @@toStringTag
  # immutable ArrayBuffer proposal (shimmed by ses at import)
  get immutable
  fn sliceToImmutable transferToImmutable
`;

spec.DataView = `
  proto %FunctionPrototype%
  is prototype %DataViewPrototype%
`;
spec['%DataViewPrototype%'] = `
  is constructor DataView
  get buffer byteLength byteOffset
  fn getBigInt64 getBigUint64 getFloat16 getFloat32 getFloat64 getInt8 getInt16 getInt32
  fn getUint8 getUint16 getUint32
  fn setBigInt64 setBigUint64 setFloat16 setFloat32 setFloat64 setInt8 setInt16 setInt32
  fn setUint8 setUint16 setUint32
  string @@toStringTag
`;

spec.JSON = `
  fn parse stringify
  # JSON.parse source text access
  fn rawJSON isRawJSON
  string @@toStringTag
`;

// ---- 27.1 Iteration -------------------------------------------------------------------

spec.Iterator = `
  proto %FunctionPrototype%
  is prototype %IteratorPrototype%
  fn from
  # iterator sequencing and joint iteration proposals
  fn concat zip zipKeyed
`;
// `constructor` and @@toStringTag are accessors in the spec, turned back into data
// properties by lockdown before the permits are enforced.
spec['%IteratorPrototype%'] = `
  is constructor Iterator
  fn @@iterator drop every filter find flatMap forEach map reduce some take toArray
  string @@toStringTag
  # async iterator helpers proposal
  fn toAsync
  # explicit resource management: not yet admitted
  drop @@dispose
`;
spec['%WrapForValidIteratorPrototype%'] = `
  proto %IteratorPrototype%
  fn next return
`;
spec['%IteratorHelperPrototype%'] = `
  proto %IteratorPrototype%
  fn next return
  string @@toStringTag
`;

// async iterator helpers proposal
spec.AsyncIterator = `
  proto %FunctionPrototype%
  is prototype %AsyncIteratorPrototype%
  fn from
`;
spec['%AsyncIteratorPrototype%'] = `
  is constructor AsyncIterator
  fn @@asyncIterator drop every filter find flatMap forEach map reduce some take toArray
  string @@toStringTag
  drop @@asyncDispose
`;
spec['%WrapForValidAsyncIteratorPrototype%'] = `
  proto %AsyncIteratorPrototype%
  fn next return
`;
spec['%AsyncIteratorHelperPrototype%'] = `
  proto %AsyncIteratorPrototype%
  fn next return
  string @@toStringTag
`;

// ---- 27.2 Promise ---------------------------------------------------------------------

spec.Promise = `
  proto %FunctionPrototype%
  fn all allSettled any race reject resolve try withResolvers
  is prototype %PromisePrototype%
  get @@species
`;
// Node's async_hooks may install these symbol-keyed accessors.
spec['%PromisePrototype%'] = `
  is constructor Promise
  fn catch finally then
  string @@toStringTag
  getset UniqueSymbol(async_id_symbol) UniqueSymbol(trigger_async_id_symbol)
  getset UniqueSymbol(destroyed)
`;

// @endo/eventual-send's HandledPromise, a Promise subclass.
spec.HandledPromise = `
  proto Promise
  fn applyFunction applyFunctionSendOnly applyMethod applyMethodSendOnly get getSendOnly
  fn resolve
  is prototype %PromisePrototype%
`;

// ---- 27.3-27.7 Generators and async functions -----------------------------------------

// The constructors reachable from these prototypes are replaced by inert ones.
spec['%InertGeneratorFunction%'] = `
  proto %InertFunction%
  is prototype %Generator%
`;
spec['%Generator%'] = `
  proto %FunctionPrototype%
  is constructor %InertGeneratorFunction%
  is prototype %GeneratorPrototype%
  string @@toStringTag
`;
spec['%GeneratorPrototype%'] = `
  proto %IteratorPrototype%
  is constructor %Generator%
  fn next return throw
  string @@toStringTag
`;

spec['%InertAsyncGeneratorFunction%'] = `
  proto %InertFunction%
  is prototype %AsyncGenerator%
`;
spec['%AsyncGenerator%'] = `
  proto %FunctionPrototype%
  is constructor %InertAsyncGeneratorFunction%
  is prototype %AsyncGeneratorPrototype%
  number length
  string @@toStringTag
`;
spec['%AsyncGeneratorPrototype%'] = `
  proto %AsyncIteratorPrototype%
  is constructor %AsyncGenerator%
  fn next return throw
  string @@toStringTag
`;

spec['%InertAsyncFunction%'] = `
  proto %InertFunction%
  is prototype %AsyncFunctionPrototype%
`;
spec['%AsyncFunctionPrototype%'] = `
  proto %FunctionPrototype%
  is constructor %InertAsyncFunction%
  number length
  string @@toStringTag
`;

// ---- 28 Reflection --------------------------------------------------------------------

spec.Reflect = `
  fn apply construct defineProperty deleteProperty get getOwnPropertyDescriptor
  fn getPrototypeOf has isExtensible ownKeys preventExtensions set setPrototypeOf
  string @@toStringTag
`;
spec.Proxy = `
  proto %FunctionPrototype%
  fn revocable
`;

// ---- Source phase imports: ModuleSource -----------------------------------------------

spec['%AbstractModuleSource%'] = `
  proto %FunctionPrototype%
  is prototype %AbstractModuleSourcePrototype%
`;
spec['%AbstractModuleSourcePrototype%'] = `
  is constructor %AbstractModuleSource%
`;
spec.ModuleSource = `
  proto %AbstractModuleSource%
  is prototype %ModuleSourcePrototype%
`;
spec['%ModuleSourcePrototype%'] = `
  proto %AbstractModuleSourcePrototype%
  is constructor ModuleSource
  get bindings needsImport needsImportMeta imports exports reexports
  string @@toStringTag
`;

// ---- Temporal -------------------------------------------------------------------------

// The Temporal getters are getter-only in the proposal; polyfills that also define
// setters are tolerated, so they are permitted as accessors.

const temporalClass = (name, statics, protoLines) => {
  spec[`%Temporal.${name}%`] = `
    proto %FunctionPrototype%
    is prototype %Temporal.${name}Prototype%
    fn ${statics}
  `;
  spec[`%Temporal.${name}Prototype%`] = `
    is constructor %Temporal.${name}%
    string @@toStringTag
    fn toString toLocaleString toJSON valueOf
    ${protoLines}
  `;
};
temporalClass(
  'Instant',
  'from fromEpochMilliseconds fromEpochNanoseconds compare',
  `
  getset epochMilliseconds epochNanoseconds
  fn add subtract until since round equals toZonedDateTimeISO
  `,
);
temporalClass(
  'PlainDate',
  'from compare',
  `
  getset calendarId era eraYear year month monthCode day dayOfWeek dayOfYear weekOfYear
  getset yearOfWeek daysInWeek daysInMonth daysInYear monthsInYear inLeapYear
  fn toPlainYearMonth toPlainMonthDay add subtract with withCalendar until since equals
  fn toPlainDateTime toZonedDateTime
  `,
);
temporalClass(
  'PlainTime',
  'from compare',
  `
  getset hour minute second millisecond microsecond nanosecond
  fn add subtract with until since round equals
  `,
);
temporalClass(
  'PlainDateTime',
  'from compare',
  `
  getset calendarId era eraYear year month monthCode day hour minute second millisecond
  getset microsecond nanosecond dayOfWeek dayOfYear weekOfYear yearOfWeek daysInWeek
  getset daysInMonth daysInYear monthsInYear inLeapYear
  fn with withCalendar withPlainTime add subtract until since round equals
  fn toZonedDateTime toPlainDate toPlainTime
  `,
);
temporalClass(
  'ZonedDateTime',
  'from compare',
  `
  getset timeZoneId calendarId era eraYear year month monthCode day hour minute second
  getset millisecond microsecond nanosecond epochMilliseconds epochNanoseconds dayOfWeek
  getset dayOfYear weekOfYear yearOfWeek hoursInDay daysInWeek daysInMonth daysInYear
  getset monthsInYear inLeapYear offsetNanoseconds offset
  fn with withCalendar withPlainTime withTimeZone add subtract until since round equals
  fn startOfDay getTimeZoneTransition toInstant toPlainDate toPlainTime toPlainDateTime
  `,
);
temporalClass(
  'Duration',
  'from compare',
  `
  getset years months weeks days hours minutes seconds milliseconds microseconds nanoseconds
  getset sign blank
  fn with negated abs add subtract round total
  `,
);
temporalClass(
  'PlainYearMonth',
  'from compare',
  `
  getset calendarId era eraYear year month monthCode daysInYear daysInMonth monthsInYear
  getset inLeapYear
  fn with add subtract until since equals toPlainDate
  `,
);
temporalClass(
  'PlainMonthDay',
  'from',
  `
  getset calendarId monthCode day
  fn with equals toPlainDate
  `,
);
spec['%Temporal.Now%'] = `
  fn instant timeZoneId plainDateTimeISO zonedDateTimeISO plainDateISO plainTimeISO
  string @@toStringTag
`;
const temporalMembers = `
  is PlainDate %Temporal.PlainDate%
  is PlainTime %Temporal.PlainTime%
  is PlainDateTime %Temporal.PlainDateTime%
  is ZonedDateTime %Temporal.ZonedDateTime%
  is Duration %Temporal.Duration%
  is Instant %Temporal.Instant%
  is PlainYearMonth %Temporal.PlainYearMonth%
  is PlainMonthDay %Temporal.PlainMonthDay%
  string @@toStringTag
`;
// The shared namespace omits Now, the source of the current time.
spec['%InitialTemporal%'] = `
  is Now %Temporal.Now%
  ${temporalMembers}
`;
spec['%SharedTemporal%'] = temporalMembers;

// ---- WHATWG Encoding (host) -----------------------------------------------------------

spec.TextEncoder = `
  proto %FunctionPrototype%
  is prototype %TextEncoderPrototype%
`;
spec['%TextEncoderPrototype%'] = `
  is constructor TextEncoder
  fn encode encodeInto
  get encoding
  string @@toStringTag
  # Node's inspection hook
  drop RegisteredSymbol(nodejs.util.inspect.custom)
`;
spec.TextDecoder = `
  proto %FunctionPrototype%
  is prototype %TextDecoderPrototype%
`;
spec['%TextDecoderPrototype%'] = `
  is constructor TextDecoder
  fn decode
  get encoding fatal ignoreBOM
  string @@toStringTag
  drop RegisteredSymbol(nodejs.util.inspect.custom)
`;

// ---- SES: Compartment -----------------------------------------------------------------

spec['%UniqueCompartment%'] = `
  proto %FunctionPrototype%
  is prototype %CompartmentPrototype%
  fn toString
`;
spec['%InertCompartment%'] = spec['%UniqueCompartment%'];
spec['%CompartmentPrototype%'] = `
  is constructor %InertCompartment%
  fn evaluate importNow module
  asyncfn import load
  get globalThis name __noNamespaceBox__
  string @@toStringTag
`;

// ---------------------------------------------------------------------------------------
// Compile

const root = create(null);
{
  const top = compile('intrinsics', spec['[[intrinsics]]']);
  arrayForEach(keys(top), k => {
    root[k] = top[k];
  });
}
arrayForEach(keys(spec), name => {
  if (name === '[[intrinsics]]') return;
  if (hasOwn(root, name)) {
    throw TypeError(`permits: ${name} listed twice`);
  }
  root[name] = compile(name, spec[name]);
});
const permitted = freeze(root);

module.exports = freeze({
  constantProperties,
  universalPropertyNames,
  initialGlobalPropertyNames,
  sharedGlobalPropertyNames,
  uniqueGlobalPropertyNames,
  NativeErrors,
  FunctionInstance,
  AsyncFunctionInstance,
  isAccessorPermit,
  permitted,
});
