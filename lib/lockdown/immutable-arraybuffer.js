'use strict';
// An emulation of the Immutable ArrayBuffer proposal (what `@endo/immutable-arraybuffer`
// installs): `ArrayBuffer.prototype.transferToImmutable`, `sliceToImmutable` and the
// `immutable` getter. An immutable buffer is an ordinary object inheriting from
// ArrayBuffer.prototype that privately owns a genuine buffer nobody else can reach; the
// prototype's accessors and methods are replaced by versions that look through such an
// object to its genuine buffer for reading, and refuse to resize or detach it.

const {
  ArrayBuffer,
  Symbol,
  TypeError,
  Uint8Array,
  WeakMap,
  apply,
  defineProperty,
  freeze,
  getOwnPropertyDescriptor,
  getOwnPropertyDescriptors,
  defineProperties,
  getPrototypeOf,
  ownKeys,
  universalThis,
  weakmapGet,
  weakmapHas,
  weakmapSet,
} = require('../commons.js');

const abProto = ArrayBuffer.prototype;
const optStructuredClone = universalThis.structuredClone;
const {
  slice: feralSlice,
  transfer: optTransfer,
  resize: optResize,
  transferToFixedLength: optTransferToFixedLength,
} = abProto;
const getterOf = (name) => {
  const desc = getOwnPropertyDescriptor(abProto, name);
  return desc ? desc.get : undefined;
};
const feralByteLength = getterOf('byteLength');
const optDetached = getterOf('detached');
const optResizable = getterOf('resizable');
const optMaxByteLength = getterOf('maxByteLength');
const typedArrayProto = getPrototypeOf(Uint8Array.prototype);
const typedArraySet = typedArrayProto.set;
const typedArrayBuffer = getOwnPropertyDescriptor(typedArrayProto, 'buffer').get;

const sliceOf = (buffer, start = undefined, end = undefined) =>
  apply(feralSlice, buffer, [start, end]);
const byteLengthOf = (buffer) => apply(feralByteLength, buffer, []);

// Detach `buffer`, returning a fresh genuine buffer with its contents.
let detachInto;
if (optTransfer) {
  detachInto = (buffer) => apply(optTransfer, buffer, []);
} else if (optStructuredClone) {
  detachInto = (buffer) => {
    // Brand check first: structuredClone would accept other transferables.
    sliceOf(buffer, 0, 0);
    return optStructuredClone(buffer, { transfer: [buffer] });
  };
}

// immutable object -> the genuine buffer it alone holds.
const genuineOf = new WeakMap();
const isImmutable = (obj) => weakmapHas(genuineOf, obj);
const readable = (obj) => {
  const genuine = weakmapGet(genuineOf, obj);
  return genuine === undefined ? obj : genuine;
};

const wrapImmutable = (genuine) => {
  const result = { __proto__: abProto };
  defineProperty(result, Symbol.toStringTag, {
    value: 'ImmutableArrayBuffer',
    writable: false,
    enumerable: false,
    configurable: false,
  });
  weakmapSet(genuineOf, result, genuine);
  return result;
};

const sliceToImmutableBuffer = (buffer, start = undefined, end = undefined) =>
  wrapImmutable(sliceOf(readable(buffer), start, end));

let transferToImmutableBuffer;
if (detachInto) {
  transferToImmutableBuffer = (buffer, newLength = undefined) => {
    let genuine;
    if (newLength === undefined) {
      genuine = detachInto(buffer);
    } else if (optTransfer) {
      genuine = apply(optTransfer, buffer, [newLength]);
    } else {
      genuine = detachInto(buffer);
      const oldLength = genuine.byteLength;
      if (newLength <= oldLength) {
        genuine = sliceOf(genuine, 0, newLength);
      } else {
        const copy = new Uint8Array(newLength);
        apply(typedArraySet, copy, [new Uint8Array(genuine)]);
        genuine = apply(typedArrayBuffer, copy, []);
      }
    }
    return wrapImmutable(genuine);
  };
}

const refuseDetach = (obj) => {
  if (isImmutable(obj)) {
    throw TypeError('Cannot detach an immutable ArrayBuffer');
  }
};

// Accessors and concise methods: the names and lengths the platform's own would have.
const members = {
  __proto__: null,
  get byteLength() {
    return byteLengthOf(readable(this));
  },
  get detached() {
    if (isImmutable(this) || optDetached === undefined) {
      return false;
    }
    return apply(optDetached, this, []);
  },
  get maxByteLength() {
    if (isImmutable(this)) {
      return byteLengthOf(readable(this));
    }
    if (optMaxByteLength === undefined) {
      return byteLengthOf(this);
    }
    return apply(optMaxByteLength, this, []);
  },
  get resizable() {
    if (isImmutable(this) || optResizable === undefined) {
      return false;
    }
    return apply(optResizable, this, []);
  },
  get immutable() {
    return isImmutable(this);
  },
  slice(start = undefined, end = undefined) {
    return sliceOf(readable(this), start, end);
  },
  sliceToImmutable(start = undefined, end = undefined) {
    return sliceToImmutableBuffer(readable(this), start, end);
  },
  resize(newByteLength = undefined) {
    if (isImmutable(this)) {
      throw TypeError('Cannot resize an immutable ArrayBuffer');
    }
    if (optResize === undefined) {
      throw TypeError(
        'Cannot resize ArrayBuffer: underlying platform lacks ArrayBuffer.prototype.resize',
      );
    }
    return apply(optResize, this, [newByteLength]);
  },
  transfer(newLength = undefined) {
    refuseDetach(this);
    if (optTransfer === undefined) {
      throw TypeError(
        'Cannot transfer ArrayBuffer: underlying platform lacks ArrayBuffer.prototype.transfer',
      );
    }
    return apply(optTransfer, this, [newLength]);
  },
  transferToFixedLength(newLength = undefined) {
    refuseDetach(this);
    if (optTransferToFixedLength === undefined) {
      throw TypeError(
        'Cannot transferToFixedLength ArrayBuffer: underlying platform lacks ArrayBuffer.prototype.transferToFixedLength',
      );
    }
    return apply(optTransferToFixedLength, this, [newLength]);
  },
  transferToImmutable(newLength = undefined) {
    refuseDetach(this);
    if (transferToImmutableBuffer === undefined) {
      throw TypeError(
        'Cannot transfer to immutable: underlying platform lacks transfer or structuredClone',
      );
    }
    return transferToImmutableBuffer(this, newLength);
  },
};
for (const key of ownKeys(members)) {
  defineProperty(members, key, { enumerable: false });
}
freeze(members);

// Idempotent; a platform (or an earlier shim) that already has the proposal wins.
const installImmutableArrayBuffer = () => {
  if (!('sliceToImmutable' in abProto)) {
    defineProperties(abProto, getOwnPropertyDescriptors(members));
  }
};

module.exports = { installImmutableArrayBuffer };
