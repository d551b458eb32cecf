'use strict';
// Human-oriented renderings used in error messages: English joins, indefinite articles,
// and a JSON rendering that never throws (cycles, bigints, hostile proxies).

const {
  Set,
  String,
  Symbol,
  freeze,
  fromEntries,
  is,
  isArray,
  isError,
  keys,
  arrayJoin,
  arrayMap,
  arraySlice,
  arraySort,
  setAdd,
  setHas,
  stringIncludes,
  stringStartsWith,
  jsonStringify,
} = require('../commons.js');

const toStringTagSymbol = Symbol.toStringTag;

/**
 * `['a','b','c'], 'or'` -> `'a, b, or c'`; an empty list reads `(none)`.
 *
 * @param {ReadonlyArray<unknown>} terms
 * @param {'and' | 'or'} conjunction
 */
const enJoin = (terms, conjunction) => {
  const count = terms.length;
  if (count === 0) return '(none)';
  if (count === 1) return terms[0];
  if (count === 2) return `${terms[0]} ${conjunction} ${terms[1]}`;
  const head = arrayJoin(arraySlice(terms, 0, count - 1), ', ');
  return `${head}, ${conjunction} ${terms[count - 1]}`;
};
freeze(enJoin);

/**
 * Prefixes a noun with `a` or `an`, judged by its first letter only.
 *
 * @param {unknown} noun
 */
const an = noun => {
  const text = `${noun}`;
  const article = text.length > 0 && stringIncludes('aeiouAEIOU', text[0]) ? 'an' : 'a';
  return `${article} ${text}`;
};
freeze(an);

// Synthesized markers are bracketed; a real string that starts with `[` gets one more
// pair of brackets so a reader can tell the two apart.
const renderLeaf = value => {
  switch (typeof value) {
    case 'function':
      return `[Function ${value.name || '<anon>'}]`;
    case 'string':
      return stringStartsWith(value, '[') ? `[${value}]` : value;
    case 'undefined':
    case 'symbol':
      return `[${String(value)}]`;
    case 'bigint':
      return `[${value}n]`;
    case 'number':
      if (is(value, NaN)) return '[NaN]';
      if (value === Infinity) return '[Infinity]';
      if (value === -Infinity) return '[-Infinity]';
      return value;
    default:
      return value;
  }
};

const isSortedNames = names => {
  for (let i = 1; i < names.length; i += 1) {
    if (!(names[i - 1] < names[i])) return false;
  }
  return true;
};

/**
 * JSON-like rendering for diagnostics only. Any object met a second time (cycle or
 * shared subtree) prints as `[Seen]`; errors print as `[Name: message]`; objects that
 * carry a `Symbol.toStringTag` print as `[Tag]`; object keys are shown sorted.
 * If anything throws along the way (a proxy, a getter), a fixed placeholder is returned.
 *
 * @param {unknown} payload
 * @param {string | number} [spaces]
 * @returns {string}
 */
const bestEffortStringify = (payload, spaces = undefined) => {
  const seen = new Set();
  const replacer = (_key, value) => {
    if (typeof value !== 'object') return renderLeaf(value);
    if (value === null) return null;
    if (setHas(seen, value)) return '[Seen]';
    setAdd(seen, value);
    if (isError(value)) return `[${value.name}: ${value.message}]`;
    if (toStringTagSymbol in value) return `[${value[toStringTagSymbol]}]`;
    if (isArray(value)) return value;
    const names = keys(value);
    if (names.length < 2 || isSortedNames(names)) return value;
    arraySort(names);
    return fromEntries(arrayMap(names, name => [name, value[name]]));
  };
  try {
    return jsonStringify(payload, replacer, spaces);
  } catch (_ignored) {
    // Deliberately nothing clever here: the thrown value may itself be hostile.
    return '[Something that failed to stringify]';
  }
};
freeze(bestEffortStringify);

module.exports = freeze({ enJoin, an, bestEffortStringify });
