// `setupFiles: ['ses/vitest']` (README: "Testing with Jest / Vitest"). Prepares the test
// realm, then loads `ses`, so that `lockdown()` works in a setup file or a test file.
import './lib/test-runners/vitest-setup.js';
import './index.js';
