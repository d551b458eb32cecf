'use strict';
// `testEnvironment: 'ses/jest-environment'` (README: "Testing with Jest / Vitest").
module.exports = require('./lib/test-runners/jest-environment.js');
