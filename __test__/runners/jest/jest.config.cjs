'use strict';
// Sample Jest project: lockdown() in the test file itself. The one line a user adds is
// `testEnvironment`; the rest only points Jest at this folder's sample files.
module.exports = {
  testEnvironment: 'ses/jest-environment',
  rootDir: __dirname,
  testMatch: ['**/*.spec.js', '**/*.spec.mjs'],
  moduleFileExtensions: ['js', 'mjs', 'cjs', 'json'],
};
