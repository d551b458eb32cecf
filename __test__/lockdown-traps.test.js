// Differential: errorTrapping and unhandledRejectionTrapping reach the console taming
// (spec 2.5): exit status and the first line reported on stderr.

import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { skipReason, runBoth } = require('./lockdown-helpers.cjs');

const head = (text) => text.split('\n')[0];

const CASES = {
  'uncaught exception, default': `lockdown(); setTimeout(() => { throw Error('boom'); }, 0);`,
  'uncaught exception, exit': `lockdown({ errorTrapping: 'exit' }); setTimeout(() => { throw Error('boom'); }, 0);`,
  'uncaught exception, report': `lockdown({ errorTrapping: 'report' }); setTimeout(() => { throw Error('boom'); }, 0); setTimeout(() => console.log('still running'), 20);`,
  'uncaught exception, none': `lockdown({ errorTrapping: 'none' }); setTimeout(() => { throw Error('boom'); }, 0);`,
  'unhandled rejection, default': `lockdown(); Promise.reject(Error('nope')); setTimeout(() => console.log('after'), 20);`,
  'unhandled rejection, none': `lockdown({ unhandledRejectionTrapping: 'none' }); Promise.reject(Error('nope'));`,
  'unhandled rejection, none and errorTrapping none': `lockdown({ unhandledRejectionTrapping: 'none', errorTrapping: 'none' }); Promise.reject(Error('nope'));`,
  'exitCode kept': `lockdown(); process.exitCode = 3; setTimeout(() => { throw Error('boom'); }, 0);`,
};

for (const [name, body] of Object.entries(CASES)) {
  test(name, { skip: skipReason }, () => {
    const { ref, ours } = runBoth(body);
    assert.equal(ours.status, ref.status, `status; ours stderr:\n${ours.stderr}`);
    assert.equal(ours.stdout, ref.stdout);
    assert.equal(head(ours.stderr), head(ref.stderr), `ours stderr:\n${ours.stderr}\nses stderr:\n${ref.stderr}`);
  });
}
