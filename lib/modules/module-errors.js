'use strict';
// The error helpers of the module rooms, taken from the errors room with the names that
// upstream `ses`'s error/assert.js uses: makeError, annotateError, X (redacting details),
// q (quote), b (bare) and Fail.

const { freeze } = require('../commons.js');
const {
  assert,
  makeError,
  annotateError,
  X,
  q,
  b,
} = require('../errors/assert.js');

// `Fail` is a method of the redacting `assert` (upstream destructures it from there).
const Fail = assert.Fail;

module.exports = freeze({ makeError, annotateError, X, q, b, Fail });
