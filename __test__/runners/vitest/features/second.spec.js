// A second file, so that `isolate: false` runs setup and lockdown twice in one realm.
import { expect, test } from 'vitest';
import 'ses';

if (!Object.isFrozen(Array.prototype)) {
  lockdown();
}

test('a second file in the same worker', () => {
  expect(Object.isFrozen(Array.prototype)).toBe(true);
  expect(harden({ n: 1 })).toEqual({ n: 1 });
});
