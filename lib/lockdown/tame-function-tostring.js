'use strict';
// Functions that SES builds in JS (shared Date, harden, the inert constructors...) should
// not reveal their source through Function.prototype.toString: they are meant to look
// like the built-ins they stand in for. A private registry lists such functions, and a
// replacement `toString` prints them the way V8 prints a native function.

const {
  WeakSet,
  defineProperty,
  freeze,
  functionPrototype,
  functionToString,
  stringEndsWith,
  weaksetAdd,
  weaksetHas,
} = require('../commons.js');

const NATIVE_TAIL = ') { [native code] }';

// Module-level so that the patch happens at most once per realm, however many callers
// ask for the marker.
let marker;

const tameFunctionToString = () => {
  if (marker !== undefined) {
    return marker;
  }
  const honoraryNatives = new WeakSet();
  // A concise method: named 'toString', not a constructor, no `prototype`.
  const { toString } = {
    toString() {
      const text = functionToString(this);
      if (stringEndsWith(text, NATIVE_TAIL) || !weaksetHas(honoraryNatives, this)) {
        return text;
      }
      return `function ${this.name}() { [native code] }`;
    },
  };
  defineProperty(functionPrototype, 'toString', { value: toString });
  marker = freeze(fn => {
    weaksetAdd(honoraryNatives, fn);
  });
  return marker;
};

module.exports = { tameFunctionToString };
