'use strict';
// The `assert` family and the hidden side tables behind it.
//
// Redaction is the point of this module: an error *message* (which any code holding the
// error can read) shows substitution values only as `(a number)`, `(an object)`..., while
// the real values are kept in WeakMaps reachable only through `loggedErrorHandler`,
// which is handed to the privileged causal console. Code without that handler cannot
// observe anything stateful here, so the module stays effectively pure for it.

const {
  universalThis,
  RangeError,
  TypeError,
  WeakMap,
  AggregateError,
  assign,
  create,
  defineProperty,
  freeze,
  getOwnPropertyDescriptors,
  hasOwn,
  is,
  isError,
  objectPrototype,
  ownKeys,
  arrayJoin,
  arrayMap,
  arrayPop,
  arrayPush,
  regexpTest,
  stringEndsWith,
  stringIndexOf,
  stringSlice,
  stringStartsWith,
  weakmapDelete,
  weakmapGet,
  weakmapHas,
  weakmapSet,
} = require('../commons.js');
const { an, bestEffortStringify } = require('./stringify-utils.js');
const { makeNoteLogArgsArrayKit } = require('./note-log-args.js');

// Stringable wrappers made by `quote` / `bare`, mapped back to what they wrap. Only
// values registered here are shown in a message.
const declassifiers = new WeakMap();

const quote = (value, spaces = undefined) => {
  const stringable = freeze({
    toString: freeze(() => bestEffortStringify(value, spaces)),
  });
  weakmapSet(declassifiers, stringable, value);
  return stringable;
};
freeze(quote);

// Words of `\w`, `:` and `-`, separated by single spaces, are safe to print unquoted.
const bareWords = /^[\w:-]( ?[\w:-])*$/;

const bare = (text, spaces = undefined) => {
  if (typeof text !== 'string' || !regexpTest(bareWords, text)) {
    return quote(text, spaces);
  }
  const stringable = freeze({ toString: freeze(() => text) });
  weakmapSet(declassifiers, stringable, text);
  return stringable;
};
freeze(bare);

// DetailsToken -> { template, args }. The parts must never leave this module: the
// unquoted args are exactly what redaction protects.
const hiddenDetailsMap = new WeakMap();

const renderRedacted = ({ template, args }) => {
  const pieces = [template[0]];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    let shown;
    if (weakmapHas(declassifiers, arg)) {
      shown = `${arg}`;
    } else if (isError(arg)) {
      shown = `(${an(arg.name)})`;
    } else {
      shown = `(${an(typeof arg)})`;
    }
    arrayPush(pieces, shown, template[i + 1]);
  }
  return arrayJoin(pieces, '');
};

// Tokens inherit `toString` rather than owning one, so that making a token (which
// happens on every `X` call, failing or not) costs a single small frozen object. The
// method checks its receiver against the side table, so it cannot be turned on
// anything else to extract information.
const DetailsTokenProto = freeze({
  toString() {
    const parts = weakmapGet(hiddenDetailsMap, this);
    return parts === undefined ? '[Not a DetailsToken]' : renderRedacted(parts);
  },
});
freeze(DetailsTokenProto.toString);

const redactedDetails = (template, ...args) => {
  const token = freeze({ __proto__: DetailsTokenProto });
  weakmapSet(hiddenDetailsMap, token, { template, args });
  return token;
};
freeze(redactedDetails);

// As if every substitution had been passed through `quote`.
const unredactedDetails = (template, ...args) => {
  const quoted = arrayMap(args, arg => (weakmapHas(declassifiers, arg) ? arg : quote(arg)));
  return redactedDetails(template, ...quoted);
};
freeze(unredactedDetails);

// Console arguments for a details token: the literal parts alternate with the real
// (unwrapped) values. A space adjacent to a substitution is dropped, since the console
// puts its own space between arguments; empty literal parts disappear.
const toLogArgs = ({ template, args }) => {
  const out = [template[0]];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const value = weakmapHas(declassifiers, arg) ? weakmapGet(declassifiers, arg) : arg;
    const before = arrayPop(out) || '';
    const beforeTrimmed = stringEndsWith(before, ' ') ? stringSlice(before, 0, -1) : before;
    if (beforeTrimmed !== '') arrayPush(out, beforeTrimmed);
    const after = template[i + 1];
    const afterTrimmed = stringStartsWith(after, ' ') ? stringSlice(after, 1) : after;
    arrayPush(out, value, afterTrimmed);
  }
  if (out[out.length - 1] === '') arrayPop(out);
  return out;
};

// Error -> the log args of its message, unredacted. Taken (deleted) when logged.
const hiddenMessageLogArgs = new WeakMap();

let errorTagNum = 0;
const errorTags = new WeakMap();

const tagError = (error, optErrorName = error.name) => {
  let tag = weakmapGet(errorTags, error);
  if (tag === undefined) {
    errorTagNum += 1;
    tag = `${optErrorName}#${errorTagNum}`;
    weakmapSet(errorTags, error, tag);
  }
  return tag;
};

const { addLogArgs: addNoteLogArgs, takeLogArgsArray: takeAllNoteLogArgs } =
  makeNoteLogArgsArrayKit();

// Error -> callbacks of consoles that already logged it; later notes go straight there.
const hiddenNoteCallbacks = new WeakMap();

const tokenPartsOrThrow = details => {
  const token = typeof details === 'string' ? redactedDetails([details]) : details;
  const parts = weakmapGet(hiddenDetailsMap, token);
  if (parts === undefined) {
    throw TypeError(`unrecognized details ${quote(token)}`);
  }
  return parts;
};

const note = (error, detailsNote) => {
  const logArgs = toLogArgs(tokenPartsOrThrow(detailsNote));
  const callbacks = weakmapGet(hiddenNoteCallbacks, error);
  if (callbacks === undefined) {
    addNoteLogArgs(error, logArgs);
    return;
  }
  for (let i = 0; i < callbacks.length; i += 1) {
    callbacks[i](error, logArgs);
  }
};
freeze(note);

/**
 * Hosts may hang extra own properties on errors (`fileName` and `lineNumber` on
 * Firefox, `line` on Safari, arbitrary ones from user code). Those are removed and kept
 * only as a console note; accessors (V8's `stack` on newer engines) become data
 * properties so that nothing runs when the error is later inspected; then the error is
 * frozen. This is not a deep hardening of `cause` or `errors`.
 *
 * @param {Error} error
 */
const sanitizeError = error => {
  const descs = getOwnPropertyDescriptors(error);
  const extra = create(null);
  const extraNames = [];
  const keysList = ownKeys(descs);
  for (let i = 0; i < keysList.length; i += 1) {
    const key = keysList[i];
    switch (key) {
      case 'name':
      case 'message':
      case 'errors':
      case 'cause':
      case 'stack':
        break;
      case 'code': {
        const { value } = descs.code;
        if (value !== undefined && typeof value !== 'string') {
          arrayPush(extraNames, key);
        }
        break;
      }
      default:
        arrayPush(extraNames, key);
        extra[key] = descs[key];
    }
  }
  if (extraNames.length > 0) {
    for (let i = 0; i < extraNames.length; i += 1) {
      delete error[extraNames[i]];
    }
    // `code` with a non-string value is dropped but, as upstream, not echoed in the note.
    const dropped = create(objectPrototype, extra);
    note(error, redactedDetails`originally with properties ${quote(dropped)}`);
  }
  const remaining = ownKeys(error);
  for (let i = 0; i < remaining.length; i += 1) {
    const key = remaining[i];
    const desc = descs[key];
    if (desc && hasOwn(desc, 'get')) {
      defineProperty(error, key, { value: error[key] });
    }
  }
  freeze(error);
};

const makeError = (
  optDetails,
  errConstructor,
  {
    errorName = undefined,
    cause = undefined,
    errors = undefined,
    sanitize = true,
    code = undefined,
  } = {},
) => {
  const details = optDetails ?? redactedDetails`Assert failed`;
  // Looked up per call: after lockdown this is the start compartment's `Error`.
  const ErrorCtor = errConstructor ?? universalThis.Error;
  const parts = tokenPartsOrThrow(details);
  const message = renderRedacted(parts);
  const options = cause && { cause };
  let error;
  if (typeof AggregateError !== 'undefined' && ErrorCtor === AggregateError) {
    error = AggregateError(errors || [], message, options);
  } else {
    // Called without `new`, as the standard error constructors allow.
    error = ErrorCtor(message, options);
    if (errors !== undefined) {
      defineProperty(error, 'errors', {
        value: errors,
        writable: true,
        enumerable: false,
        configurable: true,
      });
    }
  }
  if (code !== undefined) {
    defineProperty(error, 'code', {
      value: code,
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }
  weakmapSet(hiddenMessageLogArgs, error, toLogArgs(parts));
  if (errorName !== undefined) {
    tagError(error, errorName);
  }
  if (sanitize) {
    sanitizeError(error);
  }
  return error;
};
freeze(makeError);

// Without the privileged `getStackString`, fall back to the de facto `stack`, minus
// V8's leading `Name: message` line.
const defaultGetStackString = error => {
  if (!('stack' in error)) return '';
  const text = `${error.stack}`;
  const newline = stringIndexOf(text, '\n');
  if (stringStartsWith(text, ' ') || newline === -1) return text;
  return stringSlice(text, newline + 1);
};

const loggedErrorHandler = freeze({
  getStackString: universalThis.getStackString || defaultGetStackString,
  tagError: error => tagError(error),
  resetErrorTagNum: () => {
    errorTagNum = 0;
  },
  getMessageLogArgs: error => weakmapGet(hiddenMessageLogArgs, error),
  takeMessageLogArgs: error => {
    const logArgs = weakmapGet(hiddenMessageLogArgs, error);
    weakmapDelete(hiddenMessageLogArgs, error);
    return logArgs;
  },
  takeNoteLogArgsArray: (error, callback) => {
    const taken = takeAllNoteLogArgs(error);
    if (callback !== undefined) {
      const callbacks = weakmapGet(hiddenNoteCallbacks, error);
      if (callbacks === undefined) {
        weakmapSet(hiddenNoteCallbacks, error, [callback]);
      } else {
        arrayPush(callbacks, callback);
      }
    }
    return taken || [];
  },
});

/**
 * @param {(reason: Error) => void} [optRaise] called with the error before it is thrown
 * @param {boolean} [unredacted] every substitution shown as if quoted
 */
const makeAssert = (optRaise = undefined, unredacted = false) => {
  const details = unredacted ? unredactedDetails : redactedDetails;
  const checkFailed = details`Check failed`;

  const fail = (optDetails = checkFailed, errConstructor = undefined, options = undefined) => {
    const reason = makeError(optDetails, errConstructor, options);
    if (optRaise !== undefined) {
      optRaise(reason);
    }
    throw reason;
  };
  freeze(fail);

  const Fail = (template, ...args) => fail(details(template, ...args));

  const assert = (
    condition,
    optDetails = undefined,
    errConstructor = undefined,
    options = undefined,
  ) => {
    condition || fail(optDetails, errConstructor, options);
  };

  const equal = (
    actual,
    expected,
    optDetails = undefined,
    errConstructor = undefined,
    options = undefined,
  ) => {
    is(actual, expected) ||
      fail(
        optDetails || details`Expected ${actual} is same as ${expected}`,
        errConstructor || RangeError,
        options,
      );
  };
  freeze(equal);

  const assertTypeof = (specimen, typename, optDetails) => {
    // A non-string typename never equals a typeof result, so it falls through here.
    // eslint-disable-next-line valid-typeof
    if (typeof specimen === typename) return;
    typeof typename === 'string' || Fail`${quote(typename)} must be a string`;
    const reason =
      optDetails === undefined ? details`${specimen} must be ${bare(an(typename))}` : optDetails;
    fail(reason, TypeError);
  };
  freeze(assertTypeof);

  const assertString = (specimen, optDetails = undefined) =>
    assertTypeof(specimen, 'string', optDetails);

  // Property order matches upstream: equal, typeof, string, fail, makeError, note,
  // details, Fail, quote, bare, error, makeAssert.
  return freeze(
    assign(assert, {
      equal,
      typeof: assertTypeof,
      string: assertString,
      fail,
      makeError,
      note,
      details,
      Fail,
      quote,
      bare,
      error: makeError,
      makeAssert,
    }),
  );
};
freeze(makeAssert);

const assert = makeAssert();
const assertEqual = assert.equal;

module.exports = freeze({
  makeAssert,
  assert,
  assertEqual,
  makeError,
  sanitizeError,
  annotateError: note,
  note,
  X: redactedDetails,
  redactedDetails,
  unredactedDetails,
  q: quote,
  quote,
  b: bare,
  bare,
  loggedErrorHandler,
});
