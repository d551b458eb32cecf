// Differential: LOCKDOWN_* environment variables (spec 2.2): read only when the option
// is undefined, validated against their allowed values, and overridden by explicit options.

import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { skipReason, runBoth, compareLines } = require('./lockdown-helpers.cjs');
const { FINGERPRINT } = require('./lockdown-probes.cjs');

const compare = (body, env) => {
  const { ref, ours } = runBoth(body, { env });
  compareLines(assert, ref.stdout, ours.stdout);
  compareLines(assert, ref.stderr, ours.stderr, 'stderr');
  assert.equal(ours.status, ref.status);
};

const VALID = {
  LOCKDOWN_ERROR_TAMING: 'unsafe',
  LOCKDOWN_ERROR_TRAPPING: 'none',
  LOCKDOWN_REPORTING: 'none',
  LOCKDOWN_UNHANDLED_REJECTION_TRAPPING: 'none',
  LOCKDOWN_REGEXP_TAMING: 'unsafe',
  LOCKDOWN_LOCALE_TAMING: 'unsafe',
  LOCKDOWN_CONSOLE_TAMING: 'unsafe',
  LOCKDOWN_OVERRIDE_TAMING: 'min',
  LOCKDOWN_STACK_FILTERING: 'verbose',
  LOCKDOWN_DOMAIN_TAMING: 'unsafe',
  LOCKDOWN_EVAL_TAMING: 'no-eval',
  LOCKDOWN_LEGACY_REGENERATOR_RUNTIME_TAMING: 'unsafe-ignore',
  LOCKDOWN_HARDEN_TAMING: 'unsafe',
  LOCKDOWN_OVERRIDE_DEBUG: ',toString,,valueOf',
};

for (const [name, value] of Object.entries(VALID)) {
  test(`${name}=${value}`, { skip: skipReason }, () => {
    compare(`lockdown();\n${FINGERPRINT}`, { [name]: value });
  });
}

// Rejections change no state, so one process can try every variable in turn.
test('bogus values are rejected, each leaving lockdown retryable', { skip: skipReason }, () => {
  compare(String.raw`
const names = ${JSON.stringify(Object.keys(VALID).filter((n) => n !== 'LOCKDOWN_OVERRIDE_DEBUG'))};
for (const name of names) {
  process.env[name] = 'bogus';
  out(name, () => lockdown());
  out(name + ' class', () => { try { lockdown(); } catch (e) { return e instanceof TypeError ? 'TypeError' : e instanceof Error ? 'Error' : 'other'; } });
  delete process.env[name];
}
process.env.LOCKDOWN_ERROR_TAMING = 'Safe';
out('case matters', () => lockdown());
delete process.env.LOCKDOWN_ERROR_TAMING;
out('lockdown()', () => lockdown());
out('harden', () => typeof harden);
`);
});

test('explicit options win over the environment', { skip: skipReason }, () => {
  compare(`lockdown({ errorTaming: 'safe', evalTaming: 'safe-eval', overrideTaming: 'moderate' });\n${FINGERPRINT}`, {
    LOCKDOWN_ERROR_TAMING: 'bogus',
    LOCKDOWN_EVAL_TAMING: 'no-eval',
    LOCKDOWN_OVERRIDE_TAMING: 'severe',
  });
});

test('empty environment value is rejected like ses', { skip: skipReason }, () => {
  compare(`out('lockdown()', () => lockdown());`, { LOCKDOWN_ERROR_TAMING: '' });
});

test('the default spelled out in the environment is accepted', { skip: skipReason }, () => {
  compare(`out('lockdown()', () => lockdown());\nout('harden', () => typeof harden);`, {
    LOCKDOWN_ERROR_TAMING: 'safe',
    LOCKDOWN_EVAL_TAMING: 'safe-eval',
    LOCKDOWN_EVAL_TAMING_X: 'ignored',
  });
});
