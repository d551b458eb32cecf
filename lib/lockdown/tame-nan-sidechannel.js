'use strict';
// V8 writes a NaN's payload bits as given, so DataView.prototype.setFloat16/32/64 let
// two parties that share only NaN values communicate through their bit patterns. The
// replacements write one canonical quiet NaN instead. The argument coercions happen
// here, in the order SetViewValue performs them, so a `valueOf` that yields a NaN
// cannot slip a payload past the check.

const {
  Math,
  Number,
  RangeError,
  apply,
  defineProperty,
  getOwnPropertyDescriptor,
  hasOwn,
  is,
  uncurryThis,
  universalThis,
} = require('../commons.js');

const { max, trunc } = Math;
const { MAX_SAFE_INTEGER } = Number;
const dataViewPrototype = universalThis.DataView.prototype;

const {
  setFloat16: feralSetFloat16,
  setFloat32: feralSetFloat32,
  setFloat64: feralSetFloat64,
  setUint16,
  setUint32,
  setBigUint64,
} = dataViewPrototype;

const getViewBuffer = uncurryThis(getOwnPropertyDescriptor(dataViewPrototype, 'buffer').get);

// Quiet NaNs with the lowest bit pattern, which is also what engines write for `NaN`.
const NAN_BITS_16 = 0x7e00;
const NAN_BITS_32 = 0x7fc00000;
const NAN_BITS_64 = 0x7ff8000000000000n;

const toIndex = (v) => {
  const n = trunc(v);
  if (n === 0 || is(n, NaN)) {
    return 0;
  }
  if (n < 0 || n > MAX_SAFE_INTEGER) {
    throw RangeError('Invalid offset');
  }
  return n;
};

// ToNumber, not ToNumeric: a bigint throws, as it would in the real method.
const toNumber = (v) => max(v);

const makeSetter = (feralSet, setBits, nanBits) =>
  function (byteOffset, value, isLittleEndian = undefined) {
    getViewBuffer(this);
    const index = toIndex(byteOffset);
    const number = toNumber(value);
    if (is(number, NaN)) {
      return apply(setBits, this, [index, nanBits, isLittleEndian]);
    }
    return apply(feralSet, this, [index, number, isLittleEndian]);
  };

const f16 = makeSetter(feralSetFloat16, setUint16, NAN_BITS_16);
const f32 = makeSetter(feralSetFloat32, setUint32, NAN_BITS_32);
const f64 = makeSetter(feralSetFloat64, setBigUint64, NAN_BITS_64);

// Concise methods: right names, `this`-sensitive, no prototype, not constructors.
const replacements = {
  setFloat16(byteOffset, value, isLittleEndian = undefined) {
    return apply(f16, this, [byteOffset, value, isLittleEndian]);
  },
  setFloat32(byteOffset, value, isLittleEndian = undefined) {
    return apply(f32, this, [byteOffset, value, isLittleEndian]);
  },
  setFloat64(byteOffset, value, isLittleEndian = undefined) {
    return apply(f64, this, [byteOffset, value, isLittleEndian]);
  },
};

const tameNaNSideChannel = () => {
  for (const name of ['setFloat16', 'setFloat32', 'setFloat64']) {
    if (hasOwn(dataViewPrototype, name)) {
      defineProperty(dataViewPrototype, name, { value: replacements[name] });
    }
  }
};

module.exports = { tameNaNSideChannel };
