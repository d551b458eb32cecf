'use strict';
// The *Locale* methods depend on the host's locale, an ambient channel. In safe mode:
// String.prototype.localeCompare compares code units; every intrinsic method named
// xLocaleY is replaced by its xY twin; Number.prototype.toLocaleString stringifies.

const {
  Error,
  Number,
  RegExp,
  String,
  TypeError,
  defineProperty,
  freeze,
  getOwnPropertyNames,
  isPrimitive,
  jsonStringify,
  regexpExec,
  stringIncludes,
} = require('../commons.js');

const localeName = freeze(new RegExp('^(\\w*[a-z])Locale([A-Z]\\w*)$'));

const { localeCompare: codeUnitCompare, toString: numberToPlainString } = {
  localeCompare(that) {
    if (this === null || this === undefined) {
      throw TypeError('Cannot localeCompare with null or undefined "this" value');
    }
    const a = `${this}`;
    const b = `${that}`;
    if (a < b) {
      return -1;
    }
    if (a > b) {
      return 1;
    }
    if (a !== b) {
      throw Error(`expected ${jsonStringify(a)} and ${jsonStringify(b)} to compare`);
    }
    return 0;
  },
  // Used as Number.prototype.toLocaleString: it ignores its arguments (no radix).
  toString() {
    return `${this}`;
  },
};

const tameLocaleMethods = (intrinsics, localeTaming = 'safe') => {
  if (localeTaming === 'unsafe') {
    return;
  }
  defineProperty(String.prototype, 'localeCompare', { value: codeUnitCompare });

  for (const intrinsicName of getOwnPropertyNames(intrinsics)) {
    const intrinsic = intrinsics[intrinsicName];
    if (isPrimitive(intrinsic)) {
      continue;
    }
    for (const methodName of getOwnPropertyNames(intrinsic)) {
      // Cheap pre-filter; the pattern decides.
      if (!stringIncludes(methodName, 'Locale')) {
        continue;
      }
      const match = regexpExec(localeName, methodName);
      if (!match) {
        continue;
      }
      if (typeof intrinsic[methodName] !== 'function') {
        throw Error(`expected ${jsonStringify(methodName)} to be a function`);
      }
      const twinName = `${match[1]}${match[2]}`;
      const twin = intrinsic[twinName];
      if (typeof twin !== 'function') {
        throw Error(`function ${jsonStringify(twinName)} not found`);
      }
      defineProperty(intrinsic, methodName, { value: twin });
    }
  }

  defineProperty(Number.prototype, 'toLocaleString', { value: numberToPlainString });
};

module.exports = { tameLocaleMethods, default: tameLocaleMethods };
