'use strict';
// The intrinsics that no global names: reached by evaluating syntax or calling builtins
// and walking to their prototypes.
//
// Exports:
//   getAnonymousIntrinsics() -> { '%Name%': value, ... }
//     %InertFunction%, %ThrowTypeError%, %IteratorPrototype%, %ArrayIteratorPrototype%,
//     %StringIteratorPrototype%, %MapIteratorPrototype%, %SetIteratorPrototype%,
//     %RegExpStringIteratorPrototype%, %TypedArray%, %InertGeneratorFunction%,
//     %Generator%, %InertAsyncFunction%, %InertAsyncGeneratorFunction%, %AsyncGenerator%,
//     %AsyncGeneratorPrototype%, %AsyncIteratorPrototype%, %InertCompartment%, and where
//     the host has them %IteratorHelperPrototype%, %WrapForValidIteratorPrototype%,
//     %AsyncIteratorHelperPrototype%, %WrapForValidAsyncIteratorPrototype%.
// Called after the Function constructors were tamed, so the constructors found through
// the function prototypes are the inert replacements.

const {
  FERAL_FUNCTION,
  Map,
  Set,
  String,
  Uint8Array,
  getOwnPropertyDescriptor,
  getPrototypeOf,
  iterateArray,
  iterateMap,
  iterateSet,
  iterateString,
  matchAllRegExp,
  universalThis,
} = require('../commons.js');

const constructorBehind = fn => getPrototypeOf(fn).constructor;

// A strict function's arguments object has `callee` as a %ThrowTypeError% accessor.
function strictArguments() {
  return arguments; // eslint-disable-line prefer-rest-params
}

// The inert Compartment constructor belongs to the compartment room; it is looked up
// when lockdown asks, so that loading order between the rooms does not matter.
const findInertCompartment = () => {
  let compartmentModule;
  try {
    compartmentModule = require('../compartment/compartment.js');
  } catch (err) {
    if (err && err.code === 'MODULE_NOT_FOUND') {
      return undefined;
    }
    throw err;
  }
  return compartmentModule.InertCompartment;
};

const getAnonymousIntrinsics = () => {
  const intrinsics = { __proto__: null };

  // 20.2.3.x: Function.prototype.constructor, after taming, is the inert Function.
  intrinsics['%InertFunction%'] = FERAL_FUNCTION.prototype.constructor;

  // 10.2.4.1 %ThrowTypeError%: the getter (and setter) of a strict `arguments.callee`.
  const calleeDesc = getOwnPropertyDescriptor(strictArguments(), 'callee');
  intrinsics['%ThrowTypeError%'] = calleeDesc && calleeDesc.get;

  // 27.1.2 and the iterator prototypes of 22.1.5, 22.2.9, 23.1.5, 24.1.5, 24.2.6.
  const arrayIteratorPrototype = getPrototypeOf(iterateArray([]));
  intrinsics['%ArrayIteratorPrototype%'] = arrayIteratorPrototype;
  intrinsics['%IteratorPrototype%'] = getPrototypeOf(arrayIteratorPrototype);
  intrinsics['%StringIteratorPrototype%'] = getPrototypeOf(iterateString(new String()));
  intrinsics['%MapIteratorPrototype%'] = getPrototypeOf(iterateMap(new Map()));
  intrinsics['%SetIteratorPrototype%'] = getPrototypeOf(iterateSet(new Set()));
  intrinsics['%RegExpStringIteratorPrototype%'] = getPrototypeOf(matchAllRegExp(/./, ''));

  // 23.2.1 %TypedArray%, the shared constructor behind every typed array constructor.
  intrinsics['%TypedArray%'] = getPrototypeOf(Uint8Array);

  // 27.3-27.7: generator, async and async generator functions.
  const generatorFunction = constructorBehind(function* anonymousGenerator() {});
  intrinsics['%InertGeneratorFunction%'] = generatorFunction;
  intrinsics['%Generator%'] = generatorFunction.prototype;

  const asyncFunction = constructorBehind(async function anonymousAsync() {});
  intrinsics['%InertAsyncFunction%'] = asyncFunction;

  const asyncGeneratorFunction = constructorBehind(async function* anonymousAsyncGen() {});
  const asyncGenerator = asyncGeneratorFunction.prototype;
  const asyncGeneratorPrototype = asyncGenerator.prototype;
  intrinsics['%InertAsyncGeneratorFunction%'] = asyncGeneratorFunction;
  intrinsics['%AsyncGenerator%'] = asyncGenerator;
  intrinsics['%AsyncGeneratorPrototype%'] = asyncGeneratorPrototype;
  intrinsics['%AsyncIteratorPrototype%'] = getPrototypeOf(asyncGeneratorPrototype);

  // Iterator helpers (ES2025), and the async helpers proposal, where the host has them.
  const { Iterator, AsyncIterator } = universalThis;
  if (Iterator) {
    intrinsics['%IteratorHelperPrototype%'] = getPrototypeOf(Iterator.from([]).take(0));
    intrinsics['%WrapForValidIteratorPrototype%'] = getPrototypeOf(
      Iterator.from({
        next() {
          return { value: undefined, done: true };
        },
      }),
    );
  }
  if (AsyncIterator) {
    intrinsics['%AsyncIteratorHelperPrototype%'] = getPrototypeOf(
      AsyncIterator.from([]).take(0),
    );
    intrinsics['%WrapForValidAsyncIteratorPrototype%'] = getPrototypeOf(
      AsyncIterator.from({
        next() {
          return undefined;
        },
      }),
    );
  }

  const inertCompartment = findInertCompartment();
  if (inertCompartment !== undefined) {
    intrinsics['%InertCompartment%'] = inertCompartment;
  }

  return intrinsics;
};

module.exports = { getAnonymousIntrinsics };
