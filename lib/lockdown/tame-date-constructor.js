'use strict';
// Two Date constructors share Date.prototype: %InitialDate% (start compartment) keeps
// the clock; %SharedDate% (every other compartment) has no ambient time: `Date()`,
// `new Date()` and `Date.now()` throw, while `new Date(x)` still works.

const { Date, TypeError, apply, construct, defineProperties } = require('../commons.js');

const tameDateConstructor = () => {
  const OriginalDate = Date;
  const DatePrototype = OriginalDate.prototype;

  // Concise method: named `now`, no prototype, not a constructor.
  const { now: sharedNow } = {
    now() {
      throw TypeError('secure mode Calling %SharedDate%.now() throws');
    },
  };

  const statics = (ResultDate) => {
    defineProperties(ResultDate, {
      length: { value: 7 },
      prototype: { value: DatePrototype, writable: false, enumerable: false, configurable: false },
      parse: { value: OriginalDate.parse, writable: true, enumerable: false, configurable: true },
      UTC: { value: OriginalDate.UTC, writable: true, enumerable: false, configurable: true },
    });
    return ResultDate;
  };

  const InitialDate = statics(function Date(...args) {
    if (new.target === undefined) {
      return apply(OriginalDate, undefined, args);
    }
    return construct(OriginalDate, args, new.target);
  });

  const SharedDate = statics(function Date(...args) {
    if (new.target === undefined) {
      throw TypeError('secure mode Calling %SharedDate% constructor as a function throws');
    }
    if (args.length === 0) {
      throw TypeError('secure mode Calling new %SharedDate%() with no arguments throws');
    }
    return construct(OriginalDate, args, new.target);
  });

  defineProperties(InitialDate, {
    now: { value: OriginalDate.now, writable: true, enumerable: false, configurable: true },
  });
  defineProperties(SharedDate, {
    now: { value: sharedNow, writable: true, enumerable: false, configurable: true },
  });
  defineProperties(DatePrototype, { constructor: { value: SharedDate } });

  return { '%InitialDate%': InitialDate, '%SharedDate%': SharedDate };
};

module.exports = { tameDateConstructor, default: tameDateConstructor };
