'use strict';
// Fails on purpose: an error thrown from a timer must be reported by the runner.
require('../lockdown-once.cjs');

test('an uncaught error is reported', async () => {
  setTimeout(() => {
    throw Error('uncaught-error-marker');
  }, 0);
  await new Promise(resolve => setTimeout(resolve, 100));
});
