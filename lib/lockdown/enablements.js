'use strict';
// Which frozen data properties of the intrinsics are turned into accessors that let an
// inheriting object override them by plain assignment (working around the "override
// mistake" of ES5). A plan maps a property name to:
//   true     enable that property;
//   '*'      enable every own property of the object found there;
//   a plan   descend into the object found there.
// Each tier adds to the previous one: min, then moderate (the default), then severe.

const { Symbol } = require('../commons.js');

const { iterator: iteratorSymbol, toStringTag: toStringTagSymbol } = Symbol;

const minEnablements = {
  '%ObjectPrototype%': { toString: true },
  '%FunctionPrototype%': { toString: true },
  '%ErrorPrototype%': { name: true },
  // Iterator helpers made `constructor` and @@toStringTag accessors upstream of us.
  '%IteratorPrototype%': { toString: true, constructor: true, [toStringTagSymbol]: true },
};

// For the error prototypes other than Error and TypeError: libraries set name and
// message on their subclasses' prototypes.
const errorMessageAndName = { message: true, name: true };

const moderateEnablements = {
  ...minEnablements,
  '%ObjectPrototype%': { ...minEnablements['%ObjectPrototype%'], valueOf: true },
  '%FunctionPrototype%': {
    ...minEnablements['%FunctionPrototype%'],
    constructor: true,
    bind: true,
  },
  '%ErrorPrototype%': {
    ...minEnablements['%ErrorPrototype%'],
    constructor: true,
    message: true,
    toString: true,
  },
  '%IteratorPrototype%': { ...minEnablements['%IteratorPrototype%'], [iteratorSymbol]: true },
  '%ArrayPrototype%': { toString: true, push: true, concat: true, [iteratorSymbol]: true },
  '%TypeErrorPrototype%': { constructor: true, message: true, name: true },
  '%SyntaxErrorPrototype%': { ...errorMessageAndName },
  '%RangeErrorPrototype%': { ...errorMessageAndName },
  '%URIErrorPrototype%': { ...errorMessageAndName },
  '%EvalErrorPrototype%': { ...errorMessageAndName },
  '%ReferenceErrorPrototype%': { ...errorMessageAndName },
  '%AggregateErrorPrototype%': { ...errorMessageAndName },
  '%PromisePrototype%': { constructor: true },
  '%TypedArrayPrototype%': '*',
  '%Generator%': { constructor: true, name: true, toString: true },
};

const severeEnablements = {
  ...moderateEnablements,
  '%ObjectPrototype%': '*',
  '%TypedArrayPrototype%': '*',
  '%MapPrototype%': '*',
  '%SetPrototype%': '*',
};

module.exports = { minEnablements, moderateEnablements, severeEnablements };
