// Sample Vitest project. The one line a user adds is `setupFiles: ['ses/vitest']` for the
// threads and forks pools, or `environment: './node_modules/ses/vitest-environment.js'`
// for every pool including vmThreads and vmForks (here, inside the package itself, the
// path is relative). The rest points Vitest at this folder's sample files; the pool and
// isolation are chosen on the command line by __test__/runners-vitest.test.js.
import { fileURLToPath } from 'node:url';

// 'setup' (threads, forks), 'environment' (vm pools), or 'none' to show what happens
// without either.
const adapter = process.env.SES_SAMPLE_ADAPTER || 'setup';
const adapterOptions = {
  setup: { setupFiles: ['ses/vitest'] },
  environment: { environment: '../../../vitest-environment.js' },
  none: {},
}[adapter];

export default {
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Keep Vite's cache out of the sample folder (under the package's ignored node_modules).
  cacheDir: fileURLToPath(new URL('../../../node_modules/.vite-runners-sample', import.meta.url)),
  test: {
    ...adapterOptions,
    include: [process.env.SES_SAMPLE_INCLUDE || 'features/**/*.spec.js'],
  },
};
