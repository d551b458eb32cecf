'use strict';
// Sample Jest project: lockdown() in a `setupFilesAfterEnv` module (after the framework).
module.exports = {
  ...require('./jest.config.cjs'),
  setupFilesAfterEnv: ['<rootDir>/setup-lockdown.cjs'],
};
