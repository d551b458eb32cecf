// Sample Vitest project: lockdown() in a setup file (after `ses/vitest`, if used).
import base from './vitest.config.mjs';

export default {
  ...base,
  test: { ...base.test, setupFiles: [...(base.test.setupFiles || []), './setup-lockdown.js'] },
};
