// Differential: each lockdown option value (spec 2.2), one child process per value and
// implementation; the fingerprint of the resulting realm must match ses's.

import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { skipReason, runBoth, compareLines } = require('./lockdown-helpers.cjs');
const { FINGERPRINT } = require('./lockdown-probes.cjs');

const CASES = [
  { errorTaming: 'unsafe' },
  { errorTaming: 'unsafe-debug' },
  { errorTaming: 'bogus' },
  { errorTrapping: 'none' },
  { errorTrapping: 'report' },
  { unhandledRejectionTrapping: 'none' },
  { regExpTaming: 'unsafe' },
  { localeTaming: 'unsafe' },
  { localeTaming: 'bogus' },
  { consoleTaming: 'unsafe' },
  { overrideTaming: 'min' },
  { overrideTaming: 'severe' },
  { overrideTaming: 'moderate', overrideDebug: ['toString'] },
  { stackFiltering: 'verbose' },
  { domainTaming: 'unsafe' },
  { evalTaming: 'unsafe-eval' },
  { evalTaming: 'no-eval' },
  { evalTaming: 'safeEval' },
  { evalTaming: 'unsafeEval' },
  { evalTaming: 'noEval' },
  { evalTaming: 'bogus' },
  { legacyRegeneratorRuntimeTaming: 'unsafe-ignore' },
  { __hardenTaming__: 'unsafe' },
  { __hardenTaming__: 'bogus' },
  { reporting: 'none', dateTaming: 'safe', mathTaming: 'unsafe' },
  { reporting: 'console', dateTaming: 'safe' },
  { dateTaming: 'unsafe' },
  { mathTaming: 'safe' },
  { overrideDebug: 'toString' },
  { overrideTaming: 'min', consoleTaming: 'unsafe', errorTaming: 'unsafe', evalTaming: 'unsafe-eval' },
  { reporting: 'platform', errorTrapping: 'exit', unhandledRejectionTrapping: 'report' },
];

for (const options of CASES) {
  const text = JSON.stringify(options);
  test(`lockdown(${text})`, { skip: skipReason }, () => {
    const { ref, ours } = runBoth(`lockdown(${text});\n${FINGERPRINT}`);
    assert.equal(ref.status, 0, `ses probe failed: ${ref.stderr}`);
    compareLines(assert, ref.stdout, ours.stdout);
    compareLines(assert, ref.stderr, ours.stderr, 'stderr');
    assert.equal(ours.status, ref.status);
  });
}

test('explicit undefined options fall back to the environment', { skip: skipReason }, () => {
  const body = `lockdown({ errorTaming: undefined, evalTaming: undefined, overrideTaming: undefined });\n${FINGERPRINT}`;
  const { ref, ours } = runBoth(body, {
    env: { LOCKDOWN_EVAL_TAMING: 'no-eval', LOCKDOWN_OVERRIDE_TAMING: 'min', LOCKDOWN_ERROR_TAMING: 'unsafe' },
  });
  assert.equal(ref.status, 0, ref.stderr);
  compareLines(assert, ref.stdout, ours.stdout);
});

test('options read through getters, once, before any state change', { skip: skipReason }, () => {
  const body = String.raw`
let reads = 0;
const opts = { get errorTaming() { reads += 1; return 'safe'; } };
out('lockdown', () => lockdown(opts));
out('reads', () => reads);
const bad = { get overrideTaming() { throw RangeError('no'); } };
out('throwing getter', () => repairIntrinsics(bad));
`;
  const { ref, ours } = runBoth(body);
  compareLines(assert, ref.stdout, ours.stdout);
  const body2 = String.raw`
const bad = { get overrideTaming() { throw RangeError('no'); } };
out('throwing getter', () => lockdown(bad));
out('retry', () => lockdown());
out('harden', () => typeof harden);
`;
  const r2 = runBoth(body2);
  compareLines(assert, r2.ref.stdout, r2.ours.stdout);
});

// errorTaming, consoleTaming and unsafe eval observed through error stacks and console.
test('errorTaming unsafe: stack starts with the message', { skip: skipReason }, () => {
  const body = String.raw`
lockdown({ errorTaming: 'unsafe' });
out('stack head', () => new Error('boom').stack.split('\n')[0]);
out('stack has frames', () => /\n  at /.test(new Error('boom').stack));
out('assert unredacted', () => assert.Fail` + '`x ${1}`' + String.raw`);
`;
  const { ref, ours } = runBoth(body);
  compareLines(assert, ref.stdout, ours.stdout);
});
