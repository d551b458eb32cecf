'use strict';
// Fails on purpose: an unhandled rejection must be reported by the runner.
require('../lockdown-once.cjs');

test('an unhandled rejection is reported', async () => {
  Promise.reject(Error('unhandled-rejection-marker'));
  await new Promise(resolve => setTimeout(resolve, 100));
});
