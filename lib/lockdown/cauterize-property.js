'use strict';
// Removing one property that the permits do not allow, or, failing that, making it
// harmless. Unexpected properties are reported before removal; a property that cannot
// be removed is reported as an error and the removal failure is rethrown (lockdown
// must not proceed with an unvetted intrinsic in place).

const { hasOwn } = require('../commons.js');

const cauterizeProperty = (obj, prop, known, subPath, { warn, error }) => {
  if (!known) {
    warn(`Removing ${subPath}`);
  }
  try {
    // Strict-mode delete: throws TypeError when the property is non-configurable.
    delete obj[prop];
  } catch (err) {
    if (hasOwn(obj, prop)) {
      // A bogus, undeletable `.prototype` on a non-constructor is tolerated if it
      // can at least be emptied.
      if (typeof obj === 'function' && prop === 'prototype') {
        obj.prototype = undefined;
        if (obj.prototype === undefined) {
          warn(`Tolerating undeletable ${subPath} === undefined`);
          return;
        }
      }
      error(`failed to delete ${subPath}`, err);
    } else {
      error(`deleting ${subPath} threw`, err);
    }
    throw err;
  }
};

module.exports = { cauterizeProperty };
