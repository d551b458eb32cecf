'use strict';
// Fails on purpose: the runner's report must point at the failing line below.
require('../lockdown-once.cjs');

test('a failing expectation is reported at its line', () => {
  expect(harden({ value: 1 })).toEqual({ value: 2 }); // REPORT-LINE-MARKER
});
