'use strict';
// Every intrinsic the JS layer relies on, captured once when this module first loads.
// Code that runs later (guest code, or host code after import) can replace the globals,
// but not these references. Methods are "uncurried": `apply(fn, receiver, args)` becomes
// `uncurried(receiver, ...args)`, so a later change to a prototype cannot reach us.

const universalThis = globalThis;

const {
  Array,
  ArrayBuffer,
  BigInt,
  Date,
  Error,
  EvalError,
  FinalizationRegistry,
  Float32Array,
  JSON,
  Map,
  Math,
  Number,
  Object,
  Promise,
  Proxy,
  RangeError,
  ReferenceError,
  Reflect,
  RegExp,
  Set,
  String,
  Symbol,
  SyntaxError,
  TypeError,
  URIError,
  Uint8Array,
  WeakMap,
  WeakRef,
  WeakSet,
  AggregateError,
} = universalThis;

const FERAL_EVAL = universalThis.eval;
const FERAL_FUNCTION = universalThis.Function;
const FERAL_ERROR = Error;

const {
  assign,
  create,
  defineProperties,
  entries,
  freeze,
  fromEntries,
  getOwnPropertyDescriptor,
  getOwnPropertyDescriptors,
  getOwnPropertyNames,
  getPrototypeOf,
  is,
  isExtensible,
  isFrozen,
  isSealed,
  keys,
  prototype: objectPrototype,
  seal,
  preventExtensions,
  setPrototypeOf,
  values,
  hasOwn: objectHasOwn,
} = Object;

const {
  apply,
  construct,
  get: reflectGet,
  getOwnPropertyDescriptor: reflectGetOwnPropertyDescriptor,
  has: reflectHas,
  isExtensible: reflectIsExtensible,
  ownKeys,
  preventExtensions: reflectPreventExtensions,
  set: reflectSet,
  defineProperty: reflectDefineProperty,
  deleteProperty: reflectDeleteProperty,
} = Reflect;

const { isArray, prototype: arrayPrototype } = Array;
const { prototype: arrayBufferPrototype } = ArrayBuffer;
const { prototype: mapPrototype } = Map;
const { prototype: setPrototype } = Set;
const { prototype: stringPrototype } = String;
const { prototype: weakmapPrototype } = WeakMap;
const { prototype: weakrefPrototype } = WeakRef || { prototype: undefined };
const { prototype: weaksetPrototype } = WeakSet;
const { prototype: functionPrototype } = FERAL_FUNCTION;
const { prototype: promisePrototype } = Promise;
const { prototype: regexpPrototype } = RegExp;
const { prototype: errorPrototype } = Error;
const { prototype: symbolPrototype } = Symbol;

const typedArrayPrototype = getPrototypeOf(Uint8Array.prototype);

const { bind } = functionPrototype;

// `uncurryThis(fn)(receiver, ...args)` is `fn.call(receiver, ...args)`, resistant to
// later changes of Function.prototype.call or .apply.
const uncurryThis = bind.bind(bind.call);

const objectHasOwnProperty = uncurryThis(objectPrototype.hasOwnProperty);
// `target.__defineGetter__(name, getter)`: an enumerable, configurable accessor without
// a setter. The engine builds that descriptor itself, where Object.defineProperty reads
// every field of a descriptor object (slowly, once Object.prototype is frozen).
// Undefined if the host lacks it.
const defineGetter =
  typeof objectPrototype.__defineGetter__ === 'function'
    ? uncurryThis(objectPrototype.__defineGetter__)
    : undefined;
const hasOwn = objectHasOwn || ((obj, key) => objectHasOwnProperty(obj, key));

// Engines without Object.hasOwn (Safari before 15.4) get it at import, as ses does, so
// that code written against ES2022 keeps working after lockdown (which permits it).
if (!objectHasOwn) {
  Object.defineProperty(Object, 'hasOwn', {
    value: hasOwn,
    writable: true,
    enumerable: false,
    configurable: true,
  });
}

// Object.defineProperty that throws when the engine reports silent failure.
const defineProperty = (object, prop, descriptor) => {
  const result = Object.defineProperty(object, prop, descriptor);
  if (result !== object) {
    throw TypeError(
      `Please report that the original defineProperty silently failed to set ${JSON.stringify(
        String(prop),
      )}. (SES_DEFINE_PROPERTY_FAILED_SILENTLY)`,
    );
  }
  return result;
};

const arrayFilter = uncurryThis(arrayPrototype.filter);
const arrayForEach = uncurryThis(arrayPrototype.forEach);
const arrayIncludes = uncurryThis(arrayPrototype.includes);
const arrayIndexOf = uncurryThis(arrayPrototype.indexOf);
const arrayJoin = uncurryThis(arrayPrototype.join);
const arrayMap = uncurryThis(arrayPrototype.map);
const arrayFlatMap = uncurryThis(arrayPrototype.flatMap);
const arrayPop = uncurryThis(arrayPrototype.pop);
const arrayPush = uncurryThis(arrayPrototype.push);
const arraySlice = uncurryThis(arrayPrototype.slice);
const arraySome = uncurryThis(arrayPrototype.some);
const arrayEvery = uncurryThis(arrayPrototype.every);
const arraySort = uncurryThis(arrayPrototype.sort);
const arraySplice = uncurryThis(arrayPrototype.splice);
const arrayUnshift = uncurryThis(arrayPrototype.unshift);
const arrayShift = uncurryThis(arrayPrototype.shift);
const arrayReverse = uncurryThis(arrayPrototype.reverse);
const arrayConcat = uncurryThis(arrayPrototype.concat);
const iterateArray = uncurryThis(arrayPrototype[Symbol.iterator]);

const mapSet = uncurryThis(mapPrototype.set);
const mapGet = uncurryThis(mapPrototype.get);
const mapHas = uncurryThis(mapPrototype.has);
const mapDelete = uncurryThis(mapPrototype.delete);
const mapEntries = uncurryThis(mapPrototype.entries);
const mapKeys = uncurryThis(mapPrototype.keys);
const mapValues = uncurryThis(mapPrototype.values);
const mapForEach = uncurryThis(mapPrototype.forEach);
const iterateMap = uncurryThis(mapPrototype[Symbol.iterator]);

const setAdd = uncurryThis(setPrototype.add);
const setDelete = uncurryThis(setPrototype.delete);
const setForEach = uncurryThis(setPrototype.forEach);
const setHas = uncurryThis(setPrototype.has);
const iterateSet = uncurryThis(setPrototype[Symbol.iterator]);

const regexpTest = uncurryThis(regexpPrototype.test);
const regexpExec = uncurryThis(regexpPrototype.exec);
const matchAllRegExp = uncurryThis(regexpPrototype[Symbol.matchAll]);
const regexpReplace = uncurryThis(regexpPrototype[Symbol.replace]);

const stringEndsWith = uncurryThis(stringPrototype.endsWith);
const stringIncludes = uncurryThis(stringPrototype.includes);
const stringIndexOf = uncurryThis(stringPrototype.indexOf);
const stringLastIndexOf = uncurryThis(stringPrototype.lastIndexOf);
const stringMatch = uncurryThis(stringPrototype.match);
const stringReplace = uncurryThis(stringPrototype.replace);
const stringSearch = uncurryThis(stringPrototype.search);
const stringSlice = uncurryThis(stringPrototype.slice);
const stringSplit = uncurryThis(stringPrototype.split);
const stringStartsWith = uncurryThis(stringPrototype.startsWith);
const stringToLowerCase = uncurryThis(stringPrototype.toLowerCase);
const stringToUpperCase = uncurryThis(stringPrototype.toUpperCase);
const stringTrim = uncurryThis(stringPrototype.trim);
const stringCharCodeAt = uncurryThis(stringPrototype.charCodeAt);
const stringRepeat = uncurryThis(stringPrototype.repeat);
const stringIsWellFormed = stringPrototype.isWellFormed
  ? uncurryThis(stringPrototype.isWellFormed)
  : undefined;
const iterateString = uncurryThis(stringPrototype[Symbol.iterator]);

const weakmapDelete = uncurryThis(weakmapPrototype.delete);
const weakmapGet = uncurryThis(weakmapPrototype.get);
const weakmapHas = uncurryThis(weakmapPrototype.has);
const weakmapSet = uncurryThis(weakmapPrototype.set);

const weaksetAdd = uncurryThis(weaksetPrototype.add);
const weaksetHas = uncurryThis(weaksetPrototype.has);

const functionToString = uncurryThis(functionPrototype.toString);
const functionBind = uncurryThis(bind);
// `functionCall(fn, receiver, ...args)` is `fn.call(receiver, ...args)`.
const functionCall = uncurryThis(functionPrototype.call);

const { all: promiseAll, resolve: promiseResolveRaw, reject: promiseRejectRaw } = Promise;
const promiseAllSettled = functionBind(Promise.allSettled, Promise);
const promiseResolve = functionBind(promiseResolveRaw, Promise);
const promiseReject = functionBind(promiseRejectRaw, Promise);
const promiseThen = uncurryThis(promisePrototype.then);
const promiseCatch = uncurryThis(promisePrototype.catch);

const symbolKeyFor = Symbol.keyFor;
const symbolFor = Symbol.for;
const symbolDescriptionGetter = getOwnPropertyDescriptor(symbolPrototype, 'description').get;
const getSymbolDescription = uncurryThis(symbolDescriptionGetter);

const typedArrayToStringTagGetter = getOwnPropertyDescriptor(
  typedArrayPrototype,
  Symbol.toStringTag,
).get;
const getTypedArrayToStringTag = uncurryThis(typedArrayToStringTagGetter);

const arrayBufferSlice = uncurryThis(arrayBufferPrototype.slice);
const arrayBufferByteLengthGetter = getOwnPropertyDescriptor(arrayBufferPrototype, 'byteLength').get;
const arrayBufferGetByteLength = uncurryThis(arrayBufferByteLengthGetter);

const { stringify: jsonStringify, parse: jsonParse } = JSON;

const isObject = value => Object(value) === value;
const isPrimitive = value => !isObject(value);

// `isError` that does not trust `instanceof` (realms) nor `Error.isError` (not everywhere).
const isError = value => value instanceof FERAL_ERROR;

const noEvalEvaluate = () => {
  throw TypeError('Cannot eval with evalTaming set to "no-eval" (SES_NO_EVAL)');
};


// Generator stepping, for the module loader's sync/async trampolines.
const generatorPrototype = getPrototypeOf(function* () {}).prototype;
const generatorNext = uncurryThis(generatorPrototype.next);
const generatorThrow = uncurryThis(generatorPrototype.throw);
const toStringTagSymbol = Symbol.toStringTag;

module.exports = freeze({
  universalThis,
  // constructors
  Array, ArrayBuffer, BigInt, Date, Error, EvalError, FinalizationRegistry, Float32Array, JSON,
  Map, Math, Number, Object, Promise, Proxy, RangeError, ReferenceError, Reflect, RegExp, Set,
  String, Symbol, SyntaxError, TypeError, URIError, Uint8Array, WeakMap, WeakRef, WeakSet,
  AggregateError,
  FERAL_EVAL, FERAL_FUNCTION, FERAL_ERROR,
  // Object
  assign, create, defineProperties, defineProperty, entries, freeze, fromEntries,
  getOwnPropertyDescriptor, getOwnPropertyDescriptors, getOwnPropertyNames, getPrototypeOf, is,
  isExtensible, isFrozen, isSealed, keys, objectPrototype, seal, preventExtensions,
  defineGetter,
  setPrototypeOf, values, hasOwn, objectHasOwnProperty,
  // Reflect
  apply, construct, reflectGet, reflectGetOwnPropertyDescriptor, reflectHas, reflectIsExtensible,
  ownKeys, reflectPreventExtensions, reflectSet, reflectDefineProperty, reflectDeleteProperty,
  // prototypes
  arrayPrototype, arrayBufferPrototype, mapPrototype, setPrototype, stringPrototype,
  weakmapPrototype, weakrefPrototype, weaksetPrototype, functionPrototype, promisePrototype,
  regexpPrototype, errorPrototype, symbolPrototype, typedArrayPrototype,
  // uncurried methods
  uncurryThis, isArray,
  arrayFilter, arrayForEach, arrayIncludes, arrayIndexOf, arrayJoin, arrayMap, arrayFlatMap,
  arrayPop, arrayPush, arraySlice, arraySome, arrayEvery, arraySort, arraySplice, arrayUnshift, arrayShift,
  arrayReverse, arrayConcat, iterateArray,
  mapSet, mapGet, mapHas, mapDelete, mapEntries, mapKeys, mapValues, mapForEach, iterateMap,
  setAdd, setDelete, setForEach, setHas, iterateSet,
  regexpTest, regexpExec, matchAllRegExp, regexpReplace,
  stringEndsWith, stringIncludes, stringIndexOf, stringLastIndexOf, stringMatch, stringReplace,
  stringSearch, stringSlice, stringSplit, stringStartsWith, stringToLowerCase,
  stringToUpperCase, stringTrim, stringCharCodeAt, stringRepeat, stringIsWellFormed,
  iterateString,
  weakmapDelete, weakmapGet, weakmapHas, weakmapSet, weaksetAdd, weaksetHas,
  functionToString, functionBind, functionCall,
  promiseAll, promiseAllSettled, promiseResolve, promiseReject, promiseThen, promiseCatch,
  symbolKeyFor, symbolFor, getSymbolDescription, getTypedArrayToStringTag,
  arrayBufferSlice, arrayBufferGetByteLength,
  jsonStringify, jsonParse,
  // predicates and helpers
  isObject, isPrimitive, isError, noEvalEvaluate,
  // appended
  generatorPrototype, generatorNext, generatorThrow, toStringTagSymbol,
});
