// Fails on purpose: the runner's report must point at the failing line below.
import { expect, test } from '@jest/globals';
import 'ses';

if (!Object.isFrozen(Array.prototype)) {
  lockdown();
}

test('a failing expectation is reported at its line', () => {
  expect(harden({ value: 1 })).toEqual({ value: 2 }); // REPORT-LINE-MARKER
});
