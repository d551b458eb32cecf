'use strict';
// ArrayBuffer.prototype.transfer for engines that lack it but have structuredClone
// (which can detach a buffer). Nothing to report as intrinsics.

const {
  ArrayBuffer,
  TypeError,
  Uint8Array,
  arrayBufferGetByteLength,
  arrayBufferPrototype,
  arrayBufferSlice,
  defineProperty,
  uncurryThis,
  universalThis,
} = require('../commons.js');

const typedArraySet = uncurryThis(Uint8Array.prototype.set);

const shimArrayBufferTransfer = () => {
  if (typeof arrayBufferPrototype.transfer === 'function') {
    return {};
  }
  const clone = universalThis.structuredClone;
  if (typeof clone !== 'function') {
    return {};
  }
  const detach = (buffer) => clone(buffer, { transfer: [buffer] });
  const { transfer } = {
    transfer(newLength = undefined) {
      // The genuine getter doubles as the brand check.
      const oldLength = arrayBufferGetByteLength(this);
      if (newLength === undefined || newLength === oldLength) {
        return detach(this);
      }
      if (typeof newLength !== 'number') {
        throw TypeError('transfer newLength if provided must be a number');
      }
      let result;
      if (newLength > oldLength) {
        result = new ArrayBuffer(newLength);
        typedArraySet(new Uint8Array(result), new Uint8Array(this));
      } else {
        result = arrayBufferSlice(this, 0, newLength);
      }
      // Detach only once the copy has succeeded.
      detach(this);
      return result;
    },
  };
  defineProperty(arrayBufferPrototype, 'transfer', {
    value: transfer,
    writable: true,
    enumerable: false,
    configurable: true,
  });
  return {};
};

module.exports = { shimArrayBufferTransfer };
