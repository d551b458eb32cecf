// A Vitest environment for every pool, vmThreads included (README: "Testing with Jest /
// Vitest"): `environment: './node_modules/ses/vitest-environment.js'`.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { makeSesEnvironment } = require('./lib/test-runners/vitest-environment.js');

export default makeSesEnvironment();
