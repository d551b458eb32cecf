'use strict';
// Test files call this: it locks down unless a setup file already did.
require('ses');

if (!Object.isFrozen(Array.prototype)) {
  lockdown();
}
