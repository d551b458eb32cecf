'use strict';
// Sample Jest project: lockdown() in a `setupFiles` module (before the test framework).
module.exports = {
  ...require('./jest.config.cjs'),
  setupFiles: ['<rootDir>/setup-lockdown.cjs'],
};
