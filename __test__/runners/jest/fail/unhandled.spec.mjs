// Fails on purpose: an unhandled rejection must be reported by the runner.
import { expect, test } from '@jest/globals';
import 'ses';

if (!Object.isFrozen(Array.prototype)) {
  lockdown();
}

test('an unhandled rejection is reported', async () => {
  Promise.reject(Error('unhandled-rejection-marker'));
  await new Promise(resolve => setTimeout(resolve, 100));
});
